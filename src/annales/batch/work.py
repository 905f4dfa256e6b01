"""What one worker does, whatever the engine: load the spaCy pipeline once, then read
documents one at a time into ``Outcome`` records. A document that fails becomes an outcome
with an error, never an exception: one bad file must not stop a corpus."""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass, field
from typing import Any

from annales.chronicle import Chronicle
from annales.errors import AnnalesError
from annales.store.writer import PreparedDocument, prepare_document


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """The ``annales read`` options applied to every document of a batch (None: default)."""

    mode: str | None = None
    calendar: str | None = None
    reference: str | None = None
    dct: str | None = None

    def pipeline_kwargs(self, source_dct: str | None) -> dict[str, Any]:
        kw: dict[str, Any] = {
            "mode": self.mode,
            "calendar": self.calendar,
            "reference": self.reference,
            "dct": source_dct or self.dct,
        }
        return {k: v for k, v in kw.items() if v is not None}


@dataclass(slots=True)
class Outcome:
    """The result of one document: a chronicle to store (or its rows, ``prepared``, built
    by the worker so the single writer only inserts them), or the error to record."""

    path: str
    sha: str
    size: int = 0
    words: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    worker: str = ""
    peak_rss_mb: float = 0.0
    chronicle: Chronicle | None = None
    prepared: PreparedDocument | None = None
    format: str | None = None
    encoding: str | None = None
    error: str | None = None


def peak_rss_mb() -> float:
    """This process's peak resident set size (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def count_words(text: str) -> int:
    return len(text.split())


def load_nlp() -> Any:
    """The shared spaCy pipeline (annales.nlp), loaded once per worker process."""
    from annales import nlp

    return nlp.load()


def _analyse(source: Any, nlp: Any, kwargs: dict[str, Any]) -> Chronicle:
    from annales.pipeline import read_source

    chron: Chronicle = read_source(source, nlp=nlp, **kwargs)
    return chron


class DocumentReader:
    """A worker's reader: one spaCy pipeline, reused for every document it is given."""

    def __init__(self, options: ReadOptions, worker: str | None = None) -> None:
        self.options = options
        self.worker = worker or f"pid{os.getpid()}"
        self.nlp = load_nlp()

    def read(self, path: str, sha: str, size: int = 0, *, rows: bool = False) -> Outcome:
        """Read one document; with ``rows``, return its database rows (``prepared``) instead
        of the chronicle: the writer's work minus the inserts, done here in parallel."""
        from annales.ingest import load

        out = Outcome(path=path, sha=sha, size=size, worker=self.worker)
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            source = load(path)
            out.words = count_words(source.text)
            out.format, out.encoding = source.format, source.encoding
            chron = _analyse(source, self.nlp, self.options.pipeline_kwargs(source.dct))
            if chron.document.source is None:  # as `annales read` stores it
                chron.document.source = path
            if rows:
                out.prepared = prepare_document(
                    chron, path=path, format=source.format, encoding=source.encoding
                )
            else:
                out.chronicle = chron
        except AnnalesError as exc:
            out.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - any bug in one document is that document's failure
            out.error = f"{path}: {type(exc).__name__}: {exc}"
        out.seconds = time.perf_counter() - t0
        out.cpu_seconds = time.process_time() - c0
        out.peak_rss_mb = peak_rss_mb()
        if out.error:
            out.chronicle = out.prepared = None
        return out


@dataclass(slots=True)
class WorkerStats:
    """Per-worker totals for the end-of-batch report and the benchmark."""

    docs: int = 0
    words: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_rss_mb: float = 0.0

    def add(self, o: Outcome) -> None:
        self.docs += 1
        self.words += o.words
        self.seconds += o.seconds
        self.cpu_seconds += o.cpu_seconds
        self.peak_rss_mb = max(self.peak_rss_mb, o.peak_rss_mb)


@dataclass(slots=True)
class BatchReport:
    """What a batch did: counts, throughput, failures (file, error) and per-worker memory."""

    engine: str
    docs_total: int = 0
    docs_read: int = 0
    docs_skipped: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)
    failures_count: int = 0
    workers: dict[str, WorkerStats] = field(default_factory=dict)

    MAX_LISTED = 200

    def record(self, o: Outcome) -> None:
        self.workers.setdefault(o.worker or "?", WorkerStats()).add(o)
        if o.error:
            self.failures_count += 1
            if len(self.failures) < self.MAX_LISTED:
                self.failures.append((o.path, o.error))
        else:
            self.docs_read += 1
            self.words += o.words

    def fail(self, path: str, error: str) -> None:
        self.failures_count += 1
        if len(self.failures) < self.MAX_LISTED:
            self.failures.append((path, error))

    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def docs_per_second(self) -> float:
        return self.docs_read / self.seconds if self.seconds > 0 else 0.0

    def words_per_cpu_second(self) -> float:
        """Words per CPU-second of one worker: the rate a dedicated core would give."""
        cpu = sum(w.cpu_seconds for w in self.workers.values())
        return self.words / cpu if cpu > 0 else 0.0

    def peak_rss_per_worker_mb(self) -> float:
        return max((w.peak_rss_mb for w in self.workers.values()), default=0.0)

    def summary(self) -> str:
        return (
            f"{self.engine}: {self.docs_read} read, {self.docs_skipped} already in the database, "
            f"{self.failures_count} failed; {self.words:,} words in {self.seconds:,.1f} s "
            f"({self.words_per_second():,.0f} words/s, {self.docs_per_second():.2f} docs/s), "
            f"peak RSS per worker {self.peak_rss_per_worker_mb():,.0f} MB"
        )
