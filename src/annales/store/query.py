"""Read-side of the store: the queries behind ``annales events``/``entities`` and the web UI.

All functions take an open connection (see :func:`annales.store.connect`) and return plain
dicts (JSON-ready), ordered for display. Text filters are case-insensitive substrings.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from annales.chronicle import Chronicle
from annales.errors import StoreError
from annales.store.dates import parse_filter_date
from annales.store.writer import decode_payload

#: Hard cap on rows returned by one call, whatever the caller asks.
MAX_LIMIT = 10_000


def documents(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every stored document's metadata (no text), with counts, in reading order."""
    rows = conn.execute(
        "SELECT d.id, d.title, d.path, d.format, d.language, d.calendar, d.calendar_reason,"
        " d.reference, d.dct, d.encoding, d.n_chars, d.n_words, d.read_at,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS n_events,"
        " (SELECT count(*) FROM entities e WHERE e.doc_id = d.id) AS n_entities,"
        " (SELECT count(*) FROM timexes t WHERE t.doc_id = d.id) AS n_timexes"
        " FROM documents d ORDER BY d.read_at, d.rowid"
    ).fetchall()
    return [dict(r) for r in rows]


def document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """One document's metadata and sections (no text); ``doc_id`` may be a unique prefix."""
    full = resolve_document(conn, doc_id)
    if full is None:
        return None
    row = next(r for r in documents(conn) if r["id"] == full)
    row["sections"] = [
        dict(r)
        for r in conn.execute(
            'SELECT title, start, "end", level FROM sections WHERE doc_id = ? ORDER BY seq', (full,)
        )
    ]
    return row


