"""French Republican dates (1793-1805): "the 9th Thermidor", "18 Brumaire an VIII", "the 1st
Prairial, year III (20th May, 1795)". Values are Gregorian ISO days (see calendars.py); a day
given without its year gets a resolver that picks the year from the narrative reference, or the
famous year of days like 9 Thermidor (data/republican.toml)."""

from __future__ import annotations

import re
from functools import cache

from annales.temporal import calendars as cal
from annales.temporal.calendars import _toml
from annales.temporal.labels import _roman as _to_roman
from annales.temporal.types import Candidate, Resolver
from annales.temporal.wordforms import (
    _day,
    _get_day,
    _get_month,
    _get_year,
    _iso,
    _jdn,
    _ref_ymd,
    _roman,
    _year_resolver,
)

PRIORITY = 2
FAMOUS = ":famous"  # a famous day without its year: it seeds a story that has no date of its own
GREGORIAN_LEADS = ":gregorian_leads"  # "the 14th of June (25th Prairial)": its days are Gregorian


@cache
def _rep_months() -> dict[str, int]:
    out: dict[str, int] = {}
    data = _toml("republican.toml")
    for i, row in enumerate(data["months"], start=1):
        for form in row["forms"]:
            out[form.lower()] = i
    for form in data["complementary_forms"]:
        out[form.lower()] = 13
    return out


@cache
def _month_forms() -> tuple[str, ...]:
    """Every written form of a Republican month, lower case (for ``str.endswith``)."""
    return tuple(_rep_months())


@cache
def _rep_famous() -> tuple[dict[tuple[int, int], int], int]:
    data = _toml("republican.toml")
    months = _rep_months()
    out = {}
    for key, an in data["famous"].items():
        day, name = key.split(" ", 1)
        out[(int(day), months[name.lower()])] = int(an)
    return out, int(data["famous_window_years"])


def _rep_greg(an: int, mois: int, jour: int) -> tuple[int, int, int] | None:
    try:
        return cal.republican_to_gregorian(an, mois, jour)
    except (ValueError, IndexError):
        return None


def _rep_resolver(mois: int, jour: int, hint: tuple[int, int] | None) -> Resolver:
    """Choose the Republican year for a day given without one.

    A famous day (9 Thermidor) takes its famous year when the reference is within the window
    or outside the Republic's years altogether (a later or earlier narrative looking at it);
    otherwise the year whose day lies nearest the reference, preferring one that matches the
    Gregorian month/day given beside it (``hint``) unless that is over a year further away
    (authors' concordances are often a day off). Too far from any year of the Republic: X.
    """
    famous, window = _rep_famous()
    starts = cal._rep_starts()
    era = (starts[0], starts[14])  # 1 Vendémiaire I to the calendar's end (year XIV)

    def dist(g: tuple[int, int, int], rj: int) -> int:
        return abs((_jdn(*g) or 0) - rj)

    def resolve(ref: str | None) -> str:
        fam = famous.get((jour, mois))
        fam_g = _rep_greg(fam, mois, jour) if fam is not None else None
        r = _ref_ymd(ref)
        if r is None:
            return _iso(*fam_g) if fam_g else "XXXX-XX-XX"
        rj = _jdn(*r) or 0
        if fam_g and (dist(fam_g, rj) <= window * 366 or not era[0] - 366 <= rj <= era[1] + 366):
            return _iso(*fam_g)
        every = [g for an in range(1, 15) if (g := _rep_greg(an, mois, jour))]
        if not every:
            return "XXXX-XX-XX"
        best = min(every, key=lambda g: dist(g, rj))
        if hint is not None and (best[1], best[2]) != hint:
            matching = [g for g in every if (g[1], g[2]) == hint]
            if matching:
                alt = min(matching, key=lambda g: dist(g, rj))
                if dist(alt, rj) <= dist(best, rj) + 366:
                    best = alt
        return _iso(*best) if dist(best, rj) <= 3 * 366 else "XXXX-XX-XX"

    return resolve


