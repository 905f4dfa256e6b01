"""Replay every input that once crashed a reader or the tagger (tests/data/fuzz-regressions/).

Named files are checked against ``expected.tsv``; ``tagger-*.json`` (text and options) and
``readers-*.bin`` (fuzz bytes) are saved by ``benchmarks/fuzz.py`` and are replayed through
the same invariants (they must now pass: fix the bug, then keep the input here).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest

from annales.errors import InputError
from annales.ingest import load_bytes
from test_properties import check_source, check_timexes, one_line

HERE = Path(__file__).resolve().parent
REG = HERE / "data" / "fuzz-regressions"


def _expected() -> dict[str, str]:
    rows = {}
    for line in (REG / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, want = line.split("\t", 1)
            rows[name] = want
    return rows


EXPECTED = _expected()


def _fuzz() -> Any:
    spec = importlib.util.spec_from_file_location(
        "annales_fuzz", HERE.parent / "benchmarks" / "fuzz.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_named_regression_input_is_catalogued() -> None:
    named = {
        p.name for p in REG.iterdir() if p.suffix not in (".bin", ".txt", ".tsv", ".md", ".json")
    }
    assert named == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_named_regression_input(name: str) -> None:
    want = EXPECTED[name]
    data = (REG / name).read_bytes()
    if want.startswith("error: "):
        with pytest.raises(InputError) as info:
            load_bytes(data, name)
        one_line(info.value)
        assert re.search(want[len("error: ") :], str(info.value)), str(info.value)
    else:
        src = load_bytes(data, name)
        check_source(src)
        assert want[len("text: ") :] in src.text


BINS = sorted(p.name for p in REG.glob("readers-*.bin")) + sorted(
    p.name for p in REG.glob("tagger-*.json")
)


@pytest.mark.skipif(not BINS, reason="the fuzzer has saved no crashing input")
@pytest.mark.parametrize("name", BINS or ["none"])
def test_saved_fuzz_input_no_longer_fails(name: str) -> None:
    fuzz = _fuzz()
    data = (REG / name).read_bytes()
    if name.startswith("tagger-"):
        from annales.temporal import tag_time

        case = json.loads(data)
        text, opts = case["text"], case["options"]
        try:
            check_timexes(text, tag_time(text, **opts))
        except InputError as exc:
            one_line(exc)
    else:
        blob, fname = fuzz.reader_input(data)
        try:
            check_source(load_bytes(blob, fname))
        except InputError as exc:
            one_line(exc)


def test_fuzz_input_builders_are_total() -> None:
    """Any bytes make a tagger input and a reader input (the fuzzer's own harness never fails)."""
    fuzz = _fuzz()
    from test_properties import WORDS

    for data in (b"", b"\x00", bytes(range(256)), b"\xff" * 999):
        text, opts = fuzz.tagger_input(data, WORDS)
        assert isinstance(text, str) and isinstance(opts, dict)
        blob, fname = fuzz.reader_input(data)
        assert isinstance(blob, bytes) and fname
