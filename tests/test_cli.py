from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from annales.cli import app

VERBS = ("time", "read", "events", "entities", "export", "evaluate", "serve", "batch", "demo")


def test_help_lists_every_verb() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for verb in VERBS:
        assert verb in result.output


def test_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "annales", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "annales 0.1.0"
