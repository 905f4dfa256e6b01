"""Regression guard on the TimeML development set (TBAQ, news mode, gold DCT).

The thresholds sit a little under the scores reached (strict 0.879, relaxed 0.938, type 0.906,
value 0.803 at the time of writing); a change that loses ground on the development set fails.
"""

from __future__ import annotations

import pytest

from annales.evaluate import evaluate_timeml


@pytest.mark.slow
def test_tbaq_scores(tbaq_dir) -> None:  # type: ignore[no-untyped-def]
    r = evaluate_timeml(tbaq_dir, mode="news").to_dict()
    assert r["documents"] >= 250
    assert r["relaxed_f1"] >= 0.93
    assert r["strict_f1"] >= 0.87
    assert r["type_f1"] >= 0.90
    assert r["value_f1"] >= 0.80
