"""The Ray engine on a real local Ray cluster (2 CPUs) stores exactly what the local engine
stores, keeps its JSON Lines shards when asked, and resumes from shards left by a dead run."""

from __future__ import annotations

import gzip
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_batch import small_documents

pytestmark = [pytest.mark.ray, pytest.mark.slow]

ray = pytest.importorskip("ray", reason="the ray extra is not installed")


@pytest.fixture(scope="module")
def ray_cluster():  # type: ignore[no-untyped-def]
    """One small local cluster for the module (starting Ray takes seconds)."""
    os.environ.setdefault("RAY_DISABLE_USAGE_STATS", "1")
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        object_store_memory=96 * 1024 * 1024,
        log_to_driver=False,
        logging_level=logging.WARNING,
    )
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import TEXTS, need_shared

    base = tmp_path_factory.mktemp("raycorpus")
    small_documents(need_shared(TEXTS), base / "corpus", n=5, chars=2000)
    (base / "corpus" / "empty.txt").write_bytes(b"")
    return base / "corpus"


OPTIONS = {"calendar": "julian", "reference": "1917"}


@pytest.fixture(scope="module")
def local_db(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference: the same documents read by the local engine."""
    from annales.batch import ReadOptions, run_batch

    db = tmp_path_factory.mktemp("local") / "local.db"
    report = run_batch(
        [str(docs)], db=db, engine="local", workers=2, options=ReadOptions(**OPTIONS)
    )
    assert report.docs_read == 5 and report.failures_count == 1
    return db


def assert_same_rows(left_db: Path, right_db: Path) -> None:
    from annales.batch.verify import canonical_dump

    left, right = canonical_dump(left_db), canonical_dump(right_db)
    assert left.keys() == right.keys()
    for table in left:
        assert left[table] == right[table], f"table {table} differs between engines"


def test_ray_engine_matches_local_engine_exactly(
    ray_cluster, docs: Path, local_db: Path, tmp_path: Path
) -> None:
    from annales.batch import ReadOptions, run_batch
    from annales.batch.verify import problems

    out = tmp_path / "shards"
    remote = run_batch(
        [str(docs)],
        db=tmp_path / "ray.db",
        engine="ray",
        workers=2,
        options=ReadOptions(**OPTIONS),
        out=out,
    )
    assert remote.docs_read == 5 and remote.failures_count == 1
    assert remote.engine.startswith("ray")
    assert problems(tmp_path / "ray.db") == []
    assert_same_rows(local_db, tmp_path / "ray.db")
    # --out keeps the shards: gzipped JSON Lines, one annales/1 record (with text) per document
    records = [json.loads(ln) for f in sorted(out.glob("*.jsonl.gz")) for ln in gzip.open(f, "rt")]
    assert len(records) == 5 and not list(out.glob("*.part"))
    assert all(r["chronicle"]["schema"] == "annales/1" and r["chronicle"]["text"] for r in records)
    # two actors shared the work, each reported its memory
    assert len(remote.workers) == 2 and all(w.peak_rss_mb > 0 for w in remote.workers.values())


def test_cli_joins_an_existing_cluster_with_ray_address(
    ray_cluster, docs: Path, local_db: Path, tmp_path: Path
) -> None:
    """`--ray-address` connects to a running cluster (here the test's) instead of starting one."""
    address = ray.get_runtime_context().gcs_address
    db = tmp_path / "cli.db"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "annales",
            "batch",
            str(docs),
            "--engine",
            "ray",
            "--ray-address",
            address,
            "--workers",
            "2",
            "--db",
            str(db),
            "--calendar",
            "julian",
            "--reference",
            "1917",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 1, r.stderr  # the empty file fails, the rest is read
    assert "ray (2 actors): 5 read" in r.stderr and "empty.txt" in r.stderr
    assert_same_rows(local_db, db)
    assert ray.is_initialized()  # the CLI left the cluster it joined running


def test_ray_resumes_from_shards_left_by_a_dead_run(
    ray_cluster, docs: Path, tmp_path: Path
) -> None:
    """Shards closed but never loaded are loaded; a half-written ``.part`` is discarded."""
    from annales.batch import ReadOptions, run_batch
    from annales.batch.verify import canonical_dump

    options = ReadOptions(**OPTIONS)
    first_out = tmp_path / "first"
    run_batch(
        [str(docs)],
        db=tmp_path / "first.db",
        engine="ray",
        workers=2,
        options=options,
        out=first_out,
    )
    out = tmp_path / "left"
    out.mkdir()
    shards = sorted(first_out.glob("*.jsonl.gz"))
    (out / shards[0].name).write_bytes(shards[0].read_bytes())
    (out / "shard-dead-a0-000000.jsonl.gz.part").write_bytes(gzip.compress(b'{"truncated": ')[:9])
    report = run_batch(
        [str(docs)], db=tmp_path / "resumed.db", engine="ray", workers=2, options=options, out=out
    )
    n_from_shard = sum(1 for _ in gzip.open(shards[0], "rt"))
    assert report.docs_skipped == n_from_shard  # loaded from the shard, not read again
    assert report.docs_read == 5 - n_from_shard
    assert not list(out.glob("*.part"))
    assert canonical_dump(tmp_path / "resumed.db") == canonical_dump(tmp_path / "first.db")
