"""Dating a passage that never states its year by who and what it names (data/clues.tsv).
Passages are invented; the figures are real."""

from __future__ import annotations

from annales.temporal import tag_time
from annales.temporal.clues import Clue, agreed_month, agreed_year, clues, infer, named
from annales.temporal.engine import tag


def _clue(name: str, start: int, end: int, kind: str = "person") -> Clue:
    return Clue(kind, (name,), start, end, "")


def test_the_year_most_clues_share_wins() -> None:
    got = agreed_year([_clue("A", 1914, 1918), _clue("B", 1917, 1918), _clue("C", 1917, 1917)])
    assert got is not None and got[0] == 1917 and len(got[1]) == 3


def test_clues_that_do_not_agree_date_nothing() -> None:
    assert agreed_year([_clue("Caesar", -59, -43), _clue("Napoleon", 1796, 1815)]) is None
    # two of five agreeing is not enough
    found = [_clue("A", 1700, 1701), _clue("B", 1700, 1701), _clue("C", 1500, 1500)]
    found += [_clue("D", 1300, 1300), _clue("E", 1100, 1100)]
    assert agreed_year(found) is None


def test_a_lone_clue_dates_only_when_short() -> None:
    assert agreed_year([_clue("Passchendaele", 1917, 1917, "place")]) == (
        1917,
        [_clue("Passchendaele", 1917, 1917, "place")],
    )
    assert agreed_year([_clue("Napoleon", 1796, 1815)]) is None


def test_clues_after_the_writing_are_not_the_storys() -> None:
    found = [_clue("A", 1910, 1925), _clue("B", 1919, 1925), _clue("C", 1912, 1914)]
    got = agreed_year(found, before=1915)
    assert got is not None and got[0] == 1914  # the latest the two before it share


def test_the_texts_own_weekdays_and_the_more_often_named_break_ties() -> None:
    found = [_clue("war", 1914, 1918), _clue("general", 1915, 1918)]
    assert agreed_year(found, fits=lambda y: int(y == 1916)) == (1916, found)
    battle, siege = _clue("battle", 1916, 1916), _clue("siege", 1917, 1917)
    got = agreed_year([_clue("war", 1914, 1918), battle, siege, siege])
    assert got is not None and got[0] == 1917


def test_ties_go_to_the_narrower_clues() -> None:
    got = agreed_year(
        [_clue("war", 1914, 1918), _clue("battle", 1916, 1916), _clue("x", 1914, 1914)]
    )
    assert got is not None and got[0] in (1914, 1916)
    assert agreed_year([_clue("a", 1914, 1918), _clue("b", 1916, 1916)]) == (
        1916,
        [_clue("a", 1914, 1918), _clue("b", 1916, 1916)],
    )


def test_the_gazetteer_is_read_and_names_are_whole_words() -> None:
    table = clues()
    assert "Kerensky" in table and "Robespierre" in table
    assert [c.names[0] for c in named("Kerensky fled; Robespierre spoke.")] == [
        "Kerensky",
        "Robespierre",
    ]
    assert named("Kerenskyism and robespierre") == []


def test_a_yearless_passage_is_dated_by_who_it_names() -> None:
    text = (
        "On 9 November Kerensky and his Cossacks reached Gatchina, and Kornilov's friends "
        "waited in the south. On the 11th the outposts touched Krasnoye Selo."
    )
    timexes, facts = tag(text, mode="narratives", dct="1919")
    v = {t.text: t for t in timexes}
    assert v["9 November"].value == "1917-11-09" and v["9 November"].inferred
    assert v["the 11th"].value == "1917-11-11"
    assert "Kerensky" in str(facts["reference_reason"])
    # without a creation date too
    assert {t.text: t.value for t in tag_time(text)}["9 November"] == "1917-11-09"


def test_a_passage_that_states_its_year_first_keeps_it() -> None:
    text = "In 1931 Kerensky lectured in Paris. On 9 November he spoke again."
    assert {t.text: t.value for t in tag_time(text, mode="narratives", dct="1950")}[
        "9 November"
    ] == "1931-11-09"


def test_infer_says_why() -> None:
    got = infer("Robespierre and Danton quarrelled.")
    assert got is not None and 1789 <= got[0] <= 1794 and "Robespierre" in got[2]
    assert got[1] is None  # no month unless asked


def test_a_piece_dated_to_the_day_and_a_diary_dated_at_its_head_keep_their_own_year() -> None:
    text = "On 9 November Kerensky and Kornilov met again."
    feature = {t.text: t.value for t in tag_time(text, mode="narratives", dct="1957-06-02")}
    assert feature["9 November"] == "1957-11-09"  # a dated piece tells from its own day
    diary = "Jan. 1. 1660/61. Up betimes. Cromwell and Ireton were taken up at Tyburn."
    v = {t.text: t.value for t in tag_time(diary, mode="narratives", dct="1661")}
    assert not any(x.startswith("164") or x.startswith("165") for x in v.values())


