"""Exports from hand-written chronicles: every format, both calendars, BC years, escaping."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annales.errors import AnnalesError
from annales.export import FORMATS, dates, export, render
from annales.export.html import write_html
from annales.export.items import dated_items
from test_web_data import ancient, build_db, hostile, revolution


def test_dates_intervals_labels_and_edtf() -> None:
    assert dates.interval("1917-06", "END") == ((1917, 6, 21), (1917, 6, 30))
    assert dates.interval("1917-SU") == ((1917, 6, 1), (1917, 8, 31))
    assert dates.interval("BC0044-03-15") == ((-43, 3, 15), (-43, 3, 15))
    assert dates.interval("-0043-03-15") == ((-43, 3, 15), (-43, 3, 15))
    assert dates.interval("1917-06-14/1917-07-13") == ((1917, 6, 14), (1917, 7, 13))
    assert dates.interval("1917-13-45") is None and dates.interval("XXXX-06-22") is None
    assert dates.interval("1900-02-29") is None  # not a Gregorian day
    assert dates.label("BC0044") == "44 BC"
    assert dates.edtf("1917-06", "END") == "1917-06-21/1917-06-30"
    assert dates.edtf("1917-SU") == "1917-22"
    assert dates.edtf("1917-06", "APPROX") == "1917-06~"
    label = dates.dual_label("1917-06-24", "julian", "1917-07-07")
    assert "24 June 1917" in label and "7 July 1917" in label
    # day numbers round-trip across the BC/AD boundary and match the store's Julian day numbers
    for day in [(-43, 3, 15), (0, 2, 29), (1, 1, 1), (1917, 7, 7)]:
        assert dates.from_sort_position(dates.sort_position(day)) == day
    from annales.store.dates import sort_key

    assert dates.sort_position((1917, 7, 7)) == sort_key("1917-07-07")
    assert dates.sort_position((-43, 3, 15)) == sort_key("BC0044-03-15")


def test_items_sorted_by_gregorian_instant_with_both_calendars() -> None:
    items = [i for i in dated_items(revolution()) if i.kind == "event"]
    assert [i.text for i in items] == ["returned", "mutinied", "passed", "wired", "counterattacked"]
    wired = next(i for i in items if i.text == "wired")
    assert wired.value == "1917-06-24" and wired.gregorian == "1917-07-07"
    assert "O.S." in wired.display and "N.S." in wired.display
    mutiny = next(i for i in items if i.text == "mutinied")
    assert mutiny.first != mutiny.last  # "late June" is a range, not a point


def test_csv_one_row_per_event_with_provenance() -> None:
    chron = revolution()
    rows = list(csv.DictReader(io.StringIO(render("csv", [chron]))))
    assert len(rows) == len(chron.events)
    row = next(r for r in rows if r["trigger"] == "wired")
    assert (row["date"], row["gregorian"], row["calendar"]) == (
        "1917-06-24",
        "1917-07-07",
        "julian",
    )
    s, e = int(row["trigger_start"]), int(row["trigger_end"])
    assert chron.text[s:e] == "wired"
    assert row["agents"] == "Kerensky" and "Tarnopol" in row["places"]


def test_timelinejs_negative_bc_years_and_escaped_text() -> None:
    data = json.loads(render("timelinejs", [ancient(), hostile()]))
    caesar = next(e for e in data["events"] if "assassinated" in e["text"]["headline"])
    assert caesar["start_date"]["year"] == -44  # 44 BC (historians' numbering, no year 0)
    assert (caesar["start_date"]["month"], caesar["start_date"]["day"]) == (3, 15)
    assert caesar["start_date"]["display_date"] == "15 March 44 BC"
    dumped = json.dumps(data)
    assert "<script" not in dumped and "<img" not in dumped
    assert "&lt;script&gt;" in dumped


def test_timelinejs_julian_display_shows_both_calendars() -> None:
    data = json.loads(render("timelinejs", [revolution()]))
    wired = next(e for e in data["events"] if "wired" in e["text"]["headline"])
    assert (
        wired["start_date"]["year"],
        wired["start_date"]["month"],
        wired["start_date"]["day"],
    ) == (1917, 7, 7)
    assert "24 June 1917" in wired["display_date"] and "7 July 1917" in wired["display_date"]
    late = next(e for e in data["events"] if "mutinied" in e["text"]["headline"])
    assert "end_date" in late


def test_timeml_is_wellformed_escaped_and_offsets_kept() -> None:
    chron = hostile()
    xml = render("timeml", [chron])
    root = ET.fromstring(xml)
    text_el = root.find("TEXT")
    assert text_el is not None
    assert "".join(text_el.itertext()) == chron.text  # tags added, text unchanged
    timex = text_el.find("TIMEX3")
    assert timex is not None and timex.get("value") == "1920-05-05"
    assert root.find("TLINK") is not None


def test_edtf_one_line_per_dated_item() -> None:
    lines = render("edtf", [revolution(), ancient()]).splitlines()
    codes = [ln.split("\t")[0] for ln in lines]
    assert "1917-07-07" in codes and "-0043-03-15" in codes
    assert any("/" in c for c in codes)  # late June as an interval
    assert all(len(ln.split("\t")) == 5 for ln in lines)


def test_json_round_trips_annales1() -> None:
    from annales.chronicle import Chronicle

    chron = revolution()
    data = json.loads(render("json", [chron]))
    assert data["schema"] == "annales/1"
    assert Chronicle.from_dict(data).to_dict() == chron.to_dict()
    lines = render("json", [chron, ancient()]).splitlines()
    assert len(lines) == 2 and all(json.loads(x)["schema"] == "annales/1" for x in lines)


def test_html_is_self_contained_and_safe(tmp_path: Path) -> None:
    db = build_db(tmp_path / "a.db")
    out = write_html(db, tmp_path / "t.html")
    page = out.read_text(encoding="utf-8")
    assert "vis.Timeline" in page or "Timeline" in page
    assert not re.search(r'<(script|link)[^>]+(src|href)=["\']?(https?:)?//', page)  # no network
    assert "window.__xss" in page  # the hostile text is there ...
    assert "<script>window.__xss" not in page  # ... but never as markup
    data = re.search(
        r'<script type="application/json" id="annales-data">(.*?)</script>', page, re.S
    )
    assert data and len(json.loads(data.group(1))["items"]) > 5


def test_export_engine_and_errors(tmp_path: Path) -> None:
    db = build_db(tmp_path / "a.db")
    for fmt in FORMATS:
        if fmt == "timeml":
            continue
        dest = export(db, fmt, out=tmp_path / f"out.{fmt}")
        assert dest is not None and dest.stat().st_size > 0
    with pytest.raises(AnnalesError, match="one document per file"):
        export(db, "timeml", out=tmp_path / "x.tml")
    export(db, "timeml", out=tmp_path)
    assert len(list(tmp_path.glob("*.tml"))) == 3
    with pytest.raises(AnnalesError, match="unknown export format"):
        export(db, "pdf")
    with pytest.raises(AnnalesError, match="no document"):
        export(db, "csv", document="deadbeef00")


def test_export_cli_one_line_error(tmp_path: Path) -> None:
    db = build_db(tmp_path / "a.db")
    ok = subprocess.run(
        [sys.executable, "-m", "annales", "export", "--format", "edtf", "--db", str(db)],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and "1917-07-07" in ok.stdout
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "annales",
            "export",
            "--format",
            "csv",
            "--db",
            str(tmp_path / "missing.db"),
        ],
        capture_output=True,
        text=True,
    )
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
