"""Readers: a file (text, Markdown, HTML, EPUB, TimeML, Project Gutenberg, optionally gzipped)
becomes a :class:`Source` whose text is decoded once; every offset downstream refers to it.

>>> from annales.ingest import load_bytes
>>> src = load_bytes(b"# Chapter One\\n\\nOn 22 June the strike began.", "notes.md")
>>> src.format, src.sections[0].title, src.text[src.sections[0].start:][:11]
('markdown', 'Chapter One', 'Chapter One')

Anything that cannot be read as a document raises :class:`annales.errors.InputError` with a
one-line reason.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from annales.errors import InputError
from annales.ingest import raw
from annales.ingest.source import Source

__all__ = ["FORMATS", "Source", "detect_format", "load", "load_bytes", "load_text"]

FORMATS = ("text", "markdown", "html", "epub", "timeml", "gutenberg")

_EXT = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".epub": "epub",
    ".tml": "timeml",
    ".timeml": "timeml",
}


def load(path: str | Path, *, max_bytes: int | None = None) -> Source:
    """Read ``path`` (refusing files above ``annales.config.MAX_INPUT_BYTES``)."""
    p = Path(path)
    data = raw.read_path(p, str(path), max_bytes)
    return load_bytes(data, str(path), max_bytes=max_bytes, path=str(path))


def load_text(text: str, name: str = "<text>", *, format: str = "text") -> Source:
    """A Source from a string already in memory (id = sha256 of its UTF-8 bytes)."""
    return load_bytes(text.encode("utf-8"), name, format=format)


def detect_format(data: bytes, name: str) -> str:
    """Format by extension, confirmed or overridden by sniffing the first bytes."""
    ext = Path(name).suffix.lower()
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data[:4] == b"PK\x03\x04":
        return "epub"
    if b"<timeml" in data[:4096].lower():
        return "timeml"
    fmt = _EXT.get(ext)
    if fmt is None:
        if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
            fmt = "html"
        else:
            fmt = "text"
    return fmt


def load_bytes(
    data: bytes,
    name: str,
    *,
    format: str | None = None,
    max_bytes: int | None = None,
    path: str | None = None,
) -> Source:
    """Read a document from its bytes; ``name`` gives the extension and names it in errors."""
    doc_id = hashlib.sha256(data).hexdigest()
    if not data:
        raise InputError(name, "empty file")
    limit = raw.limit_bytes() if max_bytes is None else max_bytes
    if len(data) > limit:
        raise InputError(name, raw.too_big(len(data), limit))
    inner_name = name
    if data[:2] == b"\x1f\x8b":
        data = raw.gunzip(data, name, max_bytes)
        if not data:
            raise InputError(name, "empty file (after decompression)")
        inner_name = name[:-3] if name.lower().endswith(".gz") else name
    elif name.lower().endswith(".gz"):
        raise InputError(name, "not a gzip file despite its .gz name")
    fmt = format or detect_format(data, inner_name)
    src = _read(data, name, fmt)
    src.id, src.path = doc_id, path
    if src.title is None:
        src.title = Path(inner_name).stem or None
    return src


def _read(data: bytes, name: str, fmt: str) -> Source:
    if fmt == "epub":
        from annales.ingest import epub

        text, sections, title = epub.extract(data, name)
        return Source(id="", text=text, title=title, format="epub", sections=sections)
    if fmt == "timeml":
        from annales.ingest import timeml

        if b"\0" in data:
            raise InputError(name, raw._nul_problem(data))
        text, dct, docid = timeml.extract(data, name)
        if not text.strip():
            raise InputError(name, "TimeML <TEXT> is empty")
        warnings = []
        if dct is not None and timeml.usable_dct(dct) is None:
            warnings.append(f"creation time {dct!r} is not a date: ignored")
        return Source(
            id="",
            text=text,
            title=docid,
            format="timeml",
            dct=timeml.usable_dct(dct),
            warnings=warnings,
        )
    dec = raw.decode(data, name, raw.declared_charset(data) if fmt == "html" else None)
    text = raw.normalise_newlines(dec.text)
    if fmt == "html":
        from annales.ingest import html

        got = html.extract(text)
        if not got.text.strip():
            raise InputError(name, "HTML has no text in its body")
        return Source(
            id="",
            text=got.text,
            title=got.title,
            format="html",
            dct=got.dct,
            sections=got.sections,
            encoding=dec.encoding,
            warnings=dec.warnings,
        )
    if fmt == "markdown":
        from annales.ingest.text import markdown

        plain, sections, title = markdown(text)
        if not plain.strip():
            raise InputError(name, "no text (only Markdown markup)")
        return Source(
            id="",
            text=plain,
            title=title,
            format="markdown",
            sections=sections,
            encoding=dec.encoding,
            warnings=dec.warnings,
        )
    from annales.ingest.text import gutenberg_body, plain_sections

    fmt_out, title = "text", None
    gb = gutenberg_body(text)
    if gb is not None:
        start, end, title = gb
        text, fmt_out = text[start:end], "gutenberg"
        if not text.strip():
            raise InputError(name, "Project Gutenberg file with no text between its markers")
    return Source(
        id="",
        text=text,
        title=title,
        format=fmt_out,
        sections=plain_sections(text),
        encoding=dec.encoding,
        warnings=dec.warnings,
    )
