"""The `annales_time` spaCy component, in a blank pipeline and in the real model's pipeline."""

from __future__ import annotations

import pytest
import spacy

from annales.config import SPACY_MODEL


def test_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("annales_time", config={"reference": "1917"})
    doc = nlp("On 22 June the Congress met; the next day it voted.")
    spans = doc.spans["timexes"]
    assert [(s.text, s._.timex_value, s._.timex_type) for s in spans] == [
        ("22 June", "1917-06-22", "DATE"),
        ("the next day", "1917-06-23", "DATE"),
    ]
    assert spans[0]._.timex.id == "t1"


@pytest.fixture(scope="module")
def model_nlp():  # type: ignore[no-untyped-def]
    try:
        nlp = spacy.load(SPACY_MODEL)
    except OSError:
        pytest.skip(f"spaCy model {SPACY_MODEL} not installed")
    nlp.add_pipe(
        "annales_time", config={"mode": "news", "dct": "1998-08-07", "calendar": "gregorian"}
    )
    return nlp


def test_model_pipeline(model_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = model_nlp("Suspected bombs exploded Friday, killing dozens; last year was calmer.")
    got = [(s.text, s._.timex_value, s.label_) for s in doc.spans["timexes"]]
    assert got == [("Friday", "1998-08-07", "DATE"), ("last year", "1997", "DATE")]
    assert doc.ents  # the model's own components still ran


def test_empty_doc() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("annales_time")
    assert list(nlp("").spans["timexes"]) == []
