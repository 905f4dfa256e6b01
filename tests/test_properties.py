"""Cross-cutting properties: on any input the tagger, the calendar layer, the calendar policy,
the quantity parser and every reader either answer with well-formed output or raise a
documented ``annales.errors`` error, never anything else.

Well-formed means: offsets slice to their text, TIMEX3 values match the TimeML 1.2 value
grammar (:data:`TIMEX3_VALUE`), and every EDTF string parses with the ``edtf`` package.
``benchmarks/fuzz.py`` runs the same checks (:func:`check_timexes`, :func:`check_source`)
over millions of inputs; inputs it found crashing live in ``tests/data/fuzz-regressions/``
and are replayed by ``tests/test_reliability_regressions.py``.
"""

from __future__ import annotations

import gzip
import io
import math
import re
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
from edtf import parse_edtf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annales.errors import AnnalesError, CalendarError, InputError
from annales.ingest import load_bytes
from annales.temporal import calendars as cal
from annales.temporal import historical, policy, tag_time

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------- the TIMEX3 value grammar
# TimeML 1.2.1 (TIMEX3 value = ISO 8601 extended): calendar dates with X placeholders, weeks,
# seasons, quarters, halves, decades/centuries/millennia (3/2/1 digits), BC years written
# "BC" + digits, times of day (clock or MO/AF/EV/NI/DT), durations and the three references.
_Y = r"(?:BC)?(?:[0-9X]{4}|[0-9X]{1,3})"
_PART = r"(?:-(?:(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12][0-9]|3[01]|XX))?|W(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)(?:-(?:[1-7]|WE))?|WE|Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
_T = (
    r"(?:T(?:(?:[01][0-9]|2[0-4])(?::[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?)?|MO|AF|EV|NI|MI|DT))?"
)
_N = r"(?:[0-9]+(?:\.[0-9]+)?|X)"
_DUR = rf"P(?:(?:{_N}(?:Y|M|W|D|DE|CE|ML|Q|H|L|E|C))+(?:T(?:{_N}[HMS])+)?|T(?:{_N}[HMS])+|{_N}(?:DE|CE|ML))"
TIMEX3_VALUE = re.compile(rf"^(?:{_Y}{_PART}{_T}|{_DUR}|PRESENT_REF|PAST_REF|FUTURE_REF)$")
TIMEX_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
TIMEX_MODS = frozenset(
    {
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
        "START",
        "MID",
        "END",
        "APPROX",
    }
)
CALENDARS = frozenset({"gregorian", "julian", "french-republican"})
#: Errors an input may legitimately raise (documented one-line errors).
DOCUMENTED = (AnnalesError,)


def check_timexes(text: str, timexes: list[Any]) -> None:
    """Every invariant a tagger result must hold on ``text`` (raises AssertionError)."""
    prev_end = -1
    for i, t in enumerate(timexes, start=1):
        assert t.id == f"t{i}", t.id
        assert 0 <= t.start < t.end <= len(text), (t.start, t.end, len(text))
        assert text[t.start : t.end] == t.text, (t.start, t.end, t.text)
        assert t.start >= prev_end, f"timexes overlap at {t.start}"
        prev_end = t.end
        assert t.type in TIMEX_TYPES, t.type
        assert TIMEX3_VALUE.match(t.value), f"bad TIMEX3 value {t.value!r} for {t.text!r}"
        assert t.mod is None or t.mod in TIMEX_MODS, t.mod
        assert t.calendar in CALENDARS, t.calendar
        if t.gregorian is not None:  # a value, or an interval of days (a Julian month)
            assert all(TIMEX3_VALUE.match(g) for g in t.gregorian.split("/", 1)), (
                f"bad gregorian {t.gregorian!r} for {t.text!r}"
            )
        if t.edtf is not None:
            try:
                parse_edtf(t.edtf)
            except Exception as exc:  # noqa: BLE001 - edtf raises several types
                raise AssertionError(
                    f"EDTF {t.edtf!r} for {t.text!r} does not parse: {exc}"
                ) from None
        assert isinstance(cal.sort_key(t.value, t.calendar), tuple)


def check_source(src: Any) -> None:
    """A Source from a reader: non-empty text, sha256 id, sections inside the text."""
    assert isinstance(src.text, str) and src.text.strip()
    assert len(src.id) == 64
    for s in src.sections:
        assert 0 <= s.start <= s.end <= len(src.text), (s.start, s.end, len(src.text))
        assert "\n" not in s.title or s.title.strip()


