"""Events the parser hides: a verb tagged as a noun, a main clause parsed as a relative or
reduced clause. Each parse is built by hand, so the tests pin the misparse they repair."""

from __future__ import annotations

from spacy.tokens import Doc

from annales import nlp as nlp_mod
from annales.events import RawEvent, events_from_doc

# (word, tag, pos, dep, head index, lemma)
Row = tuple[str, str, str, str, int, str]


def _doc(rows: list[Row]) -> Doc:
    return Doc(
        nlp_mod.load().vocab,
        words=[r[0] for r in rows],
        tags=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )


def _events(rows: list[Row], times: tuple[str, ...] = ()) -> dict[str, RawEvent]:
    doc = _doc(rows)
    spans = []
    for n, t in enumerate(times, 1):
        s = doc.text.index(t)
        spans.append((s, s + len(t), f"t{n}"))
    evs = events_from_doc(doc, 0, spans, {})
    return {doc.text[e.trigger[0] : e.trigger[1]]: e for e in evs}


def test_a_verb_tagged_as_a_noun_with_an_object_is_an_event() -> None:
    # "The herald reads the decree." with "reads" tagged a plural noun
    rows: list[Row] = [
        ("The", "DT", "DET", "det", 1, "the"),
        ("herald", "NN", "NOUN", "nsubj", 2, "herald"),
        ("reads", "NNS", "NOUN", "ROOT", 2, "read"),
        ("the", "DT", "DET", "det", 4, "the"),
        ("decree", "NN", "NOUN", "dobj", 2, "decree"),
        (".", ".", "PUNCT", "punct", 2, "."),
    ]
    assert "reads" in _events(rows)


