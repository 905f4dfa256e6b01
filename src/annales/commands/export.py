"""The `export` verb: a database (or one document of it) in a format other tools read."""

from __future__ import annotations

from pathlib import Path

import typer

from annales.config import DEFAULT_DB
from annales.export import FORMATS


def register(app: typer.Typer) -> None:
    @app.command(name="export", help="Export to " + ", ".join(FORMATS) + ".")
    def export(
        format: str = typer.Option(..., "--format", "-f", help=" | ".join(FORMATS)),
        db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="annales database to read."),
        document: str | None = typer.Option(
            None, "--document", "-d", help="Document id (or unique prefix)."
        ),
        out: Path | None = typer.Option(
            None, "--out", "-o", help="Output file (default: stdout; html needs a file)."
        ),
    ) -> None:
        from annales.export import export as run

        written = run(db, format, document=document, out=out)
        if written is not None:
            typer.echo(f"annales: wrote {written}", err=True)
