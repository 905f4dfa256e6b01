"""Which clauses are events of the story, and which date an event may borrow: chapter
breaks, background clauses, dates in parentheses, centuries. Passages invented for the tests."""

from __future__ import annotations

from annales.chronicle import Timex
from annales.events import chapter_breaks, timex_date
from annales.pipeline import read_text
from annales.temporal import tag_time


def _events(text: str, **kw):
    ch = read_text(text, **kw)
    return ch, {ev.lemma: ev for ev in ch.events}


def test_a_chapter_heading_ends_the_borrowed_date() -> None:
    text = (
        "On 3 March 1921 the dockers struck at the harbour. The owners locked the gates.\n\n"
        "CHAPTER II\n\nThe guild of carters elected a new master."
    )
    _, evs = _events(text)
    assert evs["lock"].date == "1921-03-03" and evs["lock"].date_source == "narrative"
    assert evs["elect"].date is None


def test_heading_lines() -> None:
    text = (
        "Preface\n\nSome words.\n\nCHAPTER IV\n\nMore.\n\nBook II.\n\nAPPENDIX TO CHAPTER I\n\n"
        "Notes and Explanations\n\nChapter ended the talk. Notes on the text were many.\n"
    )
    heads = [text[b : b + 12] for b in chapter_breaks(text)]
    assert heads == [
        "Preface\n\nSom",
        "CHAPTER IV\n\n",
        "Book II.\n\nAP",
        "APPENDIX TO ",
        "Notes and Ex",
    ]
    assert chapter_breaks("x", [0]) == [0]


def test_background_clauses_are_not_events_and_modal_ones_borrow_nothing() -> None:
    text = (
        "On 3 March 1921 the dockers struck at the harbour. Harbour strikes usually end in "
        "compromise. The owners will yield in the end. The carters might join them. "
        "When will the mayor act? The police arrested the leaders."
    )
    _, evs = _events(text)
    assert "end" not in evs  # a generic present-tense statement
    assert "yield" not in evs  # the future
    assert "act" not in evs  # a question
    assert evs["join"].hedged and evs["join"].date is None  # a modal: kept, hedged, undated
    assert evs["arrest"].date == "1921-03-03"


def test_a_speech_verb_framing_a_quotation_is_an_event_its_words_are_not() -> None:
    text = (
        "On 3 March 1921 the dockers struck at the harbour. “We will never yield,” cried the "
        "chairman. The crowd cheered the strikers."
    )
    _, evs = _events(text)
    assert evs["cry"].date == "1921-03-03"  # the chairman's cry is an act of that day
    assert "yield" not in evs  # what he said is not
    assert evs["cheer"].date == "1921-03-03"


def test_a_quoted_record_dates_its_own_past_events_but_not_the_story() -> None:
    text = (
        "On 4 May 1921 the guild posted a notice on the harbour gate:\n\n"
        "“The Board of Carters, chosen 12 February, has lost the trust of its members. "
        "At its meeting of 2 May the guild appointed a new board. The board shall sit on "
        "9 May.”\n\nThe police arrested the old board."
    )
    _, evs = _events(text)
    assert evs["choose"].date == "1921-02-12"  # what the notice records, on its own day
    assert evs["appoint"].date == "1921-05-02"
    assert "sit" not in evs  # what it says will be stays its word
    assert evs["arrest"].date == "1921-05-04"  # the quoted days do not move the story
    spoken = "On 4 May 1921 the carters struck. “I thought you paid them on 2 May,” said the mayor."
    _, evs = _events(spoken)
    assert "pay" not in evs  # only supposed by the speaker
    # a date of the narration does not make a quoted deed the quotation's record
    framed = (
        "On 3 March 1921 the dockers struck.\n\nOn 5 March the mood was grim: “The guards "
        "fired on us,” the men said."
    )
    _, evs = _events(framed)
    assert "fire" not in evs and evs["say"].date == "1921-03-05"


def test_a_date_in_parentheses_neither_moves_the_story_nor_dates_an_event() -> None:
    text = (
        "On 3 March 1921 the dockers struck at the harbour (their fathers had struck on "
        "16/28 August 1813). The next day the police arrested the leaders. "
        "The mayor closed the port."
    )
    v = {t.text: t.value for t in tag_time(text)}
    assert v["The next day"] == "1921-03-04"
    _, evs = _events(text)
    assert evs["arrest"].date == "1921-03-04"
    assert evs["close"].date == "1921-03-04"
    assert all(not (e.date or "").startswith("1813") for e in evs.values())


