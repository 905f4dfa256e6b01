"""Historical recognisers, calendar policy and year inference; the October (Old Style) excerpt."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annales.errors import CalendarError
from annales.temporal import calendars as cal
from annales.temporal import historical, policy, tag_time
from conftest import TEXTS, need_shared


def _one(text: str):
    found = historical.find(text)
    assert len(found) == 1, [(text[c.start : c.end], c.value) for c in found]
    c = found[0]
    return c, text[c.start : c.end]


def _two(text: str):
    """The two sides of a dual date: (first, its words), (second, its words)."""
    found = historical.find(text)
    assert len(found) == 2, [(text[c.start : c.end], c.value) for c in found]
    first, second = found
    assert first.sets_reference and not second.sets_reference  # the second is a gloss
    assert second.written
    return (first, text[first.start : first.end]), (second, text[second.start : second.end])


def _dual(text: str):
    """The Julian and the Gregorian side of a dual date, whichever is written first."""
    (a, _), (b, _) = _two(text)
    return (a, b) if a.calendar == "julian" else (b, a)


# --------------------------------------------------------------------------- Republican dates


@pytest.mark.parametrize(
    "text,span,value",
    [
        (
            "the 1st Prairial, year III (20th May, 1795)",
            "the 1st Prairial, year III",
            "1795-05-20",
        ),
        ("on 13 Vendémiaire an IV the sections", "13 Vendémiaire an IV", "1795-10-05"),
        ("COUP-D'ÉTAT OF THE 18TH FRUCTIDOR, YEAR V", "THE 18TH FRUCTIDOR, YEAR V", "1797-09-04"),
        (
            "the 18th Brumaire, in the year VIII",
            "the 18th Brumaire, in the year VIII",
            "1799-11-09",
        ),
        (
            "FROM THE 18TH BRUMAIRE (9TH OF NOVEMBER, 1799) TO",
            "THE 18TH BRUMAIRE",
            "1799-11-09",
        ),
        ("(15th Frimaire, year II", "15th Frimaire, year II", "1793-12-05"),
        ("on the 30 Ventose an XII", "the 30 Ventose an XII", "1804-03-21"),
    ],
)
def test_republican_dates_with_a_year(text, span, value) -> None:
    c = historical.find(text)[0]
    got = text[c.start : c.end]
    assert got == span
    assert (c.value, c.calendar, c.gregorian) == (value, "french-republican", value)
    assert c.priority > 0 and c.resolve is None


def test_republican_day_without_year_takes_the_narrative_year() -> None:
    c, span = _one("On the 8th Thermidor, he entered the convention")
    assert span == "the 8th Thermidor" and c.value == "XXXX-XX-XX"
    assert c.resolve is not None
    assert c.resolve("1794-07-20") == "1794-07-26"  # 8 Thermidor II
    assert c.resolve("1798-06-01") == "1798-07-26"  # 8 Thermidor VI, the nearest
    assert c.resolve(None) == "XXXX-XX-XX"  # no year, nothing invented


def test_famous_republican_days_keep_their_year() -> None:
    c, span = _one("after the 9th Thermidor")
    assert c.resolve is not None and c.sets_reference is False
    assert c.resolve(None) == "1794-07-27"
    assert c.resolve("1795-06-01") == "1794-07-27"  # looked back on, not Thermidor III
    assert c.resolve("1814-04-20") == "1794-07-27"  # a narrative past the Republic looks back
    assert c.resolve("1789-07-14") == "1794-07-27"  # or forward from before it
    c, _ = _one("the ninth of Thermidor")
    assert c.resolve("1794-07-01") == "1794-07-27"


def test_a_republican_day_and_its_gregorian_day_are_two_timexes() -> None:
    # as TimeML annotators mark them: the Republican day carries the story, the bracketed
    # Gregorian day is a gloss in its own calendar
    (rep, rep_words), (greg, greg_words) = _two("the 1st Prairial, year III (20th May, 1795)")
    assert (rep_words, rep.value, rep.calendar) == (
        "the 1st Prairial, year III",
        "1795-05-20",
        "french-republican",
    )
    assert (greg_words, greg.value, greg.calendar) == ("20th May, 1795", "1795-05-20", "gregorian")


def test_republican_concordance_a_day_off_keeps_the_nearest_year() -> None:
    (c, _), (gloss, words) = _two("the 14th Floréal (3rd of May) the senate")
    # 14 Floréal XII is 4 May 1804; the author's "3rd of May" matches only years II-VII
    assert c.resolve("1804-04-25") == "1804-05-04"
    assert words == "3rd of May" and gloss.resolve("1804-04-25") == "1804-05-03"  # as written


def test_non_famous_day_far_from_the_republic_stays_unknown() -> None:
    c, _ = _one("the 21st Brumaire the consuls")
    assert c.resolve("1660") == "XXXX-XX-XX"


def test_republican_day_with_gregorian_day_beside_it() -> None:
    (c, span), (gloss, words) = _two("the 30th Prairial (18th June) the councils")
    assert (span, words) == ("the 30th Prairial", "18th June")
    assert c.resolve("1799-05-01") == "1799-06-18"  # 30 Prairial VII
    assert gloss.resolve("1799-05-01") == "1799-06-18"


def test_gregorian_day_with_republican_day_beside_it() -> None:
    (c, span), (gloss, words) = _two("on the 14th of June (25th Prairial)")
    assert (span, words) == ("14th of June", "25th Prairial")
    assert (c.calendar, gloss.calendar) == ("gregorian", "french-republican")
    assert c.resolve("1794-06-01") == "1794-06-14"


def test_disagreeing_republican_concordance_is_flagged() -> None:
    (c, _), (gloss, _) = _two("the 1st Prairial, year III (21st May, 1795)")
    assert c.value == "1795-05-20" and c.warning and "disagree" in c.warning
    assert gloss.value == "1795-05-21"  # each side says what it says


@pytest.mark.parametrize(
    "text,span,value,label",
    [
        # Brumaire IV is 23 October - 21 November 1795: most of it, and its middle, in November
        ("to the month of Brumaire, year IV., the", "the month of Brumaire, year IV", "1795-11",
         "Brumaire an IV · November 1795"),
        ("In Nivôse an VIII the consuls", "Nivôse an VIII", "1800-01",
         "Nivôse an VIII · January 1800"),
    ],
)  # fmt: skip
def test_republican_month_with_its_year(text, span, value, label) -> None:
    c, got = _one(text)
    assert (got, c.value, c.calendar) == (span, value, "french-republican")
    (t,) = tag_time(text, mode="narratives")
    assert (t.value, t.gregorian, t.label) == (value, value, label)


def test_republican_month_without_its_year_is_no_date() -> None:
    assert historical.find("the victories of Prairial and of Vendémiaire") == []


def test_famous_republican_day_opens_a_story_dated_only_by_its_book() -> None:
    text = (
        "On the 19th Brumaire the councils met at Saint Cloud. "
        "About two o'clock in the afternoon they assembled. The next day they fled."
    )
    got = [t.value for t in tag_time(text, mode="narratives", dct="1824")]
    assert got == ["1799-11-10", "1799-11-10T14:00", "1799-11-11"]
    # a story with its own date only looks back on the famous day
    got = [t.value for t in tag_time("On 3 May 1796 he spoke of the 9th Thermidor. The next "
                                     "day he left.", mode="narratives", dct="1824")]  # fmt: skip
    assert got == ["1796-05-03", "1794-07-27", "1796-05-04"]


def test_impossible_republican_day_is_not_a_date() -> None:
    assert historical.find("the 31st Thermidor, year II") == []


def test_republican_words_that_are_not_dates() -> None:
    assert historical.find("the Thermidorian party and the days of Prairial") == []


# --------------------------------------------------------------------------- dual and marked dates


@pytest.mark.parametrize(
    "text,value,gregorian",
    [
        ("On 25 October (7 November) 1917 the", "1917-10-25", "1917-11-07"),
        ("on 24 October/6 November 1917", "1917-10-24", "1917-11-06"),
        ("on 7 November (25 October) 1917", "1917-10-25", "1917-11-07"),
        ("October 25 (November 7), 1917", "1917-10-25", "1917-11-07"),
        ("on 18 June 1709 (29 June 1709)", "1709-06-18", "1709-06-29"),
        ("25 December 1916 (7 January 1917)", "1916-12-25", "1917-01-07"),
        ("22 June O.S. (5 July N.S.) 1917", "1917-06-22", "1917-07-05"),
    ],
)
def test_dual_dates_are_two_candidates_whose_sides_agree(text, value, gregorian) -> None:
    jul, greg = _dual(text)
    assert (jul.value, jul.calendar, jul.gregorian) == (value, "julian", gregorian)
    assert (greg.value, greg.calendar, greg.gregorian) == (gregorian, "gregorian", gregorian)
    assert jul.warning is None


def test_days_of_one_month_in_both_calendars_are_one_candidate() -> None:
    c, span = _one("dated 10/23 March 1917")
    assert (span, c.value, c.calendar, c.gregorian) == (
        "10/23 March 1917",
        "1917-03-10",
        "julian",
        "1917-03-23",
    )


def test_each_side_of_a_dual_date_is_its_own_words() -> None:
    (a, words_a), (b, words_b) = _two("On 25 October 1917 O.S. (7 November N.S.) they rose")
    assert (words_a, words_b) == ("25 October 1917 O.S.", "7 November N.S.")
    (a, words_a), (b, words_b) = _two("on 24 October/6 November 1917 the")
    assert (words_a, words_b) == ("24 October", "6 November 1917")


def test_dual_date_without_year_resolves_from_the_reference() -> None:
    (c, span), (gloss, words) = _two("on 25 October (7 November) the Bolsheviks")
    assert (span, words) == ("25 October", "7 November")
    assert c.value == "XXXX-10-25" and c.resolve is not None
    assert c.resolve("1917-10-01") == "1917-10-25"
    assert gloss.resolve is not None and gloss.resolve("1917-10-01") == "1917-11-07"
    assert gloss.resolve(None) == "XXXX-11-07"


def test_a_dual_date_inside_a_longer_expression_keeps_its_calendar_and_story() -> None:
    text = (
        "In the early morning of the 24th of October (6th of November), 1917, Kerensky closed "
        "the presses. The next day the Winter Palace fell."
    )
    got = [(t.text, t.value, t.calendar) for t in tag_time(text, mode="narratives")]
    assert got[0] == ("the early morning of the 24th of October", "1917-10-24TMO", "julian")
    assert got[1] == ("6th of November", "1917-11-06", "gregorian")
    # in a document counted in New Style the story goes on from the Gregorian day ...
    assert ("The next day", "1917-11-07", "gregorian") in got
    # ... and where the writer puts Old Style first, as here, in Old Style
    got = [
        (t.text, t.value, t.calendar) for t in tag_time(text, mode="narratives", calendar="auto")
    ]
    assert ("The next day", "1917-10-25", "julian") in got


def test_dual_dates_with_old_style_first_make_a_julian_document() -> None:
    text = "On the 23rd of February (8th March) the women of Petrograd marched. On the 27th"
    pol = policy.document_policy(text, "auto")
    assert pol.calendar == "julian" and "dual dates" in pol.reason
    pol = policy.document_policy("On 7 November (25 October) the Red Guards rose.", "auto")
    assert pol.calendar == "gregorian" and "New Style first" in pol.reason
    # days of one month in both calendars, one timex: its first day is written first
    pol = policy.document_policy("Sunday, the 9th (22nd) of January, began quietly.", "auto")
    assert pol.calendar == "julian" and "9th (22nd) of January" in pol.reason
    assert policy.dual_order("No dual date here.") == (0, 0, None)


def test_a_weekday_told_after_its_day_is_one_timex_and_picks_the_year() -> None:
    text = "In 1916 the war dragged on. On the 24th of October, a Tuesday, the bridges were raised."
    (_, t) = tag_time(text, mode="narratives", calendar="julian")
    # 24 October was a Tuesday (Julian) in 1917, not in 1916
    assert (t.text, t.value) == ("the 24th of October, a Tuesday", "1917-10-24")
    (_, t, u) = tag_time(
        "In 1916 they met on the 2nd of May, a Tuesday afternoon.", mode="narratives"
    )
    assert (t.text, u.text) == ("the 2nd of May", "a Tuesday afternoon")


def test_two_dates_in_brackets_that_are_not_a_dual_date() -> None:
    assert historical.find("on 5 June (12 July) nothing") == []
    assert historical.find("the night of 24/25 October") == []


@pytest.mark.parametrize(
    "text,value,gregorian",
    [
        ("born 10 February 1714/15 in", "1715-02-10", "1715-02-21"),
        ("on March 3, 1688/9", "1689-03-03", "1689-03-13"),
        ("on 24 March 1751/2", "1752-03-24", "1752-04-04"),
    ],
)
def test_old_style_double_years(text, value, gregorian) -> None:
    c, _ = _one(text)
    assert (c.value, c.calendar, c.gregorian) == (value, "julian", gregorian)


def test_bare_double_year_is_the_english_civil_year() -> None:
    c, span = _one("the winter of 1714/15 was hard")
    assert span == "1714/15"
    assert c.value == "1714-03-25/1715-03-24" and c.calendar == "julian"


def test_double_year_rules() -> None:
    assert historical.find("in 1917/18") == []  # not Old Style: after 1752
    assert historical.find("in 1714/16") == []  # not consecutive
    assert historical.find("on 10 May 1714/15") == []  # after 25 March: no double year


@pytest.mark.parametrize(
    "text,value,calendar,gregorian",
    [
        ("on 22 June 1917 (O.S.) the", "1917-06-22", "julian", "1917-07-05"),
        ("on 5 July 1917 N.S.", "1917-07-05", "gregorian", "1917-07-05"),
        ("on 1 March 1917, Old Style,", "1917-03-01", "julian", "1917-03-14"),
        ("on June 5, 1920, New Style", "1920-06-05", "gregorian", "1920-06-05"),
    ],
)
def test_style_marked_dates(text, value, calendar, gregorian) -> None:
    c, _ = _one(text)
    assert (c.value, c.calendar, c.gregorian) == (value, calendar, gregorian)


def test_style_marked_day_without_year() -> None:
    c, span = _one("on 22 June (O.S.) the")
    assert span == "22 June (O.S.)" and c.calendar == "julian"
    assert c.resolve is not None and c.resolve("1917") == "1917-06-22"


# --------------------------------------------------------------------------- named events


@pytest.mark.parametrize(
    "text,span,value,calendar",
    [
        ("prices rose during the Great War.", "the Great War", "1914/1918", "gregorian"),
        (
            "after the February Revolution the",
            "the February Revolution",
            "1917-02-23/1917-03-02",
            "julian",
        ),
        ("since the Congress of Vienna", "the Congress of Vienna", "1814-09/1815-06", "gregorian"),
        (
            "until the Reign of Terror ended",
            "the Reign of Terror",
            "1793-09-05/1794-07-28",
            "gregorian",
        ),
        ("before the Battle of Hastings", "the Battle of Hastings", "1066-10-14", "julian"),
    ],
)
def test_named_periods_after_a_temporal_preposition(text, span, value, calendar) -> None:
    c, got = _one(text)
    assert (got, c.value, c.calendar) == (span, value, calendar)
    assert c.source == "historical:event" and c.sets_reference is False


def test_named_periods_elsewhere_are_not_timexes() -> None:
    assert historical.find("The Great War changed Europe.") == []


def test_event_table_is_large_and_well_formed() -> None:
    from annales.temporal import calendars as cal

    table = historical.periods()
    periods = set(table.values())
    assert len(periods) >= 200
    for p in periods:
        assert cal.parse(p.start) is not None and cal.parse(p.end) is not None, p
        assert cal.sort_key(p.start, p.calendar) <= cal.sort_key(p.end, p.calendar), p
        assert p.calendar in ("gregorian", "julian") and p.note


# --------------------------------------------------------------------------- year inference


def test_infer_reference_from_title_first() -> None:
    got = historical.infer_reference(
        "Nothing dated here.", title="Diaries of the February Revolution"
    )
    assert got is not None and got[0] == "1917" and "title" in got[1]


def test_infer_reference_from_most_mentioned_event() -> None:
    text = (
        "The Congress of Vienna met. Later, the Congress of Vienna ended; the Battle of Waterloo."
    )
    got = historical.infer_reference(text)
    assert got is not None and got[0] == "1814" and "Congress of Vienna" in got[1]


def test_infer_reference_ignores_long_periods_and_empty_text() -> None:
    assert historical.infer_reference("In the Middle Ages and the Renaissance people.") is None
    assert historical.infer_reference("") is None


# --------------------------------------------------------------------------- policy


def test_policy_requested() -> None:
    assert policy.decide_calendar("anything", "julian")[0] == "julian"
    assert policy.decide_calendar("anything", "gregorian")[0] == "gregorian"


def test_policy_unknown_is_one_line_error() -> None:
    with pytest.raises(CalendarError) as err:
        policy.decide_calendar("x", "byzantine")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    "text,calendar",
    [
        (
            "I have adopted in this book our Calendar throughout, instead of the former Russian Calendar, "
            "which was thirteen days earlier. In Petrograd on 25 October 1917...",
            "gregorian",
        ),
        ("Translator's note: all dates are given in the Old Style. In Paris in 1917...", "julian"),
        (
            "Note. Dates in this book are given according to the New Style. Moscow, 1917.",
            "gregorian",
        ),
        ("We have kept the Russian calendar throughout. London 1950.", "julian"),
    ],
)
def test_policy_statement_wins(text, calendar) -> None:
    cal, reason = policy.decide_calendar(text, "auto")
    assert cal == calendar and "states" in reason


@pytest.mark.parametrize(
    "text,calendar",
    [
        (
            "In 1917 the Petrograd Soviet met in the Tauride Palace; Moscow followed in 1917.",
            "julian",
        ),
        ("In 1919 Moscow was hungry; Petrograd in 1920 was worse.", "gregorian"),
        ("In 1745 London feared the Jacobites; Edinburgh fell in 1745.", "julian"),
        ("In 1760 London celebrated; Bristol in 1761.", "gregorian"),
        ("In 1600 Madrid and Seville traded with Lisbon.", "gregorian"),
        ("In 1500 Madrid and Seville traded with Lisbon.", "julian"),
        # histories written outside Greece and Turkey give their pre-switch dates in New
        # Style (switches.toml outside_style); before 1582 historians still count Julian
        ("Athens in 1922 and Salonika in 1921.", "gregorian"),
        ("Constantinople in 1920 and Smyrna in 1922.", "gregorian"),
        ("Constantinople fell in 1453; Smyrna in 1424.", "julian"),
        ("Ankara in 1930 and Istanbul in 1935.", "gregorian"),
        ("Rome, 44 B.C.: Caesar is murdered in Rome.", "julian"),
        ("Nothing here names a place.", "gregorian"),
    ],
)
def test_policy_by_place_and_era(text, calendar) -> None:
    assert policy.decide_calendar(text, "auto")[0] == calendar


def test_policy_sweden_special_case_is_reported() -> None:
    cal, reason = policy.decide_calendar("Stockholm in 1705; Uppsala in 1706.", "auto")
    assert cal == "julian" and "Swedish calendar" in reason


def test_policy_on_real_books(texts_dir) -> None:
    reed = (texts_dir / "reed-ten-days.txt").read_text(encoding="utf-8")
    cal, reason = policy.decide_calendar(reed, "auto")
    assert cal == "gregorian" and "our Calendar" in reason
    october = (texts_dir / "october-excerpt.txt").read_text(encoding="utf-8")
    assert policy.decide_calendar(october, "auto")[0] == "julian"
    mignet = (texts_dir / "mignet-french-revolution-1789-1814.txt").read_text(encoding="utf-8")
    assert policy.decide_calendar(mignet, "auto")[0] == "gregorian"


def test_mignet_republican_dates(texts_dir) -> None:
    text = (texts_dir / "mignet-french-revolution-1789-1814.txt").read_text(encoding="utf-8")
    rep = [c for c in historical.find(text) if c.calendar == "french-republican"]
    assert len(rep) >= 160
    for c in rep:
        v = c.resolve("1795-01-01") if c.resolve else c.value
        assert v == "XXXX-XX-XX" or "1792-09-22" <= v <= "1805-12-31", (text[c.start : c.end], v)


# --------------------------------------------------------------------------- the October excerpt


def _julian(y: int, m: int, d: int) -> tuple[str, str]:
    """(Julian value, Gregorian value) for a 1917 Julian day: the Gregorian is 13 days later."""
    g = dt.date(y, m, d) + dt.timedelta(days=13)
    return f"{y:04d}-{m:02d}-{d:02d}", g.isoformat()


def _month(y: int, m: int) -> tuple[str, str]:
    first = dt.date(y, m, 1) + dt.timedelta(days=13)
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1) + dt.timedelta(days=13)
    return f"{y:04d}-{m:02d}", f"{first.isoformat()}/{last.isoformat()}"


# (phrase that occurs in the text, its occurrence number, the timex text, expected)
OCTOBER = [
    ("On 22 June, Bolshevik", 0, "22 June", _julian(1917, 6, 22)),
    ("On the 23rd, representatives", 0, "the 23rd", _julian(1917, 6, 23)),
    ("on the 25th, the sailors", 0, "the 25th", _julian(1917, 6, 25)),
    ("slated for early July", 0, "early July", _month(1917, 7)),
    ("On 22 June, at an informal", 0, "22 June", _julian(1917, 6, 22)),
    ("turbulent late June days", 0, "late June", _month(1917, 6)),
    ("on 23 June the All-Russian", 0, "23 June", _julian(1917, 6, 23)),
    ("That same day, its vacillation", 0, "That same day", _julian(1917, 6, 23)),
    ("As early as 20 June", 0, "20 June", _julian(1917, 6, 20)),
    ("The next day, a German", 0, "The next day", _julian(1917, 6, 21)),
    ("On the 24th, a desolate", 0, "the 24th", _julian(1917, 6, 24)),
    ("the hot days of July", 0, "July", _month(1917, 7)),
]


@pytest.fixture(scope="module")
def october_timexes():
    text = need_shared(TEXTS / "october-excerpt.txt").read_text(encoding="utf-8")
    from annales.temporal import tag_time

    return text, tag_time(text, mode="narratives", calendar="julian", reference="1917")


@pytest.mark.parametrize("phrase,nth,span,expected", OCTOBER, ids=[o[0] for o in OCTOBER])
def test_october_old_style_dates(october_timexes, phrase, nth, span, expected) -> None:
    text, timexes = october_timexes
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(phrase, pos + 1)
    start = pos + phrase.index(span)
    hits = [t for t in timexes if t.start <= start < t.end]
    assert hits, f"no timex at {span!r}"
    t = hits[0]
    assert (t.value, t.calendar, t.gregorian) == (expected[0], "julian", expected[1])
    assert t.edtf is not None


def test_october_fuzzy_edges(october_timexes) -> None:
    text, timexes = october_timexes
    by_text = {t.text: t for t in timexes}
    assert (
        by_text["early July"].mod == "START"
        and by_text["early July"].edtf == "1917-07-01/1917-07-10"
    )
    assert (
        by_text["late June"].mod == "END" and by_text["late June"].edtf == "1917-06-21/1917-06-30"
    )
    label = next(t.label for t in timexes if t.text == "22 June")
    assert label == "22 June 1917 (O.S.) · 5 July 1917 (N.S.)"


@pytest.mark.parametrize(
    "text,value,gregorian",
    [
        ("on Oct. 25 (Nov. 7), 1917", "1917-10-25", "1917-11-07"),
        ("on 25 Oct./7 Nov. 1917", "1917-10-25", "1917-11-07"),
        ("on 25 October [7 November] 1917", "1917-10-25", "1917-11-07"),
        ("on 25 October (i.e. 7 November) 1917", "1917-10-25", "1917-11-07"),
        ("on February 23 (March 8, New Style), 1917", "1917-02-23", "1917-03-08"),
    ],
)
def test_more_dual_date_forms(text, value, gregorian) -> None:
    c, _ = _dual(text)
    assert (c.value, c.calendar, c.gregorian, c.warning) == (value, "julian", gregorian, None)


def test_dual_days_of_one_month_slashed_stay_one_candidate() -> None:
    c, _ = _one("the 16/28 August 1813")
    assert (c.value, c.calendar, c.gregorian, c.warning) == (
        "1813-08-16",
        "julian",
        "1813-08-28",
        None,
    )


def test_dual_days_of_one_month_in_brackets_are_two_timexes() -> None:
    text = "Sunday, the 9th (22nd) of January, began quietly; on 12 (25) March 1917 the Duma met."
    got = [
        (t.text, t.value, t.calendar) for t in tag_time(text, mode="narratives", reference="1905")
    ]
    assert ("Sunday, the 9th", "1905-01-09", "julian") in got
    assert ("22nd", "1905-01-22", "gregorian") in got
    assert ("12", "1917-03-12", "julian") in got and ("25", "1917-03-25", "gregorian") in got
    # "of January" belongs to both sides: it is no timex of its own
    assert not any(t in ("January", "of January", "March 1917") for t, _, _ in got)


def test_dual_date_a_day_off_is_kept_with_a_warning() -> None:
    c, gloss = _dual("on 25 October (6 November) 1917")
    assert c.value == "1917-10-25" and c.warning and "disagree" in c.warning
    assert gloss.value == "1917-11-06"
    assert historical.find("on 5 (6) March 1917") == []


def test_policy_keeps_the_switch_for_dates_after_it() -> None:
    pol = policy.document_policy("In 1917 Petrograd rose; Moscow in 1917; Kiev in 1919.", "auto")
    assert pol.calendar == "julian" and pol.switch is not None
    assert pol.calendar_for("1917-10-25") == "julian"
    assert pol.calendar_for("1918-01-31") == "julian"
    assert pol.calendar_for("1918-02-14") == "gregorian"
    assert pol.calendar_for("1919-05-01") == "gregorian"
    assert pol.calendar_for("XXXX-05-01") == "julian"
    assert policy.document_policy("x", "gregorian").calendar_for("1600-01-01") == "gregorian"


# --------------------------------------------------------------------------- properties


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
REP_MONTHS = ["Vendémiaire", "Brumaire", "Frimaire", "Nivôse", "Pluviôse", "Ventôse", "Germinal",
              "Floréal", "Prairial", "Messidor", "Thermidor", "Fructidor"]  # fmt: skip
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_find_never_crashes_and_spans_are_sane(text: str) -> None:
    found = historical.find(text)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for c in found:
        assert 0 <= c.start < c.end <= len(text) and c.priority > 0


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=dt.date(1583, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_any_written_dual_date_is_two_agreeing_candidates(greg: dt.date) -> None:
    jy, jm, jd = cal.gregorian_to_julian(greg.year, greg.month, greg.day)
    text = f"It happened on {jd} {MONTHS[jm - 1]} {jy} ({greg.day} {MONTHS[greg.month - 1]} {greg.year}) there."
    c, gloss = _dual(text)
    assert c.value == f"{jy:04d}-{jm:02d}-{jd:02d}" and c.gregorian == greg.isoformat()
    assert c.calendar == "julian" and c.warning is None
    assert gloss.value == greg.isoformat() and not gloss.sets_reference


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 14), st.integers(1, 12), st.integers(1, 30))
def test_any_written_republican_date_converts(an: int, mois: int, jour: int) -> None:
    text = f"The decree of the {jour} {REP_MONTHS[mois - 1]}, year {ROMAN[an - 1]}, was read."
    c, _ = _one(text)
    y, m, d = cal.republican_to_gregorian(an, mois, jour)
    assert c.value == f"{y:04d}-{m:02d}-{d:02d}" == c.gregorian
    assert cal.republican_date(y, m, d) == (an, mois, jour)


@pytest.mark.parametrize(
    "text",
    [
        "The Old Style calendar was abolished in Britain in 1752.",
        "The New Style was adopted in Russia in 1918, by the old style; by the new style, year One.",
        "Our calendar of events for the year lists many dates.",
    ],
)
def test_mentions_of_calendars_are_not_statements(text: str) -> None:
    assert policy.stated_calendar(text) is None


def test_names_after_dates_are_not_style_marks() -> None:
    assert historical.find("On 5 June, Julian Assange said so.") == []
    assert historical.find("On 5 June, Gregorian chant was sung.") == []
    c, _ = _one("on 5 June 1917 (Julian calendar) the")
    assert c.calendar == "julian"


def test_modern_slashed_days_are_ranges_not_dual_dates() -> None:
    assert historical.find("from 1/12 March 2020 the shops closed") == []
    # but an exact Orthodox concordance is still one date
    c, _ = _dual("Christmas fell on 25 December 2019 (7 January 2020) there")
    assert (c.value, c.gregorian) == ("2019-12-25", "2020-01-07")


def test_unresolved_republican_day_keeps_its_own_label() -> None:
    from annales.temporal import tag_time

    (t,) = tag_time("On the 8th Thermidor he spoke.", mode="narratives")
    assert t.value == "XXXX-XX-XX" and t.label == "8 Thermidor"
    (t,) = tag_time("On the 8th Thermidor he spoke.", mode="narratives", reference="1794")
    assert t.value == "1794-07-26" and t.label == "8 Thermidor an II · 26 July 1794"


def test_a_day_of_a_named_event_of_known_days() -> None:
    from annales.temporal import tag_time

    v = {
        t.text: t.value
        for t in tag_time(
            "Our objectives for the first day of the battle of the Somme were ambitious. "
            "On the last day of the Battle of Passchendaele the ridge fell. "
            "Nothing is known of the fifth day of the Storming of the Bastille."
        )
    }
    assert v["the first day of the battle of the Somme"] == "1916-07-01"
    assert v["the last day of the Battle of Passchendaele"] == "1917-11-10"
    assert not any(k.startswith("the fifth day") for k in v)  # a one-day event has no fifth


def test_eras_printed_with_a_space_between_their_letters() -> None:
    text = (
        "Galerius was declared Augustus, the 11th of November, A. D. 307, after the return "
        "of Maximian. Caesar had fallen in 44 B. C. at Rome."
    )
    v = {t.text: t.value for t in tag_time(text, mode="narratives")}
    assert v["the 11th of November, A. D. 307"] == "0307-11-11"
    assert v["44 B. C."] == "BC0044"


def test_a_year_of_the_republic_alone() -> None:
    text = (
        "He violated the constitution of the year III. In the year II the Terror reigned; "
        "the year I spent in Paris was quiet. CHAPTER XI, YEAR IV."
    )
    v = [(t.text, t.value) for t in tag_time(text, mode="narratives", dct="1824")]
    # the Gregorian year in which that year of the Republic began (1 Vendémiaire)
    assert ("the year III", "1794") in v
    assert ("the year II", "1793") in v
    assert ("YEAR IV", "1795") in v
    assert not any("year I " in t for t, _ in v)  # "the year I spent": a pronoun


def test_an_event_named_with_its_year_is_that_year_told_alone() -> None:
    from annales import tag_time

    got = [
        (t.text, t.value)
        for t in tag_time("The Residency held out during the Indian Rebellion of 1857.")
    ]
    assert got == [("1857", "1857")]
