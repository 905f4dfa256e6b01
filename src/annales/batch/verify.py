"""Checking a batch database: a canonical dump (to compare engines or runs) and a list of
consistency problems (to prove a killed-and-resumed batch left nothing half-written)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annales.store.db import connect
from annales.store.writer import decode_payload

#: Columns that legitimately differ between two runs over the same corpus.
VOLATILE = {"documents": {"read_at"}, "sentences": {"id"}}
#: Child tables whose row count per document must equal the list in the stored chronicle.
COUNTED = {
    "timexes": "timexes",
    "entities": "entities",
    "quantities": "quantities",
    "quotes": "quotes",
    "events": "events",
}


def _tables(conn: Any) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE '%fts%' AND name != 'batch_failures' ORDER BY name"
    )
    return [r[0] for r in rows]


def canonical_dump(db: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, volatile columns dropped, sorted: equal dumps = same content,
    whatever order the documents were written in."""
    conn = connect(db, readonly=True)
    try:
        out: dict[str, list[tuple[Any, ...]]] = {}
        for table in _tables(conn):
            cols = [
                r[1]
                for r in conn.execute(f'PRAGMA table_info("{table}")')
                if r[1] not in VOLATILE.get(table, set())
            ]
            sql = "SELECT " + ", ".join(f'"{c}"' for c in cols) + f' FROM "{table}"'
            out[table] = sorted((tuple(r) for r in conn.execute(sql)), key=repr)
        return out
    finally:
        conn.close()


def problems(db: str | Path) -> list[str]:
    """What is wrong with ``db``: integrity, duplicates, documents missing some of their rows."""
    conn = connect(db, readonly=True)
    found: list[str] = []
    try:
        check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            found.append("integrity_check: " + "; ".join(check[:5]))
        dup = conn.execute(
            "SELECT count(*) - count(DISTINCT doc_id || ':' || seq) FROM sentences"
        ).fetchone()[0]
        if dup:
            found.append(f"{dup} duplicated sentence rows")
        for doc_id, chron_json in conn.execute("SELECT id, chronicle FROM documents"):
            chron = decode_payload(chron_json)
            for table, key in COUNTED.items():
                n = conn.execute(
                    f'SELECT count(*) FROM "{table}" WHERE doc_id = ?', (doc_id,)
                ).fetchone()[0]
                if n != len(chron.get(key, [])):
                    found.append(
                        f"{doc_id[:12]}: {table} has {n} rows, chronicle lists "
                        f"{len(chron.get(key, []))}"
                    )
        return found
    finally:
        conn.close()
