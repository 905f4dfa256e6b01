"""Quotations: quoted spans in the text and, when the text says so, who spoke or wrote them.

:func:`find_quotes` is a pure scan of the text (curly and straight, double and single quotes;
an apostrophe is told from a closing single quote by what follows it; a quotation running over
several paragraphs reopens each one; a separate paragraph after one ending in a colon is a
block quotation). :func:`attribute` then looks, in the parsed chunk, for a reporting verb
(``cues.toml``) in the sentence around the quote and takes its subject as the speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from annales.nlp import data_toml

_PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'"}
_OPEN_BEFORE = set(" \t\n([{—–-:;,\u00a0") | {"“", '"'}
_PARA = re.compile(r"\n[ \t\r]*\n")


@dataclass(slots=True)
class RawQuote:
    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_pronoun: bool = False  # a he/she to resolve to the nearest person
    block: bool = False


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    d = data_toml("cues.toml")["quotes"]
    return {k: frozenset(v) for k, v in d.items()}


def _is_opener(text: str, i: int) -> bool:
    c = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev = text[i - 1] if i > 0 else "\n"
    if nxt.isspace():
        return False
    if c == "“":
        return True
    if c == "‘":
        return prev in _OPEN_BEFORE or not prev.isalnum()
    if c == '"':
        return prev in _OPEN_BEFORE or prev == "\n"
    if c == "'":
        return (prev in _OPEN_BEFORE) and (nxt.isalpha() or nxt in "…(") and not _elision(text, i)
    return False


def _elision(text: str, i: int) -> bool:
    word = re.match(r"'(\w+)", text[i : i + 8])
    return bool(word and word.group(1).lower() in ("tis", "twas", "em", "s", "t", "d", "ll", "re"))


# A closing mark: a single one not followed by a letter (so not an apostrophe) and not
# after a space; a double one after a non-space or before a space or punctuation.
_CLOSE_RX = {
    "’": re.compile(r"(?<=\S)’(?![^\W\d_])"),
    "'": re.compile(r"(?<=\S)'(?![^\W\d_])"),
    "”": re.compile(r"(?<=\S)”|”(?=[\s\W]|$)"),
    '"': re.compile(r'(?<=\S)"|"(?=[\s\W]|$)'),
}


def _closers(text: str, i: int, close: str, limit: int, most: int = 4) -> list[int]:
    """Up to ``most`` candidate closing positions after the opener at i, before ``limit``."""
    out: list[int] = []
    for m in _CLOSE_RX[close].finditer(text, i + 1, limit):
        out.append(m.start())
        if len(out) >= most:
            break
    return out


#: Longest stretch searched for a closing mark: keeps the scan linear on a text with no
#: paragraph breaks at all (a quotation is never this long within one paragraph).
MAX_QUOTE = 20_000


def _para_end(text: str, i: int) -> int:
    """End of the paragraph holding position i (at most ``MAX_QUOTE`` characters on)."""
    limit = min(len(text), i + MAX_QUOTE)
    m = _PARA.search(text, i, limit)
    return m.start() if m else limit


def _pick_single(text: str, cands: list[int]) -> int:
    """Among closing ’ candidates, skip plural possessives (``soldiers’ republic``)."""
    for k, j in enumerate(cands):
        nxt2 = text[j + 1 : j + 3]
        possessive = text[j - 1] in "sS" and nxt2[:1] == " " and nxt2[1:2].islower()
        if possessive and k + 1 < len(cands):
            continue
        return j
    return cands[-1]


def find_quotes(text: str) -> list[RawQuote]:
    """Every quoted span (quote marks included), outermost only, in text order."""
    out: list[RawQuote] = []
    i = 0
    n = len(text)
    marks = re.compile(r"[“‘\"']")
    no_closer: dict[str, int] = {}
    while True:
        m = marks.search(text, i)
        if m is None:
            break
        i = m.start()
        c = text[i]
        if not _is_opener(text, i):
            i += 1
            continue
        close = _PAIRS[c]
        end = _para_end(text, i)
        start = i
        found = None
        # An earlier opener may have searched part of this stretch in vain: start after it.
        searched = no_closer.get(close, -1)
        while True:
            frm = max(i, searched - 1) if i == start else i
            cands = _closers(text, frm, close, end, 4 if close in "’'" else 1)
            if cands:
                found = _pick_single(text, cands) if close in "’'" else cands[0]
                break
            # Multi-paragraph quotation: the next paragraph reopens with the same mark.
            nxt = re.compile(r"\n[ \t]*\n\s*").match(text, end)
            if nxt is None or nxt.end() >= n or text[nxt.end()] != c or c in "'":
                break
            i = nxt.end()
            end = _para_end(text, i + 1)
        if found is None:
            if i == start:
                no_closer[close] = end  # no closing mark anywhere in [start, end)
            i = start + 1
            continue
        if close == "'" and len(text[start:found].split()) < 2:
            i = start + 1
            continue
        out.append(RawQuote(start, found + 1))
        i = found + 1
    out.extend(_block_quotes(text, out))
    out.sort(key=lambda q: q.start)
    return out


def _block_quotes(text: str, inline: list[RawQuote]) -> list[RawQuote]:
    """A paragraph introduced by a colon-ending paragraph and not itself quoted."""
    out = []
    starts = {q.start for q in inline}
    for m in re.finditer(r":[ \t]*\n[ \t]*\n([ \t]*)(?=\S)", text):
        s = m.end()
        if s in starts or text[s] in "“\"‘'":
            continue
        e = _para_end(text, s)
        body = text[s:e].rstrip()
        words = body.split()
        if len(words) < 8 or body[:1].islower() or "|" in body or "+--" in body:
            continue
        out.append(RawQuote(s, s + len(body), block=True))
    return out


def attribute(doc: Any, offset: int, quotes: list[RawQuote]) -> None:
    """Fill the speaker span of quotes starting in this chunk from the parse (in place)."""
    cues = _cues()
    reporting = cues["reporting_verbs"]
    end_chunk = offset + len(doc.text)
    for q in quotes:
        if not (offset <= q.start < end_chunk) or q.speaker_start is not None:
            continue
        qs, qe = q.start - offset, min(q.end, end_chunk) - offset
        if q.block:
            # The sentence ending with the colon before the block.
            sents = [_prev_sentence(doc, qs)]
        else:
            first = doc.char_span(qs, qs + 1, alignment_mode="expand")
            last = doc.char_span(max(qs, qe - 1), qe, alignment_mode="expand")
            if first is None or last is None or len(first) == 0 or len(last) == 0:
                continue  # a quote mark inside whitespace-only text: no token to attribute from
            sents = [first[0].sent]
            if last[0].sent != first[0].sent:
                sents.append(last[0].sent)
        speaker = None
        best = None
        for sent in sents:
            if sent is None:
                continue
            for tok in sent:
                if tok.pos_ != "VERB" or tok.lemma_.lower() not in reporting:
                    continue
                if qs <= tok.idx < qe and not q.block:
                    continue  # inside the quotation
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None:
                    continue
                dist = min(abs(tok.idx - qs), abs(tok.idx - qe))
                if best is None or dist < best:
                    best, speaker = dist, subj
        if speaker is None:
            continue
        if speaker.tag_ in ("WP", "WDT") and speaker.head.dep_ == "relcl":
            speaker = speaker.head.head  # "Trotsky, who wrote ..." -> Trotsky
        low = speaker.lower_
        if low in ("it", "this", "that", "there", "which", "what"):
            continue  # "it was reported": no speaker named
        if low in cues["narrator_pronouns"]:
            continue
        if low in cues["person_pronouns"]:
            q.speaker_start, q.speaker_end, q.speaker_pronoun = (
                offset + speaker.idx,
                offset + speaker.idx + len(speaker.text),
                True,
            )
            continue
        # The name itself: the head and its compounds/flat names.
        s_tok = speaker
        while (
            s_tok.i > 0 and doc[s_tok.i - 1].dep_ == "compound" and doc[s_tok.i - 1].head == speaker
        ):
            s_tok = doc[s_tok.i - 1]
        q.speaker_start = offset + s_tok.idx
        q.speaker_end = offset + speaker.idx + len(speaker.text)


def _prev_sentence(doc: Any, char: int) -> Any:
    prev = None
    for sent in doc.sents:
        if sent.end_char <= char:
            prev = sent
        else:
            break
    return prev
