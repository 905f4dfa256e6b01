"""The corpus of a batch: files named by paths, directories and globs, streamed, never listed
whole in memory, each identified by the sha256 of its bytes (the store's document key)."""

from __future__ import annotations

import glob
import hashlib
import heapq
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from annales.errors import InputError

#: File name endings read when a directory is given (explicit files and globs are taken as is).
DOCUMENT_SUFFIXES = (
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xhtml",
    ".epub",
    ".tml",
    ".gz",
)


@dataclass(frozen=True, slots=True)
class Task:
    """One document to read: where it is, its key and its size (for the ETA)."""

    path: str
    sha: str
    size: int


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(DOCUMENT_SUFFIXES):
                yield Path(root) / name


def expand(patterns: Sequence[str]) -> Iterator[Path]:
    """Files for ``patterns``, in order: a file as given, a directory's document files
    (recursive, sorted), a glob's matches (sorted, ``**`` allowed). A pattern that names
    nothing is an ``InputError`` raised when it is reached."""
    for pattern in patterns:
        p = Path(pattern)
        if p.is_dir():
            yield from _walk(p)
        elif p.exists():
            yield p
        elif glob.has_magic(pattern):
            matches = sorted(glob.iglob(pattern, recursive=True))
            if not matches:
                raise InputError(pattern, "no file matches this pattern")
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    yield from _walk(mp)
                else:
                    yield mp
        else:
            raise InputError(pattern, "no such file or directory")


def check(patterns: Sequence[str]) -> tuple[int, int]:
    """Validate the patterns up front and count ``(files, bytes)`` for the progress ETA."""
    n = size = 0
    for p in expand(patterns):
        n += 1
        try:
            size += p.stat().st_size
        except OSError:
            pass  # reported when the file is read
    return n, size


def sha256_file(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def tasks(patterns: Sequence[str]) -> Iterator[Task | tuple[str, str]]:
    """A ``Task`` per readable file, or ``(path, error)`` for a file that cannot even be
    opened (it is reported as a failure; the batch goes on)."""
    for p in expand(patterns):
        try:
            yield Task(str(p), sha256_file(p), p.stat().st_size)
        except OSError as exc:
            yield (str(p), f"{p}: cannot read ({exc.strerror or exc})")


#: Tasks looked ahead to pick the largest next (bounded: memory stays independent of the corpus).
LOOKAHEAD = 64


def largest_first(tasks: Iterable[Task], window: int = LOOKAHEAD) -> Iterator[Task]:
    """``tasks`` reordered largest first within a sliding window of ``window`` tasks.

    Workers take the next task when they finish one, so the batch ends when the last document
    does: starting the big ones first keeps a long book from running alone at the end while the
    other workers idle (longest-processing-time-first scheduling). A corpus of at most
    ``window`` documents is fully sorted; a larger one is sorted within each window, and the
    last ``window`` documents, the ones that make the tail, are again fully sorted."""
    heap: list[tuple[int, int, Task]] = []
    for seq, task in enumerate(tasks):
        heapq.heappush(heap, (-task.size, seq, task))
        if len(heap) >= window:
            yield heapq.heappop(heap)[2]
    while heap:
        yield heapq.heappop(heap)[2]
