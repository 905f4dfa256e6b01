"""The HeidelTime comparison's pure helpers: output parsing back to input offsets, book cutting.

(The benchmark itself runs Java and takes minutes: it lives in benchmarks/, not in the suite.)
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

from compare_heideltime import chunks, gutenberg_body, subset  # noqa: E402
from heideltime.runner import parse_output  # noqa: E402

HEIDELTIME_OUT = """<?xml version="1.0"?>
<!DOCTYPE TimeML SYSTEM "TimeML.dtd">
<TimeML>

AT&T said <TIMEX3 tid="t3" type="TIME" value="1998-11-20T10:35" mod="APPROX">about 10:35 a.m. Friday</TIMEX3> & <b> that <TIMEX3 tid="t4" type="DATE" value="1998-10">last month</TIMEX3> was bad.

</TimeML>
"""


def test_parse_output_maps_back_to_input_offsets() -> None:
    original = "\nAT&T said about 10:35 a.m. Friday & <b> that last month was bad.\n"
    found = parse_output(HEIDELTIME_OUT, original)
    assert [(t.text, t.type, t.value, t.mod) for t in found] == [
        ("about 10:35 a.m. Friday", "TIME", "1998-11-20T10:35", "APPROX"),
        ("last month", "DATE", "1998-10", None),
    ]
    for t in found:
        assert original[t.start : t.end] == t.text


def test_parse_output_survives_changed_whitespace() -> None:
    original = "  AT&T said about 10:35 a.m. Friday & <b> that last month was bad.  "
    found = parse_output(HEIDELTIME_OUT, original)
    assert [t.text for t in found] == ["about 10:35 a.m. Friday", "last month"]
    assert all(original[t.start : t.end] == t.text for t in found)


def test_parse_output_of_failed_run_is_empty() -> None:
    assert parse_output("", "text") == []


def test_gutenberg_body_and_chunks() -> None:
    raw = (
        "Header\n*** START OF THIS PROJECT GUTENBERG EBOOK X ***\n"
        + "para one.\n\n" * 10
        + "*** END OF THIS PROJECT GUTENBERG EBOOK X ***\nlicence"
    )
    body = gutenberg_body(raw)
    assert body.startswith("para one.") and "licence" not in body and "START" not in body
    pieces = chunks(body, size=25)
    assert "".join(pieces) == body
    assert all(len(p) <= 25 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_subset_is_deterministic() -> None:
    docs = list(range(10))
    picked, described = subset(docs, 3)  # type: ignore[arg-type]
    assert picked == [0, 3, 6] and "3 of 10" in described
    assert subset(docs, None)[0] == docs  # type: ignore[arg-type]
