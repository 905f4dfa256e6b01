"""``nlp.add_pipe("annales_time")``: the annales temporal tagger inside any spaCy pipeline.

Registered through the ``spacy_factories`` entry point, so installing annales is enough.
Timexes go to ``doc.spans["timexes"]``; each span carries its TIMEX3 attributes as
``span._.timex_type``, ``span._.timex_value``, ``span._.timex_mod``, ``span._.timex`` (the
full ``Timex``). This module is imported whenever spaCy builds a pipeline: keep it light.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

_ATTRS = ("timex", "timex_type", "timex_value", "timex_mod", "timex_gregorian", "timex_edtf")


def _ensure_extensions() -> None:
    for attr in _ATTRS:
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=None)


class TimeTagger:
    """Tags temporal expressions in a Doc with annales' rule engine."""

    def __init__(self, mode: str, dct: str | None, reference: str | None, calendar: str) -> None:
        _ensure_extensions()
        self.mode = mode
        self.dct = dct
        self.reference = reference
        self.calendar = calendar

    def __call__(self, doc: Doc) -> Doc:
        from annales.temporal import tag_time

        spans = []
        for t in tag_time(
            doc.text, mode=self.mode, dct=self.dct, reference=self.reference, calendar=self.calendar
        ):
            span = doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand")
            if span is None:
                continue
            span._.timex = t
            span._.timex_type = t.type
            span._.timex_value = t.value
            span._.timex_mod = t.mod
            span._.timex_gregorian = t.gregorian
            span._.timex_edtf = t.edtf
            spans.append(span)
        doc.spans["timexes"] = spans
        return doc


def make_time_component(
    nlp: Language,
    name: str,
    mode: str = "narratives",
    dct: str | None = None,
    reference: str | None = None,
    calendar: str = "gregorian",
) -> TimeTagger:
    return TimeTagger(mode=mode, dct=dct, reference=reference, calendar=calendar)


Language.factory(
    "annales_time",
    default_config={"mode": "narratives", "dct": None, "reference": None, "calendar": "gregorian"},
    func=make_time_component,
)

__all__: list[Any] = ["TimeTagger", "make_time_component"]
