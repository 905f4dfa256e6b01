"""Every span of the output slices to its text, on every book in ../shared/corpora/texts.

Each book is ingested as a whole (Gutenberg header cut, sections found); two windows of it
(the opening and a stretch from the middle) are read through one ``read_many`` stream, which
also exercises batching across documents. Kept to a couple of minutes on a loaded machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annales.ingest import load
from annales.ingest.source import Source
from annales.pipeline import read_many
from test_pipeline import _assert_spans

WINDOW = 40_000


def _windows(texts_dir: Path) -> list[Source]:
    out = []
    for path in sorted(texts_dir.glob("*.txt")):
        src = load(path)
        text = src.text
        mid = len(text) // 2
        for name, piece in (("start", text[:WINDOW]), ("middle", text[mid : mid + WINDOW])):
            out.append(
                Source(
                    id=f"{src.id}:{name}", text=piece, title=f"{path.name} ({name})", path=str(path)
                )
            )
    return out


@pytest.mark.slow
def test_spans_slice_on_every_book(texts_dir: Path) -> None:
    sources = _windows(texts_dir)
    assert len(sources) >= 14
    seen = 0
    for src, ch in zip(sources, read_many(sources, calendar="auto"), strict=True):
        assert ch.document.id == src.id
        assert ch.text == src.text
        _assert_spans(ch, src.text)
        assert ch.document.calendar in ("gregorian", "julian", "french-republican")
        if len(src.text) > 10_000:
            assert ch.sentences and ch.entities and ch.events, src.title
        seen += 1
    assert seen == len(sources)