def test_a_famous_day_moves_a_story_whose_year_was_only_guessed() -> None:
    text = (
        "On the 18th Brumaire Sieyès and Roger Ducos resigned, and "
        "Lucien Bonaparte presided. About two o'clock in the afternoon the troops entered."
    )
    v = {t.text: t.value for t in tag_time(text, mode="narratives", dct="1824")}
    assert v["About two o'clock in the afternoon"] == "1799-11-09T14:00"


def test_a_regnal_year_counts_from_the_reigns_first_year() -> None:
    v = {
        t.text: t.value
        for t in tag_time(
            "It was the twentieth year of the reign of King Edward the Third, and the 3rd "
            "year of Queen Anne was long to come; in the tenth year of King Zorbul the Great "
            "nothing happened."
        )
    }
    assert v["the twentieth year of the reign of King Edward the Third"] == "1346"
    assert v["the 3rd year of Queen Anne"] == "1704"
    assert not any("Zorbul" in k for k in v)  # a ruler the gazetteer does not know


def test_a_regnal_year_of_a_ruler_named_alone() -> None:
    v = {
        t.text: t.value
        for t in tag_time(
            "In the fifth year of Justinian the factions rose; in the third year of Wilson it "
            "rained, and in the second year of Boswell nothing happened."
        )
    }
    assert v["the fifth year of Justinian"] == "0531"
    # a known name that held no throne, or an unknown one, is no reign
    assert not any("Wilson" in k or "Boswell" in k for k in v)


def test_his_reign_is_the_reign_of_the_ruler_named_nearest() -> None:
    def values(text: str) -> dict[str, str]:
        return {t.text: t.value for t in tag_time(text, mode="narratives")}

    # the ruler named before, or after in the same sentence
    before = values("Till Diocletian, in the twentieth year of his reign, came to Rome.")
    assert before["the twentieth year of his reign"] == "0303"
    after = values("It was in the twenty first year of his reign that Diocletian abdicated.")
    assert after["the twenty first year of his reign"] == "0304"
    # "his" is not a queen's, and the last ruler named is the one meant
    v = values("Aurelian marched against Zenobia. In the fourth year of his reign he triumphed.")
    assert v["the fourth year of his reign"] == "0273"
    # a general whose years begin before his crown, or no ruler at all: left alone
    assert "the fourth year of his reign" not in values(
        "Napoleon crossed the Alps. In the fourth year of his reign he was crowned."
    )
    assert values("In the third year of her reign the queen married.") == {}
    # a ruler's name is one the tagger looks for
    maurice = values("Augustine came 'in the fourteenth year of the Emperor Maurice'.")
    assert maurice["the fourteenth year of the Emperor Maurice"] == "0595"
    assert (
        values("the sixteenth of his reign, as Zosimus says of Honorius")[
            "the sixteenth of his reign"
        ]
        == "0410"
    )
    # a ruler in another paragraph is not the one meant
    assert values("Diocletian ruled.\n\nIn the sixth year of his reign the king died.") == {}


def test_a_regnal_year_takes_the_stated_year_it_straddles() -> None:
    text = (
        "In the year of grace 1381, being the fourth year of the reign of King Richard the "
        "Second, the commons rose. In the fourth year of King Richard the Second the French "
        "came."
    )
    v = [(t.text, t.value) for t in tag_time(text, mode="narratives")]
    # Richard acceded in 1377: his fourth year runs from 1380 into 1381, so the year told
    # with it is kept, and a regnal year does not move the story back
    assert v[1] == ("the fourth year of the reign of King Richard the Second", "1381")
    assert v[2] == ("the fourth year of King Richard the Second", "1381")
    alone = tag_time("In the fourth year of King Richard the Second the French came.")
    assert [t.value for t in alone] == ["1380"]


def test_a_twelvemonth_is_a_year() -> None:
    v = {
        t.text: t.value
        for t in tag_time(
            "In 1857 he waited a twelvemonth. A twelvemonth later he died.", mode="narratives"
        )
    }
    assert v["a twelvemonth"] == "P1Y"
    assert v["A twelvemonth later"] == "1858"


def test_days_told_before_the_first_year_take_that_year_not_the_books() -> None:
    text = (
        "The emperor was murdered in the middle of March, in the year of Rome 1028, and the "
        "senate met again on the 25th of September."
    )
    v = {t.text: t.value for t in tag_time(text, mode="narratives", dct="1776")}
    assert v["the middle of March"] == "0275-03"
    assert v["the 25th of September"] == "0275-09-25"


def _episode(name: str, first: tuple[int, int], last: tuple[int, int]) -> Clue:
    return Clue(
        "place",
        (name,),
        first[0],
        last[0],
        "test",
        (first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - 1),
    )


