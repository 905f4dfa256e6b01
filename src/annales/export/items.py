"""The dated items every timeline export shows: events and dated timexes of one Chronicle,
with their Gregorian day range, a label in both calendars and the sentence they came from."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from annales.chronicle import Chronicle, Event, Timex
from annales.export import dates
from annales.store.dates import to_gregorian

#: Characters of context kept around an item when no sentence boundaries are known.
CONTEXT = 160


@dataclass(slots=True)
class DatedItem:
    """One point or range on a timeline, traced to its characters in the source."""

    kind: str  # "event" | "timex"
    doc_id: str
    id: str
    text: str  # the trigger or the temporal expression
    start_char: int
    end_char: int
    sentence_start: int
    sentence_end: int
    sentence: str
    calendar: str
    value: str | None = None  # the date in the document's calendar
    gregorian: str | None = None
    mod: str | None = None
    first: dates.Ymd | None = None  # Gregorian day range, inclusive
    last: dates.Ymd | None = None
    display: str = ""
    lemma: str | None = None
    date_source: str | None = None
    timex_text: str | None = None
    agents: list[str] = field(default_factory=list)
    patients: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    negated: bool = False
    hedged: bool = False

    @property
    def dated(self) -> bool:
        return self.first is not None

    @property
    def edtf(self) -> str | None:
        return dates.edtf(self.gregorian, self.mod)

    @property
    def headline(self) -> str:
        """A short line naming the fact: ``Kerensky wired the Provisional Government``."""
        if self.kind == "timex":
            return self.text
        who = ", ".join(self.agents[:2])
        whom = ", ".join(self.patients[:1])
        core = " ".join(p for p in (who, self.text, whom) if p)
        flags = " (not)" if self.negated else ""
        flags += " (hedged)" if self.hedged else ""
        return core + flags


def event_gregorian(
    ev: Event, chron: Chronicle, by_id: dict[str, Timex]
) -> tuple[str | None, str | None]:
    """The event's Gregorian date and its mod: its timex's when that timex gives the same date,
    else the event date converted from the document calendar."""
    t = by_id.get(ev.time or "")
    if t is not None and (ev.date is None or t.value == ev.date):
        return (
            t.gregorian if t.gregorian is not None else to_gregorian(t.value, t.calendar)
        ), t.mod
    if ev.date:
        return to_gregorian(ev.date, chron.document.calendar), None
    return None, None


def dated_items(chron: Chronicle, *, include_timexes: bool = True) -> list[DatedItem]:
    """Events (dated or not) and dated DATE/TIME timexes, in Gregorian order (undated last)."""
    doc = chron.document
    by_id = {t.id: t for t in chron.timexes}
    starts = [s for s, _ in chron.sentences]
    out: list[DatedItem] = []
    for ev in chron.events:
        greg, mod = event_gregorian(ev, chron, by_id)
        t = by_id.get(ev.time or "")
        value = ev.date if ev.date else (t.value if t else None)
        span = dates.interval(greg, mod)
        s_start, s_end = ev.sentence.start, ev.sentence.end
        out.append(
            DatedItem(
                kind="event",
                doc_id=doc.id,
                id=ev.id,
                text=ev.trigger.text,
                start_char=ev.trigger.start,
                end_char=ev.trigger.end,
                sentence_start=s_start,
                sentence_end=s_end,
                sentence=chron.text[s_start:s_end],
                calendar=doc.calendar,
                value=value,
                gregorian=greg,
                mod=mod,
                first=span[0] if span else None,
                last=span[1] if span else None,
                display=dates.dual_label(value, doc.calendar, greg, mod) if span else "",
                lemma=ev.lemma,
                date_source=ev.date_source,
                timex_text=t.text if t else None,
                agents=[a.text for a in ev.agents],
                patients=[a.text for a in ev.patients],
                places=[a.text for a in ev.places],
                negated=ev.negated,
                hedged=ev.hedged,
            )
        )
    if include_timexes:
        for t in chron.timexes:
            if t.type not in ("DATE", "TIME"):
                continue
            greg = t.gregorian if t.gregorian is not None else to_gregorian(t.value, t.calendar)
            span = dates.interval(greg, t.mod)
            if span is None:
                continue
            s_start, s_end = _sentence_of(t.start, t.end, starts, chron)
            out.append(
                DatedItem(
                    kind="timex",
                    doc_id=doc.id,
                    id=t.id,
                    text=t.text,
                    start_char=t.start,
                    end_char=t.end,
                    sentence_start=s_start,
                    sentence_end=s_end,
                    sentence=chron.text[s_start:s_end],
                    calendar=t.calendar,
                    value=t.value,
                    gregorian=greg,
                    mod=t.mod,
                    first=span[0],
                    last=span[1],
                    display=t.label or dates.dual_label(t.value, t.calendar, greg, t.mod),
                )
            )
    out.sort(key=lambda i: (i.first is None, i.first or (0, 0, 0), i.start_char))
    return out


def _sentence_of(start: int, end: int, starts: list[int], chron: Chronicle) -> tuple[int, int]:
    if starts:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and chron.sentences[i][1] >= end:
            return chron.sentences[i]
    return max(0, start - CONTEXT), min(len(chron.text), end + CONTEXT)
