"""Web-specific reads over the store's schema: the timeline window (items or clusters), the
reader's highlights, entity pages. Generic reads (events, entities, search) live in
``annales.store.query``; everything here is read-only SQL on an ``mode=ro`` connection."""

from __future__ import annotations

import bisect
import json
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np  # a dependency of spaCy, so always present

from annales.export import dates
from annales.store.query import event_row as shape_event_row

#: Above this many items in the visible window the timeline gets clusters instead.
MAX_ITEMS = 400
#: Number of cluster buckets across the visible window.
BUCKETS = 48
#: Events listed under a clustered timeline (the first of the visible window).
PREVIEW = 100
#: Groups shown when grouping by entity (the most active entities in the window).
MAX_ENTITY_GROUPS = 12
ROLE_CLASS = {"agent": "agents", "patient": "patients", "place": "places"}


@dataclass(slots=True)
class Filters:
    """What the user narrowed the timeline to. Keys are the store's ``sort_key`` scale."""

    who: str | None = None
    where: str | None = None
    word: str | None = None
    document: str | None = None  # full id
    entity: tuple[str, str] | None = None  # (doc_id, entity id)
    key_from: float | None = None
    key_to: float | None = None  # exclusive
    timexes: bool = True
    rowids: str | None = None  # JSON list of matching event rowids, set by resolve()

    @property
    def events_only(self) -> bool:
        return bool(self.who or self.where or self.word or self.entity)


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class KeyIndex:
    """Sorted timeline keys of every dated event and timex, with their document numbers.

    Counting and clustering a window of the unfiltered timeline is then a binary search and a
    histogram in memory, instead of an SQL scan that visits each row (50,000 events: ~1 ms
    instead of hundreds). Built once per database state (see :func:`state`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.docs = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY rowid")]
        pos = {d: i for i, d in enumerate(self.docs)}
        self.keys: dict[str, np.ndarray] = {}
        self.doc: dict[str, np.ndarray] = {}
        for kind, sql in (
            ("events", "SELECT sort_key, doc_id FROM events WHERE sort_key IS NOT NULL"),
            (
                "timexes",
                "SELECT sort_key, doc_id FROM timexes WHERE sort_key IS NOT NULL"
                " AND type IN ('DATE', 'TIME')",
            ),
        ):
            rows = conn.execute(sql).fetchall()
            keys = np.fromiter((r[0] for r in rows), dtype=np.float64, count=len(rows))
            docs = np.fromiter((pos[r[1]] for r in rows), dtype=np.int32, count=len(rows))
            order = np.argsort(keys, kind="stable")
            self.keys[kind], self.doc[kind] = keys[order], docs[order]

    def _slice(
        self, kind: str, lo: float, hi: float, document: str | None
    ) -> tuple[np.ndarray, np.ndarray]:
        keys, docs = self.keys[kind], self.doc[kind]
        a, b = np.searchsorted(keys, lo, "left"), np.searchsorted(keys, hi, "left")
        k, d = keys[a:b], docs[a:b]
        if document is not None:
            want = self.docs.index(document) if document in self.docs else -1
            mask = d == want
            k, d = k[mask], d[mask]
        return k, d

    def keys_of(self, document: str | None) -> np.ndarray:
        k, _ = self._slice("events", -np.inf, np.inf, document)
        return k if len(k) else self._slice("timexes", -np.inf, np.inf, document)[0]

    def count(self, kind: str, lo: float, hi: float, document: str | None) -> int:
        return int(len(self._slice(kind, lo, hi, document)[0]))

    def buckets(
        self, kind: str, origin: float, lo: float, hi: float, width: float, document: str | None
    ) -> list[tuple[int, str, int]]:
        k, d = self._slice(kind, lo, hi, document)
        if not len(k):
            return []
        b = ((k - origin) // width).astype(np.int64)
        combo = b * len(self.docs) + d
        values, counts = np.unique(combo, return_counts=True)
        n = len(self.docs)
        return [
            (int(v // n), self.docs[int(v % n)], int(c))
            for v, c in zip(values, counts, strict=True)
        ]


_INDEX: dict[tuple[str, tuple[Any, ...]], KeyIndex] = {}
_INDEX_LOCK = threading.Lock()


def state(conn: sqlite3.Connection) -> tuple[Any, ...]:
    """What identifies the database's content: documents are only ever added or removed."""
    return tuple(
        conn.execute("SELECT count(*), max(rowid), max(read_at) FROM documents").fetchone()
    )


