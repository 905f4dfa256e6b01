"""Letters and diaries told from their day of writing, and the clock and day words of such
writing: "Yesterday", "To-day", "at daylight", "three minutes to seven that evening". The
passages are invented for these tests."""

from __future__ import annotations

from annales.temporal import tag_time
from annales.temporal.engine import tag


def _values(text: str, **kw: str) -> dict[str, str]:
    return {t.text: t.value for t in tag_time(text, mode="narratives", **kw)}


LETTER = (
    "Camp near Sharpsburg, Md., September 19th, 1862.\n\n"
    "Dear Sister,\n\n"
    "On Tuesday we crossed the creek, and that night we lay in the corn.\n\n"
    "Yesterday was the hardest day of all. It was quiet all the morning, until about "
    "ten o'clock, when the guns opened.\n\n"
    "To-day it has rained since noon, and we are burying the dead. On Friday the news came "
    "that the enemy had gone.\n\nYour brother,\nTom."
)


def test_a_letter_s_yesterday_and_to_day_are_counted_from_its_date() -> None:
    v = _values(LETTER, dct="1890")
    assert v["Tuesday"] == "1862-09-16"  # past tense: before the writing
    assert v["Yesterday"] == "1862-09-18"
    assert v["all the morning"] == "1862-09-18TMO"  # the story is now at yesterday
    assert v["about ten o'clock"] == "1862-09-18T10:00"
    assert v["To-day"] == "1862-09-19"
    assert v["noon"] == "1862-09-19T12:00"


def test_a_weekday_past_on_the_letter_s_own_weekday_is_the_week_before() -> None:
    # written on Friday 19 September: "On Friday the news came" is Friday the 12th
    assert _values(LETTER, dct="1890")["Friday"] == "1862-09-12"


def test_yesterday_inside_a_clause_does_not_move_a_diary_s_day() -> None:
    diary = (
        "Sept. 4th. Up, and to the office. The men, sent for yesterday, did in the evening "
        "pull down the houses by the bridge, and I saw it.\n\n"
        "Sept. 5th. Up early."
    )
    v = _values(diary, dct="1666", reference="1666")
    assert v["yesterday"] == "1666-09-03"
    assert v["the evening"] == "1666-09-04TEV"


def test_a_diary_entry_s_opening_night_is_the_night_before_its_day() -> None:
    diary = (
        "Sept. 2nd (Lord's day). Much troubled all night with the toothache, and about two "
        "in the morning I heard them cry fire. No bell rang for service this morning, and I "
        "went home to dinner.\n\n3rd. Up by four o'clock."
    )
    v = _values(diary, dct="1825", reference="1666")
    assert v["all night"] == "1666-09-01TNI"
    assert v["about two in the morning"] == "1666-09-02T02:00"
    assert v["this morning"] == "1666-09-02TMO"


def test_an_entry_headed_by_a_full_stop_needs_a_first_person() -> None:
    # a chronicle's "June 18." in the third person is no diary's day of writing
    chron = (
        "June 18. The army marched at dawn.\n\nJune 19. The king rode out; all night the rain fell."
    )
    v = _values(chron, dct="1850", reference="1415")
    assert v["all night"] == "1415-06-19TNI"


def test_minutes_to_and_past_an_hour_with_the_part_of_the_day_told_after() -> None:
    v = _values(
        "On Sunday, 26 May 1940, the order came. At three minutes to seven that evening the "
        "signal was sent. At twenty-three minutes past two the next afternoon it was read. "
        "At forty-five minutes past eleven the next morning they left."
    )
    assert v["three minutes to seven that evening"] == "1940-05-26T18:57"
    assert v["twenty-three minutes past two the next afternoon"] == "1940-05-27T14:23"
    assert v["forty-five minutes past eleven the next morning"] == "1940-05-28T11:45"


def test_daylight_and_the_break_of_day_are_the_story_s_morning() -> None:
    v = _values(
        "On 1 July 1863 we marched north. At daylight on Thursday we came up. By the break of "
        "day the guns had opened, and from daybreak they never stopped."
    )
    assert v["daylight"] == "1863-07-02TMO"  # the day named beside it
    assert v["the break of day"] == "1863-07-02TMO"
    assert v["daybreak"] == "1863-07-02TMO"


def test_daylight_as_a_manner_and_any_day_s_dawn_to_dusk_are_not_times() -> None:
    got = {
        t.text for t in tag_time("They fought by daylight and by torchlight, from dawn to dusk.")
    }
    assert "daylight" not in got and "dawn" not in got


