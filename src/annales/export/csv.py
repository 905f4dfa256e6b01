"""CSV: one row per event, both calendars and the provenance (offsets and sentence)."""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Iterable

from annales.chronicle import Chronicle
from annales.export.items import dated_items

COLUMNS = [
    "document_id",
    "document_title",
    "event_id",
    "lemma",
    "trigger",
    "date",
    "calendar",
    "gregorian",
    "edtf",
    "display_date",
    "date_source",
    "time_expression",
    "agents",
    "patients",
    "places",
    "negated",
    "hedged",
    "trigger_start",
    "trigger_end",
    "sentence_start",
    "sentence_end",
    "sentence",
]


def render(chronicles: Iterable[Chronicle]) -> str:
    """Events of every document, chronological within each document (undated last)."""
    buf = io.StringIO()
    w = _csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for chron in chronicles:
        for it in dated_items(chron, include_timexes=False):
            w.writerow(
                [
                    it.doc_id,
                    chron.document.title or "",
                    it.id,
                    it.lemma,
                    it.text,
                    it.value or "",
                    it.calendar,
                    it.gregorian or "",
                    it.edtf or "",
                    it.display,
                    it.date_source or "",
                    it.timex_text or "",
                    "; ".join(it.agents),
                    "; ".join(it.patients),
                    "; ".join(it.places),
                    int(it.negated),
                    int(it.hedged),
                    it.start_char,
                    it.end_char,
                    it.sentence_start,
                    it.sentence_end,
                    " ".join(it.sentence.split()),
                ]
            )
    return buf.getvalue()
