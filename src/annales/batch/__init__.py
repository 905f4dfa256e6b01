"""Reading a corpus: many documents into one database, resumable, on this machine's cores
(``local``) or on a Ray cluster (``ray``). See docs/scaling.md."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annales.batch.progress import Reporter
from annales.batch.work import BatchReport, ReadOptions

__all__ = ["BatchReport", "ReadOptions", "run_batch"]

ENGINES = ("local", "ray")


def run_batch(
    patterns: Sequence[str],
    *,
    db: str | Path,
    engine: str = "local",
    workers: int | None = None,
    options: ReadOptions | None = None,
    ray_address: str | None = None,
    out: str | Path | None = None,
    reporter: Reporter | None = None,
) -> BatchReport:
    """Read every document named by ``patterns`` that ``db`` does not hold yet."""
    if engine == "ray":
        from annales.batch.ray_engine import run_ray

        return run_ray(
            patterns,
            db=db,
            out=out,
            options=options,
            workers=workers,
            address=ray_address,
            reporter=reporter,
        )
    if engine == "local":
        from annales.batch.local import run_local

        return run_local(patterns, db=db, options=options, workers=workers, reporter=reporter)
    from annales.errors import AnnalesError

    raise AnnalesError(f"unknown engine {engine!r} (choose: {', '.join(ENGINES)})")