def key_index(conn: sqlite3.Connection, db_key: str) -> KeyIndex:
    st = state(conn)
    with _INDEX_LOCK:
        idx = _INDEX.get((db_key, st))
        if idx is None:
            for k in [k for k in _INDEX if k[0] == db_key]:
                del _INDEX[k]
            idx = _INDEX[(db_key, st)] = KeyIndex(conn)
        return idx


def key_to_ymd(key: float) -> dates.Ymd:
    """Inverse of the store's ``sort_key`` (a Julian day number) → Gregorian (y, m, d)."""
    return dates.from_sort_position(key)


def resolve(conn: sqlite3.Connection, f: Filters) -> Filters:
    """Run the argument filters (who, where, entity) once and keep the matching event rowids,
    so the timeline's several queries each probe a short list instead of re-running them.

    ``who``/``where`` match the arguments linked to an entity of that name or alias (through
    the entity index); when no entity matches, the arguments' own text ("the sailors")."""
    sets: list[set[int]] = []
    for value, roles in ((f.who, ("agent", "patient")), (f.where, ("place",))):
        if not value:
            continue
        marks = ",".join("?" * len(roles))
        found = conn.execute(
            "SELECT doc_id, id FROM entities WHERE name LIKE ? ESCAPE '\\'"
            " OR aliases LIKE ? ESCAPE '\\'",
            (_like(value), _like(value)),
        ).fetchall()
        if found:
            rows = conn.execute(
                "SELECT e.rowid FROM events e WHERE (e.doc_id, e.id) IN (SELECT a.doc_id,"
                f" a.event_id FROM event_arguments a WHERE a.role IN ({marks}) AND"
                " (a.doc_id, a.entity_id) IN (SELECT json_extract(value, '$[0]'),"
                " json_extract(value, '$[1]') FROM json_each(?)))",
                (*roles, json.dumps([tuple(r) for r in found])),
            ).fetchall()
        else:
            rows = conn.execute(
                "SELECT e.rowid FROM events e WHERE (e.doc_id, e.id) IN (SELECT a.doc_id,"
                f" a.event_id FROM event_arguments a WHERE a.role IN ({marks})"
                " AND a.text LIKE ? ESCAPE '\\')",
                (*roles, _like(value)),
            ).fetchall()
        sets.append({r[0] for r in rows})
    if f.entity:
        rows = conn.execute(
            "SELECT e.rowid FROM events e WHERE (e.doc_id, e.id) IN (SELECT a.doc_id, a.event_id"
            " FROM event_arguments a WHERE a.doc_id = ? AND a.entity_id = ?)",
            f.entity,
        ).fetchall()
        sets.append({r[0] for r in rows})
    if sets:
        f.rowids = json.dumps(sorted(set.intersection(*sets)))
    return f


def event_clauses(f: Filters, dated: bool = True) -> tuple[list[str], list[Any]]:
    """WHERE clauses (on ``events e``) for the filters (call :func:`resolve` first)."""
    clauses: list[str] = ["e.sort_key IS NOT NULL"] if dated else []
    params: list[Any] = []
    if (f.who or f.where or f.entity) and f.rowids is None:
        raise ValueError("argument filters need resolve(conn, filters) first")
    if f.rowids is not None:
        clauses.append("e.rowid IN (SELECT value FROM json_each(?))")
        params.append(f.rowids)
    if f.word:
        clauses.append("(e.lemma LIKE ? ESCAPE '\\' OR e.trigger_text LIKE ? ESCAPE '\\')")
        params += [_like(f.word)] * 2
    if f.document:
        clauses.append("e.doc_id = ?")
        params.append(f.document)
    if f.key_from is not None:
        clauses.append("e.sort_key >= ?")
        params.append(f.key_from)
    if f.key_to is not None:
        clauses.append("e.sort_key < ?")
        params.append(f.key_to)
    return clauses, params


