"""Events: triggers (content verbs, event nouns) with who / whom / where / figures, a timex
governing the clause, and negation and hedging flags, read off one dependency parse.

All lists (light verbs, control verbs, negating and hedging governors, event nouns) live in
``data/gazetteer/cues.toml``. Per chunk, :func:`events_from_doc` returns :class:`RawEvent`s in
full-text offsets; the pipeline links arguments to entities and fills narrative dates once the
whole document is read (:func:`assign_dates`).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from annales.chronicle import Event, Timex
from annales.nlp import data_toml
from annales.shifts import Shift, shift_date
from annales.temporal.language import load as load_language
from annales.temporal.narrative import paragraph_end as next_start  # first offset after pos

_SUBJ = ("nsubj", "csubj")
_PASS_SUBJ = ("nsubjpass", "csubjpass")
_OBJ = ("dobj", "dative", "obj")
_PLACE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "towards",
        "toward",
        "into",
        "through",
        "throughout",
        "along",
        "before",
        "beyond",
        "within",
        "on",
        "upon",
        "from",
        "to",
        "over",
        "under",
        "behind",
        "by",
        "beneath",
        "between",
        "against",
    }
)
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "MIL_UNIT"})
_KEEP_IN_ARG = frozenset(
    {
        "det",
        "amod",
        "compound",
        "nummod",
        "poss",
        "nmod",
        "quantmod",
        "case",
        "advmod",
        "npadvmod",
        "predet",
        "prep",
        "pobj",
        "pcomp",
        "prt",
    }
)
_DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_KNOWN = re.compile(r"^(?:BC)?\d{4}(?:$|[-/T])")


@dataclass(frozen=True, slots=True)
class _Cues:
    skip: frozenset[str]
    phrasal: frozenset[str]
    control: frozenset[str]
    negating: frozenset[str]
    hedging: frozenset[str]
    reporters: frozenset[str]
    negation: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_modals: frozenset[str]
    occurrence: frozenset[str]
    nouns: frozenset[str]
    future: frozenset[str] = frozenset()
    background_clauses: frozenset[str] = frozenset()
    narrative_relatives: frozenset[str] = frozenset()
    unanchored: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()
    saying: frozenset[str] = frozenset()
    event_length: frozenset[str] = frozenset()
    named_object: frozenset[str] = frozenset()
    headings: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()
    light_nouns: frozenset[str] = frozenset()
    motion: frozenset[str] = frozenset()
    motion_preps: frozenset[str] = frozenset()
    motion_particles: frozenset[str] = frozenset()
    time_subject: frozenset[str] = frozenset()
    purpose_motion: frozenset[str] = frozenset()
    come_to_states: frozenset[str] = frozenset()
    same_past: frozenset[str] = frozenset()
    backward: frozenset[str] = frozenset()
    perception: frozenset[str] = frozenset()
    elliptic: frozenset[str] = frozenset()
    repeated: frozenset[str] = frozenset()
    day_parts: frozenset[str] = frozenset()
    day_part_openers: frozenset[str] = frozenset()
    at_once: frozenset[str] = frozenset()
    distant: frozenset[str] = frozenset()
    distant_heads: frozenset[str] = frozenset()
    reporting: frozenset[str] = frozenset()
    later_openers: frozenset[str] = frozenset()
    reign_nouns: frozenset[str] = frozenset()
    reign_preps: frozenset[str] = frozenset()
    end_preps: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def cues() -> _Cues:
    d = data_toml("cues.toml")["events"]
    return _Cues(
        skip=frozenset(d["skip_verbs"]),
        phrasal=frozenset(d["phrasal_events"]),
        control=frozenset(d["control_verbs"]),
        negating=frozenset(d["negating_governors"]),
        hedging=frozenset(d["hedging_governors"]),
        reporters=frozenset(d["hedging_reporters"]),
        negation=frozenset(d["negation"]),
        hedge_adverbs=frozenset(d["hedge_adverbs"]),
        hedge_modals=frozenset(d["hedge_modals"]),
        occurrence=frozenset(d["occurrence_verbs"]),
        nouns=frozenset(d["event_nouns"]),
        future=frozenset(d["future_auxiliaries"]),
        background_clauses=frozenset(d["background_clauses"]),
        narrative_relatives=frozenset(d["narrative_relatives"]),
        unanchored=frozenset(d["unanchored_adverbs"]),
        states=frozenset(d["state_participles"]),
        saying=frozenset(d["reporting_verbs"]),
        event_length=frozenset(d["event_length"]),
        named_object=frozenset(d["named_object_events"]),
        headings=frozenset(d["chapter_heading_words"]),
        light=frozenset(d["light_verbs"]),
        light_nouns=frozenset(d["light_verb_nouns"]) | frozenset(d["event_nouns"]),
        motion=frozenset(d["motion_verbs"]),
        motion_preps=frozenset(d["motion_preps"]),
        motion_particles=frozenset(d["motion_particles"]),
        time_subject=frozenset(d.get("time_subject_verbs", [])),
        purpose_motion=frozenset(d.get("purpose_motion_verbs", [])),
        come_to_states=frozenset(d.get("come_to_states", [])),
        same_past=frozenset(d.get("same_past_forms", [])),
        backward=frozenset(d.get("backward_words", [])),
        perception=frozenset(d.get("perception_verbs", [])),
        elliptic=frozenset(d.get("elliptic_subjects", [])),
        repeated=frozenset(d.get("repeated_event_words", [])),
        day_parts=frozenset(d.get("day_parts", [])),
        day_part_openers=frozenset(d.get("day_part_openers", [])),
        at_once=frozenset(d.get("at_once_marks", [])),
        distant=frozenset(d.get("distant_words", [])),
        distant_heads=frozenset(d.get("distant_heads", [])),
        reporting=frozenset(d["reporting_verbs"]) | frozenset(d["hedging_reporters"]),
        later_openers=frozenset(d.get("later_paragraph_openers", [])),
        reign_nouns=frozenset(d.get("reign_nouns", [])),
        reign_preps=frozenset(d.get("reign_preps", [])),
        end_preps=frozenset(d.get("end_preps", [])),
    )


@dataclass(slots=True)
class RawEvent:
    """An event found in a chunk; argument spans are full-text (start, end) pairs."""

    trigger: tuple[int, int]
    lemma: str
    sentence: tuple[int, int]
    agents: list[tuple[int, int, int, int]] = field(default_factory=list)
    patients: list[tuple[int, int, int, int]] = field(default_factory=list)
    places: list[tuple[int, int, int, int]] = field(default_factory=list)
    quantities: list[str] = field(default_factory=list)
    time: str | None = None
    negated: bool = False
    hedged: bool = False
    tense: str | None = None  # "past" | "present" (of the clause's finite verb) | None
    modal: bool = False  # under a modal ("may attack"): kept, hedged, never given a borrowed date
    # "shall meet on 11 December", "may attack on the 9th": a date told as yet to come (or only
    # possible) dates its event but is no point the story has reached
    unrealised: bool = False
    # "was afterwards denied", "had once freed Europe": off the story's day, borrows no date
    unanchored: bool = False


def _lemma(tok: Any) -> str:
    return tok.lemma_.lower()


def _has_xcomp(tok: Any) -> Any:
    return next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)


def _phrasal(tok: Any, c: _Cues) -> str | None:
    for ch in tok.children:
        if ch.dep_ == "prt":
            ph = f"{_lemma(tok)} {ch.lower_}"
            if ph in c.phrasal:
                return ph
    return None


def _light_noun(tok: Any, c: _Cues) -> Any:
    """The event noun a light verb carries ("had a meeting", "an attempt was made"), or None."""
    if _lemma(tok) not in c.light:
        return None
    for ch in tok.children:
        if ch.dep_ in ("dobj", "obj", "nsubjpass") and ch.pos_ in ("NOUN", "PROPN"):
            if _lemma(ch) in c.light_nouns:  # "made the Declaration of Saint Omer"
                return ch
    return None


def _light(tok: Any, c: _Cues) -> str | None:
    """The lemma of a light-verb event ("make appearance")."""
    n = _light_noun(tok, c)
    return f"{_lemma(tok)} {_lemma(n)}" if n is not None else None


#: Most tokens between a light verb and the event noun it carries for one trigger to span
#: both ("had another historic meeting": a reader may point at either word).
_LIGHT_GAP = 3


def _light_end(tok: Any, c: _Cues, end: int) -> int:
    """The end of a light verb's trigger: its event noun's when the noun follows close by;
    of a going or coming, the manner right after it ("came dashing through")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return end
    n = _light_noun(tok, c)
    if n is not None and 0 < n.i - tok.i <= _LIGHT_GAP:
        return max(end, n.idx + len(n.text))
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if (
        nxt is not None
        and _lemma(tok) in c.motion
        and nxt.head.i == tok.i
        and nxt.tag_ == "VBG"
        and nxt.dep_ in ("advcl", "xcomp")
    ):
        return max(end, nxt.idx + len(nxt.text))
    return end


