"""The `read` verb: files → chronicles, stored in the database (one transaction per file).

A file that fails prints one line ``annales: error: FILE: problem`` on stderr, nothing is
written for it, the other files are still read, and the exit code is 1 at the end.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from annales import config
from annales.chronicle import Chronicle
from annales.errors import AnnalesError, InputError
from annales.ingest import Source, load


class CalendarOpt(StrEnum):
    gregorian = "gregorian"
    julian = "julian"
    auto = "auto"


class ModeOpt(StrEnum):
    narratives = "narratives"
    news = "news"


@dataclass(slots=True)
class ReadResult:
    """What happened to one file: stored, already there, or failed (with the one-line error)."""

    path: str
    status: str  # "read" | "already" | "error"
    chronicle: Chronicle | None = None
    source: Source | None = None
    error: str | None = None


def analyse(source: Source, **options: Any) -> Chronicle:
    """The analysis pipeline (``annales.pipeline.read_source``), spaCy loaded once per process."""
    from annales.pipeline import read_source

    return read_source(source, **{k: v for k, v in options.items() if v is not None})


def read_one(
    path: str, conn: Any, db_name: str, *, store: bool = True, **options: Any
) -> ReadResult:
    """Read, analyse and store one file; errors become the result, never an exception."""
    from annales.store import has_document, load_chronicle, write_chronicle

    try:
        source = load(path)
        if conn is not None and has_document(conn, source.id):
            return ReadResult(path, "already", load_chronicle(conn, source.id), source)
        if options.get("dct") is None and source.dct:
            options["dct"] = source.dct
        chron = analyse(source, **options)
        if chron.document.source is None:
            chron.document.source = path
        if store and conn is not None:
            written = write_chronicle(
                conn,
                chron,
                path=path,
                format=source.format,
                encoding=source.encoding,
                db_name=db_name,
            )
            return ReadResult(path, "read" if written else "already", chron, source)
        return ReadResult(path, "read", chron, source)
    except AnnalesError as exc:
        msg = str(exc)
        if not isinstance(exc, InputError) and not msg.startswith(path):
            msg = f"{path}: {msg}"
        return ReadResult(path, "error", error=msg)
    except MemoryError:
        return ReadResult(path, "error", error=f"{path}: out of memory (file too large to analyse)")
    except Exception as exc:  # noqa: BLE001 - one file's bug must not stop the others
        return ReadResult(
            path, "error", error=f"{path}: internal error: {type(exc).__name__}: {exc}"
        )


def summary(r: ReadResult, db: str | None) -> str:
    c = r.chronicle
    assert c is not None
    n_words = len(c.text.split())
    fmt = r.source.format if r.source else "?"
    what = (
        f"{len(c.timexes)} dates, {len(c.events)} events, {len(c.entities)} entities, "
        f"{len(c.quantities)} figures, {len(c.quotes)} quotes"
    )
    title = f'"{c.document.title}"' if c.document.title else "(untitled)"
    where = f" → {db}" if db else ""
    if r.status == "already":
        return f"{r.path}: already read {title} ({c.document.id[:12]}){where}"
    return f"{r.path}: {title} ({fmt}, {n_words:,} words): {what}{where}"


_DATE_OPT = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date_option(option: str, value: str | None, calendar: str = "gregorian") -> None:
    """``--reference``/``--dct`` must be YYYY, YYYY-MM or YYYY-MM-DD naming a real date (in
    the document calendar; with ``auto``, in either)."""
    if value is None:
        return
    ok = bool(_DATE_OPT.match(value))
    if ok and len(value) == 10:
        from annales.temporal.calendars import is_valid

        y, m, d = (int(x) for x in value.split("-"))
        cals = ("gregorian", "julian") if calendar == "auto" else (calendar,)
        ok = any(is_valid(y, m, d, c) for c in cals)
    elif ok and len(value) == 7:
        ok = 1 <= int(value[5:]) <= 12
    if not ok:
        raise InputError(f"{option} {value}", "not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")


def register(app: typer.Typer) -> None:
    @app.command(name="read")
    def read_cmd(
        files: list[Path] = typer.Argument(
            ..., help="Files to read (text, Markdown, HTML, EPUB, TimeML, Gutenberg; .gz accepted)."
        ),
        db: Path = typer.Option(
            Path(config.DEFAULT_DB), "--db", help="SQLite database to store into."
        ),
        as_json: bool = typer.Option(
            False,
            "--json",
            help="Print the annales/1 JSON to stdout (one object; JSON Lines for several files).",
        ),
        calendar: CalendarOpt = typer.Option(
            CalendarOpt.auto,
            "--calendar",
            help="Calendar of the dates in the text (auto: decided from its places, era and"
            " its own statements, e.g. Old Style for Russia before 1918).",
        ),
        reference: str | None = typer.Option(
            None, "--reference", help="Reference year or date for narrative anchoring, e.g. 1917."
        ),
        mode: ModeOpt = typer.Option(
            ModeOpt.narratives,
            "--mode",
            help="narratives: anchor on the running date; news: on the creation date.",
        ),
        dct: str | None = typer.Option(
            None, "--dct", help="Document creation time (ISO date), for news."
        ),
        no_store: bool = typer.Option(
            False, "--no-store", help="Analyse only; do not write to the database."
        ),
    ) -> None:
        """Read documents into a sourced chronology and store them (re-reading a file is a no-op)."""
        from annales.store import connect

        check_date_option("--reference", reference, calendar.value)
        check_date_option("--dct", dct, calendar.value)
        conn = None if no_store else connect(db)
        options = {
            "mode": mode.value,
            "calendar": calendar.value,
            "reference": reference,
            "dct": dct,
        }
        failed = 0
        several = len(files) > 1
        stored, current = 0, None
        try:
            for f in files:
                current = f
                r = read_one(str(f), conn, str(db), store=not no_store, **dict(options))
                current = None
                if r.status == "error":
                    failed += 1
                    typer.echo(f"annales: error: {r.error}", err=True)
                    continue
                stored += 1
                assert r.chronicle is not None
                for warning in r.source.warnings if r.source and r.status == "read" else []:
                    typer.echo(f"annales: warning: {f}: {warning}", err=True)
                if as_json:
                    sys.stdout.write(r.chronicle.to_json(indent=None if several else 2) + "\n")
                    sys.stdout.flush()
                else:
                    typer.echo(summary(r, None if no_store else str(db)))
        except KeyboardInterrupt:
            where = f" while reading {current}: nothing stored for it;" if current else ":"
            typer.echo(
                f"annales: interrupted{where} {stored} file(s) stored "
                "(rerun to continue: files already read are skipped)",
                err=True,
            )
            raise typer.Exit(130) from None
        if conn is not None:
            conn.close()
        if failed:
            if several:
                typer.echo(f"annales: {failed} of {len(files)} files failed", err=True)
            raise typer.Exit(1)
