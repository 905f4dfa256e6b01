"""Read a document into a :class:`~annales.chronicle.Chronicle`: the whole flow of DESIGN.md.

Text-only stages (calendar policy, temporal tagging, quote spans, stated acronyms) run on the
full text; the parse-based stages (entities, quantities, quote speakers, events) run chunk by
chunk as ``nlp.pipe`` yields them, keeping only small records, so memory does not grow with the
book. Document-level steps (alias clusters, entity links, narrative dates) close the read.

>>> from annales.pipeline import read_text
>>> ch = read_text("On 22 June 1917 12,000 deserters were arrested near Volochinsk.")
>>> [(q.value, q.unit) for q in ch.quantities]
[(12000.0, 'deserters')]
"""

from __future__ import annotations

import bisect
import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from annales import entities as ent_mod
from annales import events as ev_mod
from annales import nlp as nlp_mod
from annales import quantities as q_mod
from annales import quotes as quote_mod
from annales import shifts as shifts_mod
from annales.chronicle import (
    Argument,
    Chronicle,
    Document,
    Event,
    Quantity,
    Quote,
    Section,
    Span,
    Timex,
)
from annales.errors import InputError
from annales.ingest.source import Source
from annales.temporal.engine import normalise_date_arg
from annales.temporal.narrative import (
    after_signal,
    enclosed,
    in_parentheses,
    in_spans,
    note_spans,
    paragraph_breaks,
    passing_mention,
    planned_for,
)

log = logging.getLogger(__name__)

MODES = ("narratives", "news")
#: How far back (characters) a "he said" may look for the person it stands for.
PRONOUN_REACH = 600


def _tag_time(
    text: str,
    mode: str,
    dct: str | None,
    reference: str | None,
    calendar: str,
    title: str | None = None,
    quotations: list[tuple[int, int]] | None = None,
    story_start: int = 0,
) -> tuple[list[Timex], dict[str, str | None]]:
    """The timexes and the tagger's document facts (calendar and why, reference and why):
    the calendar policy runs inside the tagger, which dates each value in its own calendar."""
    try:
        from annales.temporal.engine import tag
    except ImportError:  # the tagger not built yet: a chronicle without timexes
        log.warning("annales.temporal.tag_time unavailable: no temporal expressions")
        cal, reason = _decide_calendar(text, calendar)
        return [], {"calendar": cal, "calendar_reason": reason}
    timexes, facts = tag(
        text,
        mode=mode,
        dct=dct,
        reference=reference,
        calendar=calendar,
        title=title,
        quotations=quotations or (),
        story_start=story_start,
    )
    return list(timexes), facts


def _story_start(sections: Sequence[Section]) -> int:
    """Where the story begins: the first chapter-level heading (prefaces, an editor's
    introduction and the contents come before it), 0 when the source has none."""
    for sec in sections:
        if sec.level >= 2 and sec.start > 0:
            return sec.start
    return 0


def _decide_calendar(text: str, requested: str) -> tuple[str, str | None]:
    try:
        from annales.temporal.policy import decide_calendar
    except ImportError:
        return (requested if requested != "auto" else "gregorian"), None
    return decide_calendar(text, requested)


