"""The single writer of a batch: one thread owns the database connection and writes each
document in its own transaction (``annales.store.writer``), fed through a bounded queue so
readers that outrun the disk wait instead of piling results up in memory.

Failures are recorded in a ``batch_failures`` table (file, error), cleared when the file is
later read successfully, so a rerun both retries them and keeps the record of what is left.
"""

from __future__ import annotations

import gzip
import json
import queue
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annales.batch.work import Outcome
from annales.chronicle import Chronicle
from annales.errors import AnnalesError, StoreError
from annales.store.db import connect, transaction
from annales.store.writer import (
    PreparedDocument,
    has_document,
    write_chronicle,
    write_prepared,
)

FAILURES_SQL = """CREATE TABLE IF NOT EXISTS batch_failures (
    path       TEXT PRIMARY KEY,   -- the file as given to `annales batch`
    doc_id     TEXT,               -- sha256 of its bytes, NULL when it could not be opened
    error      TEXT NOT NULL,
    failed_at  TEXT NOT NULL       -- UTC ISO timestamp
)"""


@dataclass(frozen=True, slots=True)
class ShardFile:
    """A finished JSON Lines shard, gzipped or not (one ``shard_line`` per document)."""

    path: Path
    delete_after: bool = False


_STOP = object()


def shard_line(o: Outcome) -> str:
    """One JSON Lines record: the document's annales/1 object with its text, and provenance."""
    assert o.chronicle is not None
    record = {
        "path": o.path,
        "sha": o.sha,
        "format": o.format,
        "encoding": o.encoding,
        "words": o.words,
        "chronicle": o.chronicle.to_dict(include_text=True),
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def read_shard(path: Path) -> Iterator[dict[str, Any]]:
    """Stream a shard's records (one line in memory at a time)."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def ensure_failures_table(conn: sqlite3.Connection) -> None:
    conn.execute(FAILURES_SQL)


class Sink:
    """Writes outcomes and shards to the database from one thread, in arrival order."""

    def __init__(self, db: str | Path, maxsize: int = 4) -> None:
        self.db_name = str(db)
        self.conn = connect(db)
        ensure_failures_table(self.conn)
        self.written = 0
        self.write_errors: list[tuple[str, str]] = []
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=maxsize)
        self._thread = threading.Thread(target=self._run, name="annales-writer", daemon=True)
        self._thread.start()

    # -- producer side -------------------------------------------------------------------
    def put(self, item: Outcome | ShardFile) -> None:
        """Queue an item; blocks while the writer is behind (back-pressure)."""
        if not self._thread.is_alive():
            raise StoreError(f"{self.db_name}: the database writer stopped")
        self._queue.put(item)

    def flush(self) -> None:
        """Wait until everything queued so far is written."""
        self._queue.join()

    def close(self) -> None:
        """Write what is queued, then stop and close the connection."""
        self._queue.put(_STOP)
        self._thread.join()
        self.conn.close()

    # -- writer thread ---------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                self._queue.task_done()
                return
            try:
                if isinstance(item, ShardFile):
                    self._load_shard(item)
                else:
                    self._write(item)
            except (AnnalesError, sqlite3.Error, OSError, ValueError, KeyError) as exc:
                self.write_errors.append((str(getattr(item, "path", "?")), str(exc)))
            finally:
                self._queue.task_done()

    def _write(self, o: Outcome) -> None:
        if o.error is None and o.prepared is not None:
            self._store_prepared(o.prepared, o.path)
        elif o.error is None and o.chronicle is not None:
            self._store(o.chronicle, o.path, o.format, o.encoding)
        else:
            self._record_failure(o.path, o.sha or None, o.error or "no result")

    def _store_prepared(self, prepared: PreparedDocument, path: str) -> None:
        try:
            if write_prepared(self.conn, prepared, db_name=self.db_name):
                self.written += 1
        except AnnalesError as exc:
            self._record_failure(path, prepared.doc_id, str(exc))
            raise
        self.conn.execute("DELETE FROM batch_failures WHERE path = ?", (path,))

    def _store(self, chron: Chronicle, path: str, fmt: str | None, enc: str | None) -> None:
        try:
            if write_chronicle(
                self.conn, chron, path=path, format=fmt, encoding=enc, db_name=self.db_name
            ):
                self.written += 1
        except AnnalesError as exc:
            self._record_failure(path, chron.document.id, str(exc))
            raise
        self.conn.execute("DELETE FROM batch_failures WHERE path = ?", (path,))

    def _load_shard(self, shard: ShardFile) -> None:
        for rec in read_shard(shard.path):
            chron = Chronicle.from_dict(rec["chronicle"])
            if has_document(self.conn, chron.document.id):
                continue
            self._store(chron, rec["path"], rec.get("format"), rec.get("encoding"))
        if shard.delete_after:
            shard.path.unlink(missing_ok=True)

    def _record_failure(self, path: str, doc_id: str | None, error: str) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with transaction(self.conn, self.db_name):
                self.conn.execute(
                    "INSERT OR REPLACE INTO batch_failures (path, doc_id, error, failed_at)"
                    " VALUES (?,?,?,?)",
                    (path, doc_id, error, now),
                )
        except AnnalesError:
            pass  # the failure is still reported at the end of the run


class DoneIndex:
    """Which documents the database already holds (a read connection beside the writer's)."""

    def __init__(self, db: str | Path) -> None:
        self.conn = connect(db, readonly=True)

    def __contains__(self, doc_id: str) -> bool:
        return has_document(self.conn, doc_id)

    def close(self) -> None:
        self.conn.close()