def test_a_noun_with_a_determiner_stays_a_noun_even_with_an_object() -> None:
    # "placed on an equal footing the two claims": "footing" keeps its determiner
    rows: list[Row] = [
        ("They", "PRP", "PRON", "nsubj", 1, "they"),
        ("placed", "VBD", "VERB", "ROOT", 1, "place"),
        ("an", "DT", "DET", "det", 4, "an"),
        ("equal", "JJ", "ADJ", "amod", 4, "equal"),
        ("footing", "NN", "NOUN", "dobj", 1, "footing"),
        ("the", "DT", "DET", "det", 7, "the"),
        ("two", "CD", "NUM", "nummod", 7, "two"),
        ("claims", "NNS", "NOUN", "dobj", 4, "claim"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ]
    evs = _events(rows)
    assert "placed" in evs and "footing" not in evs


def test_a_name_with_a_past_tense_verb_hung_on_it_is_a_main_clause() -> None:
    # "Kerensky telephoned from Gatchina." with "telephoned" an acl of the root "Kerensky"
    rows: list[Row] = [
        ("Kerensky", "NNP", "PROPN", "ROOT", 0, "Kerensky"),
        ("telephoned", "VBD", "VERB", "acl", 0, "telephone"),
        ("from", "IN", "ADP", "prep", 1, "from"),
        ("Gatchina", "NNP", "PROPN", "pobj", 2, "Gatchina"),
        (".", ".", "PUNCT", "punct", 0, "."),
    ]
    doc = _doc(rows)
    doc.ents = [doc.char_span(0, len("Kerensky"), label="PERSON")]
    evs = events_from_doc(doc, 0, [], {})
    assert [doc.text[e.trigger[0] : e.trigger[1]] for e in evs] == ["telephoned"]


def test_a_participle_on_a_thing_stays_a_description() -> None:
    # "The guns, trained toward the bridge." (no verbal root; "guns" is no actor)
    rows: list[Row] = [
        ("The", "DT", "DET", "det", 1, "the"),
        ("guns", "NNS", "NOUN", "ROOT", 1, "gun"),
        ("trained", "VBN", "VERB", "acl", 1, "train"),
        ("toward", "IN", "ADP", "prep", 2, "toward"),
        ("the", "DT", "DET", "det", 5, "the"),
        ("bridge", "NN", "NOUN", "pobj", 3, "bridge"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ]
    assert "trained" not in _events(rows)


def test_a_participle_misparsed_onto_a_date_is_that_date_s_event() -> None:
    # "and on the 25th pushed on": "pushed" hangs on "25th" as a reduced relative
    rows: list[Row] = [
        ("They", "PRP", "PRON", "nsubj", 1, "they"),
        ("attacked", "VBD", "VERB", "ROOT", 1, "attack"),
        ("and", "CC", "CCONJ", "cc", 1, "and"),
        ("on", "IN", "ADP", "prep", 1, "on"),
        ("the", "DT", "DET", "det", 5, "the"),
        ("25th", "NN", "NOUN", "pobj", 3, "25th"),
        ("pushed", "VBN", "VERB", "acl", 5, "push"),
        ("on", "RP", "ADP", "prt", 6, "on"),
        (".", ".", "PUNCT", "punct", 1, "."),
    ]
    evs = _events(rows, times=("the 25th",))
    assert evs["pushed"].time == "t1"


def test_a_main_clause_hung_as_a_relative_on_a_fronted_phrase_is_an_event() -> None:
    # "Through the gate the crowd broke in." with "broke" a relative clause on "gate"
    rows: list[Row] = [
        ("Through", "IN", "ADP", "ROOT", 0, "through"),
        ("the", "DT", "DET", "det", 2, "the"),
        ("gate", "NN", "NOUN", "pobj", 0, "gate"),
        ("the", "DT", "DET", "det", 4, "the"),
        ("crowd", "NN", "NOUN", "nsubj", 5, "crowd"),
        ("broke", "VBD", "VERB", "relcl", 2, "break"),
        ("in", "RP", "ADP", "prt", 5, "in"),
        (".", ".", "PUNCT", "punct", 0, "."),
    ]
    assert "broke" in _events(rows)


def test_a_true_relative_in_a_fronted_phrase_stays_background() -> None:
    # "Through the gate they built, the crowd fled." ("Through" hangs on "fled", after it)
    rows: list[Row] = [
        ("Through", "IN", "ADP", "prep", 8, "through"),
        ("the", "DT", "DET", "det", 2, "the"),
        ("gate", "NN", "NOUN", "pobj", 0, "gate"),
        ("they", "PRP", "PRON", "nsubj", 4, "they"),
        ("built", "VBD", "VERB", "relcl", 2, "build"),
        (",", ",", "PUNCT", "punct", 8, ","),
        ("the", "DT", "DET", "det", 7, "the"),
        ("crowd", "NN", "NOUN", "nsubj", 8, "crowd"),
        ("fled", "VBD", "VERB", "ROOT", 8, "flee"),
        (".", ".", "PUNCT", "punct", 8, "."),
    ]
    evs = _events(rows)
    assert "fled" in evs and "built" not in evs


def test_a_participle_with_a_named_person_after_by_is_a_deed() -> None:
    from annales.pipeline import read_text

    text = (
        "In 1710 the town was quiet. The old treaty signed by Sir Robert Walpole was torn up. "
        "A fleet manned by two thousand sailors lay in the harbour."
    )
    trig = {e.trigger.text for e in read_text(text).events}
    assert "signed" in trig  # Walpole's act
    assert "manned" not in trig  # a description of the fleet


def test_a_thing_seen_is_an_event_a_point_seen_is_not() -> None:
    from annales.pipeline import read_text

    text = (
        "On 5 May 1702 the fleet lay off Cadiz. That night strange lights were seen on the "
        "shore. It was seen that the forts were weak."
    )
    evs = [e for e in read_text(text).events if e.lemma == "see"]
    assert [e.sentence.text.split()[3] for e in evs] == ["lights"]  # only the sighting
    assert evs[0].date == "1702-05-05"


def test_there_has_been_another_tells_one_more_of_the_event_before() -> None:
    from annales.pipeline import read_text

    text = (
        "On Monday 3 May 1790 the guards held a banquet at the palace; on Tuesday there was "
        "another. There were many reasons for it."
    )
    evs = [e for e in read_text(text).events if e.lemma == "be"]
    assert [e.trigger.text for e in evs] == ["was"]  # not "there were many reasons"
    assert evs[0].date == "1790-05-04"


def test_did_the_like_hung_as_an_auxiliary_is_the_repeated_event_with_its_date() -> None:
    # "The sloop burned a brig on 4 May, the cutter did the like on 9 June." with "did" an
    # auxiliary of "like" (an interjection) and "on 9 June" hung on "burned"
    rows: list[Row] = [
        ("The", "DT", "DET", "det", 1, "the"),
        ("sloop", "NN", "NOUN", "nsubj", 2, "sloop"),
        ("burned", "VBD", "VERB", "ROOT", 2, "burn"),
        ("a", "DT", "DET", "det", 4, "a"),
        ("brig", "NN", "NOUN", "dobj", 2, "brig"),
        ("on", "IN", "ADP", "prep", 2, "on"),
        ("4", "CD", "NUM", "nummod", 7, "4"),
        ("May", "NNP", "PROPN", "pobj", 5, "May"),
        (",", ",", "PUNCT", "punct", 2, ","),
        ("the", "DT", "DET", "det", 10, "the"),
        ("cutter", "NN", "NOUN", "nsubj", 13, "cutter"),
        ("did", "VBD", "AUX", "aux", 13, "do"),
        ("the", "DT", "DET", "det", 13, "the"),
        ("like", "UH", "INTJ", "intj", 2, "like"),
        ("on", "IN", "ADP", "prep", 2, "on"),
        ("9", "CD", "NUM", "nummod", 16, "9"),
        ("June", "NNP", "PROPN", "pobj", 14, "June"),
        (".", ".", "PUNCT", "punct", 2, "."),
    ]
    evs = _events(rows, ("4 May", "9 June"))
    assert evs["did"].time == "t2" and evs["burned"].time == "t1"
    assert evs["did"].agents  # the cutter


def test_another_hung_on_a_preposition_is_still_the_subject_of_a_passive_light_verb() -> None:
    # "Higher up another was made near the ford." with "another" the object of "up" and
    # "was made" left without a subject
    rows: list[Row] = [
        ("Higher", "RBR", "ADV", "advmod", 4, "high"),
        ("up", "IN", "ADP", "prep", 0, "up"),
        ("another", "DT", "DET", "pobj", 1, "another"),
        ("was", "VBD", "AUX", "auxpass", 4, "be"),
        ("made", "VBN", "VERB", "ROOT", 4, "make"),
        ("near", "IN", "ADP", "prep", 4, "near"),
        ("the", "DT", "DET", "det", 7, "the"),
        ("ford", "NN", "NOUN", "pobj", 5, "ford"),
        (".", ".", "PUNCT", "punct", 4, "."),
    ]
    assert "made" in _events(rows)


def test_a_noun_hung_as_a_compound_of_a_finite_verb_is_its_subject() -> None:
    # "The garrison capitulated." with "garrison" a compound of "capitulated"
    rows: list[Row] = [
        ("The", "DT", "DET", "det", 2, "the"),
        ("garrison", "NN", "NOUN", "compound", 2, "garrison"),
        ("capitulated", "VBD", "VERB", "ROOT", 2, "capitulate"),
        (".", ".", "PUNCT", "punct", 2, "."),
    ]
    evs = _events(rows)
    assert "capitulated" in evs and evs["capitulated"].agents


def test_a_verb_after_a_parenthesis_takes_no_future_from_a_verb_inside_it() -> None:
    from annales.pipeline import read_text

    text = (
        "On 4 May 1702 the mob fills the square. The Guards, anxious lest they be blamed (for "
        "the Governor will punish them, if they do not), seize the old Mayor and bind him."
    )
    dates = {e.trigger.text: e.date for e in read_text(text).events}
    assert dates["seize"] == "1702-05-04" and dates["bind"] == "1702-05-04"
    assert "punish" not in dates  # the future inside the parenthesis stays out


def test_what_a_subject_had_done_to_it_is_one_event_from_have_to_the_participle() -> None:
    from annales.pipeline import read_text

    text = "The storms eased in May, but on 3 June 1916 the coast towns had 40 houses wrecked."
    ev = next(e for e in read_text(text).events if e.lemma == "wreck")
    assert ev.trigger.text == "had 40 houses wrecked"  # a reader may point to "had"
    assert (ev.date, ev.date_source) == ("1916-06-03", "explicit")
