"""The Ray engine: the same per-document work on a Ray cluster (this machine or many).

One actor per CPU, each holding one spaCy pipeline, reads one document per call and appends
its ``annales/1`` record (with text) to its current gzipped JSON Lines shard in ``--out``; a shard is
closed (fsync, then atomic rename from ``.part``) every ``shard_docs`` documents or
``shard_mb`` megabytes, and the driver's single writer loads closed shards into the database.
Only small summaries travel through Ray's object store, so it can stay small.

Resuming: shards closed but not loaded when a run died are loaded at the next start, ``.part``
files are dropped (their documents are not in the database, so they are read again), and
documents already in the database are skipped. Without ``--out`` the shards live in
``<db>.shards/`` and are deleted once loaded; with ``--out`` they are kept for DuckDB/Spark.

On a multi-node cluster every node must see the input files and ``--out`` at the same paths
(a shared filesystem) and have annales installed.
"""

from __future__ import annotations

import gzip
import logging
import os
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annales.batch.corpus import Task
from annales.batch.driver import WORKER_ENV, Run
from annales.batch.progress import Reporter
from annales.batch.sink import ShardFile, shard_line
from annales.batch.work import BatchReport, DocumentReader, Outcome, ReadOptions
from annales.errors import AnnalesError

#: Object store size for a local cluster: only per-document summaries go through it.
LOCAL_OBJECT_STORE_BYTES = 128 * 1024 * 1024
SHARD_SUFFIX = ".jsonl.gz"
PART_SUFFIX = ".jsonl.gz.part"
#: gzip level of the shards: JSON Lines shrink ~5x, for a few % of one core per worker.
GZIP_LEVEL = 6


def import_ray() -> Any:
    """Ray, imported on first use; a clear error when the optional extra is missing."""
    os.environ.setdefault("RAY_DISABLE_USAGE_STATS", "1")
    try:
        import ray
    except ImportError:
        raise AnnalesError(
            "the ray engine needs Ray: pip install 'annales[ray]' (or use --engine local)"
        ) from None
    return ray


class ShardWriter:
    """Runs inside a Ray actor: reads documents and appends their records to a shard file."""

    def __init__(
        self, options: ReadOptions, out_dir: str, name: str, shard_docs: int, shard_bytes: int
    ) -> None:
        for key, value in WORKER_ENV.items():
            os.environ.setdefault(key, value)
        self.name = name
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.shard_docs, self.shard_bytes = shard_docs, shard_bytes
        self.reader = DocumentReader(options, worker=name)
        self._seq = 0
        self._raw: Any = None
        self._file: Any = None
        self._docs = 0
        self._bytes = 0

    def _path(self, suffix: str) -> Path:
        return self.out / f"{self.name}-{self._seq:06d}{suffix}"

    def read(self, task: Task) -> tuple[Outcome, list[str]]:
        """Read one document; return its summary (no chronicle) and any shard it closed."""
        o = self.reader.read(task.path, task.sha, task.size)
        closed: list[str] = []
        if o.chronicle is not None:
            line = shard_line(o) + "\n"
            if self._file is None:
                self._raw = open(self._path(PART_SUFFIX), "wb")
                self._file = gzip.GzipFile(fileobj=self._raw, mode="wb", compresslevel=GZIP_LEVEL)
            self._file.write(line.encode("utf-8"))
            self._docs += 1
            self._bytes += len(line)
            o.chronicle = None
            if self._docs >= self.shard_docs or self._bytes >= self.shard_bytes:
                closed = self.flush()
        return o, closed

    def flush(self) -> list[str]:
        """Close the current shard: fsync, then rename ``.part`` to its final name."""
        if self._file is None:
            return []
        self._file.close()  # writes the gzip trailer; the raw file stays open
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        final = self._path(SHARD_SUFFIX)
        os.replace(self._path(PART_SUFFIX), final)
        self._raw, self._file, self._docs, self._bytes = None, None, 0, 0
        self._seq += 1
        return [str(final)]


def _start_ray(ray: Any, address: str | None, workers: int | None, object_store: int) -> bool:
    """Connect to ``address`` or start a local cluster; True when we started Ray here."""
    if ray.is_initialized():
        return False
    common = {"log_to_driver": False, "logging_level": logging.WARNING}
    try:
        if address:
            ray.init(address=address, **common)
        else:
            for key, value in WORKER_ENV.items():
                os.environ.setdefault(key, value)
            ray.init(
                num_cpus=workers or os.cpu_count() or 1,
                include_dashboard=False,
                object_store_memory=object_store,
                **common,
            )
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = address or "a local cluster"
        raise AnnalesError(f"ray: cannot start or reach {where}: {exc}") from None
    return True