class _DocumentReader:
    """The state of one document while its chunks go through spaCy."""

    def __init__(
        self,
        source: Source,
        mode: str = "narratives",
        calendar: str = "auto",
        reference: str | None = None,
        dct: str | None = None,
    ) -> None:
        if mode not in MODES:
            raise InputError(
                source.path or source.title or "<text>", f"unknown mode {mode!r} (narratives|news)"
            )
        self.source = source
        text = source.text
        self.text = text
        dct = dct or source.dct
        self.quotes = quote_mod.find_quotes(text)
        self.timexes, facts = _tag_time(
            text,
            mode,
            dct,
            reference,
            calendar,
            source.title,
            [(q.start, q.end) for q in self.quotes],
            _story_start(source.sections),
        )
        self.document = Document(
            id=source.id,
            title=source.title,
            source=source.path,
            calendar=facts.get("calendar") or "gregorian",
            calendar_reason=facts.get("calendar_reason"),
            reference=reference,
            dct=dct,
            sections=list(source.sections),
        )
        dated = sorted(
            (t for t in self.timexes if t.type in ("DATE", "TIME") and not ev_mod.bare_part(t)),
            key=lambda t: (t.start, t.end),
        )
        # a duration that shifts an anchor ("two days before Christmas") dates its clause too
        self.shifts = shifts_mod.find_shifts(text, self.timexes)
        dated += [t for t in self.timexes if t.id in self.shifts]
        dated.sort(key=lambda t: (t.start, t.end))
        self._dated = [(t.start, t.end, t.id) for t in dated]
        self._dated_starts = [t[0] for t in self._dated]
        spans = sorted((t.start, t.end) for t in self.timexes)
        self._tx_starts = [s for s, _ in spans]
        self._tx_ends = [e for _, e in spans]
        self._tx_maxend = _running_max(self._tx_ends)
        self._quote_starts = [q.start for q in self.quotes]
        self._notes = note_spans(text)  # "[Footnote 18: ...]": the apparatus, not the story
        self.pairs = ent_mod.acronym_pairs(text)
        self.mentions: list[ent_mod.RawMention] = []
        self.quantities: list[Quantity] = []
        self.raw_events: list[ev_mod.RawEvent] = []
        self.attributive: set[str] = set()  # dates naming a thing ("the 1st of July offensive")
        self.sentences: list[tuple[int, int]] = []

    # -- per chunk ---------------------------------------------------------------------
    def chunks(self) -> Iterator[tuple[str, int]]:
        any_chunk = False
        for s, e in nlp_mod.chunk_spans(self.text):
            any_chunk = True
            yield self.text[s:e], s
        if not any_chunk:
            yield "", 0

    def _blocked(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a timex."""
        i = bisect.bisect_left(self._tx_starts, end) - 1
        return i >= 0 and self._tx_maxend[i] > start

    def feed(self, doc: Any, offset: int) -> None:
        text = self.text
        end = offset + len(doc.text)
        for sent in doc.sents:
            s, e = offset + sent.start_char, offset + sent.end_char
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                self.sentences.append((s, e))
        self.mentions.extend(ent_mod.mentions_from_doc(doc, offset))
        qtok: dict[int, str] = {}
        for rq in q_mod.quantities_from_doc(doc, offset, text, self._blocked):
            qid = f"q{len(self.quantities) + 1}"
            self.quantities.append(
                Quantity(
                    qid,
                    rq.start,
                    rq.end,
                    text[rq.start : rq.end],
                    rq.value,
                    rq.unit,
                    rq.approximate,
                    rq.value2,
                )
            )
            qtok[rq.token_i] = qid
        i0 = bisect.bisect_left(self._quote_starts, offset)
        i1 = bisect.bisect_left(self._quote_starts, end)
        if i1 > i0:
            quote_mod.attribute(doc, offset, self.quotes[i0:i1])
        j0 = bisect.bisect_left(self._dated_starts, offset)
        j1 = bisect.bisect_left(self._dated_starts, end)
        tx = [t for t in self._dated[j0:j1] if t[1] <= end]
        self.raw_events.extend(
            ev_mod.events_from_doc(doc, offset, tx, qtok, self._in_quote, self.attributive)
        )

    def _aside(self, t: Timex) -> bool:
        """A date the narration does not stand on: in parentheses or square brackets, in an
        inline note ("[Footnote 18: ...]", however long), or in a quotation (a speaker recalling
        "the rising of July 16th", a painting's title “16/28 August 1813.”)."""
        return (
            in_parentheses(self.text, t.start, t.end)
            or in_brackets(self.text, t.start, t.end)
            or self._in_quote(t.start)
            or in_spans(self._notes, t.start)
        )

    def _in_quote(self, pos: int) -> bool:
        return self._quote_at(pos) is not None

    def _quote_at(self, pos: int) -> int | None:
        """Index of the quotation holding ``pos`` (None: narration)."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end else None

    def _dated_in_own_quote(self, events: Sequence[Event]) -> set[str]:
        """Ids of events dated by a timex in the same quotation as their trigger: a quoted
        decree's own days date its events, though they do not move the narration's day."""
        where = {t.id: self._quote_at(t.start) for t in self.timexes}
        return {
            ev.id
            for ev in events
            if ev.time is not None
            and where.get(ev.time) is not None
            and where.get(ev.time) == self._quote_at(ev.trigger.start)
        }

    # -- whole document ----------------------------------------------------------------
    def finish(self) -> Chronicle:
        text = self.text
        entities = ent_mod.cluster(text, self.mentions, self.pairs)
        index = ent_mod.EntityIndex(entities)
        # He/she resolves to the nearest person named shortly before, outside quotations.
        persons = sorted(
            (m.start, e.id)
            for e in entities
            if e.label == "PERSON"
            for m in e.mentions
            if not self._in_quote(m.start)
        )
        person_starts = [p[0] for p in persons]
        quotes = []
        for n, rq in enumerate(self.quotes, 1):
            speaker = None
            sspan = None
            if rq.speaker_start is not None and rq.speaker_end is not None:
                s, e = rq.speaker_start, rq.speaker_end
                sspan = Span(s, e, text[s:e])
                if rq.speaker_pronoun:
                    k = bisect.bisect_left(person_starts, s) - 1
                    speaker = (
                        persons[k][1] if k >= 0 and s - persons[k][0] < PRONOUN_REACH else None
                    )
                else:
                    speaker = index.at(s, e)
            quotes.append(Quote(f"u{n}", rq.start, rq.end, speaker, sspan))

        def arg(span: tuple[int, int, int, int], labels: frozenset[str] | None = None) -> Argument:
            """An argument, linked to the entity its head names (a place: any place inside)."""
            s, e, hs, he = span
            if labels:
                inner = index.inside(s, e, labels)
                eid = inner[0][2] if inner else index.at(hs, he)
            else:
                eid = index.at(hs, he)
            return Argument(s, e, text[s:e], eid)

        events = []
        background: set[str] = set()
        now_ids = {t.id for t in self.timexes if t.value == "PRESENT_REF"}
        story_now: set[str] = set()  # "Von Kluck now received": the story's now, not ours
        # in a story told in the present ("But now a swashbuckler invites him") a present "now"
        # is the story's too
        now_tenses = {"past", "present"} if _historical_present(self.raw_events) else {"past"}
        for n, r in enumerate(_story_events(self.raw_events), 1):
            s, e = r.trigger
            ss, se = r.sentence
            if r.time in now_ids and r.tense in now_tenses:
                story_now.add(f"v{n}")
            if r.modal or r.unanchored or in_spans(self._notes, s):
                background.add(
                    f"v{n}"
                )  # a modal event, or one told in a footnote: no borrowed date
            events.append(
                Event(
                    id=f"v{n}",
                    trigger=Span(s, e, text[s:e]),
                    lemma=r.lemma,
                    sentence=Span(ss, se, text[ss:se]),
                    agents=[arg(a) for a in r.agents],
                    patients=[arg(p) for p in r.patients],
                    places=[arg(p, ent_mod.PLACE_LABELS) for p in r.places],
                    quantities=list(r.quantities),
                    time=r.time,
                    negated=r.negated,
                    hedged=r.hedged,
                )
            )
        ev_mod.assign_dates(
            events,
            self.timexes,
            self.document.calendar,
            breaks=ev_mod.chapter_breaks(text, (sec.start for sec in self.document.sections)),
            asides={t.id for t in self.timexes if self._aside(t)} | self.attributive,
            background=background,
            passing=_passing(text, self.timexes) | _unrealised_times(self.raw_events, self.timexes),
            shifts=self.shifts,
            spans=ev_mod.duration_spans(text, self.timexes, self.shifts),
            sentences=sorted(s for s, _ in self.sentences),
            day_reach=NARRATIVE_DAY_REACH,
            scene_days=ev_mod.scene_days(text, self.timexes),
            heading_days=ev_mod.heading_days(text, self.timexes),
            story_now=story_now,
            seed=_seed(self.document.reference),
            paragraphs=paragraph_breaks(text),
            quoted=self._dated_in_own_quote(events),
        )
        return Chronicle(
            document=self.document,
            text=text,
            timexes=self.timexes,
            entities=entities,
            quantities=self.quantities,
            quotes=quotes,
            events=events,
            sentences=self.sentences,
        )


def _seed(reference: str | None) -> str | None:
    """The reader's reference as a date value ("1917", "1917-06"), or None."""
    try:
        return normalise_date_arg(reference, "reference")
    except ValueError:
        return None


def _unrealised_times(raw: Sequence[ev_mod.RawEvent], timexes: Sequence[Timex]) -> set[str]:
    """Ids of the times of events told as yet to come or only possible ("shall meet on 11
    December 1917 at noon"), with the times of their sentence anchored on them: they date
    those events but the story has not reached them, so they do not move its running date."""
    own = {r.time: r.sentence for r in raw if r.unrealised and r.time}
    out = set(own)
    for t in timexes:
        if t.anchor in own and own[t.anchor][0] <= t.start < own[t.anchor][1]:
            out.add(t.id)
    return out


def _passing(text: str, timexes: Sequence[Timex]) -> set[str]:
    """Ids of absolute dates that qualify a thing ("its limits of 1 January 1792"), of dates
    after "since" and of days a plan is fixed for ("fixed for 9 December"): they date their own event but, as in the tagger, do not move the story's
    running date."""
    from annales.temporal.language import load

    lists = load("en").lists
    after, frames = lists["passing_after"], lists["passing_frame_nouns"]
    dets, signals = lists["passing_determiners"], lists["passing_signals"]
    return {
        t.id
        for t in timexes
        if t.type == "DATE"
        and (
            (t.anchor is None and passing_mention(text, t.start, after, frames, dets))
            or after_signal(text, t.start, signals)
            or planned_for(
                text, t.start, lists["plan_verbs"], lists["plan_preps"], lists["future_auxiliaries"]
            )
        )
    }


#: Story sentences after the one that gave it for which a borrowed day holds (then, when a
#: later day is named, the event borrows the month): measured with benchmarks/chronology.py
#: on the development sets (gold, gold-2, gold-4, gold-5: 5 beats 4 and 6 on their sum).
NARRATIVE_DAY_REACH: int | None = 5

#: How far (characters) a square bracket may open before a date: a footnote is a paragraph.
BRACKET_REACH = 3000


def in_brackets(text: str, start: int, end: int, reach: int = BRACKET_REACH) -> bool:
    """Whether [start, end) sits inside square brackets (a footnote or an editor's note)."""
    return enclosed(text, start, end, "[", "]", reach)


#: Share of present-tense events above which a book tells its story in the present
#: ("Louis flees to Varennes"): then present-tense clauses are its events, not asides.
HISTORICAL_PRESENT = 0.5


def _historical_present(raw: Sequence[ev_mod.RawEvent]) -> bool:
    """Does the text tell its story in the present ("Louis flees to Varennes")?"""
    tensed = [r.tense for r in raw if r.tense]
    present = sum(t == "present" for t in tensed)
    return bool(tensed) and present / len(tensed) >= HISTORICAL_PRESENT


def _story_events(raw: list[ev_mod.RawEvent]) -> list[ev_mod.RawEvent]:
    """The events of the story: in a past-tense narrative an undated present-tense clause is
    a generic statement or the author's comment ("revolutions devour their children"), not
    an event."""
    if _historical_present(raw):
        return raw
    return [r for r in raw if r.tense != "present" or r.time is not None]


def _running_max(values: list[int]) -> list[int]:
    out, m = [], -1
    for v in values:
        m = max(m, v)
        out.append(m)
    return out


# ---------------------------------------------------------------- public API
def read_source(
    source: Source,
    *,
    mode: str = "narratives",
    calendar: str = "auto",
    reference: str | None = None,
    dct: str | None = None,
    nlp: Any = None,
) -> Chronicle:
    """One document's chronicle (spaCy loaded once per process unless ``nlp`` is given)."""
    return next(
        read_many([source], mode=mode, calendar=calendar, reference=reference, dct=dct, nlp=nlp)
    )


def read(path: str | Path, **options: Any) -> Chronicle:
    """Ingest ``path`` (text, Markdown, HTML, EPUB, TimeML, Gutenberg) and read it."""
    from annales.ingest import load

    return read_source(load(path), **options)


def read_text(text: str, *, title: str | None = None, **options: Any) -> Chronicle:
    """Read a string; its id is the sha256 of its UTF-8 bytes."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return read_source(Source(id=sha, text=text, title=title), **options)


def read_many(
    sources: Iterable[Source],
    *,
    mode: str = "narratives",
    calendar: str = "auto",
    reference: str | None = None,
    dct: str | None = None,
    nlp: Any = None,
) -> Iterator[Chronicle]:
    """Chronicles for many sources, streaming their chunks through one ``nlp.pipe``."""
    nlp = nlp or nlp_mod.load()
    mode = mode or "narratives"  # None from callers that pass every option through
    calendar = calendar or "auto"
    readers: dict[int, _DocumentReader] = {}

    def items() -> Iterator[tuple[str, tuple[int, int]]]:
        for n, src in enumerate(sources):
            reader = _DocumentReader(
                src, mode=mode, calendar=calendar, reference=reference, dct=dct
            )
            readers[n] = reader
            for chunk, offset in reader.chunks():
                yield chunk, (n, offset)

    current = -1
    for doc, (n, offset) in nlp_mod.parse_chunks(items(), nlp):
        if n != current:
            if current >= 0:
                yield readers.pop(current).finish()
            current = n
        readers[n].feed(doc, offset)
    if current >= 0:
        yield readers.pop(current).finish()
