"""The `demo` verb: read the bundled public-domain book end to end and say where the results are."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

import typer

BUNDLED = "reed-ten-days.txt"


def bundled_book() -> Path:
    """The demo book: shipped in the package (wheel) or in the repository's examples/."""
    here = Path(__file__).resolve()
    for base in (here.parents[1] / "data" / "examples", here.parents[3] / "examples"):
        if (base / BUNDLED).exists():
            return base / BUNDLED
    raise typer.BadParameter(f"bundled book {BUNDLED} not found")


def register(app: typer.Typer) -> None:
    @app.command(name="demo")
    def demo(
        out: Path = typer.Option(
            Path("out"), help="Folder for the database and the HTML timeline."
        ),
        book: Path | None = typer.Option(
            None, help="Another text to read instead of the bundled book."
        ),
        calendar: str = typer.Option("auto", help="Calendar policy: gregorian, julian or auto."),
        rows: int = typer.Option(15, help="How many chronology rows to print."),
    ) -> None:
        """Read the bundled book (John Reed, Ten Days That Shook the World) and write its timeline."""
        from annales.commands.read import read_one
        from annales.export.html import write_html
        from annales.store import connect, events

        src = book or bundled_book()
        out.mkdir(parents=True, exist_ok=True)
        db = out / "annales.db"
        t0 = time.perf_counter()
        conn = connect(db)
        r = read_one(str(src), conn, str(db), calendar=calendar, mode="narratives")
        if r.status == "error":
            typer.echo(f"annales: error: {r.error}", err=True)
            raise typer.Exit(1)
        assert r.chronicle is not None
        chron = r.chronicle
        verb = "already in the database" if r.status == "already" else "read"
        typer.echo(
            f"{src.name}: {verb} in {time.perf_counter() - t0:.1f}s: {len(chron.timexes)} dates, "
            f"{len(chron.events)} events, {len(chron.entities)} entities, "
            f"{len(chron.quantities)} figures, {len(chron.quotes)} quotes "
            f"(calendar: {chron.document.calendar}"
            + (
                f", because {chron.document.calendar_reason}"
                if chron.document.calendar_reason
                else ""
            )
            + ")"
        )
        typer.echo("\nA short chronology (Gregorian order):")
        # The book's main stretch: day-precise events of its most frequent year that carry
        # their own date and a named actor, one per day (the story's milestones).
        dated = [
            ev
            for ev in events(conn, document=chron.document.id, dated_only=True, limit=100_000)
            if len(ev.get("gregorian") or "") == 10
            and ev.get("date_source") == "explicit"
            and not ev.get("negated")
            and not ev.get("hedged")
        ]
        years = Counter((ev["gregorian"] or "")[:4] for ev in dated)
        main_year = years.most_common(1)[0][0] if years else None
        shown: list[dict[str, Any]] = []
        days: set[str] = set()
        for ev in dated:
            day = ev["gregorian"][:10]
            if day[:4] == main_year and day not in days and ev.get("agents"):
                days.add(day)
                shown.append(ev)
        for ev in shown[:rows]:
            who = "; ".join(a.get("entity_name") or a["text"] for a in ev.get("agents", []))
            sentence = " ".join(ev["sentence"]["text"].split())
            when = ev.get("gregorian") or ev.get("date") or "?"
            if ev.get("calendar") not in (None, "gregorian") and ev.get("date") != when:
                when = f"{when} ({ev['date']} {ev['calendar']})"
            typer.echo(
                f"  {when:<12} {' '.join(who.split())[:24]:<24} "
                f"{ev['trigger']['text']:<12} {sentence[:80]}"
            )
        conn.close()
        html = write_html(db, out / "timeline.html", document=chron.document.id)
        typer.echo(f"\ndatabase: {db.resolve()}")
        typer.echo(
            f"timeline: {html.resolve()}  (open it in a browser; or run: annales serve --db {db})"
        )
