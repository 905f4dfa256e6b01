"""The whole reading pipeline on the October excerpt (Julian dates, reference year 1917).

Expected facts come from reading the excerpt, not from the program's output.
"""

from __future__ import annotations

import hashlib

import pytest

from annales.chronicle import Chronicle
from annales.pipeline import read_text

_READ: dict[str, Chronicle] = {}


@pytest.fixture
def october(october_text: str) -> Chronicle:
    """Read once per session (the fixture text is the cache key)."""
    if october_text not in _READ:
        _READ[october_text] = read_text(october_text, calendar="julian", reference="1917")
    return _READ[october_text]


def _entity(ch: Chronicle, name: str):
    for e in ch.entities:
        forms = [e.name, *e.aliases]
        if any(name.lower() == f.lower() or name.lower() in f.lower().split(" ") for f in forms):
            return e
    for e in ch.entities:
        if any(name.lower() in f.lower() for f in [e.name, *e.aliases]):
            return e
    return None


def _events(ch: Chronicle, lemma: str, sentence_has: str):
    return [
        ev for ev in ch.events if ev.lemma.startswith(lemma) and sentence_has in ev.sentence.text
    ]


def test_document_metadata(october: Chronicle, october_text: str) -> None:
    doc = october.document
    assert doc.id == hashlib.sha256(october_text.encode("utf-8")).hexdigest()
    assert doc.calendar == "julian"
    assert doc.reference == "1917"
    assert october.text == october_text
    assert len(october.sentences) > 50
    for s, e in october.sentences:
        assert october_text[s:e].strip() == october_text[s:e]


def test_kerensky_telegram_on_the_24th(october: Chronicle) -> None:
    (wired,) = _events(october, "wire", "Kerensky")
    assert wired.date == "1917-06-24"
    assert wired.date_source == "explicit"
    kerensky = _entity(october, "Kerensky")
    assert kerensky is not None and kerensky.label == "PERSON"
    assert any(a.entity == kerensky.id for a in wired.agents)
    assert any("Provisional Government" in p.text for p in wired.patients)


def test_german_counterattack_the_day_after_20_june(october: Chronicle) -> None:
    (attack,) = _events(october, "counterattack", "German counterattack")
    assert attack.date == "1917-06-21"
    (halt,) = _events(october, "advanc", "ceased advancing")
    assert halt.date == "1917-06-20"
    assert halt.negated  # they ceased advancing


def test_finnish_parliament_act_on_23_june(october: Chronicle) -> None:
    (act,) = _events(october, "issue", "Finnish parliament")
    assert act.date == "1917-06-23"
    assert any("Finnish parliament" in a.text for a in act.agents)
    (call,) = _events(october, "call", "garrison units")
    assert call.date == "1917-06-23" and call.date_source == "explicit"


def test_dated_events_in_order(october: Chronicle) -> None:
    """In narrative order the excerpt runs 22, 23, 25 June, then back to 20, 21, 24 June."""
    want = [
        ("warn", "Bolshevik delegates", "1917-06-22"),
        ("resolve", "labour organisations", "1917-06-23"),
        ("warn", "justice minister", "1917-06-25"),
        ("chide", "Semashko", "1917-06-22"),
        ("call", "garrison units", "1917-06-23"),
        ("issue", "Finnish parliament", "1917-06-23"),
        ("advance", "ceased advancing", "1917-06-20"),
        ("counterattack", "German counterattack", "1917-06-21"),
        ("wire", "Kerensky", "1917-06-24"),
    ]
    found = []
    for lemma, where, date in want:
        evs = _events(october, lemma, where)
        assert evs, (lemma, where)
        assert evs[0].date == date, (lemma, where, evs[0].date)
        found.append(evs[0].trigger.start)
    assert found == sorted(found)
    # Sorted by date, the chronology starts with the halt of the advance and ends on the 25th.
    dated = sorted(
        (ev for ev in october.events if ev.date and len(ev.date) == 10), key=lambda e: e.date
    )
    assert dated[0].date == "1917-06-20"
    assert dated[-1].date == "1917-06-25"


