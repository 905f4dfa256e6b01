"""Narrative dating details: which values are inferred, the calendar of each value, dual
labels, apostrophe years, title years. Passages are invented for these tests."""

from __future__ import annotations

import json

from annales.temporal import tag_time
from annales.temporal.engine import tag


def _by_text(text: str, **kw: str) -> dict[str, object]:
    return {t.text: t for t in tag_time(text, **kw)}


def test_a_year_completed_from_the_reference_is_inferred() -> None:
    text = (
        "On 4 April 1761 the mill burned. On April 9th the owners met, "
        "and the next day they sued. On 2 May 1761 the court sat."
    )
    t = _by_text(text)
    assert not t["4 April 1761"].inferred and not t["2 May 1761"].inferred
    assert t["April 9th"].value == "1761-04-09" and t["April 9th"].inferred
    # counted from a reference whose year was itself taken from the story: inferred too
    assert t["the next day"].value == "1761-04-10" and t["the next day"].inferred


def test_counting_from_a_stated_date_is_not_inferred() -> None:
    t = _by_text("On 4 April 1761 the mill burned; the next day the owners met.")
    assert t["the next day"].value == "1761-04-05" and not t["the next day"].inferred


def test_a_guessed_seed_makes_every_completion_inferred_and_exports_show_it() -> None:
    from annales.pipeline import read_text

    text = "During the Crimean War the regiment sailed. On June 3rd it landed."
    timexes, facts = tag(text)
    assert facts["reference_reason"] and "Crimean War" in facts["reference_reason"]
    june = next(t for t in timexes if t.text == "June 3rd")
    assert june.value.startswith("185") and june.inferred
    ch = read_text(text)
    exported = json.loads(ch.to_json())
    row = next(t for t in exported["timexes"] if t["text"] == "June 3rd")
    assert row["inferred"] is True


def test_each_value_takes_the_calendar_of_its_date_around_the_switch() -> None:
    text = (
        "In Petrograd the soviet met on 6 January 1918 and the Moscow committee on "
        "20 January 1918. In Moscow on 1 May 1919 the workers marched; on 7 November 1919 "
        "Petrograd celebrated, and Moscow on 8 November 1919."
    )
    timexes, facts = tag(text, calendar="auto")
    cal = {t.text: (t.calendar, t.gregorian) for t in timexes}
    assert cal["6 January 1918"] == ("julian", "1918-01-19")
    assert cal["20 January 1918"] == ("julian", "1918-02-02")
    assert cal["1 May 1919"] == ("gregorian", "1919-05-01")
    assert cal["7 November 1919"] == ("gregorian", "1919-11-07")


def test_dates_before_1582_are_julian_with_a_proleptic_gregorian_side() -> None:
    text = "The legions left Rome on 17 March 180. Rome rejoiced in A.D. 193 and in 1750 as well."
    for requested_era_text in (text, text + " In 1776 and 1788 and 1781 Rome was a ruin."):
        timexes, _ = tag(requested_era_text, calendar="auto")
        t = next(t for t in timexes if t.text == "17 March 180")
        assert t.calendar == "julian" and t.gregorian == "0180-03-16"
        assert t.label == "17 March AD 180 (Julian) · 16 March AD 180 (proleptic Gregorian)"
    # an explicit request is obeyed as it stands, and the reason says it was requested
    timexes, facts = tag(text, calendar="gregorian")
    assert {t.calendar for t in timexes} == {"gregorian"}
    assert facts["calendar_reason"] and "requested" in facts["calendar_reason"]


def test_a_book_with_post_switch_dates_dates_its_events_in_its_own_calendar() -> None:
    from annales.events import timex_date

    text = "In Petrograd on 25 October 1917 the Winter Palace fell. Moscow marched on 1 May 1919."
    timexes, facts = tag(text, calendar="auto")
    assert facts["calendar"] == "julian"
    may = next(t for t in timexes if t.text == "1 May 1919")
    assert may.calendar == "gregorian"
    assert timex_date(may, "julian") == "1919-04-18"  # the book's Julian count of that day