def test_a_century_is_no_event_date() -> None:
    century = Timex("t1", 0, 15, "the 16th century", "DATE", "15")
    assert timex_date(century, "gregorian") is None
    season = Timex("t2", 0, 10, "summer 1917", "DATE", "1917-SU")
    assert timex_date(season, "gregorian") == "1917-SU"
    text = "On 3 March 1921 the dockers struck. In the 16th century the guild had built the quay."
    _, evs = _events(text)
    assert all(e.date is None or e.date[:4].isdigit() for e in evs.values())


def test_a_date_naming_a_thing_does_not_date_the_story() -> None:
    text = (
        "On 3 March 1921 the dockers struck at the harbour.\n\n"
        "The walls showed battle paintings: “9 May 1804.” The guards watched the hall. "
        "The veterans praised the 1st of June offensive loudly. The officers left the port."
    )
    _, evs = _events(text)
    assert evs["watch"].date == "1921-03-03"
    assert evs["leave"].date == "1921-03-03"


def test_a_date_a_speaker_recalls_does_not_date_the_narration() -> None:
    text = (
        "On 3 March 1921 the dockers struck at the harbour. The chairman rose. “We remember "
        "the rising of 16 July 1917, comrades!” The hall applauded the chairman."
    )
    _, evs = _events(text)
    assert evs["applaud"].date == "1921-03-03"


def test_a_quoted_date_does_not_move_the_story_for_the_tagger_either() -> None:
    text = (
        "On 3 March 1921 the dockers struck at the harbour. The chairman rose. “We remember "
        "the rising of 16 July 1917, comrades!” The next day the hall emptied."
    )
    ch = read_text(text)
    v = {t.text: t.value for t in ch.timexes}
    assert v["16 July 1917"] == "1917-07-16"
    assert v["The next day"] == "1921-03-04"


def test_an_infinitive_takes_the_tense_of_its_governor() -> None:
    text = (
        "On 3 March 1921 the dockers struck at the harbour. The union proposes to convoke "
        "a congress of all the ports. The owners refused to negotiate with the union."
    )
    _, evs = _events(text)
    assert "convoke" not in evs  # a present-tense proposal: the author's aside, no event
    assert evs["negotiate"].negated and evs["negotiate"].date == "1921-03-03"


def test_a_year_or_month_opening_a_sentence_frames_the_events_after_it() -> None:
    def dates(text: str) -> dict[str, str | None]:
        return {e.trigger.text: e.date for e in read_text(text).events}

    # no day named yet: the year that opens the story dates what follows
    d = dates(
        "At the close of 1741 the squadron sailed for Lisbon. The admiral quarrelled with his captains."
    )
    assert d["quarrelled"] == "1741"
    # a year opening a later sentence moves the story on from the day before it
    d = dates(
        "On 2 May 1763 the mill burned. In 1765 the weavers rebuilt it. The owner sold the looms."
    )
    assert d["sold"] == "1765"
    # a month in passing, after the day, does not
    d = dates(
        "On 2 May 1763 the mill burned, as the miller had feared in April. The owner sold the looms."
    )
    assert d["sold"] == "1763-05-02"


def test_a_relative_clause_on_a_date_is_that_date_s_event() -> None:
    ch = read_text(
        "On 3 May 1702 the siege began. The guns fired until the 12th, when the garrison "
        "surrendered the keep."
    )
    ev = next(e for e in ch.events if e.trigger.text == "surrendered")
    assert ev.date == "1702-05-12" and ev.date_source == "explicit"


def test_a_comma_relative_in_the_simple_past_tells_the_story_on() -> None:
    def triggers(text: str) -> set[str]:
        return {e.trigger.text for e in read_text(text).events}

    lead = "On 4 June 1702 the siege began. "
    assert "stormed" in triggers(
        lead + "The grenadiers, who stormed the breach, lost their colonel."
    )
    # restrictive or perfect: a description, not the next thing that happened
    assert "stormed" not in triggers(
        lead + "The grenadiers who stormed the breach lost their colonel."
    )
    assert "stormed" not in triggers(
        lead + "The grenadiers, who had stormed the breach, lost their colonel."
    )


