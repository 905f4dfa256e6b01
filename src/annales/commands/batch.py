"""The `batch` verb: read a whole corpus into one database, resumably, on all cores or on Ray."""

from __future__ import annotations

from pathlib import Path

import typer

from annales.config import DEFAULT_DB

#: Checked here so a typo fails at once instead of failing every document of the corpus.
CALENDARS = ("gregorian", "julian", "auto", "french-republican")
MODES = ("narratives", "news")

HELP = """Read many documents (files, directories, globs) into one database.

Documents are keyed by the sha256 of their bytes: a rerun skips those already stored, so an
interrupted batch (Ctrl-C, kill, crash) is finished by running the same command again. A file
that fails is reported at the end (and kept in the batch_failures table) and never stops the
others.
"""


def register(app: typer.Typer) -> None:
    @app.command(name="batch", help=HELP)
    def _cmd(
        paths: list[str] = typer.Argument(
            ..., metavar="PATH|GLOB...", help="Files, directories or globs ('texts/**/*.txt')."
        ),
        db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="SQLite database to fill."),
        workers: int = typer.Option(
            0,
            "--workers",
            "-w",
            min=0,
            help="Worker processes (local) or actors (ray); 0: one per CPU.",
        ),
        engine: str = typer.Option("local", "--engine", help="local (process pool) or ray."),
        ray_address: str = typer.Option(
            None,
            "--ray-address",
            help="Existing Ray cluster (e.g. ray://head:10001 or auto); default: start one here.",
        ),
        out: Path = typer.Option(
            None,
            "--out",
            help="Ray engine: keep the per-shard results (gzipped JSON Lines) in DIR.",
        ),
        calendar: str = typer.Option(
            None, "--calendar", help="gregorian, julian or auto (as for `annales read`)."
        ),
        reference: str = typer.Option(
            None, "--reference", help="Reference year/date for narratives, e.g. 1917."
        ),
        mode: str = typer.Option(
            None, "--mode", help="narratives or news (as for `annales read`)."
        ),
        dct: str = typer.Option(None, "--dct", help="Document creation time when a file has none."),
        log_interval: float = typer.Option(
            10.0, "--log-interval", help="Seconds between progress lines when not on a terminal."
        ),
    ) -> None:
        from annales.batch import ENGINES, run_batch
        from annales.batch.progress import reporter_for
        from annales.batch.work import ReadOptions
        from annales.errors import AnnalesError

        if engine not in ENGINES:
            raise AnnalesError(f"--engine {engine!r}: choose one of {', '.join(ENGINES)}")
        if calendar is not None and calendar not in CALENDARS:
            raise AnnalesError(f"--calendar {calendar!r}: choose one of {', '.join(CALENDARS)}")
        if mode is not None and mode not in MODES:
            raise AnnalesError(f"--mode {mode!r}: choose one of {', '.join(MODES)}")
        if out is not None and engine != "ray":
            raise AnnalesError("--out is for --engine ray (the local engine writes the database)")
        options = ReadOptions(mode=mode, calendar=calendar, reference=reference, dct=dct)
        try:
            report = run_batch(
                paths,
                db=db,
                engine=engine,
                workers=workers or None,
                options=options,
                ray_address=ray_address,
                out=out,
                reporter=reporter_for(interval=log_interval),
            )
        except KeyboardInterrupt:
            typer.echo(
                "annales batch: interrupted; every stored document is complete. "
                "Run the same command again to finish the corpus.",
                err=True,
            )
            raise typer.Exit(130) from None
        typer.echo(f"annales batch: {report.summary()}", err=True)
        typer.echo(f"annales batch: database {db}", err=True)
        if report.failures_count:
            typer.echo(f"annales batch: {report.failures_count} document(s) failed:", err=True)
            for path, error in report.failures:
                typer.echo(
                    f"  {path}: {error}" if not error.startswith(path) else f"  {error}", err=True
                )
            if report.failures_count > len(report.failures):
                typer.echo(
                    f"  ... and {report.failures_count - len(report.failures)} more "
                    "(see the batch_failures table)",
                    err=True,
                )
            raise typer.Exit(1)