def timex_clauses(f: Filters) -> tuple[list[str], list[Any]] | None:
    """Timexes follow the document and date filters; any event filter hides them."""
    if not f.timexes or f.events_only:
        return None
    clauses = ["t.sort_key IS NOT NULL", "t.type IN ('DATE', 'TIME')"]
    params: list[Any] = []
    if f.document:
        clauses.append("t.doc_id = ?")
        params.append(f.document)
    if f.key_from is not None:
        clauses.append("t.sort_key >= ?")
        params.append(f.key_from)
    if f.key_to is not None:
        clauses.append("t.sort_key < ?")
        params.append(f.key_to)
    return clauses, params


def extent(conn: sqlite3.Connection, f: Filters) -> tuple[dates.Ymd, dates.Ymd] | None:
    """First and last day with anything to show under the filters."""
    ec, ep = event_clauses(f)
    lo, hi = conn.execute(
        f"SELECT min(e.sort_key), max(e.sort_key) FROM events e WHERE {' AND '.join(ec)}", ep
    ).fetchone()
    tc = timex_clauses(f)
    if tc:
        tlo, thi = conn.execute(
            f"SELECT min(t.sort_key), max(t.sort_key) FROM timexes t WHERE {' AND '.join(tc[0])}",
            tc[1],
        ).fetchone()
        lo = tlo if lo is None else (lo if tlo is None else min(lo, tlo))
        hi = thi if hi is None else (hi if thi is None else max(hi, thi))
    if lo is None:
        return None
    return key_to_ymd(lo), key_to_ymd(hi)


def focus(
    conn: sqlite3.Connection, f: Filters, index: KeyIndex | None
) -> tuple[dates.Ymd, dates.Ymd] | None:
    """Where the opening view should look: the densest stretch of the matching events,
    widened by half its length on each side (at least a week)."""
    if index is not None and not f.events_only and f.key_from is None and f.key_to is None:
        keys = index.keys_of(f.document)
    else:
        ec, ep = event_clauses(f)
        rows = conn.execute(
            f"SELECT e.sort_key FROM events e WHERE {' AND '.join(ec)} ORDER BY e.sort_key", ep
        ).fetchall()
        keys = np.fromiter((r[0] for r in rows), dtype=np.float64, count=len(rows))
    span = dates.focus(keys.tolist())
    return (key_to_ymd(span[0]), key_to_ymd(span[1])) if span else None


