"""annales: rebuild a sourced, calendar-aware chronology from narrative history.

>>> import annales
>>> [t.value for t in annales.tag_time("On 22 June 1917 the strike began.")]
['1917-06-22']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annales.chronicle import (
    Argument,
    Chronicle,
    Document,
    Entity,
    Event,
    Mention,
    Quantity,
    Quote,
    Section,
    Span,
    Timex,
)

__version__ = "0.1.0"

__all__ = [
    "Argument",
    "Chronicle",
    "Document",
    "Entity",
    "Event",
    "Mention",
    "Quantity",
    "Quote",
    "Section",
    "Span",
    "Timex",
    "__version__",
    "read",
    "read_text",
    "tag_time",
]

if TYPE_CHECKING:  # pragma: no cover
    from annales.pipeline import read, read_text
    from annales.temporal import tag_time


def __getattr__(name: str) -> Any:
    # Lazy: importing annales must not load spaCy.
    if name == "tag_time":
        from annales.temporal import tag_time

        return tag_time
    if name in ("read", "read_text"):
        from annales import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'annales' has no attribute {name!r}")
