"""One self-contained HTML file: the timeline, the events and their source sentences, with
vis-timeline, our scripts, styles and the data inlined. It needs no server and no network, so
it can be opened from disk or sent by e-mail. Document text goes in as JSON and is put on the
page with ``textContent`` only, so markup in a document is shown, never run."""

from __future__ import annotations

import html as _html
import json as _json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from annales import __version__
from annales.chronicle import Chronicle, Event, Timex
from annales.export.items import DatedItem, dated_items

_STATIC = resources.files("annales.web").joinpath("static")


def _asset(name: str) -> str:
    return _STATIC.joinpath(name).read_text(encoding="utf-8")


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element (no ``</script>``, no ``<!--``)."""
    text = _json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _inline_js(code: str) -> str:
    return code.replace("</script", "<\\/script")


def _marks(
    it: DatedItem, events: dict[str, Event], timexes: dict[str, Timex]
) -> list[dict[str, Any]]:
    """Spans to highlight in the item's sentence, relative to the sentence start."""
    base = it.sentence_start
    role = "trigger" if it.kind == "event" else "timex"
    out: list[dict[str, Any]] = [
        {"start": it.start_char - base, "end": it.end_char - base, "role": role}
    ]
    ev = events.get(it.id) if it.kind == "event" else None
    if ev is not None:
        for name, args in (("agent", ev.agents), ("patient", ev.patients), ("place", ev.places)):
            out += [{"start": a.start - base, "end": a.end - base, "role": name} for a in args]
        t = timexes.get(ev.time or "")
        if t is not None:
            out.append({"start": t.start - base, "end": t.end - base, "role": "timex"})
    n = it.sentence_end - base
    return [m for m in out if 0 <= m["start"] < m["end"] <= n]


def payload(docs: list[Chronicle]) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for chron in docs:
        events = {e.id: e for e in chron.events}
        timexes = {t.id: t for t in chron.timexes}
        for it in dated_items(chron):
            if not it.dated:
                continue
            assert it.first is not None and it.last is not None
            items.append(
                {
                    "key": f"{it.kind}:{it.doc_id[:16]}:{it.id}",
                    "kind": it.kind,
                    "doc_id": it.doc_id,
                    "id": it.id,
                    "headline": it.headline,
                    "display": it.display,
                    "first": list(it.first),
                    "last": list(it.last),
                    "group": it.doc_id,
                    "date_source": it.date_source,
                    "sentence": it.sentence,
                    "marks": _marks(it, events, timexes),
                }
            )
    return {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "version": __version__,
        "documents": [
            {
                "id": c.document.id,
                "title": c.document.title or c.document.id[:12],
                "calendar": c.document.calendar,
            }
            for c in docs
        ],
        "items": items,
    }


def render(chronicles: Iterable[Chronicle], title: str | None = None) -> str:
    docs = list(chronicles)
    if title is None:
        title = (docs[0].document.title if len(docs) == 1 else None) or "annales chronology"
    parts = {
        "VIS_CSS": _asset("vendor/vis-timeline-graph2d.min.css"),
        "APP_CSS": _asset("annales.css"),
        "TITLE": _html.escape(title),
        "DATA": _script_json(payload(docs)),
        "VIS_JS": _inline_js(_asset("vendor/vis-timeline-graph2d.min.js")),
        "CORE_JS": _inline_js(_asset("timeline-core.js")),
        "EXPORT_JS": _inline_js(_asset("export.js")),
    }
    page = resources.files("annales.export").joinpath("data/export.html").read_text("utf-8")
    # One pass, so nothing inserted (document text included) is ever taken for a placeholder.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], page)


def write_html(db_path: str | Path, out_path: str | Path, document: str | None = None) -> Path:
    """Write the self-contained timeline of a database (or one document) and return its path."""
    from annales.export import chronicles

    out = Path(out_path)
    out.write_text(render(list(chronicles(db_path, document))), encoding="utf-8")
    return out