def timeline(
    conn: sqlite3.Connection,
    lo: float,
    hi: float,
    f: Filters,
    group: str = "document",
    max_items: int = MAX_ITEMS,
    index: KeyIndex | None = None,
) -> dict[str, Any]:
    """Items in ``[lo, hi)`` (plus one window of margin on the left so ranges that began
    earlier still show), or clusters when there are more than ``max_items``.

    With ``index`` and no event filter, counting and clustering happen in memory."""
    span = max(hi - lo, 1.0)
    w_lo, w_hi = lo - span, hi
    ec, ep = event_clauses(f)
    ec += ["e.sort_key >= ?", "e.sort_key < ?"]
    ep += [w_lo, w_hi]
    tc = timex_clauses(f) if group == "document" else None
    if tc:
        tc[0].extend(["t.sort_key >= ?", "t.sort_key < ?"])
        tc[1].extend([w_lo, w_hi])
    top: list[str] = []
    if group == "entity":
        top = [
            r[0]
            for r in conn.execute(
                "SELECT n.name, count(*) AS c FROM events e JOIN event_arguments a"
                " ON a.doc_id = e.doc_id AND a.event_id = e.id JOIN entities n"
                " ON n.doc_id = a.doc_id AND n.id = a.entity_id"
                f" WHERE {' AND '.join(ec)} GROUP BY n.name ORDER BY c DESC, n.name LIMIT ?",
                (*ep, MAX_ENTITY_GROUPS),
            )
        ]
    fast = index is not None and group == "document" and not f.events_only
    a = max(w_lo, f.key_from) if f.key_from is not None else w_lo
    b = min(w_hi, f.key_to) if f.key_to is not None else w_hi
    if fast:
        assert index is not None
        n_events = index.count("events", a, b, f.document)
        n_timexes = index.count("timexes", a, b, f.document) if tc else 0
    else:
        n_events = conn.execute(
            f"SELECT count(*) FROM events e WHERE {' AND '.join(ec)}", ep
        ).fetchone()[0]
        n_timexes = (
            conn.execute(
                f"SELECT count(*) FROM timexes t WHERE {' AND '.join(tc[0])}", tc[1]
            ).fetchone()[0]
            if tc
            else 0
        )
    total = n_events + n_timexes
    if total > max_items:
        width = max((w_hi - w_lo) / (2 * BUCKETS), 1.0)
        if fast:
            assert index is not None
            rows = index.buckets("events", w_lo, a, b, width, f.document)
            if tc:
                rows += index.buckets("timexes", w_lo, a, b, width, f.document)
        else:
            rows = _bucket_rows(conn, w_lo, width, ec, ep, tc, group, top)
        items = _clusters(rows, w_lo, width)
        mode = "clusters"
        # the first events of the visible window, for the list under the timeline
        preview = _event_items(conn, [*ec, "e.sort_key >= ?"], [*ep, lo], "document", [], PREVIEW)
    else:
        items = _event_items(conn, ec, ep, group, top)
        if tc:
            items += _timex_items(conn, tc)
        mode = "items"
        preview = []
    groups = _groups(conn, items, group)
    return {"mode": mode, "count": total, "items": items, "groups": groups, "preview": preview}


def _groups(
    conn: sqlite3.Connection, items: list[dict[str, Any]], group: str
) -> list[dict[str, str]]:
    keys = sorted({it["group"] for it in items})
    if group == "entity":
        return [{"id": k, "label": k} for k in keys]
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    titles = dict(conn.execute(f"SELECT id, title FROM documents WHERE id IN ({marks})", keys))
    return [{"id": k, "label": titles.get(k) or k[:12]} for k in keys]


