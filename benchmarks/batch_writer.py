"""What the batch driver spends per document, the old way and the new: CPU-seconds to take a
worker's result (unpickle) and store it, when the worker sends the chronicle (the writer builds
the rows: ``write_chronicle``) and when it sends the rows it built (``prepare_document`` in the
worker, ``write_prepared`` in the writer).

    .venv/bin/python benchmarks/batch_writer.py              # 2 documents of ~200 KB
    .venv/bin/python benchmarks/batch_writer.py --docs 4 --piece-kb 100

On two cores the driver shares a core with a worker, so its CPU is taken from the reading:
words per driver CPU-second is the figure to keep high. CPU time, not wall time: it holds on a
shared machine (within the noise of a loaded host's caches).
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import build_corpus  # noqa: E402

from annales.batch.corpus import sha256_file  # noqa: E402
from annales.batch.work import DocumentReader, ReadOptions  # noqa: E402
from annales.store.db import connect  # noqa: E402
from annales.store.writer import prepare_document, write_chronicle, write_prepared  # noqa: E402


def cpu() -> float:
    return time.process_time()


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--docs", type=int, default=2)
    ap.add_argument("--piece-kb", type=float, default=200.0)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="annales-writer-"))
    corpus, _ = build_corpus(
        work / "corpus", args.docs * args.piece_kb * 1.05 / 1000, args.piece_kb
    )
    files = sorted(corpus.glob("*.txt"), key=lambda p: -p.stat().st_size)[: args.docs]
    reader = DocumentReader(ReadOptions())
    old_db, new_db = connect(work / "old.db"), connect(work / "new.db")
    print(
        f"{'document':<44}{'words':>7}{'read cpu-s':>11}"
        f"{'old: MB':>8}{'unpickle':>9}{'store':>7}{'w/drv-s':>9}"
        f"{'new: MB':>8}{'prepare':>8}{'unpickle':>9}{'insert':>7}{'w/drv-s':>9}"
    )
    tot_words = tot_old = tot_new = tot_prep = tot_read = 0.0
    for f in files:
        o = reader.read(str(f), sha256_file(f), f.stat().st_size)
        if o.error or o.chronicle is None:
            sys.exit(f"{f}: {o.error}")
        old_blob = pickle.dumps(o, protocol=pickle.HIGHEST_PROTOCOL)
        t0 = cpu()
        back = pickle.loads(old_blob)
        t1 = cpu()
        write_chronicle(
            old_db, back.chronicle, path=back.path, format=back.format, encoding=back.encoding
        )
        t2 = cpu()
        prepared = prepare_document(o.chronicle, path=o.path, format=o.format, encoding=o.encoding)
        t3 = cpu()
        o.chronicle, o.prepared = None, prepared
        new_blob = pickle.dumps(o, protocol=pickle.HIGHEST_PROTOCOL)
        t4 = cpu()
        back = pickle.loads(new_blob)
        t5 = cpu()
        write_prepared(new_db, back.prepared)
        t6 = cpu()
        old, new = t2 - t0, t6 - t4
        tot_words += o.words
        tot_old += old
        tot_new += new
        tot_prep += t3 - t2
        tot_read += o.cpu_seconds
        print(
            f"{f.name:<44}{o.words:>7,}{o.cpu_seconds:>11.2f}"
            f"{len(old_blob) / 1e6:>8.2f}{t1 - t0:>9.3f}{t2 - t1:>7.3f}{o.words / old:>9,.0f}"
            f"{len(new_blob) / 1e6:>8.2f}{t3 - t2:>8.3f}{t5 - t4:>9.3f}{t6 - t5:>7.3f}"
            f"{o.words / new:>9,.0f}",
            flush=True,
        )
    print(
        f"\nper word of input: driver {tot_old / tot_words * 1e6:.1f} -> "
        f"{tot_new / tot_words * 1e6:.1f} CPU-us ({tot_old / tot_new:.1f}x less); the workers"
        f" take on {tot_prep / tot_words * 1e6:.1f} CPU-us of building rows next to"
        f" {tot_read / tot_words * 1e6:.0f} CPU-us of reading ({tot_prep / tot_read:.1%})"
    )
    old_db.close()
    new_db.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
