"""The local engine: a pool of worker processes on this machine, each loading the spaCy
pipeline once, reading one document per task; the parent streams tasks with a bounded number in
flight (memory does not grow with the corpus) and one writer thread stores the results.

Workers ignore SIGINT: the parent decides, stops them and lets the writer finish the documents
already read, each in its own transaction. A worker that dies (killed, out of memory) fails
only the documents it had in flight; the pool is rebuilt and the batch goes on.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from annales.batch.corpus import Task
from annales.batch.driver import WORKER_ENV, Run
from annales.batch.progress import Reporter
from annales.batch.work import BatchReport, DocumentReader, Outcome, ReadOptions, peak_rss_mb

#: Documents each worker reads before the pool is replaced by fresh workers (bounds the growth
#: of spaCy's vocabulary over a corpus of many different texts; costs one model load, ~2 s,
#: and one tail, per ``RECYCLE_AFTER × workers`` documents).
RECYCLE_AFTER = 200

_reader: DocumentReader | None = None
_init_error: str | None = None


def _init_worker(options: ReadOptions) -> None:
    global _reader, _init_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for key, value in WORKER_ENV.items():
        os.environ.setdefault(key, value)
    try:
        _reader = DocumentReader(options)
    except Exception as exc:  # noqa: BLE001 - reported per document, clearly
        _init_error = f"worker could not load the language pipeline: {type(exc).__name__}: {exc}"


def _read(task: Task) -> Outcome:
    if _reader is None:
        return Outcome(
            task.path,
            task.sha,
            task.size,
            worker=f"pid{os.getpid()}",
            peak_rss_mb=peak_rss_mb(),
            error=f"{task.path}: {_init_error}",
        )
    return _reader.read(task.path, task.sha, task.size, rows=True)


class _Pool:
    """A process pool that can be rebuilt after a worker dies."""

    def __init__(self, workers: int, options: ReadOptions) -> None:
        self.workers, self.options = workers, options
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=mp.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.options,),
        )

    def rebuild(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def recycle(self) -> None:
        """Replace the (idle) workers by fresh ones: a long-lived spaCy pipeline keeps every
        new word form it meets, so over a large corpus of different texts a worker grows.
        (``ProcessPoolExecutor(max_tasks_per_child=...)`` deadlocks on Python 3.11,
        cpython gh-115634.)"""
        self.executor.shutdown(wait=True)
        self.executor = self._new()

    def kill(self) -> None:
        """Stop the workers now (they may be in the middle of a long book)."""
        terminate = getattr(self.executor, "terminate_workers", None)  # Python >= 3.14
        if terminate is not None:
            terminate()
        else:
            for proc in list(getattr(self.executor, "_processes", {}).values()):
                proc.terminate()
        self.executor.shutdown(wait=False, cancel_futures=True)


def run_local(
    patterns: Sequence[str],
    *,
    db: str | Path,
    options: ReadOptions | None = None,
    workers: int | None = None,
    reporter: Reporter | None = None,
    inflight_per_worker: int = 2,
    recycle_after: int = RECYCLE_AFTER,
) -> BatchReport:
    """Read every document of ``patterns`` not yet in ``db``, ``workers`` at a time; the
    workers are replaced by fresh ones after every ``recycle_after`` documents each (0: never)."""
    workers = max(1, workers or os.cpu_count() or 1)
    run = Run(patterns, db, f"local ({workers} worker{'s' if workers > 1 else ''})", reporter)
    pool = _Pool(workers, options or ReadOptions())
    pending: dict[Future[Outcome], Task] = {}
    limit = workers * inflight_per_worker

    def drain() -> None:
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        broken = False
        for fut in finished:
            task = pending.pop(fut)
            try:
                outcome = fut.result()
            except BrokenProcessPool:
                broken = True
                outcome = Outcome(
                    task.path,
                    task.sha,
                    task.size,
                    error=f"{task.path}: worker process died while reading it",
                )
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                outcome = Outcome(
                    task.path,
                    task.sha,
                    task.size,
                    error=f"{task.path}: {type(exc).__name__}: {exc}",
                )
            run.outcome(outcome)
        if broken:
            for fut, task in list(pending.items()):
                pending.pop(fut)
                run.outcome(
                    Outcome(
                        task.path,
                        task.sha,
                        task.size,
                        error=f"{task.path}: worker process died while reading it",
                    )
                )
            pool.rebuild()

    interrupted = False
    submitted = 0
    try:
        for task in run.pending():
            while len(pending) >= limit:
                drain()
            if recycle_after and submitted and submitted % (recycle_after * workers) == 0:
                while pending:
                    drain()
                pool.recycle()
            pending[pool.executor.submit(_read, task)] = task
            submitted += 1
        while pending:
            drain()
    except BaseException:
        interrupted = True
        raise
    finally:
        if interrupted:
            pool.kill()
        else:
            pool.executor.shutdown(wait=True)
        report = run.close()
    return report
