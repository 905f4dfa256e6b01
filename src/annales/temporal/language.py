"""Load a language's lexicon (``lexicon/<lang>.toml``) and compile its rules.

The TOML holds word tables and rule patterns with ``{macro}`` placeholders; this module turns
each table into a named-group alternation and each rule into a compiled regex, plus the
vocabulary the recogniser uses to find candidate stretches quickly. Nothing here is English.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, TypeAlias

from annales.temporal.firstchars import first_chars, required_chars

Trie: TypeAlias = dict[str, "Trie"]  # one character per level; "" marks a word end

# table name in the TOML -> (macro name, word class used by rule `needs`)
TABLES: dict[str, tuple[str, str]] = {
    "months": ("month", "month"),
    "weekdays": ("weekday", "weekday"),
    "ordinals": ("ordinal", "ordinal"),
    "units": ("unit", "unit"),
    "seasons": ("season", "season"),
    "parts_of_day": ("part", "partofday"),
    "clock_words": ("clock", "clock"),
    "holidays": ("holiday", "holiday"),
    "generic_refs": ("ref", "generic"),
    "deictic_days": ("deictic", "deictic"),
    "clock_days": ("clockday", "clockday"),
    "day_marks": ("daymark", "daymark"),
    "relatives": ("rel", "relative"),
    "offset_words": ("offset", "offset"),
    "point_mods": ("pmod", "pmod"),
    "duration_mods": ("dmod", "dmod"),
    "frequencies": ("freq", "frequency"),
    "decade_words": ("decadeword", "decadeword"),
    "eras": ("era", "era"),
    "ampm": ("ampm", "ampm"),
    # historical day names (temporal/feasts.py)
    "roman_days": ("romanday", "romanday"),
    "saint_titles": ("sainttitle", "sainttitle"),
    "saints": ("saint", "saint"),
    "holy_names": ("holyname", "holyname"),
    "feast_kinds": ("feastkind", "feastkind"),
    "feasts": ("feast", "feastname"),
    "feast_weeks": ("feastweek", "feastweek"),
    "feast_relations": ("feastrel", "feastrel"),
    "feast_suffixes": ("feastsuffix", "feastsuffix"),
    "canonical_hours": ("canonhour", "canonhour"),
    "watches": ("watch", "shipwatch"),
}

# Tables whose single words can carry an expression (a stretch needs one of them).
CORE_TABLES = frozenset(
    {
        "months",
        "weekdays",
        "units",
        "seasons",
        "parts_of_day",
        "clock_words",
        "holidays",
        "generic_refs",
        "deictic_days",
        "frequencies",
        "decade_words",
        "eras",
        "ampm",
    }
)

# Literal words in rule `needs` that are too common to start a stretch by themselves.
_NOT_CORE = frozenset({"the", "before", "after", "every", "each", "o", "old", "past", "to"})

_MACRO = re.compile(r"\{([A-Za-z]\w*)(?:@(\w+))?\}")
_MACRO_NAME = re.compile(r"\{([A-Za-z]\w*)(?:@\w+)?\}")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(slots=True)
class Rule:
    """One recognition rule: a compiled pattern and how to normalise what it matches."""

    name: str
    kind: str
    type: str
    regex: re.Pattern[str]
    needs: tuple[frozenset[str], ...]
    requires_mod: bool = False
    priority: int = 0
    first: frozenset[str] | None = None  # ASCII characters a match can start with (None: any)
    # sets of ASCII characters a match holds one of each ("-" for an ISO date): firstchars
    required: tuple[frozenset[str], ...] = ()


@dataclass(slots=True)
class Lexicon:
    """A language's word tables, compiled rules and recognition vocabulary."""

    language: str
    tables: dict[str, dict[str, Any]]
    data: dict[str, Any]
    rules: list[Rule]
    word_classes: dict[str, frozenset[str]]
    pmod_re: re.Pattern[str]
    dmod_re: re.Pattern[str]
    smod_re: re.Pattern[str]
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    vocab_re: re.Pattern[str] | None = None  # any vocabulary word or number, as one token
    core_re: re.Pattern[str] | None = None  # a word or number that can carry an expression
    # the last word of every point / duration modifier ("of" for "the end of"): where the word
    # before a hit is none of them, the (costly, unanchored) modifier search cannot match
    pmod_last: frozenset[str] = frozenset()
    dmod_last: frozenset[str] = frozenset()
    # the ASCII characters a suffix modifier ("1994 or later") can start with (None: any)
    smod_first: frozenset[str] | None = None
    # a length's modifier after it, in narratives ("a week and more", "a hundred years at least")
    dsmod_re: re.Pattern[str] | None = None
    # a memoir's "It is now twenty years since": how long before its writing the story was
    telling_res: tuple[re.Pattern[str], ...] = ()
    # a month's name as written, capitalised ("April", "Jan."): where a diary's month is told
    month_word_re: re.Pattern[str] = re.compile(r"(?!)")
    # (table, phrase as written) -> value: the same few words are looked up again and again
    looked_up: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False, compare=False)

    def lookup(self, table: str, phrase: str | None) -> Any:
        """Value of ``phrase`` in ``table``, whitespace- and case-insensitive (None if absent)."""
        if phrase is None:
            return None
        got = self.looked_up.get((table, phrase), _ABSENT)
        if got is _ABSENT:
            key = " ".join(phrase.lower().replace("’", "'").split())
            got = self.tables[table].get(key)
            if len(self.looked_up) < _LOOKUPS_KEPT:
                self.looked_up[(table, phrase)] = got
        return got


