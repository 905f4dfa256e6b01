"""Batch throughput and memory: local engine with 1 and 2 workers and Ray on a local cluster.

    .venv/bin/python benchmarks/batch.py                   # the Gutenberg books once (~6 MB)
    .venv/bin/python benchmarks/batch.py --size-mb 10      # replicated to 10 MB
    .venv/bin/python benchmarks/batch.py --size-mb 10 --scaling 100   # + RSS at 100 MB

The corpus is ``../shared/corpora/texts`` (Project Gutenberg books; the copyrighted excerpt is
left out), replicated with a one-line change per copy so every copy has its own sha256 and is
read again. Each configuration writes a fresh database. Printed: words/s, documents/s, wall
time and peak RSS per worker (max over workers of ru_maxrss), then the ratios the issue sets as
targets: 2 workers >= 1.7x 1 worker, Ray >= 0.8x local, RSS flat from the small to the large
corpus (``--scaling``, run with the local engine at the highest worker count).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "corpora" / "texts"
EXCLUDE = {"october-excerpt.txt"}  # copyrighted, and tiny


@dataclass
class Row:
    name: str
    corpus_mb: float
    docs: int
    words: int
    seconds: float
    startup: float
    rss_mb: float
    failures: int

    @property
    def wps(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def dps(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0


def build_corpus(dest: Path, size_mb: float) -> tuple[Path, float]:
    """The books, copied until ``size_mb`` (0: once). Copy k>0 starts with a marker line, so
    its bytes (sha256) differ while the text read stays the same book."""
    books = sorted(p for p in TEXTS.glob("*.txt") if p.name not in EXCLUDE)
    if not books:
        sys.exit(f"no books in {TEXTS}")
    dest.mkdir(parents=True, exist_ok=True)
    total, k = 0, 0
    while True:
        for book in books:
            data = book.read_bytes()
            name = f"{book.stem}.c{k:04d}.txt"
            (dest / name).write_bytes(data if k == 0 else f"[copy {k}]\n".encode() + data)
            total += len(data)
        k += 1
        if total >= size_mb * 1e6:
            break
    return dest, total / 1e6


def run(name: str, corpus: Path, mb: float, work: Path, engine: str, workers: int) -> Row:
    from annales.batch import run_batch
    from annales.batch.progress import LogReporter

    db = work / f"{name.replace(' ', '_')}.db"
    for p in work.glob(db.name + "*"):
        p.unlink() if p.is_file() else shutil.rmtree(p)
    t0 = time.perf_counter()
    report = run_batch(
        [str(corpus)], db=db, engine=engine, workers=workers,
        reporter=LogReporter(sys.stderr, interval=30.0),
    )
    wall = time.perf_counter() - t0
    row = Row(name, mb, report.docs_read, report.words, report.seconds,
              wall - report.seconds, report.peak_rss_per_worker_mb(), report.failures_count)
    for path, err in report.failures[:5]:
        print(f"  failure: {err}", file=sys.stderr)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=0.0, help="replicate the books to this size (0: once)")
    ap.add_argument("--scaling", type=float, default=0.0, help="also run local at this size for the RSS check")
    ap.add_argument("--workers", type=int, default=2, help="the parallel worker count (and Ray CPUs)")
    ap.add_argument("--skip", default="", help="comma list of configs to skip: local1,local,ray")
    ap.add_argument("--workdir", type=Path, default=None, help="where corpora and databases go")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    work = args.workdir or Path(tempfile.mkdtemp(prefix="annales-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus, mb = build_corpus(work / f"corpus-{args.size_mb:g}", args.size_mb)
    n = args.workers
    rows: list[Row] = []
    if "local1" not in skip:
        rows.append(run("local 1 worker", corpus, mb, work, "local", 1))
        print_rows(rows[-1:])
    if "local" not in skip:
        rows.append(run(f"local {n} workers", corpus, mb, work, "local", n))
        print_rows(rows[-1:])
    if "ray" not in skip:
        rows.append(run(f"ray {n} actors", corpus, mb, work, "ray", n))
        print_rows(rows[-1:])
    if args.scaling:
        big, big_mb = build_corpus(work / f"corpus-{args.scaling:g}", args.scaling)
        rows.append(run(f"local {n} workers", big, big_mb, work, "local", n))
        print_rows(rows[-1:])

    print("\n== annales batch benchmark ==")
    print_rows(rows, header=True)
    by = {(r.name, round(r.corpus_mb)): r for r in rows}
    one = by.get(("local 1 worker", round(mb)))
    par = by.get((f"local {n} workers", round(mb)))
    ray = by.get((f"ray {n} actors", round(mb)))
    if one and par:
        print(f"speed-up {n} workers / 1 worker: {par.wps / one.wps:.2f}x (target >= 1.7x)")
    if par and ray:
        print(f"ray / local {n} workers: {ray.wps / par.wps:.2f} (target >= 0.80)")
    if args.scaling and par:
        big_row = rows[-1]
        print(f"peak RSS per worker {mb:.0f} MB -> {big_row.corpus_mb:.0f} MB corpus: "
              f"{par.rss_mb:.0f} -> {big_row.rss_mb:.0f} MB ({big_row.rss_mb / par.rss_mb:.2f}x; flat is ~1.0)")
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


def print_rows(rows: list[Row], header: bool = False) -> None:
    if header:
        print(f"{'config':<18}{'corpus MB':>10}{'docs':>7}{'words':>12}{'seconds':>9}"
              f"{'startup s':>10}{'words/s':>10}{'docs/s':>8}{'RSS/worker MB':>15}{'failed':>7}")
    for r in rows:
        print(f"{r.name:<18}{r.corpus_mb:>10.1f}{r.docs:>7}{r.words:>12,}{r.seconds:>9.1f}"
              f"{r.startup:>10.1f}{r.wps:>10,.0f}{r.dps:>8.2f}{r.rss_mb:>15,.0f}{r.failures:>7}",
              flush=True)


if __name__ == "__main__":
    main()
