"""The SQLite store: one file, a versioned schema, one transaction per document.

>>> from annales.store import connect, write_chronicle, events
>>> conn = connect("annales.db")                       # doctest: +SKIP
>>> write_chronicle(conn, chronicle)                    # doctest: +SKIP
True
>>> events(conn, who="Kerensky", date_from="1917-06-20 julian")   # doctest: +SKIP
"""

from __future__ import annotations

from annales.store.dates import bounds_key, parse_filter_date, sort_key, to_gregorian
from annales.store.db import APPLICATION_ID, SCHEMA_VERSION, connect, transaction
from annales.store.query import (
    document,
    document_text,
    documents,
    entities,
    events,
    load_chronicle,
    resolve_document,
    search,
    timexes,
)
from annales.store.writer import has_document, write_chronicle

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "bounds_key",
    "connect",
    "document",
    "document_text",
    "documents",
    "entities",
    "events",
    "has_document",
    "load_chronicle",
    "parse_filter_date",
    "resolve_document",
    "search",
    "sort_key",
    "timexes",
    "to_gregorian",
    "transaction",
    "write_chronicle",
]
