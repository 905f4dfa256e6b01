"""Quantities: figures with what they count ("12,000 deserters", "more than 50,000 deserters",
"fifteen thousand men", a vote of "nineteen to two").

A linear scan over the tokens of a parsed chunk: runs of number tokens (digits or words from
``numbers.toml``) become one value; the counted noun comes from the dependency parse
(``nummod`` head) or the next noun; approximation cues are read around the figure. Dates,
years, ordinals and numbers inside names are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from annales.nlp import data_toml

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SKIP_ENTS = frozenset(
    {"ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "MIL_UNIT", "WORK_OF_ART", "LAW", "EVENT"}
)
_RANGE_OPENERS = frozenset({"from", "between"})
_YEAR_PREPS = frozenset(
    {"in", "since", "until", "till", "by", "of", "from", "to", "before", "after", "during", "year"}
)


@dataclass(frozen=True, slots=True)
class _Lex:
    units: dict[str, int]
    scales: dict[str, int]
    approx_before: tuple[tuple[str, ...], ...]
    approx_after: tuple[tuple[str, ...], ...]
    joiners: frozenset[str]
    time_units: frozenset[str]
    reference: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lex:
    d = data_toml("numbers.toml")
    cues = d["cues"]
    return _Lex(
        units=dict(d["units"]),
        scales=dict(d["scales"]),
        approx_before=tuple(
            sorted((tuple(c.split()) for c in cues["approximate_before"]), key=len, reverse=True)
        ),
        approx_after=tuple(
            sorted((tuple(c.split()) for c in cues["approximate_after"]), key=len, reverse=True)
        ),
        joiners=frozenset(cues["vote_joiners"]),
        time_units=frozenset(w.lower() for w in cues["time_units"]),
        reference=frozenset(w.lower() for w in cues["reference_nouns"]),
    )


@dataclass(slots=True)
class RawQuantity:
    """A figure found in a chunk: full-text offsets plus the token index of the number."""

    start: int
    end: int
    value: float
    unit: str | None
    approximate: bool
    value2: float | None
    token_i: int  # index (in the chunk Doc) of the last number token
    head_i: int | None  # index of the counted noun


def _word_value(tok: Any, lex: _Lex) -> tuple[str, float] | None:
    """('num'|'unit'|'scale', value) for a number-ish token, else None."""
    low = tok.lower_
    if _DIGITS.match(tok.text):
        return "num", float(tok.text.replace(",", ""))
    if low in lex.units:
        return "unit", float(lex.units[low])
    if low in lex.scales:
        return "scale", float(lex.scales[low])
    return None


def _combine(parts: list[tuple[str, float]]) -> float:
    total, current = 0.0, 0.0
    for kind, v in parts:
        if kind == "scale":
            if v == 100:
                current = (current or 1) * v
            else:
                total += (current or 1) * v
                current = 0.0
        else:
            current += v
    return total + current


def _number_run(doc: Any, i: int, lex: _Lex) -> tuple[int, float, bool] | None:
    """(index after the run, value, has_words) for a number run starting at token i."""
    parts: list[tuple[str, float]] = []
    j = i
    n = len(doc)
    words = False
    if doc[i].lower_ in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in lex.scales:
        parts.append(("unit", 1.0))
        j = i + 1
    while j < n:
        tok = doc[j]
        wv = _word_value(tok, lex)
        if wv is not None:
            if wv[0] == "num" and parts and parts[-1][0] in ("num", "unit"):
                break  # "2 3" are two figures
            parts.append(wv)
            words = words or wv[0] != "num"
            j += 1
            continue
        # "two hundred and fifty", "twenty-five"
        if (
            parts
            and tok.text in ("and", "-")
            and j + 1 < n
            and (w2 := _word_value(doc[j + 1], lex)) is not None
            and w2[0] == "unit"
            and (tok.text == "-" or parts[-1][0] == "scale")
        ):
            j += 1
            continue
        break
    if not parts or (parts[0][0] == "scale" and j - i == 1 and doc[i].lower_ not in ("a", "an")):
        return None
    return j, _combine(parts), words


def _not_a_count(doc: Any, first: int, last: int) -> bool:
    """Footnote marks ("[54]", "572]"), and parts of hyphenated words ("seventy-fourth",
    "two-thirds", "three-year")."""
    n = len(doc)
    before = doc[first - 1].text if first > 0 else ""
    after = doc[last + 1] if last + 1 < n else None
    if before in ("[", "{") or (after is not None and after.text in ("]", "}")):
        return True
    return after is not None and after.text in ("-", "–") and not doc[last].whitespace_


def _bare_numbers(tok: Any, lex: _Lex) -> bool:
    """Whether the DATE/TIME entity around ``tok`` is only figures (NER's guess, not a date)."""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return all(
                t.like_num or t.lower_ in lex.joiners or t.lower_ in ("and", "-", ",") for t in ent
            )
    return True


def _approx_before(doc: Any, i: int, lex: _Lex) -> int | None:
    """Start index of an approximation cue ending right before token i."""
    for cue in lex.approx_before:
        k = len(cue)
        if i - k < 0:
            continue
        if tuple(t.lower_ for t in doc[i - k : i]) == cue:
            return i - k
    return None


def _approx_after(doc: Any, j: int, lex: _Lex) -> bool:
    for cue in lex.approx_after:
        if tuple(t.lower_ for t in doc[j : j + len(cue)]) == cue:
            return True
    return False


