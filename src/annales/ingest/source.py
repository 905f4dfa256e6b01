"""``Source``: a document as read from disk, before any analysis. The contract between ingest
and the analysis pipeline: ``text`` is decoded once and every offset downstream refers to it."""

from __future__ import annotations

from dataclasses import dataclass, field

from annales.chronicle import Section


@dataclass(slots=True)
class Source:
    id: str  # sha256 hex of the file's bytes (of the text's UTF-8 bytes when not from a file)
    text: str
    title: str | None = None
    path: str | None = None  # where it was read from, as given
    format: str = "text"  # text | markdown | html | epub | timeml | gutenberg
    dct: str | None = None  # document creation time (TimeML DCT, HTML metadata), ISO
    sections: list[Section] = field(default_factory=list)
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