def _light_start(tok: Any, c: _Cues) -> int:
    """The start (in the chunk) of a verb's trigger: its event noun's when the noun, passive
    subject, comes close before it ("a second attack was made"); its governor's when the verb
    is the complement of one close before it ("tried to halt it", "began fighting")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return int(tok.idx)
    n = _light_noun(tok, c)
    if n is not None and 0 < tok.i - n.i <= _LIGHT_GAP:
        return int(n.idx)
    g = tok.head
    if (
        tok.dep_ == "xcomp"
        and 0 < tok.i - g.i <= _LIGHT_GAP
        and (_lemma(g) in c.control or _lemma(g) in c.negating or _lemma(g) in c.hedging)
    ):
        return int(g.idx)  # a governor that is no event of its own: one trigger
    if _suffered(tok, g):
        return int(g.idx)
    return int(tok.idx)


def _suffered(tok: Any, have: Any) -> bool:
    """Is ``tok`` the participle of what its subject underwent with "have" close before it
    ("the Midlands had 67 killed", "the regiment had its colonel wounded")? "have" tells no
    event of its own: one trigger, which a reader may point to by either word."""
    return (
        _lemma(have) == "have"
        and have.pos_ in ("VERB", "AUX")
        and tok.tag_ == "VBN"
        and tok.dep_ in ("ccomp", "xcomp", "oprd")
        and 0 < tok.i - have.i <= _LIGHT_GAP
        and not any(ch.dep_ in ("aux", "auxpass") for ch in tok.children)
    )


def _moves(tok: Any, c: _Cues) -> bool:
    """A "go"/"come" that goes somewhere ("went toward the Palace", "came by"), not "went on"
    or "came to believe"."""
    if _lemma(tok) not in c.motion or _has_xcomp(tok) is not None:
        return False
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ in c.motion_preps:
            if any(g.dep_ == "pobj" for g in ch.children):
                return True
        if ch.dep_ in ("prt", "advmod", "npadvmod", "dobj") and ch.lower_ in c.motion_particles:
            return True
        if _purpose(tok, ch, c):
            return True  # "the mayor came to solicit it": came (somewhere) in order to
        if (
            ch.dep_ == "nsubj"
            and ch.i > tok.i
            and _lemma(tok) in c.purpose_motion
            and not _is_event_noun(ch, c)  # "On Thursday comes the Funeral": the noun's
        ):
            return True  # "Suddenly came the sharp crack of a rifle": it came about
        if ch.dep_ in ("advcl", "xcomp") and ch.tag_ == "VBG":
            # "came hurrying across the Square", "came dashing through": the manner moves
            for g in ch.children:
                if g.dep_ == "prep" and g.lower_ in c.motion_preps:
                    return True
                if g.dep_ in ("prt", "advmod") and g.lower_ in c.motion_particles:
                    return True
    return False


def _purpose(tok: Any, ch: Any, c: _Cues) -> bool:
    """Is ``ch`` the purpose of a going or coming ("came to solicit it"), not the state it
    came to ("came to believe him", ``come_to_states``, or a skipped verb)?"""
    lem = _lemma(ch)
    return (
        ch.dep_ == "advcl"
        and _lemma(tok) in c.purpose_motion
        and lem not in c.come_to_states
        and lem not in c.skip
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children)
    )


def _has_purpose(tok: Any) -> bool:
    """Does ``tok`` have a purpose clause ("whither Philip ... advanced to meet him")? A deed
    done for an end is an event even when the parser left it no subject or object."""
    return any(
        ch.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children)
        for ch in tok.children
    )


def _named_object(tok: Any) -> bool:
    """Does ``tok`` take a named object or recipient ("took Douaumont", "took it", "gave
    Moreau the command", "gave a majority to the Bolsheviki"), or is a named place taken in
    the passive ("the Military Hotel had been taken")?"""
    for ch in tok.children:
        if ch.dep_ in _OBJ and (ch.pos_ == "PROPN" or ch.tag_ == "PRP"):
            return True
        if ch.dep_ == "nsubjpass" and ch.pos_ == "PROPN":
            return True  # "the Telegraph Agency had been taken": the passive of "took" it
        if ch.dep_ in ("prep", "dative") and ch.lower_ == "to":
            if any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in ch.children):
                return True
        if (ch.dep_ in _OBJ or ch.dep_ == "nsubjpass") and _counted(ch):
            return True  # "took 7000 prisoners", "100 guns had been taken"
    return False


def _counted(noun: Any) -> bool:
    """A noun with a figure that is no length of time: "7000 prisoners", not "three days"."""
    return noun.pos_ == "NOUN" and any(
        ch.dep_ == "nummod" and ch.ent_type_ not in ("DATE", "TIME") for ch in noun.children
    )


def _passive_adjective(tok: Any) -> bool:
    """A participle the tagger took for an adjective but whose clause is passive: "the
    Austrians were overwhelmed" (a passive subject and auxiliary hang on it)."""
    if tok.pos_ != "ADJ" or not tok.lower_.endswith(("ed", "en")):
        return False
    deps = {ch.dep_ for ch in tok.children}
    return "auxpass" in deps and "nsubjpass" in deps


def _be_participle(tok: Any, c: _Cues) -> bool:
    """An -ed participle after "be" that the tagger took for an adjective: "the Austrians were
    overwhelmed", "Philip was alarmed" (the passive of a story event), not a state ("was well
    disposed")."""
    return (
        tok.pos_ == "ADJ"
        and tok.lower_ not in c.states
        and tok.dep_ == "acomp"
        and tok.lower_.endswith("ed")
        and len(tok.lower_) > 5
        and tok.head.lemma_ == "be"
        and _has_subject(tok.head)
    )


def _has_subject(verb: Any) -> bool:
    """Does ``verb`` have a subject, its own or its first conjunct's ("the guard came up, and
    was entirely overwhelmed")?"""
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        if v is not None and any(ch.dep_ in ("nsubj", "nsubjpass") for ch in v.children):
            return True
    return False


def _verb_tagged_otherwise(tok: Any) -> bool:
    """A verb the tagger took for a noun or an adjective ("Samson shews the Head", "Maids
    sew cockades"): only a verb takes a direct object, or roots a sentence with a subject
    ("Charlotte demands a room; hastens to bed; sleeps all afternoon"); a noun with a
    determiner or under a preposition stays a noun ("fancy what effect this had", "on the same footing")."""
    return (
        tok.pos_ in ("NOUN", "ADJ")
        and tok.text.isalpha()
        and tok.text.islower()
        and tok.dep_ not in ("pobj", "compound")
        and (
            any(ch.dep_ == "dobj" for ch in tok.children)
            or (
                tok.tag_ == "NNS"
                and tok.dep_ == "ROOT"
                and any(ch.dep_ in _SUBJ for ch in tok.children)
            )
        )
        and not any(ch.dep_ in ("det", "poss", "amod") for ch in tok.children)
    )


def _perfect_list_member(tok: Any) -> bool:
    """A participle of a list that shares its first verb's "had", which the parser hung as
    an adverbial clause: "had crossed the Jura, seized on Munich, and driven out the
    elector" ("seized")."""
    head = tok.head
    return (
        _bare_participle(tok, "advcl")
        and head.tag_ == "VBN"
        and head.i < tok.i
        and tok.doc[tok.left_edge.i - 1].text == ","
        and not any(ch.dep_ in _SUBJ for ch in tok.children)
        and any(ch.dep_ == "aux" and _lemma(ch) == "have" for ch in head.children)
    )


def _bare_participle(tok: Any, dep: str) -> bool:
    """A participle hung as ``dep`` with no auxiliary or subordinator of its own: the shape the
    parser gives a verb it cut off from its clause."""
    return (
        tok.dep_ == dep
        and tok.tag_ == "VBN"
        and not any(ch.dep_ in ("aux", "auxpass", "mark") for ch in tok.children)
    )


def _past_list_member(tok: Any) -> bool:
    """A regular past verb in a list of simple pasts that the parser hung as a participle on
    the object before it: "the troops saluted him emperor, silenced by their acclamations his
    refusal, and hastened to ..." ("silenced"): its clause's verb and a later "and" verb are
    past, and it sits between them, set off by a comma."""
    if not (
        _bare_participle(tok, "acl")
        and tok.lower_.endswith("ed")
        and tok.doc[tok.left_edge.i - 1].text == ","
    ):
        return False
    verb = tok.head.head
    later = [*verb.children, *tok.children]  # the "and" verb hangs on either
    return (
        tok.head.dep_ in _OBJ
        and verb.tag_ == "VBD"
        and any(ch.dep_ == "conj" and ch.tag_ == "VBD" and ch.i > tok.i for ch in later)
    )


def _passive_as_advcl(tok: Any) -> bool:
    """A passive the parser split from its "be": "A great army was at that time assembled on
    the Rhine" ("assembled" an adverbial clause of "was", which has the subject and nothing
    else to say of it)."""
    be = tok.head
    return (
        _bare_participle(tok, "advcl")
        and be.lemma_ == "be"
        and be.i < tok.i
        and any(ch.dep_ in _SUBJ for ch in be.children)
        and not any(ch.dep_ in ("acomp", "attr", "oprd") for ch in be.children)
    )


def _main_verb_as_acl(tok: Any) -> bool:
    """A main verb the parser hung on a name as a reduced relative: "Kerensky telephoned
    from Tsarskoye" (tagged past, not participle, or in a sentence with no verbal root).
    On a thing it stays a description: "the guns trained toward St. Isaac's"."""
    if tok.dep_ != "acl" or tok.pos_ != "VERB" or not tok.text.islower():
        return False
    h = tok.head
    if h.i > tok.i or not (h.pos_ == "PRON" or h.ent_type_ in _ACTOR_ENTS):
        return False
    return tok.tag_ == "VBD" or (tok.tag_ == "VBN" and tok.sent.root.pos_ not in ("VERB", "AUX"))


def _agentive_participle(tok: Any) -> bool:
    """A participle after a noun with a named person as its doer after "by": "the great
    games celebrated by Philip", "the decree signed by Kerensky". A person's act is a deed of
    the story; "a flotilla manned by sixteen thousand sailors" stays a description."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and tok.head.i < tok.i
        and any(
            ch.dep_ == "agent"
            and any(g.dep_ == "pobj" and g.ent_type_ == "PERSON" for g in ch.children)
            for ch in tok.children
        )
    )


def _does_again(tok: Any, c: _Cues) -> bool:
    """A "do" that repeats an event told before: "the destroyer did the same on 9 June", "the
    Austrians did likewise", "did so" (``repeated_event_words`` right after it, "the" before
    "same" and "like"; the parser may hang "did" as an auxiliary of "like")."""
    if _lemma(tok) != "do" or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG"):
        return False
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None:
        return False
    if nxt.lower_ == "the" and tok.i + 2 < len(doc):
        word = doc[tok.i + 2]
        after = doc[tok.i + 3] if tok.i + 3 < len(doc) else None
        return (
            word.lower_ in ("same", "like")
            and word.lower_ in c.repeated
            and (after is None or after.pos_ not in ("NOUN", "PROPN"))
        )  # not "did the same work"
    return nxt.lower_ in c.repeated and nxt.lower_ not in ("same", "like") and nxt.head.i == tok.i


def _repeated_before(span: Any, c: _Cues) -> Any:
    """The "do" repeating an event right before the date ``span`` ("the destroyer did the
    same on 9 June", "did likewise in May"): that date is the repetition's, wherever the
    parser hung it (else None)."""
    i = span.start - 1
    doc = span.doc
    if i < 2 or doc[i].tag_ != "IN":
        return None
    word = doc[i - 1]
    if word.lower_ not in c.repeated:
        return None
    do = doc[i - 3] if word.lower_ in ("same", "like") and i >= 3 else doc[i - 2]
    return do if _does_again(do, c) else None


def _is_verb_trigger(tok: Any, c: _Cues) -> bool:
    if _does_again(tok, c):
        return True
    if _main_verb_as_acl(tok) or _agentive_participle(tok) or _past_list_member(tok):
        return _is_verb_trigger_lemma(tok, c)
    if (
        tok.pos_ != "VERB"
        and not _passive_adjective(tok)
        and not _be_participle(tok, c)
        and not _verb_tagged_otherwise(tok)
    ) or tok.dep_ in (
        "amod",
        "acl",
        "aux",
        "auxpass",
    ):
        return False
    if (
        tok.tag_ == "VBG"
        and tok.dep_ in ("advcl", "pcomp", "conj", "npadvmod")
        and not any(ch.dep_ in _SUBJ or ch.dep_ in _PASS_SUBJ for ch in tok.children)
        and not _seen_doing(tok, c)
    ):
        return False  # "shouting greetings", "after drawing up": manner and background
    return _is_verb_trigger_lemma(tok, c)


def _is_verb_trigger_lemma(tok: Any, c: _Cues) -> bool:
    """The word-level checks of a verb trigger, once its tag and relation allow one."""
    if tok.text[:1].isupper() and not tok.is_sent_start:
        return False  # a capitalised "verb" mid-sentence is a name the tagger missed
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text == "-" and not tok.whitespace_:
        return False  # "co-operate" split by the tokenizer
    lem = _lemma(tok)
    if _phrasal(tok, c) or _light_noun(tok, c) is not None or _moves(tok, c):
        return True
    if lem in c.named_object and _named_object(tok):
        return True
    if lem in c.time_subject and _time_subject(tok):
        return True
    if lem in c.perception and (_sees_happen(tok) or _seen_thing(tok)):
        return True
    if lem in c.light and _elliptic_passive(tok, c):
        return True
    if lem in c.skip:
        return False
    if _has_xcomp(tok) is not None and (lem in c.control or lem in c.negating or lem in c.hedging):
        return False
    if lem in c.occurrence and any(
        ch.dep_ in _SUBJ and ch.pos_ in ("NOUN", "PROPN") and _lemma(ch) in c.nouns
        for ch in tok.children
    ):
        return False  # "a German counterattack began": the noun is the event
    return bool(re.match(r"^[a-z][a-z-]+$", lem))


#: Most words between an event noun and the occurrence verb it is the subject of for the two
#: to make one trigger ("the bombardment began", "a German counterattack suddenly began").
_HOST_GAP = 2
#: Most tokens from such a noun to its verb, its own modifiers included.
_HOST_REACH = 6


def _trigger_end(tok: Any, hosts: Mapping[int, int]) -> int:
    """End (in the chunk) of the trigger of ``tok``: an event noun hosted by the occurrence
    verb right after it ("the battle began") spans the verb too, as "the battle began" tells
    one event, which a reader may point to by either word."""
    h = tok.head
    end = tok.idx + len(tok.text)
    if hosts.get(h.i) != tok.i or tok.dep_ not in _SUBJ or not 0 < h.i - tok.i <= _HOST_REACH:
        return end
    # words between that belong to the noun ("a German attack on Zillebeke nearly
    # succeeded") or qualify the verb do not part them
    own = {x.i for x in tok.subtree}
    gap = [
        x
        for x in tok.doc[tok.i + 1 : h.i]
        if x.i not in own and not (x.head.i == h.i and x.dep_ in ("advmod", "neg", "aux"))
    ]
    return h.idx + len(h.text) if len(gap) <= _HOST_GAP else end


def _elliptic_passive(tok: Any, c: _Cues) -> bool:
    """A light verb in the passive whose subject stands for an event noun told before it:
    "four more were made in April", "farther down another was made" (``elliptic_subjects``,
    or a bare number)."""
    aux = next((ch for ch in tok.children if ch.dep_ == "auxpass"), None)
    if aux is None:
        return False
    subjects = [ch for ch in tok.children if ch.dep_ == "nsubjpass"]
    if not subjects and aux.i > 0:
        # "Farther down another was made": the parser may hang "another" on "down"; the word
        # right before the auxiliary is the subject
        subjects = [tok.doc[aux.i - 1]]
    return any(ch.lower_ in c.elliptic or ch.pos_ == "NUM" for ch in subjects)


def _elliptic_existential(tok: Any, c: _Cues) -> bool:
    """An existential "be" whose subject stands for an event told before: "Flandre has given
    its Counter-Dinner; then on Saturday there has been another" (``elliptic_subjects``)."""
    return (
        _lemma(tok) == "be"
        and any(ch.dep_ == "expl" for ch in tok.children)
        and any(
            ch.dep_ == "attr" and ch.lower_ in c.elliptic and not list(ch.children)
            for ch in tok.children
        )
    )


def _sees_happen(tok: Any) -> bool:
    """Does ``tok`` see something going on ("I saw Gotz sitting inside", "saw the crowd
    surging forward")? Seeing a scene is an event of the story, seeing a point is not."""
    for ch in tok.children:
        if ch.dep_ in ("ccomp", "xcomp", "oprd") and ch.tag_ == "VBG":
            # "to see what was going on" asks a question: no scene seen yet
            return not any(g.tag_ in _RELATIVIZERS for g in ch.children)
        if ch.dep_ in _OBJ and any(g.dep_ == "acl" and g.tag_ == "VBG" for g in ch.children):
            return True
    return False


def _seen_doing(tok: Any, c: _Cues) -> bool:
    """Is ``tok`` a participle telling what the object of a verb of perception was doing
    ("one could see regiment after regiment ... marching to the Duma", "heard the guns firing
    all night")? The parser hangs it on the verb, not the object; it is the scene, an event."""
    head = tok.head
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and head.i < tok.i
        and _lemma(head) in c.perception
        and any(ch.dep_ in _OBJ and ch.pos_ in ("NOUN", "PROPN") for ch in head.children)
    )