def test_the_month_most_episodes_agree_on() -> None:
    ligny, bras = _episode("L", (1815, 6), (1815, 6)), _episode("Q", (1815, 6), (1815, 6))
    siege = _episode("S", (1815, 5), (1815, 7))
    assert agreed_month([ligny, bras, siege], 1815) == 6
    assert agreed_month([ligny], 1815) == 6  # a lone episode of one month
    assert agreed_month([siege], 1815) is None  # a lone one of three months says no month
    other = _episode("O", (1815, 2), (1815, 2))
    assert agreed_month([ligny, other], 1815) is None  # they disagree
    assert agreed_month([ligny, bras], 1816) is None  # not that year's
    undated = Clue("person", ("P",), 1815, 1815, "test")
    assert agreed_month([undated], 1815) is None


def test_days_told_without_month_take_the_month_of_the_episodes_named() -> None:
    text = (
        "At daybreak on the 15th his columns crossed the Sambre. On the 16th two battles "
        "were fought, at Ligny and at Quatre Bras."
    )
    v = {t.text: t.value for t in tag_time(text, mode="narratives", dct="1870")}
    assert v["the 15th"] == "1815-06-15"
    assert v["the 16th"] == "1815-06-16"


def test_days_told_with_their_weekdays_take_the_one_month_they_fit() -> None:
    from annales.temporal.engine import _month_of_weekdays, candidates

    text = "By Wednesday, the 4th, they were across. On Thursday, the 5th, and Monday, the 9th."
    cands = candidates(text, "narratives", "gregorian", "en")
    assert _month_of_weekdays(cands, 1864, "gregorian") == 5  # only May 1864 fits all three
    assert _month_of_weekdays(cands, 1865, "gregorian") is None  # January and October 1865
    assert (
        _month_of_weekdays(
            candidates("On the 4th.", "narratives", "gregorian", "en"), 1864, "gregorian"
        )
        is None
    )


def test_names_match_without_their_accents_and_capitalised() -> None:
    got = named("The Relief of Orleans; Johan Baner in Saxony; the treaty of Kucuk Kaynarca")
    assert [c.note for c in got] == [
        c.note for c in (clues()[n] for n in ("relief of Orléans", "Johan Banér", "Küçük Kaynarca"))
    ]
    assert named("the maid of orleans") == []  # only a first letter written small is lifted


def test_a_weekday_fits_the_old_style_of_a_country_that_still_kept_it() -> None:
    # Jeffreys and Oates share 1683-1685; Thursday the 5th of June is only 1684's, in the
    # Julian calendar England kept until 1752 (no Gregorian 5 June of those years is a Thursday)
    text = (
        "On Thursday, the 5th of June, Judge Jeffreys rode from London to Westminster, and "
        "Titus Oates was brought out of Newgate. On the 9th the Lords sat again at Whitehall."
    )
    timexes, facts = tag(text, mode="narratives", dct="1850", calendar="auto")
    v = {t.text: t.value for t in timexes}
    assert v["Thursday, the 5th of June"] == "1684-06-05" and v["the 9th"] == "1684-06-09"
    assert facts["calendar"] == "julian"


def test_names_shared_across_centuries_are_no_clue_alone() -> None:
    # a bare "Churchill" is Marlborough in the 1680s, Lord Randolph in the 1880s, Winston later
    assert named("Churchill rode to the camp.") == []
    assert [c.start for c in named("Mr Churchill spoke.")] == [clues()["Mr Churchill"].start]
    # "Francis Joseph Land" is an archipelago, not the emperor
    assert all("emperor" not in c.note.lower() for c in named("They reached Franz Josef Land."))


def test_an_episode_named_with_its_qualifier_is_its_own_year() -> None:
    got = infer("So began the Retreat from Mons; Smith-Dorrien stood at Le Cateau.")
    assert got is not None and got[0] == 1914


def test_a_lone_clue_of_several_years_dates_a_passage_whose_weekdays_pick_one() -> None:
    # Rommel's years in Africa are 1940-1944; only in 1942 is the 23rd of October a Friday
    text = (
        "On the evening of Friday, the 23rd of October, the guns opened all along the line, "
        "and by morning Rommel's men were falling back."
    )
    timexes, facts = tag(text, mode="narratives", dct="1959")
    assert {t.text: t.value for t in timexes}["the evening of Friday, the 23rd of October"] == (
        "1942-10-23TEV"
    )
    assert "Rommel" in str(facts["reference_reason"])


def test_an_old_style_split_year_stated_later_names_the_civil_year_too() -> None:
    text = (
        "On Monday, the 5th of November, the fleet of William III lay in the bay, and the "
        "Jacobites of the town were dismayed. On Sunday, the 16th of December, the King came "
        "back to London.\n\nThe Convention met on the 22nd of January 1688/9, and the crown "
        "was offered."
    )
    got = {t.text: t.value for t in tag_time(text, mode="narratives")}
    assert got["Monday, the 5th of November"] == "1688-11-05"
    assert got["Sunday, the 16th of December"] == "1688-12-16"


def test_a_battle_s_own_month_dates_its_monthless_days() -> None:
    # the Battle of Mons is August's (the retreat from it ran on into September)
    assert agreed_month(named("the Battle of Mons"), 1914) == 8
