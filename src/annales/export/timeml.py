"""TimeML 1.2: the document text with inline TIMEX3 and EVENT tags, MAKEINSTANCEs, and a TLINK
(IS_INCLUDED) from each event to the timex that dates it. All text is XML-escaped."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from annales.chronicle import Chronicle


def _attrs(pairs: dict[str, str | None]) -> str:
    return "".join(f" {k}={quoteattr(v)}" for k, v in pairs.items() if v is not None)


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) overlaps any of the sorted, non-nested ``spans`` near it."""
    i = bisect.bisect_left(spans, (s, s))
    return any(a < e and s < b for a, b in spans[max(0, i - 2) : i + 2])


def render_one(chron: Chronicle) -> str:
    """One TimeML document. Events overlapping a timex are left untagged (no crossing tags)."""
    doc, text = chron.document, chron.text
    tags: list[tuple[int, int, str, str]] = []
    for t in chron.timexes:
        tid = t.id if t.id.startswith("t") else f"t{t.id}"
        tags.append(
            (
                t.start,
                t.end,
                "TIMEX3",
                _attrs(
                    {
                        "tid": tid,
                        "type": t.type,
                        "value": t.value,
                        "mod": t.mod,
                        "anchorTimeID": t.anchor,
                        "quant": t.quant,
                        "freq": t.freq,
                    }
                ),
            )
        )
    taken = sorted((s, e) for s, e, _, _ in tags)
    events = []
    for ev in chron.events:
        s, e = ev.trigger.start, ev.trigger.end
        if _overlaps(taken, s, e):
            continue
        events.append(ev)
        eid = ev.id if ev.id.startswith("e") else f"e{ev.id}"
        tags.append((s, e, "EVENT", _attrs({"eid": eid, "class": "OCCURRENCE"})))
    tags.sort()
    parts, pos = [], 0
    for s, e, name, attrs in tags:
        if s < pos:  # overlapping timexes: keep the first
            continue
        parts.append(escape(text[pos:s]))
        parts.append(f"<{name}{attrs}>{escape(text[s:e])}</{name}>")
        pos = e
    parts.append(escape(text[pos:]))
    tail = []
    for i, ev in enumerate(events, 1):
        eid = ev.id if ev.id.startswith("e") else f"e{ev.id}"
        tail.append(
            f'<MAKEINSTANCE eiid="ei{i}" eventID="{eid}" tense="NONE" aspect="NONE"'
            f' polarity="{"NEG" if ev.negated else "POS"}" pos="UNKNOWN"/>'
        )
        if ev.time:
            tid = ev.time if ev.time.startswith("t") else f"t{ev.time}"
            tail.append(
                f'<TLINK lid="l{i}" relType="IS_INCLUDED" eventInstanceID="ei{i}"'
                f' relatedToTime="{tid}"/>'
            )
    dct = ""
    if doc.dct:
        dct = (
            f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(doc.dct)}'
            f' functionInDocument="CREATION_TIME">{escape(doc.dct)}</TIMEX3></DCT>\n'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n'
        f"<DOCID>{escape(doc.id)}</DOCID>\n{dct}<TEXT>{''.join(parts)}</TEXT>\n"
        + "\n".join(tail)
        + ("\n" if tail else "")
        + "</TimeML>\n"
    )


def render(chronicles: Iterable[Chronicle]) -> str:
    docs = list(chronicles)
    return "".join(render_one(c) for c in docs)