_ABSENT = object()
_LOOKUPS_KEPT = 100_000  # beyond this many distinct phrases, look the others up afresh


def trie_regex(words: list[str], escape: Callable[[str], str] = re.escape) -> str:
    """A regex matching exactly ``words``, factored by common prefixes (fast to scan with, and
    fast to fail: one test per character instead of one per word). A longer word is tried
    before its prefixes, as in a longest-first alternation."""
    trie: Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: Trie) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _key_char(ch: str) -> str:
    return r"\s+" if ch == " " else "['’]" if ch == "'" else re.escape(ch)


def _alternation(keys: list[str]) -> str:
    """Regex matching any of ``keys`` (longest first), spaces matching any whitespace and an
    apostrophe either apostrophe."""
    return "(?:" + trie_regex(sorted({re.sub(r" +", " ", k) for k in keys}), _key_char) + ")"


def _wordnum(tables: dict[str, Any], data: dict[str, Any]) -> str:
    nums = data["numbers"]
    units = [
        k
        for k, v in nums.items()
        if isinstance(v, int) and 0 < v < 10 and k not in ("a", "an", "single")
    ]
    teens = [k for k, v in nums.items() if isinstance(v, int) and 10 <= v < 20]
    tens = list(nums["tens"])
    scales = list(nums["scales"])
    u = _alternation(units)
    # (the older "three-and-twenty", "five and thirty" first: the unit alone is shorter;
    # not "between two and twenty days", a range)
    core = (
        f"(?:(?<!between\\s){u}[\\s-]+and[\\s-]+{_alternation(tens)}"
        f"|{_alternation(tens)}(?:[\\s-]+{u})?|{_alternation(teens)}|{u})"
    )
    scaled = f"(?:(?:{core}|a|an)[\\s-]+{_alternation(scales)}(?:[\\s-]+(?:and[\\s-]+)?{core})?)"
    return f"(?:{scaled}|{core}|{_alternation(['a', 'an', 'a single', 'dozen', 'a dozen'])})"


# a quantity's noun or "than" after "and more" ("three days and more troops, men, than ..."):
# then "more" counts those, not the length
_NOT_A_QUANTITY = r"(?!\s+(?:[^\W\d_]+s|men|people|than|of)\b)"


