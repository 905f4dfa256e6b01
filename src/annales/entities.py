"""Entities: spaCy NER plus the gazetteer ruler, junk filtering and in-document alias clusters.

Per chunk, :func:`mentions_from_doc` keeps the NER/ruler spans worth keeping (offsets in the
full text); once the whole document is read, :func:`cluster` groups mentions into entities:
same normalised name, a surname for a full personal name (``Shklovsky`` →
``Viktor Shklovsky``), an acronym with the expansion the text gives (``VTsIK – the
All-Russian Soviet Ispolkom``) or whose initials it is (``CC`` → ``Central Committee``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from annales.chronicle import Entity, Mention
from annales.nlp import data_list, data_toml

KEEP_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "WORK_OF_ART", "LAW", "EVENT", "MIL_UNIT"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NO_DIGITS = frozenset({"PERSON", "GPE", "LOC", "NORP"})
_LEADING = ("the ", "The ", "THE ", "a ", "A ", "an ", "An ")
_TRAILING = ("’s", "'s", "’", "'")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_WS = re.compile(r"\s+")
_NAME_PUNCT = frozenset({"-", ".", "'", "’", "&"})
_ACRONYM = r"(?:[A-Z][A-Za-z]{0,4}[A-Z][A-Za-z]{0,4}|[A-Z]\.(?:[A-Z]\.)+)"
_NAME = r"[A-Z][\w’'.-]*(?:[ \t]+(?:(?:of|for|de|du|des|la|le|on)(?:[ \t]+the)?[ \t]+|and[ \t]+)?[A-Z][\w’'-]*)*"
_ACR_THEN_EXP = re.compile(
    rf"\b(?P<acr>{_ACRONYM})\s*(?:\(|[–—]|--?)\s*(?:the\s+)?(?P<exp>{_NAME})"
)
_EXP_THEN_ACR = re.compile(rf"(?P<exp>{_NAME})\s*\(\s*(?:the\s+)?(?P<acr>{_ACRONYM})\s*\)")


@dataclass(slots=True)
class RawMention:
    """A mention before clustering: offsets into the full text and the label NER gave."""

    start: int
    end: int
    label: str


# ---------------------------------------------------------------- gazetteer -> ruler patterns
def gazetteer_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns from the gazetteer files (phrases and MIL_UNIT token patterns)."""
    pats: list[dict[str, Any]] = []
    for fname, label in (
        ("people.txt", "PERSON"),
        ("organisations.txt", "ORG"),
        ("places.txt", "GPE"),
        ("publications.txt", "WORK_OF_ART"),
    ):
        for line in data_list(fname):
            lab, _, name = line.partition("\t") if "\t" in line else (label, "", line)
            pats.append({"label": lab, "pattern": name.strip()})
    mil = data_toml("military.toml")
    for name in mil["names"]:
        pats.append({"label": "MIL_UNIT", "pattern": name})
    units = list(mil["unit_nouns"])
    free_units = [u for u in units if u not in set(mil["ordinal_only"])]
    mods = list(mil["modifiers"]) + ["-"]
    ordinal = [
        {"LOWER": {"IN": list(mil["ordinals"])}},
        {"TEXT": {"REGEX": r"^\d+(st|nd|rd|th)$"}},
        {"TEXT": {"REGEX": r"^[IVXL]+(st|nd|rd|th)?$"}},
    ]
    for first in ordinal:
        pats.append(
            {
                "label": "MIL_UNIT",
                "pattern": [first, {"ORTH": {"IN": mods}, "OP": "*"}, {"ORTH": {"IN": units}}],
            }
        )
    # "the Pavlovsky Regiment", "the Baltic Fleet": a proper name then a unit noun.
    pats.append(
        {
            "label": "MIL_UNIT",
            "pattern": [
                {"POS": "PROPN", "IS_TITLE": True, "LOWER": {"NOT_IN": ["the", "a", "an"]}},
                {"ORTH": {"IN": mods}, "OP": "*"},
                {"ORTH": {"IN": free_units}},
            ],
        }
    )
    pats.append(
        {
            "label": "MIL_UNIT",
            "pattern": [{"ORTH": {"IN": mods}, "OP": "+"}, {"ORTH": {"IN": free_units}}],
        }
    )
    return pats


# ---------------------------------------------------------------- per-chunk mentions
@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(data_list("titles.txt"))