def test_a_verb_whose_doer_is_a_dated_event_noun_takes_its_date() -> None:
    ch = read_text(
        "On 2 March 1760 the town slept. Great damage was done to the docks by a fire on 9 March."
    )
    done = next(e for e in ch.events if e.trigger.text.endswith("done"))  # "damage was done"
    assert done.date == "1760-03-09"


def test_events_before_the_story_s_first_day_take_its_month() -> None:
    def date_of(text: str, trigger: str) -> str | None:
        return next(e.date for e in read_text(text).events if e.trigger.text == trigger)

    text = "The regiment marched north from the coast. On 6 May 1701 it crossed the river Po."
    assert date_of(text, "marched") == "1701-05"
    far = (
        "The regiment marched north from the coast. The roads were bad. The rain fell daily. "
        "The horses tired. On 6 May 1701 it crossed the river Po."
    )
    assert date_of(far, "marched") is None


def test_a_duration_in_the_sentence_widens_a_borrowed_day() -> None:
    def dates(text: str) -> dict[str, str | None]:
        return {e.trigger.text: e.date for e in read_text(text).events}

    lead = "On 4 October 1702 the army reached the river. "
    assert (
        dates(lead + "In a few days it crossed the ford and burned the mill.")["burned"]
        == "1702-10"
    )
    assert dates(lead + "After a siege of two months the garrison starved.")["starved"] == "1702"
    # the event's own length ("for"): it began on the day told
    assert dates(lead + "It burned the mill and marched for two days.")["burned"] == "1702-10-04"
    # no duration: the day holds
    assert dates(lead + "It crossed the ford and burned the mill.")["burned"] == "1702-10-04"


def test_an_event_s_own_length_opens_the_day_of_what_the_sentence_tells_after_it() -> None:
    def dates(text: str) -> dict[str, str | None]:
        return {e.trigger.text: e.date for e in read_text(text).events}

    lead = "On 4 October 1702 the army reached the river. "
    # told after "lasted for three days": somewhere in the three days, so in that month
    after = dates(
        lead + "The siege lasted for three days, and at one time the garrison burned the mill."
    )
    assert after["burned"] == "1702-10"
    # the length's own event began on the day told, even when the length opens the sentence
    own = dates(lead + "For three days the siege raged, and the garrison burned the mill.")
    assert own["raged"] == "1702-10-04" and own["burned"] == "1702-10"


def test_a_length_after_taking_or_lasting_is_the_event_s_own() -> None:
    lead = "On 9 March 1704 the envoys reached the coast. "
    for length in ("taking four days over it", "spending four days over it"):
        text = lead + f"They sailed to the island, {length}, and then they landed at the port."
        evs = {e.trigger.text: e.date for e in read_text(text).events}
        assert evs["sailed"] == "1704-03-09", length  # the voyage began on the day told
        assert evs["landed"] == "1704-03", length  # somewhere in those four days


def test_a_date_nearer_the_event_than_the_duration_keeps_its_day() -> None:
    text = (
        "On 4 October 1702 the army reached the river. After a few days' rest it marched on, "
        "and on the 9th it crossed the ford and burned the mill."
    )
    ev = {e.trigger.text: e.date for e in read_text(text).events}
    assert ev["burned"] == "1702-10-09"


def test_a_relative_year_does_not_open_a_story_with_no_date() -> None:
    text = (
        "On 2 May 1760 the mill burned.\n\nCHAPTER II\n\n"
        "The envoys had come to Berlin a year ago. The king left the city."
    )
    ev = {e.trigger.text: e.date for e in read_text(text).events}
    assert ev["left"] is None  # "a year ago" is counted from the narrator's now


def test_a_date_told_as_yet_to_come_dates_its_event_but_does_not_move_the_story() -> None:
    text = (
        "On 28 November 1917 the council dissolved the assembly. The new assembly shall meet "
        "on 11 December 1917 at noon. The old members met defiantly."
    )
    ev = {e.trigger.text: e.date for e in read_text(text).events}
    assert ev["meet"] == "1917-12-11"  # the decree's own date
    assert ev["met"] == "1917-11-28"  # the story is still on the day it last reached


