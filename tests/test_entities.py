"""Entities: gazetteer ruler, MIL_UNIT patterns, junk filtering, alias clusters, acronyms."""

from __future__ import annotations

from annales.entities import RawMention, acronym_pairs, cluster
from annales.pipeline import read_text


def _by_name(text: str):
    ch = read_text(text)
    return ch, {e.name: e for e in ch.entities}


def test_military_units() -> None:
    text = (
        "The Eleventh Army fell back. The 1st Machine Gun Regiment came out on the streets, "
        "joined by the Pavlovsky Regiment and sailors of the Baltic Fleet; the XIth Corps held."
    )
    _, ents = _by_name(text)
    for name in (
        "Eleventh Army",
        "1st Machine Gun Regiment",
        "Pavlovsky Regiment",
        "Baltic Fleet",
        "XIth Corps",
    ):
        assert name in ents, (name, list(ents))
        assert ents[name].label == "MIL_UNIT"
        for m in ents[name].mentions:
            assert text[m.start : m.end] == m.text


def test_surname_joins_full_name() -> None:
    text = (
        "Viktor Shklovsky set out for the front. Days later Shklovsky reached the trenches, "
        "and Shklovsky wrote about it."
    )
    _, ents = _by_name(text)
    e = ents["Viktor Shklovsky"]
    assert e.label == "PERSON"
    assert len(e.mentions) == 3
    assert "Shklovsky" in e.aliases


def test_stated_acronym_and_expansion() -> None:
    text = (
        "Delegates to the VTsIK – the All-Russian Soviet Ispolkom, or Executive Committee – "
        "warned the government. The VTsIK met again."
    )
    assert any(text[a0:a1] == "VTsIK" for (a0, a1), _ in acronym_pairs(text))
    ch, _ = _by_name(text)
    e = next(e for e in ch.entities if "VTsIK" in [e.name, *e.aliases])
    assert e.name == "All-Russian Soviet Ispolkom"
    assert sum(1 for m in e.mentions if m.text == "VTsIK") == 2


def test_parenthesised_acronym() -> None:
    pairs = acronym_pairs("The Military Revolutionary Committee (MRC) took over.")
    assert [("MRC", "Military Revolutionary Committee")] == [
        (
            "The Military Revolutionary Committee (MRC) took over."[a0:a1],
            "The Military Revolutionary Committee (MRC) took over."[e0:e1],
        )
        for (a0, a1), (e0, e1) in pairs
    ]


def test_cluster_is_pure_and_ordered() -> None:
    text = "the Provisional Government and Kerensky; Kerensky's Provisional Government"
    mentions = [
        RawMention(4, 26, "ORG"),
        RawMention(31, 39, "PERSON"),
        RawMention(41, 49, "PERSON"),
        RawMention(52, 74, "ORG"),
    ]
    ents = cluster(text, mentions)
    assert [(e.id, e.name, len(e.mentions)) for e in ents] == [
        ("e1", "Provisional Government", 2),
        ("e2", "Kerensky", 2),
    ]


def test_junk_is_dropped() -> None:
    ch, ents = _by_name("On 22 June the sailors rioted. Officially, nothing happened in June.")
    for e in ch.entities:
        assert any(c.isupper() for c in e.name)
        assert "June" not in e.name


def test_gazetteer_names() -> None:
    _, ents = _by_name(
        "Kerensky met Tsereteli in Petrograd while Pravda attacked the Provisional Government."
    )
    assert ents["Kerensky"].label == "PERSON"
    assert ents["Tsereteli"].label == "PERSON"
    assert ents["Petrograd"].label == "GPE"
    assert ents["Provisional Government"].label == "ORG"
    assert ents["Pravda"].label == "WORK_OF_ART"


def test_the_commonest_form_names_an_entity() -> None:
    text = "Kerensky spoke. Kerensky left. The Kerenskys of this world fell."
    mentions = [
        RawMention(0, 8, "PERSON"),
        RawMention(16, 24, "PERSON"),
        RawMention(35, 44, "PERSON"),
    ]
    ents = cluster(text, mentions)
    assert [(e.name, e.aliases, len(e.mentions)) for e in ents] == [("Kerensky", ["Kerenskys"], 3)]
