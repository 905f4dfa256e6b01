"""Quantities: figures with what they count, on sentences written for these tests."""

from __future__ import annotations

import pytest

from annales.pipeline import read_text


def _q(text: str):
    return {round(q.value): q for q in read_text(text).quantities}


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "approx"),
    [
        ("The garrison numbered 3,400 men.", 3400, "men", False),
        ("Fifteen thousand workers marched to the palace.", 15000, "workers", False),
        ("The fleet lost two hundred and fifty sailors.", 250, "sailors", False),
        ("More than 50,000 deserters were in the city.", 50000, "deserters", True),
        ("About 7000 Cossacks rode north.", 7000, "Cossacks", True),
        ("The army took nearly 3 million prisoners.", 3000000, "prisoners", True),
        ("A hundred delegates walked out.", 100, "delegates", False),
        ("Some twenty-five battalions mutinied.", 25, "battalions", True),
        ("They arrested 12,000 deserters hiding in the dark.", 12000, "deserters", False),
        ("He led 15,000 radical machine-gunners.", 15000, "machine-gunners", False),
    ],
)
def test_figure_and_unit(sentence: str, value: int, unit: str, approx: bool) -> None:
    qs = _q(sentence)
    assert value in qs, (sentence, list(qs))
    q = qs[value]
    assert q.unit == unit
    assert q.approximate is approx
    assert sentence[q.start : q.end] == q.text


def test_votes() -> None:
    qs = _q("The committee adopted the appeal, nineteen to two, after a long debate.")
    assert qs[19].value2 == 2 and qs[19].unit == "votes"
    qs = _q("The motion was carried by 312 votes to 48.")
    assert qs[312].value2 == 48


def test_range() -> None:
    qs = _q("Between 10,000 and 15,000 men crossed the river.")
    assert qs[10000].value2 == 15000 and qs[10000].approximate


def test_not_dates_years_or_ordinals() -> None:
    qs = _q(
        "In 1917 the Sixth Congress met on 26 July; the First Regiment waited three days "
        "and the 1st Machine Gun Regiment refused to march."
    )
    assert 1917 not in qs and 26 not in qs and 6 not in qs and 1 not in qs
    assert 3 not in qs  # a duration, the temporal tagger's business


def test_vague_plurals_are_not_figures() -> None:
    assert _q("Thousands simply walked away, and hundreds of thousands followed.") == {}


def test_footnotes_hyphenated_words_and_names_are_not_figures() -> None:
    qs = _q(
        "The seventy-fourth legion marched [54] and 227 Severus fled; two-thirds of the senate "
        "met four times, while fifty thousand men waited."
    )
    assert set(qs) == {50000}
