"""Exports: one module per format, each a pure ``render(chronicles) -> str``.

``export()`` is the command's engine: it loads the documents from the database and writes
the result to a file or stdout.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from annales.chronicle import Chronicle
from annales.errors import AnnalesError, StoreError

FORMATS = ("timelinejs", "html", "csv", "json", "timeml", "edtf")


def chronicles(db_path: str | Path, document: str | None = None) -> Iterator[Chronicle]:
    """The stored documents (or one of them) as Chronicles, in reading order."""
    from annales.store import connect, documents, load_chronicle, resolve_document

    conn = connect(db_path, readonly=True)
    try:
        if document:
            full = resolve_document(conn, document)
            if full is None:
                raise StoreError(
                    f"{db_path}: no document {document!r} (see `annales export --format json`)"
                )
            ids = [full]
        else:
            ids = [d["id"] for d in documents(conn)]
        for doc_id in ids:
            yield load_chronicle(conn, doc_id)
    finally:
        conn.close()


def render(fmt: str, docs: list[Chronicle]) -> str:
    from importlib import import_module

    if fmt not in FORMATS:
        raise AnnalesError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return str(import_module(f"annales.export.{fmt}").render(docs))


def export(
    db_path: str | Path, fmt: str, *, document: str | None = None, out: str | Path | None = None
) -> Path | None:
    """Write ``fmt`` for the database (or one document) to ``out``, or to stdout when None."""
    if fmt not in FORMATS:
        raise AnnalesError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    docs = list(chronicles(db_path, document))
    if fmt == "timeml" and len(docs) > 1:
        if out is None or not Path(out).is_dir():
            raise AnnalesError(
                "timeml holds one document per file: give --document ID, or "
                "--out DIR (an existing folder) for one .tml file per document"
            )
        for c in docs:
            (Path(out) / f"{c.document.id[:16]}.tml").write_text(render(fmt, [c]), encoding="utf-8")
        return Path(out)
    text = render(fmt, docs)
    if out is None:
        sys.stdout.write(text)
        return None
    dest = Path(out)
    if dest.is_dir():
        raise AnnalesError(f"{dest}: is a folder; give a file name for --out")
    try:
        dest.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise AnnalesError(f"{dest}: cannot write ({exc.strerror})") from None
    return dest