def mentions_from_doc(doc: Any, offset: int) -> list[RawMention]:
    """The named-entity spans of one parsed chunk worth keeping, in full-text offsets."""
    out: list[RawMention] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in KEEP_LABELS:
            continue
        toks = list(ent)
        # Trim determiners, possessives and punctuation at the edges.
        while toks and (
            toks[0].lower_ in ("the", "a", "an") or toks[0].is_punct or toks[0].is_space
        ):
            toks.pop(0)
        while toks and (
            toks[-1].is_punct
            or toks[-1].is_space
            or toks[-1].tag_ == "POS"
            or toks[-1].pos_ in ("CCONJ", "ADP")
        ):
            toks.pop()
        while (
            toks
            and toks[0].is_alpha
            and toks[0].is_lower
            and toks[0].pos_ in ("DET", "PRON", "ADV", "ADJ", "CCONJ")
        ):
            toks.pop(0)  # "no Baroness de Korff", "his Majesty"
        if not toks or any(t.is_punct and t.text not in _NAME_PUNCT for t in toks):
            continue  # "secret!--Alas": a sentence, not a name
        titles = _titles()
        if len(toks) == 1 and toks[0].text in titles:
            continue  # "the King", "General" alone
        before = doc[toks[0].i - 1] if toks[0].i > 0 else None
        if (
            before is not None
            and before.text in titles
            and label in ("GPE", "ORG", "LOC", "NORP", "FAC")
        ):
            label = "PERSON"  # "General Stopford", "Sir Ian Hamilton"
        if (
            label == "NORP"
            and len(toks) == 1
            and toks[0].tag_ == "NNP"
            and toks[0].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "poss")
            and before is not None
            and before.lower_ == "the"
            and not toks[0].lower_.endswith(("an", "ish", "ese", "ch", "i", "ic", "s"))
        ):
            label = "ORG"  # "the Soviet" (a body), not "Soviet" (an adjective)
        words = [t.text for t in toks]
        if not any(c.isupper() for w in words for c in w):
            continue  # "the sailors", single lowercase words
        if label in _NO_DIGITS and any(c.isdigit() for w in words for c in w):
            continue
        if any(w.lower() in _MONTHS for w in words) and label != "EVENT":
            continue  # "June" as PERSON, "22 June" as ORG
        if len(toks) == 1:
            t = toks[0]
            if t.is_sent_start and t.pos_ not in ("PROPN",) and label != "NORP":
                continue  # "Panic", "Officially" at a sentence start
            if t.is_stop or len(t.text) < 2:
                continue
            if t.text.isupper() and len(t.text) > 6 and label != "ORG":
                continue  # headings in capitals
        start = offset + toks[0].idx
        end = offset + toks[-1].idx + len(toks[-1].text)
        out.append(RawMention(start, end, label))
    return out


