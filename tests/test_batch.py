"""`annales batch`, local engine: corpus walking, progress, a real batch over small documents
with bad files among them, and the rerun that skips what is stored."""

from __future__ import annotations

import io
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annales.batch import corpus
from annales.batch.progress import LogReporter, Tally, status_line
from annales.errors import InputError

ROOT = Path(__file__).resolve().parents[1]


def small_documents(texts_dir: Path, dest: Path, n: int, chars: int) -> list[Path]:
    """``n`` documents of about ``chars`` characters each, cut at paragraph breaks from a
    public-domain book (so they hold real dates, people and events)."""
    text = (texts_dir / "reed-ten-days.txt").read_text(encoding="utf-8")
    start = text.find("CHAPTER I")
    paras = [p for p in re.split(r"\n\s*\n", text[start:]) if len(p.strip()) > 40]
    dest.mkdir(parents=True, exist_ok=True)
    out, i = [], 0
    for k in range(n):
        buf = []
        while sum(map(len, buf)) < chars and i < len(paras):
            buf.append(paras[i])
            i += 1
        p = dest / f"doc{k:02d}.txt"
        p.write_text("\n\n".join(buf) + "\n", encoding="utf-8")
        out.append(p)
    return out


def run_cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run(
        [sys.executable, "-m", "annales", "batch", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
    )


# -- corpus and progress (no spaCy) ------------------------------------------------------------


def test_expand_directories_globs_and_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "notes.json").write_text("{}")  # not a document type: skipped in dirs
    (tmp_path / "a" / "sub").mkdir()
    (tmp_path / "a" / "sub" / "two.md").write_text("y")
    (tmp_path / "three.html").write_text("<p>z</p>")
    got = [p.name for p in corpus.expand([str(tmp_path / "a"), str(tmp_path / "*.html")])]
    assert got == ["one.txt", "two.md", "three.html"]
    got = [p.name for p in corpus.expand([str(tmp_path / "**" / "*.md")])]
    assert got == ["two.md"]
    assert corpus.check([str(tmp_path / "a")]) == (2, 2)


def test_a_pattern_naming_nothing_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no file matches"):
        list(corpus.expand([str(tmp_path / "*.txt")]))
    with pytest.raises(InputError, match="no such file"):
        corpus.check([str(tmp_path / "missing.txt")])


def test_tasks_are_keyed_by_the_sha256_of_the_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"same")
    (tmp_path / "b.txt").write_bytes(b"same")
    shas = {t.sha for t in corpus.tasks([str(tmp_path)]) if isinstance(t, corpus.Task)}
    assert shas == {"0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5"}


def test_largest_documents_go_first_within_a_bounded_window() -> None:
    sizes = [5, 90, 7, 90, 1, 300, 40, 2, 60, 8]
    tasks = [corpus.Task(f"d{i}", f"{i:064x}", n) for i, n in enumerate(sizes)]
    whole = list(corpus.largest_first(tasks, window=64))
    assert [t.size for t in whole] == sorted(sizes, reverse=True)
    assert [t.path for t in whole[1:3]] == ["d1", "d3"]  # equal sizes keep their order
    consumed = 0

    def counted() -> Iterator[corpus.Task]:
        nonlocal consumed
        for t in tasks:
            consumed += 1
            yield t

    out = []
    for t in corpus.largest_first(counted(), window=3):
        out.append(t.size)
        assert consumed == min(len(out) + 2, len(tasks))  # never more than 3 held
    assert out == [90, 90, 7, 300, 40, 5, 60, 8, 2, 1]


def test_log_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    rep = LogReporter(stream, interval=0.0)
    t = Tally(total_docs=4, total_bytes=400)
    rep.start(t)
    t.done_docs, t.failed_docs, t.done_bytes, t.words = 2, 1, 300, 1000
    rep.update(t)
    rep.finish(t)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "annales batch: 4 documents, 0.0 MB"
    assert "3/4 docs (1 failed)" in lines[1] and "words/s" in lines[1] and "ETA" in lines[1]
    assert "\x1b" not in stream.getvalue()  # no terminal control codes in logs
    assert status_line(Tally()).startswith("0/0 docs")


# -- a real batch ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    from conftest import TEXTS, need_shared

    texts = need_shared(TEXTS)
    base = tmp_path_factory.mktemp("batch")
    docs = small_documents(texts, base / "corpus", n=4, chars=2500)
    (base / "corpus" / "empty.txt").write_bytes(b"")
    (base / "corpus" / "binary.txt").write_bytes(bytes(range(256)) * 40)
    db = base / "annales.db"
    first = run_cli(
        str(base / "corpus"),
        "--db",
        str(db),
        "--workers",
        "2",
        "--calendar",
        "julian",
        "--reference",
        "1917",
    )
    return {"db": db, "docs": docs, "first": first, "base": base}


