"""Opening an annales database: schema creation, version checks, WAL and lock waiting.

Every SQLite failure a user can meet (locked, full, not a database, wrong version) becomes a
one-line ``StoreError`` naming the database file.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from annales.errors import StoreError

#: Version of ``schema.sql``, kept in ``PRAGMA user_version``. Bump it with a migration.
SCHEMA_VERSION = 1
#: ``PRAGMA application_id`` marking a file as an annales database ("ANNA").
APPLICATION_ID = 0x414E4E41
#: Seconds a writer waits for another process's lock before giving up with a clear message.
DEFAULT_BUSY_TIMEOUT = 60.0

#: Migrations from version N to N+1, as SQL scripts. None yet: version 1 is the first.
MIGRATIONS: dict[int, str] = {}


def schema_sql() -> str:
    return resources.files("annales.store").joinpath("schema.sql").read_text(encoding="utf-8")


def connect(
    path: str | Path, *, readonly: bool = False, timeout: float = DEFAULT_BUSY_TIMEOUT
) -> sqlite3.Connection:
    """Open (creating when writable and absent) an annales database.

    Autocommit mode: writers open their own ``BEGIN IMMEDIATE`` transaction (see
    :func:`transaction`). A file of another schema version is migrated when a migration is
    known, else refused; a file that is not an annales database is refused, never modified.
    """
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{p}: is a directory, not a database file")
    if readonly and not p.exists():
        raise StoreError(f"{p}: no such database (run `annales read FILE --db {p}` first)")
    try:
        if readonly:
            conn = sqlite3.connect(
                f"{p.resolve().as_uri()}?mode=ro",
                uri=True,
                timeout=timeout,
                isolation_level=None,
                check_same_thread=False,
            )
        else:
            if p.parent and not p.parent.exists():
                raise StoreError(f"{p}: directory {p.parent} does not exist")
            conn = sqlite3.connect(
                p, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        _check_or_create(conn, p, readonly)
        if not readonly:
            _wal(conn, timeout)
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{p}: {_describe(exc)}") from None
    return conn


def _wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch to WAL once; a second process opening a fresh file at the same moment can get
    SQLITE_BUSY from this pragma without the busy handler, so it waits and retries."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            msg = str(exc).lower()
            if ("locked" not in msg and "busy" not in msg) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _check_or_create(conn: sqlite3.Connection, p: Path, readonly: bool) -> None:
    # The three reads in one snapshot: another process may be creating the file at this very
    # moment, and reading its tables after its commit but its ids before would call it foreign.
    conn.execute("BEGIN")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    finally:
        conn.execute("COMMIT")
    if not has_tables and version == 0 and app_id == 0:
        if readonly:
            raise StoreError(f"{p}: empty database (run `annales read FILE --db {p}` first)")
        _create(conn, p)
        return
    if app_id != APPLICATION_ID:
        raise StoreError(f"{p}: not an annales database (refusing to modify it)")
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{p}: database schema version {version} is newer than this annales "
            f"(supports {SCHEMA_VERSION}); upgrade annales"
        )
    if readonly or any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        raise StoreError(
            f"{p}: database schema version {version} is older than {SCHEMA_VERSION} and "
            "cannot be migrated; re-read the sources into a new database"
        )
    _migrate(conn, version)


def _create(conn: sqlite3.Connection, p: Path) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have created it while we waited for the lock.
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            for stmt in _statements(schema_sql()):
                conn.execute(stmt)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for v in range(version, SCHEMA_VERSION):
            for stmt in _statements(MIGRATIONS[v]):
                conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {v + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """Split a script into complete statements (triggers contain inner semicolons)."""
    lines = [ln for ln in script.splitlines() if not ln.lstrip().startswith("--")]
    out, buf = [], ""
    for piece in "\n".join(lines).split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n;"):
                out.append(buf.strip())
            buf = ""
    return out


@contextmanager
def transaction(
    conn: sqlite3.Connection, db_name: str = "database"
) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; any failure rolls back and leaves the file as it was."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StoreError(f"{db_name}: {_describe(exc)}") from None
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        if isinstance(exc, sqlite3.DatabaseError):
            raise StoreError(f"{db_name}: {_describe(exc)}") from None
        raise


def _describe(exc: sqlite3.Error) -> str:
    msg = str(exc)
    if "locked" in msg or "busy" in msg:
        return "database is locked by another process (waited the busy timeout); try again"
    if "full" in msg:
        return "database or disk is full; nothing was written for this document"
    if "not a database" in msg or "malformed" in msg:
        return f"not a valid SQLite database ({msg})"
    if "readonly" in msg or "read-only" in msg:
        return "database is read-only"
    if "unable to open" in msg:
        return "cannot open the database file"
    return msg
