"""The part of a batch every engine shares: walk the corpus, skip what the database already
holds, hand outcomes to the single writer, keep the tally and the report."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from annales.batch import corpus
from annales.batch.progress import NullReporter, Reporter, Tally
from annales.batch.sink import DoneIndex, ShardFile, Sink
from annales.batch.work import BatchReport, Outcome

#: Environment for worker processes: one BLAS/OpenMP thread each, the pool provides the
#: parallelism (two workers each spawning threads on two cores only fight for them).
WORKER_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class Run:
    """One batch run over ``patterns`` into ``db``, whatever engine reads the documents."""

    def __init__(
        self, patterns: Sequence[str], db: str | Path, engine: str, reporter: Reporter | None
    ) -> None:
        self.patterns = list(patterns)
        n, size = corpus.check(self.patterns)  # fails fast on a pattern naming nothing
        self.tally = Tally(total_docs=n, total_bytes=size)
        self.report = BatchReport(engine=engine, docs_total=n)
        self.reporter: Reporter = reporter if reporter is not None else NullReporter()
        self.sink = Sink(db)
        self.done = DoneIndex(db)
        self._t0 = time.perf_counter()
        self.reporter.start(self.tally)

    def pending(self) -> Iterator[corpus.Task]:
        """Tasks for the documents not yet in the database, largest first within a bounded
        window (``corpus.largest_first``); the rest are counted as skipped, unreadable files
        as failed."""
        return corpus.largest_first(self._unread())

    def _unread(self) -> Iterator[corpus.Task]:
        for item in corpus.tasks(self.patterns):
            if isinstance(item, tuple):
                path, error = item
                self.outcome(Outcome(path=path, sha="", error=error))
                continue
            if item.sha in self.done:
                self.report.docs_skipped += 1
                self.tally.skipped_docs += 1
                self.tally.done_bytes += item.size
                self.reporter.update(self.tally)
                continue
            yield item

    def outcome(self, o: Outcome) -> None:
        """A document's result: to the writer (stored, or its failure recorded) and the tally."""
        self.sink.put(o)
        self.report.record(o)
        self.tally.done_bytes += o.size
        if o.error:
            self.tally.failed_docs += 1
        else:
            self.tally.done_docs += 1
            self.tally.words += o.words
        self.reporter.update(self.tally)

    def summary(self, o: Outcome) -> None:
        """An outcome whose chronicle went to a shard file (Ray): count it, store failures."""
        if o.error:
            self.outcome(o)
            return
        self.report.record(o)
        self.tally.done_bytes += o.size
        self.tally.done_docs += 1
        self.tally.words += o.words
        self.reporter.update(self.tally)

    def load_shard(self, shard: ShardFile) -> None:
        self.sink.put(shard)

    def close(self) -> BatchReport:
        """Finish the writes, then the report (write errors count as failures)."""
        self.done.close()  # readers first: the writer's close then checkpoints the WAL
        self.sink.close()
        for path, error in self.sink.write_errors:
            self.report.fail(path, error)
            self.report.docs_read = max(self.report.docs_read - 1, 0)
        self.report.seconds = time.perf_counter() - self._t0
        self.reporter.finish(self.tally)
        return self.report
