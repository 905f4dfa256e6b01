"""Speed and memory of the full reading pipeline against bare spaCy, book by book.

Each book runs in its own child process (so peak RSS is per book): the child times the bare
spaCy pipeline (the same model and components, no annales stages) over the same paragraph
chunks, then the full ``annales.pipeline.read_source`` on the same text, and reports words/s
for both, their ratio and the child's peak RSS. Words/s are per CPU second of the process
(``time.process_time``), so other work on a shared machine does not skew the ratio; the
wall-clock figures are printed too.

    .venv/bin/python benchmarks/read_book.py                 # every book in ../shared/corpora/texts
    .venv/bin/python benchmarks/read_book.py path/to/book.txt --limit 200000

Targets (issue 4): full >= 0.8x bare words/s; peak RSS < 1.5 GB on the largest book; RSS not
growing with book length (compare the rows).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "corpora" / "texts"


def _child(path: str, limit: int | None) -> dict:
    import spacy

    from annales import config
    from annales import nlp as nlp_mod
    from annales.ingest import load
    from annales.pipeline import read_source

    source = load(path)
    if limit:
        source.text = source.text[:limit]
        source.sections = [s for s in source.sections if s.end <= limit]
    text = source.text
    words = len(text.split())
    bare = spacy.load(config.SPACY_MODEL)
    full_nlp = nlp_mod.load()
    warm = "On 22 June 1917 the strike began in Petrograd. " * 20
    list(bare.pipe([warm]))
    from annales.pipeline import read_text

    read_text(warm, nlp=full_nlp)  # one-time loading of lexicons and rules, not per-book cost

    t0, c0 = time.perf_counter(), time.process_time()
    n_tok = 0
    for doc in bare.pipe(
        (nlp_mod.clean_for_parse(text[s:e]) for s, e in nlp_mod.chunk_spans(text)),
        batch_size=nlp_mod.BATCH_SIZE,
    ):
        n_tok += len(doc)
    bare_s, bare_cpu = time.perf_counter() - t0, time.process_time() - c0
    rss_bare = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    t0, c0 = time.perf_counter(), time.process_time()
    ch = read_source(source, nlp=full_nlp)
    full_s, full_cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "book": Path(path).name,
        "chars": len(text),
        "words": words,
        "tokens": n_tok,
        "bare_wps": words / bare_cpu,
        "full_wps": words / full_cpu,
        "ratio": bare_cpu / full_cpu,
        "bare_wall_wps": words / bare_s,
        "full_wall_wps": words / full_s,
        "rss_after_bare_mb": rss_bare,
        "peak_rss_mb": rss,
        "events": len(ch.events),
        "entities": len(ch.entities),
        "timexes": len(ch.timexes),
        "quantities": len(ch.quantities),
        "quotes": len(ch.quotes),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("books", nargs="*")
    ap.add_argument("--limit", type=int, default=None, help="read only the first N characters")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_child(args.books[0], args.limit)))
        return
    books = args.books or sorted(str(p) for p in TEXTS.glob("*.txt"))
    if not books:
        sys.exit(f"no books given and none found in {TEXTS}")
    header = (
        f"{'book':42} {'words':>8} {'bare w/s':>9} {'full w/s':>9} {'ratio':>6} {'peak RSS':>9}"
        "  events ents timex qty quotes  (wall: bare/full w/s)"
    )
    print(header)
    rows = []
    for book in books:
        cmd = [sys.executable, __file__, "--child", book] + (
            ["--limit", str(args.limit)] if args.limit else []
        )
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{Path(book).name:42} FAILED: {out.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(r)
        print(
            f"{r['book']:42} {r['words']:8d} {r['bare_wps']:9.0f} {r['full_wps']:9.0f} {r['ratio']:6.2f}"
            f" {r['peak_rss_mb']:7.0f}MB  {r['events']:6d} {r['entities']:4d} {r['timexes']:5d}"
            f" {r['quantities']:3d} {r['quotes']:6d}  ({r['bare_wall_wps']:.0f}/{r['full_wall_wps']:.0f})",
            flush=True,
        )
    if rows:
        words = sum(r["words"] for r in rows)
        bare = words / sum(r["words"] / r["bare_wps"] for r in rows)
        full = words / sum(r["words"] / r["full_wps"] for r in rows)
        print(
            f"{'TOTAL':42} {words:8d} {bare:9.0f} {full:9.0f} {full / bare:6.2f}"
            f" {max(r['peak_rss_mb'] for r in rows):7.0f}MB  (targets: ratio >= 0.80, peak < 1536MB)"
        )


if __name__ == "__main__":
    main()
