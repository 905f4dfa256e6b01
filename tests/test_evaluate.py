"""TempEval-3 Task A scoring on hand-written TimeML whose scores are worked out by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annales.errors import InputError
from annales.evaluate import (
    TimexSpan,
    evaluate_documents,
    evaluate_timeml,
    format_report,
    parse_timeml,
    score_document,
)
from annales.evaluate.scorer import align

GOLD = """<?xml version="1.0" ?>
<TimeML>
<DOCID>doc1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-10" functionInDocument="CREATION_TIME">March 10, 1998</TIMEX3></DCT>
<TEXT>He came on <TIMEX3 tid="t1" type="DATE" value="1998-03-06">Friday</TIMEX3> &amp; <EVENT eid="e1">left</EVENT> <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3> later, <TIMEX3 tid="t3" type="SET" value="XXXX-WXX-1">every Monday</TIMEX3>, in <TIMEX3 tid="t4" type="DATE" value="1998">1998</TIMEX3>.</TEXT>
</TimeML>
"""


def span(text: str, sub: str, type_: str, value: str, nth: int = 0) -> TimexSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return TimexSpan(start, start + len(sub), sub, type_, value)


def test_parse_strips_tags_and_keeps_offsets() -> None:
    doc = parse_timeml(GOLD, "doc1.tml")
    assert doc.text == "He came on Friday & left two days later, every Monday, in 1998."
    assert doc.dct == "1998-03-10"
    assert doc.doc_id == "doc1"
    assert [t.text for t in doc.timexes] == ["Friday", "two days", "every Monday", "1998"]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert doc.timexes[2].type == "SET" and doc.timexes[2].value == "XXXX-WXX-1"


def test_scores_by_hand() -> None:
    doc = parse_timeml(GOLD, "doc1.tml")
    text = doc.text
    system = [
        span(text, "Friday", "DATE", "1998-03-06"),  # strict, type and value right
        span(text, "two days later", "DURATION", "P2D"),  # relaxed only, attributes right
        span(text, "Monday", "DATE", "1998-03-09"),  # relaxed only, type and value wrong
        span(text, "came", "DATE", "XXXX"),  # false positive
    ]  # "1998" is missed: a false negative
    s = score_document(doc.doc_id, text, doc.timexes, system).counts
    # gold 4, system 4, strict 1, relaxed 3
    assert (s.gold, s.system, s.strict, s.relaxed) == (4, 4, 1, 3)
    assert s.strict_precision == pytest.approx(1 / 4)
    assert s.strict_recall == pytest.approx(1 / 4)
    assert s.strict_f1 == pytest.approx(0.25)
    assert s.relaxed_precision == pytest.approx(3 / 4)
    assert s.relaxed_recall == pytest.approx(3 / 4)
    assert s.relaxed_f1 == pytest.approx(0.75)
    # TE3: attribute accuracy over relaxed matches (2 of 3) times relaxed F1 (0.75)
    assert s.type_f1 == pytest.approx(0.5)
    assert s.value_f1 == pytest.approx(0.5)


def test_errors_name_the_kind_and_doc() -> None:
    doc = parse_timeml(GOLD, "doc1.tml")
    text = doc.text
    system = [
        span(text, "Friday", "DATE", "1998-03-06"),
        span(text, "two days later", "DURATION", "P2D"),
        span(text, "Monday", "DATE", "1998-03-09"),
        span(text, "came", "DATE", "XXXX"),
    ]
    errs = score_document(doc.doc_id, text, doc.timexes, system).errors
    kinds = sorted(e.kind for e in errs)
    assert kinds == ["EXTENT", "FN", "FP", "VALUE"]
    fn = next(e for e in errs if e.kind == "FN")
    assert fn.gold is not None and fn.gold.text == "1998"
    assert "[[1998]]" in fn.context and fn.doc_id == "doc1"
    assert "doc1" in fn.describe()


def test_per_type_breakdown() -> None:
    doc = parse_timeml(GOLD, "doc1.tml")
    text = doc.text
    system = [span(text, "Friday", "DATE", "1998-03-06"), span(text, "1998", "DATE", "1998")]
    by_type = score_document(doc.doc_id, text, doc.timexes, system).by_type
    assert by_type["DATE"].gold == 2 and by_type["DATE"].relaxed_recall == 1.0
    assert by_type["DATE"].value_f1 == 1.0
    assert by_type["DURATION"].gold == 1 and by_type["DURATION"].relaxed_recall == 0.0
    assert by_type["SET"].relaxed_f1 == 0.0


def test_alignment_is_one_to_one() -> None:
    text = "It happened on March 3, 1998 here."
    gold = [span(text, "March 3, 1998", "DATE", "1998-03-03")]
    system = [span(text, "March 3", "DATE", "1998-03-03"), span(text, "1998", "DATE", "1998")]
    assert align(gold, system) == [(0, 0)]  # the larger overlap wins
    c = score_document("d", text, gold, system).counts
    assert (c.relaxed, c.strict) == (1, 0)
    assert c.relaxed_precision == pytest.approx(0.5)
    assert c.relaxed_recall == pytest.approx(1.0)
    assert c.value_f1 == pytest.approx(2 / 3)  # accuracy 1 x F1 2/3


def test_exact_match_is_preferred_in_alignment() -> None:
    text = "from 1990 to 1995"
    gold = [span(text, "1990", "DATE", "1990"), span(text, "1995", "DATE", "1995")]
    system = [
        span(text, "from 1990 to 1995", "DURATION", "P5Y"),
        span(text, "1995", "DATE", "1995"),
    ]
    c = score_document("d", text, gold, system).counts
    assert (c.strict, c.relaxed) == (1, 2)


def test_empty_gold_and_system_score_one_as_te3() -> None:
    c = score_document("d", "nothing here", [], []).counts
    assert c.relaxed_f1 == 1.0 and c.value_f1 == 1.0


def test_corpus_scores_are_micro_averaged(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.tml").write_text(GOLD, encoding="utf-8")
    (tmp_path / "b.tml").write_text(GOLD.replace("doc1", "doc2"), encoding="utf-8")

    def only_years(text: str, dct: str | None) -> list[TimexSpan]:
        assert dct == "1998-03-10"
        return [span(text, "1998", "DATE", "1998")]

    report = evaluate_timeml(tmp_path, tagger=only_years)
    assert report.documents == 2
    assert (report.total.gold, report.total.system, report.total.strict) == (8, 2, 2)
    assert report.total.relaxed_recall == pytest.approx(0.25)
    assert report.total.relaxed_f1 == pytest.approx(0.4)
    table = format_report(report)
    assert "ALL" in table and "DURATION" in table
    assert report.to_dict()["relaxed_f1"] == pytest.approx(0.4)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("<TimeML><TEXT>On <TIMEX3 tid='t1'>Friday</TEXT></TimeML>", "not well-formed"),
        ("just some text, no XML", "not well-formed"),
        (b"\xff\xfe\x00binary\x00", "not well-formed"),
        ("", "empty"),
        ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT>"),
    ],
)
def test_malformed_timeml_is_a_clear_input_error(data: str | bytes, problem: str) -> None:
    with pytest.raises(InputError) as info:
        parse_timeml(data, "bad.tml")
    assert str(info.value).startswith("bad.tml: ")
    assert problem in str(info.value)
    assert "\n" not in str(info.value)


def test_malformed_files_are_skipped_and_reported(tmp_path: Path) -> None:
    (tmp_path / "good.tml").write_text(GOLD, encoding="utf-8")
    (tmp_path / "bad.tml").write_text("<TimeML><TEXT>x</TimeML>", encoding="utf-8")
    seen: list[str] = []
    report = evaluate_timeml(
        tmp_path, tagger=lambda text, dct: [], on_error=lambda e: seen.append(str(e))
    )
    assert report.documents == 1
    assert len(report.skipped) == 1 and "bad.tml" in report.skipped[0]
    assert seen == report.skipped


def test_cli_malformed_gives_one_line_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "bad.tml").write_text("<TimeML><TEXT><TIMEX3>x</TEXT>", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "annales", "evaluate", "timeml", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert "bad.tml" in out.stderr and "not well-formed" in out.stderr


def test_cli_missing_dir(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "annales", "evaluate", "timeml", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
    )
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "no such file or directory" in out.stderr


def test_tbaq_gold_offsets_match_text(tbaq_dir: Path) -> None:
    from annales.evaluate import load_gold

    docs, skipped = load_gold(tbaq_dir)
    assert not skipped and len(docs) >= 200
    for doc in docs:
        assert doc.dct
        for t in doc.timexes:
            assert doc.text[t.start : t.end] == t.text
    report = evaluate_documents(docs, lambda text, dct: [])
    assert report.total.gold == sum(len(d.timexes) for d in docs)
    assert report.total.relaxed_recall == 0.0


def test_cli_scores_the_annales_tagger(tmp_path: Path) -> None:
    doc = GOLD.replace(
        '<TEXT>He came on <TIMEX3 tid="t1" type="DATE" value="1998-03-06">Friday</TIMEX3>',
        '<TEXT>He came on <TIMEX3 tid="t1" type="DATE" value="1917-06-22">22 June 1917</TIMEX3>',
    )
    (tmp_path / "a.tml").write_text(doc, encoding="utf-8")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "annales",
            "evaluate",
            "timeml",
            str(tmp_path),
            "--json",
            "--errors",
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    import json

    report = json.loads(out.stdout)
    assert report["documents"] == 1 and report["counts"]["gold"] == 4
    assert report["counts"]["strict"] >= 1  # "22 June 1917" at least
    assert all(e["doc"] == "doc1" for e in report["errors"])
    assert not any(e["gold"] and e["gold"]["text"] == "22 June 1917" for e in report["errors"])


def test_tagger_failure_on_a_document_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(GOLD.replace('value="1998-03-10"', 'value="junk"'), "utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "annales", "evaluate", "timeml", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "a.tml" in out.stderr


def test_document_without_dct_and_with_comments() -> None:
    doc = parse_timeml(
        "<TimeML><!-- note --><TEXT>In <TIMEX3 tid='t1' type='DATE' value='1917'>1917</TIMEX3>"
        "<!-- c --> it <?pi x?>ended.</TEXT></TimeML>",
        "x.tml",
    )
    assert doc.dct is None and doc.doc_id == "x"
    assert doc.text == "In 1917 it ended."
    assert [(t.start, t.end) for t in doc.timexes] == [(3, 7)]


TIMEX2_DOC = """<?xml version="1.0" ?>
<DOC><DOCID>war1</DOCID><TEXT>The siege began on <TIMEX2 VAL="1453-04-06">6 April 1453</TIMEX2> and lasted <TIMEX2 VAL="P53D">53 days</TIMEX2>; the guns fired <TIMEX2 VAL="XXXX-XX-XX" SET="YES">daily</TIMEX2> until <TIMEX2 VAL="1453-05-29T05">dawn on 29 May</TIMEX2>.</TEXT></DOC>
"""


def test_timex2_gold_is_read_with_types_from_values(tmp_path: Path) -> None:
    doc = parse_timeml(TIMEX2_DOC, "war1.xml")
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("6 April 1453", "DATE", "1453-04-06"),
        ("53 days", "DURATION", "P53D"),
        ("daily", "SET", "XXXX-XX-XX"),
        ("dawn on 29 May", "TIME", "1453-05-29T05"),
    ]
    (tmp_path / "war1.xml").write_text(TIMEX2_DOC, encoding="utf-8")
    report = evaluate_timeml(tmp_path, mode="narratives")
    assert report.total.gold == 4  # found as .xml when there is no .tml


def test_timex2_types_read_from_their_values() -> None:
    from annales.evaluate.timeml import timex2_type

    assert timex2_type("P3D") == "DURATION" and timex2_type("PT2H") == "DURATION"
    assert timex2_type("PXY") == "DURATION"
    assert timex2_type("PRESENT_REF") == "DATE" and timex2_type("PAST_REF") == "DATE"
    assert timex2_type("1950-06-25T04:00") == "TIME" and timex2_type("1950-06") == "DATE"
    assert timex2_type("XXXX-WXX-1", "YES") == "SET"


_CHRONICLE = """<TimeML><DOCID>chron</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1380" functionInDocument="CREATION_TIME">1380</TIMEX3></DCT><TEXT>In the year of our Lord <TIMEX3 tid="t1" type="DATE" value="1346">1346</TIMEX3> the king rode through Normandy and came to the Somme on <TIMEX3 tid="t2" type="DATE" value="1346-08-24">the 24th of August</TIMEX3>, and on <TIMEX3 tid="t3" type="DATE" value="1346-08-26">the Saturday following</TIMEX3> the French came up.</TEXT></TimeML>
"""


@pytest.mark.parametrize(("calendar", "right"), [("auto", True), ("gregorian", False)])
def test_evaluate_counts_a_medieval_texts_weekdays_in_its_own_calendar(
    tmp_path: Path, calendar: str, right: bool
) -> None:
    """By default each text's calendar is decided from it: the Saturday after Thursday 24
    August 1346 (Julian) is the 26th; the proleptic Gregorian calendar would make it the 27th."""
    (tmp_path / "c.tml").write_text(_CHRONICLE, encoding="utf-8")
    args = [sys.executable, "-m", "annales", "evaluate", "timeml", str(tmp_path)]
    args += ["--mode", "narratives", "--json", "--errors"]
    if calendar != "auto":
        args += ["--calendar", calendar]
    out = subprocess.run(args, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    import json

    report = json.loads(out.stdout)
    wrong = {e["system"]["text"] for e in report["errors"] if e["kind"] == "VALUE"}
    assert ("Saturday" not in wrong) is right, report["errors"]