def resolve_document(conn: sqlite3.Connection, doc_id: str) -> str | None:
    """Full sha256 for an id or unique id prefix (>= 6 hex chars), else None."""
    if not re.fullmatch(r"[0-9a-fA-F]{6,64}", doc_id or ""):
        return None
    rows = conn.execute(
        "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2",
        (doc_id.lower(), doc_id.lower() + "g"),
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def document_text(
    conn: sqlite3.Connection, doc_id: str, start: int = 0, end: int | None = None
) -> str:
    """A slice of a document's text (by character offsets), without loading all of it."""
    full = resolve_document(conn, doc_id)
    if full is None:
        raise StoreError(f"no document {doc_id!r} in the database")
    length = None if end is None else max(0, end - start)
    if length is None:
        row = conn.execute("SELECT substr(text, ?) FROM documents WHERE id = ?", (start + 1, full))
    else:
        row = conn.execute(
            "SELECT substr(text, ?, ?) FROM documents WHERE id = ?", (start + 1, length, full)
        )
    return row.fetchone()[0]


def load_chronicle(
    conn: sqlite3.Connection, doc_id: str, *, include_text: bool = True
) -> Chronicle:
    """The document's ``Chronicle`` exactly as it was stored (round-trips ``to_dict``)."""
    full = resolve_document(conn, doc_id)
    if full is None:
        raise StoreError(f"no document {doc_id!r} in the database")
    cols = "chronicle, text" if include_text else "chronicle, ''"
    payload, text = conn.execute(f"SELECT {cols} FROM documents WHERE id = ?", (full,)).fetchone()
    data = decode_payload(payload)
    data["text"] = text
    sent = conn.execute(
        'SELECT start, "end" FROM sentences WHERE doc_id = ? ORDER BY seq', (full,)
    ).fetchall()
    data["sentences"] = [(s, e) for s, e in sent]
    return Chronicle.from_dict(data)


def _limit(limit: int | None) -> int:
    return MAX_LIMIT if limit is None or limit <= 0 else min(int(limit), MAX_LIMIT)


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def events(
    conn: sqlite3.Connection,
    who: str | None = None,
    where: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    word: str | None = None,
    document: str | None = None,
    *,
    dated_only: bool = False,
    limit: int | None = 1000,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events in Gregorian chronological order (undated ones last, in document order).

    ``who`` matches an agent or patient (its text, or its entity's name or aliases); ``where``
    matches a place the same way; ``date_from``/``date_to`` are inclusive and may name their
    calendar (``"1917-06-22 julian"``, ``"1917-06-22 O.S."``); a partial ``date_to`` such as
    ``1917-06`` includes the whole month. ``word`` matches the trigger, lemma or sentence.
    """
    clauses, params = [], []  # type: list[str], list[Any]
    for value, roles in ((who, ("agent", "patient")), (where, ("place",))):
        if value:
            marks = ",".join("?" * len(roles))
            clauses.append(
                "EXISTS (SELECT 1 FROM event_arguments a LEFT JOIN entities n"
                " ON n.doc_id = a.doc_id AND n.id = a.entity_id"
                f" WHERE a.doc_id = e.doc_id AND a.event_id = e.id AND a.role IN ({marks})"
                " AND (a.text LIKE ? ESCAPE '\\' OR n.name LIKE ? ESCAPE '\\'"
                " OR n.aliases LIKE ? ESCAPE '\\'))"
            )
            params += [*roles, _like(value), _like(value), _like(value)]
    if date_from:
        clauses.append("e.sort_key >= ?")
        params.append(parse_filter_date(date_from)[0])
    if date_to:
        clauses.append("e.sort_key <= ?")
        params.append(parse_filter_date(date_to)[1])
    if dated_only and not (date_from or date_to):
        clauses.append("e.sort_key IS NOT NULL")
    if word:
        clauses.append(
            "(e.lemma LIKE ? ESCAPE '\\' OR e.trigger_text LIKE ? ESCAPE '\\'"
            " OR e.sentence_text LIKE ? ESCAPE '\\')"
        )
        params += [_like(word)] * 3
    if document:
        full = resolve_document(conn, document)
        clauses.append("e.doc_id = ?")
        params.append(full or document)
    where_sql = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = conn.execute(
        "SELECT e.*, d.title AS document_title FROM events e JOIN documents d ON d.id = e.doc_id "
        f"{where_sql} ORDER BY e.sort_key IS NULL, e.sort_key, d.rowid, e.seq LIMIT ? OFFSET ?",
        (*params, _limit(limit), max(0, int(offset))),
    ).fetchall()
    return _with_arguments(conn, [event_row(r) for r in rows])


def event_row(r: sqlite3.Row | dict[str, Any]) -> dict[str, Any]:
    """An events row in the API shape: flags as bools, trigger and sentence as spans."""
    d = dict(r)
    d["negated"], d["hedged"] = bool(d["negated"]), bool(d["hedged"])
    d["quantities"] = json.loads(d["quantities"] or "[]")
    d["trigger"] = {
        "start": d.pop("trigger_start"),
        "end": d.pop("trigger_end"),
        "text": d.pop("trigger_text"),
    }
    d["sentence"] = {
        "start": d.pop("sentence_start"),
        "end": d.pop("sentence_end"),
        "text": d.pop("sentence_text"),
    }
    return d


def _with_arguments(conn: sqlite3.Connection, evs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for ev in evs:
        ev["agents"], ev["patients"], ev["places"] = [], [], []
        ev["time_text"] = None
    if not evs:
        return evs
    by_key = {(ev["doc_id"], ev["id"]): ev for ev in evs}
    docs = sorted({ev["doc_id"] for ev in evs})
    for doc_id in docs:
        ids = [ev["id"] for ev in evs if ev["doc_id"] == doc_id]
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            marks = ",".join("?" * len(chunk))
            for a in conn.execute(
                'SELECT a.event_id, a.role, a.start, a."end", a.text, a.entity_id, n.name'
                " FROM event_arguments a LEFT JOIN entities n"
                " ON n.doc_id = a.doc_id AND n.id = a.entity_id"
                f" WHERE a.doc_id = ? AND a.event_id IN ({marks}) ORDER BY a.rowid",
                (doc_id, *chunk),
            ):
                role = {"agent": "agents", "patient": "patients", "place": "places"}[a["role"]]
                by_key[(doc_id, a["event_id"])][role].append(
                    {
                        "start": a["start"],
                        "end": a["end"],
                        "text": a["text"],
                        "entity": a["entity_id"],
                        "entity_name": a["name"],
                    }
                )
            times = [ev["time"] for ev in evs if ev["doc_id"] == doc_id and ev["time"]]
            if times:
                marks = ",".join("?" * len(times))
                found = dict(
                    conn.execute(
                        f"SELECT id, text FROM timexes WHERE doc_id = ? AND id IN ({marks})",
                        (doc_id, *times),
                    ).fetchall()
                )
                for ev in evs:
                    if ev["doc_id"] == doc_id and ev["time"] in found:
                        ev["time_text"] = found[ev["time"]]
    return evs


def entities(
    conn: sqlite3.Connection,
    name: str | None = None,
    label: str | None = None,
    document: str | None = None,
    *,
    limit: int | None = 1000,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Entities with their mention counts, most mentioned first.

    Entities are per document (ids are document-local); the same name across documents is
    merged into one row here with ``documents`` counting the documents that mention it.
    """
    clauses, params = [], []  # type: list[str], list[Any]
    if name:
        clauses.append("(n.name LIKE ? ESCAPE '\\' OR n.aliases LIKE ? ESCAPE '\\')")
        params += [_like(name)] * 2
    if label:
        clauses.append("n.label = ?")
        params.append(label.upper())
    if document:
        clauses.append("n.doc_id = ?")
        params.append(resolve_document(conn, document) or document)
    where_sql = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = conn.execute(
        "SELECT n.name, n.label, sum(n.n_mentions) AS mentions, count(DISTINCT n.doc_id) AS"
        " documents, group_concat(n.aliases, '\x1f') AS aliases_json,"
        " group_concat(n.doc_id || ':' || n.id, ' ') AS refs"
        f" FROM entities n {where_sql} GROUP BY n.name, n.label"
        " ORDER BY mentions DESC, n.name LIMIT ? OFFSET ?",
        (*params, _limit(limit), max(0, int(offset))),
    ).fetchall()
    out = []
    for r in rows:
        aliases: list[str] = []
        for chunk in (r["aliases_json"] or "").split("\x1f"):
            for a in json.loads(chunk or "[]"):
                if a not in aliases and a != r["name"]:
                    aliases.append(a)
        out.append(
            {
                "name": r["name"],
                "label": r["label"],
                "mentions": r["mentions"],
                "documents": r["documents"],
                "aliases": aliases,
                "refs": [
                    dict(zip(("doc_id", "id"), x.split(":"), strict=True))
                    for x in r["refs"].split()
                ],
            }
        )
    return out


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    document: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Sentences matching a full-text query, best first, with a highlighted snippet.

    The query is taken as plain words (all must occur; a trailing ``*`` is a prefix search);
    FTS5 operators in user input are neutralised so no query can raise a syntax error.
    """
    fts = _fts_query(query)
    if not fts:
        return []
    params: list[Any] = [fts]
    doc_sql = ""
    if document:
        doc_sql = "AND s.doc_id = ?"
        params.append(resolve_document(conn, document) or document)
    rows = conn.execute(
        'SELECT s.doc_id, s.seq, s.start, s."end", s.text, d.title AS document_title,'
        " snippet(sentences_fts, 0, '[', ']', '…', 16) AS snippet"
        " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
        " JOIN documents d ON d.id = s.doc_id"
        f" WHERE sentences_fts MATCH ? {doc_sql} ORDER BY rank LIMIT ? OFFSET ?",
        (*params, _limit(limit), max(0, int(offset))),
    ).fetchall()
    return [dict(r) for r in rows]


def _fts_query(query: str) -> str:
    terms = []
    for tok in re.findall(r"\w+\*?", query or "")[:32]:
        prefix = tok.endswith("*")
        word = tok.rstrip("*")
        if word:
            terms.append('"' + word + '"' + ("*" if prefix else ""))
    return " ".join(terms)


def timexes(
    conn: sqlite3.Connection,
    document: str | None = None,
    *,
    limit: int | None = 1000,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Dated temporal expressions in Gregorian order (for timelines)."""
    params: list[Any] = []
    doc_sql = ""
    if document:
        doc_sql = "AND doc_id = ?"
        params.append(resolve_document(conn, document) or document)
    rows = conn.execute(
        f"SELECT * FROM timexes WHERE sort_key IS NOT NULL {doc_sql}"
        " ORDER BY sort_key, doc_id, start LIMIT ? OFFSET ?",
        (*params, _limit(limit), max(0, int(offset))),
    ).fetchall()
    return [dict(r) for r in rows]