def one_line(exc: BaseException) -> None:
    assert isinstance(exc, DOCUMENTED), f"undocumented {type(exc).__name__}: {exc}"
    assert "\n" not in str(exc) and str(exc).strip(), repr(str(exc))


# ---------------------------------------------------------------- strategies


def _lexicon_words() -> list[str]:
    """Every word and phrase of the tagger's English lexicon: inputs dense in near-misses."""
    data = tomllib.loads((ROOT / "src/annales/temporal/lexicon/en.toml").read_text("utf-8"))
    words: set[str] = set()

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                if len(k) < 25 and "{" not in k:
                    words.add(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str) and len(x) < 25 and "{" not in x and "(" not in x:
            words.add(x)

    walk(data)
    return sorted(w for w in words if w.strip())


WORDS = _lexicon_words() + (
    "22 1917 1918 31 29 0 00 000 99999 1,000 44 410 1789 2100 10:35 24:00 25:61 6/22/1917 "
    "1917-06-22 1917/1918 BC AD O.S. N.S. Old Style New Style Thermidor Brumaire an II "
    "the of in on , . - – — / : ( ) ' \" \n \n\n".split(" ")
)
_ctrl = st.characters(min_codepoint=0, max_codepoint=0x1F)
_any_char = st.characters(exclude_categories=("Cs",))
TEXTS = st.one_of(
    st.text(_any_char, max_size=300),
    st.text(st.one_of(_ctrl, st.sampled_from(list("0123456789 -/.,JMAjunelyaryBC"))), max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=80).map("".join),
    st.tuples(
        st.sampled_from(["9", "a", "June ", "-", "(", "1917/", "the next day "]),
        st.integers(1, 600),
    ).map(lambda p: p[0] * p[1]),
)
DATES = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "1917",
            "1917-06",
            "1917-06-22",
            "0001-01-01",
            "9999-12-31",
            "1752-09-02",
            "1582-10-04",
            "1918-02-01",
            "2000-02-29",
            "0044",
        ]
    ),
)
MODES = st.sampled_from(
    [
        ("narratives", "gregorian"),
        ("narratives", "julian"),
        ("narratives", "auto"),
        ("news", "gregorian"),
        ("news", "auto"),
    ]
)

#: ANNALES_PROPERTY_SCALE=10 multiplies every example count (a longer local run).
_SCALE = float(__import__("os").environ.get("ANNALES_PROPERTY_SCALE", "1"))


def fast(n: int) -> settings:
    return settings(
        max_examples=max(1, int(n * _SCALE)),
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )


# ---------------------------------------------------------------- tagger


@fast(120)
@given(text=TEXTS, mode=MODES, date=DATES)
def test_tagger_output_is_well_formed_on_any_text(
    text: str, mode: tuple[str, str], date: str | None
) -> None:
    m, c = mode
    kw = {"dct": date} if m == "news" else {"reference": date}
    try:
        got = tag_time(text, mode=m, calendar=c, **kw)
    except InputError as exc:  # the tagger's "not prose" guard is a documented refusal
        one_line(exc)
        return
    check_timexes(text, got)


@pytest.mark.parametrize(
    "kw",
    [
        {"mode": "news", "dct": "yesterday"},
        {"reference": "zzz"},
        {"calendar": "mayan"},
        {"mode": "annals"},
    ],
)
def test_tagger_option_errors_are_clear_one_liners(kw: dict[str, str]) -> None:
    with pytest.raises((AnnalesError, ValueError)) as info:
        tag_time("On 22 June the next day.", **kw)
    assert "\n" not in str(info.value) and repr(list(kw.values())[-1]) in str(info.value)


# ---------------------------------------------------------------- calendar layer

_VALUE_CHARS = st.text(st.sampled_from(list("0123456789X-WTQHSPUFAIBCE:./ ")), max_size=24)
_VALUES = st.one_of(
    _VALUE_CHARS,
    st.text(max_size=20),
    st.from_regex(TIMEX3_VALUE, fullmatch=True).map(lambda s: s[:40]),
)


@fast(400)
@given(
    value=_VALUES,
    calendar=st.sampled_from(sorted(CALENDARS)),
    mod=st.sampled_from([None, "START", "MID", "END", "APPROX", "BEFORE", "XYZ"]),
)
def test_calendar_layer_never_raises_on_any_value(
    value: str, calendar: str, mod: str | None
) -> None:
    key = cal.sort_key(value, calendar)
    assert isinstance(key, tuple) and not any(math.isnan(k) for k in key)
    out = cal.to_edtf(value, calendar, mod)
    if out is not None:
        parse_edtf(out)
    for dst in CALENDARS:
        conv = cal.convert(value, calendar, dst)
        assert conv is None or isinstance(conv, str)
    lab = cal.label(value, calendar, mod)
    assert lab is None or ("\n" not in lab and lab.strip())
    b = cal.bounds(value, calendar)
    if b is not None:
        assert b[0] <= b[1], b


