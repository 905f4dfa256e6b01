"""Killing a batch at any moment loses nothing: SIGKILL (no chance to clean up) or SIGINT
mid-corpus, then the same command again, gives a complete, consistent database with every
document exactly once, equal to an uninterrupted run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import default_sigint
from test_batch import ROOT, small_documents

pytestmark = pytest.mark.slow

N_DOCS = 8


def committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0  # schema not created yet


def start(corpus: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "annales", "batch", str(corpus), "--db", str(db), "--workers", "1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: we kill the workers too
        preexec_fn=default_sigint,
    )


def interrupt_mid_corpus(corpus: Path, db: Path, sig: signal.Signals, group: bool) -> int:
    proc = start(corpus, db)
    deadline = time.monotonic() + 300
    while committed(db) < 2:
        assert proc.poll() is None, f"batch ended before it could be killed: {proc.stderr.read()}"
        assert time.monotonic() < deadline, "no document committed in time"
        time.sleep(0.02)
    if group:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
    proc.wait(timeout=60)
    if group:  # make sure no orphaned worker keeps writing
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    n = committed(db)
    assert 2 <= n < N_DOCS, f"{n} documents committed: the kill was not mid-corpus"
    return proc.returncode


@pytest.fixture(scope="module")
def fault_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import TEXTS, need_shared

    base = tmp_path_factory.mktemp("fault")
    small_documents(need_shared(TEXTS), base / "corpus", n=N_DOCS, chars=6000)
    return base / "corpus"


@pytest.fixture(scope="module")
def clean_dump(fault_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    from annales.batch.verify import canonical_dump

    db = tmp_path_factory.mktemp("clean") / "clean.db"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "annales",
            "batch",
            str(fault_corpus),
            "--db",
            str(db),
            "--workers",
            "2",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    return canonical_dump(db)


def check_resumed(corpus: Path, db: Path, clean: dict) -> None:
    from annales.batch.verify import canonical_dump, problems

    r = subprocess.run(
        [sys.executable, "-m", "annales", "batch", str(corpus), "--db", str(db), "--workers", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    assert "already in the database" in r.stderr
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ids = [row[0] for row in con.execute("SELECT id FROM documents")]
    assert len(ids) == N_DOCS == len(set(ids))
    assert problems(db) == []
    assert canonical_dump(db) == clean  # exactly what an uninterrupted run stores


def test_sigkill_mid_corpus_then_rerun_completes(
    fault_corpus: Path, clean_dump: dict, tmp_path: Path
) -> None:
    db = tmp_path / "killed.db"
    rc = interrupt_mid_corpus(fault_corpus, db, signal.SIGKILL, group=True)
    assert rc == -signal.SIGKILL
    check_resumed(fault_corpus, db, clean_dump)


def test_sigint_mid_corpus_exits_cleanly_then_rerun_completes(
    fault_corpus: Path, clean_dump: dict, tmp_path: Path
) -> None:
    db = tmp_path / "interrupted.db"
    rc = interrupt_mid_corpus(fault_corpus, db, signal.SIGINT, group=False)
    assert rc == 130
    check_resumed(fault_corpus, db, clean_dump)
