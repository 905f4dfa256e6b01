"""The command line: one verb per user task. Each verb lives in ``annales.commands.<verb>``."""

from __future__ import annotations

import importlib
import sys

import typer

from annales import __version__
from annales.errors import AnnalesError

app = typer.Typer(
    name="annales",
    help="Rebuild sourced, calendar-aware chronologies from narrative history.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Verb modules, in the order ``--help`` lists them.
COMMAND_MODULES = ("time", "read", "query", "export", "evaluate", "serve", "batch", "demo")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"annales {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """annales: dates, events, people and places from history books, with their sources."""


for _name in COMMAND_MODULES:
    importlib.import_module(f"annales.commands.{_name}").register(app)


def main() -> None:
    """Entry point: user errors become one line on stderr and a non-zero exit code."""
    try:
        app()
    except AnnalesError as exc:
        typer.echo(f"annales: error: {exc}", err=True)
        sys.exit(1)