def test_narrative_dates_flow_from_the_last_full_date(october: Chronicle) -> None:
    (panic,) = _events(october, "panic", "Panic spread")
    assert panic.date == "1917-06-21" and panic.date_source == "narrative"
    (refuse,) = _events(october, "obey", "refused to obey")
    assert refuse.date == "1917-06-20" and refuse.negated


def test_negation_and_hedging(october: Chronicle) -> None:
    (come_out,) = _events(october, "come", "likely to come out")
    assert come_out.hedged and not come_out.negated
    not_proceeding = [
        ev for ev in october.events if "was not proceeding successfully" in ev.sentence.text
    ]
    assert not_proceeding and all(ev.negated for ev in not_proceeding)
    (restrain,) = _events(october, "restrain", "would not restrain")
    assert restrain.negated


def test_figures_with_what_they_count(october: Chronicle) -> None:
    by_value = {q.value: q for q in october.quantities}
    assert "machine-gunner" in by_value[15000].unit
    assert "deserter" in by_value[12000].unit
    assert "soldier" in by_value[170000].unit
    fifty = by_value[50000]
    assert "deserter" in fifty.unit and fifty.approximate
    assert not by_value[12000].approximate
    vote = by_value[19]
    assert vote.value2 == 2
    # Dates and years are not figures.
    assert 20 not in by_value and 1917 not in by_value


def test_arrest_of_deserters_near_volochinsk(october: Chronicle) -> None:
    (arrest,) = _events(october, "arrest", "12,000 deserters")
    q = next(q for q in october.quantities if q.value == 12000)
    assert q.id in arrest.quantities
    assert any("Volochinsk" in p.text and p.entity for p in arrest.places)
    assert any("Eleventh Army" in a.text for a in arrest.agents)


def test_words_attributed(october: Chronicle, october_text: str) -> None:
    trotsky = _entity(october, "Trotsky")
    kerensky = _entity(october, "Kerensky")
    assert trotsky and kerensky
    by_text = {october_text[q.start : q.end]: q for q in october.quotes}
    trotsky_quotes = [
        q for t, q in by_text.items() if "mass desertions" in t or "complete incapacity" in t
    ]
    assert len(trotsky_quotes) == 2
    assert all(q.speaker == trotsky.id for q in trotsky_quotes)
    (telegram,) = [q for t, q in by_text.items() if "in many cases" in t]
    assert telegram.speaker == kerensky.id
    assert (
        october_text[telegram.end - 1] == "’"
        and "leave to the rear" in october_text[telegram.start : telegram.end]
    )
    # An apostrophe is not a quotation mark.
    assert not any(october_text[q.start : q.end].startswith("’s") for q in october.quotes)
    assert any(october_text[q.start : q.end] == "‘soldiers’ republic’" for q in october.quotes)


def test_people_organisations_places(october: Chronicle) -> None:
    want = {
        "Kerensky": {"PERSON"},
        "Trotsky": {"PERSON"},
        "Lenin": {"PERSON"},
        "Kalinin": {"PERSON"},
        "Semashko": {"PERSON"},
        "Provisional Government": {"ORG"},
        "Petersburg Committee": {"ORG"},
        "Kronstadt": {"GPE", "LOC", "FAC", "ORG"},
        "Putilov": {"ORG", "FAC", "GPE", "PERSON"},
        "Volochinsk": {"GPE", "LOC"},
        "Astrakhan": {"GPE", "LOC"},
        "Eleventh Army": {"MIL_UNIT"},
        "First Machine Gun Regiment": {"MIL_UNIT"},
    }
    for name, labels in want.items():
        e = _entity(october, name)
        assert e is not None, name
        assert e.label in labels, (name, e.label)


