"""TimelineJS3 JSON: ``events[]`` with start/end date objects whose display dates show both
calendars. TimelineJS renders text fields as HTML, so every string from a document is escaped."""

from __future__ import annotations

import html
import json as _json
from collections.abc import Iterable
from typing import Any

from annales.chronicle import Chronicle
from annales.export import dates
from annales.export.items import DatedItem, dated_items


def date_object(day: dates.Ymd, precision: str, display: str) -> dict[str, Any]:
    """A TimelineJS date; BC years are negative historical years (44 BC → -44)."""
    y, m, d = day
    out: dict[str, Any] = {"year": dates.historical_year(y)}
    if precision in ("month", "day"):
        out["month"] = m
    if precision == "day":
        out["day"] = d
    out["display_date"] = display
    return out


def slide(it: DatedItem, title: str | None) -> dict[str, Any]:
    assert it.first is not None and it.last is not None
    v = dates.parse(it.gregorian)
    exact = (
        v is not None
        and v.precision in ("day", "month", "year")
        and it.mod not in ("START", "MID", "END")
    )
    precision = v.precision if exact and v else "day"
    s: dict[str, Any] = {
        "unique_id": f"{it.doc_id[:12]}-{it.id}",
        "start_date": date_object(it.first, precision, it.display),
        "text": {
            "headline": html.escape(it.headline),
            "text": "<p>"
            + html.escape(" ".join(it.sentence.split()))
            + "</p>"
            + (f"<p><small>{html.escape(title)}</small></p>" if title else ""),
        },
        "group": html.escape(title or it.doc_id[:12]),
        "display_date": it.display,
    }
    if it.last != it.first and (precision == "day" or not exact):
        s["end_date"] = date_object(it.last, "day", it.display)
    return s


def build(chronicles: Iterable[Chronicle]) -> dict[str, Any]:
    docs = list(chronicles)
    events: list[dict[str, Any]] = []
    for chron in docs:
        title = chron.document.title
        events += [slide(it, title) for it in dated_items(chron) if it.dated]
    headline = docs[0].document.title if len(docs) == 1 else "annales chronology"
    return {
        "title": {
            "text": {
                "headline": html.escape(headline or "annales chronology"),
                "text": f"{len(events)} dated events and expressions",
            }
        },
        "events": events,
    }


def render(chronicles: Iterable[Chronicle]) -> str:
    return _json.dumps(build(chronicles), ensure_ascii=False, indent=1) + "\n"