def _bucket_rows(
    conn: sqlite3.Connection,
    origin: float,
    width: float,
    ec: list[str],
    ep: list[Any],
    tc: tuple[list[str], list[Any]] | None,
    group: str,
    top: list[str],
) -> list[tuple[int, str, int]]:
    """(bucket, group, count) for a filtered window, bucketed in memory from the keys."""
    if group == "entity":
        marks = ",".join("?" * len(top)) or "NULL"
        rows = conn.execute(
            "SELECT e.sort_key, n.name FROM events e JOIN event_arguments a"
            " ON a.doc_id = e.doc_id AND a.event_id = e.id JOIN entities n"
            " ON n.doc_id = a.doc_id AND n.id = a.entity_id"
            f" WHERE {' AND '.join(ec)} AND n.name IN ({marks})",
            (*ep, *top),
        ).fetchall()
    else:
        rows = conn.execute(
            f"SELECT e.sort_key, e.doc_id FROM events e WHERE {' AND '.join(ec)}", ep
        ).fetchall()
        if tc:
            rows += conn.execute(
                f"SELECT t.sort_key, t.doc_id FROM timexes t WHERE {' AND '.join(tc[0])}", tc[1]
            ).fetchall()
    counts: dict[tuple[int, str], int] = {}
    for key, g in rows:
        k = (int((key - origin) // width), g)
        counts[k] = counts.get(k, 0) + 1
    return [(b, g, n) for (b, g), n in counts.items()]


def _clusters(
    rows: list[tuple[int, str, int]], origin: float, width: float
) -> list[dict[str, Any]]:
    merged: dict[tuple[int, str], int] = {}
    for b, g, n in rows:
        merged[(b, g)] = merged.get((b, g), 0) + n
    out = []
    for (b, g), n in sorted(merged.items()):
        first = key_to_ymd(origin + b * width)
        last = key_to_ymd(origin + (b + 1) * width - 1)
        out.append(
            {
                "key": f"c:{g}:{b}",
                "cluster": True,
                "kind": "cluster",
                "count": int(n),
                "first": first,
                "last": last if last >= first else first,
                "group": g,
                "label": f"{int(n):,} events and dates, {dates.label(dates.iso(first))} to "
                f"{dates.label(dates.iso(last))}: zoom in to see them",
            }
        )
    return out


def _event_items(
    conn: sqlite3.Connection,
    ec: list[str],
    ep: list[Any],
    group: str,
    top: list[str],
    limit: int = -1,
) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT e.doc_id, e.id, e.lemma, e.trigger_text, e.date, e.calendar, e.gregorian,"
        " e.date_source, e.negated, e.hedged, e.sentence_text, t.mod, t.value AS tvalue"
        " FROM events e LEFT JOIN timexes t ON t.doc_id = e.doc_id AND t.id = e.time"
        f" WHERE {' AND '.join(ec)} ORDER BY e.sort_key LIMIT ?",
        (*ep, limit),
    ).fetchall()
    args = arguments(conn, [(r["doc_id"], r["id"]) for r in rows])
    out = []
    for r in rows:
        a = args.get((r["doc_id"], r["id"]), {})
        mod = r["mod"] if r["tvalue"] == r["date"] else None
        span = dates.interval(r["gregorian"], mod)
        if span is None:
            continue
        base = {
            "kind": "event",
            "doc_id": r["doc_id"],
            "id": r["id"],
            "headline": headline(r["trigger_text"], a, bool(r["negated"]), bool(r["hedged"])),
            "display": dates.dual_label(r["date"], r["calendar"], r["gregorian"], mod),
            "first": span[0],
            "last": span[1],
            "date_source": r["date_source"],
            "sentence": _trim(r["sentence_text"]),
        }
        if group == "entity":
            names = {x["entity_name"] for role in a.values() for x in role if x["entity_name"]}
            for name in sorted(names & set(top)):
                out.append({**base, "key": f"e:{r['doc_id']}:{r['id']}:{name}", "group": name})
        else:
            out.append({**base, "key": f"e:{r['doc_id']}:{r['id']}", "group": r["doc_id"]})
    return out


def _timex_items(conn: sqlite3.Connection, tc: tuple[list[str], list[Any]]) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT t.doc_id, t.id, t.text, t.value, t.mod, t.calendar, t.gregorian FROM timexes t"
        f" WHERE {' AND '.join(tc[0])} ORDER BY t.sort_key",
        tc[1],
    ).fetchall()
    out = []
    for r in rows:
        span = dates.interval(r["gregorian"], r["mod"])
        if span is None:
            continue
        out.append(
            {
                "key": f"t:{r['doc_id']}:{r['id']}",
                "kind": "timex",
                "doc_id": r["doc_id"],
                "id": r["id"],
                "headline": r["text"],
                "display": dates.dual_label(r["value"], r["calendar"], r["gregorian"], r["mod"]),
                "first": span[0],
                "last": span[1],
                "group": r["doc_id"],
                "date_source": None,
            }
        )
    return out


def _trim(text: str | None, n: int = 240) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def headline(
    trigger: str, args: dict[str, list[dict[str, Any]]], negated: bool, hedged: bool
) -> str:
    """``Kerensky wired the Provisional Government``: agent, trigger, first patient."""
    who = ", ".join(x["text"] for x in args.get("agents", [])[:2])
    whom = ", ".join(x["text"] for x in args.get("patients", [])[:1])
    text = " ".join(p for p in (who, trigger, whom) if p)
    if negated:
        text += " (negated)"
    if hedged:
        text += " (hedged)"
    return text


