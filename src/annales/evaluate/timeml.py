"""Read gold TimeML: the raw ``<TEXT>`` with every tag stripped, the TIMEX3 spans at their exact
character offsets in that raw text, and the document creation time.

Offsets index the text a tagger sees (tags removed, XML entities decoded), so a system's
``Timex.start``/``end`` compare directly with the gold ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from annales.errors import InputError


@dataclass(frozen=True, slots=True)
class TimexSpan:
    """One TIMEX3 (gold or system) reduced to what TempEval-3 Task A scores."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    tid: str | None = None


@dataclass(slots=True)
class GoldDocument:
    """A TimeML document ready to be tagged and scored."""

    doc_id: str
    path: str
    text: str
    dct: str | None
    timexes: list[TimexSpan] = field(default_factory=list)


def _parser() -> etree.XMLParser:
    # No network, no external entities: gold files are data, never instructions.
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, recover=False)


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _walk(elem: etree._Element, parts: list[str], pos: list[int], out: list[TimexSpan]) -> None:
    """Append ``elem``'s text content to ``parts`` and record TIMEX3 offsets on the way."""
    start, first = pos[0], len(parts)
    if elem.text:
        parts.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        if isinstance(child.tag, str):  # skip comments and processing instructions' tags
            _walk(child, parts, pos, out)
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)
    tag = _local(elem.tag)
    if tag in ("TIMEX3", "TIMEX2"):
        text = "".join(parts[first:])
        if text.strip():  # TE3 ignores empty (non-consuming) timexes
            if tag == "TIMEX3":
                type_, value, mod = elem.get("type", ""), elem.get("value", ""), elem.get("mod")
            else:  # TIMEX2 (ACE/TERN, WikiWars): VAL and MOD, the type read from the value
                value, mod = elem.get("VAL", ""), elem.get("MOD")
                type_ = timex2_type(value, elem.get("SET"))
            out.append(
                TimexSpan(
                    start=start,
                    end=pos[0],
                    text=text,
                    type=type_,
                    value=value,
                    mod=mod,
                    tid=elem.get("tid"),
                )
            )


def timex2_type(value: str, set_flag: str | None = None) -> str:
    """The TIMEX3 type a TIMEX2 value stands for: TIMEX2 has no type attribute."""
    if set_flag and set_flag.upper() == "YES":
        return "SET"
    if value.startswith("P") and value[1:2] in tuple("0123456789XT"):
        return "DURATION"  # P1D, PXY, PT2H; not PRESENT_REF or PAST_REF
    if "T" in value and value[:1].isdigit() or value.startswith("XXXX-XX-XXT"):
        return "TIME"
    return "DATE"


def parse_timeml(data: bytes | str, name: str = "<timeml>") -> GoldDocument:
    """Parse one TimeML document; malformed input raises ``InputError`` naming ``name``."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data.strip():
        raise InputError(name, "empty file, not TimeML")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(name, f"not well-formed TimeML: {exc.msg or exc}") from None
    except ValueError as exc:  # e.g. undecodable bytes reported by lxml
        raise InputError(name, f"not well-formed TimeML: {exc}") from None
    text_elems = [e for e in root.iter() if _local(e.tag) == "TEXT"]
    if not text_elems:
        raise InputError(name, "no <TEXT> element: not a TimeML document")
    if len(text_elems) > 1:
        raise InputError(name, f"{len(text_elems)} <TEXT> elements, expected one")
    parts: list[str] = []
    timexes: list[TimexSpan] = []
    _walk(text_elems[0], parts, [0], timexes)
    text = "".join(parts)
    timexes.sort(key=lambda t: (t.start, t.end))
    dct = None
    for e in root.iter():
        if _local(e.tag) == "TIMEX3" and e.get("functionInDocument") == "CREATION_TIME":
            dct = e.get("value") or None
            break
    docid = next((e.text for e in root.iter() if _local(e.tag) == "DOCID" and e.text), None)
    return GoldDocument(
        doc_id=(docid or Path(name).stem).strip(),
        path=name,
        text=text,
        dct=dct,
        timexes=timexes,
    )


def read_timeml(path: str | Path) -> GoldDocument:
    """Read and parse one ``.tml`` file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(str(p), f"cannot read: {exc.strerror or exc}") from None
    return parse_timeml(data, str(p))


def find_timeml(gold_dir: str | Path) -> list[Path]:
    """Every ``*.tml`` under ``gold_dir`` (subfolders included), in a stable order; a single
    ``.tml`` file is accepted too."""
    root = Path(gold_dir)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise InputError(str(root), "no such file or directory")
    files = sorted(p for p in root.glob("**/*.tml") if p.is_file())
    if not files:  # some corpora ship TimeML (or TIMEX2) as .xml
        files = sorted(p for p in root.glob("**/*.xml") if p.is_file())
    if not files:
        raise InputError(str(root), "no .tml (or .xml) files found (searched subfolders too)")
    return files
