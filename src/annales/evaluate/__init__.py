"""Evaluation against gold annotations: TempEval-3 Task A timex scoring on TimeML corpora.

>>> from annales.evaluate import evaluate_timeml          # doctest: +SKIP
>>> report = evaluate_timeml("../shared/corpora/tbaq")    # doctest: +SKIP
>>> round(report.total.value_f1, 3)                       # doctest: +SKIP
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from annales.errors import AnnalesError, InputError
from annales.evaluate.scorer import TYPES, Counts, Report, ScoringError, score_document
from annales.evaluate.timeml import (
    GoldDocument,
    TimexSpan,
    find_timeml,
    parse_timeml,
    read_timeml,
)

__all__ = [
    "TYPES",
    "Counts",
    "GoldDocument",
    "Report",
    "ScoringError",
    "TimexSpan",
    "Tagger",
    "annales_tagger",
    "evaluate_documents",
    "evaluate_timeml",
    "find_timeml",
    "format_report",
    "load_gold",
    "parse_timeml",
    "read_timeml",
    "score_document",
]

#: A system under evaluation: ``(text, dct) -> timexes`` with offsets into ``text``.
Tagger = Callable[[str, str | None], Sequence[TimexSpan]]


def annales_tagger(mode: str = "news", calendar: str = "auto") -> Tagger:
    """The annales temporal tagger as a ``Tagger`` (imported lazily: it may load resources).
    ``calendar``: the documents' calendar policy (gregorian, julian or auto)."""
    try:
        from annales.temporal import tag_time
    except ImportError as exc:
        raise AnnalesError(f"the annales temporal tagger is not available: {exc}") from None

    def tag(text: str, dct: str | None) -> list[TimexSpan]:
        return [
            TimexSpan(t.start, t.end, t.text, t.type, t.value, t.mod, t.id)
            for t in tag_time(text, mode=mode, dct=dct, calendar=calendar)
        ]

    return tag


def load_gold(
    gold_dir: str | Path, on_error: Callable[[InputError], None] | None = None
) -> tuple[list[GoldDocument], list[str]]:
    """Read every ``.tml`` under ``gold_dir``. A malformed file is reported to ``on_error``
    and skipped; the skipped ``"path: problem"`` lines come back as the second item."""
    docs: list[GoldDocument] = []
    skipped: list[str] = []
    for path in find_timeml(gold_dir):
        try:
            docs.append(read_timeml(path))
        except InputError as exc:
            skipped.append(str(exc))
            if on_error is not None:
                on_error(exc)
    return docs, skipped


def evaluate_documents(
    docs: Iterable[GoldDocument], tagger: Tagger, system: str = "annales", mode: str = "news"
) -> Report:
    """Tag each document's raw text (with its gold DCT) and score it; tagger time is summed."""
    report = Report(system=system, mode=mode)
    for doc in docs:
        t0 = time.perf_counter()
        try:
            predicted = list(tagger(doc.text, doc.dct))
        except (ValueError, AnnalesError) as exc:  # e.g. a gold DCT the tagger cannot read
            raise InputError(doc.path, f"cannot tag this document: {exc}") from None
        report.seconds += time.perf_counter() - t0
        report.words += len(doc.text.split())
        report.add(score_document(doc.doc_id, doc.text, doc.timexes, predicted))
    return report


def evaluate_timeml(
    gold_dir: str | Path,
    mode: str = "news",
    tagger: Tagger | None = None,
    on_error: Callable[[InputError], None] | None = None,
    calendar: str = "auto",
) -> Report:
    """Score the annales tagger (or ``tagger``) on every ``.tml`` under ``gold_dir``, TE3-style."""
    docs, skipped = load_gold(gold_dir, on_error)
    report = evaluate_documents(
        docs,
        tagger or annales_tagger(mode, calendar),
        system="annales" if tagger is None else "system",
        mode=mode,
    )
    report.skipped = skipped
    return report


def _pct(x: float) -> str:
    return f"{100 * x:6.2f}"


def format_report(report: Report, title: str | None = None) -> str:
    """A plain-text score table (TE3 layout: strict, relaxed, type and value F1) by type."""
    head = title or f"{report.system} ({report.mode} mode)"
    t = report.total
    lines = [
        f"{head}: {report.documents} documents, {t.gold} gold timexes, {t.system} system timexes",
        "",
        f"{'':<10}{'strict P':>9}{'R':>8}{'F1':>8}   {'relaxed P':>9}{'R':>8}{'F1':>8}"
        f"   {'type F1':>8}{'value F1':>9}   {'gold':>5}{'sys':>6}",
    ]

    def row(name: str, c: Counts) -> str:
        if c.gold == 0 and c.system == 0:
            return f"{name:<10}{'-':>9}{'-':>8}{'-':>8}   {'-':>9}{'-':>8}{'-':>8}   {'-':>8}{'-':>9}   {0:>5}{0:>6}"
        return (
            f"{name:<10}{_pct(c.strict_precision):>9}{_pct(c.strict_recall):>8}"
            f"{_pct(c.strict_f1):>8}   {_pct(c.relaxed_precision):>9}"
            f"{_pct(c.relaxed_recall):>8}{_pct(c.relaxed_f1):>8}"
            f"   {_pct(c.type_f1):>8}{_pct(c.value_f1):>9}   {c.gold:>5}{c.system:>6}"
        )

    lines.append(row("ALL", t))
    for kind, counts in report.by_type.items():
        if kind in TYPES or counts.gold or counts.system:
            lines.append(row(kind, counts))
    lines.append("")
    lines.append(
        f"type accuracy {_pct(t.type_accuracy).strip()}%, value accuracy "
        f"{_pct(t.value_accuracy).strip()}% over {t.relaxed} relaxed matches; "
        f"{report.words} words tagged in {report.seconds:.2f} s"
        f" ({report.words_per_second:,.0f} words/s)"
    )
    if report.skipped:
        lines.append(f"skipped {len(report.skipped)} malformed file(s)")
    return "\n".join(lines)
