"""EPUB → text in spine (reading) order, one section per chapter, titled from the table of
contents or the chapter's first heading."""

from __future__ import annotations

import io
import warnings
import zipfile

from annales.chronicle import Section
from annales.errors import InputError
from annales.ingest.html import walk_blocks


def extract(data: bytes, name: str) -> tuple[str, list[Section], str | None]:
    """(text, sections, title) of an EPUB given as bytes; broken books raise InputError."""
    import ebooklib
    from ebooklib import epub

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(name, "not an EPUB (not a ZIP archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "META-INF/container.xml" not in names:
                raise InputError(name, "not an EPUB (ZIP without META-INF/container.xml)")
            bad = zf.testzip()
            if bad is not None:
                raise InputError(name, f"corrupt EPUB (bad CRC in {bad})")
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - zipfile raises BadZipFile, zlib.error, NotImplementedError, RuntimeError...
        raise InputError(name, f"corrupt EPUB ({type(exc).__name__}: {str(exc)[:120]})") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = epub.read_epub(io.BytesIO(data), options={"ignore_ncx": False})
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - ebooklib raises many types on broken books
        raise InputError(
            name, f"unreadable EPUB ({type(exc).__name__}: {str(exc)[:120]})"
        ) from None
    entries = [e if isinstance(e, tuple) else (e, "yes") for e in (book.spine or [])]
    if not entries:
        raise InputError(name, "EPUB has no spine (no reading order)")
    # linear="no" items (notes, pop-ups) are not part of the reading order, unless all are
    spine = [idref for idref, linear in entries if str(linear).lower() != "no"] or [
        idref for idref, _ in entries
    ]
    toc_titles = _toc_titles(book.toc)
    parts: list[str] = []
    sections: list[Section] = []
    pos = 0
    for idref in spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT:
            continue
        try:
            # the stored bytes: ebooklib's get_content() re-parses and cuts markup past depth 255
            html = (item.content or b"").decode("utf-8", errors="replace")
        except Exception:  # noqa: BLE001
            continue
        text, inner = walk_blocks(html)
        if not text.strip():
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        title = toc_titles.get(item.get_name()) or (inner[0].title if inner else None)
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
    meta = book.get_metadata("DC", "title")
    title = meta[0][0].strip() if meta and meta[0] and meta[0][0] else None
    return "".join(parts), sections, title


def _toc_titles(toc: object) -> dict[str, str]:
    """href (without fragment) → title, from the nested ebooklib TOC."""
    out: dict[str, str] = {}
    stack = list(toc) if isinstance(toc, list | tuple) else []
    while stack:
        node = stack.pop(0)
        if isinstance(node, tuple) and len(node) == 2:
            head, children = node
            stack = [head, *list(children), *stack]
            continue
        href = getattr(node, "href", None)
        title = getattr(node, "title", None)
        if href and title:
            out.setdefault(href.split("#")[0], title.strip())
    return out