@fast(120)
@given(
    value=st.from_regex(TIMEX3_VALUE, fullmatch=True),
    calendar=st.sampled_from(sorted(CALENDARS)),
    mod=st.sampled_from([None, "START", "END"]),
    ttype=st.sampled_from(sorted(TIMEX_TYPES)),
)
def test_finalise_keeps_every_grammatical_value_well_formed(
    value: str, calendar: str, mod: str | None, ttype: str
) -> None:
    from annales.chronicle import Timex

    t = cal.finalise(Timex("t1", 0, 1, "x", ttype, value, mod=mod), calendar)  # type: ignore[arg-type]
    check_timexes("x", [t])


@pytest.mark.parametrize("name", ["mayan", "", "gregorian julian", "julian\n\n1"])
def test_unknown_calendar_names_are_calendar_errors(name: str) -> None:
    with pytest.raises(CalendarError) as info:
        cal.check_calendar(name)
    one_line(info.value)


# ---------------------------------------------------------------- policy and historical forms


@fast(200)
@given(text=TEXTS)
def test_calendar_policy_and_historical_forms_on_any_text(text: str) -> None:
    got, _reason = policy.decide_calendar(text, "auto")
    assert got in CALENDARS
    for c in historical.find(text):
        assert 0 <= c.start < c.end <= len(text), (c.start, c.end)
    ref = historical.infer_reference(text)
    assert ref is None or TIMEX3_VALUE.match(ref[0]), ref


# ---------------------------------------------------------------- full pipeline (quantities)


@pytest.fixture(scope="module")
def nlp() -> Any:
    from annales import nlp as nlp_mod

    return nlp_mod.load()


def check_chronicle(ch: Any) -> None:
    """Every offset of a chronicle slices to its text; figures are finite numbers."""
    text = ch.text
    check_timexes(text, ch.timexes)
    for q in ch.quantities:
        assert text[q.start : q.end] == q.text, (q.start, q.end, q.text)
        assert q.value is None or math.isfinite(q.value), q
        assert q.value2 is None or math.isfinite(q.value2), q
    for e in ch.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for ev in ch.events:
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        assert 0 <= ev.sentence.start <= ev.trigger.start < ev.trigger.end <= ev.sentence.end
        for a in ev.agents + ev.patients + ev.places:
            assert text[a.start : a.end] == a.text
    for qt in ch.quotes:
        assert 0 <= qt.start < qt.end <= len(text)
    for s, e in ch.sentences:
        assert 0 <= s <= e <= len(text)


_NUMBERISH = st.lists(
    st.sampled_from(
        "12,000 1,000,000 999,999,999,999,999,999,999 1e308 0.5 . , 3.14159 fifteen thousand million "
        "billion hundred nineteen to two votes against between and from more than about some nearly "
        "deserters men rifles guns % per cent a an one of the 1917 in 44 1,0,0 ,, 10,00 0000 -".split(
            " "
        )
    ),
    min_size=1,
    max_size=40,
).map(" ".join)


@fast(40)
@given(text=st.one_of(_NUMBERISH, st.text(_any_char, min_size=1, max_size=200), TEXTS))
def test_pipeline_and_quantity_parser_on_any_text(nlp: Any, text: str) -> None:
    from annales.ingest import Source
    from annales.pipeline import read_source

    if not text.strip():
        return
    ch = read_source(Source(id="0" * 64, text=text), nlp=nlp)
    check_chronicle(ch)


# ---------------------------------------------------------------- readers