def test_a_day_a_plan_is_fixed_for_does_not_move_the_story() -> None:
    lead = "On 28 November 1917 the council dissolved the assembly. "
    for plan in (
        "The new elections are fixed for 9 December 1917.",
        "The new assembly will meet on the 11th.",
        "The session was adjourned to 14 December.",
    ):
        ch = read_text(lead + plan + " On the 30th the mayor was arrested. The members met.")
        v = {t.text: t.value for t in ch.timexes}
        evs = {e.trigger.text: e.date for e in ch.events}
        assert v["the 30th"] == "1917-11-30", plan  # counted from the story's day, not the plan's
        assert evs["met"] == "1917-11-30", plan


def test_a_season_frames_the_year_of_the_events_after_it() -> None:
    text = (
        "The rebellion broke out in the summer of the year two hundred and forty-nine. "
        "The emperor was alarmed. He summoned the senate."
    )
    _, evs = _events(text)
    assert evs["break out"].date == "0249-SU"
    assert evs["summon"].date == "0249" and evs["summon"].date_source == "narrative"


def test_common_verbs_of_action_and_saying_are_events() -> None:
    text = (
        "On 3 March 1921 the mayor took the road to the harbour. He gave the order to close "
        "the gates and told the strikers to disperse. The owners wrote to the minister."
    )
    _, evs = _events(text)
    for lemma in ("take road", "give order", "tell", "write"):
        assert evs[lemma].date == "1921-03-03", lemma


def test_a_day_stated_as_the_scene_s_own_dates_the_scene_before_it() -> None:
    text = (
        "The drums beat. The king mounted the scaffold. He spoke to the crowd. The crowd "
        "cheered. It is Monday the 21st of January 1793. The guards dispersed."
    )
    _, evs = _events(text)
    for lemma in ("mount", "speak", "cheer"):
        assert evs[lemma].date == "1793-01-21", lemma
    # a day told in passing at the end is no scene date: only the nearest events take its month
    _, evs = _events(
        "The drums beat. The king mounted the scaffold. He spoke to the crowd. The crowd "
        "cheered. The guards left on 21 January 1793."
    )
    assert evs["mount"].date is None and evs["cheer"].date == "1793-01"


def test_a_day_heading_a_diary_entry_holds_for_the_whole_entry() -> None:
    body = " ".join(f"The committee discussed question {n} at length." for n in range(1, 7))
    text = (
        "March 4th, 1919.\n\nI went to the Kremlin. " + body + " Then Lenin spoke to the "
        "delegates.\n\nMarch 6th.\n\nThe delegates left."
    )
    _, evs = _events(text)
    assert evs["speak"].date == "1919-03-04"  # six sentences on: still the entry's day
    assert evs["leave"].date == "1919-03-06"
    # the same day told in a sentence gives way to its month after a few sentences
    _, evs = _events(text.replace("March 4th, 1919.\n\n", "On March 4th, 1919, "))
    assert evs["speak"].date == "1919-03"


def test_now_in_a_past_tense_story_is_the_story_s_now() -> None:
    _, evs = _events("On 3 March 1921 the dockers struck. The owners now offered a new wage.")
    assert evs["offer"].date == "1921-03-03"


def test_an_event_put_off_the_story_s_day_by_an_adverb_borrows_no_date() -> None:
    text = (
        "On 3 March 1921 the dockers struck. The owners afterwards denied the charge. "
        "The mayor had once freed the town. The guild eventually yielded."
    )
    _, evs = _events(text)
    assert evs["deny"].date is None and evs["free"].date is None
    assert evs["yield"].date == "1921-03-03"  # "eventually": in the end, the same day


def test_events_before_the_text_dates_anything_take_the_reader_s_reference() -> None:
    text = "The legions saluted their new emperor. The senate listened in silence."
    _, evs = _events(text, reference="0235")
    assert evs["salute"].date == "0235" and evs["salute"].date_source == "narrative"
    _, evs = _events(text)
    assert evs["salute"].date is None  # no reference given: nothing to borrow


def test_a_saying_cited_with_as_borrows_no_date() -> None:
    text = (
        "On 14 May 1915 the correspondent blamed the shells. 'Some truth there was,' as Dryden "
        "remarked of the plot. The cabinet fell."
    )
    _, evs = _events(text)
    assert evs["remark"].date is None  # Dryden said it centuries before
    assert evs["fall"].date == "1915-05-14"