def test_a_dual_or_old_style_date_in_a_gregorian_book_keeps_both_sides_in_its_label() -> None:
    text = (
        "The envoys signed on 16/28 August 1813 at the frontier. "
        "The governor wrote on 5 June 1812 (O.S.) to the capital."
    )
    t = _by_text(text, calendar="gregorian")
    dual = t["16/28 August 1813"]
    assert dual.value == "1813-08-28" and dual.calendar == "gregorian"
    assert dual.label == "16 August 1813 (O.S.) · 28 August 1813 (N.S.)"
    marked = t["5 June 1812 (O.S.)"]
    assert marked.value == "1812-06-17"
    assert marked.label == "5 June 1812 (O.S.) · 17 June 1812 (N.S.)"


def test_exports_show_both_sides_of_a_dual_date() -> None:
    from annales.export.items import dated_items
    from annales.pipeline import read_text

    ch = read_text("The envoys signed the treaty on 16/28 August 1813 at the frontier.")
    item = next(i for i in dated_items(ch) if i.kind == "timex")
    assert item.display == "16 August 1813 (O.S.) · 28 August 1813 (N.S.)"


def test_apostrophe_years_take_the_century_of_the_story() -> None:
    text = (
        "On 2 March 1688 the guilds met. On 9 April 1689 the council fell. "
        "The men of '89 were proud; in June '92 the harvest failed, as in '41."
    )
    v = {t.text: t.value for t in tag_time(text)}
    assert v["'89"] == "1689"
    assert v["June '92"] == "1692-06"
    assert v["'41"] == "1641"
    # a two-digit year that would lie well after the story is the previous century's
    later = "On 3 May 1917 the soviet met. The veterans of '48 marched, and those of '05."
    v = {t.text: t.value for t in tag_time(later)}
    assert v["'48"] == "1848" and v["'05"] == "1905"


def test_news_keeps_its_reading_of_apostrophe_years() -> None:
    v = {t.text: t.value for t in tag_time("The class of '93 met.", mode="news", dct="1998-02-01")}
    assert v["'93"] == "1993"


def test_an_explicit_calendar_is_reported_with_its_reason() -> None:
    from annales.pipeline import read_text

    ch = read_text("On 3 May 1917 the soviet met in Petrograd.", calendar="julian")
    assert ch.document.calendar == "julian"
    assert ch.document.calendar_reason == "the julian calendar was requested (--calendar julian)"
    auto = read_text("On 3 May 1917 the soviet met in Petrograd.", calendar="auto")
    assert auto.document.calendar_reason and "Russia" in auto.document.calendar_reason


def test_a_year_in_the_title_seeds_the_story_and_passing_years_do_not_move_it() -> None:
    from annales.pipeline import read_text

    text = (
        "WINTER LETTERS\n\nFebruary 3rd.\n\nThe town was cold. Workmen lived worse than in "
        "1906, but the schools were full.\n\nFebruary 5th.\n\nThe old clerk remembered that "
        "from May till October 1917 he had fought the committee. Last summer he fell ill."
        "\n\nFebruary 6th.\n\nThe committee met again."
    )
    timexes, facts = tag(text, title="Riga in 1921")
    v = {t.text: t.value for t in timexes}
    assert facts["reference"] == "1921" and "title" in (facts["reference_reason"] or "")
    assert v["February 3rd"] == "1921-02-03"
    assert v["February 5th"] == "1921-02-05"  # "in 1906" was a passing mention
    assert v["February 6th"] == "1921-02-06"  # "October 1917" a flashback in its paragraph
    assert all(t.inferred for t in timexes if t.text.startswith("February"))
    ch = read_text(text, title="Riga in 1921")
    assert {t.value for t in ch.timexes} >= {"1921-02-03", "1921-02-06"}
    # the same body without the title has no year for its day-months
    assert {t.text: t.value for t in tag_time(text)}["February 3rd"] == "XXXX-02-03"


def test_a_title_year_dates_the_calendar_policy() -> None:
    from annales.temporal.policy import document_policy

    body = "In Moscow the famine of 1917 was remembered; Petrograd in 1917 starved."
    assert document_policy(body, "auto").calendar == "julian"
    titled = document_policy(body, "auto", title="Moscow in 1920")
    assert titled.calendar == "gregorian" and "title" in titled.reason
    assert document_policy(body, "auto", title="Russia 1905-1921").calendar == "julian"


def test_a_month_before_1582_is_labelled_in_its_julian_calendar_only() -> None:
    from annales.temporal.calendars import label

    assert label("0077-12", "julian") == "December AD 77"
    assert label("0193-04-13", "julian") == (
        "13 April AD 193 (Julian) · 12 April AD 193 (proleptic Gregorian)"
    )