def run_ray(
    patterns: Sequence[str],
    *,
    db: str | Path,
    out: str | Path | None = None,
    options: ReadOptions | None = None,
    workers: int | None = None,
    address: str | None = None,
    reporter: Reporter | None = None,
    shard_docs: int = 64,
    shard_mb: float = 64.0,
    object_store_bytes: int = LOCAL_OBJECT_STORE_BYTES,
    inflight_per_actor: int = 2,
) -> BatchReport:
    """Read every document of ``patterns`` not yet in ``db`` on Ray actors, via shards."""
    ray = import_ray()
    keep = out is not None
    out_dir = Path(out) if out is not None else Path(f"{db}.shards")
    run = Run(patterns, db, "ray", reporter)  # checks the patterns before Ray starts
    started = False
    actors: list[Any] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _resume(run, out_dir, keep)
        started = _start_ray(ray, address, workers, object_store_bytes)
        n_actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        run.report.engine = f"ray ({n_actors} actors)"
        remote_cls = ray.remote(num_cpus=1)(ShardWriter)
        tag = f"shard-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
        actors = [
            remote_cls.remote(
                options or ReadOptions(),
                str(out_dir.resolve()),
                f"{tag}-a{i}",
                shard_docs,
                int(shard_mb * 1e6),
            )
            for i in range(n_actors)
        ]
        _drive(ray, run, actors, inflight_per_actor, keep)
    finally:
        for a in actors:
            try:
                ray.kill(a)
            except Exception:  # noqa: BLE001 - already dead
                pass
        if started:
            ray.shutdown()
        report = run.close()
        if not keep:
            _remove_if_empty(out_dir)
    return report


def _resume(run: Run, out_dir: Path, keep: bool) -> None:
    """Load shards a previous run closed but did not load; drop its unfinished ``.part`` files."""
    for part in sorted(out_dir.glob(f"shard-*{PART_SUFFIX}")):
        part.unlink(missing_ok=True)
    for shard in sorted(out_dir.glob(f"shard-*{SHARD_SUFFIX}")):
        run.load_shard(ShardFile(shard, delete_after=not keep))
    run.sink.flush()


def _drive(ray: Any, run: Run, actors: list[Any], per_actor: int, keep: bool) -> None:
    """Stream tasks to idle actors, collect summaries, load each shard as it closes."""
    idle = [a for _ in range(per_actor) for a in actors]  # round-robin: spread first tasks
    inflight: dict[Any, tuple[Any, Task]] = {}
    unloaded: dict[int, list[Task]] = {id(a): [] for a in actors}  # docs in open shards

    def collect() -> None:
        ready, _ = ray.wait(list(inflight), num_returns=1)
        for ref in ready:
            actor, task = inflight.pop(ref)
            try:
                outcome, closed = ray.get(ref)
            except Exception as exc:  # noqa: BLE001 - the actor died (Ray restarts nothing here)
                _actor_lost(run, actor, task, unloaded, exc)
                continue
            run.summary(outcome)
            if outcome.error is None:
                unloaded[id(actor)].append(task)
            if closed:
                unloaded[id(actor)] = []
            for shard in closed:
                run.load_shard(ShardFile(Path(shard), delete_after=not keep))
            idle.append(actor)

    for task in run.pending():
        while not idle:
            if not inflight:
                raise AnnalesError("ray: every worker actor died; rerun to resume the batch")
            collect()
        actor = idle.pop(0)
        inflight[actor.read.remote(task)] = (actor, task)
    while inflight:
        collect()
    for actor in actors:
        try:
            closed = ray.get(actor.flush.remote())
        except Exception as exc:  # noqa: BLE001
            _actor_lost(run, actor, None, unloaded, exc)
            continue
        for shard in closed:
            run.load_shard(ShardFile(Path(shard), delete_after=not keep))


def _actor_lost(
    run: Run, actor: Any, task: Task | None, unloaded: dict[int, list[Task]], exc: Exception
) -> None:
    """A dead actor loses its open shard: those documents and the one it was reading fail
    (a rerun reads them again)."""
    lost = unloaded.pop(id(actor), []) + ([task] if task else [])
    unloaded[id(actor)] = []
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    for t in lost:
        run.report.docs_read -= 0 if t is task else 1
        run.outcome(Outcome(t.path, t.sha, 0, error=f"{t.path}: ray worker lost ({reason})"))


def _remove_if_empty(path: Path) -> None:
    try:
        path.rmdir()
    except OSError:
        pass