def _macros(data: dict[str, Any]) -> dict[str, str]:
    tables = {t: data.get(t, {}) for t in TABLES}
    m: dict[str, str] = {}
    for table, (macro, _cls) in TABLES.items():
        keys = [
            k
            for k, v in tables[table].items()
            if not isinstance(v, (dict, list)) or table in ("deictic_days", "clock_days")
        ]
        m[macro] = _alternation(keys)
    m["wordnum"] = _wordnum(tables, data)
    ords = data["ordinals"]
    day_words = [k for k, v in ords.items() if isinstance(v, int) and 1 <= v <= 31]
    m["day"] = (
        f"(?:(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th|d)?(?![0-9])|{_alternation(day_words)})"
    )
    m["dayd"] = "(?:(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th|d)(?![0-9]))"
    # a day of the month in words that reads as no rank: "the seventeenth", not "the first"
    m["dayw"] = _alternation([k for k in day_words if 4 <= ords[k] <= 31])
    m["year"] = "(?:1[0-9]{3}|20[0-9]{2}|[’'][0-9]{2})(?![0-9])"
    m["qord"] = "(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
    cent = [k for k, v in ords.items() if isinstance(v, int) and 1 <= v <= 21]
    m["centord"] = _alternation(cent)
    m["relx"] = (
        "(?:past|last|next|first|coming|previous|following|final|initial|latest|preceding|ensuing|remaining|subsequent)"
    )
    m["vague"] = _alternation(data["numbers"]["vague_numbers"])
    for name, pat in data.get("macros", {}).items():
        m[name] = pat
    return m


def _splice(pattern: str, fragments: dict[str, str]) -> str:
    """Put each ``{fragment}`` in as written, so the groups it names are the rule's own
    (a macro's inner groups are not: it may be used twice in one rule)."""
    return _MACRO.sub(lambda mo: fragments.get(mo.group(1), mo.group(0)), pattern)


def _expand(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    def sub(mo: re.Match[str]) -> str:
        name, group = mo.group(1), mo.group(2)
        body = macros[name]
        if depth < 3 and "{" in body:
            body = _expand(body, macros, depth + 1)
        if name in ("sep", "the") or depth > 0:
            return f"(?:{body})"
        return f"(?P<{group or name}>{body})"

    return _MACRO.sub(sub, pattern)


def _word_classes(
    data: dict[str, Any], rules_raw: list[dict[str, Any]]
) -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}

    def add(word: str, cls: str) -> None:
        classes.setdefault(word, set()).add(cls)

    for table, (_macro, cls) in TABLES.items():
        for key in data.get(table, {}):
            words = _WORD.findall(key.lower())
            for w in words:
                add(w, cls)
                add(w, w)
            if words and table in CORE_TABLES and words[0] != "of":
                # "the near future": the head word carries it (not an era told after its
                # year, "705 of the city": the year's digits open that stretch)
                add(words[-1], "core")
    for key, v in data["numbers"].items():
        if isinstance(v, int):
            add(key, "number")
            add(key, key)
            if key not in ("a", "an", "single"):
                add(key, "core")
    for key, v in data["ordinals"].items():
        if isinstance(v, int):
            *lead, head = _WORD.findall(key.lower())
            for w in lead:  # "four and twentieth": "and" is no ordinal, nor a core word
                add(w, w)
            add(head, "ordinal")
            add(head, "core")
    for w in (
        "decade",
        "decades",
        "century",
        "centuries",
        "quarter",
        "half",
        "fiscal",
        "ago",
        "year",
        "weekend",
        "period",
    ):
        add(w, "core")
    for w in data["numbers"]["vague_numbers"]:
        for t in _WORD.findall(w):
            add(t, "vague")
            add(t, t)
    class_names = {cls for _m, cls in TABLES.values()} | {
        "digit",
        "number",
        "ordinal",
        "vague",
        "core",
    }
    for r in rules_raw:
        for need in r.get("needs", []):
            for w in need.split("|"):
                if w not in class_names and w not in _NOT_CORE:
                    add(w, w)
                    add(w, "core")
    # the words a rule's pattern spells out, and those of the hand-written macros it uses
    # ("{undertaking}": "siege", "return"), are the vocabulary its stretches may hold
    own = data.get("macros", {})
    for r in rules_raw:
        pat = r["pattern"] + " ".join(own.get(n, "") for n in _MACRO_NAME.findall(r["pattern"]))
        pat = re.sub(r"\(\?P<\w+>|\\[a-zA-Z]|\{[\w@]+\}", " ", pat)
        for w in _WORD.findall(pat.lower()):
            add(w, w)
    return {w: frozenset(c) for w, c in classes.items()}


