"""EPUB → text in spine (reading) order, one section per chapter, titled from the table of
contents or the chapter's first heading.

A small reader on ``zipfile`` + ``lxml`` (no AGPL ``ebooklib``): META-INF/container.xml names
the OPF package; its manifest and spine give the XHTML documents in reading order; chapter
titles come from the EPUB 3 navigation document, else the EPUB 2 NCX. Chapters go through the
HTML reader's block walk, so offsets follow the same conventions as HTML input.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

from annales.chronicle import Section
from annales.errors import InputError
from annales.ingest.html import walk_blocks

CONTAINER = "META-INF/container.xml"
ENCRYPTION = "META-INF/encryption.xml"
_DOCUMENT_TYPES = frozenset({"application/xhtml+xml", "text/html"})
_NCX_TYPE = "application/x-dtbncx+xml"
# font obfuscation (IDPF, Adobe) also lists files in encryption.xml, but is not DRM on the text
_FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
# package files are small: no entity expansion, no network, no libxml2 "huge tree" mode
_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass(frozen=True, slots=True)
class _Item:
    path: str  # full path inside the ZIP
    media_type: str
    properties: frozenset[str]


def extract(data: bytes, name: str) -> tuple[str, list[Section], str | None]:
    """(text, sections, title) of an EPUB given as bytes; broken books raise InputError."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(name, "not an EPUB (not a ZIP archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return _read(zf, name)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - zipfile raises BadZipFile, zlib.error, NotImplementedError, RuntimeError...
        raise InputError(name, f"corrupt EPUB ({type(exc).__name__}: {str(exc)[:120]})") from None


def _read(zf: zipfile.ZipFile, name: str) -> tuple[str, list[Section], str | None]:
    names = set(zf.namelist())
    if CONTAINER not in names:
        raise InputError(name, f"not an EPUB (ZIP without {CONTAINER})")
    bad = zf.testzip()
    if bad is not None:
        raise InputError(name, f"corrupt EPUB (bad CRC in {bad})")
    if ENCRYPTION in names:
        _refuse_drm(_xml(zf, ENCRYPTION, name), name)
    opf_path = _rootfile(_xml(zf, CONTAINER, name), name)
    if opf_path not in names:
        raise InputError(name, f"unreadable EPUB (package file {opf_path} missing from the ZIP)")
    opf = _xml(zf, opf_path, name)
    items = _manifest(opf, opf_path)
    spine, ncx_id = _spine(opf)
    if not spine:
        raise InputError(name, "EPUB has no spine (no reading order)")
    titles = _toc_titles(zf, names, items, ncx_id)
    parts: list[str] = []
    sections: list[Section] = []
    pos = 0
    for idref in spine:
        item = items.get(idref)
        # the nav document is a table of contents, not narrative, even when in the spine
        if item is None or item.media_type not in _DOCUMENT_TYPES or "nav" in item.properties:
            continue
        if item.path not in names:
            raise InputError(name, f"unreadable EPUB (spine item {item.path} missing from the ZIP)")
        text, inner = walk_blocks(_decode(zf.read(item.path)))
        if not text.strip():
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        title = titles.get(item.path) or (inner[0].title if inner else None)
        sections.append(
            Section(
                title=title or f"Part {len(sections) + 1}", start=pos, end=pos + len(text), level=1
            )
        )
        sections += [
            Section(s.title, s.start + pos, s.end + pos, s.level + 1)
            for s in inner
            if s.start > 0 or s.title != title
        ]
        parts.append(text)
        pos += len(text)
    if not parts:
        raise InputError(name, "EPUB has no readable text in its spine")
    return "".join(parts), sections, _title(opf)


def _xml(zf: zipfile.ZipFile, path: str, name: str) -> etree._Element:
    try:
        return etree.fromstring(zf.read(path), _XML)
    except etree.XMLSyntaxError as exc:
        raise InputError(name, f"unreadable EPUB ({path} is not well-formed XML: {exc})") from None


def _local(el: etree._Element) -> str:
    """Tag name without namespace ("" for comments and processing instructions)."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Descendants named ``tag`` in any namespace: EPUB 2 files often omit or vary them."""
    return [e for e in el.iter() if _local(e) == tag]


def _rootfile(container: etree._Element, name: str) -> str:
    for rf in _children(container, "rootfile"):
        path = rf.get("full-path")
        if path:
            return posixpath.normpath(unquote(path))
    raise InputError(name, f"unreadable EPUB ({CONTAINER} names no OPF rootfile)")


def _resolve(base: str, href: str) -> str:
    """Full ZIP path of ``href`` written in the file at ``base`` (fragment dropped)."""
    href = unquote(href.split("#", 1)[0])
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), href))