def arguments(
    conn: sqlite3.Connection, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, list[dict[str, Any]]]]:
    """Arguments of many events at once, by role, with their entity names."""
    out: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    by_doc: dict[str, list[str]] = {}
    for d, i in keys:
        by_doc.setdefault(d, []).append(i)
    for doc_id, ids in by_doc.items():
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            marks = ",".join("?" * len(chunk))
            for a in conn.execute(
                'SELECT a.event_id, a.role, a.start, a."end", a.text, a.entity_id, n.name,'
                " n.label FROM event_arguments a LEFT JOIN entities n"
                " ON n.doc_id = a.doc_id AND n.id = a.entity_id"
                f" WHERE a.doc_id = ? AND a.event_id IN ({marks}) ORDER BY a.rowid",
                (doc_id, *chunk),
            ):
                roles = out.setdefault((doc_id, a["event_id"]), {})
                roles.setdefault(ROLE_CLASS.get(a["role"], a["role"]), []).append(
                    {
                        "start": a["start"],
                        "end": a["end"],
                        "text": a["text"],
                        "entity": a["entity_id"],
                        "entity_name": a["name"],
                        "label": a["label"],
                    }
                )
    return out


# ---- reader -----------------------------------------------------------------------------


def event_row(conn: sqlite3.Connection, doc_id: str, event_id: str) -> dict[str, Any] | None:
    r = conn.execute(
        'SELECT e.*, t.start AS t_start, t."end" AS t_end, t.text AS t_text, t.mod AS t_mod'
        " FROM events e LEFT JOIN timexes t ON t.doc_id = e.doc_id AND t.id = e.time"
        " WHERE e.doc_id = ? AND e.id = ?",
        (doc_id, event_id),
    ).fetchone()
    if r is None:
        return None
    ev = dict(r)
    ev["arguments"] = arguments(conn, [(doc_id, event_id)]).get((doc_id, event_id), {})
    ev["display"] = dates.dual_label(
        ev["date"], ev["calendar"], ev["gregorian"], ev["t_mod"] if ev["time"] else None
    )
    return ev


def timex_row(conn: sqlite3.Connection, doc_id: str, timex_id: str) -> dict[str, Any] | None:
    r = conn.execute("SELECT * FROM timexes WHERE doc_id = ? AND id = ?", (doc_id, timex_id))
    row = r.fetchone()
    if row is None:
        return None
    t = dict(row)
    t["display"] = dates.dual_label(t["value"], t["calendar"], t["gregorian"], t["mod"])
    return t


def neighbours(conn: sqlite3.Connection, doc_id: str, ev: dict[str, Any]) -> dict[str, str | None]:
    """Previous/next event in reading order and in time (Gregorian), within the document."""

    def one(sql: str, params: tuple[Any, ...]) -> str | None:
        row = conn.execute(sql, params).fetchone()
        return row[0] if row else None

    out = {
        "prev": one(
            "SELECT id FROM events WHERE doc_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1",
            (doc_id, ev["seq"]),
        ),
        "next": one(
            "SELECT id FROM events WHERE doc_id = ? AND seq > ? ORDER BY seq LIMIT 1",
            (doc_id, ev["seq"]),
        ),
        "earlier": None,
        "later": None,
    }
    if ev["sort_key"] is not None:
        k, s = ev["sort_key"], ev["seq"]
        out["earlier"] = one(
            "SELECT id FROM events WHERE doc_id = ? AND sort_key IS NOT NULL AND"
            " (sort_key < ? OR (sort_key = ? AND seq < ?)) ORDER BY sort_key DESC, seq DESC"
            " LIMIT 1",
            (doc_id, k, k, s),
        )
        out["later"] = one(
            "SELECT id FROM events WHERE doc_id = ? AND sort_key IS NOT NULL AND"
            " (sort_key > ? OR (sort_key = ? AND seq > ?)) ORDER BY sort_key, seq LIMIT 1",
            (doc_id, k, k, s),
        )
    return out


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    cls: str
    href: str | None = None
    title: str | None = None