def make_epub(
    chapters: list[str], *, spine: bool = True, opf_extra: str = "", toc: str | None = None
) -> bytes:
    """A hand-built EPUB 3 (so its parts can be broken on purpose)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:'
            'opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/c.opf" '
            'media-type="application/oebps-package+xml"/></rootfiles></container>',
        )
        items = "".join(
            f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>'
            for i in range(len(chapters))
        )
        refs = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters))) if spine else ""
        nav = (
            (
                '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
                'properties="nav"/>'
            )
            if toc is not None
            else ""
        )
        z.writestr(
            "OEBPS/c.opf",
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" '
            'version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/'
            f'elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>T</dc:title>'
            f"<dc:language>en</dc:language>{opf_extra}</metadata><manifest>{items}{nav}"
            f"</manifest><spine>{refs}</spine></package>",
        )
        for i, body in enumerate(chapters):
            z.writestr(
                f"OEBPS/c{i}.xhtml",
                '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/'
                f'1999/xhtml"><head><title>C{i}</title></head><body>{body}</body></html>',
            )
        if toc is not None:
            z.writestr("OEBPS/nav.xhtml", toc)
    return buf.getvalue()


def make_timeml(body: str, dct: str = "1998-08-07") -> bytes:
    return (
        f'<?xml version="1.0"?><TimeML><DOCID>d</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
        f'value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>'
        f"<TEXT>{body}</TEXT></TimeML>"
    ).encode("utf-8", "surrogatepass")


def try_load(data: bytes, name: str) -> Any:
    try:
        src = load_bytes(data, name)
    except InputError as exc:
        one_line(exc)
        return None
    check_source(src)
    return src


_markup_text = st.lists(
    st.one_of(
        _ctrl,
        st.sampled_from(
            list("<>/=\"'&;#ab p\u00e9\u2014\u202e\ufeff")
            + [
                "<p>",
                "</p>",
                "<b>",
                "</i>",
                "&amp;",
                "&#0;",
                "&#x110000;",
                "<![CDATA[",
                "]]>",
                "<!--",
                "-->",
                "<h1>",
                "June 1917",
            ]
        ),
    ),
    max_size=120,
).map("".join)
_long_token = st.tuples(
    st.sampled_from(["x", "9", "\u00e9", "&amp;", "-"]), st.integers(1, 20_000)
).map(lambda p: p[0] * p[1])
_nest = st.tuples(st.integers(1, 2000), st.sampled_from(["div", "b", "p", "span", "TIMEX3", "s"]))


@fast(80)
@given(
    body=st.one_of(_markup_text, _long_token, st.text(_any_char, max_size=200)),
    nest=_nest,
    spine=st.booleans(),
)
def test_epub_reader_on_hostile_chapters(body: str, nest: tuple[int, str], spine: bool) -> None:
    depth, tag = nest
    nested = f"<{tag}>" * depth + "On 3 July." + f"</{tag}>" * depth
    data = make_epub([body, nested], spine=spine)
    src = try_load(data, "b.epub")
    if src is not None:
        assert spine
    if spine:
        assert src is not None and "On 3 July." in src.text


@fast(60)
@given(data=st.binary(min_size=1, max_size=2000), where=st.integers(0, 10_000))
def test_epub_reader_on_corrupted_zips(data: bytes, where: int) -> None:
    good = bytearray(make_epub(["<p>On 3 July 1917 the crowd gathered.</p>"]))
    where %= len(good)
    good[where : where + len(data)] = data[: len(good) - where]
    try_load(bytes(good), "b.epub")


@fast(50)
@given(
    body=st.one_of(_markup_text, _long_token, st.text(_any_char, max_size=200)),
    nest=_nest,
    dct=st.one_of(st.sampled_from(["1998-08-07", "", "garbage", "19980807"]), st.text(max_size=12)),
)
def test_timeml_reader_on_hostile_text(body: str, nest: tuple[int, str], dct: str) -> None:
    depth, tag = nest
    nested = f"<{tag}>" * depth + "On 3 July." + f"</{tag}>" * depth
    dct = dct.replace("&", "").replace("<", "").replace('"', "")
    for text in (body, nested, body + nested):
        src = try_load(make_timeml(text, dct), "d.tml")
        if src is not None and src.dct is not None:
            tag_kw = {"mode": "news", "dct": src.dct}
            try:
                check_timexes(src.text, tag_time(src.text, **tag_kw))
            except ValueError as exc:  # an unusable DCT must be refused clearly, see below
                assert "dct" in str(exc)


@fast(80)
@given(
    body=st.one_of(_markup_text, _long_token, st.text(_any_char, max_size=300)),
    name=st.sampled_from(["x.html", "x.md", "x.txt", "noext", "x.txt.gz", "x.html.gz"]),
)
def test_text_html_markdown_readers_on_control_chars_and_long_tokens(body: str, name: str) -> None:
    data = body.encode("utf-8", "surrogatepass")
    if name.endswith(".gz"):
        data = gzip.compress(data)
    src = try_load(data, name)
    if src is not None:
        check_timexes(src.text, tag_time(src.text))
