"""`annales time`: JSON and TimeML output, stdin, and one-line errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import TEXTS, need_shared

ANNALES = [sys.executable, "-m", "annales"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*ANNALES, "time", *args], input=stdin, capture_output=True, timeout=120)


def test_json_output(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("On 22 June the Congress met; the next day it voted.", encoding="utf-8")
    r = run(str(f), "--reference", "1917", "--calendar", "julian")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["schema"] == "annales/1"
    assert data["document"]["calendar"] == "julian"
    got = [(t["text"], t["value"], t["gregorian"]) for t in data["timexes"]]
    assert got == [
        ("22 June", "1917-06-22", "1917-07-05"),
        ("the next day", "1917-06-23", "1917-07-06"),
    ]


def test_timeml_output_is_escaped_xml() -> None:
    text = "Prices <rose> & fell on Friday, said AT&T."
    r = run("-", "--format", "timeml", "--mode", "news", "--dct", "1998-08-07", stdin=text.encode())
    assert r.returncode == 0, r.stderr
    root = etree.fromstring(r.stdout)
    timexes = root.findall(".//TEXT/TIMEX3")
    assert [(t.text, t.get("value")) for t in timexes] == [("Friday", "1998-08-07")]
    assert "".join(root.find("TEXT").itertext()) == text


@pytest.mark.parametrize(
    "data,needle",
    [
        (b"", b"empty"),
        (b"\x00\x01\x02\x03binary\x00" * 50, b"annales: error"),
        (b"\xff\xfe\xfa\xfb\xc3\x28 bad utf8 \xc3\x28", b"annales: error"),
    ],
)
def test_bad_input_is_one_line_error(data: bytes, needle: bytes) -> None:
    r = run("-", stdin=data)
    if r.returncode == 0:  # decoded by a fallback encoding: then it must be valid JSON
        json.loads(r.stdout)
        return
    assert needle in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert b"Traceback" not in r.stderr


def test_bad_options_are_one_line_errors(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("On 22 June.", encoding="utf-8")
    r = run(str(f), "--dct", "not-a-date", "--mode", "news")
    assert r.returncode != 0 and b"Traceback" not in r.stderr
    r = run(str(tmp_path / "missing.txt"))
    assert r.returncode != 0 and b"Traceback" not in r.stderr


def test_huge_single_line(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"March May June 1917 " * 10_000)  # 200 kB, one line
    r = run(str(f), "--reference", "1917")
    assert r.returncode == 0, r.stderr[:200]
    assert len(json.loads(r.stdout)["timexes"]) > 1000


def test_october_excerpt() -> None:
    path = need_shared(TEXTS / "october-excerpt.txt")
    r = run(str(path), "--mode", "narratives", "--reference", "1917", "--calendar", "julian")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    text = path.read_text(encoding="utf-8")
    by_text = {}
    for t in data["timexes"]:
        assert text[t["start"] : t["end"]] == t["text"]
        by_text.setdefault(t["text"], t)
    assert by_text["22 June"]["value"] == "1917-06-22"
    assert by_text["22 June"]["gregorian"] == "1917-07-05"
    assert by_text["the 23rd"]["value"] == "1917-06-23"


def test_generated_junk_is_refused_quickly(tmp_path: Path) -> None:
    f = tmp_path / "junk.txt"
    f.write_bytes(b"March May June July " * 200_000)  # 4 MB of month names, one line
    r = run(str(f))
    assert r.returncode == 1
    assert b"not prose" in r.stderr and len(r.stderr.strip().splitlines()) == 1
