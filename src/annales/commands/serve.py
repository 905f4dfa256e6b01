"""The `serve` verb (scaffold: replaced by its implementation)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command(name="serve", help="(not yet available)")
    def _cmd() -> None:
        typer.echo("annales serve: not yet available", err=True)
        raise typer.Exit(2)
