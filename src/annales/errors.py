"""Errors a user can act on. Each renders as one line naming the input and the problem."""

from __future__ import annotations


class AnnalesError(Exception):
    """Base class: anything the CLI reports as a one-line error instead of a traceback."""


class InputError(AnnalesError):
    """A source file that cannot be read as a document (binary, bad encoding, malformed...)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class CalendarError(AnnalesError):
    """An unknown calendar name or an impossible calendar conversion request."""


class StoreError(AnnalesError):
    """The database is locked, full, from an unknown schema version, or corrupt."""
