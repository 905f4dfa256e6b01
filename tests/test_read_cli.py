"""`annales read`, `events`, `entities` as a user runs them (real processes, real databases):
per-file one-line errors with the others still read, idempotent re-reads, JSON that validates
against the shipped annales/1 schema and whose spans slice the ingested text."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from functools import cache
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from annales.ingest import load
from conftest import ROOT, TEXTS, default_sigint, need_shared

BAD = ROOT / "tests" / "data" / "bad"
GOOD = ROOT / "tests" / "data" / "ingest"


def annales(
    *args: str, cwd: Path | None = None, timeout: int = 600, columns: str | None = "200"
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    return subprocess.run(
        [sys.executable, "-m", "annales", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )


@cache
def schema() -> dict:  # type: ignore[type-arg]
    text = (
        resources.files("annales")
        .joinpath("data/annales-1.schema.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def validate(obj: dict, text: str) -> None:  # type: ignore[type-arg]
    """Schema-valid, and every span slices the document text."""
    jsonschema.Draft202012Validator(schema()).validate(obj)
    spans = [(t["start"], t["end"], t["text"]) for t in obj["timexes"]]
    spans += [(m["start"], m["end"], m["text"]) for e in obj["entities"] for m in e["mentions"]]
    spans += [(q["start"], q["end"], q["text"]) for q in obj["quantities"]]
    for ev in obj["events"]:
        spans.append((ev["trigger"]["start"], ev["trigger"]["end"], ev["trigger"]["text"]))
        for role in ("agents", "patients", "places"):
            spans += [(a["start"], a["end"], a["text"]) for a in ev[role]]
    for q in obj["quotes"]:
        assert 0 <= q["start"] < q["end"] <= len(text)
    for s, e, t in spans:
        assert text[s:e] == t, (s, e, t)


@pytest.fixture(scope="module")
def mixed_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path, list[str]]:
    """One `annales read` over good and bad files together."""
    tmp = tmp_path_factory.mktemp("mixed")
    bad = sorted(str(p) for p in BAD.iterdir() if p.name != "expected.tsv")
    missing = str(tmp / "missing.txt")
    folder = tmp / "folder"
    folder.mkdir()
    files = [str(GOOD / "page.html"), *bad, missing, str(folder), str(GOOD / "chapters.md")]
    db = tmp / "mixed.db"
    return annales("read", *files, "--db", str(db)), db, [*bad, missing, str(folder)]


def test_bad_files_one_line_each_others_still_read(mixed_run) -> None:  # type: ignore[no-untyped-def]
    out, db, bad = mixed_run
    assert out.returncode == 1
    errors = out.stderr.strip().splitlines()
    assert errors[-1] == f"annales: {len(bad)} of {len(bad) + 2} files failed"
    assert len(errors) == len(bad) + 1, out.stderr
    for line, path in zip(errors, bad, strict=False):
        assert line.startswith(f"annales: error: {path}: "), line
    assert "Traceback" not in out.stderr
    summaries = out.stdout.strip().splitlines()
    assert len(summaries) == 2
    assert "page.html" in summaries[0] and "chapters.md" in summaries[1]
    conn = sqlite3.connect(db)
    titles = sorted(r[0] for r in conn.execute("SELECT title FROM documents"))
    assert titles == ["Notes on the July Days", "The July Days & the Offensive"]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_rereading_reports_already_read(mixed_run) -> None:  # type: ignore[no-untyped-def]
    _, db, _ = mixed_run
    out = annales("read", str(GOOD / "chapters.md"), "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "already read" in out.stdout
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


@pytest.fixture(scope="module")
def october_json(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:  # type: ignore[type-arg]
    path = need_shared(TEXTS / "october-excerpt.txt")
    db = tmp_path_factory.mktemp("oct") / "oct.db"
    out = annales(
        "read", str(path), "--db", str(db), "--json", "--calendar", "julian", "--reference", "1917"
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout), db


def test_json_output_validates_and_slices(october_json) -> None:  # type: ignore[no-untyped-def]
    obj, _ = october_json
    text = load(TEXTS / "october-excerpt.txt").text
    validate(obj, text)
    assert obj["document"]["calendar"] == "julian"
    assert (
        obj["document"]["id"]
        == __import__("hashlib").sha256((TEXTS / "october-excerpt.txt").read_bytes()).hexdigest()
    )


def test_json_of_an_already_read_file_is_the_stored_chronicle(october_json) -> None:  # type: ignore[no-untyped-def]
    obj, db = october_json
    out = annales("read", str(TEXTS / "october-excerpt.txt"), "--db", str(db), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == obj


def test_events_table_shows_both_calendars_in_order(october_json) -> None:  # type: ignore[no-untyped-def]
    _, db = october_json
    out = annales("events", "--db", str(db), "--json", "--dated")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    keys = [r["sort_key"] for r in rows]
    assert rows and keys == sorted(keys)
    wired = [r for r in rows if r["trigger"]["text"] == "wired"]
    assert wired and wired[0]["date"] == "1917-06-24" and wired[0]["gregorian"] == "1917-07-07"
    table = annales("events", "--db", str(db), "--who", "Kerensky")
    assert table.returncode == 0, table.stderr
    assert "1917-07-07" in table.stdout and "1917-06-24 O.S." in table.stdout
    assert "wired" in table.stdout
    ranged = annales(
        "events", "--db", str(db), "--json", "--from", "1917-06-24 O.S.", "--to", "1917-07-07"
    )
    assert {json.loads(x)["gregorian"] for x in ranged.stdout.splitlines()} == {"1917-07-07"}


@pytest.mark.parametrize("verb", ["events", "entities"])
def test_tables_take_the_width_from_columns(october_json, verb: str) -> None:  # type: ignore[no-untyped-def]
    _, db = october_json
    widths = {}
    for columns in ("70", "190", None):  # None: a pipe with no COLUMNS gets the wide default
        out = annales(verb, "--db", str(db), columns=columns)
        assert out.returncode == 0, out.stderr
        widths[columns] = max(len(line) for line in out.stdout.splitlines())
    assert widths["70"] <= 70 < widths["190"] <= 190 and widths[None] <= 160
    if verb == "events":  # the events table fills the width it is given
        assert (widths["190"], widths[None]) == (190, 160)


def test_entities_table(october_json) -> None:  # type: ignore[no-untyped-def]
    _, db = october_json
    out = annales("entities", "--db", str(db), "--json")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and [r["mentions"] for r in rows] == sorted(
        (r["mentions"] for r in rows), reverse=True
    )
    people = annales("entities", "--db", str(db), "--label", "PERSON")
    assert people.returncode == 0 and "PERSON" in people.stdout and "ORG" not in people.stdout


def test_several_files_json_lines_all_valid(tmp_path: Path) -> None:
    files = [GOOD / "page.html", GOOD / "small.tml", GOOD / "gutenberg-sample.txt"]
    out = annales("read", *map(str, files), "--no-store", "--json", "--mode", "news")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 3
    for line, f in zip(lines, files, strict=True):
        validate(json.loads(line), load(f).text)
    assert not (tmp_path / "annales.db").exists()


def test_store_problems_are_one_line(tmp_path: Path) -> None:
    out = annales("read", str(GOOD / "chapters.md"), "--db", str(tmp_path / "no" / "dir" / "x.db"))
    assert out.returncode == 1
    assert out.stderr.strip().count("\n") == 0 and "does not exist" in out.stderr
    out = annales("events", "--db", str(tmp_path / "absent.db"))
    assert out.returncode == 1 and "no such database" in out.stderr
    bogus = tmp_path / "bogus.db"
    bogus.write_text("not a database " * 200)
    out = annales("read", str(GOOD / "chapters.md"), "--db", str(bogus))
    assert out.returncode == 1 and "not a valid SQLite database" in out.stderr
    assert bogus.read_text() == "not a database " * 200
    out = annales("events", "--db", str(tmp_path / "absent.db"), "--from", "soon")
    assert out.returncode == 1 and "Traceback" not in out.stderr


def test_bad_date_options_refused_before_reading(tmp_path: Path) -> None:
    for opt, value in (
        ("--dct", "garbage"),
        ("--reference", "1917-13"),
        ("--reference", "1917-02-29"),
    ):
        out = annales("read", str(GOOD / "chapters.md"), "--db", str(tmp_path / "x.db"), opt, value)
        assert out.returncode == 1
        assert (
            out.stderr.strip()
            == f"annales: error: {opt} {value}: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    assert not (tmp_path / "x.db").exists()


def test_ctrl_c_stops_cleanly_and_keeps_finished_files(tmp_path: Path) -> None:
    import signal

    big = need_shared(TEXTS / "harper-et-al-russian-revolution-1918.txt")
    db = tmp_path / "int.db"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "annales",
            "read",
            str(GOOD / "chapters.md"),
            str(big),
            "--db",
            str(db),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()  # the first file is stored: now reading the book
    assert "chapters.md" in first
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, (rest, err)
    assert "Traceback" not in err
    assert re.fullmatch(
        rf"annales: interrupted( while reading {re.escape(str(big))}: nothing stored for it;|:) "
        r"1 file\(s\) stored \(rerun to continue: files already read are skipped\)",
        err.strip(),
    ), err
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [r[0] for r in conn.execute("SELECT title FROM documents")] == ["Notes on the July Days"]


def test_two_read_processes_on_one_database(tmp_path: Path) -> None:
    db = tmp_path / "both.db"
    shared = str(GOOD / "chapters.md")
    runs = [
        [str(GOOD / "page.html"), shared],
        [str(GOOD / "gutenberg-sample.txt"), str(GOOD / "small.tml"), shared],
    ]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "annales", "read", *files, "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for files in runs
    ]
    results = [p.communicate(timeout=600) for p in procs]
    for p, (_out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    assert conn.execute("SELECT count(DISTINCT doc_id) FROM events").fetchone()[0] <= 4


def test_read_decides_the_calendar_by_default(tmp_path: Path) -> None:
    """A historian drops in an Old Style chapter without options: Julian, with its reason."""
    f = tmp_path / "petrograd.txt"
    f.write_text(
        "In Petrograd the garrison was restless in 1917. On 3 July 1917 the machine-gunners"
        " marched to the Tauride Palace, and the next day the sailors of Kronstadt came.\n",
        encoding="utf-8",
    )
    r = annales("read", str(f), "--no-store", "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["document"]["calendar"] == "julian"
    assert doc["document"]["calendar_reason"]
    first = next(t for t in doc["timexes"] if t["text"] == "3 July 1917")
    assert first["gregorian"] == "1917-07-16"