def test_a_day_outside_the_story_s_years_dates_its_own_sentence_only() -> None:
    days = " ".join(f"On {d} November 1917 the committee met again." for d in range(1, 12))
    text = (
        days + " These men were drafted into the Army on November 15th, 1916. "
        "The Military Revolutionary Committee still functioned."
    )
    _, evs = _events(text)
    assert evs["draft"].date == "1916-11-15"
    assert evs["function"].date == "1917-11-11"  # the story is still on the 11th of 1917


def test_a_bare_part_of_day_neither_dates_an_event_nor_moves_the_story() -> None:
    ch = read_text(
        "On 3 May 1917 the regiment left the town. Through the night the men marched north. "
        "On the 5th they reached the river."
    )
    evs = {e.trigger.text: e.date for e in ch.events}
    assert any(t.text == "the night" for t in ch.timexes)
    assert evs["marched"] == "1917-05-03"
    assert evs["reached"] == "1917-05-05"


def test_an_event_between_two_days_takes_the_month_that_holds_most_of_them() -> None:
    from annales.events import _between

    assert _between("1850-03-04", "1850-03-20") == "1850-03"
    assert _between("1850-03-04", "1850-04-02") == "1850-03"  # March holds 27 of 29 days
    assert _between("1850-03-02", "1850-04-28") == "1850"  # March 29 days, April 28
    assert _between("1850-03-30", "1850-04-03") == "1850"  # the month turns mid-way
    assert _between("1850-12-30", "1851-01-25") == "1851-01"
    assert _between("1850-03-04", None) == "1850-03"


def test_a_day_told_back_dates_its_event_but_the_story_stays_on_its_day() -> None:
    ch = read_text(
        "On 9 August 1792 the assembly met. The minister told of the outrages committed "
        "the evening before. It was then announced that the sections would rise."
    )
    d = {e.lemma: e.date for e in ch.events}
    assert d["commit"] == "1792-08-08"
    assert d["announce"] == "1792-08-09"


def test_in_a_story_told_in_the_present_its_now_is_the_story_s_day() -> None:
    ch = read_text(
        "On 11 July 1793 Charlotte arrives in Paris. She asks for a room at the inn. "
        "But now a stranger, overhearing her, invites her to supper. She declines."
    )
    assert {e.lemma: e.date for e in ch.events}["invite"] == "1793-07-11"


def test_after_a_sentence_that_sums_up_a_period_the_story_tells_it_from_its_first_day() -> None:
    summed = read_text(
        "On 1 June 1916 the army waited. The battle began on the 6th, reached its height on "
        "the 9th, and was over by the 12th. The first corps advanced towards the river. "
        "On the 8th the enemy fell back."
    )
    assert {e.lemma: e.date for e in summed.events}["advance"] == "1916-06-06"
    told = read_text(  # three days told in turn, and the story goes on after them
        "On 1 June 1916 the army waited. The corps attacked on the 6th, fell back on the 9th, "
        "and attacked again on the 12th. The enemy withdrew towards the river. "
        "On the 20th the rains came."
    )
    assert {e.lemma: e.date for e in told.events}["withdraw"] == "1916-06-12"


def test_separate_events_told_day_by_day_are_no_summary() -> None:
    ch = read_text(
        "On 1 May 1915 the fleet waited. The Goliath was sunk on 12 May, and the submarine "
        "disposed of the Triumph on the 26th and the Majestic on the following day. "
        "The great ships withdrew to safer waters. The newspaper reported it on 14 May."
    )
    assert {e.lemma: e.date for e in ch.events}["withdraw"] == "1915-05-27"


def test_a_day_set_for_a_plan_far_from_its_verb_does_not_move_the_story() -> None:
    text = (
        "On 3 May 1848 the committee met. The rebels fixed the rising in the capital for the "
        "5th of May. The committee then dissolved the guard."
    )
    evs = {e.trigger.text: e.date for e in read_text(text).events}
    assert evs["fixed"] == "1848-05-05"  # the plan's own day dates it
    assert evs["dissolved"] == "1848-05-03"  # the story has not reached the 5th