def test_a_footnote_neither_moves_the_story_nor_lends_it_a_date() -> None:
    from annales.pipeline import read_text

    text = (
        "In the year 192 the conspiracy of Maternus was discovered. [18]\n\n"
        "[Footnote 18: Gronovius printed his treatise at Leyden, in the year 1731, and [see"
        " below] it was reprinted.]\n\n"
        "On the fourth of April the emperor entered the circus."
    )
    ch = read_text(text)
    april = next(t for t in ch.timexes if t.text == "the fourth of April")
    assert april.value == "0192-04-04"  # the story's year, not the footnote's 1731
    entered = next(e for e in ch.events if e.lemma == "enter")
    assert entered.date == "0192-04-04" and ch.document.calendar == "julian"
    printed = next(e for e in ch.events if e.lemma == "print")
    assert printed.date_source != "narrative"  # a scholar's note borrows no story date


def test_note_spans_nest_and_skip_unclosed() -> None:
    from annales.temporal.narrative import in_spans, note_spans

    t = "Text [1]. [Footnote 18: see [x] Leyden 1731.] After. [Footnote 2: never closed"
    spans = note_spans(t)
    assert [t[a:b] for a, b in spans] == ["[Footnote 18: see [x] Leyden 1731.]"]
    assert in_spans(spans, t.index("1731")) and not in_spans(spans, t.index("After"))


def test_an_undated_modern_preface_does_not_make_rome_gregorian() -> None:
    from annales.temporal import engine

    text = (
        "London, February 1, 1776.\n\nIn Rome, on 4 April 192, the emperor entered the circus."
        " On 6 April 192 Commodus was killed. On 1 January 193 Pertinax was proclaimed, and"
        " on 28 March 193 he was murdered in Rome."
    )
    timexes, facts = engine.tag(text, calendar="auto")
    assert facts["calendar"] == "julian", facts["calendar_reason"]
    assert "most of the dates it tells" in (facts["calendar_reason"] or "")
    day = next(t for t in timexes if t.text == "4 April 192")
    assert (day.value, day.calendar, day.gregorian) == ("0192-04-04", "julian", "0192-04-03")


def test_a_dateline_dates_its_document_not_the_story() -> None:
    from annales.temporal import engine

    text = (
        "The preface ends here.\n\nBentinck Street, February 1, 1776.\n\nCHAPTER I\n\n"
        "On the twenty-eighth of March the soldiers murdered Pertinax.\n\n"
        "Friday, November 9th, 1917.\n\nThe Cossacks rose on the 10th.\n"
    )
    timexes, _ = engine.tag(text, reference="0193")
    got = {t.text: t.value for t in timexes}
    assert got["February 1, 1776"] == "1776-02-01"  # the dateline keeps its own date
    assert got["the twenty-eighth of March"] == "0193-03-28"  # but the story stays in 193
    assert got["the 10th"] == "1917-11-10"  # a heading date is no dateline: it moves the story


def test_a_dateline_is_a_short_line_of_its_own() -> None:
    from annales.temporal.narrative import in_dateline

    text = "Done at\n\nPetrograd, November 18th, 1917.\n\nThe decree followed."
    s = text.index("November")
    assert in_dateline(text, s, s + len("November 18th, 1917"))
    # "Place, date" at the end of a long line is prose, however the line begins
    long = "x" * 400 + " Petrograd, November 18th, 1917.\n\nThe decree followed."
    s = long.index("November")
    assert not in_dateline(long, s, s + len("November 18th, 1917"))
    # text after the date on its line: not alone
    s = text.index("November")
    busy = text.replace("1917.", "1917. Then more.")
    assert not in_dateline(busy, s, s + len("November 18th, 1917"))


def test_the_front_matter_does_not_date_the_story() -> None:
    from annales.ingest import load_text

    text = (
        "PREFACE\n\nThis edition was revised in the winter of 1845, and printed the next"
        " summer.\n\nCHAPTER I\n\nThe legions crossed the river on the twenty-eighth of March,"
        " and the next day the city fell.\n"
    )
    from annales.pipeline import read_source

    ch = read_source(load_text(text, name="history.txt"))
    got = {t.text: t.value for t in ch.timexes}
    assert got["the winter of 1845"] == "1845-WI"
    assert got["the twenty-eighth of March"] == "XXXX-03-28"  # not 1846: the preface's year
    assert not got["the next day"].startswith("18")


