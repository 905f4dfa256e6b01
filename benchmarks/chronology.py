"""Event dating on the development gold chronology (hand-annotated public-domain passages).

    .venv/bin/python benchmarks/chronology.py [--label NAME]   # prints scores, stores them

Equivalent command line: ``annales evaluate chronology benchmarks/data/chronology/gold.jsonl``.
The figures go to benchmarks/results/chronology.json under ``--label`` (default "current"),
so a before/after pair can be kept side by side; per-document figures are included.
``--gold benchmarks/data/chronology/gold-2.jsonl`` scores the second development set (other
passages, annotated to catch fixes that only fit the first); the entry records its gold file.
``--gold benchmarks/data/chronology/gold-3.jsonl`` is the held-out set: measure its totals, do
not tune on its errors.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from annales.evaluate.chronology import (
    ChronologyReport,
    SystemEvent,
    evaluate,
    format_report,
    system_events,
)
from annales.ingest import load
from annales.pipeline import read_source

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "chronology" / "gold.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "chronology.json"


def _reader(calendar: str) -> Callable[[str, str | None], tuple[str, list[SystemEvent]]]:
    def read(path: str, ref: str | None) -> tuple[str, list[SystemEvent]]:
        src = load(path)
        chron = read_source(src, dct=src.dct, reference=ref, calendar=calendar)
        return chron.text, system_events(chron)

    return read


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--label", default="current")
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--calendar", default="auto", choices=["auto", "gregorian", "julian"])
    args = ap.parse_args()
    report = evaluate(args.gold, _reader(args.calendar))
    print(format_report(report))
    per_doc: dict[str, ChronologyReport] = {}
    for o in report.outcomes:
        per_doc.setdefault(Path(o.gold.document).name, ChronologyReport()).outcomes.append(o)
    entry = report.to_dict()
    entry["calendar"] = args.calendar
    entry["gold"] = Path(args.gold).name
    entry["documents"] = {name: r.to_dict() for name, r in sorted(per_doc.items())}
    stored = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    stored[args.label] = entry
    RESULTS.write_text(json.dumps(stored, indent=2) + "\n")
    print(f"stored under {args.label!r} in {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