def test_a_moment_beside_a_night_takes_no_day_from_it() -> None:
    # two parts of a day side by side: neither is a day for the other (this once crashed)
    v = _values("On 1 July 1863 we marched. At daylight the night was over.")
    assert v["daylight"] == "1863-07-01TMO"


def test_all_winter_is_the_story_s_winter_but_they_all_fall_is_no_autumn() -> None:
    v = _values("In March 1795 the bread failed. All winter the Seine had lain frozen.")
    assert v["All winter"] == "1794-WI"
    assert "all fall" not in _values("In 1792 the statues of the kings all fall.")


def test_an_older_compound_ordinal_day() -> None:
    v = _values(
        "The king crossed the Somme in 1415. On Thursday, the four and twentieth day of "
        "October, the hosts met; on the one-and-thirtieth they parted.",
        calendar="julian",  # England's, then: the 24th was a Thursday in Julian 1415
    )
    assert v["Thursday, the four and twentieth day of October"] == "1415-10-24"


def test_a_republican_day_glossed_with_its_article_is_two_timexes_of_its_year() -> None:
    v = _values(
        "Paris had been hungry since the Ninth of Thermidor. On the 12th of Germinal (the 1st "
        "of April) the flood rises, and in the afternoon the crowd bursts into the Hall."
    )
    assert v["the 12th of Germinal"] == "1795-04-01"
    assert v["the 1st of April"] == "1795-04-01"  # the gloss takes the Republican day's year
    assert v["the afternoon"] == "1795-04-01TAF"  # the glossed famous day is the story's


def test_a_regnal_year_told_first_is_the_passage_s_year_the_names_choose_between() -> None:
    # Justinian's fifth year ran from April 531 to March 532; the names (Belisarius, Narses,
    # Theodora) would agree on a later year, but the text has said which
    text = (
        "In the fifth year of Justinian, the factions of the circus rose. On the ides of "
        "January Belisarius and Narses were in the palace, and Theodora counselled firmness."
    )
    v = _values(text, dct="1788", calendar="julian")
    assert v["the ides of January"] == "0532-01-13"
    assert v["the fifth year of Justinian"] == "0532"


def test_the_twenty_second_is_an_ordinal_not_twenty_seconds() -> None:
    got = {
        t.text: t.type for t in tag_time("From the first race to the twenty-second, they begged.")
    }
    assert "twenty-second" not in got and "the twenty-second" not in got
    assert _values("A twenty-second pause followed.")["twenty-second"] == "PT20S"


def test_a_part_of_a_day_told_from_the_story_s() -> None:
    v = _values(
        "The riot began on 13 January 532. In the evening of the same day they were led out. "
        "On the morning of the next day the fire spread, and the night of that day was quiet.",
        calendar="julian",
    )
    assert v["the evening of the same day"] == "0532-01-13TEV"
    assert v["the morning of the next day"] == "0532-01-14TMO"
    assert v["the night of that day"] == "0532-01-14TNI"


def test_a_day_of_the_month_in_words_after_a_preposition() -> None:
    v = _values(
        "The senate met on the seventh of January 1917. The news reached him on the tenth. He "
        "left it on the seventeenth; on the seventeenth Pompey embarked. On the twenty-first "
        "the gates were opened, and before daybreak of the twenty-second they marched."
    )
    assert v["the tenth"] == "1917-01-10"
    assert v["the seventeenth"] == "1917-01-17"
    assert v["the twenty-first"] == "1917-01-21"
    assert v["daybreak of the twenty-second"] == "1917-01-22TMO"


def test_a_rank_in_words_is_no_day() -> None:
    got = _values(
        "In May 1916 the line held. On the fifth floor they met; the attack was made by the "
        "Fourth and Fifth armies; on the first he came."
    )
    assert not {"the fifth", "the Fourth", "the first"} & set(got)
    counted = _values("On 13 January 532 the riot began. In the evening of the fifth day he fled.")
    assert not any(v.startswith("0532-01-05") for v in counted.values())
    news = {t.text for t in tag_time("Prices closed lower Friday, the fourth decline in a row.")}
    assert "Friday, the fourth" not in news


def test_a_weekday_with_its_day_in_words() -> None:
    v = _values("In August 1792 Paris waited. On Sunday the fifth the King held his last Levee.")
    assert v["Sunday the fifth"] == "1792-08-05"


