"""Faults through the real command line (``python -m annales read``), complementing the store-level
tests of tests/test_store_faults.py: SIGKILL while `annales read` is writing one large document,
two `annales read` processes on one database, an older-schema database, and a genuinely full
file system (a small tmpfs, when we may mount one).

Each subprocess loads spaCy (~2 s), so the documents are small and generated here.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TABLES = (
    "timexes",
    "events",
    "entities",
    "mentions",
    "quantities",
    "quotes",
    "sentences",
    "event_arguments",
)
SUMMARY = re.compile(
    r"(\d[\d,]*) dates, (\d[\d,]*) events, (\d[\d,]*) entities, "
    r"(\d[\d,]*) figures, (\d[\d,]*) quotes"
)


def narrative(n: int, seed: int = 1) -> str:
    """A dense synthetic chronicle: every sentence a date, an event, a figure and a quote."""
    rng = random.Random(seed)
    names = ["Kerensky", "Lenin", "Trotsky", "Kornilov", "the Soviet", "the Duma"]
    verbs = ["met", "attacked", "wired", "arrested", "addressed", "warned"]
    months = ["January", "March", "May", "June", "July", "September", "October", "November"]
    out = []
    for i in range(n):
        out.append(
            f"On {rng.randint(1, 28)} {rng.choice(months)} {rng.randint(1905, 1920)}, "
            f"{rng.choice(names)} {rng.choice(verbs)} {rng.choice(names)} with "
            f'{rng.randint(2, 90) * 1000:,} men. "We shall see," said {rng.choice(names)}.'
        )
        out.append("\n\n" if i % 8 == 7 else " ")
    return "".join(out)


def annales(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annales", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "annales", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def check_db(db: Path) -> dict[str, dict[str, int]]:
    """integrity_check and FTS check pass, nothing orphaned; returns row counts per document."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")
        docs = [r[0] for r in conn.execute("SELECT id FROM documents")]
        assert len(docs) == len(set(docs))
        out: dict[str, dict[str, int]] = {}
        for t in TABLES:
            orphans = conn.execute(
                f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT id FROM documents)"
            ).fetchone()[0]
            assert orphans == 0, f"{orphans} orphan rows in {t} (a partial document)"
        for d in docs:
            out[d] = {
                t: conn.execute(f"SELECT count(*) FROM {t} WHERE doc_id = ?", (d,)).fetchone()[0]
                for t in TABLES
            }
        return out
    finally:
        conn.close()


def assert_complete(counts: dict[str, int], stdout: str) -> None:
    """The stored rows are the ones `annales read` reported (dates, events, entities, ...)."""
    m = SUMMARY.search(stdout)
    assert m, stdout
    dates, evs, ents, figs, quotes = (int(x.replace(",", "")) for x in m.groups())
    assert (
        counts["timexes"],
        counts["events"],
        counts["entities"],
        counts["quantities"],
        counts["quotes"],
    ) == (dates, evs, ents, figs, quotes)
    assert counts["sentences"] > 0


def empty_db(path: Path) -> Path:
    from annales.store import connect

    connect(path).close()  # schema created up front: the child's only write is the document
    return path


# ---------------------------------------------------------------- SIGKILL mid-write


def test_sigkill_while_read_writes_a_large_document_then_rerun(tmp_path: Path) -> None:
    doc = tmp_path / "large.txt"
    doc.write_text(narrative(220), encoding="utf-8")
    db = empty_db(tmp_path / "kill.db")
    proc = spawn("read", str(doc), "--db", str(db))
    probe = sqlite3.connect(db, timeout=0, isolation_level=None)
    caught = False
    try:
        while proc.poll() is None:  # the child holds the write lock only inside its transaction
            try:
                probe.execute("BEGIN IMMEDIATE")
                probe.execute("ROLLBACK")
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc):
                    time.sleep(0.01)  # a few inserts in
                    proc.send_signal(signal.SIGKILL)
                    caught = True
                    break
                raise
            time.sleep(0.002)
    finally:
        probe.close()
        proc.wait(timeout=60)
    assert caught, f"read finished before its transaction was seen: {proc.stderr.read()}"  # type: ignore[union-attr]
    assert proc.returncode == -signal.SIGKILL
    assert check_db(db) == {}, "a killed read left a document behind"
    again = annales("read", str(doc), "--db", str(db))
    assert again.returncode == 0, again.stderr
    stored = check_db(db)
    assert list(stored) == [sha(doc)]
    assert_complete(stored[sha(doc)], again.stdout)
    third = annales("read", str(doc), "--db", str(db))
    assert third.returncode == 0 and "already read" in third.stdout
    assert check_db(db) == stored


