"""The `events` and `entities` verbs (scaffold: replaced by its implementation)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    for verb in ("events", "entities"):
        app.command(name=verb, help="(not yet available)")(_missing)


def _missing() -> None:
    typer.echo("annales: not yet available", err=True)
    raise typer.Exit(2)