def _counted_noun(doc: Any, first: int, last: int, after: int) -> tuple[int, int] | None:
    """(start, head) token indices of the noun phrase a figure counts, or None."""
    tok = doc[last]
    head = tok.head
    if (
        tok.dep_ in ("nummod", "quantmod", "compound")
        and head.i > last
        and head.pos_ in ("NOUN", "PROPN")
    ):
        h = head
    else:
        h = None
        k = after
        limit = min(len(doc), after + 4)
        while (
            k < limit
            and doc[k].pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "ADV")
            and doc[k].text not in (",", ";", ":", ".", "(", ")")
        ):
            if doc[k].pos_ in ("NOUN", "PROPN") and (
                k + 1 >= len(doc) or doc[k + 1].pos_ not in ("NOUN",)
            ):
                h = doc[k]
                break
            k += 1
        if h is None and after < len(doc) and doc[after].lower_ == "of":
            # "15,000 of the soldiers"
            for c in doc[after].children:
                if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN"):
                    return c.i, c.i
            return None
        if h is None:
            return None
    # The unit phrase: compounds right before the head ("machine-gunners").
    s = h.i
    while s - 1 > last and (doc[s - 1].dep_ == "compound" or doc[s - 1].text == "-"):
        s -= 1
    return s, h.i


def quantities_from_doc(doc: Any, offset: int, text: str, blocked: Any = None) -> list[RawQuantity]:
    """Figures in one parsed chunk. ``blocked(start, end)`` says a char span is a timex."""
    lex = lexicon()
    out: list[RawQuantity] = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        low = tok.lower_
        if not (tok.like_num or low in ("a", "an")) or tok.ent_type_ in _SKIP_ENTS:
            i += 1
            continue
        if tok.ent_type_ in ("DATE", "TIME") and not _bare_numbers(tok, lex):
            i += 1
            continue
        run = _number_run(doc, i, lex)
        if run is None:
            i += 1
            continue
        j, value, words = run
        first, last = i, j - 1
        if _not_a_count(doc, first, last):
            i = j
            continue
        s_char, e_char = offset + doc[first].idx, offset + doc[last].idx + len(doc[last].text)
        if blocked is not None and blocked(s_char, e_char):
            i = j
            continue
        if j - i == 1 and low in ("one", "a", "an"):
            i = j
            continue
        raw_year = (
            not words
            and "," not in tok.text
            and "." not in tok.text
            and 1000 <= value <= 2100
            and j - i == 1
        )
        if raw_year and i > 0 and doc[i - 1].lower_ in _YEAR_PREPS:
            i = j
            continue
        # Vote or range: "nineteen to two", "from 10,000 to 15,000 men".
        value2 = None
        approximate = False
        if j + 1 < n and doc[j].lower_ in lex.joiners | {"and"}:
            run2 = _number_run(doc, j + 1, lex) if doc[j + 1].like_num else None
            if run2 is not None:
                j2, v2, _ = run2
                opener = doc[i - 1].lower_ if i > 0 else ""
                nxt = doc[j2] if j2 < n else None
                if doc[j].lower_ == "and" and opener != "between":
                    run2 = None
                elif opener in _RANGE_OPENERS or (
                    nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ not in ("votes", "vote")
                ):
                    value2, approximate, last, j = v2, True, j2 - 1, j2  # a range
                elif (
                    nxt is None
                    or nxt.is_punct
                    or nxt.lower_ in ("votes", "vote", "in", "against", "with")
                ):
                    # a vote or score
                    e_vote = offset + doc[j2 - 1].idx + len(doc[j2 - 1].text)
                    unit = "votes"
                    if nxt is not None and nxt.lower_ in ("votes", "vote"):
                        e_vote = offset + nxt.idx + len(nxt.text)
                    out.append(RawQuantity(s_char, e_vote, value, unit, False, v2, j2 - 1, None))
                    i = j2
                    continue
        if (
            j + 2 < n
            and doc[j].lower_ in ("votes", "vote")
            and doc[j + 1].lower_ in lex.joiners
            and (run2 := _number_run(doc, j + 2, lex)) is not None
        ):
            j2, v2, _ = run2
            e_vote = offset + doc[j2 - 1].idx + len(doc[j2 - 1].text)
            out.append(RawQuantity(s_char, e_vote, value, "votes", False, v2, j2 - 1, None))
            i = j2
            continue
        noun = _counted_noun(doc, first, last, j)
        if noun is None:
            # Percentages and money keep their sign as unit.
            if j < n and doc[j].text in ("%", "per", "percent"):
                unit = "per cent"
                end_tok = doc[j + 1] if doc[j].text == "per" and j + 1 < n else doc[j]
                e = offset + end_tok.idx + len(end_tok.text)
                out.append(RawQuantity(s_char, e, value, unit, False, value2, last, None))
            elif i > 0 and doc[i - 1].text in ("$", "£", "€"):
                out.append(
                    RawQuantity(
                        s_char - 1, e_char, value, doc[i - 1].text, False, value2, last, None
                    )
                )
            i = j
            continue
        u0, h = noun
        head = doc[h]
        if (
            head.lower_ in lex.time_units
            or head.lower_ in lex.reference
            or head.ent_type_ in ("DATE", "TIME")
        ):
            i = j
            continue
        if head.tag_ == "NNP" or (raw_year and head.pos_ == "PROPN"):
            i = j
            continue  # "227 Severus": a singular name is not what a figure counts
        cue = _approx_before(doc, i, lex)
        start_tok = first
        if cue is not None:
            approximate = True
            start_tok = cue
        if _approx_after(doc, j, lex):
            approximate = True
        unit_text = re.sub(
            r"\s+", " ", text[offset + doc[u0].idx : offset + head.idx + len(head.text)]
        )
        end_char = offset + head.idx + len(head.text)
        start_char = offset + doc[start_tok].idx
        if end_char <= start_char:
            i = j
            continue
        out.append(
            RawQuantity(start_char, end_char, value, unit_text, approximate, value2, last, h)
        )
        i = j
    return out