def test_a_coarse_date_closing_its_sentence_is_a_glance_not_a_jump() -> None:
    from annales.temporal import engine

    text = (
        "On 27 October the battleship struck a mine; a mine caused the loss of the cruiser,"
        " with the admiral on board, in June 1916.\n\nOn 5 September a submarine sank the"
        " Pathfinder, and on the 13th another was lost."
    )
    timexes, _ = engine.tag(text, reference="1914")
    got = {t.text: t.value for t in timexes}
    assert got["June 1916"] == "1916-06"
    assert got["5 September"] == "1914-09-05" and got["the 13th"] == "1914-09-13"
    # a frame opening its sentence moves the story
    timexes, _ = engine.tag(
        "On 27 October the ship sank. In June 1916, on the 5th, the fleet met.", reference="1914"
    )
    assert {t.text: t.value for t in timexes}["the 5th"] == "1916-06-05"


def test_a_date_qualifying_a_thing_does_not_move_the_story() -> None:
    # "the frontier of 1 March 1790" names a frontier; the story stays in 1812
    text = (
        "On 3 June 1812 the envoys met at Vilna. They restored the frontier of 1 March 1790 "
        "to the duchy. On the 9th of July the army crossed the river."
    )
    t = _by_text(text)
    assert t["the 9th of July"].value == "1812-07-09"
    # a part of a day is no such thing: "the morning of" still frames the story
    t = _by_text("On the morning of 2 May 1808 the crowd rose. On the 5th the court fled.")
    assert t["the 5th"].value == "1808-05-05"


def test_an_event_after_a_thing_s_dated_name_borrows_the_story_s_day() -> None:
    from annales.pipeline import read_text

    text = (
        "On 3 June 1812 the envoys met at Vilna. They restored the frontier of 1 March 1790 "
        "to the duchy. The marshal then signed the treaty."
    )
    ch = read_text(text)
    signed = next(e for e in ch.events if e.trigger.text == "signed")
    assert signed.date == "1812-06-03"


def test_a_year_named_as_the_whole_of_a_part_frames_the_story() -> None:
    t = _by_text(
        "On 2 June 1705 the fleet sailed. In the course of 1707 the truce held. "
        "On 3 May the envoys met."
    )
    assert t["3 May"].value == "1707-05-03"
    t = _by_text("At the commencement of 1706 the army rested.")
    assert t["the commencement of 1706"].value == "1706"
    assert t["the commencement of 1706"].mod == "START"


def test_a_bare_ordinal_after_a_numbered_body_counts_bodies_not_days() -> None:
    text = (
        "On 12 March 1799 the 3rd Brigade held the ford, and the 4th gave way at dusk. "
        "On the 14th the 5th Regiment crossed; on the 15th the brigades rested."
    )
    t = _by_text(text)
    assert "the 4th" not in t  # the 4th Brigade
    # with a preposition of time it is a day all the same
    assert t["the 14th"].value == "1799-03-14" and t["the 15th"].value == "1799-03-15"


def test_a_since_date_lies_before_the_story_and_does_not_move_it() -> None:
    from annales.pipeline import read_text

    text = (
        "On 5 June 1760 the fort fell. Its garrison had held out since 2 March 1759. "
        "The victors burned the gate. On the 9th they marched off."
    )
    t = _by_text(text)
    assert t["the 9th"].value == "1760-06-09"
    burned = next(e for e in read_text(text).events if e.trigger.text == "burned")
    assert burned.date == "1760-06-05"


def test_a_history_told_in_order_moves_on_into_later_years() -> None:
    """A later year's date is the story going on, not a flashback, and a month closing its
    sentence in the next year is where the story went, unless the sentence tells it ahead."""
    text = (
        "Skirmishes took place at Kowloon on 4 September 1839 and at Chuenpi on 3 November. "
        "The House rejected a motion in April 1840.\n\n"
        "The force arrived off Canton in June 1840. It seized Chusan on 5 July.\n\n"
        "Talks dragged on. In January 1841 the British captured the forts.\n\n"
        "Fighting resumed in the spring, and in late May they stood before Canton."
    )
    got = {t.text: t.value for t in tag_time(text)}
    assert got["5 July"] == "1840-07-05"
    assert got["late May"] == "1841-05"
    # a year ahead told as a hope stays a glance: the story stays in its winter
    told = (
        "On 10 December 1914 the troops dug in. They hoped the offensive would end the war by "
        "the end of 1915. At Christmas the President visited the trenches."
    )
    assert {t.text: t.value for t in tag_time(told)}["Christmas"] == "1914-12-25"


