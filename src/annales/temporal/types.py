"""The shared shape of a recognised temporal expression before it becomes a ``Timex``.

Recognisers (the English rules, the historical-calendar rules) emit ``Candidate``s; anchoring
fills the ``X`` parts from the document creation time or the narrative reference; the calendar
layer adds the Gregorian counterpart, EDTF and a human label.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

from annales.chronicle import Timex

# Given the current reference value (an ISO date such as "1917-06-22" in the document's
# calendar, or None when there is none), return the resolved TIMEX3 value.
Resolver = Callable[[str | None], str]


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value, possibly with X placeholders for anchoring to fill
    mod: str | None = None
    calendar: str | None = None  # calendar the text itself states; None = the document's
    gregorian: str | None = None  # the other side of a dual date, when the text gives it
    resolve: Resolver | None = None  # custom anaphora resolution (e.g. Republican dates)
    sets_reference: bool = True  # a fully specified date moves the narrative reference
    quant: str | None = None
    freq: str | None = None
    label: str | None = None
    inferred: bool = False
    warning: str | None = None
    source: str = "rules"
    priority: int = 0  # wins over overlapping candidates of lower priority
    # valued in the calendar it is written in (a side of a dual date), not the document's
    written: bool = False


def check_field_order(cls: type, names: tuple[str, ...], where: str) -> None:
    """Fail at import when a dataclass built by position (a hot path) changed its fields."""
    if tuple(f.name for f in fields(cls)) != names:  # pragma: no cover
        raise ImportError(f"{cls.__module__}.{cls.__name__} changed its fields: update {where}")


def revalued(
    t: Timex, value: str, finalise: Callable[[Timex, str], Timex] | None, **changes: Any
) -> Timex | None:
    """``t`` with a new value, its calendar-derived fields (Gregorian, EDTF, label) made again
    by ``finalise``; None when that fails, so the caller keeps the old reading."""
    moved = replace(t, value=value, gregorian=None, edtf=None, label=None, **changes)
    if finalise is None:
        return moved
    try:
        return finalise(moved, t.calendar)
    except Exception:  # noqa: BLE001 - a reading that cannot be finalised is not taken
        return None
