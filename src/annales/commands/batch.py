"""The `batch` verb (scaffold: replaced by its implementation)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command(name="batch", help="(not yet available)")
    def _cmd() -> None:
        typer.echo("annales batch: not yet available", err=True)
        raise typer.Exit(2)
