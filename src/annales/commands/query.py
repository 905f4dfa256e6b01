"""The `events` and `entities` verbs: read the database as a chronological table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from annales import config

if TYPE_CHECKING:
    from rich.console import Console

PIPE_WIDTH = 160  # table width when stdout is a file or pipe and COLUMNS is unset
_CAL_SHORT = {"julian": "O.S.", "french-republican": "Rep."}


def _date_cell(ev: dict[str, Any]) -> str:
    """Gregorian date first (the timeline's order), the document calendar's beside it when it
    differs; a coarse date converted to a day range shows in its own calendar only."""
    date, greg, cal = ev.get("date"), ev.get("gregorian"), ev.get("calendar") or "gregorian"
    if not date and not greg:
        return "—"
    short = _CAL_SHORT.get(cal, cal)
    if not greg or "/" in greg:
        return f"{date} {short}" if cal != "gregorian" else str(date)
    if cal != "gregorian" and date and greg != date:
        return f"{greg}\n{date} {short}"
    return greg


def _args(items: list[dict[str, Any]]) -> str:
    return "; ".join(a.get("entity_name") or a["text"] for a in items)


def _what(ev: dict[str, Any]) -> str:
    """who — event — whom @ where, as one readable cell (rich markup escaped)."""
    from rich.markup import escape

    trig = ev["trigger"]["text"]
    flags = (" [dim](not)[/]" if ev["negated"] else "") + (
        " [dim](likely)[/]" if ev["hedged"] else ""
    )
    parts = []
    if ev["agents"]:
        parts.append(escape(_args(ev["agents"])))
    parts.append(f"[bold]{escape(trig)}[/]{flags}")
    if ev["patients"]:
        parts.append(escape(_args(ev["patients"])))
    out = " ".join(parts)
    if ev["places"]:
        out += f" [cyan]@ {escape(_args(ev['places']))}[/]"
    return out


def _snippet(ev: dict[str, Any], width: int = 140) -> str:
    """The sentence around the trigger, cut to about ``width`` characters, trigger in bold."""
    from rich.markup import escape

    sent = ev["sentence"]
    text, s0 = sent["text"], sent["start"]
    a, b = ev["trigger"]["start"] - s0, ev["trigger"]["end"] - s0
    if not (0 <= a <= b <= len(text)):
        return escape(" ".join(text.split())[:width])
    lo = max(0, a - width // 2)
    hi = min(len(text), b + width // 2)
    before, trig, after = text[lo:a], text[a:b], text[b:hi]

    def flat(t: str) -> str:
        return escape(re.sub(r"\s+", " ", t))

    return (
        ("…" if lo > 0 else "")
        + flat(before)
        + "[bold]"
        + flat(trig)
        + "[/]"
        + flat(after)
        + ("…" if hi < len(text) else "")
    ).strip()


def _console() -> Console:
    """A rich console as wide as the terminal, or as ``COLUMNS`` says when set. Output to a file
    or pipe has no terminal width: it gets a wide default so rows are not folded at 80."""
    import os
    import sys

    from rich.console import Console

    columns = os.environ.get("COLUMNS", "").strip()
    width = None if columns.isdigit() or sys.stdout.isatty() else PIPE_WIDTH
    return Console(width=width, soft_wrap=False)


def register(app: typer.Typer) -> None:
    @app.command(name="events")
    def events_cmd(
        who: str | None = typer.Option(
            None, "--who", help="Agent or patient (name or alias, substring)."
        ),
        where: str | None = typer.Option(None, "--where", help="Place (substring)."),
        date_from: str | None = typer.Option(
            None,
            "--from",
            help="From this date (YYYY[-MM[-DD]], add 'julian' or 'O.S.' for Old Style).",
        ),
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
        rows = events(
            conn,
            who=who,
            where=where,
            date_from=date_from,
            date_to=date_to,
            word=word,
            document=document,
            dated_only=dated,
            limit=limit,
        )
        if as_json:
            for r in rows:
                typer.echo(json.dumps(r, ensure_ascii=False))
            return
        from rich.table import Table

        table = Table(title=f"{len(rows)} events", show_lines=True, expand=True)
        table.add_column("date", no_wrap=True)
        table.add_column("event", ratio=2)
        table.add_column("source", ratio=3)
        for r in rows:
            date = _date_cell(r) + (" ~" if r.get("date_source") == "narrative" else "")
            table.add_row(date, _what(r), _snippet(r))
        console = _console()
        console.print(table)
        if rows and any(r.get("date_source") == "narrative" for r in rows):
            console.print(
                "~ date carried from the narrative (the text gives no date in that sentence)",
                soft_wrap=False,
            )
        if not rows:
            typer.echo("no events match", err=True)

    @app.command(name="entities")
    def entities_cmd(
        label: str | None = typer.Option(
            None, "--label", help="Only this label (PERSON, ORG, GPE, LOC, MIL_UNIT, ...)."
        ),
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
        from rich.table import Table

        table = Table(title=f"{len(rows)} entities")
        table.add_column("name", style="bold")
        table.add_column("label")
        table.add_column("mentions", justify="right")
        table.add_column("documents", justify="right")
        table.add_column("also called")
        for r in rows:
            table.add_row(
                r["name"],
                r["label"],
                str(r["mentions"]),
                str(r["documents"]),
                ", ".join(r["aliases"][:6]),
            )
        _console().print(table)