def test_a_clock_takes_the_day_told_after_its_zone() -> None:
    text = "The treaty was signed on 12 March 1940; the fighting ended at 11 a.m. Leningrad time the following day."
    assert {t.text: t.value for t in tag_time(text)}["11 a.m."] == "1940-03-13T11:00"


def test_a_year_the_text_states_before_a_named_event_seeds_the_story() -> None:
    """A biography's birth date comes before the war it names later in its lead."""
    text = (
        "Florence Nightingale (12 May 1820 – 13 August 1910) was a reformer. She came to "
        "prominence during the Crimean War.\n\nEarly life\n\nShe was born in Florence, in the "
        "Grand Duchy of Tuscany, to a wealthy family that travelled much, and was named after "
        "the city where her parents were staying on their long wedding journey through Italy, "
        "a country her mother loved above all others. Her family returned to England the "
        "following year."
    )
    got = {t.text: t.value for t in tag_time(text, mode="narratives", dct="2013-03-01")}
    assert got["the following year"] == "1821"


_ARTICLE = (
    "Siege of Arnsburg\n\n"
    "The siege of Arnsburg was the longest action of the Saxon campaign of 1743. The town "
    "held out for eleven weeks.\n\n"
    "{heading}\n\n"
    "The duchy had been ceded to Saxony in March 1741, and its estates never accepted the "
    "cession.\n\n"
    "The siege\n\n"
    "The garrison was invested on 12 June. On 3 August a sortie failed.\n"
)


def test_after_a_background_section_the_article_goes_back_to_its_subject() -> None:
    t = _by_text(_ARTICLE.format(heading="Background"), mode="narratives", dct="2020-05-01")
    assert t["March 1741"].value == "1741-03"
    assert t["12 June"].value == "1743-06-12"
    assert t["3 August"].value == "1743-08-03"


def test_a_section_with_another_heading_carries_its_year_on() -> None:
    t = _by_text(_ARTICLE.format(heading="The cession"), mode="narratives", dct="2020-05-01")
    assert t["12 June"].value == "1741-06-12"  # the story was told on from 1741


def test_a_background_that_ran_up_to_the_subjects_year_is_not_undone() -> None:
    text = (
        "The Border War\n\n"
        "The Border War was fought from 9 April 1872 to 1874. Peace came in 1874.\n\n"
        "Background\n\n"
        "Disputes over grazing grew through 1871, and on 9 April the first shots were "
        "fired.\n\n"
        "The war\n\n"
        "On 2 May the river forts fell.\n"
    )
    t = _by_text(text, mode="narratives", dct="2020-05-01")
    assert t["2 May"].value == "1872-05-02"


def test_the_year_of_our_lord_moves_a_chronicle_to_its_year() -> None:
    text = (
        "In the year of our Lord 1412 the duke gathered his ships at Sluys. "
        "And on the fifth day of June they put to sea."
    )
    t = _by_text(text, mode="narratives", dct="1440")
    assert t["the year of our Lord 1412"].value == "1412"
    assert t["the fifth day of June"].value == "1412-06-05"
    t = _by_text(text.replace("of our Lord", "of grace"), mode="narratives", dct="1440")
    assert t["the fifth day of June"].value == "1412-06-05"


def _values(text: str, **kw: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_time(text, mode="narratives", **kw)]


def test_a_famous_day_named_by_its_date_is_that_day_and_leaves_the_story_alone() -> None:
    text = (
        "On the 31st of May 1793 the tocsin rang. He spoke against those who, after the "
        "revolution of the 10th of August, sought the scaffold for patriots. The next day "
        "the Convention sat again. Since the Tenth of August he had been a republican."
    )
    assert _values(text) == [
        ("the 31st of May 1793", "1793-05-31"),
        ("the 10th of August", "1792-08-10"),
        ("The next day", "1793-06-01"),  # the story stayed on the 31st of May
        ("the Tenth of August", "1792-08-10"),
    ]
    # a few years on, "the 2nd of June" still names the fall of the Girondins
    later = _values("In May 1795 the faubourgs rose; from the 2nd of June they had been hunted.")
    assert later[1] == ("the 2nd of June", "1793-06-02")