def test_batch_stores_every_good_document_and_reports_the_bad_ones(corpus_run: dict) -> None:
    from annales.batch.verify import problems

    first = corpus_run["first"]
    assert first.returncode == 1, first.stderr  # failures make the exit code non-zero
    err = first.stderr
    assert "4 read" in err and "2 failed" in err
    failed = [ln.strip() for ln in err.splitlines() if ln.startswith("  ")]
    assert len(failed) == 2
    assert any("empty.txt" in ln for ln in failed) and any("binary.txt" in ln for ln in failed)
    assert all("Traceback" not in ln for ln in err.splitlines())
    db = corpus_run["db"]
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM documents")]
    assert len(ids) == 4 == len(set(ids))
    assert sorted(Path(r[0]).name for r in con.execute("SELECT path FROM documents")) == [
        "doc00.txt",
        "doc01.txt",
        "doc02.txt",
        "doc03.txt",
    ]
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    assert con.execute("SELECT DISTINCT calendar FROM documents").fetchall() == [("julian",)]
    fails = sorted(Path(r[0]).name for r in con.execute("SELECT path FROM batch_failures"))
    assert fails == ["binary.txt", "empty.txt"]
    assert problems(db) == []


def test_rerun_skips_stored_documents_and_adds_nothing(corpus_run: dict) -> None:
    from annales.batch.verify import canonical_dump

    db = corpus_run["db"]
    before = canonical_dump(db)
    again = run_cli(str(corpus_run["base"] / "corpus"), "--db", str(db), "--workers", "1")
    assert "4 already in the database" in again.stderr and "0 read" in again.stderr
    assert canonical_dump(db) == before


def test_batch_stores_exactly_what_annales_read_stores(corpus_run: dict, tmp_path: Path) -> None:
    """The workers build the rows and the writer only inserts them: the database must be the
    one `annales read` (which builds and inserts in one process) gives for the same files."""
    from annales.batch.verify import canonical_dump

    db = tmp_path / "read.db"
    files = [str(corpus_run["base"] / "corpus" / p.name) for p in corpus_run["docs"]]
    r = subprocess.run(
        [sys.executable, "-m", "annales", "read", *files, "--db", str(db)]
        + ["--calendar", "julian", "--reference", "1917"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    batch = canonical_dump(corpus_run["db"])
    read = canonical_dump(db)
    assert batch["events"] and batch == read


def test_recycled_workers_store_the_same_rows(corpus_run: dict, tmp_path: Path) -> None:
    """Workers replaced after every document (fresh processes, fresh pipelines) store exactly
    what the long-lived workers of the first run stored."""
    from annales.batch.local import run_local
    from annales.batch.verify import canonical_dump
    from annales.batch.work import ReadOptions

    db = tmp_path / "recycled.db"
    report = run_local(
        [str(corpus_run["base"] / "corpus")],
        db=db,
        options=ReadOptions(calendar="julian", reference="1917"),
        workers=1,
        recycle_after=1,
    )
    assert report.docs_read == 4 and report.failures_count == 2
    assert len(report.workers) == 6  # one process per document
    assert canonical_dump(db) == canonical_dump(corpus_run["db"])


def test_a_failure_is_cleared_once_the_file_reads(corpus_run: dict, tmp_path: Path) -> None:
    db = tmp_path / "fix.db"
    bad = tmp_path / "later.txt"
    bad.write_bytes(b"")
    assert run_cli(str(bad), "--db", str(db), "--workers", "1").returncode == 1
    bad.write_text("On 25 October 1917 the Red Guards took the Winter Palace.\n", encoding="utf-8")
    ok = run_cli(str(bad), "--db", str(db), "--workers", "1")
    assert ok.returncode == 0, ok.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM batch_failures").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    r = run_cli(str(tmp_path / "nothing-*.txt"), "--db", str(tmp_path / "x.db"))
    assert r.returncode != 0
    assert r.stderr.strip().count("\n") == 0 and "no file matches" in r.stderr
    for bad in (["--engine", "spark"], ["--calendar", "mayan"], ["--mode", "poetry"]):
        r = run_cli(str(tmp_path), *bad, "--db", str(tmp_path / "x.db"))
        assert r.returncode != 0 and bad[0] in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "x.db").exists()