# ---------------------------------------------------------------- acronyms (pure text)
def acronym_pairs(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(acronym span, expansion span) pairs the text states: ``X – the Y``, ``Y (X)``, ``X (Y)``."""
    pairs = []
    for rx in (_ACR_THEN_EXP, _EXP_THEN_ACR):
        for m in rx.finditer(text):
            exp = m.group("exp").rstrip(".’'")
            if len(exp.split()) < 2 and "-" not in exp:
                continue
            a0, a1 = m.span("acr")
            e0 = m.start("exp")
            for det in ("The ", "the "):
                if exp.startswith(det):
                    exp, e0 = exp[len(det) :], e0 + len(det)
            pairs.append(((a0, a1), (e0, e0 + len(exp))))
    return pairs


# ---------------------------------------------------------------- clustering
def _norm(s: str) -> str:
    s = _WS.sub(" ", s).strip()
    for p in _LEADING:
        if s.startswith(p):
            s = s[len(p) :]
    for p in _TRAILING:
        if s.endswith(p):
            s = s[: -len(p)]
    return s


def _key(s: str) -> str:
    return _norm(s).lower().replace("’", "'")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def cluster(text: str, mentions: list[RawMention], pairs: list | None = None) -> list[Entity]:
    """Entities from all mentions of a document (ids ``e1``.. in order of first mention)."""
    mentions = sorted(_dedupe(mentions), key=lambda m: (m.start, m.end))
    if pairs:
        mentions = _add_expansions(text, mentions, pairs)
    by_key: dict[str, list[RawMention]] = defaultdict(list)
    for m in mentions:
        by_key[_key(text[m.start : m.end])].append(m)
    labels = {k: Counter(m.label for m in ms).most_common(1)[0][0] for k, ms in by_key.items()}
    uf = _UnionFind()
    for k in by_key:
        uf.find(k)
    # Plurals of group names: "Bolshevik" / "Bolsheviks".
    for k in by_key:
        if k.endswith("s") and k[:-1] in by_key:
            uf.union(k[:-1], k)
    # Stated acronyms.
    for (a0, a1), (e0, e1) in pairs or []:
        ka, ke = _key(text[a0:a1]), _key(text[e0:e1])
        if ka in by_key and ke in by_key:
            uf.union(ke, ka)
    # Surnames and initials.
    persons = [k for k in by_key if labels[k] == "PERSON" and " " in k]
    last_index: dict[str, list[str]] = defaultdict(list)
    for k in persons:
        last_index[k.rsplit(" ", 1)[1]].append(k)
    multi = [k for k in by_key if " " in k or "-" in k]
    initials_index: dict[str, list[str]] = defaultdict(list)
    for k in multi:
        if labels[k] in ("ORG", "MIL_UNIT", "GPE", "NORP", "EVENT", "LAW"):
            name = _norm(text[by_key[k][0].start : by_key[k][0].end])
            ini = _initials(name)
            if len(ini) >= 2:
                initials_index[ini.lower()].append(k)
    for k in by_key:
        if " " in k:
            continue
        if labels[k] in ("PERSON", "ORG", "GPE", "NORP") and len(last_index.get(k, ())) == 1:
            if labels[k] == "PERSON" or len(by_key[k]) <= len(by_key[last_index[k][0]]) * 3:
                uf.union(last_index[k][0], k)
                continue
        raw = _norm(text[by_key[k][0].start : by_key[k][0].end])
        if raw.isupper() and len(initials_index.get(k, ())) == 1:
            uf.union(initials_index[k][0], k)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in by_key:
        groups[uf.find(k)].append(k)
    entities = []
    for keys in groups.values():
        ms = sorted((m for k in keys for m in by_key[k]), key=lambda m: (m.start, m.end))
        forms = Counter(_norm(text[m.start : m.end]) for m in ms)
        # the fullest form, then the commonest: "Kerensky" (226×) names him, not "Kerenskys" (1×)
        name = max(forms, key=lambda f: (len(f.split()), forms[f], len(f)))
        label_votes = Counter(m.label for m in ms)
        label = label_votes.most_common(1)[0][0]
        if "MIL_UNIT" in label_votes:
            label = "MIL_UNIT"
        aliases = sorted(f for f in forms if f != name)
        entities.append(
            (
                ms[0].start,
                name,
                label,
                aliases,
                [Mention(m.start, m.end, text[m.start : m.end]) for m in ms],
            )
        )
    entities.sort(key=lambda e: e[0])
    return [
        Entity(id=f"e{i}", name=name, label=label, aliases=aliases, mentions=mentions_)
        for i, (_, name, label, aliases, mentions_) in enumerate(entities, 1)
    ]


def _dedupe(mentions: list[RawMention]) -> list[RawMention]:
    seen: dict[tuple[int, int], RawMention] = {}
    for m in mentions:
        seen.setdefault((m.start, m.end), m)
    return list(seen.values())


def _add_expansions(text: str, mentions: list[RawMention], pairs: list) -> list[RawMention]:
    """Make sure both sides of a stated acronym are mentions (labelled like the other side)."""
    starts = [m.start for m in mentions]
    out = list(mentions)
    for (a0, a1), (e0, e1) in pairs:
        acr = _covering(mentions, starts, a0, a1)
        exp = _covering(mentions, starts, e0, e1)
        if acr is None and exp is None:
            continue
        label = (acr or exp).label  # type: ignore[union-attr]
        if acr is None:
            out.append(RawMention(a0, a1, label))
        if exp is None or (exp.start, exp.end) != (e0, e1):
            if exp is not None:
                out.remove(exp)
            out.append(RawMention(e0, e1, label))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _covering(mentions: list[RawMention], starts: list[int], s: int, e: int) -> RawMention | None:
    i = bisect.bisect_right(starts, e) - 1
    while i >= 0 and mentions[i].end > s:
        if mentions[i].start < e:
            return mentions[i]
        i -= 1
    return None


# ---------------------------------------------------------------- lookup for other stages
class EntityIndex:
    """Find the entity a character span names (mentions sorted by start; bisect)."""

    def __init__(self, entities: list[Entity]) -> None:
        items = sorted(
            ((m.start, m.end, e.id, e.label) for e in entities for m in e.mentions),
            key=lambda x: x[:2],
        )
        self._items = items
        self._starts = [x[0] for x in items]
        self.labels = {e.id: e.label for e in entities}

    def inside(
        self, start: int, end: int, labels: frozenset[str] | None = None
    ) -> list[tuple[int, int, str]]:
        """Mentions lying within [start, end), optionally of some labels."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._items) and self._items[i][0] < end:
            s, e, eid, lab = self._items[i]
            if e <= end and (labels is None or lab in labels):
                out.append((s, e, eid))
            i += 1
        return out

    def at(self, start: int, end: int) -> str | None:
        """The entity whose mention overlaps [start, end) (the innermost, first)."""
        i = bisect.bisect_right(self._starts, end - 1) - 1
        j = i
        while j >= 0 and j > i - 8:
            s, e, eid, _ = self._items[j]
            if s < end and e > start:
                return eid
            j -= 1
        return None
