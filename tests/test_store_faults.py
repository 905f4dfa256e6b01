"""Faults on the store, with real processes: SIGKILL mid-document, two writers at once, a lock
held too long, a full disk. The database must stay consistent and each document whole.

Run as a script, this file is the child process the tests start:
``python tests/test_store_faults.py write DB SEED N [SEED N ...]``.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(SRC)])}


def _write_main(argv: list[str]) -> None:
    from annales.store import connect, write_chronicle
    from test_store import make_chronicle

    db, pairs = argv[0], argv[1:]
    conn = connect(db)
    for seed, n in zip(pairs[0::2], pairs[1::2], strict=True):
        ch = make_chronicle(seed, int(n))
        print(f"start {seed}", flush=True)
        done = write_chronicle(conn, ch)
        print(f"{'done' if done else 'already'} {seed}", flush=True)


@cache
def expected_counts(seed: str, n: int) -> dict[str, int]:
    from test_store import make_chronicle

    ch = make_chronicle(seed, n)
    return {
        "events": len(ch.events),
        "timexes": len(ch.timexes),
        "entities": len(ch.entities),
        "mentions": sum(len(e.mentions) for e in ch.entities),
        "sentences": len(ch.sentences),
        "quotes": len(ch.quotes),
        "quantities": len(ch.quantities),
        "event_arguments": sum(len(e.agents) + len(e.patients) + len(e.places) for e in ch.events),
    }


def doc_id(seed: str, n: int) -> str:
    """The id make_chronicle gives (sha256 of seed, size and calendar)."""
    return hashlib.sha256(f"{seed}:{n}:gregorian".encode()).hexdigest()


def assert_consistent(db: Path, docs: dict[str, int]) -> set[str]:
    """integrity_check ok; every stored document complete and present once; nothing orphaned.
    Returns the seeds stored."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")
    stored = {r[0] for r in conn.execute("SELECT id FROM documents")}
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(stored)
    seeds = set()
    for seed, n in docs.items():
        did = doc_id(seed, n)
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t} WHERE doc_id = ?", (did,)).fetchone()[0]
            for t in expected_counts(seed, n)
        }
        if did in stored:
            assert counts == expected_counts(seed, n), seed
            seeds.add(seed)
        else:
            assert set(counts.values()) == {0}, (seed, counts)  # no partial document
    for t in ("events", "timexes", "entities", "sentences", "event_arguments", "mentions"):
        orphans = conn.execute(
            f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0, t
    conn.close()
    return seeds


def _spawn(db: Path, *pairs: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__)), "write", str(db), *pairs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_child_env(),
    )


def test_sigkill_mid_document_leaves_nothing_half_written(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    docs = {"small": 50, "huge": 12_000}  # the huge one takes seconds to write
    proc = _spawn(db, "small", "50", "huge", "12000")
    assert proc.stdout is not None
    lines = []
    for line in proc.stdout:  # wait until the huge document's transaction is under way
        lines.append(line.strip())
        if line.startswith("start huge"):
            break
    wal = db.with_name(db.name + "-wal")
    size0 = wal.stat().st_size
    deadline = time.monotonic() + 60
    while wal.stat().st_size < size0 + 512 * 1024 and time.monotonic() < deadline:
        time.sleep(0.02)  # pages of the uncommitted transaction are spilling into the WAL
    assert proc.poll() is None, f"child finished before the kill: {lines}"
    assert wal.stat().st_size >= size0 + 512 * 1024, "the transaction never started writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert "done small" in lines
    assert assert_consistent(db, docs) == {"small"}
    # rerun: the finished document is skipped, the killed one written whole, each once
    out = subprocess.run(
        [sys.executable, str(Path(__file__)), "write", str(db), "small", "50", "huge", "12000"],
        capture_output=True,
        text=True,
        env=_child_env(),
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    assert "already small" in out.stdout and "done huge" in out.stdout
    assert assert_consistent(db, docs) == {"small", "huge"}


def test_two_writer_processes_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    a_docs = [(f"a{i}", 400) for i in range(6)]
    b_docs = [(f"b{i}", 400) for i in range(6)]
    shared = [("shared", 400)]  # both processes write the same document: stored once
    procs = [
        _spawn(db, *[x for s, n in a_docs + shared for x in (s, str(n))]),
        _spawn(db, *[x for s, n in b_docs + shared for x in (s, str(n))]),
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    shared_lines = [
        line
        for out, _ in outs
        for line in out.splitlines()
        if line.endswith(" shared") and not line.startswith("start")
    ]
    assert sorted(shared_lines) == ["already shared", "done shared"]
    seeds = assert_consistent(db, dict(a_docs + b_docs + shared))
    assert seeds == {s for s, _ in a_docs + b_docs + shared}


def test_lock_held_too_long_gives_a_clear_error(tmp_path: Path) -> None:
    from annales.errors import StoreError
    from annales.store import connect, write_chronicle
    from test_store import make_chronicle

    db = tmp_path / "lock.db"
    holder = connect(db)
    holder.execute("BEGIN IMMEDIATE")
    waiter = connect(db, timeout=0.3)
    t0 = time.monotonic()
    with pytest.raises(StoreError, match=r"lock.db: database is locked by another process"):
        write_chronicle(waiter, make_chronicle("w", 3), db_name=str(db))
    assert time.monotonic() - t0 < 5
    holder.execute("ROLLBACK")
    assert write_chronicle(waiter, make_chronicle("w", 3)) is True


def test_full_disk_gives_a_clear_error_and_leaves_the_db_as_it_was(tmp_path: Path) -> None:
    from annales.errors import StoreError
    from annales.store import connect, documents, events, write_chronicle
    from test_store import make_chronicle

    db = tmp_path / "full.db"
    conn = connect(db)
    write_chronicle(conn, make_chronicle("first", 30))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 20}")  # a disk with 80 KB free
    with pytest.raises(StoreError, match=r"database or disk is full; nothing was written"):
        write_chronicle(conn, make_chronicle("second", 3000), db_name=str(db))
    assert [d["title"] for d in documents(conn)] == ["Doc first"]
    assert len(events(conn)) == 30
    conn.close()
    assert assert_consistent(db, {"first": 30, "second": 3000}) == {"first"}
    # with room again, the same document goes in whole
    conn = connect(db)
    assert write_chronicle(conn, make_chronicle("second", 3000)) is True
    conn.close()
    assert assert_consistent(db, {"first": 30, "second": 3000}) == {"first", "second"}


if __name__ == "__main__":
    if sys.argv[1] == "write":
        _write_main(sys.argv[2:])


@pytest.fixture
def tiny_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real 1 MB file system (tmpfs), when we may mount one (root); else skip."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    out = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True, text=True
    )
    if out.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {out.stderr.strip()[:100]}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_real_full_disk_on_a_tiny_file_system(tiny_disk: Path) -> None:
    from annales.errors import StoreError
    from annales.store import connect, documents, write_chronicle
    from test_store import make_chronicle

    db = tiny_disk / "full.db"
    conn = connect(db)
    write_chronicle(conn, make_chronicle("first", 20))
    with pytest.raises(StoreError, match=r"database or disk is full; nothing was written"):
        write_chronicle(conn, make_chronicle("second", 4000), db_name=str(db))
    assert [d["title"] for d in documents(conn)] == ["Doc first"]
    conn.close()
    assert assert_consistent(db, {"first": 20, "second": 4000}) == {"first"}
