"""The result of reading one document: plain dataclasses and the ``annales/1`` JSON form.

Every stage produces these; store, export and web consume them. Offsets are Python ``str``
indices into ``Chronicle.text`` (the text exactly as ingested), end exclusive.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SCHEMA = "annales/1"

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
CalendarName = Literal["gregorian", "julian", "french-republican"]
DateSource = Literal["explicit", "narrative"]


@dataclass(slots=True)
class Span:
    """A stretch of the source text."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Section:
    """A chapter or section of the source, with its title and extent."""

    title: str
    start: int
    end: int
    level: int = 1


@dataclass(slots=True)
class Document:
    """Metadata of one source. ``id`` is the sha256 of the source bytes."""

    id: str
    title: str | None = None
    source: str | None = None
    language: str = "en"
    calendar: str = "gregorian"
    calendar_reason: str | None = None
    reference: str | None = None
    dct: str | None = None
    sections: list[Section] = field(default_factory=list)


@dataclass(slots=True)
class Timex:
    """A TIMEX3 temporal expression, normalised, in the document's calendar and Gregorian."""

    id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    calendar: str = "gregorian"
    gregorian: str | None = None
    edtf: str | None = None
    anchor: str | None = None
    quant: str | None = None
    freq: str | None = None
    label: str | None = None
    inferred: bool = False
    warning: str | None = None


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Quantity:
    id: str
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    approximate: bool = False
    value2: float | None = None  # the second figure of a vote or ratio ("19 to 2")


@dataclass(slots=True)
class Quote:
    id: str
    start: int
    end: int
    speaker: str | None = None  # entity id
    speaker_span: Span | None = None


@dataclass(slots=True)
class Argument:
    start: int
    end: int
    text: str
    entity: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    trigger: Span
    lemma: str
    sentence: Span
    agents: list[Argument] = field(default_factory=list)
    patients: list[Argument] = field(default_factory=list)
    places: list[Argument] = field(default_factory=list)
    quantities: list[str] = field(default_factory=list)
    time: str | None = None
    date: str | None = None
    date_source: DateSource | None = None
    negated: bool = False
    hedged: bool = False


@dataclass(slots=True)
class Chronicle:
    """One document's result."""

    document: Document
    text: str = ""
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        """The ``annales/1`` object (text only on request: it can be large)."""
        out: dict[str, Any] = {"schema": SCHEMA}
        for f in fields(self):
            if f.name in ("text", "sentences") and not include_text:
                continue
            out[f.name] = _plain(getattr(self, f.name))
        return out

    def to_json(self, include_text: bool = False, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(include_text), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Chronicle:
        doc = dict(data["document"])
        doc["sections"] = [Section(**s) for s in doc.get("sections", [])]
        return cls(
            document=Document(**doc),
            text=data.get("text", ""),
            timexes=[Timex(**t) for t in data.get("timexes", [])],
            entities=[
                Entity(**{**e, "mentions": [Mention(**m) for m in e.get("mentions", [])]})
                for e in data.get("entities", [])
            ],
            quantities=[Quantity(**q) for q in data.get("quantities", [])],
            quotes=[
                Quote(
                    **{
                        **q,
                        "speaker_span": Span(**q["speaker_span"])
                        if q.get("speaker_span")
                        else None,
                    }
                )
                for q in data.get("quotes", [])
            ],
            events=[_event_from_dict(e) for e in data.get("events", [])],
            sentences=[tuple(s) for s in data.get("sentences", [])],
        )


def _event_from_dict(e: dict[str, Any]) -> Event:
    e = dict(e)
    e["trigger"] = Span(**e["trigger"])
    e["sentence"] = (
        Span(**e["sentence"])
        if "text" in e["sentence"]
        else Span(e["sentence"]["start"], e["sentence"]["end"], "")
    )
    for role in ("agents", "patients", "places"):
        e[role] = [Argument(**a) for a in e.get(role, [])]
    return Event(**e)


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