def test_a_famous_day_is_not_taken_far_from_its_years_or_when_the_story_reaches_it() -> None:
    # far from 1792: the story's own August
    assert _values("In July 1916 the guns fired. On the 10th of August they stopped.")[1] == (
        "the 10th of August",
        "1916-08-10",
    )
    # the anniversary comes in the story: "The 14th of July approached"
    v = _values("In June 1790 the preparations went on. The 14th of July approached.")
    assert v[1] == ("The 14th of July", "1790-07-14")
    # a date not written as a name ("10 August") is the story's
    assert _values("In June 1793 they waited. On 10 August they marched.")[1] == (
        "10 August",
        "1793-08-10",
    )


def test_a_passage_opening_mid_day_takes_the_day_it_names_further_on() -> None:
    text = (
        "Besenval, before retiring for the night, stept over to the Invalides. This day, for "
        "example, he sent twenty of the fellows. This was the 13th day of July, 1789."
    )
    assert _values(text, dct="1837")[:2] == [
        ("the night", "1789-07-13TNI"),
        ("This day", "1789-07-13"),
    ]
    # "that day" points back to a day told before ("one hot day"), and a bare "the 15th"
    # of an unknown month gives no day to take
    hot = _values(
        "There was a dinner one hot day; that day they plotted. On 26 July 1794 he spoke."
    )
    assert ("that day", "1794-07-26") not in hot
    bare = _values(
        "On this day the line ran by Bray. By the 15th it had moved. On 31 March 1918 it broke."
    )
    assert bare[0][1] != "1918-03-31"


def test_an_event_named_once_against_the_episodes_named_is_a_comparison() -> None:
    """A chapter on Agincourt that recalls Crécy once is set in 1415, not 1346."""
    text = (
        "The army had lost many men before Harfleur, and Harfleur was garrisoned before the "
        "march began. On the 24th of October the English came within sight of the French near "
        "Agincourt; not since the battle of Crécy had so great a host been seen. The next day "
        "the battle of Agincourt was fought, and the news of Agincourt went through England."
    )
    facts = tag(text, mode="narratives", dct="1809", calendar="julian")[1]
    assert str(facts["reference"]).startswith("1415"), facts
    got = dict(_values(text, dct="1809", calendar="julian"))
    assert got["the 24th of October"] == "1415-10-24"
    # named more often than the episodes, the event stands
    text = text.replace("not since the battle of Crécy", "at the battle of Crécy, and Crécy")
    text += " Crécy was long remembered; Crécy was the model."
    facts = tag(text, mode="narratives", dct="1809", calendar="julian")[1]
    assert str(facts["reference"]).startswith("1346"), facts


def test_a_day_told_in_the_pluperfect_does_not_take_the_story_back() -> None:
    text = (
        "It was on the evening of Sunday, the 2nd of October 1836, that the ship came to anchor "
        "at Falmouth. She had been absent for five years, for she had sailed from Plymouth on "
        "the 27th of December, 1831. He landed that same night and reached home the next "
        "morning."
    )
    got = dict(_values(text, dct="1887"))
    assert got["the 27th of December, 1831"] == "1831-12-27"  # its own day all the same
    assert got["that same night"] == "1836-10-02TNI"
    assert got["the next morning"] == "1836-10-03TMO"
    # told in the simple past, a day before the story's takes it there (a flashback)
    text = text.replace("She had been absent for five years, for she had sailed", "She sailed")
    assert dict(_values(text, dct="1887"))["that same night"] == "1831-12-27TNI"


def test_a_passage_opening_on_a_weekday_is_told_from_the_day_it_turns_out_to_be() -> None:
    text = (
        "That Sunday had been set apart as a day of national prayer. The Germans had reached "
        "the sea six days before, and that evening the order came. On Wednesday the numbers "
        "rose; forty thousand on the 29th, more the day after. Friday, the 31st of May, brought "
        "the most."
    )
    facts = tag(text, mode="narratives", dct="1941", reference="1940")[1]
    assert facts["reference"] == "1940-05-26", facts
    got = dict(_values(text, reference="1940"))
    assert got["That Sunday"] == "1940-05-26"
    assert got["six days before"] == "1940-05-20"
    assert got["the 29th"] == "1940-05-29" and got["the day after"] == "1940-05-30"
