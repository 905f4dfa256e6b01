"""Progress of a batch: a rich bar on a terminal, plain periodic log lines otherwise.

Logs and CI capture stderr without a terminal, where a redrawn bar turns into noise; there we
print one line every ``interval`` seconds instead. Both show documents, words/s and the ETA,
which is estimated from bytes (the only size known before a document is read).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import IO, Protocol


@dataclass(slots=True)
class Tally:
    """Running counts of one batch (pure data: the reporters below only display it)."""

    total_docs: int = 0
    total_bytes: int = 0
    done_docs: int = 0
    skipped_docs: int = 0
    failed_docs: int = 0
    done_bytes: int = 0
    words: int = 0
    started: float = field(default_factory=time.monotonic)

    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    def words_per_second(self) -> float:
        return self.words / self.elapsed()

    def eta_seconds(self) -> float | None:
        """Remaining time from the byte rate so far; None until something was read."""
        if self.done_bytes <= 0 or self.total_bytes <= 0:
            return None
        rate = self.done_bytes / self.elapsed()
        return max(self.total_bytes - self.done_bytes, 0) / rate


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def status_line(t: Tally) -> str:
    """One human line: ``12/40 docs (3 skipped, 1 failed), 5,120 words/s, ETA 02:13``."""
    extra = []
    if t.skipped_docs:
        extra.append(f"{t.skipped_docs} skipped")
    if t.failed_docs:
        extra.append(f"{t.failed_docs} failed")
    paren = f" ({', '.join(extra)})" if extra else ""
    handled = t.done_docs + t.failed_docs + t.skipped_docs
    return (
        f"{handled}/{t.total_docs} docs{paren}, {t.words:,} words, "
        f"{t.words_per_second():,.0f} words/s, elapsed {_clock(t.elapsed())}, "
        f"ETA {_clock(t.eta_seconds())}"
    )


class Reporter(Protocol):
    def start(self, tally: Tally) -> None: ...
    def update(self, tally: Tally) -> None: ...
    def finish(self, tally: Tally) -> None: ...


class LogReporter:
    """Plain lines on a stream, at most one per ``interval`` seconds (plus the last)."""

    def __init__(self, stream: IO[str] | None = None, interval: float = 10.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self._last = 0.0

    def _emit(self, tally: Tally) -> None:
        print(f"annales batch: {status_line(tally)}", file=self.stream, flush=True)
        self._last = time.monotonic()

    def start(self, tally: Tally) -> None:
        print(
            f"annales batch: {tally.total_docs} documents, {tally.total_bytes / 1e6:,.1f} MB",
            file=self.stream,
            flush=True,
        )
        self._last = time.monotonic()

    def update(self, tally: Tally) -> None:
        if time.monotonic() - self._last >= self.interval:
            self._emit(tally)

    def finish(self, tally: Tally) -> None:
        self._emit(tally)


class RichReporter:
    """A live bar (documents, words/s, ETA) for an interactive terminal."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn

        self._progress = Progress(
            TextColumn("[bold]annales batch"),
            BarColumn(),
            TextColumn("{task.fields[docs]}"),
            TextColumn("{task.fields[speed]}"),
            TextColumn("ETA {task.fields[eta]}"),
            console=Console(file=stream if stream is not None else sys.stderr),
            transient=False,
        )
        self._task = self._progress.add_task("batch", total=1, docs="", speed="", eta="")

    def _fields(self, t: Tally) -> dict[str, object]:
        handled = t.done_docs + t.failed_docs + t.skipped_docs
        failed = f" [red]{t.failed_docs} failed[/red]" if t.failed_docs else ""
        return {
            "total": max(t.total_bytes, 1),
            "completed": t.done_bytes,
            "docs": f"{handled}/{t.total_docs} docs{failed}",
            "speed": f"{t.words_per_second():,.0f} words/s",
            "eta": _clock(t.eta_seconds()),
        }

    def start(self, tally: Tally) -> None:
        self._progress.start()
        self._progress.update(self._task, **self._fields(tally))  # type: ignore[arg-type]

    def update(self, tally: Tally) -> None:
        self._progress.update(self._task, **self._fields(tally))  # type: ignore[arg-type]

    def finish(self, tally: Tally) -> None:
        self.update(tally)
        self._progress.stop()


class NullReporter:
    """Silence (library use, tests)."""

    def start(self, tally: Tally) -> None:
        pass

    def update(self, tally: Tally) -> None:
        pass

    def finish(self, tally: Tally) -> None:
        pass


def reporter_for(stream: IO[str] | None = None, interval: float = 10.0) -> Reporter:
    """The bar on a terminal, log lines elsewhere."""
    stream = stream if stream is not None else sys.stderr
    if hasattr(stream, "isatty") and stream.isatty():
        return RichReporter(stream)
    return LogReporter(stream, interval)