def segments(text: str, base: int, marks: list[Mark]) -> list[dict[str, Any]]:
    """Cut ``text`` (which starts at document offset ``base``) at every mark boundary; each
    piece carries the classes of the marks covering it and the innermost link."""
    cuts = {0, len(text)}
    inside = [m for m in marks if m.end > base and m.start < base + len(text)]
    for m in inside:
        cuts.add(max(0, m.start - base))
        cuts.add(min(len(text), m.end - base))
    points = sorted(cuts)
    starts = sorted(inside, key=lambda m: m.start)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        if a == b:
            continue
        covering = [m for m in starts if m.start - base <= a and m.end - base >= b]
        out.append(
            {
                "text": text[a:b],
                "cls": " ".join(dict.fromkeys(m.cls for m in covering)),
                "href": next((m.href for m in reversed(covering) if m.href), None),
                "title": next((m.title for m in reversed(covering) if m.title), None),
            }
        )
    return out


def window_marks(conn: sqlite3.Connection, doc_id: str, lo: int, hi: int) -> list[Mark]:
    """Background marks for a text window: entity mentions, timexes, other event triggers."""
    marks: list[Mark] = []
    for r in conn.execute(
        'SELECT m.start, m."end", m.entity_id, n.name, n.label FROM mentions m JOIN entities n'
        " ON n.doc_id = m.doc_id AND n.id = m.entity_id"
        ' WHERE m.doc_id = ? AND m."end" > ? AND m.start < ?',
        (doc_id, lo, hi),
    ):
        marks.append(
            Mark(
                r[0],
                r[1],
                f"ent ent-{(r[4] or '').lower()}",
                f"/entities/{doc_id}/{r[2]}",
                f"{r[3]} ({r[4]})",
            )
        )
    for r in conn.execute(
        'SELECT start, "end", id, value, calendar, gregorian, mod FROM timexes'
        ' WHERE doc_id = ? AND "end" > ? AND start < ?',
        (doc_id, lo, hi),
    ):
        marks.append(
            Mark(
                r[0],
                r[1],
                "tx",
                f"/documents/{doc_id}?timex={r[2]}",
                dates.dual_label(r[3], r[4], r[5], r[6]) or r[3],
            )
        )
    for r in conn.execute(
        "SELECT trigger_start, trigger_end, id, lemma FROM events"
        " WHERE doc_id = ? AND trigger_end > ? AND trigger_start < ?",
        (doc_id, lo, hi),
    ):
        marks.append(Mark(r[0], r[1], "ev", f"/documents/{doc_id}?event={r[2]}", f"event: {r[3]}"))
    return marks


def mention_rows(conn: sqlite3.Connection, doc_id: str, entity_id: str) -> list[dict[str, Any]]:
    """Mentions of an entity with their context and the narrative date in force there (the
    latest dated expression before it), in date order."""
    dated = conn.execute(
        "SELECT start, sort_key, value, calendar, gregorian FROM timexes"
        " WHERE doc_id = ? AND sort_key IS NOT NULL AND type = 'DATE' ORDER BY start",
        (doc_id,),
    ).fetchall()
    starts = [r["start"] for r in dated]
    rows = conn.execute(
        'SELECT m.start, m."end", m.text, s.start AS s_start, s."end" AS s_end, s.text AS s_text'
        " FROM mentions m LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.start <= m.start"
        ' AND s."end" >= m."end" WHERE m.doc_id = ? AND m.entity_id = ? ORDER BY m.start',
        (doc_id, entity_id),
    ).fetchall()
    out = []
    for r in rows:
        i = bisect.bisect_right(starts, r["start"]) - 1
        ref = dated[i] if i >= 0 else None
        out.append(
            {
                "start": r["start"],
                "end": r["end"],
                "text": r["text"],
                "sentence": r["s_text"] or "",
                "s_start": r["s_start"],
                "key": ref["sort_key"] if ref else None,
                "date": dates.dual_label(ref["value"], ref["calendar"], ref["gregorian"])
                if ref
                else "",
            }
        )
    out.sort(key=lambda m: (m["key"] is None, m["key"] or 0, m["start"]))
    return out