def test_events_told_on_the_way_to_a_day_weeks_later_leave_the_running_day() -> None:
    lead = "The truce was signed on the 2nd of March, 1709. "
    evs = {
        e.trigger.text: e.date
        for e in read_text(
            lead + "The duke quit the camp, marched to the capital, and addressed the council "
            "on the 20th of April."
        ).events
    }
    assert evs["quit"] == "1709-04" and evs["marched"] == "1709-04"  # just before the 20th
    assert evs["addressed"] == "1709-04-20"
    # the running day named in the sentence itself holds for its events
    same = {
        e.trigger.text: e.date
        for e in read_text(
            "On 2 March 1709 a mill was burned, a bridge was destroyed at Ghent, and on the "
            "20th the duke reached the city."
        ).events
    }
    assert same["destroyed"] == "1709-03-02"
    # a day only a few days on leaves the running day as it was
    near = {
        e.trigger.text: e.date
        for e in read_text(lead + "The duke quit the camp and reached the city on the 5th.").events
    }
    assert near["quit"] == "1709-03-02"


def test_a_verb_joined_to_one_told_afterwards_is_off_the_day_too() -> None:
    text = (
        "On 4 June 1702 the fleet reached Cadiz. The Dutch afterwards burned the town and "
        "sacked the harbour."
    )
    evs = {e.trigger.text: e.date for e in read_text(text).events}
    assert evs["burned"] is None and evs["sacked"] is None
    # a conjunct with its own subject is told on the day
    evs = {
        e.trigger.text: e.date
        for e in read_text(
            "On 4 June 1702 the fleet reached Cadiz. The town was afterwards burned, and the "
            "admiral sacked the harbour."
        ).events
    }
    assert evs["sacked"] == "1702-06-04"


def test_a_length_someone_says_leaves_the_narrated_day_alone() -> None:
    lead = "On 9 March 1704 the envoys reached the coast. "
    quoted = lead + '"You shall hang within a week," shouts the governor, and seizes the letters.'
    evs = {e.trigger.text: e.date for e in read_text(quoted).events}
    assert evs["seizes"] == "1704-03-09"  # the week is the governor's threat
    told = lead + "Within a week the governor seized the letters."
    evs = {e.trigger.text: e.date for e in read_text(told).events}
    assert evs["seized"] == "1704-03"  # a narrated week leaves the day open


def test_the_event_a_plan_sets_is_dated_to_the_day_it_is_set_for() -> None:
    text = (
        "On 3 May 1848 the committee met. The rebels fixed the attack on the arsenal for the "
        "5th of May. The committee then dissolved the guard."
    )
    evs = {e.trigger.text: e.date for e in read_text(text).events}
    assert evs["attack"] == "1848-05-05"
    assert evs["dissolved"] == "1848-05-03"


def test_a_paragraph_opened_by_later_is_told_off_the_story_s_day() -> None:
    text = (
        "On 4 June 1702 the fleet reached Cadiz. The admiral landed his marines.\n\n"
        "Later the gazettes reported a second landing. The governor promptly denied it.\n\n"
        "The marines burned the arsenal."
    )
    evs = {e.trigger.text: e.date for e in read_text(text).events}
    assert evs["reported"] is None and evs["denied"] is None
    assert evs["burned"] == "1702-06-04"  # the next paragraph is back on the story's day


def test_an_event_placed_in_someone_s_reign_borrows_no_date() -> None:
    text = (
        "In 1688 the prince landed at Torbay. Under the reign of King James, the colonel had "
        "won his commission. The prince marched on London."
    )
    evs = {e.trigger.text: e.date for e in read_text(text).events}
    assert evs["won"] is None  # some time in James's reign
    assert evs["marched"] == "1688"


def test_a_day_parsed_as_the_subject_of_the_next_verb_closes_the_clause_before() -> None:
    # a comma missing after the day: the parser makes it the subject of "reached"
    text = (
        "On 2 May 1809 the siege opened before the town. The siege began, like that of Acre, "
        "on a Monday, the 8th of May reached its height on the 11th, and was over by the 16th."
    )
    evs = {e.trigger.text.split()[-1]: e.date for e in read_text(text).events}
    assert evs["began"] == "1809-05-08"
    assert evs["reached"] == "1809-05-11"


