"""HTML → main text and sections.

The main text comes from trafilatura (boilerplate such as navigation and footers removed);
when it finds nothing (very short pages, EPUB chapters) a selectolax walk over the body's
block elements is used instead. Text inside ``script``/``style``/``template``/``noscript``
never becomes document text. Blocks are separated by a blank line; headings become sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annales.chronicle import Section

_WS = re.compile(r"\s+")
_DROP = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head")
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BLOCKS = frozenset(
    "p div li dd dt blockquote pre td th caption figcaption section article header footer "
    "aside main nav address tr table ul ol dl h1 h2 h3 h4 h5 h6 br hr body html".split()
)


@dataclass(slots=True)
class Extracted:
    text: str
    sections: list[Section] = field(default_factory=list)
    title: str | None = None
    dct: str | None = None


class _Builder:
    """Accumulates blocks, keeping offsets of headings exact."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.heads: list[tuple[str, int, int]] = []

    def block(self, text: str, heading: int | None = None) -> None:
        text = _WS.sub(" ", text).strip()
        if not text:
            return
        if self.parts:
            self.parts.append("\n\n")
            self.pos += 2
        if heading is not None:
            self.heads.append((text, self.pos, heading))
        self.parts.append(text)
        self.pos += len(text)

    def result(self) -> tuple[str, list[Section]]:
        from annales.ingest.text import _close

        text = "".join(self.parts)
        return text, _close(self.heads, len(text))


def _title_and_date(html: str) -> tuple[str | None, str | None]:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    node = tree.css_first("title")
    title = _WS.sub(" ", node.text()).strip() if node is not None else None
    dct = None
    for sel in (
        'meta[property="article:published_time"]',
        'meta[name="date"]',
        'meta[name="dc.date"]',
        'meta[name="DC.date"]',
        'meta[itemprop="datePublished"]',
        "time[datetime]",
    ):
        n = tree.css_first(sel)
        if n is not None:
            val = n.attributes.get("content") or n.attributes.get("datetime") or ""
            m = re.match(r"\d{4}-\d{2}-\d{2}", val.strip())
            if m:
                dct = m.group(0)
                break
    return title or None, dct


def _from_trafilatura(html: str) -> tuple[str, list[Section]] | None:
    import trafilatura
    from lxml import etree

    try:
        xml = trafilatura.extract(
            html,
            output_format="xml",
            include_formatting=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            with_metadata=False,
        )
    except Exception:  # noqa: BLE001 - trafilatura fails on some odd pages: use the fallback
        return None
    if not xml:
        return None
    root = etree.fromstring(
        xml.encode("utf-8"),
        etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True),
    )
    main = root.find("main")
    if main is None:
        return None
    b = _Builder()
    for el in main:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "head":
            rend = el.get("rend") or "h2"
            level = _HEADINGS.get(rend, 2)
            b.block("".join(el.itertext()), heading=level)
        elif tag == "list":
            for item in el.iter("item"):
                b.block("".join(item.itertext()))
        elif tag == "table":
            for row in el.iter("row"):
                b.block(" ".join("".join(c.itertext()).strip() for c in row))
        elif tag:
            b.block("".join(el.itertext()))
    text, sections = b.result()
    return (text, sections) if text.strip() else None


def walk_blocks(html: str) -> tuple[str, list[Section]]:
    """Every block element's text in document order (no boilerplate removal), headings as
    sections. Used for EPUB chapters and as the fallback for short pages."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    for tag in _DROP:
        for node in tree.css(tag):
            node.decompose()
    root = tree.body or tree.root
    b = _Builder()
    if root is None:
        return "", []
    buf: list[str] = []
    _visit_iter(root, buf, b)
    if buf:
        b.block("".join(buf))
    return b.result()


def _visit_iter(root: object, buf: list[str], b: _Builder) -> None:
    """Depth-first walk without recursion (deeply nested markup must not overflow the stack)."""
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag  # type: ignore[attr-defined]
        if closing:
            if buf:
                b.block("".join(buf))
                buf.clear()
            continue
        if tag == "-text":
            buf.append(node.text_content or "")  # type: ignore[attr-defined]
            continue
        if tag in ("-comment", "!doctype", "_comment") or tag is None:
            continue
        if tag in _HEADINGS:
            if buf:
                b.block("".join(buf))
                buf.clear()
            b.block(node.text(separator=" "), heading=_HEADINGS[tag])  # type: ignore[attr-defined]
            continue
        block = tag in _BLOCKS
        if block:
            if buf:
                b.block("".join(buf))
                buf.clear()
            stack.append((node, True))
        children = []
        child = node.child  # type: ignore[attr-defined]
        while child is not None:
            children.append(child)
            child = child.next
        for c in reversed(children):
            stack.append((c, False))


#: trafilatura costs ~0.25 ms per element: pages with many tiny elements (fewer than this many
#: characters per tag, and more than ``DENSE_MIN_TAGS`` tags) go to the linear block walk.
DENSE_CHARS_PER_TAG = 16
DENSE_MIN_TAGS = 2000


def extract(html: str) -> Extracted:
    """Main text of an HTML page with its title (``<title>``) and date (meta tags)."""
    title, dct = _title_and_date(html)
    tags = html.count("<")
    dense = tags > DENSE_MIN_TAGS and len(html) < DENSE_CHARS_PER_TAG * tags
    got = None if dense else _from_trafilatura(html)
    if got is None:
        got = walk_blocks(html)
    text, sections = drop_trailing_apparatus(*got)
    return Extracted(text=text, sections=sections, title=title, dct=dct)


def drop_trailing_apparatus(text: str, sections: list[Section]) -> tuple[str, list[Section]]:
    """The page without its closing References / Notes / External links (headings.toml)."""
    from annales.ingest.text import rules

    names = rules().apparatus

    def is_apparatus(s: Section) -> bool:
        return s.title.strip().rstrip(".:").strip().lower() in names

    cut = None
    for s in reversed(sections):
        if not is_apparatus(s):
            break
        if s.start > 0:
            cut = s.start
    if cut is None:
        return text, sections
    end = len(text[:cut].rstrip())
    return text[:end], [
        Section(title=s.title, start=s.start, end=min(s.end, end), level=s.level)
        for s in sections
        if s.start < end
    ]
