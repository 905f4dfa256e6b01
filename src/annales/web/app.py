"""The web app: timeline, source reader, entity pages and a JSON API over one database.

Read-only by construction: the database is opened with ``mode=ro`` and no route writes or
reads any file but the database and the package's own templates and static assets.
Request limits: page sizes (``limit``) and offsets are capped, every text parameter has a
maximum length, full-text searches are stopped after ``search_timeout`` seconds. Every
response carries security headers (a Content-Security-Policy that allows no inline script,
``X-Content-Type-Options: nosniff``); an unexpected error is answered with a one-line 500
and its traceback goes to the server log only, never to the client.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from annales import __version__
from annales.errors import AnnalesError
from annales.store import connect, query
from annales.web import queries as q
from annales.web.params import BadParam, check_id, filter_key, window_key

#: Characters of text shown around the focus in the reader.
READER_WINDOW = 6000
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
MAX_CHARS = 10**10
#: Seconds a full-text search may run before it is stopped (a 503 with a one-line message).
SEARCH_TIMEOUT = 5.0

#: Our pages load scripts from /static only; no inline script can run, so text from a
#: document can never become code even if an escaping bug let markup through. Inline styles
#: stay allowed: the timeline library positions its items with style attributes.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}

_PKG = resources.files("annales.web")
_log = logging.getLogger("annales.web")


class NotFound(LookupError):
    """An id that is not in the database."""


class SearchTimeout(RuntimeError):
    """A full-text search ran longer than the server allows."""


class Guard:
    """Outermost ASGI layer: security headers on every response (errors and static files
    too), and any exception that escaped the app answered with a one-line 500 (the traceback
    goes to the log; starlette's own handler would run outside, without our headers)."""

    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = [(k.encode(), v.encode()) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                have = {k.lower() for k, _ in message.get("headers", [])}
                # a route may set a stricter or page-specific policy of its own (/docs)
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self.headers if k not in have
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            _log.exception("error serving %s", scope.get("path"))
            if started:  # too late to change the answer: close the connection
                raise
            path = str(scope.get("path", ""))
            body = (
                JSONResponse({"error": "internal error", "status": 500}, status_code=500)
                if path.startswith("/api/") or path == "/openapi.json"
                else Response("internal error\n", status_code=500, media_type="text/plain")
            )
            await body(scope, receive, send_with_headers)


@contextmanager
def time_limit(conn: sqlite3.Connection, seconds: float) -> Iterator[None]:
    """Interrupt SQLite work on ``conn`` that runs longer than ``seconds`` (SearchTimeout)."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 1000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc) and time.monotonic() > deadline:
            raise SearchTimeout(
                f"search stopped after {seconds:g} s: use fewer or more specific words"
            ) from None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def create_app(db_path: str | Path, *, search_timeout: float = SEARCH_TIMEOUT) -> FastAPI:
    """An app serving ``db_path`` (which must exist: opening it checks the schema)."""
    db = Path(db_path)
    connect(db, readonly=True).close()  # fail now, with a clear StoreError, if unusable
    local = threading.local()

    def conn() -> sqlite3.Connection:
        c = getattr(local, "conn", None)
        if c is None:
            c = local.conn = connect(db, readonly=True)
        return c

    app = FastAPI(
        title="annales",
        version=__version__,
        description="Sourced, calendar-aware chronologies: documents, events, entities, "
        "temporal expressions and full-text search over one annales database (read-only).",
        docs_url=None,  # served below, with a policy that allows only its one known script
        redoc_url=None,
    )
    app.add_middleware(Guard, headers=SECURITY_HEADERS)
    app.mount("/static", StaticFiles(directory=str(_PKG.joinpath("static"))), name="static")
    templates = Jinja2Templates(directory=str(_PKG.joinpath("templates")))
    templates.env.globals.update(version=__version__, db_name=db.name)

    def page(request: Request, template: str, http_status: int = 200, **ctx: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, ctx, status_code=http_status)

    def error(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return page(request, "error.html", status, status=status, message=message)

    @app.exception_handler(BadParam)
    async def _bad(request: Request, exc: BadParam) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(NotFound)
    async def _missing(request: Request, exc: NotFound) -> Response:
        return error(request, 404, str(exc.args[0]))

    @app.exception_handler(AnnalesError)
    async def _user(request: Request, exc: AnnalesError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ())[1:]) or "request"
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        return error(request, 400, "; ".join(parts) or "invalid request")

    @app.exception_handler(SearchTimeout)
    async def _slow(request: Request, exc: SearchTimeout) -> Response:
        return error(request, 503, str(exc))

    @app.exception_handler(sqlite3.Error)
    async def _db(request: Request, exc: sqlite3.Error) -> Response:
        return error(request, 503, f"database unavailable: {exc}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    def full_doc(doc_id: str) -> str:
        check_id("document", doc_id)
        full = query.resolve_document(conn(), doc_id)
        if full is None:
            raise NotFound(f"no document {doc_id!r} in the database")
        return full

    def filters(
        who: str | None,
        where: str | None,
        word: str | None,
        document: str | None,
        entity: str | None,
        date_from: str | None,
        date_to: str | None,
        cal: str,
        timexes: bool = True,
    ) -> q.Filters:
        ent = None
        if entity:
            doc_part, _, eid = entity.partition(":")
            ent = (full_doc(doc_part), check_id("entity", eid))
        return q.resolve(
            conn(),
            q.Filters(
                who=who or None,
                where=where or None,
                word=word or None,
                document=full_doc(document) if document else None,
                entity=ent,
                key_from=filter_key("from", date_from, cal),
                key_to=filter_key("to", date_to, cal, end=True),
                timexes=timexes,
            ),
        )

    # ---- JSON API ----------------------------------------------------------------------

    @app.get("/api/documents", tags=["documents"], summary="Every stored document")
    def api_documents() -> list[dict[str, Any]]:
        return query.documents(conn())

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One document's metadata")
    def api_document(doc_id: str) -> dict[str, Any]:
        d = query.document(conn(), full_doc(doc_id))
        assert d is not None
        return d

    @app.get("/api/documents/{doc_id}/text", tags=["documents"], summary="A slice of the text")
    def api_text(
        doc_id: str,
        start: int = Query(0, ge=0, le=MAX_CHARS),
        end: int | None = Query(None, ge=0, le=MAX_CHARS),
    ) -> dict[str, Any]:
        full = full_doc(doc_id)
        stop = start + 100_000 if end is None else min(end, start + 100_000)
        if stop < start:
            raise BadParam(f"end={end} is before start={start}")
        return {
            "doc_id": full,
            "start": start,
            "end": stop,
            "text": query.document_text(conn(), full, start, stop),
        }

    @app.get(
        "/api/events",
        tags=["events"],
        summary="Events in Gregorian order (undated last), filtered; both calendars",
    )
    def api_events(
        who: str | None = Query(None, max_length=200, description="agent or patient name"),
        where: str | None = Query(None, max_length=200, description="place name"),
        word: str | None = Query(None, max_length=200, description="event word (trigger or lemma)"),
        document: str | None = Query(None, max_length=64),
        date_from: str | None = Query(None, alias="from", max_length=40),
        date_to: str | None = Query(None, alias="to", max_length=40),
        cal: str = Query("gregorian", description="calendar of from/to: gregorian | julian"),
        limit: int = Query(100, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        f = filters(who, where, word, document, None, date_from, date_to, cal, timexes=False)
        rows = q.event_list(conn(), f, limit, offset)
        return {"count": len(rows), "limit": limit, "offset": offset, "events": rows}

    @app.get("/api/events/{doc_id}/{event_id}", tags=["events"], summary="One event")
    def api_event(doc_id: str, event_id: str) -> dict[str, Any]:
        full = full_doc(doc_id)
        ev = q.event_row(conn(), full, check_id("event", event_id))
        if ev is None:
            raise NotFound(f"no event {event_id!r} in document {doc_id[:12]}")
        return ev

    @app.get("/api/entities", tags=["entities"], summary="Entities, most mentioned first")
    def api_entities(
        name: str | None = Query(None, max_length=200),
        label: str | None = Query(None, max_length=20),
        document: str | None = Query(None, max_length=64),
        limit: int = Query(100, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        doc = full_doc(document) if document else None
        rows = query.entities(
            conn(), name=name, label=label, document=doc, limit=limit, offset=offset
        )
        return {"count": len(rows), "entities": rows}

    @app.get(
        "/api/entities/{doc_id}/{entity_id}",
        tags=["entities"],
        summary="One entity with its mentions and events in date order",
    )
    def api_entity(doc_id: str, entity_id: str) -> dict[str, Any]:
        full = full_doc(doc_id)
        ent = q.entity_row(conn(), full, check_id("entity", entity_id))
        if ent is None:
            raise NotFound(f"no entity {entity_id!r} in document {doc_id[:12]}")
        return {
            **ent,
            "mentions": q.mention_rows(conn(), full, entity_id),
            "events": q.entity_events(conn(), full, entity_id),
        }

    @app.get("/api/timexes", tags=["timexes"], summary="Dated temporal expressions")
    def api_timexes(
        document: str | None = Query(None, max_length=64),
        limit: int = Query(100, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        doc = full_doc(document) if document else None
        rows = query.timexes(conn(), document=doc, limit=limit, offset=offset)
        return {"count": len(rows), "timexes": rows}

    @app.get("/api/search", tags=["search"], summary="Full-text search over sentences")
    def api_search(
        q_: str = Query(..., alias="q", min_length=1, max_length=500),
        document: str | None = Query(None, max_length=64),
        limit: int = Query(50, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        doc = full_doc(document) if document else None
        with time_limit(conn(), search_timeout):
            rows = query.search(conn(), q_, document=doc, limit=limit, offset=offset)
        return {"count": len(rows), "results": rows}

    @app.get(
        "/api/timeline",
        tags=["timeline"],
        summary="Timeline items in a visible window (clusters when too many)",
    )
    def api_timeline(
        start: str | None = Query(None, max_length=20, description="window start, Gregorian"),
        end: str | None = Query(None, max_length=20, description="window end, Gregorian"),
        who: str | None = Query(None, max_length=200),
        where: str | None = Query(None, max_length=200),
        word: str | None = Query(None, max_length=200),
        document: str | None = Query(None, max_length=64),
        entity: str | None = Query(None, max_length=140, description="DOC:ENTITY id"),
        date_from: str | None = Query(None, alias="from", max_length=40),
        date_to: str | None = Query(None, alias="to", max_length=40),
        cal: str = Query("gregorian"),
        group: str = Query("document", pattern="^(document|entity)$"),
        timexes: bool = Query(True),
        max_items: int = Query(q.MAX_ITEMS, ge=10, le=2000),
        with_extent: bool = Query(False, alias="extent"),
    ) -> dict[str, Any]:
        f = filters(who, where, word, document, entity, date_from, date_to, cal, timexes)
        c = conn()
        index = q.key_index(c, str(db))
        ext = q.extent(c, f) if with_extent or not (start and end) else None
        foc = q.focus(c, f, index) if ext is not None else None
        if start and end:
            lo, hi = window_key("start", start), window_key("end", end)
            if hi <= lo:
                raise BadParam("end must be after start")
        elif ext is not None:
            view = foc or ext
            lo, hi = q.dates.sort_position(view[0]), q.dates.sort_position(view[1]) + 1
        else:
            return {
                "mode": "items",
                "count": 0,
                "items": [],
                "groups": [],
                "extent": None,
                "focus": None,
            }
        out = q.timeline(c, lo, hi, f, group, max_items, index=index)
        out["extent"] = list(ext) if ext else None
        out["focus"] = list(foc) if foc else out["extent"]
        return out

    # ---- pages -------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, document: str | None = Query(None, max_length=64)) -> Response:
        docs = query.documents(conn())
        if document:
            full_doc(document)
        return page(request, "timeline.html", docs=docs, document=document)

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request) -> Response:
        return page(request, "documents.html", docs=query.documents(conn()))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def reader(
        request: Request,
        doc_id: str,
        event: str | None = Query(None, max_length=64),
        timex: str | None = Query(None, max_length=64),
        at: int | None = Query(None, ge=0, le=MAX_CHARS),
    ) -> Response:
        full = full_doc(doc_id)
        c = conn()
        doc = query.document(c, full)
        assert doc is not None
        marks: list[q.Mark] = []
        focus: tuple[int, int] | None = None
        ev = tx = nav = None
        if event:
            ev = q.event_row(c, full, check_id("event", event))
            if ev is None:
                raise NotFound(f"no event {event!r} in document {doc_id[:12]}")
            focus = (ev["sentence_start"], ev["sentence_end"])
            marks.append(q.Mark(ev["trigger_start"], ev["trigger_end"], "hl-trigger"))
            for role, items in ev["arguments"].items():
                cls = {"agents": "hl-agent", "patients": "hl-patient", "places": "hl-place"}[role]
                for a in items:
                    marks.append(q.Mark(a["start"], a["end"], cls))
            if ev["t_start"] is not None:
                marks.append(q.Mark(ev["t_start"], ev["t_end"], "hl-timex"))
            nav = q.neighbours(c, full, ev)
        elif timex:
            tx = q.timex_row(c, full, check_id("timex", timex))
            if tx is None:
                raise NotFound(f"no timex {timex!r} in document {doc_id[:12]}")
            focus = _sentence_around(c, full, tx["start"], tx["end"])
            marks.append(q.Mark(tx["start"], tx["end"], "hl-timex"))
        elif at is not None:
            if at > doc["n_chars"]:
                raise BadParam(f"at={at} is past the end of the document ({doc['n_chars']} chars)")
            focus = _sentence_around(c, full, at, at)
        center = focus[0] if focus else 0
        lo = max(0, center - READER_WINDOW // 2)
        hi = min(doc["n_chars"], max(lo + READER_WINDOW, (focus[1] if focus else 0) + 200))
        lo, hi = _snap(c, full, lo, hi)
        text = query.document_text(c, full, lo, hi)
        all_marks = q.window_marks(c, full, lo, hi) + marks
        if focus:
            all_marks.insert(0, q.Mark(focus[0], focus[1], "focus"))
        segs = q.segments(text, lo, all_marks)
        return page(
            request,
            "reader.html",
            doc=doc,
            segs=segs,
            ev=ev,
            tx=tx,
            nav=nav,
            lo=lo,
            hi=hi,
            window=READER_WINDOW,
        )

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(
        request: Request,
        name: str | None = Query(None, max_length=200),
        label: str | None = Query(None, max_length=20),
        document: str | None = Query(None, max_length=64),
    ) -> Response:
        doc = full_doc(document) if document else None
        rows = query.entities(conn(), name=name, label=label or None, document=doc, limit=500)
        return page(request, "entities.html", rows=rows, name=name or "", label=label or "")

    @app.get("/entities/{doc_id}/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, doc_id: str, entity_id: str) -> Response:
        full = full_doc(doc_id)
        c = conn()
        ent = q.entity_row(c, full, check_id("entity", entity_id))
        if ent is None:
            raise NotFound(f"no entity {entity_id!r} in document {doc_id[:12]}")
        doc = query.document(c, full)
        return page(
            request,
            "entity.html",
            ent=ent,
            doc=doc,
            mentions=q.mention_rows(c, full, entity_id),
            events=q.entity_events(c, full, entity_id),
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        q_: str = Query("", alias="q", max_length=500),
        document: str | None = Query(None, max_length=64),
    ) -> Response:
        doc = full_doc(document) if document else None
        with time_limit(conn(), search_timeout):
            rows = query.search(conn(), q_, document=doc, limit=100) if q_.strip() else []
        return page(request, "search.html", rows=rows, q=q_)

    @app.get("/docs", include_in_schema=False)
    def swagger() -> Response:
        """FastAPI's API explorer: scripts from its CDN and one inline script, allowed by
        its hash only (so the page still runs no other inline script)."""
        html = get_swagger_ui_html(openapi_url="/openapi.json", title="annales API")
        body = bytes(html.body).decode()
        inline = re.findall(r"<script>(.*?)</script>", body, re.S)
        hashes = " ".join(
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in inline
        )
        cdn = "https://cdn.jsdelivr.net"
        html.headers["content-security-policy"] = (
            f"default-src 'self'; script-src 'self' {cdn} {hashes}; "
            f"style-src 'self' {cdn} 'unsafe-inline'; img-src 'self' data: https:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        )
        return html

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg")

    return app


def _sentence_around(c: sqlite3.Connection, doc_id: str, start: int, end: int) -> tuple[int, int]:
    row = c.execute(
        'SELECT start, "end" FROM sentences WHERE doc_id = ? AND start <= ? ORDER BY start DESC'
        " LIMIT 1",
        (doc_id, start),
    ).fetchone()
    if row and row[1] >= end:
        return row[0], row[1]
    return max(0, start - 100), end + 100


def _snap(c: sqlite3.Connection, doc_id: str, lo: int, hi: int) -> tuple[int, int]:
    """Widen a window to whole sentences so the reader never starts mid-word."""
    a = c.execute(
        'SELECT start FROM sentences WHERE doc_id = ? AND start <= ? AND "end" > ? LIMIT 1',
        (doc_id, lo, lo),
    ).fetchone()
    b = c.execute(
        'SELECT "end" FROM sentences WHERE doc_id = ? AND start < ? AND "end" >= ? LIMIT 1',
        (doc_id, hi, hi),
    ).fetchone()
    return (a[0] if a else lo), (b[0] if b else hi)
