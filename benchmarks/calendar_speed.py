"""Speed of the calendar layer and the historical recognisers on the public-domain books.

Prints, per book: characters, historical candidates found and seconds for `historical.find`,
seconds for `policy.decide_calendar(..., "auto")` and its decision, and the `finalise` rate on
a sweep of TIMEX3 values. Run: .venv/bin/python benchmarks/calendar_speed.py [TEXTS_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from annales.chronicle import Timex
from annales.temporal import calendars, historical, policy

ROOT = Path(__file__).resolve().parents[1]
TEXTS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora" / "texts"


def main() -> None:
    historical.find("warm up: the 9th Thermidor")
    policy.decide_calendar("warm up", "auto")
    print(f"{'book':42} {'MB':>5} {'found':>6} {'find s':>7} {'MB/s':>6} {'policy s':>8}  decision")
    for path in sorted(TEXTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mb = len(text.encode("utf-8")) / 1e6
        t0 = time.perf_counter()
        found = historical.find(text)
        t1 = time.perf_counter()
        cal, _reason = policy.decide_calendar(text, "auto")
        t2 = time.perf_counter()
        print(
            f"{path.name[:42]:42} {mb:5.2f} {len(found):6d} {t1 - t0:7.3f} {mb / (t1 - t0):6.2f} {t2 - t1:8.3f}  {cal}"
        )
    values = [
        f"{y:04d}-{m:02d}-{d:02d}"
        for y in range(1700, 1720)
        for m in range(1, 13)
        for d in (1, 15, 28)
    ]
    values += ["1917-06", "1917", "184", "BC0044", "1917-SU", "P3D", "PRESENT_REF"] * 50
    t0 = time.perf_counter()
    for v in values:
        calendars.finalise(
            Timex("t", 0, 1, "x", "DATE", v, mod="START" if v == "1917-06" else None), "julian"
        )
    dt = time.perf_counter() - t0
    print(
        f"finalise: {len(values)} timexes in {dt:.3f} s = {len(values) / dt:,.0f} timexes/s (julian)"
    )


if __name__ == "__main__":
    main()
