"""The `evaluate` verb (scaffold: replaced by its implementation)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command(name="evaluate", help="(not yet available)")
    def _cmd() -> None:
        typer.echo("annales evaluate: not yet available", err=True)
        raise typer.Exit(2)
