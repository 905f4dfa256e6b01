"""Scoring event dating against a hand-made gold chronology (annales evaluate chronology)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annales.cli import app
from annales.errors import InputError
from annales.evaluate.chronology import (
    GoldEvent,
    SystemEvent,
    compatible,
    evaluate,
    locate,
    read_gold,
    score,
)

TEXT = (
    "On 3 March 1921 the dockers struck at the harbour. The owners locked the gates. "
    "The owners locked the gates again."
)


def _gold(tmp_path: Path, lines: list[object], text: str = TEXT) -> Path:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )
    return gold


def _ev(sentence: str, trigger: str, date: str | None, **kw: object) -> dict[str, object]:
    return {"document": "doc.txt", "sentence": sentence, "trigger": trigger, "date": date, **kw}


def test_compatible_at_the_coarser_granularity() -> None:
    assert compatible("1917-06", "1917-06-22")
    assert compatible("1917-06-22", "1917")
    assert not compatible("1917-06", "1917-07-01")
    assert not compatible("1917-06-22", "1917-06-23")
    assert compatible(None, None)
    assert not compatible(None, "1917")
    assert not compatible("1917-SU", "1917-06")


def test_locate_uses_occurrence_and_whole_words(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path, [_ev("The owners locked the gates", "locked", "1921-03-03", occurrence=2)]
    )
    (g,) = read_gold(gold)
    locate(g, TEXT)
    assert TEXT[g.start : g.end] == "locked"
    assert g.start == TEXT.rindex("locked")


def test_scores_by_hand() -> None:
    def g(s: int, date: str | None) -> GoldEvent:
        return GoldEvent("x:1", "d", "s", "t", date, date, start=s, end=s + 5)

    golds = [g(0, "1921-03-03"), g(10, "1921-03"), g(20, "1921-03-04"), g(30, None), g(40, "1")]
    system = [
        SystemEvent(0, 5, "1921-03-03", "1921-03-03"),  # exact
        SystemEvent(12, 14, "1921-03-05", "1921-03-05"),  # compatible with 1921-03
        SystemEvent(21, 30, "1921-03-03", "1921-03-03"),  # wrong
        SystemEvent(30, 35, None, None),  # right: undated
        SystemEvent(100, 105, "1921", "1921"),  # no gold here
    ]
    from annales.evaluate.chronology import ChronologyReport

    rep = ChronologyReport(score(golds, system))
    d = rep.to_dict(errors=True)
    assert d["found"] == 4 and d["event_recall"] == 0.8
    assert d["date_accuracy"] == 0.5
    assert d["compatible_accuracy"] == 0.75
    assert len(d["errors"]) == 3  # missed, coarse, wrong


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "bad JSON"),
        ("[1, 2]", "JSON object"),
        (json.dumps({"document": "doc.txt", "sentence": "x", "trigger": "x"}), "missing 'date'"),
        (json.dumps({"document": "doc.txt", "trigger": "x", "date": None}), "'sentence'"),
        (json.dumps(_ev("The owners", "gates", None)), "not in the snippet"),
    ],
)
def test_malformed_gold_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    gold = _gold(tmp_path, [_ev("the dockers struck", "struck", "1921-03-03"), line])
    with pytest.raises(InputError) as exc:
        read_gold(gold)
    assert str(exc.value).startswith(f"{gold}:2: ")
    assert problem in str(exc.value)


def test_missing_snippet_is_an_input_error(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [_ev("the sailors mutinied", "mutinied", "1921-03-03")])
    with pytest.raises(InputError, match=r"gold.jsonl:1: snippet .* not found"):
        evaluate(gold, lambda p, ref: (Path(p).read_text(), []))


def test_cli_scores_the_reader(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        [
            _ev("the dockers struck", "struck", "1921-03-03"),
            _ev("The owners locked the gates", "locked", "1921-03"),
        ],
    )
    r = CliRunner().invoke(app, ["evaluate", "chronology", str(gold), "--json", "--errors"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["gold_events"] == 2 and d["found"] == 2
    assert d["date_accuracy"] == 0.5 and d["compatible_accuracy"] == 1.0
    assert "coarse date for 'locked'" in d["errors"][0]


def test_cli_bad_gold_is_one_line(tmp_path: Path) -> None:
    gold = _gold(tmp_path, ["{oops"])
    r = subprocess.run(
        [sys.executable, "-m", "annales", "evaluate", "chronology", str(gold)],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        f"annales: error: {gold}:1: bad JSON (Expecting property name enclosed in double quotes)"
    ]


def test_snippet_whitespace_matches_line_breaks(tmp_path: Path) -> None:
    text = "In 1921 the dockers\nstruck at the\nharbour."
    gold = _gold(tmp_path, [_ev("the dockers struck at", "struck", "1921")], text)
    (g,) = read_gold(gold)
    locate(g, text)
    assert text[g.start : g.end] == "struck"