@cache
def load(language: str = "en") -> Lexicon:
    """Load and compile the lexicon for ``language`` (cached: compile once per process)."""
    raw = (
        resources.files("annales.temporal.lexicon").joinpath(f"{language}.toml").read_text("utf-8")
    )
    data = tomllib.loads(raw)
    macros = _macros(data)
    rules = []
    fragments = data.get("fragments", {})
    for r in data.get("rule", []):
        body = _expand(_splice(r["pattern"], fragments), macros)
        source = r"(?<![\w])(?:" + body + r")(?![^\W_])"
        regex = re.compile(source, re.IGNORECASE)
        needs = tuple(frozenset(n.split("|")) for n in r.get("needs", []))
        rules.append(
            Rule(
                name=r["name"],
                kind=r["kind"],
                type=r["type"],
                regex=regex,
                needs=needs,
                requires_mod=bool(r.get("requires_mod", False)),
                priority=int(r.get("priority", 0)),
                first=first_chars(source, re.IGNORECASE),
                required=required_chars(source, re.IGNORECASE),
            )
        )
    tables = {t: {k.lower(): v for k, v in data.get(t, {}).items()} for t in TABLES}
    tables["numbers"] = {k: v for k, v in data["numbers"].items() if isinstance(v, int)}
    tables["ordinals"] = {k: v for k, v in data["ordinals"].items()}
    tables["multiplicatives"] = dict(data["multiplicatives"])
    tables["suffix_mods"] = {
        " ".join(k.lower().split()): v for k, v in data.get("suffix_mods", {}).items()
    }
    tables["period_ordinals"] = dict(data["period_ordinals"])
    tables["ordinal_tens"] = dict(data.get("ordinal_tens", {}))
    pmod_re = re.compile(
        r"(?<![\w])(?P<mod>" + macros["pmod"] + r")(?:\s+|-|\s*-\s*|(?<=-))$", re.IGNORECASE
    )
    smod_re = re.compile(
        r"\s*,?\s*(?P<mod>" + _alternation(list(data.get("suffix_mods", {}))) + r")(?![^\W_])",
        re.IGNORECASE,
    )
    dmod_re = re.compile(r"(?<![\w])(?P<mod>" + macros["dmod"] + r")\s+$", re.IGNORECASE)
    tables["duration_suffix_mods"] = {
        " ".join(k.lower().split()): v for k, v in data.get("duration_suffix_mods", {}).items()
    }
    # ("and more" not quantifying what follows: "a week and more without a line", but not
    # "three days and more troops"; "a year at least to rebuild" is fine)
    dsmods = list(data.get("duration_suffix_mods", {}))
    closing = [k for k in dsmods if k.startswith("and ")]
    dsmod_re = (
        re.compile(
            r"\s*,?\s*(?P<mod>"
            + (f"{_alternation(closing)}{_NOT_A_QUANTITY}|" if closing else "")
            + _alternation([k for k in dsmods if k not in closing])
            + r")(?![^\W_])",
            re.IGNORECASE,
        )
        if dsmods
        else None
    )
    lists = {
        "ambiguous_months": frozenset(data["months"].get("ambiguous_months", [])),
        "narrator_now_words": frozenset(data["narrator_now"]["words"]),
        "salutations": frozenset(data["dateline"]["salutations"]),
        "famous_story_after": frozenset(data["famous_context"]["story_after"]),
        "ruler_offices": frozenset(data["regnal"]["offices"] + data["regnal"]["female_offices"]),
        "female_offices": frozenset(data["regnal"]["female_offices"]),
        "background_headings": frozenset(data["sections"]["background"]),
        "holiday_not_after": frozenset(data["holiday_context"]["not_after"]),
        # (the feast kinds' word lists, read once here rather than per match)
        "feast_not_before": frozenset(data["feast_context"]["not_before"]),
        "feast_time_prepositions": frozenset(data["feast_context"]["time_prepositions"]),
        "canonical_after": frozenset(data["canonical_context"]["after"]),
        "deictic_words": frozenset(data["dateline"]["deictic"]),
        "writing_days": frozenset(data["dateline"]["writing_days"]),
        "allusion_articles": frozenset(data["allusion"]["articles"]),
        "offset_clause_after": frozenset(data["offset_context"]["clause_after"]),
        "day_clause_after": frozenset(
            data["offset_context"]["clause_after"] + data["offset_context"]["day_clause_after"]
        ),
        "past_ref_words": frozenset(data["ref_words"]["past"]),
        "story_night_words": frozenset(data["story_night"]["words"]),
        "weekday_name_words": frozenset(data["ordinal_context"]["weekday_names"]),
        "weekday_name_heads": frozenset(data["ordinal_context"]["weekday_name_heads"]),
        "narrator_now_before": frozenset(data["narrator_now"]["before"]),
        "narrator_now_before_today": frozenset(data["narrator_now"]["before_today"]),
        "narrator_now_still": frozenset(data["narrator_now"]["still"]),
        "narrator_now_lasting": frozenset(data["narrator_now"]["lasting"]),
        "narrator_now_lasting_far": frozenset(data["narrator_now"]["lasting_far"]),
        "tens": frozenset(data["numbers"]["tens"]),
        "vague": frozenset(" ".join(v.split()) for v in data["numbers"]["vague_numbers"]),
        "time_units": frozenset(data["unit_info"]["time_units"]),
        "anaphoric": frozenset(data["relative_info"]["anaphoric"]),
        "deictic_offsets": frozenset(data["offset_info"]["deictic"]),
        "future": frozenset(data["tense"]["future"]),
        "present": frozenset(data["tense"]["present"]),
        "subordinators": frozenset(data["tense"]["subordinators"]),
        "modals": frozenset(data["tense"]["modals"]),
        "clock_age_words": frozenset(data["clock_context"]["age_words"]),
        "stretch_preps": frozenset(data["stretch_context"]["preps"]),
        "present_nouns": frozenset(data["generic_context"]["present_nouns"])
        | frozenset(data["generic_context"]["present_then"]),
        "clock_fives_not_after": frozenset(data["clock_context"]["fives_not_after"]),
        "clock_fives_next": frozenset(data["clock_context"]["fives_next"]),
        "past": frozenset(data["tense"]["past"]),
        "not_past": frozenset(data["tense"]["not_past"]),
        "aux_skip": frozenset(data["tense"]["aux_skip"]),
        "perfect": frozenset(data["tense"]["perfect"]),
        "past_prepositions": frozenset(data["tense"]["past_prepositions"]),
        "tense_noun_after": frozenset(data["tense"]["noun_after"]),
        "tense_weak": frozenset(data["tense"]["weak"]),
        "perfect_between": frozenset(data["tense"]["perfect_between"]),
        "participle_endings": frozenset(data["tense"]["participle_endings"]),
        "participles": frozenset(data["tense"]["participles"]),
        "clause_openers": frozenset(data["tense"]["clause_openers"]),
        "tense_future_to": frozenset(data["tense"]["future_to"]),
        "tense_future_to_weekday": frozenset(data["tense"]["future_to_weekday"]),
        "tense_future_to_object": frozenset(data["tense"]["future_to_object"]),
        "tense_adjective_adverbs": frozenset(data["tense"]["adjective_adverbs"]),
        "abbreviations": frozenset(data["tense"]["abbreviations"]),
        "year_not_before": frozenset(data["year_context"]["not_before"]),
        "year_not_after": frozenset(data["year_context"]["not_after"]),
        "written_year_after": frozenset(data["year_context"]["written_after"]),
        "written_year_followers": frozenset(data["year_context"]["written_followers"]),
        "ordinal_not_before": frozenset(data["ordinal_context"]["not_before"]),
        "mods_outside": frozenset(data["span"]["mods_outside"]),
        "ahead_before": frozenset(data["tense"]["ahead_before"]),
        "season_heads": frozenset(data["season_context"]["heads"]),
        "mods_outside_narratives": frozenset(data["span"]["mods_outside"])
        - frozenset(data["span"]["mods_inside_in_narratives"]),
        "adverb_followers": frozenset(data["frequency_context"]["adverb_followers"]),
        "year_sets_reference_after": frozenset(data["year_context"]["sets_reference_after"]),
        "rate_not_after": frozenset(data["rate_context"]["not_after"]),
        "month_after": frozenset(data["month_context"]["after"]),
        "range_connectors": frozenset(data["range_context"]["connectors"]),
        "range_openers": frozenset(data["range_context"]["openers"]),
        "season_not_before": frozenset(data["season_context"]["not_before"]),
        "part_not_before": frozenset(data["part_context"]["not_before"]),
        "weekday_not_before": frozenset(data["part_context"]["weekday_not_before"]),
        "day_not_before": frozenset(data["part_context"]["day_not_before"]),
        "ordinal_day_after": frozenset(data["ordinal_context"]["day_after"]),
        "word_day_before": frozenset(data["ordinal_context"]["word_day_before"]),
        "ordinal_units": frozenset(data["ordinal_context"]["units"]),
        "passing_after": frozenset(data["passing_context"]["after"]),
        "passing_frame_nouns": frozenset(data["passing_context"]["frame_nouns"]),
        "passing_determiners": frozenset(data["passing_context"]["determiners"]),
        "passing_signals": frozenset(data["passing_context"]["signals"]),
        "bound_signals": frozenset(data["passing_context"]["bound_signals"]),
        "plan_verbs": frozenset(data["passing_context"].get("plan_verbs", [])),
        "plan_preps": frozenset(data["passing_context"].get("plan_preps", [])),
        "future_auxiliaries": frozenset(data["passing_context"].get("future_auxiliaries", [])),
        "comparison_words": frozenset(data["comparison"]["before"]),
        "bare_unit_after": frozenset(data["bare_unit_context"]["after"]),
        "bare_short_unit_after": frozenset(data["bare_unit_context"]["short_after"]),
        "relative_not_after": frozenset(data["relative_context"]["not_after"]),
    }
    classes = _word_classes(
        data, data.get("rule", []) + [{"pattern": macros[k]} for k in ("qord", "relx")]
    )
    from annales.temporal.clues import ruler_words  # (clues reads the language's word forms)

    for w in ruler_words(lists["ruler_offices"]) - classes.keys():
        classes[w] = frozenset({"ruler"})
    # scans lower-cased text (case-sensitive matching is much faster in `re`)
    vocab_re = re.compile(
        r"(?<![^\W_])(?:" + trie_regex(sorted(classes)) + r"|[0-9][^\W_]*)(?![^\W_])"
    )
    core_words = sorted(w for w, c in classes.items() if "core" in c)
    core_re = re.compile(r"(?<![^\W_])(?:" + trie_regex(core_words) + r"|[0-9][^\W_]*)(?![^\W_])")
    return Lexicon(
        language=data.get("language", language),
        tables=tables,
        data=data,
        rules=rules,
        word_classes=classes,
        vocab_re=vocab_re,
        core_re=core_re,
        pmod_re=pmod_re,
        smod_re=smod_re,
        dmod_re=dmod_re,
        lists=lists,
        pmod_last=_last_words(data.get("point_mods", {})),
        dmod_last=_last_words(data.get("duration_mods", {})),
        smod_first=first_chars(smod_re.pattern, smod_re.flags),
        dsmod_re=dsmod_re,
        month_word_re=re.compile(
            r"\b(?:"
            + "|".join(
                re.escape(k.rstrip(".").capitalize())
                for k in sorted(data["months"], key=len, reverse=True)
                if k.rstrip(".").isalpha()
            )
            + r")\b"
        ),
        telling_res=tuple(
            re.compile(p.replace("{n}", _expand("{numx@n}", macros)), re.IGNORECASE)
            for p in data.get("telling", {}).get("years_since", [])
        ),
    )


def _last_words(table: dict[str, Any]) -> frozenset[str]:
    return frozenset(
        re.findall(r"[^\W\d_]+", k)[-1].lower()
        for k, v in table.items()
        if not isinstance(v, (dict, list)) and re.search(r"[^\W\d_]", k)
    )