def _manifest(opf: etree._Element, opf_path: str) -> dict[str, _Item]:
    items: dict[str, _Item] = {}
    for el in _children(opf, "item"):
        iid, href = el.get("id"), el.get("href")
        if iid and href:
            items[iid] = _Item(
                path=_resolve(opf_path, href),
                media_type=(el.get("media-type") or "").strip().lower(),
                properties=frozenset((el.get("properties") or "").split()),
            )
    return items


def _spine(opf: etree._Element) -> tuple[list[str], str | None]:
    """(idrefs in reading order, NCX id): linear="no" items (notes, pop-ups) are not part of
    the reading order, unless all items are."""
    spines = _children(opf, "spine")
    if not spines:
        return [], None
    refs = [
        (r.get("idref") or "", r.get("linear") or "yes") for r in _children(spines[0], "itemref")
    ]
    refs = [(i, lin) for i, lin in refs if i]
    linear = [i for i, lin in refs if lin.strip().lower() != "no"]
    return linear or [i for i, _ in refs], spines[0].get("toc")


def _title(opf: etree._Element) -> str | None:
    for el in _children(opf, "title"):
        text = " ".join("".join(el.itertext()).split())
        if text:
            return text
    return None


def _refuse_drm(enc: etree._Element, name: str) -> None:
    locked = 0
    for ed in _children(enc, "EncryptedData"):
        methods = [m.get("Algorithm") or "" for m in _children(ed, "EncryptionMethod")]
        if not methods or any(m not in _FONT_OBFUSCATION for m in methods):
            locked += 1
    if locked:
        raise InputError(
            name,
            f"encrypted EPUB (DRM: {ENCRYPTION} lists {locked} encrypted files); cannot read it",
        )


def _decode(raw: bytes) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # EPUB allows UTF-16 content documents
        return raw.decode("utf-16", errors="replace")
    return raw.decode("utf-8", errors="replace")


def _toc_titles(
    zf: zipfile.ZipFile, names: set[str], items: dict[str, _Item], ncx_id: str | None
) -> dict[str, str]:
    """Chapter path → title from the EPUB 3 nav document, then the EPUB 2 NCX. A broken table
    of contents only loses titles (chapters fall back to their first heading)."""
    out: dict[str, str] = {}
    for item in items.values():
        if "nav" in item.properties and item.path in names:
            for href, title in _nav_links(_decode(zf.read(item.path))):
                out.setdefault(_resolve(item.path, href), title)
    ncx = items.get(ncx_id or "")
    if ncx is None:
        ncx = next((i for i in items.values() if i.media_type == _NCX_TYPE), None)
    if ncx is not None and ncx.path in names:
        try:
            root = etree.fromstring(zf.read(ncx.path), _XML)
        except etree.XMLSyntaxError:
            return out
        for point in _children(root, "navPoint"):
            labels = _children(point, "text")
            content = next(iter(_children(point, "content")), None)
            src = content.get("src") if content is not None else None
            title = " ".join("".join(labels[0].itertext()).split()) if labels else ""
            if src and title:
                out.setdefault(_resolve(ncx.path, src), title)
    return out


def _nav_links(html: str) -> list[tuple[str, str]]:
    """(href, title) of the links in the nav document's table of contents, in order."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    navs = HTMLParser(html).css("nav")
    toc = [n for n in navs if "toc" in (n.attributes.get("epub:type") or "").split()]
    links: list[tuple[str, str]] = []
    for nav in toc or navs[:1]:
        for a in nav.css("a"):
            href = a.attributes.get("href")
            title = " ".join(a.text().split())
            if href and title:
                links.append((href, title))
    return links
