"""Pathological time: adversarial texts through the tagger and every reader, in s/MB, compared
with an ordinary book's s/MB. A ratio above 10× (or s/MB growing with size: super-linear) is
flagged as a bug.

    python benchmarks/pathological.py              # full sizes (10 MB month line, 13 MB of
                                                   # "the next day", 100,000 digits, ...)
    python benchmarks/pathological.py --scale 0.1  # every adversarial text 10× shorter
    python benchmarks/pathological.py --only tagger --cases digits,months

Each case is also timed at a quarter of its size: "growth" is s/MB(full) / s/MB(quarter), about
1 for linear work, ~4 for quadratic.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "src")]
BOOK = ROOT.parent / "shared" / "corpora" / "texts" / "reed-ten-days.txt"
FLAG_RATIO, FLAG_GROWTH = 10.0, 2.0

MONTHS = "January February March April May June July August September October November December "


def _rep(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _years(size: int) -> str:
    out, y = [], 1000
    n = 0
    while n < size:
        s = f"{y}/"
        out.append(s)
        n += len(s)
        y = y + 1 if y < 2100 else 1000
    return "".join(out)[:size]


def _commas(size: int) -> str:
    return _rep(", ".join(str(i) for i in range(1, 5000)) + ", ", size)


def _nested(size: int) -> str:
    half = size // 2
    return _rep("(“‘[«", half) + "On 22 June 1917." + _rep("»]’”)", half)


#: name → (builder of a text of about `size` characters, full size)
CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "digits": (lambda n: _rep("0123456789", n), 100_000),
    "months": (lambda n: _rep(MONTHS, n), 10_000_000),
    "next-day": (lambda n: _rep("the next day ", n), 13_000_000),
    # the same below the tagger's "not prose" density guard (one date per ~70 characters),
    # so every expression is really normalised and anchored
    "months-prose": (
        lambda n: _rep(
            "".join(
                f"In {m} the wind blew hard over the city and the river froze. "
                for m in MONTHS.split()
            ),
            n,
        ),
        10_000_000,
    ),
    "next-day-prose": (
        lambda n: _rep("The next day the crowd gathered again in the square by the river. ", n),
        13_000_000,
    ),
    "punctuation": (lambda n: _rep(".,;:!?…", n), 1_000_000),
    "dashes": (lambda n: _rep("-–—-", n), 1_000_000),
    "nested": (_nested, 1_000_000),
    "commas": (_commas, 1_000_000),
    "year-chain": (_years, 200_000),  # 40,000 years: just under the tagger's 50,000-hit guard
    "long-word": (lambda n: "x" * n, 1_000_000),
    "open-parens": (lambda n: _rep("(", n), 1_000_000),
    # 21,000 dates = 43,000 candidates ("May" and "May 1"): under the 50,000-candidate guard
    "may-1": (lambda n: _rep("May 1, ", n), 150_000),
    "newlines": (lambda n: _rep("\n", n), 1_000_000),
}


def _readers() -> dict[str, Callable[[str], object]]:
    from annales.ingest import load_bytes
    from test_properties import make_epub, make_timeml

    def chapters(text: str) -> list[str]:
        step = max(1, len(text) // 8)
        return [f"<p>{escape(text[i : i + step])}</p>" for i in range(0, len(text), step)]

    return {
        "text": lambda t: load_bytes(t.encode(), "x.txt"),
        "markdown": lambda t: load_bytes(t.encode(), "x.md"),
        "html": lambda t: load_bytes(
            f"<html><body><p>{escape(t)}</p></body></html>".encode(), "x.html"
        ),
        "timeml": lambda t: load_bytes(make_timeml(escape(t)), "x.tml"),
        "epub": lambda t: load_bytes(make_epub(chapters(t)), "x.epub"),
        "gzip": lambda t: load_bytes(gzip.compress(t.encode(), 1, mtime=0), "x.txt.gz"),
    }


def _tagger() -> Callable[[str], object]:
    from annales.temporal import tag_time

    tag_time("On 22 June 1917, the next day.")  # warm: lexicons compiled once
    return lambda t: tag_time(t, reference="1917")


def s_per_mb(fn: Callable[[str], object], text: str, repeat: int = 2) -> tuple[float, bool]:
    """(s/MB, refused): CPU seconds of this process, best of ``repeat`` runs;
    refused when the answer was a one-line InputError ("no text", "not prose")."""
    from annales.errors import InputError

    mb = len(text.encode("utf-8")) / 1e6
    best, refused = float("inf"), False
    for _ in range(repeat):
        t0 = time.process_time()
        try:
            out = fn(text)
            COUNTS[id(fn)] = len(out) if isinstance(out, list) else 0
        except InputError:  # a clear refusal is a result too
            refused = True
            COUNTS[id(fn)] = 0
        best = min(best, time.process_time() - t0)
    return best / mb, refused


#: id(target) → how many results (tagger: expressions) its last run returned
COUNTS: dict[int, int] = {}


def per_item(v: float, text: str, n: int) -> str:
    """Microseconds per expression found (``n``), for the tagger: dense date lists cost per
    expression, and this says whether each one costs more than in the book."""
    return f", {v * len(text.encode()) / 1e6 / n * 1e6:.0f} µs per expression" if n else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every adversarial size")
    ap.add_argument(
        "--only", default="", help="comma list of: tagger,text,markdown,html,timeml,epub,gzip"
    )
    ap.add_argument("--cases", default="", help="comma list of case names (default: all)")
    ap.add_argument("--book", type=Path, default=BOOK)
    ap.add_argument("--book-bytes", type=int, default=400_000, help="how much of the book to time")
    a = ap.parse_args()

    targets = {"tagger": _tagger(), **_readers()}
    if a.only:
        targets = {k: v for k, v in targets.items() if k in a.only.split(",")}
    cases = {k: v for k, v in CASES.items() if not a.cases or k in a.cases.split(",")}
    if not a.book.exists():
        sys.exit(f"book not found: {a.book}")
    book = a.book.read_text(encoding="utf-8")[: a.book_bytes]
    base = {k: s_per_mb(fn, book, 3)[0] for k, fn in targets.items()}
    print(f"ordinary book: {a.book.name} ({len(book.encode()) / 1e6:.2f} MB)")
    print("  " + "  ".join(f"{k} {v:.3f} s/MB" for k, v in base.items()))
    if "tagger" in targets:
        print(
            "  tagger"
            + per_item(base["tagger"], book, COUNTS.get(id(targets["tagger"]), 0)).lstrip(",")
        )
    print()
    head = f"{'case':12} {'MB':>6} " + " ".join(f"{k:>17}" for k in targets)
    print(head)
    print(f"{'':12} {'':>6} " + " ".join(f"{'s/MB ×book grow':>17}" for _ in targets))
    flagged = []
    for name, (build, full) in cases.items():
        size = max(1000, int(full * a.scale))
        text, quarter = build(size), build(size // 4)
        cells = []
        for k, fn in targets.items():
            v, refused = s_per_mb(fn, text)
            found = COUNTS.get(id(fn), 0)
            q, _ = s_per_mb(fn, quarter)
            ratio, growth = v / base[k], v / q if q > 0 else 1.0
            # growth only means something once the run is long enough to swamp fixed costs
            long_run = v * len(text.encode()) / 1e6 > 0.25
            mark = "!" if ratio > FLAG_RATIO or (growth > FLAG_GROWTH and long_run) else " "
            if mark == "!":
                flagged.append(
                    f"{name} × {k}: {v:.2f} s/MB = {ratio:.1f}× book, growth {growth:.1f}"
                    + per_item(v, text, found)
                )
            if mark == " " and refused:
                mark = "r"
            cells.append(f"{v:7.2f} {ratio:5.1f} {growth:3.1f}{mark}")
        print(
            f"{name:12} {len(text.encode()) / 1e6:6.2f} " + " ".join(f"{c:>17}" for c in cells),
            flush=True,
        )
    print(
        "\nr = refused with a one-line InputError (e.g. the tagger's 'not prose' guard); "
        "! = flagged"
    )
    if flagged:
        print(
            f"FLAGGED (> {FLAG_RATIO:.0f}× the book's s/MB, or s/MB growing > {FLAG_GROWTH:.0f}× from ¼ size):"
        )
        for f in flagged:
            print("  " + f)
        sys.exit(1)
    print(f"nothing over {FLAG_RATIO:.0f}× the book's time per MB; no super-linear growth")


if __name__ == "__main__":
    main()