def _republican(m: re.Match[str], text: str, reverse: bool = False) -> Candidate | None:
    jour = _get_day(m, "r")
    mois = _rep_months().get(m.group("rm").lower())
    if jour is None or mois is None or not 1 <= jour <= 30:
        return None
    an = _roman(m.group("ry")) if m.group("ry") else None
    if an is not None and not 1 <= an <= 14:
        an = None
    gd, gm, gy = _get_day(m, "g"), _get_month(m, "g"), _get_year(m, "g")
    hint = (gm, gd) if gd and gm else None
    warning = None
    famous, _ = _rep_famous()
    resolve: Resolver | None = None
    sets_ref = True
    source = "historical:republican"
    if reverse and gd and gm:
        # "14th of June (25th Prairial)": the Gregorian side leads
        if gy is not None and cal.is_valid(gy, gm, gd):
            value = _iso(gy, gm, gd)
            rep = cal.republican_date(gy, gm, gd)
            if (rep[1], rep[2]) != (mois, jour) or (an is not None and rep[0] != an):
                warning = "dual date sides disagree: the Gregorian side is kept"
            resolve = None
        else:
            value, resolve = f"XXXX-{gm:02d}-{gd:02d}", _year_resolver(gm, gd)
        return Candidate(
            m.start(),
            m.end(),
            "DATE",
            value,
            calendar="french-republican",
            gregorian=None if resolve else value,
            resolve=resolve,
            warning=warning,
            source="historical:republican" + GREGORIAN_LEADS,
            priority=PRIORITY,
        )
    if an is None and gy is not None and hint is not None:
        try:
            an = cal.republican_date(gy, gm, gd)[0]  # type: ignore[arg-type]
        except (ValueError, IndexError):
            an = None
    if an is not None:
        g = _rep_greg(an, mois, jour)
        if g is None:
            return None
        value = _iso(*g)
        if hint is not None and (g[1], g[2]) != hint:
            warning = (
                f"dual date sides disagree: the Republican day is {value} in the Gregorian calendar"
            )
    else:
        resolve = _rep_resolver(mois, jour, hint)
        value = "XXXX-XX-XX"
        # a famous day is alluded to ("you violated it on the 18th Fructidor") unless told
        # with its Gregorian day beside it ("the 18th Brumaire (9th November)"): the story's
        sets_ref = (jour, mois) not in famous or hint is not None
        source += "" if sets_ref else FAMOUS
    return Candidate(
        start=m.start(),
        end=m.end(),
        type="DATE",
        value=value,
        calendar="french-republican",
        gregorian=None if value.startswith("X") else value,
        resolve=resolve,
        sets_reference=sets_ref,
        warning=warning,
        source=source,
        priority=PRIORITY,
        label=_day_label(jour, mois, an),
    )


@cache
def _day_before() -> re.Pattern[str]:
    """A day number or ordinal word ending where a Republican month begins ("the 31st ",
    "the ninth of "): then the month is a day's, not a month named with its year."""
    return re.compile(rf"(?<![\w-]){_day('b')}\s+(?:of\s+)?$")


def _republican_month(m: re.Match[str]) -> Candidate | None:
    """ "the month of Brumaire, year IV": the Gregorian month that holds its middle day, as the
    TIMEX3 value must be Gregorian (Brumaire IV is 23 October - 21 November 1795: 1795-11)."""
    if _day_before().search(m.string, max(0, m.start() - 20), m.start()):
        return None  # "the 31st Thermidor, year II": a day, and an impossible one
    mois = _rep_months().get(m.group("rm").lower())
    an = _roman(m.group("ry"))
    if mois is None or mois > 12 or an is None or not 1 <= an <= 14:
        return None
    g = _rep_greg(an, mois, 15)
    if g is None:
        return None
    return _told(m, f"{g[0]:04d}-{g[1]:02d}", f"{_month_name(mois)} an {_to_roman(an)}")


def _told(m: re.Match[str], value: str, label: str, moves: bool = True) -> Candidate:
    """The candidate for a Republican month or year told with its year: a Gregorian value."""
    return Candidate(
        m.start(),
        m.end(),
        "DATE",
        value,
        calendar="french-republican",
        sets_reference=moves,
        source="historical:republican",
        priority=PRIORITY,
        label=label,
    )


def _republican_year(m: re.Match[str]) -> Candidate | None:
    """ "the constitution of the year III": the Gregorian year in which that year of the
    Republic began (1 Vendémiaire III = 22 September 1794), told in passing."""
    an = _roman(m.group("ry"))
    if an is None or not 1 <= an <= 14:
        return None
    before = m.string[max(0, m.start() - 16) : m.start()].lower().rstrip(" ,")
    if before.endswith(_month_forms()):
        return None  # "the 31st Thermidor, year II": the year of a day that is none
    g = _rep_greg(an, 1, 1)
    return None if g is None else _told(m, f"{g[0]:04d}", f"an {_to_roman(an)}", moves=False)


def _month_name(mois: int) -> str:
    """ "Brumaire" for 2: the month's name as the decree spelled it."""
    return str(_toml("republican.toml")["months"][mois - 1]["name"])


def _day_label(jour: int, mois: int, an: int | None) -> str:
    """ "9 Thermidor" (or "9 Thermidor an II"): the label when no Gregorian day is known."""
    if mois == 13:
        data = _toml("republican.toml")
        name = (
            data["sansculottides"][jour - 1]["name"] if jour <= 6 else f"jour complémentaire {jour}"
        )
    else:
        name = f"{jour} {_month_name(mois)}"
    return f"{name} an {_to_roman(an)}" if an else name