def test_aliases(october: Chronicle) -> None:
    vtsik = _entity(october, "VTsIK")
    assert vtsik is not None
    assert any("All-Russian Soviet Ispolkom" in f for f in [vtsik.name, *vtsik.aliases])
    shklovsky = _entity(october, "Shklovsky")
    assert shklovsky is not None and shklovsky.name == "Viktor Shklovsky"
    regiment = _entity(october, "First Machine Gun Regiment")
    assert regiment is not None and len(regiment.mentions) == 2
    # Junk is dropped: no entity is a single lower-case word or a bare date.
    for e in october.entities:
        assert any(c.isupper() for c in e.name), e
        assert e.name not in ("June", "22 June", "the 23rd")


def test_every_span_slices(october: Chronicle, october_text: str) -> None:
    _assert_spans(october, october_text)


def test_json_round_trip(october: Chronicle) -> None:
    again = Chronicle.from_dict(october.to_dict(include_text=True))
    assert again.events[0].trigger == october.events[0].trigger
    assert [q.value for q in again.quantities] == [q.value for q in october.quantities]


def test_empty_and_tiny_texts() -> None:
    empty = read_text("")
    assert empty.events == [] and empty.entities == [] and empty.sentences == []
    one = read_text("Riots.")
    assert one.text == "Riots."


def test_unknown_mode_is_a_clear_error() -> None:
    from annales.errors import AnnalesError

    with pytest.raises(AnnalesError, match="mode"):
        read_text("Text.", mode="poetry")


def _assert_spans(ch: Chronicle, text: str) -> None:
    for t in ch.timexes:
        assert text[t.start : t.end] == t.text
    for e in ch.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for q in ch.quantities:
        assert text[q.start : q.end] == q.text
    for u in ch.quotes:
        assert 0 <= u.start < u.end <= len(text)
        if u.speaker_span:
            assert text[u.speaker_span.start : u.speaker_span.end] == u.speaker_span.text
    for ev in ch.events:
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        assert text[ev.sentence.start : ev.sentence.end] == ev.sentence.text
        assert ev.sentence.start <= ev.trigger.start < ev.trigger.end <= ev.sentence.end
        for arg in ev.agents + ev.patients + ev.places:
            assert text[arg.start : arg.end] == arg.text
    ids = {e.id for e in ch.entities}
    qids = {q.id for q in ch.quantities}
    tids = {t.id for t in ch.timexes}
    for ev in ch.events:
        assert all(a.entity is None or a.entity in ids for a in ev.agents + ev.patients + ev.places)
        assert set(ev.quantities) <= qids
        assert ev.time is None or ev.time in tids
    assert all(u.speaker is None or u.speaker in ids for u in ch.quotes)


def test_read_many_keeps_documents_apart(tmp_path) -> None:
    from annales.ingest.source import Source
    from annales.pipeline import read, read_many

    texts = [
        "Kerensky wired the Provisional Government.",
        "",
        "On 3 March 1917 the Tsar abdicated at Pskov. " * 120,
        "Trotsky wrote a pamphlet.",
    ]
    sources = [Source(id=str(i), text=t) for i, t in enumerate(texts)]
    chronicles = list(read_many(iter(sources)))
    assert [c.document.id for c in chronicles] == ["0", "1", "2", "3"]
    assert [c.text for c in chronicles] == texts
    assert chronicles[1].events == []
    assert len(chronicles[2].events) >= 120  # a text longer than one chunk
    assert {e.name for e in chronicles[3].entities} == {"Trotsky"}
    for c in chronicles:
        _assert_spans(c, c.text)
    path = tmp_path / "note.txt"
    path.write_text(texts[0], encoding="utf-8")
    ch = read(path)
    assert ch.document.source and ch.document.source.endswith("note.txt")
    assert any(e.name == "Kerensky" for e in ch.entities)


def test_windows_line_endings_and_hard_wraps() -> None:
    text = (
        "On 3 March 1917 the Tsar\r\nabdicated at Pskov.\r\n\r\nKerensky wired the\r\n"
        "Provisional Government that “all is lost”.\r\n"
    )
    ch = read_text(text)
    _assert_spans(ch, text)
    assert {ev.lemma for ev in ch.events} >= {"abdicate", "wire"}
    assert len(ch.sentences) == 2
    assert any(e.name == "Provisional Government" for e in ch.entities)