def _seen_thing(tok: Any) -> bool:
    """Is ``tok`` a perception in the passive with a thing or person as its subject ("a new
    thing is seen", "the enemy's fires were seen")? Something showed itself: an event; "it
    was seen that ..." only reports a point."""
    return any(ch.dep_ == "auxpass" for ch in tok.children) and any(
        ch.dep_ == "nsubjpass" and ch.pos_ in ("NOUN", "PROPN") for ch in tok.children
    )


def _time_subject(tok: Any) -> bool:
    """Is the subject of ``tok`` a time ("the first day saw them back at Framerville", "1916
    saw the battle of Verdun")? Then the verb tells what happened in it."""
    return any(ch.dep_ in _SUBJ and ch.ent_type_ in ("DATE", "TIME") for ch in tok.children)


def _subject_date_of_conjunct(span: Any, c: _Cues, timed: Collection[int]) -> bool:
    """Is the date ``span`` parsed as the subject of a verb joined to an earlier one, a verb
    that takes no time as its subject and has a date of its own after a preposition ("The
    battle began on a Sunday, the 6th of September reached its climax on the 9th")? Then the
    date closes the clause before (a comma missing), not the verb's subject."""
    root = span.root
    verb = root.head
    if root.dep_ not in _SUBJ or verb.i == root.i or verb.dep_ != "conj":
        return False
    if verb.pos_ != "VERB" or _lemma(verb) in c.time_subject or verb.head.i >= span.start:
        return False
    return any(
        ch.dep_ == "prep"
        and ch.i > root.i
        and any(g.dep_ == "pobj" and g.i in timed for g in ch.children)
        for ch in verb.children
    )


def _is_event_noun(tok: Any, c: _Cues) -> bool:
    if tok.is_upper and len(tok.text) > 1:
        return False  # headings in capitals
    if tok.pos_ == "NOUN":
        return _lemma(tok) in c.nouns or tok.lower_ in c.nouns
    return tok.pos_ == "PROPN" and tok.lower_ in c.nouns  # "the Sixth Congress"


def _arg(head: Any, offset: int, start_tok: Any = None) -> tuple[int, int, int, int]:
    """(start, end, head start, head end) in full-text offsets for an argument headed by
    ``head``; a relative pronoun stands for the noun its clause modifies."""
    if head.tag_ in ("WP", "WDT") or (head.lower_ == "that" and head.dep_.startswith("nsubj")):
        verb = head.head
        while verb.dep_ in ("xcomp", "conj", "ccomp") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "relcl":
            head = verb.head
    s, e = _arg_span(head)
    if start_tok is not None:
        s = start_tok.idx
    return s + offset, e + offset, head.idx + offset, head.idx + len(head.text) + offset


def _arg_span(head: Any) -> tuple[int, int]:
    """Character span (chunk offsets) of the noun phrase headed by ``head``, without clauses."""
    left = head.i
    right = head.i
    stack = [head]
    while stack:
        t = stack.pop()
        for ch in t.children:
            if ch.dep_ in _KEEP_IN_ARG and not (
                ch.dep_ == "prep" and ch.lower_ != "of" and t.i == head.i
            ):
                if ch.dep_ == "advmod" and ch.i > head.i:
                    continue
                stack.append(ch)
                left = min(left, ch.i)
                right = max(right, ch.i)
    doc = head.doc
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    # Keep the span contiguous over tokens we skipped (keeps text[start:end] honest).
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _with_conj(tok: Any) -> list[Any]:
    """A noun and the nouns coordinated with it ("Lenin and Kamenev"); a dash-apposition
    ("the VTsIK – the All-Russian Soviet Ispolkom") is a second name, not a second actor."""
    out = [tok]
    doc = tok.doc
    for ch in tok.children:
        if ch.dep_ == "conj" and ch.pos_ in ("NOUN", "PROPN", "PRON"):
            left = ch.left_edge.i
            if left > 0 and doc[left - 1].text in ("–", "—", "-", "--", "("):
                continue
            if _one_person_two_roles(tok, ch):
                out[0] = ch  # "the great poet and critic Viktor Shklovsky": one man
                continue
            out.append(ch)
    return out


def _one_person_two_roles(first: Any, conj: Any) -> bool:
    """ "the poet and critic Viktor Shklovsky": a role noun coordinated with a role-titled name
    (the parser's conj) describes one person, not two actors."""
    return (
        first.pos_ == "NOUN"
        and conj.pos_ == "PROPN"
        and not any(ch.dep_ == "det" for ch in conj.children)
        and any(ch.dep_ == "compound" and ch.pos_ == "NOUN" for ch in conj.children)
    )


def _governors(tok: Any) -> list[Any]:
    """The chain of xcomp/acomp governors above a verb ("likely" and "were" above "come")."""
    chain = []
    t = tok
    while t.dep_ in ("xcomp", "acomp") and t.head.i != t.i:
        t = t.head
        chain.append(t)
    return chain


def _subject(tok: Any) -> tuple[list[Any], bool]:
    """(subject heads, passive) for a verb, looking up through governors and conjunctions.

    Object control: the complement of "called on the units to obey" / "ordered the troops to
    fire" takes the governor's object as its subject."""
    if _main_verb_as_acl(tok):
        return [tok.head], False  # "Kerensky telephoned": the name it hangs on acts
    if _passive_as_advcl(tok):  # "a great army was at that time assembled": undergoes it
        return [ch for ch in tok.head.children if ch.dep_ in _SUBJ], True
    t = tok
    for _ in range(6):
        subs = [ch for ch in t.children if ch.dep_ in _SUBJ or ch.dep_ in _PASS_SUBJ]
        if subs:
            passive = any(ch.dep_ in _PASS_SUBJ for ch in subs) and t.i == tok.i
            return subs, passive
        if t.dep_ in ("xcomp", "acomp", "conj") and t.head.i != t.i:
            if t.dep_ == "xcomp":
                obj = _controller_object(t.head)
                if obj is not None:
                    return [obj], False
            t = t.head
            continue
        break
    if tok.tag_ in ("VBD", "VBZ", "VBP"):
        # "The fort surrendered." parsed with "fort" a compound of the verb: its subject
        nouns = [ch for ch in tok.children if ch.dep_ == "compound" and ch.i < tok.i]
        if nouns:
            return nouns, False
    return [], False


