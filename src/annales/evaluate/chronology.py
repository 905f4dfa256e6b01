"""Scoring event dating against a gold chronology (``annales evaluate chronology GOLD``).

Gold format: JSON Lines, one gold event per line::

    {"document": "reed.txt", "sentence": "the Congress opened at 10.45", "trigger": "opened",
     "date": "1917-11-07", "gregorian": "1917-11-07", "calendar": "gregorian"}

- ``document``: path of the text, relative to the gold file.
- ``sentence``: a short snippet, an exact substring of the document text, that locates the
  event; ``occurrence`` (1-based, default 1) picks one when the snippet repeats.
- ``trigger``: the event word, an exact substring of the snippet (its first occurrence there).
- ``date``: TIMEX3 value in the document's calendar ("1917-06-22", "1917-06", "1917"), or
  ``null`` when the text does not date the event.
- ``gregorian`` (optional): the same date in the Gregorian calendar; by default ``date`` when
  ``calendar`` is absent or ``"gregorian"``.
- ``calendar`` (optional): the calendar of ``date``.
- ``reference`` (optional): the year or date a reader knows before the passage starts (from
  the book's earlier chapters); passed to the reader as ``--reference`` for that document.

Whitespace in a snippet matches any run of whitespace in the text (line breaks of a
hard-wrapped book need not be copied).

A gold event is *found* when a system event's trigger overlaps the gold trigger. Measures:
event recall (found / gold); over found events, date accuracy (exact value), Gregorian accuracy
and *compatible* accuracy (the two dates agree at the coarser granularity: "1917-06" and
"1917-06-22" agree). A null gold date is right when the system gives no date.

This module is pure: it reads gold files and compares offsets and values; the command passes
the chronicles (``annales.pipeline``) in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annales.errors import InputError


@dataclass(slots=True)
class GoldEvent:
    """One annotated event, located in its document text."""

    where: str  # "gold.jsonl:12", for messages
    document: str  # resolved path of the text
    sentence: str
    trigger: str
    date: str | None
    gregorian: str | None
    calendar: str | None = None
    occurrence: int = 1
    reference: str | None = None
    start: int = -1  # trigger offsets in the document text, once located
    end: int = -1


@dataclass(frozen=True, slots=True)
class SystemEvent:
    """What the system said about one event: trigger offsets and its date (None: undated)."""

    start: int
    end: int
    date: str | None
    gregorian: str | None
    source: str | None = None  # "explicit" | "narrative"


@dataclass(slots=True)
class Outcome:
    """One gold event and the system event that found it (None: missed)."""

    gold: GoldEvent
    system: SystemEvent | None

    @property
    def exact(self) -> bool:
        return self.system is not None and self.system.date == self.gold.date

    @property
    def gregorian_ok(self) -> bool:
        return self.system is not None and self.system.gregorian == self.gold.gregorian

    @property
    def compatible(self) -> bool:
        return self.system is not None and compatible(self.system.date, self.gold.date)

    def describe(self, text: str = "") -> str:
        g = self.gold
        if self.system is None:
            return f"{g.where}: missed event {g.trigger!r} ({g.date})"
        s = self.system
        kind = "ok" if self.exact else ("coarse" if self.compatible else "wrong")
        return (
            f"{g.where}: {kind} date for {g.trigger!r}: system {s.date} ({s.source or '-'}),"
            f" gold {g.date}"
        )


@dataclass(slots=True)
class ChronologyReport:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def gold(self) -> int:
        return len(self.outcomes)

    @property
    def found(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.system is not None]

    def _share(self, n: int, d: int) -> float:
        return n / d if d else 0.0

    def to_dict(self, errors: bool = False) -> dict[str, Any]:
        found = self.found
        f = len(found)
        out: dict[str, Any] = {
            "gold_events": self.gold,
            "found": f,
            "event_recall": round(self._share(f, self.gold), 4),
            "date_accuracy": round(self._share(sum(o.exact for o in found), f), 4),
            "gregorian_accuracy": round(self._share(sum(o.gregorian_ok for o in found), f), 4),
            "compatible_accuracy": round(self._share(sum(o.compatible for o in found), f), 4),
            "dated_by_system": sum(o.system.date is not None for o in found if o.system),
            "dated_in_gold": sum(o.gold.date is not None for o in found),
        }
        if errors:
            out["errors"] = [o.describe() for o in self.outcomes if not o.exact]
        return out


def _granularity_prefix(a: str, b: str) -> tuple[str, str]:
    n = min(len(a), len(b))
    return a[:n], b[:n]


def compatible(system: str | None, gold: str | None) -> bool:
    """Whether two date values agree at the coarser of their granularities ("1917-06" and
    "1917-06-22" do; "1917-06" and "1917-07-01" do not). Two nulls agree; a null and a date
    do not. Values that are not plain YYYY[-MM[-DD]] must be equal."""
    if system is None or gold is None:
        return system is None and gold is None
    plain = all(len(v) in (4, 7, 10) and v[:4].isdigit() for v in (system, gold))
    if not plain:
        return system == gold
    a, b = _granularity_prefix(system, gold)
    return a == b


def read_gold(path: str | Path) -> list[GoldEvent]:
    """Parse a gold JSON Lines file; documents are resolved relative to it. A malformed line
    raises :class:`InputError` naming ``file:line``."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(p), f"cannot read gold file ({exc.__class__.__name__})") from None
    out: list[GoldEvent] = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{p}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"bad JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise InputError(where, "a gold event must be a JSON object")
        for key in ("document", "sentence", "trigger"):
            if not isinstance(obj.get(key), str) or not obj[key]:
                raise InputError(where, f"missing or empty {key!r}")
        if "date" not in obj:
            raise InputError(where, "missing 'date' (use null for an undated event)")
        date = obj["date"]
        if date is not None and not isinstance(date, str):
            raise InputError(where, "'date' must be a string or null")
        calendar = obj.get("calendar")
        greg = obj.get("gregorian")
        if greg is None and calendar in (None, "gregorian"):
            greg = date
        occ = obj.get("occurrence", 1)
        if not isinstance(occ, int) or occ < 1:
            raise InputError(where, "'occurrence' must be a positive integer")
        ref = obj.get("reference")
        if ref is not None and not isinstance(ref, str):
            raise InputError(where, "'reference' must be a string")
        if obj["trigger"] not in obj["sentence"]:
            raise InputError(where, f"trigger {obj['trigger']!r} is not in the snippet")
        out.append(
            GoldEvent(
                where=where,
                document=str(p.parent / obj["document"]),
                sentence=obj["sentence"],
                trigger=obj["trigger"],
                date=date,
                gregorian=greg,
                calendar=calendar,
                occurrence=occ,
                reference=ref,
            )
        )
    if not out:
        raise InputError(str(p), "no gold event")
    return out


