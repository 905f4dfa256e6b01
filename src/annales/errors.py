"""Errors a user can act on. Each renders as one line naming the input and the problem."""

from __future__ import annotations

import re

#: what breaks a line (str.splitlines' separators)
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def _one_line(s: str) -> str:
    return _LINE_BREAKS.sub(" ", s)


class AnnalesError(Exception):
    """Base class: anything the CLI reports as a one-line error instead of a traceback."""


class InputError(AnnalesError):
    """A source file that cannot be read as a document (binary, bad encoding, malformed...)."""

    def __init__(self, source: str, problem: str) -> None:
        # one line whatever the input put in it (a ZIP member named "m\nimetype")
        self.source = _one_line(source)
        self.problem = _one_line(problem)
        super().__init__(f"{self.source}: {self.problem}")


class CalendarError(AnnalesError):
    """An unknown calendar name or an impossible calendar conversion request."""


class StoreError(AnnalesError):
    """The database is locked, full, from an unknown schema version, or corrupt."""
