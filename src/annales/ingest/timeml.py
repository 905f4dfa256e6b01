"""TimeML ``.tml`` → the raw text of ``<TEXT>`` (every tag stripped, entities decoded, nothing
else changed, so offsets match the gold annotation) and the creation time as ``dct``."""

from __future__ import annotations

import re

from lxml import etree

from annales.errors import InputError


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


#: A usable creation time: a TIMEX3 calendar date, possibly with a time of day.
_DCT = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T[\d:.]+)?)?)?$")


def usable_dct(value: str | None) -> str | None:
    """The DCT value when it is a date (1998-01-08, 1998-01, 1998-01-08T10:00), else None."""
    if value and _DCT.match(value.strip()):
        return value.strip()
    return None


def extract(data: bytes, name: str) -> tuple[str, str | None, str | None]:
    """(text, dct, title) of a TimeML document; malformed XML raises InputError. The DCT is
    the creation-time TIMEX3's value; a value that names no date is returned as given, for the
    caller to report and drop (see :func:`usable_dct`)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            name, "malformed TimeML: " + " ".join(str(exc.msg or exc).split())
        ) from None
    except ValueError as exc:
        raise InputError(name, f"malformed TimeML: {exc}") from None
    texts = [e for e in root.iter() if _local(e.tag) == "TEXT"]
    if len(texts) != 1:
        raise InputError(name, f"TimeML must have exactly one <TEXT> element, found {len(texts)}")
    parts: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(texts[0], False)]
    while stack:  # iterative: deeply nested markup must not overflow the stack
        el, closing = stack.pop()
        if closing:
            if el is not texts[0] and el.tail:
                parts.append(el.tail)
            continue
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        stack.append((el, True))
        for child in reversed(el):
            if isinstance(child.tag, str):
                stack.append((child, False))
            elif child.tail:  # a comment or PI: keep only its tail
                stack.append((child, True))
    dct = None
    for e in root.iter():
        if _local(e.tag) == "TIMEX3" and e.get("functionInDocument") == "CREATION_TIME":
            dct = e.get("value") or None
            break
    docid = next((e.text.strip() for e in root.iter() if _local(e.tag) == "DOCID" and e.text), None)
    return "".join(parts), dct, docid