def test_a_year_of_the_city_is_rome_s() -> None:
    v = _values("This was in the year 705 of the city. In the year 1028 of Rome, Aurelian died.")
    assert v["the year 705 of the city"] == "BC0049"
    assert v["the year 1028 of Rome"] == "0275"
    got = {t.text for t in tag_time("In 1900 of the city's people many died.", mode="narratives")}
    assert "1900 of the city" not in got


def test_a_year_stated_in_the_first_days_paragraph_dates_them_before_the_names() -> None:
    # Pompey and the siege of Dyrrachium agree on 48 BC; the text says 49 BC
    text = (
        "The decree was carried in the senate on the seventh of January, and on the same night "
        "the tribunes fled to Caesar. This was in the year 705 of the city. Pompey, who would "
        "later stand at the siege of Dyrrachium, left Rome."
    )
    v = _values(text, dct="1866", calendar="julian")
    assert v["the seventh of January"] == "BC0049-01-07"


def test_feasts_of_st_peter_in_chains_and_the_dispersion_of_the_apostles() -> None:
    v = _values(
        "In 1099 the city fell. It was the day of the Dispersion of the Apostles, the fifteenth "
        "of July. Ten days later, on the feast of Saint Peter in Chains, Arnulf was made "
        "patriarch. On the feast of St. Peter the bells rang.",
        calendar="julian",
    )
    assert v["the day of the Dispersion of the Apostles"] == "1099-07-15"
    assert v["the feast of Saint Peter in Chains"] == "1099-08-01"
    assert v["the feast of St. Peter"] == "1099-06-29"


def test_a_long_run_of_words_is_cut_at_a_sentence_end_not_inside_an_expression() -> None:
    # a run of vocabulary words longer than the recogniser's reach ends at a full stop, so
    # the next sentence's expression is read whole
    text = (
        "In 1099 it was the day of the Dispersion of the Apostles, the fifteenth of July. Ten "
        "days later, on the feast of Saint Peter in Chains, Arnulf was made patriarch."
    )
    assert "the feast of Saint Peter in Chains" in _values(text, calendar="julian")


def test_the_winter_season() -> None:
    assert (
        _values("In January 1916 the roads closed in the winter season.")["the winter season"]
        == "1915-WI"
    )


def test_a_part_of_a_feast_s_day() -> None:
    v = _values(
        "In 1520 the victory was won on the night of Whitsunday. On the morning of Christmas "
        "Day 1520 they sailed.",
        calendar="julian",
    )
    assert v["the night of Whitsunday"] == "1520-05-27TNI"
    assert v["the morning of Christmas Day 1520"] == "1520-12-25TMO"


def test_a_story_s_day_and_its_feast_are_two_timexes_an_encyclopedia_s_one() -> None:
    story = _values(
        "In 1520 he entered the capital on the twenty-fourth of June, the day of St. John the "
        "Baptist, and found the streets silent.",
        calendar="julian",
    )
    assert story["the day of St. John the Baptist"] == "1520-06-24"
    wiki = {
        t.text
        for t in tag_time(
            "The battle took place on Friday, 25 October 1415, the feast of Saints Crispin and "
            "Crispinian, near Azincourt.",
            mode="narratives",
        )
    }
    assert "the feast of Saints Crispin and Crispinian" not in wiki


def test_an_undated_text_counts_as_its_weekdays_show_in_the_year_its_names_point_to() -> None:
    # English places and no year stated: the names (Drake, Medina Sidonia) give 1588,
    # and in 1588 "Friday, the 19th of July" and "Sunday, the 21st of July" are Julian days
    text = (
        "The enemy was sighted off the Lizard on the afternoon of Friday, the 19th of July, and "
        "the English fleet lay in Plymouth with Drake and Lord Howard. On Sunday, the 21st of "
        "July, the Duke of Medina Sidonia formed his ships in a crescent, and the English "
        "engaged them."
    )
    timexes, facts = tag(text, mode="narratives", dct="1870", calendar="auto")
    assert facts["calendar"] == "julian"
    v = {t.text: t.value for t in timexes}
    assert v["Sunday, the 21st of July"] == "1588-07-21"


def test_lengths_in_a_journal_and_an_inquiry() -> None:
    v = _values(
        "Thursday, March 21st, 1895. A week on the ice. Twice in the last fortnight we came "
        "back. The ship's clock was about 1 hour 33 minutes ahead. He paid two pounds a week."
    )
    assert v["A week"] == "P1W"  # a sentence's length, not a rate
    assert v["the last fortnight"] == "P2W"
    assert v["about 1 hour 33 minutes"] == "PT1H33M"
    assert v["a week"] == "P1W"
    rate = [t for t in tag_time("He paid two pounds a week.") if t.text == "a week"]
    assert rate and rate[0].type == "SET"