def entity_events(conn: sqlite3.Connection, doc_id: str, entity_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT DISTINCT e.id, e.trigger_text, e.date, e.calendar, e.gregorian, e.sort_key,"
        " e.sentence_text, e.seq, a.role FROM events e JOIN event_arguments a"
        " ON a.doc_id = e.doc_id AND a.event_id = e.id WHERE e.doc_id = ? AND a.entity_id = ?"
        " ORDER BY e.sort_key IS NULL, e.sort_key, e.seq",
        (doc_id, entity_id),
    ).fetchall()
    return [
        {
            **dict(r),
            "display": dates.dual_label(r["date"], r["calendar"], r["gregorian"]),
            "sentence": _trim(r["sentence_text"], 300),
        }
        for r in rows
    ]


def entity_row(conn: sqlite3.Connection, doc_id: str, entity_id: str) -> dict[str, Any] | None:
    r = conn.execute("SELECT * FROM entities WHERE doc_id = ? AND id = ?", (doc_id, entity_id))
    row = r.fetchone()
    if row is None:
        return None
    out = dict(row)
    out["aliases"] = json.loads(out["aliases"] or "[]")
    out["elsewhere"] = [
        dict(x)
        for x in conn.execute(
            "SELECT n.doc_id, n.id, d.title FROM entities n JOIN documents d ON d.id = n.doc_id"
            " WHERE n.name = ? AND n.label = ? AND NOT (n.doc_id = ? AND n.id = ?) LIMIT 20",
            (out["name"], out["label"], doc_id, entity_id),
        )
    ]
    return out


def event_list(
    conn: sqlite3.Connection, f: Filters, limit: int, offset: int
) -> list[dict[str, Any]]:
    """Events in Gregorian order (undated last), with arguments and both-calendar labels.

    Dated and undated events are read separately so the dated part walks the ``sort_key``
    index instead of sorting the whole table."""
    dated_only = f.key_from is not None or f.key_to is not None
    ec, ep = event_clauses(f, dated=True)
    cols = "e.*, d.title AS document_title, t.mod AS t_mod, t.value AS t_value, t.text AS time_text"
    join = (
        "FROM events e JOIN documents d ON d.id = e.doc_id"
        " LEFT JOIN timexes t ON t.doc_id = e.doc_id AND t.id = e.time"
    )
    rows = conn.execute(
        f"SELECT {cols} {join} WHERE {' AND '.join(ec)} ORDER BY e.sort_key LIMIT ? OFFSET ?",
        (*ep, limit, offset),
    ).fetchall()
    if not dated_only and len(rows) < limit:
        n_dated = (
            offset + len(rows)
            if rows
            else conn.execute(
                f"SELECT count(*) FROM events e WHERE {' AND '.join(ec)}", ep
            ).fetchone()[0]
        )
        uc, up = event_clauses(f, dated=False)
        uc.append("e.sort_key IS NULL")
        rows += conn.execute(
            f"SELECT {cols} {join} WHERE {' AND '.join(uc)} ORDER BY d.rowid, e.seq LIMIT ? OFFSET ?",
            (*up, limit - len(rows), max(0, offset - n_dated)),
        ).fetchall()
    args = arguments(conn, [(r["doc_id"], r["id"]) for r in rows])
    out = []
    for r in rows:
        d = shape_event_row(r)
        mod = d.pop("t_mod") if d.pop("t_value") == d["date"] else None
        d["display"] = (
            dates.dual_label(d["date"], d["calendar"], d["gregorian"], mod) if d["date"] else None
        )
        a = args.get((r["doc_id"], r["id"]), {})
        for role in ("agents", "patients", "places"):
            d[role] = a.get(role, [])
        d.pop("t_mod", None)
        out.append(d)
    return out