def test_a_day_told_at_length_holds_when_the_story_then_goes_back_or_plans_ahead() -> None:
    # more than NARRATIVE_DAY_REACH sentences on the 9th, then only a plan for the 10th and a
    # step back to the 8th: nothing shows the story has left the 9th
    text = (
        "On 9 June 1832 the students gathered at the gate. The guard barred the street. "
        "The students threw stones. The captain called his men. The crowd cheered the students. "
        "The mayor sent a messenger. The council debated the matter. The council adjourned "
        "without a vote. The rebels fixed the assault on the arsenal for the 10th of June. "
        "On the 8th, the guard had doubled the watch."
    )
    evs = {e.trigger.text: e.date for e in read_text(text).events}
    assert evs["adjourned"] == "1832-06-09"


def test_a_verb_joined_to_the_next_shares_its_date() -> None:
    ch = read_text(
        "In 1810 the blockade began. The corvette chased and boarded a smuggler on 6 August"
        " 1811. The brig hailed a lugger and seized a sloop on 9 August."
    )
    dates = [(e.trigger.text, e.date, e.date_source) for e in ch.events]
    assert ("chased", "1811-08-06", "explicit") in dates
    assert ("hailed", "1811-08-06", "narrative") in dates  # its own object: not the 9th's


def test_later_on_puts_an_event_off_the_day_but_not_later_in_the_day() -> None:
    ch = read_text(
        "On 3 May 1811 the frigate burned a warehouse. The sloop was abandoned later on."
        " The brig was sunk, with all hands, later on by a privateer."
        " The fort was stormed later on in the day. The barn was plundered later in the day."
    )
    dates = {e.trigger.text: e.date for e in ch.events}
    assert dates["abandoned"] is None and dates["sunk"] is None
    assert dates["stormed"] == "1811-05-03" and dates["plundered"] == "1811-05-03"


def test_a_day_counted_from_a_summary_last_day_counts_from_where_the_story_goes_back() -> None:
    ch = read_text(
        "The siege began on Monday, the 3rd of June 1760, reached its height on the 7th, and"
        " was over by the 10th. The gunners opened the trenches. The morrow's work was harder:"
        " the sappers dug a mine. On the 6th the bastion fell."
    )
    dates = {e.trigger.text: e.date for e in ch.events}
    assert dates["opened"] == "1760-06-03"
    assert dates["dug"] == "1760-06-04"  # the morrow of the 3rd, not of the 10th


def test_a_sentence_opening_with_a_few_days_moves_the_story_off_the_named_day() -> None:
    ch = read_text(
        "On 2 October 1805 the army left Strasbourg. In a few days it crossed the Rhine and"
        " forced the garrison of Ulm to yield. This surrender broke the coalition."
        " On the 20th the emperor entered Munich."
    )
    dates = {e.trigger.text: e.date for e in ch.events}
    assert dates["crossed"] == "1805-10"
    assert dates["surrender broke"] == "1805-10"  # not the 2nd: the story has moved on
    assert dates["entered"] == "1805-10-20"


def test_a_when_clause_after_the_event_gives_it_its_date() -> None:
    ch = read_text(
        "In 1811 the war went on. The emperor ordered a levy as soon as the news arrived on"
        " 5 May. The senate protested when the decree was read on 9 May. The army had"
        " crossed the river when the courier came on 12 May. The garrison resisted until the"
        " walls were breached on 20 May."
    )
    dates = {e.trigger.text: e.date for e in ch.events}
    assert dates["ordered"] == "1811-05-05" and dates["protested"] == "1811-05-09"
    assert dates["crossed"] != "1811-05-12"  # done before the courier came
    assert dates["resisted"] != "1811-05-20"  # until then


def test_an_hour_of_a_diary_entry_s_day_does_not_end_the_entry() -> None:
    # the entry's day holds for all it tells, however long, up to the next entry's day; an
    # hour of that day ("at about five") told on the way does not end the entry
    text = (
        "March 6th, 1871.\n\nThe meeting was announced for the evening. I got to the hall at "
        "about five. The council filled the stage. The band played a march. The crowd cheered "
        "the speakers. The chairman read a letter. The delegates voted a motion. The soldiers "
        "sang a song. The workers raised a banner. The guard closed the doors.\n\n"
        "March 7th, 1871.\n\nThe papers printed the speeches."
    )
    evs = {e.trigger.text: e.date for e in read_text(text).events}
    assert evs["got"] == "1871-03-06"
    assert evs["closed"] == "1871-03-06"
    assert evs["printed"] == "1871-03-07"
