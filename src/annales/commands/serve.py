"""The `serve` verb: the web timeline, source reader and JSON API over one database."""

from __future__ import annotations

from pathlib import Path

import typer

from annales.config import DEFAULT_DB


def register(app: typer.Typer) -> None:
    @app.command(
        name="serve", help="Browse a database: timeline, source reader, entities, JSON API."
    )
    def serve(
        db: Path = typer.Option(
            Path(DEFAULT_DB), "--db", help="annales database to serve (read-only)."
        ),
        host: str = typer.Option(
            "127.0.0.1", help="Interface to bind (default: this machine only)."
        ),
        port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
    ) -> None:
        import uvicorn

        from annales.web.app import create_app

        application = create_app(db)  # a missing or foreign database fails here, in one line
        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo(
                f"annales serve: warning: listening on {host}, reachable from other machines",
                err=True,
            )
        typer.echo(f"annales: serving {db} at http://{host}:{port}/ (Ctrl+C to stop)", err=True)
        uvicorn.run(application, host=host, port=port, log_level="warning")
