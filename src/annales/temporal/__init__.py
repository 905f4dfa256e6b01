"""The temporal tagger: TIMEX3 recognition, normalisation, anchoring and calendars.

>>> [t.value for t in tag_time("On 22 June the Congress met; the next day it voted.", reference="1917")]
['1917-06-22', '1917-06-23']
"""

from __future__ import annotations

from annales.chronicle import Timex


def tag_time(
    text: str,
    *,
    mode: str = "narratives",
    dct: str | None = None,
    reference: str | None = None,
    calendar: str = "gregorian",
) -> list[Timex]:
    """Temporal expressions in ``text`` as ``Timex`` objects (ids t1, t2, … in text order).

    ``mode`` "news" anchors relative expressions to ``dct`` (the document creation time);
    "narratives" anchors them to the running reference date the text establishes, seeded by
    ``reference`` ("1917", "1917-06"). ``calendar`` is the document's calendar: "gregorian",
    "julian" or "auto" (decided from the text by the calendar policy).
    """
    from annales.temporal.engine import tag

    return tag(text, mode=mode, dct=dct, reference=reference, calendar=calendar)[0]


__all__ = ["Timex", "tag_time"]
