"""EDTF: one line per dated item (Gregorian EDTF, tab, kind, tab, reference, tab, label)."""

from __future__ import annotations

from collections.abc import Iterable

from annales.chronicle import Chronicle
from annales.export.items import dated_items


def render(chronicles: Iterable[Chronicle]) -> str:
    """``1917-07-07<TAB>event<TAB>DOC:ev3<TAB>24 June 1917 O.S. · 7 July 1917 N.S.<TAB>wired``.

    Tabs and newlines inside the text are flattened so each item stays one line."""
    lines = []
    for chron in chronicles:
        for it in dated_items(chron):
            code = it.edtf
            if code is None:
                continue
            text = " ".join(it.headline.split())
            lines.append(f"{code}\t{it.kind}\t{it.doc_id}:{it.id}\t{it.display}\t{text}\n")
    return "".join(lines)
