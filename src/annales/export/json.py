"""``annales/1`` JSON: one object per document (JSON Lines when several documents)."""

from __future__ import annotations

import json as _json
from collections.abc import Iterable

from annales.chronicle import Chronicle


def render(chronicles: Iterable[Chronicle], *, include_text: bool = False) -> str:
    """One indented object for one document; one compact object per line for several."""
    docs = list(chronicles)
    if len(docs) == 1:
        return docs[0].to_json(include_text=include_text) + "\n"
    return "".join(
        _json.dumps(c.to_dict(include_text), ensure_ascii=False, separators=(",", ":")) + "\n"
        for c in docs
    )
