"""Tagger speed and memory: words/s and peak RSS on a whole book, time per MB on adversarial
inputs (one huge line of month names, 100,000 digits, dense dates, punctuation soup).

    .venv/bin/python benchmarks/tagger_speed.py [BOOK] [--mode news|narratives]

Prints figures; no thresholds (the bar: >= 100x HeidelTime's words/s, peak RSS < 300 MB).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BOOK = ROOT.parent / "shared" / "corpora" / "texts" / "reed-ten-days.txt"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _adversarial(mb: float) -> dict[str, str]:
    n = int(mb * 1_000_000)
    return {
        "month names, one line": ("March May June July " * (n // 20 + 1))[:n],
        "digits, one line": ("1" * n),
        "dense dates": (
            "On 22 June 1917, the 23rd, the next day, three days later. " * (n // 60 + 1)
        )[:n],
        "punctuation soup": ("-/.,:'" * (n // 6 + 1))[:n],
        "numbers with commas": ("15,000 1,917 19,17 " * (n // 19 + 1))[:n],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("book", nargs="?", default=str(DEFAULT_BOOK))
    ap.add_argument("--mode", default="narratives", choices=("news", "narratives"))
    ap.add_argument("--adversarial-mb", type=float, default=1.0)
    args = ap.parse_args()

    from annales.temporal import tag_time
    from annales.temporal.language import load

    load()  # compile the lexicon once, outside the timing
    tag_time("warm up on 22 June 1917, the next day.", reference="1917")

    book = Path(args.book)
    if not book.exists():
        print(f"book not found: {book} (give a path)", file=sys.stderr)
        return 2
    text = book.read_text(encoding="utf-8")
    words = len(text.split())
    t0, c0 = time.perf_counter(), time.process_time()
    got = tag_time(text, mode=args.mode, dct="1998-08-07" if args.mode == "news" else None)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"book: {book.name}: {len(text) / 1e6:.2f} MB, {words:,} words, {len(got):,} timexes")
    print(
        f"  tagger: {dt:.2f} s wall, {words / dt:,.0f} words/s; {cpu:.2f} s CPU, "
        f"{words / cpu:,.0f} words per CPU-second (the machine may be shared); "
        f"peak RSS {_rss_mb():.0f} MB"
    )

    from annales.errors import InputError

    for name, adv in _adversarial(args.adversarial_mb).items():
        t0 = time.perf_counter()
        try:
            outcome = f"{len(tag_time(adv, reference='1917')):,} timexes"
        except InputError as exc:
            outcome = f"refused: {exc.problem[:60]}..."
        dt = time.perf_counter() - t0
        print(
            f"  adversarial {name!r}: {len(adv) / 1e6:.1f} MB in {dt:.2f} s "
            f"({dt / (len(adv) / 1e6):.2f} s/MB), {outcome}"
        )
    print(f"peak RSS after adversarial inputs: {_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
