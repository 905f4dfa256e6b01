"""The `demo` verb: read the bundled public-domain book end to end and say where the results are."""

from __future__ import annotations

from pathlib import Path

import typer

BUNDLED = "reed-ten-days.txt"


def _bundled_book() -> Path:
    here = Path(__file__).resolve()
    for base in (here.parents[1] / "data", here.parents[3] / "examples"):
        if (base / BUNDLED).exists():
            return base / BUNDLED
    raise typer.BadParameter(f"bundled book {BUNDLED} not found")


def register(app: typer.Typer) -> None:
    @app.command(name="demo", help="Read the bundled book (Reed, Ten Days) and write its timeline.")
    def demo(
        out: Path = typer.Option(Path("out"), help="Folder for the database and exports."),
        book: Path | None = typer.Option(None, help="Another text to use instead of the bundled book."),
    ) -> None:
        from annales.temporal import tag_time

        src = book or _bundled_book()
        out.mkdir(parents=True, exist_ok=True)
        text = src.read_text(encoding="utf-8")
        timexes = tag_time(text, mode="narratives")
        dest = out / "timexes.json"
        import json
        from dataclasses import asdict

        dest.write_text(json.dumps([asdict(t) for t in timexes], ensure_ascii=False, indent=1))
        typer.echo(f"{src.name}: {len(timexes)} temporal expressions")
        typer.echo(f"result: {dest.resolve()}")
