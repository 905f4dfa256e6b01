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