def test_twelve_past_midnight_after_an_evening_is_the_next_day_s() -> None:
    v = _values(
        "On Sunday, 14 April 1912, at 11.40 p.m. the ship struck. The first message was sent "
        "about 12.15 a.m. The thermometer stood low at eight this morning."
    )
    assert v["about 12.15 a.m."] == "1912-04-15T00:15"
    assert v["eight this morning"] == "1912-04-15T08:00"


def test_that_sunday_is_the_sunday_told() -> None:
    v = _values(
        "The petition was to be delivered on Sunday, the 9th of January 1905. On that day the "
        "troops fired. The next week the strikes spread. From that Sunday the old Russia was "
        "gone.",
        calendar="julian",
    )
    assert v["that Sunday"] == "1905-01-09"


def test_a_month_of_a_year_told_with_its_article() -> None:
    v = _values(
        "In October 1836 he came home, and there, in the July of the same year, he opened the "
        "notebook. In the March of the following year he married. In the September of 1842 "
        "they left."
    )
    assert v["the July of the same year"] == "1836-07"
    assert v["the March of the following year"] == "1837-03"
    assert v["the September of 1842"] == "1842-09"


def test_an_hour_of_a_day_of_the_month_before_a_name() -> None:
    v = _values(
        "On 23 August 1914 the British held the canal. At one o'clock in the morning of the "
        "24th Sir John French ordered the retreat."
    )
    assert v["one o'clock in the morning of the 24th"] == "1914-08-24T01:00"


def test_a_diary_s_month_heading_replaces_the_document_s_day() -> None:
    # a war diary dated 30 April: its heading "April 1917." starts the story at April
    text = (
        "WAR DIARY.\nApril 1917.\n\nWANQUETIN. Battalion in billets.\n\n2nd–5th. Training "
        "daily. The G.O.C. addressed all officers on the 3rd inst.\n\n6th. Marched to ARRAS."
    )
    v = {t.text: t.value for t in tag_time(text, mode="narratives", dct="1917-04-30")}
    assert v["2nd"] == "1917-04-02"
    assert v["the 3rd inst."] == "1917-04-03"
    assert v["6th"] == "1917-04-06"


def test_this_day_sennight_and_twelvemonth() -> None:
    v = _values(
        "Sept. 7th, 1666. Up, and walked through the ruins. This day se'nnight I dined with my "
        "wife at a cook's. Whereas this day twelvemonth I was not worth £25. This day week we "
        "shall go to Deptford."
    )
    assert v["This day se'nnight"] == "1666-08-31"
    assert v["this day twelvemonth"] == "1665-09-07"
    assert v["This day week"] == "1666-09-14"  # told in the future: ahead


def test_the_opening_day_is_the_story_s_day() -> None:
    v = _values("The line was opened on 15 September 1830. The opening day was spoiled by rain.")
    assert v["The opening day"] == "1830-09-15"


def test_half_a_century_ago() -> None:
    got = {
        t.text: t.value
        for t in tag_time(
            "At 11 p.m., the hour at which, half a century ago, Britain declared war, the lamps "
            "go out. Half an hour later it ended.",
            mode="narratives",
            dct="1964-08-03",
        )
    }
    assert got["half a century ago"] == "1914"
    assert got["Half an hour later"] == "1964-08-03T23:30"


def test_since_morning_is_the_story_s_morning() -> None:
    v = _values("On 16 June 1815 the Prussians had been fighting since morning.")
    assert v["morning"] == "1815-06-16TMO"


def test_late_at_night() -> None:
    got = [t for t in tag_time("On 14 June 1805 I set out. It was late at night before I came.")]
    late = [t for t in got if t.text == "late at night"]
    assert late and late[0].value == "1805-06-14TNI" and late[0].mod == "END"


def test_a_weekday_takes_its_article_before_a_clause_word() -> None:
    got = {
        t.text
        for t in tag_time(
            "In January 1905 the petition was to be delivered on the Sunday at the Winter "
            "Palace; there was fighting on the Tuesday and off the Isle. The Sunday crowds came.",
            mode="narratives",
        )
    }
    assert {"the Sunday", "the Tuesday"} <= got
    assert "The Sunday" not in got


