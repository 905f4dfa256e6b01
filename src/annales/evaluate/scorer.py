"""TempEval-3 Task A timex scoring, following the TE3 evaluation toolkit's conventions.

- A system timex and a gold timex *relaxed*-match when their extents overlap; the pairing is
  one-to-one (the toolkit's TimeML-Normalizer gives an overlapping system timex the gold id).
  Identical extents are paired first, then the largest overlaps.
- *Strict* match: identical offsets.
- P = matches / system timexes, R = matches / gold timexes, F1 their harmonic mean.
- Attribute scores: accuracy of ``type`` (``value``) over the relaxed matches, times the
  relaxed F1 ("type F1", "value F1" in TE3's table). Values compare as exact strings.
- Empty corpora (no gold, no system timex) score 1, as in the toolkit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annales.evaluate.timeml import TimexSpan

TYPES = ("DATE", "TIME", "DURATION", "SET")


def align(gold: Sequence[TimexSpan], system: Sequence[TimexSpan]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, system index)`` of overlapping timexes."""
    candidates: list[tuple[int, int, int, int]] = []
    order = sorted(range(len(system)), key=lambda j: system[j].start)
    for i, g in enumerate(gold):
        for j in order:
            s = system[j]
            if s.start >= g.end:
                break
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = 0 if (s.start, s.end) == (g.start, g.end) else 1
                candidates.append((exact, -overlap, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, i, j in candidates:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((i, j))
    pairs.sort()
    return pairs


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass(slots=True)
class Counts:
    """Raw counts from which every TE3 measure follows."""

    gold: int = 0
    system: int = 0
    strict: int = 0  # pairs with identical offsets
    relaxed: int = 0  # overlapping pairs (one-to-one)
    type_ok: int = 0  # relaxed pairs with the gold type
    value_ok: int = 0  # relaxed pairs with the gold value
    # for per-type tables: recall side counts by gold type, precision side by system type
    strict_sys: int = 0
    relaxed_sys: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__slots__:  # type: ignore[attr-defined]
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def _empty(self) -> bool:
        return self.gold == 0 and self.system == 0

    @property
    def strict_precision(self) -> float:
        return 1.0 if self._empty() else _ratio(self.strict_sys, self.system)

    @property
    def strict_recall(self) -> float:
        return 1.0 if self._empty() else _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return 1.0 if self._empty() else _ratio(self.relaxed_sys, self.system)

    @property
    def relaxed_recall(self) -> float:
        return 1.0 if self._empty() else _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def type_accuracy(self) -> float:
        return 1.0 if self._empty() else _ratio(self.type_ok, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        return 1.0 if self._empty() else _ratio(self.value_ok, self.relaxed)

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed_f1

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed_f1

    def measures(self) -> dict[str, float]:
        return {
            "strict_precision": self.strict_precision,
            "strict_recall": self.strict_recall,
            "strict_f1": self.strict_f1,
            "relaxed_precision": self.relaxed_precision,
            "relaxed_recall": self.relaxed_recall,
            "relaxed_f1": self.relaxed_f1,
            "type_accuracy": self.type_accuracy,
            "value_accuracy": self.value_accuracy,
            "type_f1": self.type_f1,
            "value_f1": self.value_f1,
        }

    def to_dict(self) -> dict[str, Any]:
        raw = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        return {"counts": raw, **{k: round(v, 4) for k, v in self.measures().items()}}


@dataclass(frozen=True, slots=True)
class ScoringError:
    """One scoring disagreement, for ``--errors``."""

    kind: str  # "FP" | "FN" | "EXTENT" | "TYPE" | "VALUE"
    doc_id: str
    gold: TimexSpan | None
    system: TimexSpan | None
    context: str

    def describe(self) -> str:
        def show(t: TimexSpan | None) -> str:
            if t is None:
                return "-"
            mod = f" mod={t.mod}" if t.mod else ""
            return f"{t.text!r} [{t.start}:{t.end}] {t.type} {t.value}{mod}"

        return (
            f"{self.kind:<6} {self.doc_id}  gold: {show(self.gold)}  system: {show(self.system)}"
            f"  | {self.context}"
        )

    def to_dict(self) -> dict[str, Any]:
        def plain(t: TimexSpan | None) -> dict[str, Any] | None:
            if t is None:
                return None
            return {k: getattr(t, k) for k in ("start", "end", "text", "type", "value", "mod")}

        return {
            "kind": self.kind,
            "doc": self.doc_id,
            "gold": plain(self.gold),
            "system": plain(self.system),
            "context": self.context,
        }


def context(text: str, start: int, end: int, width: int = 40) -> str:
    """The span in ``[[...]]`` with ``width`` characters either side, on one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


@dataclass(slots=True)
class DocumentScore:
    doc_id: str
    counts: Counts
    by_type: dict[str, Counts]
    errors: list[ScoringError]


def score_document(
    doc_id: str, text: str, gold: Sequence[TimexSpan], system: Sequence[TimexSpan]
) -> DocumentScore:
    """Compare one document's system timexes with the gold ones."""
    gold = sorted(gold, key=lambda t: (t.start, t.end))
    system = sorted(system, key=lambda t: (t.start, t.end))
    pairs = align(gold, system)
    total = Counts(gold=len(gold), system=len(system))
    by_type = {t: Counts() for t in TYPES}

    def bucket(kind: str) -> Counts:
        return by_type.setdefault(kind or "?", Counts())

    for g in gold:
        bucket(g.type).gold += 1
    for s in system:
        bucket(s.type).system += 1
    errors: list[ScoringError] = []
    matched_g = {i for i, _ in pairs}
    matched_s = {j for _, j in pairs}
    for i, j in pairs:
        g, s = gold[i], system[j]
        exact = (g.start, g.end) == (s.start, s.end)
        bg, bs = bucket(g.type), bucket(s.type)
        total.relaxed += 1
        total.relaxed_sys += 1
        bg.relaxed += 1
        bs.relaxed_sys += 1
        if exact:
            total.strict += 1
            total.strict_sys += 1
            bg.strict += 1
            bs.strict_sys += 1
        if g.type == s.type:
            total.type_ok += 1
            bg.type_ok += 1
        if g.value == s.value:
            total.value_ok += 1
            bg.value_ok += 1
        ctx = context(text, g.start, g.end)
        if g.value != s.value:
            errors.append(ScoringError("VALUE", doc_id, g, s, ctx))
        elif g.type != s.type:
            errors.append(ScoringError("TYPE", doc_id, g, s, ctx))
        elif not exact:
            errors.append(ScoringError("EXTENT", doc_id, g, s, ctx))
    for i, g in enumerate(gold):
        if i not in matched_g:
            errors.append(ScoringError("FN", doc_id, g, None, context(text, g.start, g.end)))
    for j, s in enumerate(system):
        if j not in matched_s:
            errors.append(ScoringError("FP", doc_id, None, s, context(text, s.start, s.end)))
    errors.sort(key=lambda e: (e.gold or e.system).start)  # type: ignore[union-attr]
    return DocumentScore(doc_id, total, by_type, errors)


@dataclass(slots=True)
class Report:
    """Corpus-level (micro-averaged) TE3 scores, per-type breakdown, errors and timing."""

    system: str = "annales"
    mode: str = "news"
    documents: int = 0
    words: int = 0
    seconds: float = 0.0  # time spent in the tagger only
    total: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    errors: list[ScoringError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "path: problem" of unreadable files

    def add(self, doc: DocumentScore) -> None:
        self.documents += 1
        self.total.add(doc.counts)
        for kind, counts in doc.by_type.items():
            self.by_type.setdefault(kind, Counts()).add(counts)
        self.errors.extend(doc.errors)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "system": self.system,
            "mode": self.mode,
            "documents": self.documents,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "words_per_second": round(self.words_per_second, 1),
            **self.total.to_dict(),
            "by_type": {k: v.to_dict() for k, v in self.by_type.items()},
            "skipped": list(self.skipped),
        }
        if errors:
            out["errors"] = [e.to_dict() for e in self.errors]
        return out


def score_corpus(
    docs: Iterable[tuple[str, str, Sequence[TimexSpan], Sequence[TimexSpan]]],
    system: str = "annales",
    mode: str = "news",
) -> Report:
    """Score ``(doc_id, text, gold, system)`` tuples into one micro-averaged report."""
    report = Report(system=system, mode=mode)
    for doc_id, text, gold, sys_timexes in docs:
        report.add(score_document(doc_id, text, gold, sys_timexes))
    return report
