"""The documentation builds without warnings and covers the whole public surface: every CLI
verb, every name in ``annales.__all__``; the README's Python example runs as printed."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

import annales
from annales.cli import app

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).parent / "mkdocs"


def _verbs(cmd: Any, prefix: str = "annales") -> list[str]:
    # duck-typed: Typer vendors its own Click, so isinstance(cmd, click.Group) is False
    out = []
    if hasattr(cmd, "list_commands"):
        ctx = cmd.context_class(cmd, info_name=prefix)
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                out.append(f"{prefix} {name}")
                out += _verbs(sub, f"{prefix} {name}")
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    exe = str(MKDOCS) if MKDOCS.exists() else shutil.which("mkdocs")
    if exe is None:
        pytest.skip("mkdocs not installed")
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [exe, "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    warnings = [line for line in done.stderr.splitlines() if re.match(r"\s*(WARNING|ERROR)", line)]
    assert warnings == []
    return out


def _text(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def test_every_cli_verb_is_in_the_reference(site: Path) -> None:
    text = _text(site / "reference" / "cli" / "index.html")
    verbs = _verbs(typer.main.get_command(app))
    assert {"annales read", "annales time", "annales evaluate timeml"} <= set(verbs)
    assert [v for v in verbs if v not in text] == []
    # and every option of every verb
    for verb in verbs:
        cmd = typer.main.get_command(app)
        for part in verb.split()[1:]:
            cmd = cmd.get_command(cmd.context_class(cmd), part)
        for p in cmd.params:
            for opt in p.opts if p.param_type_name == "option" else []:
                assert opt in text, f"{verb} {opt}"


def test_every_public_name_is_in_the_api_reference(site: Path) -> None:
    page = (site / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="(annales[\w.]*)"', page))
    short = {i.rsplit(".", 1)[-1] for i in ids}
    public = [n for n in annales.__all__ if not n.startswith("_")]
    assert [n for n in public if n not in short] == []
    # documented from their real home, with their docstring rendered
    assert {
        "annales.pipeline.read",
        "annales.temporal.tag_time",
        "annales.chronicle.Chronicle",
    } <= ids
    assert annales.chronicle.Chronicle.__doc__ is not None


def test_evaluation_page_is_generated_from_the_results(site: Path) -> None:
    results = ROOT / "benchmarks" / "results" / "compare_heideltime.json"
    if not results.exists():
        pytest.skip("no benchmark results")
    import json

    data = json.loads(results.read_text(encoding="utf-8"))
    text = _text(site / "evaluation" / "index.html")
    for name, s in data["accuracy"]["systems"].items():
        assert name in text
        assert f"{100 * s['strict_f1']:.1f}" in text


def test_schema_page_includes_the_schema(site: Path) -> None:
    text = _text(site / "reference" / "schema" / "index.html")
    assert '"$schema"' in text and "annales/1" in text


def test_readme_python_example_runs_as_printed() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S)
    shown = re.search(r"```python\n.*?```\n\n```text\n(.*?)```", readme, re.S)
    assert code and shown
    assert len(code.group(1).strip().splitlines()) <= 12
    done = subprocess.run(
        [sys.executable, "-c", code.group(1)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    printed, expected = done.stdout.splitlines(), shown.group(1).splitlines()
    # the dates are the point of the example: exactly as shown
    assert [line for line in printed if " | " in line] == [e for e in expected if " | " in e]
    # events and entities may grow as the pipeline improves; what is shown must still be there
    for line in expected:
        if " | " not in line:
            assert line in printed or line.startswith("[") and printed[-1].startswith("[")
    shown_names = re.findall(r"'([^']+)'", expected[-1])
    assert all(f"'{n}'" in printed[-1] for n in shown_names)


def test_readme_keeps_the_two_commands_after_the_intro() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    intro, rest = readme.split("## Two commands", 1)
    sentences = [s for s in re.split(r"(?<=\.)\s+", intro.split("\n", 1)[1].strip()) if s]
    assert len(sentences) == 3
    assert rest.lstrip().startswith("```\nmake demo")
    assert "docs/img/timeline.png" in readme