def _controller_object(gov: Any) -> Any:
    for ch in gov.children:
        if ch.dep_ in _OBJ:
            return ch
    for ch in gov.children:
        if ch.dep_ == "prep" and ch.lower_ in ("on", "upon"):
            pobj = next((g for g in ch.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _flags(tok: Any, govs: list[Any], c: _Cues) -> tuple[bool, bool]:
    negated = hedged = False
    for t in [tok, *govs]:
        for ch in t.children:
            low = ch.lower_
            if ch.dep_ == "neg" or (ch.dep_ in ("advmod", "det", "preconj") and low in c.negation):
                negated = True
            if ch.dep_ == "aux" and low in c.hedge_modals:
                hedged = True
            if ch.dep_ == "advmod" and low in c.hedge_adverbs:
                hedged = True
    for g in govs:
        lem = _lemma(g)
        if lem in c.negating:
            negated = True
        if lem in c.hedging or g.lower_ in c.hedging:
            hedged = True
    top = govs[-1] if govs else tok
    if top.dep_ == "ccomp" and _lemma(top.head) in c.reporters:
        hedged = True  # "it was rumoured that ...", "they feared that ..."
    return negated, hedged


def _places(tok: Any, govs: list[Any]) -> list[Any]:
    """Prepositions under the trigger (or its governors) whose object is or holds a place."""
    out = []
    for t in [tok, *govs]:
        for ch in t.children:
            if ch.dep_ != "prep" or ch.lower_ not in _PLACE_PREPS:
                continue
            pobj = next((g for g in ch.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            place = next((x for x in pobj.subtree if x.ent_type_ in _PLACE_ENTS), None)
            if place is None:
                continue
            # "on a single night near Volochinsk": the preposition nearest the place.
            p, o = ch, pobj
            x = place
            while x.i != pobj.i and x.head.i != x.i:
                if x.dep_ == "pobj" and x.head.dep_ == "prep" and x.head.lower_ in _PLACE_PREPS:
                    p, o = x.head, x
                    break
                x = x.head
            out.append((p, o))
    return out


def events_from_doc(
    doc: Any,
    offset: int,
    timex_spans: list[tuple[int, int, str]],
    quantity_tokens: dict[int, str],
    in_quote: Callable[[int], bool] | None = None,
    attributive: set[str] | None = None,
) -> list[RawEvent]:
    """Events of one parsed chunk.

    ``timex_spans`` are (start, end, id) of DATE/TIME timexes in full-text offsets that lie in
    this chunk; ``quantity_tokens`` maps a number token index to its quantity id. The ids of
    dates that modify the noun right after them ("the 1st of July offensive": a name, not the
    story's day) are added to ``attributive``.
    """
    c = cues()
    triggers: dict[int, Any] = {}
    hosts: dict[int, int] = {}
    nouns: dict[int, Any] = {}
    for tok in doc:
        if _is_verb_trigger(tok, c) or _elliptic_existential(tok, c):
            triggers[tok.i] = tok
        elif _is_event_noun(tok, c):
            nouns[tok.i] = tok
    # Noun events: subject of an occurrence verb, or in a sentence with no verb event.
    for i, n in list(nouns.items()):
        h = n.head
        if (
            n.dep_ in _SUBJ
            and h.pos_ == "VERB"
            and _lemma(h) in c.occurrence
            and h.i not in triggers
        ):
            triggers[i] = n
            hosts[h.i] = i
    for i, n in nouns.items():
        if n.dep_ == "ROOT":
            triggers[i] = n  # a verbless fragment: "Mass desertions."
        elif n.dep_ == "attr" and any(ch.dep_ == "expl" for ch in n.head.children):
            triggers[i] = n  # "there were skirmishes", "there had been a serious revolt"
        elif n.dep_ == "pobj" and _of_someone(n):
            triggers[i] = n  # "after the murder of Marinus": a named person's event
    # Governors host the event of their complement ("ceased advancing").
    for i, t in triggers.items():
        for g in _governors(t):
            hosts.setdefault(g.i, i)
        if _suffered(t, t.head):
            hosts.setdefault(t.head.i, i)  # "on 31 January the Midlands had 67 killed"
    # Timexes: climb from the timex to the first event (or host, or event noun) above it.
    time_of: dict[int, str] = {}
    timed_tokens = {
        tok.i
        for s, e, _ in timex_spans
        if (sp := doc.char_span(s - offset, e - offset, alignment_mode="expand")) is not None
        for tok in sp
    }
    planned: set[str] = set()
    tx_start = {tid: s for s, _, tid in timex_spans}
    for s, e, tid in timex_spans:
        span = doc.char_span(s - offset, e - offset, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        again = _repeated_before(span, c)
        if again is not None:
            triggers.setdefault(again.i, again)
            time_of.setdefault(again.i, tid)
            continue
        if _set_for(span):
            planned.add(tid)
            for n in _planned_events(span.root.head.head, nouns):
                triggers[n.i] = n  # "fixed the attack ... for the morning of the 10th"
                time_of.setdefault(n.i, tid)
        t = span.root
        last = span[-1]
        if (
            attributive is not None
            and last.dep_ in ("compound", "amod", "nmod")
            and last.head.i == span.end
            and last.head.pos_ == "NOUN"
        ):
            attributive.add(tid)
        # A relative clause on the date itself is that date's event: "until the 20th, when
        # the enemy forced the wood", "in 1805, when the fleet sailed".
        when = _when_clause_after(doc, span.end)
        if when is not None and when.i in triggers:
            time_of.setdefault(when.i, tid)  # "since August when the committee was formed"
        if _end_of_event(span, c):
            continue
        for tok in span:
            for ch in tok.children:
                if ch.dep_ == "acl" and _dated_participle(ch, c):
                    triggers.setdefault(ch.i, ch)  # "on the 25th pushed on": a misparse
                if ch.dep_ in ("relcl", "acl") and ch.i in triggers:
                    time_of.setdefault(ch.i, tid)
        # A fronted time adjunct dates the clause whose subject follows it: "..., on 23 June
        # the Congress called on ...", "The next day, a German counterattack began."
        fronted = _clause_after(doc, span.end)
        if _subject_date_of_conjunct(span, c, timed_tokens):
            # "The battle began on a Sunday, the 6th of September reached its climax on the
            # 9th" (a comma missing): the day closes the clause before
            t = span.root.head.head
            fronted = None
        if (
            fronted is not None
            and (fronted.i in triggers or fronted.i in hosts)
            and not _told_before(span, triggers)
        ):
            t = fronted
        for _ in range(12):
            if t.i in triggers and not (span.start <= t.i < span.end):
                time_of.setdefault(t.i, tid)
                break
            if t.i in hosts:
                time_of.setdefault(hosts[t.i], tid)
                break
            if (
                t.i in nouns
                and not (span.start <= t.i < span.end)
                and not (span.root.dep_ == "poss" and span.root.head.i == t.i)
            ):  # "after two days' bombardment": how long the bombardment was, not its date
                triggers[t.i] = nouns[t.i]
                time_of.setdefault(t.i, tid)
                break
            if t.pos_ == "VERB" and not (span.start <= t.i < span.end):
                if _dated_participle(t, c) or _dated_arrival(t, c):
                    triggers[t.i] = t
                    time_of.setdefault(t.i, tid)
                break  # a clause of its own (a participle, a light verb): not our events
            if t.head.i == t.i:
                # Reached the root through copulas only ("On 25 October the Congress was in
                # session"): the nearest event or event noun of the sentence takes the time.
                near = _nearest_in_sentence(span, triggers, nouns, time_of)
                if near is not None:
                    triggers.setdefault(near.i, near)
                    time_of[near.i] = tid
                break
            t = t.head
    _dated_by_cause(triggers, time_of)
    _dated_by_next_verb(triggers, time_of)
    _dated_by_when_clause(triggers, time_of, c)
    out = []
    for i in sorted(triggers):
        tok = triggers[i]
        is_noun = tok.pos_ in ("NOUN", "PROPN") and not _verb_tagged_otherwise(tok)
        if (
            in_quote is not None
            and in_quote(offset + tok.idx)
            and not (
                i in time_of
                and in_quote(tx_start[time_of[i]])  # its date told in a quotation too
                and _quoted_record(tok, is_noun, c)
            )
        ):
            continue  # reported words, not the narrative's events
        sent = tok.sent
        if _not_a_story_event(tok, i in time_of, is_noun, c):
            continue
        tense, kind = _tense(tok if not is_noun else tok.head, c)
        if kind in ("future", "habitual") and i not in time_of:
            continue  # "the Congress will meet", "they would gather every evening"
        govs = [] if is_noun else _governors(tok)
        ev = RawEvent(
            trigger=(
                offset + _light_start(tok, c),
                offset + _light_end(tok, c, _trigger_end(tok, hosts)),
            ),
            lemma=_phrasal(tok, c) or (None if is_noun else _light(tok, c)) or _lemma(tok),
            sentence=(offset + sent.start_char, offset + sent.end_char),
            time=time_of.get(i),
            tense=tense,
            modal=kind == "modal",
            unrealised=kind in ("future", "modal") or time_of.get(i) in planned,
            unanchored=i not in time_of
            and (
                _citation(tok, c)
                or _off_the_day(tok, c)
                or _reported_before(tok, c)
                or _in_a_reign(tok, c)
            ),
        )
        if is_noun:
            for ch in tok.children:
                if ch.dep_ == "poss" or (
                    ch.dep_ in ("amod", "compound")
                    and ch.ent_type_ in ("NORP", "ORG", "GPE", "PERSON", "MIL_UNIT")
                ):
                    ev.agents.append(_arg(ch, offset))
            h = tok.head
            hosted = tok.dep_ in _SUBJ and h.i in hosts
            if hosted:
                ev.places = [_arg(o, offset, p) for p, o in _places(h, [])]
            ev.places += [_arg(o, offset, p) for p, o in _places(tok, [])]
            ev.negated = any(ch.lower_ in c.negation for ch in tok.children if ch.dep_ == "det")
            if hosted:
                neg, hedge = _flags(h, _governors(h), c)
                ev.negated, ev.hedged = ev.negated or neg, hedge
        else:
            subs, passive = _subject(tok)
            if not subs and tok.dep_ == "aux" and _does_again(tok, c):
                subs = [ch for ch in tok.head.children if ch.dep_ in _SUBJ]  # "did the like"
            if not subs and _seen_doing(tok, c):
                subs = [ch for ch in tok.head.children if ch.dep_ in _OBJ]  # the ones seen
            for s in subs:
                for x in _with_conj(s):
                    (ev.patients if passive else ev.agents).append(_arg(x, offset))
            for ch in tok.children:
                if ch.dep_ in _OBJ:
                    for x in _with_conj(ch):
                        ev.patients.append(_arg(x, offset))
                elif ch.dep_ == "agent":
                    for g in ch.children:
                        if g.dep_ == "pobj":
                            ev.agents.append(_arg(g, offset))
            place_pairs = _places(tok, govs)
            ev.places = [_arg(o, offset, p) for p, o in place_pairs]
            ev.negated, ev.hedged = _flags(tok, govs, c)
            if tok.dep_ == "xcomp" and tok.head.i in triggers:
                ev.hedged = True  # the content of an order, call or plan: not (yet) done
            if tok.dep_ == "advcl" and any(
                ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children
            ):
                ev.hedged = True  # a purpose: "to share liquor with the Germans"
            if not (ev.agents or ev.patients or ev.places or ev.time or _has_purpose(tok)) and not (
                tok.dep_ == "ROOT"
                and any(ch.dep_ in ("prt", "prep", "dobj") for ch in tok.children)
            ):
                continue  # a bare verb with nothing attached tells the chronology nothing
        ev.quantities = _clause_quantities(tok, triggers, quantity_tokens)
        out.append(ev)
    return out


def _quoted_record(tok: Any, is_noun: bool, c: _Cues) -> bool:
    """Is ``tok``, inside a quotation and dated there, a past event the quoted text records
    ("The Duma, elected September 2d, ...", "at its meeting of 6 May the Council formed a
    committee")? A decree or proclamation quoted tells what happened on its days; what a
    speaker plans or says will be ("shall meet on 11 December") or only supposes ("I thought
    you took them last night") stays his word."""
    verb = tok.head if is_noun else tok
    top = ([verb, *_governors(verb)])[-1]
    supposed = top.dep_ == "ccomp" and _lemma(top.head) in c.reporters
    return _tense(verb, c) == ("past", None) and not supposed


def _set_for(span: Any) -> bool:
    """Is the date ``span`` the object of "for" on a plan verb (the tagger's ``plan_verbs``),
    however far from it ("fixed the attack on the chateau for the morning of the 10th")? The
    day something is set for: the story has not reached it, so it dates its event without
    moving the story's day (the tagger sees only "fixed for the 10th")."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "for" or prep.i >= span.start:
        return False
    plans = load_language("en").lists["plan_verbs"]
    return prep.head.lower_ in plans or _lemma(prep.head) in plans


def _end_of_event(span: Any, c: _Cues) -> bool:
    """Is the time phrase the end of its event, after "till" or "until" ("sleeps all
    afternoon and night, till the morrow morning")? The event began before it: not its day."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in c.end_preps


def _planned_events(verb: Any, nouns: Mapping[int, Any]) -> list[Any]:
    """The event nouns a plan verb sets ("fixed the attack", "the election was set"): they
    are to happen on the day it is set for."""
    return [ch for ch in verb.children if ch.dep_ in (*_OBJ, "nsubjpass") and ch.i in nouns]


def _when_clause_after(doc: Any, i: int) -> Any:
    """The verb of a "when" clause right after a date (token ``i``, after a comma), which the
    parser may hang on the main verb instead of the date: "since August when the committee
    was formed", "in 1805, when the fleet sailed". None if there is none."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ != "when" or doc[i].dep_ != "advmod":
        return None
    verb = doc[i].head
    return verb if verb.pos_ == "VERB" and verb.left_edge.i == i else None


def _dated_participle(tok: Any, c: _Cues) -> bool:
    """A reduced relative that carries its own date tells an event of that day: "the Duma,
    elected 2 September", "the treaty signed on 3 March" (a bare one, "the games celebrated
    by Philip", describes a thing)."""
    return (
        tok.dep_ == "acl"
        and tok.pos_ == "VERB"
        and tok.tag_ in ("VBN", "VBD")
        and tok.text.islower()
        and _lemma(tok) not in c.skip
    )


def _dated_arrival(tok: Any, c: _Cues) -> bool:
    """A dated "come" or "go" with a subject tells that its subject came about then: "the
    climax came on the 23rd", "help came between 2 and 3 p.m."."""
    return (
        _lemma(tok) in c.purpose_motion
        and tok.text.islower()
        and _has_xcomp(tok) is None
        and any(ch.dep_ in _SUBJ for ch in tok.children)
    )


def _dated_by_cause(triggers: dict[int, Any], time_of: dict[int, str]) -> None:
    """A verb with no date of its own whose doer is a dated event noun happened then:
    "damage was done by a raid on 14 April", "the bombardment of 3 May destroyed the fort"."""
    for i, tok in triggers.items():
        if i in time_of or tok.pos_ != "VERB":
            continue
        for ch in tok.children:
            doers = [g for g in ch.children if g.dep_ == "pobj"] if ch.dep_ == "agent" else [ch]
            if ch.dep_ not in _SUBJ and ch.dep_ != "agent":
                continue
            hit = next((d for d in doers if d.i in time_of and d.i in triggers), None)
            if hit is not None:
                time_of[i] = time_of[hit.i]
                break


def _dated_by_next_verb(triggers: dict[int, Any], time_of: dict[int, str]) -> None:
    """A verb joined to the next one with nothing of its own between them shares its object
    and its date: "the cruiser rammed and sank a submarine on 6 August"."""
    for i, tok in triggers.items():
        if i in time_of or tok.pos_ != "VERB":
            continue
        nxt = next((ch for ch in tok.children if ch.dep_ == "conj"), None)
        if (
            nxt is not None
            and nxt.i in time_of
            and nxt.i in triggers
            # nothing between them ("rammed a trawler and sank a brig on 9 August": no)
            and all(t.dep_ in ("cc", "punct") for t in tok.doc[i + 1 : nxt.i])
            and not any(ch.dep_ in _SUBJ or ch.dep_ in _PASS_SUBJ for ch in nxt.children)
        ):
            time_of[i] = time_of[nxt.i]


def _dated_by_when_clause(triggers: dict[int, Any], time_of: dict[int, str], c: _Cues) -> None:
    """A verb with no date of its own followed by a clause telling when it happened, with a
    date, happened then: "the emperor ordered a levy when the news arrived on 5 May", "...
    as soon as the news arrived on 5 May" (not "until", "after", "before")."""
    for i, tok in list(triggers.items()):
        if i in time_of or tok.pos_ != "VERB":
            continue
        if any(ch.dep_ == "aux" and ch.lower_ in ("had", "'d") for ch in tok.children):
            continue  # "the army had crossed the river when the news came": before it
        for cl in tok.children:
            if cl.dep_ == "advmod" and cl.lower_ == "soon":  # "as soon as ...": on "soon"
                cl = next((g for g in cl.children if g.dep_ == "advcl"), cl)
            if cl.dep_ != "advcl" or cl.i < i or cl.i not in time_of:
                continue
            marks = {g.lower_ for g in cl.children if g.dep_ in ("mark", "advmod") and g.i < cl.i}
            as_soon = cl.head.lower_ == "soon"
            if as_soon or marks & c.at_once:
                time_of[i] = time_of[cl.i]
                break


def _not_a_story_event(tok: Any, timed: bool, is_noun: bool, c: _Cues) -> bool:
    """Background, not a main-clause event of the story: a question, a heading, a relative
    or subordinate non-finite clause (kept when the clause has its own date)."""
    sent = tok.sent
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is not None and last.text in ("?", "?_", "?”", "?’"):
        return True  # "When will peace come?"
    if tok.is_upper and len(tok.text) > 1:
        return True  # a heading in capitals: "GROWING ARROGANCE OF THE REACTIONARIES"
    if is_noun:
        # a verbless fragment that is a heading or a caption (no closing full stop)
        return tok.dep_ == "ROOT" and not timed and (last is None or last.text not in (".", "!"))
    if timed:
        return False
    while tok.dep_ == "xcomp" and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head  # "for which the Socialists refused to vote": the governor's clause
    if tok.dep_ == "relcl" and _tells_on(tok, c):
        return False  # "the Guards, who fell upon the flank": the story goes on
    if (
        _main_verb_as_acl(tok)
        or _agentive_participle(tok)
        or _past_list_member(tok)
        or _main_clause_as_relcl(tok)
        or _cleft(tok, c)
        or _passive_as_advcl(tok)
        or _perfect_list_member(tok)
        or _seen_doing(tok, c)
    ):
        return False
    if tok.dep_ in c.background_clauses:
        return True  # "the officers who had arrested him", "after drawing up"
    if tok.dep_ == "advcl" and not any(
        ch.dep_ in _SUBJ or ch.dep_ in _PASS_SUBJ for ch in tok.children
    ):
        return tok.tag_ in ("VBG", "VBN", "VB")  # "surrounded by three armies", "to share"
    return False


_RELATIVIZERS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _main_clause_as_relcl(tok: Any) -> bool:
    """A main clause the parser hung as a relative on the noun of a fronted phrase: "By
    waving papers I managed to get in", "and at one time the Germans penetrated into the
    village". No relative word opens it and the phrase hangs on nothing after it (in
    "Through the door I opened, the wind came" it hangs on "came": a true relative)."""
    if tok.dep_ != "relcl" or tok.pos_ != "VERB":
        return False
    left = [x for ch in tok.children if ch.i < tok.i for x in ch.subtree]
    if any(x.tag_ in _RELATIVIZERS or x.lower_ == "that" for x in left):
        return False
    if not any(ch.dep_ in _SUBJ or ch.dep_ in _PASS_SUBJ for ch in tok.children):
        return False
    top, t = None, tok.head
    for _ in range(8):
        if t.dep_ == "prep" or t.pos_ == "ADP":
            top = t  # "and at one time ...": the parser may make the preposition a conjunct
        if t.dep_ not in ("pobj", "dobj", "pcomp", "prep") or t.head.i == t.i:
            break
        t = t.head
    if top is None or top.head.i > top.i:
        return False
    first = top.left_edge
    return first.is_sent_start or first.nbor(-1).dep_ in ("cc", "punct")


def _cleft(tok: Any, c: _Cues) -> bool:
    """A cleft's relative tells the sentence's event: "it was the students who took charge",
    "it was no weak flank that was attacked" (the relative word is its subject; in "it was a
    misfortune that the generals were not sent" "that" only links a clause)."""
    if tok.dep_ != "relcl":
        return False
    head, be = tok.head, tok.head.head
    rel = [ch for ch in tok.children if ch.dep_ in _SUBJ or ch.dep_ in _PASS_SUBJ]
    return (
        head.dep_ == "attr"
        and _lemma(be) == "be"
        and be.dep_ not in c.background_clauses
        and any(ch.dep_ in ("nsubj", "expl") and ch.lower_ == "it" for ch in be.children)
        and any(r.tag_ in _RELATIVIZERS or r.lower_ == "that" for r in rel)
    )


def _of_someone(noun: Any) -> bool:
    """Does an event noun name whose it is ("the murder of Marinus", "the death of the emperor
    Gallienus")? Such a noun tells a dated event, not a kind of thing ("in time of war")."""
    for ch in noun.children:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            for g in ch.children:
                if g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ == "PERSON"):
                    return True
                if g.dep_ == "pobj" and any(
                    x.dep_ in ("compound", "appos") and x.pos_ == "PROPN" for x in g.children
                ):
                    return True
    return False


def _off_the_day(tok: Any, c: _Cues) -> bool:
    """Does an adverb put ``tok`` off the story's running day: "was afterwards denied", "had
    once freed", or a distance from it ("are long after worn in rings": ``distant_words``
    on "after"/"before", while "soon after" stays near)? A verb joined to such a verb
    without a subject of its own shares its adverb ("who afterwards broke the Roman power,
    sacked the Capitol, and reigned in Gaul")."""
    while (
        tok.dep_ == "conj"
        and tok.head.i < tok.i
        and not any(ch.dep_ in _SUBJ or ch.dep_ in _PASS_SUBJ for ch in tok.children)
    ):
        if _own_off_the_day(tok, c):
            return True
        tok = tok.head
    return _own_off_the_day(tok, c)


def _own_off_the_day(tok: Any, c: _Cues) -> bool:
    """Does an adverb of ``tok`` itself put it off the story's running day?"""
    for ch in tok.children:
        if any(_later_on(x, c) for x in (ch, *ch.children)):
            return True  # "was abandoned later on", "was rammed later on by the Dreadnought"
        if ch.dep_ != "advmod":
            continue
        kids = [g.lower_ for g in ch.children]
        if ch.lower_ in c.unanchored and not kids and not _within_the_day(ch, c):
            return True
        if ch.lower_ in c.distant_heads and any(k in c.distant for k in kids):
            return True
    return False


def _later_on(tok: Any, c: _Cues) -> bool:
    """Is ``tok`` the "on" of "later on" ("afterwards on")? The parser hangs it on the verb or
    on a phrase of the verb. "later on in the day", "later on that evening" stay on the day."""
    return (
        tok.lower_ == "on"
        and tok.dep_ == "advmod"
        and any(g.dep_ == "advmod" and g.lower_ in c.later_openers for g in tok.children)
        and not _within_the_day(tok, c)
    )


def _within_the_day(adverb: Any, c: _Cues) -> bool:
    """Does a part of the day follow the adverb ("later in the day", "later on that evening",
    "afterwards during the night")? Then the event stays on the story's day."""
    nxt = adverb.doc[adverb.i + 1 : adverb.i + 5]
    return (
        len(nxt) > 0
        and nxt[0].lower_ in c.day_part_openers
        and any(t.lower_ in c.day_parts for t in nxt)
    )


def _in_a_reign(tok: Any, c: _Cues) -> bool:
    """Is ``tok`` placed in someone's reign ("Under the reign of Severus and his son, he
    obtained the rank of centurion")? A span of years the story does not date, not its
    running day: the event borrows none."""
    for ch in tok.children:
        if ch.dep_ != "prep" or ch.lower_ not in c.reign_preps:
            continue
        for g in ch.children:
            if g.dep_ == "pobj" and _lemma(g) in c.reign_nouns and _of_someone(g):
                return True
    return False


def _reported_before(tok: Any, c: _Cues) -> bool:
    """Is ``tok`` told in the past perfect in what someone said or supposed ("told me that he
    himself had procured the officer's release", "thought he had disposed of the British")?
    It happened some time before the saying, on no day the story gives. (What one learned or
    found out, "learned that England had prevailed on Austria", is the story's news.)"""
    if tok.pos_ != "VERB":
        return False
    v = _clause_verb(tok)
    had = any(ch.dep_ == "aux" and _lemma(ch) == "have" and ch.tag_ == "VBD" for ch in v.children)
    return had and v.dep_ == "ccomp" and _lemma(v.head) in c.reporting


def _citation(tok: Any, c: _Cues) -> bool:
    """ "as Dryden remarked of Titus Oates' plot": a saying quoted from another time, an event
    of its own, not of the story's day."""
    return (
        tok.dep_ == "advcl"
        and _lemma(tok) in c.saying
        and any(ch.dep_ == "mark" and ch.lower_ == "as" for ch in tok.children)
    )


def _tells_on(tok: Any, c: _Cues) -> bool:
    """Is ``tok`` the simple-past verb of a relative clause set off by a comma ("the Guards,
    who fell upon the flank", "Hooge, where headquarters were heavily shelled")? Such a clause
    tells the next thing that happened; a restrictive or perfect one ("the officers who had
    arrested him") or a passive on a person ("who were defended by") describes."""
    auxes = [ch for ch in tok.children if ch.dep_ in ("aux", "auxpass")]
    simple = tok.tag_ == "VBD" and not auxes
    passive = tok.tag_ == "VBN" and [a.dep_ for a in auxes] == ["auxpass"]
    if not (simple or (passive and auxes[0].tag_ == "VBD")):
        return False
    rel = next(
        (
            ch
            for ch in tok.children
            if ch.i < tok.i
            and (ch.dep_ in _SUBJ or ch.dep_ in _PASS_SUBJ or ch.dep_ == "advmod")
            and ch.lower_ in c.narrative_relatives
        ),
        None,
    )
    if rel is None:
        return _partitive_relative(tok, c) and simple
    if rel.i == 0 or (passive and rel.dep_ != "advmod"):
        return False  # "the federates, who were defended by ...": a passive who describes
    return rel.doc[rel.i - 1].text == ","


def _partitive_relative(tok: Any, c: _Cues) -> bool:
    """Is ``tok`` opened, after a comma, by a phrase holding the relative word ("the
    followers of the camp, sixteen of whom he successively laid on the ground")?"""
    left = [ch for ch in tok.children if ch.i < tok.i]
    if not any(
        x.lower_ in c.narrative_relatives and x.dep_ == "pobj" for ch in left for x in ch.subtree
    ):
        return False
    first = min(ch.left_edge.i for ch in left)
    return first > 0 and tok.doc[first - 1].text == ","


def _clause_verb(tok: Any) -> Any:
    """The verb whose auxiliaries give ``tok`` its tense: up through complements and
    conjuncts that have no subject or auxiliary of their own ("will meet and decide")."""
    t = tok
    for _ in range(6):
        own = any(
            (ch.dep_ in ("aux", "auxpass") and ch.lower_ != "to") or ch.dep_ in _SUBJ
            for ch in t.children
        )  # an infinitive's "to" gives no tense: "proposes to conclude" is present
        if own or t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            return t
        if _closed_aside_between(t.head, t):
            return t  # "(for the guards will strike, if they do not), seize the king"
        t = t.head
    return t


def _closed_aside_between(head: Any, tok: Any) -> bool:
    """Does a parenthesis holding ``head`` close before ``tok``? A verb outside it takes
    nothing from one inside, however the parser joined them."""
    depth = 0
    for x in tok.doc[head.i + 1 : tok.i]:
        if x.text == "(":
            depth += 1
        elif x.text == ")":
            if depth == 0:
                return True
            depth -= 1
    return False


def _tense(tok: Any, c: _Cues) -> tuple[str | None, str | None]:
    """(tense, kind) of the clause of ``tok``: tense "past" | "present" | None; kind
    "future" | "habitual" | "modal" | None."""
    if tok.dep_ == "xcomp" and _lemma(tok.head) == "use" and tok.head.tag_ == "VBD":
        return "past", "habitual"  # "used to gather"
    v = _clause_verb(tok)
    auxes = [ch for ch in v.children if ch.dep_ in ("aux", "auxpass") and ch.i < v.i]
    lows = {a.lower_ for a in auxes}
    kind = None
    if lows & c.future:
        kind = "future"
    elif lows & c.hedge_modals:
        kind = "modal"
    finite = next((a for a in auxes if a.lower_ != "to"), v)
    tag = finite.tag_
    if tag == "VBD" or (tag == "VBN" and not auxes):
        return "past", kind
    if tag in ("VBZ", "VBP"):
        return ("past" if _past_like_its_conjunct(v, auxes, c) else "present"), kind
    return None, kind


def _past_like_its_conjunct(v: Any, auxes: list[Any], c: _Cues) -> bool:
    """A form the same in past and present ("read", "put", ``same_past_forms``) coordinated
    with a past verb is past: "someone obtained a newspaper and we read an account"."""
    return not auxes and v.lower_ in c.same_past and v.dep_ == "conj" and v.head.tag_ == "VBD"


def _nearest_in_sentence(
    span: Any, triggers: dict[int, Any], nouns: dict[int, Any], taken: dict[int, str]
) -> Any:
    """The event or event noun nearest to a time phrase in its clause, not across a semicolon
    or a conjunction joining clauses ("Flandre has given its Dinner; then on Saturday there
    has been another": the Saturday is not the Dinner's)."""
    sent = span.sent
    doc = span.doc
    lo = max(
        (t.i + 1 for t in doc[sent.start : span.start] if _joins_clauses(t)), default=sent.start
    )
    hi = min((t.i for t in doc[span.end : sent.end] if _joins_clauses(t)), default=sent.end)
    best = None
    for i in range(lo, hi):
        if span.start <= i < span.end or i in taken or (i not in triggers and i not in nouns):
            continue
        d = span.start - i if i < span.start else i - span.end
        if best is None or d < best[0]:
            best = (d, triggers.get(i) or nouns[i])
    return best[1] if best else None


def _joins_clauses(tok: Any) -> bool:
    """A semicolon, or a conjunction coordinating verbs ("..., but on the 30th the French
    recovered")."""
    return tok.text == ";" or (tok.dep_ == "cc" and tok.head.pos_ in ("VERB", "AUX"))


def _told_before(span: Any, triggers: dict[int, Any]) -> bool:
    """Does the time phrase hang on an event verb told before it, with its subject ("He
    signed, on the 23rd of April, the convention ...")? Then it is that verb's adjunct, not a
    fronted one."""
    head = span.root.head
    if head.dep_ == "prep" and head.i < span.start:
        head = head.head  # "on" -> the verb
    return (
        head.i < span.start
        and head.i in triggers
        and head.pos_ == "VERB"
        and any(ch.dep_ in _SUBJ or ch.dep_ in _PASS_SUBJ for ch in head.children)
    )  # a participle ("provoked by ..., on 23 June the Congress called") tells no event yet


def _clause_after(doc: Any, i: int) -> Any:
    """The verb whose subject starts at token i (after commas), if any: never across a
    sentence end ("... failed by 23 December. Paulus surrendered ..." is no fronted date)."""
    while i < len(doc) and (doc[i].is_punct or doc[i].is_space):
        if doc[i].text in (".", "!", "?", ";"):
            return None
        i += 1
    if i >= len(doc) or doc[i].is_sent_start:
        return None
    x = doc[i]
    for _ in range(4):
        if x.dep_ in _SUBJ or x.dep_ in _PASS_SUBJ:
            return x.head if x.left_edge.i == i else None
        if x.head.i == x.i:
            return None
        x = x.head
    return None


def _clause_quantities(tok: Any, triggers: dict[int, Any], qtok: dict[int, str]) -> list[str]:
    """Quantities whose figure sits in the trigger's clause (not in a nested event's clause)."""
    if not qtok:
        return []
    found = []
    stack = list(tok.children)
    while stack:
        t = stack.pop()
        if t.i in triggers and t.pos_ == "VERB":
            continue
        if t.i in qtok:
            found.append(qtok[t.i])
        stack.extend(t.children)
    return sorted(set(found), key=lambda q: int(q[1:]))


# ---------------------------------------------------------------- dates
#: A year holds at least this share of a text's days (and two of them) to be one its story
#: dwells in; a day of another year is a glance back or ahead that does not move the story.
HOME_SHARE = 0.1


def _home_years(days: Iterable[str]) -> set[int] | None:
    """The years a story's days mostly fall in, or None (every year) when it names too few
    days to tell (fewer than ten)."""
    years = Counter(int(d[:4]) for d in days if d[:4].isdigit())
    total = sum(years.values())
    if total < 10:
        return None
    return {y for y, n in years.items() if n >= max(2, HOME_SHARE * total)}


def _outside(home_years: set[int] | None, day: str) -> bool:
    """Is a full date's year outside the story's years (a glance back or ahead)?"""
    return home_years is not None and day[:4].isdigit() and int(day[:4]) not in home_years


def _looks_back(t: Timex, day: str, reference: str | None) -> bool:
    """Is ``t`` a day told back from the running day ("the evening before", "the previous
    night": words in ``backward_words``)? It dates its own event; the story stays put."""
    if reference is None or not _FULL_DATE.match(reference) or day >= reference:
        return False
    return any(w in cues().backward for w in re.findall(r"[a-z]+", t.text.lower()))


def _framing_part(value: str | None) -> str | None:
    """What a date tells of where the story is: a season or quarter ("the summer of the year
    249", "1917-SU") puts it in that year."""
    if value and not _DATE_VALUE.match(value) and _YEAR_KNOWN.match(value):
        return value.split("-")[0]
    return value


def _concrete(value: str | None) -> bool:
    if not value or "X" in value:
        return False
    return _DATE_VALUE.match(value.split("T")[0]) is not None


def timex_date(t: Timex, calendar: str) -> str | None:
    """The date of a timex in the document calendar (None for durations, sets, unknowns)."""
    if t.type not in ("DATE", "TIME"):
        return None
    value = t.value
    if calendar == "gregorian" and t.calendar != "gregorian" and t.gregorian:
        value = t.gregorian
    elif calendar == "julian" and t.calendar == "gregorian" and "X" not in value:
        # a date after the country's switch in a Julian-dated book: back to the book's count
        from annales.temporal.calendars import convert

        try:
            value = convert(value, "gregorian", "julian") or value
        except (ValueError, KeyError, TypeError):
            pass
    if not value or value.startswith(("P", "PRESENT", "PAST", "FUTURE")):
        return None
    day = value.split("T")[0]
    if "X" in day:
        # Only the known part of a partly resolved date ("1917-03-XX" -> "1917-03").
        known = re.match(r"^(\d{4}(?:-\d{2})?)(?=-X)", day)
        return known.group(1) if known else None
    if _DATE_VALUE.match(day):
        return day
    # a season, week or named period keeps its value; a century or decade ("16" for "the
    # 16th century") is no date for an event
    return value if _YEAR_KNOWN.match(value) else None


def assign_dates(
    events: list[Event],
    timexes: list[Timex],
    calendar: str,
    *,
    breaks: Sequence[int] = (),
    asides: Collection[str] = (),
    background: Collection[str] = (),
    passing: Collection[str] = (),
    shifts: Mapping[str, Shift] | None = None,
    spans: Sequence[tuple[int, str]] = (),
    sentences: Sequence[int] = (),
    day_reach: int | None = None,
    scene_days: Collection[str] = (),
    heading_days: Collection[str] = (),
    story_now: Collection[str] = (),
    seed: str | None = None,
    paragraphs: Sequence[int] = (),
    quoted: Collection[str] = (),
) -> None:
    """Explicit dates from linked timexes; else the running narrative reference (in place).

    The reference moves with each fully specified date (a day, ``1917-06-24``); months and
    years mentioned in passing ("slated for early July") do not move it, but one that opens
    its sentence ("In 1806 the ...") or comes before any other date does (``_frames``). It is
    dropped at ``breaks`` (chapter headings: a new chapter may open anywhere in time).
    Timexes in ``asides`` (a date in parentheses: "(16/28 August 1813)") neither move it nor
    date an event, except events in ``quoted`` (told inside the same quotation as their
    date: a quoted decree's "the Duma, elected September 2d"); events in ``background``
    (generic, habitual, modal) borrow nothing.
    Timexes in ``passing`` (a thing's date: "its limits of 1 January 1792") date their own
    event but do not move the reference either. A borrowed day becomes its month (or year)
    when the event's sentence tells a duration in ``spans`` ("In a few days he crossed"), unless
    the duration is itself one of the ``asides`` (a quotation's "within a fortnight").

    An event dated by a duration in ``shifts`` ("two days before Christmas", "a week after
    the armistice") gets its anchor's date moved by the duration; the anchor may be an
    earlier dated event named by its trigger or a short argument ("The armistice was signed
    on ..."). With ``sentences`` (sorted sentence starts) and ``day_reach``, a borrowed day
    holds for ``day_reach`` sentences of story events after the one that gave it; further
    on, if the story goes on to a later day before the next break, the event lies somewhere
    between the two and borrows the month ("1917-11"); if it names none, or only a day it
    goes back to ("On the 8th, ...") or one a plan is fixed for ("for the morning of the
    10th"), the day told at length holds. Before the story's first date, events take its month when it comes within
    ``OPENING_REACH`` sentences, and its day, however far, when it is one of ``scene_days``
    (a day stated as the scene's own: "... It is Monday the 21st of January 1793."). A day
    that heads a diary entry (``heading_days``: "February 25th." on a line of its own) holds
    for the whole entry, however long. Events in ``story_now`` are told in the past with a
    "now" ("Von Kluck now received ..."): the story's now, so they borrow its date. Before
    the text dates anything, events take the ``seed`` (the reference the reader gave: "1917").
    A year or month reached by going back from the running date ("About thirty-two years
    before that event, ...") frames a flashback: it holds to the end of its paragraph
    (``paragraphs``: sorted offsets of paragraph breaks), then the story's date returns.
    A range of days ("From 6-8 May") dates its events, and the story, to the month both ends
    share (``_range_dates``); a day told back ("the evening before") dates its sentence only
    (``_looks_back``); after a sentence summing up an event's course over several days the
    story starts again from its first day (``_summaries``); a borrowed day that has faded
    between two named days becomes the month holding most of the interval (``_between``); an
    event told in a sentence on its way to a day weeks after the running one takes that
    day's month (``_day_ahead_in_sentence``).
    """
    by_id = {t.id: t for t in timexes}
    # a duration in a quotation or parentheses ("Their heads shall fall within a fortnight,"
    # croaks ...) is someone's word, not how long the narrated events took
    aside_starts = {t.start for t in timexes if t.id in asides}
    spans = [(p, u) for p, u in spans if p not in aside_starts]
    order = sorted(
        (t for t in timexes if t.type in ("DATE", "TIME") and not bare_part(t)),
        key=lambda t: t.start,
    )
    ranged = _range_dates(order, events, calendar)
    summaries = _summaries(order, events, calendar)
    recounted = _recounted_after_summaries(order, summaries, calendar)

    def date_of(t: Timex) -> str | None:
        return recounted.get(t.id) or ranged.get(t.id) or timex_date(t, calendar)

    k = 0
    b = 0
    reference: str | None = None
    ref_pos = 0  # where the reference was given
    passing_starts = {t.start for t in order if t.id in passing}
    days = [
        (t.start, d)
        for t in order
        if t.id not in asides and (d := date_of(t)) and _FULL_DATE.match(d)
    ]
    # the days the story reaches (not a plan's day: "fixed the attack for the 10th")
    reached = [(p, d) for p, d in days if p not in passing_starts]
    starts = [t.start for t in order]
    scenes = {t.start for t in order if t.id in scene_days}
    home_years = _home_years(d for _, d in days)
    glance: tuple[str, int] | None = None  # a day outside the story's years, to its sentence end
    told: set[int] = set()  # sentences of story events told since then
    entry = False  # the reference heads a diary entry: it holds to the next date
    named: dict[str, str] = {}  # a word for an earlier dated event -> its date
    # a flashback's (date, the running date before it, the end of its paragraph)
    flashback: tuple[str, str | None, int] | None = None
    off_until = -1  # a paragraph told some time after the story's day ("Later the ...")
    for ev in sorted(events, key=lambda e: e.trigger.start):
        if flashback is not None and ev.trigger.start >= flashback[2]:
            if reference == flashback[0]:
                reference = flashback[1]
            flashback = None
        while b < len(breaks) and breaks[b] <= ev.trigger.start:
            reference = None
            # dates between the break and this event still count (the loop below)
            while k < len(order) and order[k].start < breaks[b]:
                k += 1
            b += 1
        while k < len(order) and order[k].start <= ev.trigger.start:
            d = _framing_part(date_of(order[k]))
            if d and _concrete(d) and order[k].id not in asides and order[k].id not in passing:
                if _FULL_DATE.match(d) and (
                    _outside(home_years, d) or _looks_back(order[k], d, reference)
                ):
                    # "drafted on November 15th, 1916" in a 1917 story, "the evening before":
                    # a glance that dates its own sentence only
                    glance = (d, next_start(sentences, order[k].start))
                elif (
                    _FULL_DATE.match(d)
                    or order[k].id in ranged  # the story has reached a range of days
                    or _frames(d, reference, order[k], sentences)
                ):
                    # an hour of the entry's own day ("at about five") does not end the entry
                    entry = order[k].id in heading_days or (entry and d == reference)
                    reference, ref_pos = d, order[k].start
                    told.clear()
            k += 1
        while summaries and ev.trigger.start >= summaries[0][0]:
            _, first_day, last_day = summaries.pop(0)
            if reference == last_day:  # the story goes back to tell it
                reference, ref_pos = first_day, ev.trigger.start
                told.clear()
        if ev.time is None and ev.id in background and _opens_later_paragraph(ev, paragraphs):
            off_until = next_start(paragraphs, ev.trigger.start)
        shift = shifts.get(ev.time) if shifts and ev.time else None
        if shift is not None and ev.time is not None:
            anchor = _shift_anchor(shift, by_id, asides, calendar, reference or seed, named)
            d = shift_date(anchor, shift, calendar) if anchor else None
            if d:
                ev.date, ev.date_source = d, "explicit"
                # a day moves the story; a year or month does when it opens its sentence
                # ("About thirty-two years before that event, the emperor halted ...")
                if _FULL_DATE.match(d) or _frames(d, reference, by_id[ev.time], sentences):
                    if shift.sign < 0 and not _FULL_DATE.match(d) and paragraphs:
                        flashback = (d, reference, next_start(paragraphs, ev.trigger.start))
                    reference, ref_pos = d, ev.trigger.start
                    told.clear()
                _remember(ev, named)
            continue  # relative to an anchor we cannot date: no borrowed date either
        t = by_id.get(ev.time) if ev.time else None
        if t is not None and t.id in asides and ev.id in quoted:
            if d := date_of(t):
                ev.date, ev.date_source = d, "explicit"
            continue  # the quotation's own time: it moves no story, lends no borrowed day
        if t is not None and (t.id in asides or ev.id in story_now):
            t = None
        d = date_of(t) if t else None
        if d:
            ev.date, ev.date_source = d, "explicit"
            if _FULL_DATE.match(d) and (
                _outside(home_years, d) or (t is not None and _looks_back(t, d, reference))
            ):
                glance = (d, next_start(sentences, ev.trigger.start))  # its sentence only
            elif (_FULL_DATE.match(d) or (t is not None and t.id in ranged)) and (
                t is None or t.id not in passing
            ):
                reference, ref_pos = d, t.start if t is not None else ev.trigger.start
                told.clear()
        elif t is not None and t.type in ("DATE", "TIME"):
            # its own time is unresolved ("on Thursday", no anchor): no borrowed day, but a
            # story dated only to a year or month holds it ("The next day" in 0203)
            if (
                reference
                and not _FULL_DATE.match(reference)
                and "X" in (t.value or "")
                and ev.id not in background
            ):
                ev.date, ev.date_source = reference, "narrative"
            continue
        elif ev.trigger.start < off_until:
            pass  # told off the story's day with the paragraph's opening event
        elif glance is not None and ev.trigger.start < glance[1] and ev.id not in background:
            ev.date, ev.date_source = glance[0], "narrative"
        elif reference and ev.id not in background:
            ev.date, ev.date_source = reference, "narrative"
            if day_reach is not None and sentences and not entry:
                # sentences of the story told since the one that gave the day (background
                # statements, questions and quotations in between do not move the story on)
                here = sentences[max(0, bisect.bisect_right(sentences, ev.trigger.start) - 1)]
                if here > ref_pos:
                    told.add(here)
                later = _next_day(reached, ev.trigger.start, breaks)
                if len(told) > day_reach and later is not None and later > reference:
                    ev.date = _between(reference, later)
            ahead = _day_ahead_in_sentence(days, ev, breaks, reference)
            if ahead is not None and ref_pos < ev.sentence.start:
                ev.date = ahead
            widened = _widened(ev.date, spans, starts, ev)
            if (
                widened != ev.date
                and ev.date == reference
                and len(widened) == 7
                and _opens_with_length(ev, spans)
            ):
                # "In a few days he passed the Danube, ... This capitulation disorganized the
                # army": the story has left the day it last named
                reference, ref_pos = widened, ev.trigger.start
                told.clear()
            ev.date = widened
        elif reference is None and ev.id not in background and sentences:
            # the story has no date yet: it opens shortly before its first day, in that month
            first = _next_day_entry(days, ev.trigger.start, breaks)
            if first is not None and first[0] in scenes:
                ev.date, ev.date_source = first[1], "narrative"
            elif _next_day_within(days, ev.trigger.start, breaks, sentences, OPENING_REACH):
                ev.date, ev.date_source = first[1][:7] if first else None, "narrative"
            elif seed is not None:
                ev.date, ev.date_source = seed, "narrative"  # what the reader was told
        _remember(ev, named)


#: Most characters between a paragraph break and the sentence opening the next paragraph.
_PARAGRAPH_GAP = 8


def _opens_later_paragraph(ev: Event, paragraphs: Sequence[int]) -> bool:
    """Does ``ev``'s sentence open its paragraph with an adverb that puts it off the story's
    day ("Later the newspapers told of another officer ... The Embassy promptly denied
    this")? The paragraph goes on from that later time: its events borrow no day."""
    words = re.findall(r"[a-z]+", ev.sentence.text[:20].lower())
    if not words or words[0] not in cues().later_openers:
        return False
    i = bisect.bisect_right(paragraphs, ev.sentence.start) - 1
    return i >= 0 and ev.sentence.start - paragraphs[i] <= _PARAGRAPH_GAP


#: Distinct days one sentence names, in order, for it to sum up a period the story then tells,
#: and how many days named after it may show the story going back inside that period.
SUMMARY_DAYS = 3
SUMMARY_LOOKAHEAD = 2


def _summaries(
    order: Sequence[Timex], events: Sequence[Event], calendar: str
) -> list[tuple[int, str, str]]:
    """(sentence end, first day, last day) of the sentences that sum up the course of an
    event named by an event noun over ``SUMMARY_DAYS`` or more days in order ("The battle
    began on Sunday the 6th, reached its climax on the 9th, and was over by the 12th"): the
    story then goes back to tell it, from its first day. Separate events told day by day
    ("the Goliath had been sunk on 12 May, the submarine disposed of the Triumph on the
    26th") are no summary."""
    nouns = cues().nouns
    named = {e.sentence.start for e in events if e.lemma.split()[0] in nouns}
    days = [(t.start, d) for t in order if (d := timex_date(t, calendar)) and _FULL_DATE.match(d)]
    starts = [p for p, _ in days]
    out = []
    for start, end in sorted({(e.sentence.start, e.sentence.end) for e in events}):
        if start not in named:
            continue
        i, j = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        told = [d for _, d in days[i:j]]
        if len(set(told)) < SUMMARY_DAYS or told != sorted(told):
            continue
        # a summary when the story goes on to tell a day inside it; a sentence that tells
        # three days in turn ("on the 22nd ..., on the 24th ..., on the 25th ...") goes on
        after = [d for _, d in days[j : j + SUMMARY_LOOKAHEAD]]
        if any(told[0] <= d < told[-1] for d in after):
            out.append((end, told[0], told[-1]))
    return out


def _recounted_after_summaries(
    order: Sequence[Timex], summaries: Sequence[tuple[int, str, str]], calendar: str
) -> dict[str, str]:
    """Days counted from the last day of a summing-up sentence ("... and was over by the
    12th. The morrow's tale was similar"), counted again from its first day, where the story
    goes back to (``_summaries``): timex id -> day."""
    out: dict[str, str] = {}
    if not summaries:
        return out
    dates = [(t, timex_date(t, calendar)) for t in order]  # (read once for every summary)
    for end, first, last in summaries:
        last_ids = {t.id for t, d in dates if t.start < end and d == last}
        for t, d in dates:
            if t.start < end or t.anchor not in last_ids or not d or not _FULL_DATE.match(d):
                continue
            try:
                gap = _dt.date.fromisoformat(d) - _dt.date.fromisoformat(last)
                out[t.id] = (_dt.date.fromisoformat(first) + gap).isoformat()
            except ValueError:
                continue
    return out


_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|till|until)\s*(?:the\s+)?$", re.I)
_BETWEEN_GAP = re.compile(r"^\s*and\s*(?:the\s+)?$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)


def _range_dates(order: Sequence[Timex], events: Sequence[Event], calendar: str) -> dict[str, str]:
    """Ids of the two days that bound a range ("From 6-8 May", "from the 2nd to the 5th",
    "between the 6th and the 9th") -> what the range tells of when: the month (or year) both
    days share. An event told over a range took its days, not the first one; "on the 6th and
    8th" lists two days and stays apart."""
    sents = sorted({(e.sentence.start, e.sentence.text) for e in events})
    starts = [s for s, _ in sents]
    out: dict[str, str] = {}
    for a, b in zip(order, order[1:], strict=False):
        da, db = timex_date(a, calendar), timex_date(b, calendar)
        if not (da and db and _FULL_DATE.match(da) and _FULL_DATE.match(db)) or da >= db:
            continue
        i = bisect.bisect_right(starts, a.start) - 1
        if i < 0 or b.end > sents[i][0] + len(sents[i][1]):
            continue  # not within one sentence an event was read in
        s0, text = sents[i]
        gap, before = text[a.end - s0 : b.start - s0], text[: a.start - s0]
        if _RANGE_GAP.match(gap) or (_BETWEEN_GAP.match(gap) and _BETWEEN.search(before)):
            common = da[:7] if da[:7] == db[:7] else da[:4] if da[:4] == db[:4] else None
            if common:
                out[a.id] = out[b.id] = common
    return out


#: Sentences ahead within which the first day a story names dates the month of the events
#: told before it ("He marched into Italy. He set out on 6 May 1800 ..."): measured with
#: benchmarks/chronology.py on both gold sets.
OPENING_REACH = 2


#: Share of the days between two named days that one month must hold for an event told
#: between them to be dated to that month (else only their year).
BETWEEN_MONTH_SHARE = 0.75


def _between(day: str, later: str | None) -> str:
    """What an event told somewhere between two days knows of its date: their month; when
    the month turns between them, the month holding most of the interval (6 May ... 5 June:
    May), else their year (30 January ... 2 February)."""
    if later is None or later[:7] == day[:7]:
        return day[:7]
    try:
        a, b = _dt.date.fromisoformat(day), _dt.date.fromisoformat(later)
    except ValueError:
        return day[:4]
    total = (b - a).days
    month_end = _dt.date(a.year + a.month // 12, a.month % 12 + 1, 1)
    first = (month_end - a).days
    if total > 0 and first / total >= BETWEEN_MONTH_SHARE:
        return day[:7]
    if total > 0 and (b - _dt.date(b.year, b.month, 1)).days / total >= BETWEEN_MONTH_SHARE:
        return later[:7]
    return day[:4]


#: Fewest days from the running day to a day named later in the same sentence for the
#: events told before that day to leave the running day ("... on the 9th of August. Napoleon
#: left Boulogne, returned to Paris, repaired to the senate on the 23rd of September").
AHEAD_GAP_DAYS = 7


def _day_ahead_in_sentence(
    days: Sequence[tuple[int, str]], ev: Event, breaks: Sequence[int], reference: str
) -> str | None:
    """The month of a day named later in ``ev``'s sentence, at least ``AHEAD_GAP_DAYS``
    after the running day and as far into its month: the sentence tells its events on the
    way to that day, so they lie in the stretch just before it, not on the running day (the
    caller keeps the running day when the sentence itself named it: "On 10 May a woman was
    killed and some houses demolished ..., and on the 31st ...")."""
    entry = _next_day_entry(days, ev.trigger.start, breaks)
    if entry is None or entry[0] >= ev.sentence.end or not _FULL_DATE.match(reference):
        return None
    try:
        a, b = _dt.date.fromisoformat(reference), _dt.date.fromisoformat(entry[1])
    except ValueError:
        return None
    if (b - a).days < AHEAD_GAP_DAYS or b.day < AHEAD_GAP_DAYS:
        return None
    return entry[1][:7]


def _next_day_within(
    days: Sequence[tuple[int, str]],
    pos: int,
    breaks: Sequence[int],
    sentences: Sequence[int],
    reach: int,
) -> str | None:
    """The next day named after ``pos`` if it lies at most ``reach`` sentences further on."""
    i = bisect.bisect_right(days, (pos, "\uffff"))
    d = _next_day(days, pos, breaks)
    if d is None:
        return None
    here = bisect.bisect_right(sentences, pos)
    there = bisect.bisect_right(sentences, days[i][0])
    return d if there - here <= reach else None


_BARE_PART = re.compile(
    r"(?i:(?:(?:early|late)\s+in\s+)?(?:the\s+)?(?:morning|afternoon|evening|night))"
)


def bare_part(t: Timex) -> bool:
    """A bare part of day ("through the night", "toward evening") carries the tagger's running
    day, no day of its own: events neither take it as their time nor follow it."""
    return _BARE_PART.fullmatch(t.text) is not None


#: How far (characters) into its sentence a month or year still opens it ("At the close of
#: 1805, ...", "In June the ..."): such a date frames the story that follows.
FRAME_REACH = 12


def _frames(value: str, reference: str | None, t: Timex, sentences: Sequence[int]) -> bool:
    """Does a month or year move the running date? Where the story has no date yet, one
    stated outright does ("At the close of 1805", not "a year ago", counted from the
    narrator's now); otherwise only when it opens its sentence and names another (or a finer)
    time than the running date: "In 1806 the ..." after a day of 1805, not "slated for early
    July"."""
    if not _DATE_VALUE.match(value):
        return False
    if reference is None:
        return t.anchor is None
    pos = t.start
    if reference.startswith(value):
        return False  # "in November" told on 3 November: the day stands
    i = bisect.bisect_right(sentences, pos) - 1
    return i >= 0 and pos - sentences[i] <= FRAME_REACH


_CLAUSE_BREAK = re.compile(r"[,;:]")
_SPAN_AMOUNT = re.compile(r"^P(?:\d+|X)([DWMY])$")


def duration_spans(
    text: str, timexes: Sequence[Timex], shifts: Mapping[str, Shift]
) -> list[tuple[int, str]]:
    """(start, unit) of the durations that leave an event's day open ("in a few days", "after
    a four days' bombardment"): not the shifts that date an event ("two days later"). An
    event's own length after "for" ("raged for three days") leaves the day of that event
    alone (it began on the day told) but opens the day of what the sentence tells after it,
    within the span ("..., and at one time they took the wood"): its unit carries the mark
    ``+`` (only what follows)."""
    lengths = cues().event_length
    out = []
    for t in timexes:
        m = _SPAN_AMOUNT.match(t.value or "") if t.type == "DURATION" else None
        if m is None or t.id in shifts:
            continue
        before = text[max(0, t.start - 30) : t.start].split()
        length = bool(before) and before[-1].lower() in lengths
        out.append((t.start, m.group(1) + ("+" if length else "")))
    return sorted(out)


def _widened(date: str, spans: Sequence[tuple[int, str]], dates: Sequence[int], ev: Event) -> str:
    """A borrowed date widened by a duration told in the event's sentence: "In a few days
    he passed the river", "the battle raged for three days" lie somewhere in that month (a
    span of months: that year), not on the day the story last named. The time expression
    nearest before the trigger counts (else the nearest after it): "after two days' fire ...,
    and on the 7th they attacked and compelled" is the 7th's business."""
    lo, hi, at = ev.sentence.start, ev.sentence.end, ev.trigger.start
    near = [(p, u) for p, u in spans if lo <= p < hi]
    if not near:
        return date
    inside = [(p, "") for p in dates if lo <= p < hi] + near
    text = ev.sentence.text

    def own_length(x: tuple[int, str]) -> bool:  # the event's own "for three days"
        return x[1].endswith("+") and (
            x[0] > at or not _CLAUSE_BREAK.search(text[x[0] - lo : at - lo])
        )

    before = [x for x in inside if x[0] < at and not own_length(x)]
    after = [x for x in inside if x[0] > at and not own_length(x)]
    pick = max(before) if before else (min(after) if after else None)
    unit = pick[1].rstrip("+") if pick is not None else ""
    if unit in ("M", "Y"):
        return date[:4]
    if unit in ("D", "W") and _FULL_DATE.match(date):
        return date[:7]
    return date


_OPENING_LENGTH = re.compile(r"^\W*(?:\w+\W+){0,2}$")


def _opens_with_length(ev: Event, spans: Sequence[tuple[int, str]]) -> bool:
    """Does the event's sentence open with a length of days or weeks ("In a few days he
    passed the Danube", "Within a week the army ...")? Story time moves on by it."""
    lo, hi = ev.sentence.start, ev.sentence.end
    return any(
        lo <= p < min(hi, ev.trigger.start)
        and u.rstrip("+") in ("D", "W")
        and _OPENING_LENGTH.match(ev.sentence.text[: p - lo]) is not None
        for p, u in spans
    )


def _next_day(days: Sequence[tuple[int, str]], pos: int, breaks: Sequence[int]) -> str | None:
    """The next day the text names after ``pos`` in the same chapter, if any."""
    entry = _next_day_entry(days, pos, breaks)
    return entry[1] if entry else None


def _next_day_entry(
    days: Sequence[tuple[int, str]], pos: int, breaks: Sequence[int]
) -> tuple[int, str] | None:
    """(offset, day) of the next day named after ``pos`` in the same chapter, if any."""
    i = bisect.bisect_right(days, (pos, "\uffff"))
    if i >= len(days):
        return None
    b = bisect.bisect_right(breaks, pos)
    if b < len(breaks) and breaks[b] <= days[i][0]:
        return None
    return days[i]


_SCENE_OPENING = re.compile(
    r"(?:^|[.!?;:\n]\s*)(?:it|this|that|the\s+day)\s+(?:is|was)\s+(?:now\s+)?$", re.I
)


def heading_days(text: str, timexes: Sequence[Timex]) -> set[str]:
    """Ids of full dates standing alone on their line, as a diary's entries are headed
    ("February 25th.", "Monday, March 4th, 1919")."""
    out: set[str] = set()
    for t in timexes:
        if t.type != "DATE" or not _FULL_DATE.match(t.value[:10]):
            continue
        ls = text.rfind("\n", 0, t.start) + 1
        le = text.find("\n", t.end)
        le = len(text) if le < 0 else le
        before, after = text[ls : t.start], text[t.end : le]
        if not before.strip(" \t,").strip("_*") and after.strip() in ("", ".", ":", "—", "-", "."):
            out.add(t.id)
    return out


def scene_days(text: str, timexes: Sequence[Timex]) -> set[str]:
    """Ids of full dates stated as the scene's own day: "It is Monday the 21st of January
    1793.", "It was now 7 November." (the date is the whole predicate of "it is")."""
    out: set[str] = set()
    for t in timexes:
        if t.type != "DATE" or not _FULL_DATE.match(t.value[:10]):
            continue
        if not _SCENE_OPENING.search(text, max(0, t.start - 40), t.start):
            continue
        rest = text[t.end : t.end + 3]
        if rest[:1] in (".", ";", "!", "") or rest[:2] in (",\n",):
            out.add(t.id)
    return out


#: Longest argument (words) whose last word names its event for "three weeks after the X".
_NAMING_ARG_WORDS = 4


def _remember(ev: Event, named: dict[str, str]) -> None:
    """Record the words that can name a dated event later: its trigger lemma and the last
    word of a short argument ("The armistice was signed on 11 November" -> "armistice")."""
    if not ev.date:
        return
    named[ev.lemma.lower()] = ev.date
    for a in ev.agents + ev.patients:
        words = a.text.split()
        if 0 < len(words) <= _NAMING_ARG_WORDS:
            named[words[-1].strip(".,;:").lower()] = ev.date


def _shift_anchor(
    shift: Shift,
    by_id: Mapping[str, Timex],
    asides: Collection[str],
    calendar: str,
    reference: str | None,
    named: Mapping[str, str],
) -> str | None:
    """The date a shift moves: its anchor timex, the running date ("before that"), or an
    earlier dated event named by the anchor noun."""
    if shift.anchor_time is not None:
        t = by_id.get(shift.anchor_time)
        return timex_date(t, calendar) if t is not None and t.id not in asides else None
    if shift.this:
        return reference
    return named.get(shift.anchor_word or "")


_HEADING_NUMBER = r"(?:[IVXLC]+|\d+|[A-Za-z]+)"
_HEADING_SMALL_WORDS = frozenset({"and", "of", "the", "to", "on", "in", "a", "an", "for", "&"})


@lru_cache(maxsize=1)
def _heading_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(sorted((re.escape(w) for w in cues().headings), key=len, reverse=True))
    line = re.compile(rf"(?im)^[ \t]*(?:{words})\b[^\n]{{0,70}}$")
    numbered = re.compile(
        rf"(?i)[ \t]*(?:{words})(?:[ \t]+(?:to|of)[ \t]+\w+)?(?:[ \t.:]+{_HEADING_NUMBER})?"
        r"[ \t.:]*(?:[-—–:][^\n]{0,60})?[ \t]*"
    )
    return line, numbered


def chapter_breaks(text: str, section_starts: Iterable[int] = ()) -> list[int]:
    """Offsets where a chapter begins: the source's sections and heading lines such as
    "CHAPTER IV", "Book II", "APPENDIX TO CHAPTER I", "NOTES AND EXPLANATIONS" (a heading
    word from cues.toml opening a short line in capitals or followed by a number)."""
    found = set(section_starts)
    line_rx, numbered = _heading_rx()
    for m in line_rx.finditer(text):
        line = m.group(0).strip()
        words = line.rstrip(".").split()
        titled = (
            len(words) <= 6
            and all(  # "NOTES AND EXPLANATIONS", "Notes and Explanations"
                w[:1].isupper() or w.lower() in _HEADING_SMALL_WORDS for w in words
            )
        )
        if line[:1].isupper() and (titled or numbered.fullmatch(m.group(0))):
            found.add(m.start())
    return sorted(found)