def test_an_hour_in_words_alone_after_a_preposition_of_time_is_a_clock() -> None:
    text = (
        "Thursday, May 1st, 1851. — The great day. We were up at five and in our places long "
        "before the Queen came at twelve. We did not reach home until seven, and I am tired. "
        "Papa had been at the office since half-past four."
    )
    v = _values(text)
    assert v["five"] == "1851-05-01T05:00"
    assert v["twelve"] == "1851-05-01T12:00"
    assert v["seven"] == "1851-05-01T19:00"  # after noon, the story's hours go on
    assert "half-past four" in v


def test_minutes_in_the_clocks_fives_without_the_word_minutes() -> None:
    text = (
        "Sunday, 25th April 1915. The collier was run aground at about twenty past six, and "
        "at ten to seven the first boats went in. By five past eight we were ashore."
    )
    v = _values(text)
    assert v["about twenty past six"] == "1915-04-25T06:20"
    assert v["ten to seven"] == "1915-04-25T06:50"
    assert v["five past eight"] == "1915-04-25T08:05"


def test_fives_that_count_things_or_give_odds_are_no_clock() -> None:
    text = (
        "In 1851 they brought from five to ten men each, and laid the odds at ten to one. "
        "The rest came at twenty to five hundred yards."
    )
    assert {t.text for t in tag_time(text, mode="narratives")} == {"1851"}


def test_a_bare_number_that_is_no_hour_stays_untagged() -> None:
    text = (
        "In 1851 the family moved to Bath. At twelve, the boy was sent to school there. "
        "The emperor left a boy of about eight, and a girl of about seven, years old. "
        "They came in one by one, at one and the same time, about six or seven miles away."
    )
    got = {t.text for t in tag_time(text, mode="narratives")}
    assert got == {"1851"}


def test_a_day_with_its_weekday_after_a_diary_heading_keeps_the_month_its_weekday_fits() -> None:
    # 14 June 1789 was a Sunday, 14 May a Thursday: the entry goes on past its heading's day
    text = (
        "Friday, 12th June 1789. At three in the morning we saw Timor. On Sunday, the 14th, we "
        "came to an anchor off Coupang. On the 10th we had seen land."
    )
    v = _values(text)
    assert v["Sunday, the 14th"] == "1789-06-14"
    assert v["the 10th"] == "1789-06-10"


def test_saturday_week_is_the_saturday_after_next_and_a_plan() -> None:
    text = (
        "Bath, June 21st, 1887.\n\nDearest Mother,\n\nI shall be home on Saturday week. We "
        "meet the Ropers on Monday fortnight."
    )
    v = _values(text)
    assert v["Saturday week"] == "1887-07-02"
    assert v["Monday fortnight"] == "1887-07-11"
    story = "On 21 June 1887 the regiment reached Bath. It leaves on Monday fortnight. The next day"
    v = _values(story + " it paraded.")
    assert v["The next day"] == "1887-06-22"  # a day a fortnight ahead is a plan


SERIES = (
    "Fort Pitt, March 2nd, 1763.\n\n"
    "Dear Brother,\n\nThe snow lies deep and the garrison is well.\n\n"
    "April 20th.\n\n"
    "Seven weeks since I wrote. On the 28th the Indians burned the mill, and yesterday "
    "they fired on our boats.\n\n"
    "Fort Pitt, May 9th.\n\n"
    "We are besieged. Yesterday morning two scouts came in.\n"
)


def test_a_date_that_is_its_own_paragraph_heads_the_next_letter_of_a_series() -> None:
    v = _values(SERIES, dct="1800")
    assert v["the 28th"] == "1763-03-28"  # told in the past under 20 April: March's
    assert v["yesterday"] == "1763-04-19"  # from the second letter's date
    assert v["Yesterday morning"] == "1763-05-08TMO"  # from the third's


def test_a_history_s_dated_heading_is_no_letter() -> None:
    text = "In 1815 the war resumed.\n\nJune 18, 1815.\n\nWe now come to the battle. On the 20th the army fell back.\n"
    v = _values(text)
    assert v["the 20th"] == "1815-06-20"  # the story's own June, not a letter's past


def test_a_diary_s_this_day_is_the_entry_s_day() -> None:
    text = (
        "Jan. 28th, 1661. Up early, and to the office.\n\n"
        "30th. To church, where I heard that the prisoners, taken on Saturday, were this day "
        "hanged at Tyburn."
    )
    v = _values(text, dct="1893")
    assert v["this day"] == "1661-01-30"