def _word_at(hay: str, word: str) -> int:
    """First occurrence of ``word`` in ``hay`` as a whole word (else as a substring)."""
    i = hay.find(word)
    first = i
    while i >= 0:
        before = hay[i - 1] if i > 0 else " "
        after = hay[i + len(word)] if i + len(word) < len(hay) else " "
        if not before.isalnum() and not after.isalnum():
            return i
        i = hay.find(word, i + 1)
    return first


def locate(gold: GoldEvent, text: str) -> None:
    """Set the gold trigger's offsets in ``text``; :class:`InputError` if the snippet is not
    there (``occurrence`` times)."""
    rx = re.compile(r"\s+".join(re.escape(w) for w in gold.sentence.split()))
    pos = -1
    m = None
    for _ in range(gold.occurrence):
        m = rx.search(text, pos + 1)
        if m is None:
            break
        pos = m.start()
    if m is None:
        n = "" if gold.occurrence == 1 else f" {gold.occurrence} times"
        raise InputError(
            gold.where, f"snippet {gold.sentence[:60]!r} not found{n} in {gold.document}"
        )
    found = m.group(0)
    trig = re.compile(r"\s+".join(re.escape(w) for w in gold.trigger.split()))
    tm = trig.search(found)
    assert tm is not None  # the trigger is inside the snippet (checked on reading)
    gold.start = pos + _word_at(found, tm.group(0))
    gold.end = gold.start + len(tm.group(0))


def score(golds: Sequence[GoldEvent], system: Sequence[SystemEvent]) -> list[Outcome]:
    """Match each located gold event to the system event whose trigger overlaps it (the one
    starting nearest to the gold trigger when several do)."""
    out = []
    for g in golds:
        hits = [s for s in system if s.start < g.end and g.start < s.end]
        best = min(hits, key=lambda s: abs(s.start - g.start)) if hits else None
        out.append(Outcome(g, best))
    return out


def evaluate(
    gold_path: str | Path,
    read: Callable[[str, str | None], tuple[str, Sequence[SystemEvent]]],
) -> ChronologyReport:
    """Score a gold file; ``read(document_path, reference)`` gives the text and the system
    events (each document read once; ``reference`` from the gold lines, else None)."""
    golds = read_gold(gold_path)
    report = ChronologyReport()
    cache: dict[str, tuple[str, Sequence[SystemEvent]]] = {}
    by_doc: dict[str, list[GoldEvent]] = {}
    for g in golds:
        by_doc.setdefault(g.document, []).append(g)
    for doc, gs in by_doc.items():
        if doc not in cache:
            if not Path(doc).is_file():
                raise InputError(gs[0].where, f"document {doc} not found")
            ref = next((g.reference for g in gs if g.reference), None)
            cache[doc] = read(doc, ref)
        text, events = cache[doc]
        for g in gs:
            locate(g, text)
        report.outcomes.extend(score(gs, events))
    order = {id(g): i for i, g in enumerate(golds)}
    report.outcomes.sort(key=lambda o: order[id(o.gold)])
    return report


def format_report(report: ChronologyReport) -> str:
    d = report.to_dict()
    return "\n".join(
        [
            f"gold events         {d['gold_events']}",
            f"event recall        {d['event_recall']:.2%} ({d['found']} found)",
            f"date accuracy       {d['date_accuracy']:.2%}",
            f"gregorian accuracy  {d['gregorian_accuracy']:.2%}",
            f"compatible accuracy {d['compatible_accuracy']:.2%}",
            f"dated (system/gold) {d['dated_by_system']}/{d['dated_in_gold']} of found",
        ]
    )


def system_events(chron: Any) -> list[SystemEvent]:
    """A chronicle's events as :class:`SystemEvent`s, with Gregorian dates from the document
    calendar."""
    from annales.temporal.calendars import to_gregorian

    cal = chron.document.calendar or "gregorian"
    out = []
    for e in chron.events:
        greg = to_gregorian(e.date, cal) if e.date and cal != "gregorian" else e.date
        out.append(SystemEvent(e.trigger.start, e.trigger.end, e.date, greg, e.date_source))
    return out
