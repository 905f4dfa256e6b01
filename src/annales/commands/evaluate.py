"""The `evaluate` verb: score annales against gold annotations (``annales evaluate timeml DIR``)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from annales.commands.read import CalendarOpt
from annales.errors import InputError


class Mode(StrEnum):
    news = "news"
    narratives = "narratives"


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        name="evaluate",
        help="Score the tagger against gold annotations (TempEval-3 TimeML).",
        no_args_is_help=True,
        add_completion=False,
    )

    @sub.command(name="timeml")
    def timeml(
        gold_dir: Path = typer.Argument(
            ..., help="A .tml file or a folder of them (subfolders are read too)."
        ),
        mode: Mode = typer.Option(Mode.news, "--mode", help="Anchoring mode of the tagger."),
        errors: bool = typer.Option(
            False, "--errors", help="List false positives, false negatives and wrong values."
        ),
        as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
        calendar: CalendarOpt = typer.Option(
            CalendarOpt.auto,
            "--calendar",
            help="Calendar of the texts (auto decides from each text: a chronicle of 1346 "
            "counts its weekdays in the Julian calendar).",
        ),
    ) -> None:
        """Score on TimeML gold files like the TempEval-3 Task A scorer.

        Tags the raw <TEXT> of each .tml (DCT from the gold CREATION_TIME timex) and prints
        strict and relaxed P/R/F1, type F1 and value F1, overall and per timex type."""
        from annales.evaluate import evaluate_timeml, format_report

        def warn(exc: InputError) -> None:
            typer.echo(f"annales: skipped {exc}", err=True)

        report = evaluate_timeml(gold_dir, mode=mode.value, on_error=warn, calendar=calendar.value)
        if report.skipped and report.documents == 0:
            raise InputError(str(gold_dir), "no readable TimeML document")
        if as_json:
            typer.echo(json.dumps(report.to_dict(errors=errors), ensure_ascii=False, indent=2))
        else:
            typer.echo(format_report(report))
            if errors:
                typer.echo("")
                typer.echo(f"errors ({len(report.errors)}):")
                for err in report.errors:
                    typer.echo(err.describe())
        if report.skipped:
            raise typer.Exit(1)

    @sub.command(name="chronology")
    def chronology(
        gold: Path = typer.Argument(
            ...,
            help="Gold chronology: JSON Lines, one event a line (format: docs/howto/nlp.md).",
        ),
        calendar: str = typer.Option(
            "auto", "--calendar", help="Calendar of the texts: gregorian, julian or auto."
        ),
        mode: Mode = typer.Option(Mode.narratives, "--mode", help="Anchoring mode of the reader."),
        reference: str | None = typer.Option(
            None, "--reference", help="Reference year or date for narrative anchoring."
        ),
        errors: bool = typer.Option(
            False, "--errors", help="List missed events and wrong or coarse dates."
        ),
        as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    ) -> None:
        """Score event dating on a gold chronology: event recall, and over found events the
        exact, Gregorian and compatible (same at the coarser granularity) date accuracy."""
        from annales.commands.read import check_date_option
        from annales.evaluate.chronology import (
            SystemEvent,
            evaluate,
            format_report,
            system_events,
        )

        if calendar not in ("gregorian", "julian", "auto"):
            raise InputError(f"--calendar {calendar}", "use gregorian, julian or auto")
        check_date_option("--reference", reference, calendar)

        def read(path: str, ref: str | None) -> tuple[str, list[SystemEvent]]:
            from annales.ingest import load
            from annales.pipeline import read_source

            src = load(path)
            chron = read_source(
                src,
                dct=src.dct,
                calendar=calendar,
                mode=mode.value,
                reference=reference or ref,
            )
            return chron.text, system_events(chron)

        report = evaluate(gold, read)
        if as_json:
            typer.echo(json.dumps(report.to_dict(errors=errors), ensure_ascii=False, indent=2))
        else:
            typer.echo(format_report(report))
            if errors:
                typer.echo("")
                for o in report.outcomes:
                    if not o.exact:
                        typer.echo(o.describe())

    app.add_typer(sub)