# ---------------------------------------------------------------- two writers


def test_two_read_processes_on_one_database_both_succeed(tmp_path: Path) -> None:
    a, b, shared = (tmp_path / f"{n}.txt" for n in ("a", "b", "shared"))
    a.write_text(narrative(30, seed=2), encoding="utf-8")
    b.write_text(narrative(30, seed=3), encoding="utf-8")
    shared.write_text(narrative(30, seed=4), encoding="utf-8")
    db = tmp_path / "two.db"  # not created beforehand: both processes race to create it too
    procs = [
        spawn("read", str(a), str(shared), "--db", str(db)),
        spawn("read", str(b), str(shared), "--db", str(db)),
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert "Traceback" not in err
    stored = check_db(db)
    assert set(stored) == {sha(a), sha(b), sha(shared)}
    shared_lines = [ln for out, _ in outs for ln in out.splitlines() if ln.startswith(str(shared))]
    assert len(shared_lines) == 2  # one read it, the other found it stored (or both raced: once)
    for f, (out, _) in ((a, outs[0]), (b, outs[1])):
        line = next(ln for ln in out.splitlines() if ln.startswith(str(f)))
        assert_complete(stored[sha(f)], line)


# ---------------------------------------------------------------- older schema


@pytest.mark.parametrize("verb", [["read", "{doc}"], ["events"], ["entities"]])
def test_older_schema_database_is_refused_untouched(tmp_path: Path, verb: list[str]) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text("On 22 June 1917 the Congress met.", encoding="utf-8")
    db = empty_db(tmp_path / "old.db")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 0")  # what a pre-release (unversioned) annales wrote
    conn.close()
    before = sha(db)
    out = annales(*[v.format(doc=doc) for v in verb], "--db", str(db))
    assert out.returncode != 0
    err = out.stderr.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    assert str(db) in err and "schema version 0" in err and "older" in err, err
    assert sha(db) == before, "a refused database was modified"


# ---------------------------------------------------------------- full disk


@pytest.fixture
def small_fs(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 3 MB tmpfs (root only); skips where mounting is not allowed."""
    mnt = tmp_path / "fs"
    mnt.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs (the store-level test uses max_page_count)")
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True, text=True
    )
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_full_disk_gives_a_clear_error_and_leaves_the_database_as_it_was(
    tmp_path: Path, small_fs: Path
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("On 22 June 1917 the Congress met in Petrograd.", encoding="utf-8")
    second.write_text(narrative(120, seed=5), encoding="utf-8")
    db = small_fs / "full.db"
    ok = annales("read", str(first), "--db", str(db))
    assert ok.returncode == 0, ok.stderr
    before = check_db(db)
    st = os.statvfs(small_fs)
    filler = small_fs / "filler"
    filler.write_bytes(b"\0" * max(0, st.f_bavail * st.f_frsize - 48 * 1024))  # 48 KB left
    out = annales("read", str(second), "--db", str(db))
    assert out.returncode == 1, out.stdout
    err = out.stderr.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    assert str(second) in err and "full" in err, err
    assert check_db(db) == before
    filler.unlink()  # room again: the same document goes in whole
    again = annales("read", str(second), "--db", str(db))
    assert again.returncode == 0, again.stderr
    stored = check_db(db)
    assert set(stored) == {*before, sha(second)}
    assert_complete(stored[sha(second)], again.stdout)


# ---------------------------------------------------------------- bad creation time in a file


def test_timeml_with_an_unusable_creation_time_is_read_or_refused_clearly(tmp_path: Path) -> None:
    doc = tmp_path / "bad-dct.tml"
    doc.write_text(
        '<?xml version="1.0"?><TimeML><DOCID>d</DOCID><DCT><TIMEX3 tid="t0" '
        'type="DATE" value="garbage" functionInDocument="CREATION_TIME">x</TIMEX3>'
        "</DCT><TEXT>On Friday the market fell. Two days later it rose.</TEXT></TimeML>",
        encoding="utf-8",
    )
    out = annales("read", str(doc), "--no-store")
    # found here (it was "internal error: ValueError: dct must be a date"); fixed in ingest
    assert out.returncode == 0 and "internal error" not in out.stderr, out.stderr
    assert "garbage" in out.stderr and len(out.stderr.strip().splitlines()) == 1
