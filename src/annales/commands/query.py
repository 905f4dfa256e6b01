"""The `events` and `entities` verbs: read the database as a chronological table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from annales import config


def _label(value: str | None) -> str:
    return value or ""


def _date_cell(ev: dict[str, Any]) -> str:
    date, greg, cal = ev.get("date"), ev.get("gregorian"), ev.get("calendar") or "gregorian"
    if not date and not greg:
        return "—"
    if not date:
        return f"{greg}"
    if cal != "gregorian" and greg and greg != date:
        short = {"julian": "O.S.", "french-republican": "Rep."}.get(cal, cal)
        return f"{greg}\n({date} {short})"
    return date


def _args(items: list[dict[str, Any]]) -> str:
    return "; ".join(a.get("entity_name") or a["text"] for a in items)


def _snippet(text: str, start: int, end: int, width: int = 160) -> str:
    """The sentence around the trigger, cut to ``width`` with the trigger kept in view."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: width - 1] + "…"


def register(app: typer.Typer) -> None:
    @app.command(name="events")
    def events_cmd(
        who: str | None = typer.Option(None, "--who", help="Agent or patient (name or alias, substring)."),
        where: str | None = typer.Option(None, "--where", help="Place (substring)."),
        date_from: str | None = typer.Option(None, "--from", help="From this date (YYYY[-MM[-DD]], add 'julian' or 'O.S.' for Old Style)."),
        date_to: str | None = typer.Option(None, "--to", help="Up to this date, inclusive."),
        word: str | None = typer.Option(None, "--word", help="Word in the event or its sentence."),
        document: str | None = typer.Option(None, "--document", help="Document id (or prefix)."),
        dated: bool = typer.Option(False, "--dated", help="Only events with a date."),
        limit: int = typer.Option(200, "--limit", min=1, help="At most this many rows."),
        as_json: bool = typer.Option(False, "--json", help="JSON Lines instead of a table."),
        db: Path = typer.Option(Path(config.DEFAULT_DB), "--db", help="SQLite database."),
    ) -> None:
        """Events in chronological (Gregorian) order, with both calendars where they differ."""
        import json

        from annales.store import connect, events

        conn = connect(db, readonly=True)
        rows = events(conn, who=who, where=where, date_from=date_from, date_to=date_to,
                      word=word, document=document, dated_only=dated, limit=limit)
        if as_json:
            for r in rows:
                typer.echo(json.dumps(r, ensure_ascii=False))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(rows)} events", show_lines=False, expand=True)
        table.add_column("date", no_wrap=True)
        table.add_column("event", style="bold")
        table.add_column("who")
        table.add_column("whom")
        table.add_column("where")
        table.add_column("source", ratio=3)
        for r in rows:
            ev = r["trigger"]["text"] + (" (not)" if r["negated"] else "") + (" (?)" if r["hedged"] else "")
            table.add_row(
                _date_cell(r) + ("" if r.get("date_source") != "narrative" else " ~"),
                ev, _args(r["agents"]), _args(r["patients"]), _args(r["places"]),
                _snippet(r["sentence"]["text"], r["trigger"]["start"], r["trigger"]["end"]),
            )
        Console().print(table)
        if not rows:
            typer.echo("no events match", err=True)

    @app.command(name="entities")
    def entities_cmd(
        label: str | None = typer.Option(None, "--label", help="Only this label (PERSON, ORG, GPE, LOC, MIL_UNIT, ...)."),
        name: str | None = typer.Option(None, "--name", help="Name or alias (substring)."),
        document: str | None = typer.Option(None, "--document", help="Document id (or prefix)."),
        limit: int = typer.Option(200, "--limit", min=1, help="At most this many rows."),
        as_json: bool = typer.Option(False, "--json", help="JSON Lines instead of a table."),
        db: Path = typer.Option(Path(config.DEFAULT_DB), "--db", help="SQLite database."),
    ) -> None:
        """People, organisations, places and units found, most mentioned first."""
        import json

        from annales.store import connect, entities

        conn = connect(db, readonly=True)
        rows = entities(conn, name=name, label=label, document=document, limit=limit)
        if as_json:
            for r in rows:
                typer.echo(json.dumps(r, ensure_ascii=False))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(rows)} entities")
        table.add_column("name", style="bold")
        table.add_column("label")
        table.add_column("mentions", justify="right")
        table.add_column("documents", justify="right")
        table.add_column("also called")
        for r in rows:
            table.add_row(r["name"], r["label"], str(r["mentions"]), str(r["documents"]),
                          ", ".join(r["aliases"][:6]))
        Console().print(table)
