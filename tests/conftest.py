"""Shared fixtures: paths to ../shared data (tests skip clearly when it is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# The suite's property tests draw the same examples on every run, so a red run is one anyone
# can repeat; the wide, random search is `make fuzz` (or HYPOTHESIS_PROFILE=explore make test).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
TEXTS = CORPORA / "texts"
TBAQ = CORPORA / "tbaq"


def need_shared(path: Path) -> Path:
    """Return ``path`` or skip the test when the shared data is not beside the project."""
    if not path.exists():
        pytest.skip(f"shared data not found: {path} (tests read ../shared beside the project root)")
    return path


@pytest.fixture
def october_text() -> str:
    return need_shared(TEXTS / "october-excerpt.txt").read_text(encoding="utf-8")


@pytest.fixture
def texts_dir() -> Path:
    return need_shared(TEXTS)


@pytest.fixture
def tbaq_dir() -> Path:
    return need_shared(TBAQ)


def default_sigint() -> None:
    """``preexec_fn`` for a child that a test interrupts with SIGINT: a shell running the
    suite in the background ignores SIGINT, and a child would inherit that (Python then never
    raises KeyboardInterrupt), so the test would pass or fail with how it was launched."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
