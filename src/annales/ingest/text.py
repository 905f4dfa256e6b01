"""Plain text, Markdown and Project Gutenberg readers (decoded text → text + sections).

Heading words and Gutenberg markers are data (``headings.toml``), not code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from annales.chronicle import Section


@dataclass(frozen=True, slots=True)
class _Rules:
    heading: re.Pattern[str]
    levels: dict[str, int]
    max_chars: int
    gb_start: tuple[re.Pattern[str], ...]
    gb_end: tuple[re.Pattern[str], ...]
    gb_small_print_end: re.Pattern[str]
    gb_title: tuple[re.Pattern[str], ...]
    apparatus: frozenset[str]


@cache
def rules() -> _Rules:
    data = tomllib.loads(
        resources.files("annales.ingest").joinpath("headings.toml").read_text(encoding="utf-8")
    )
    words = {w["word"].lower(): int(w["level"]) for w in data["words"]}
    numbers = "|".join(re.escape(n) for n in data["numbers"])
    word_alt = "|".join(re.escape(w) for w in words)
    # WORD NUMBER [title]: number is roman, arabic or dotted (1.1.I) or a spelled-out ordinal.
    heading = re.compile(
        rf"^[ \t]*(?P<word>{word_alt})[ \t]+(?:[IVXLCDM]+|\d+|(?:\d+\.)+[IVXLCDM\d]+|(?:{numbers})\b)"
        r"[.:]?(?P<bare>[ \t]*$)?(?:[ \t].*|[-–—.:].*)?$",
        re.IGNORECASE,
    )
    gb = data["gutenberg"]
    flags = re.IGNORECASE | re.MULTILINE
    return _Rules(
        heading=heading,
        levels=words,
        max_chars=int(data["max_heading_chars"]),
        gb_start=tuple(re.compile(p, flags) for p in gb["start"]),
        gb_end=tuple(re.compile(p, flags) for p in gb["end"]),
        gb_small_print_end=re.compile(gb["small_print_end"], flags),
        gb_title=tuple(re.compile(p, re.MULTILINE) for p in gb["title"]),
        apparatus=frozenset(a.lower() for a in data.get("apparatus", [])),
    )


def _close(heads: list[tuple[str, int, int]], n: int) -> list[Section]:
    """(title, start, level) headings → sections that run to the next heading of the same or a
    higher level (or the end of the text). One pass with a stack: linear in the headings."""
    ends = [n] * len(heads)
    open_: list[int] = []  # indices of headings whose section is still open
    for i, (_title, start, level) in enumerate(heads):
        while open_ and heads[open_[-1]][2] >= level:
            ends[open_.pop()] = start
        open_.append(i)
    return [
        Section(title=t, start=s, end=e, level=lv)
        for (t, s, lv), e in zip(heads, ends, strict=True)
    ]


def plain_sections(text: str) -> list[Section]:
    """Chapter/Book/Part heading lines that stand alone (after a blank line or at the start)."""
    r = rules()
    heads: list[tuple[str, int, int]] = []
    pos = 0
    prev_blank = True
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if prev_blank and stripped and len(stripped) <= r.max_chars:
            m = r.heading.match(line.rstrip("\n"))
            if m:
                start = pos + line.index(stripped[0])
                title = stripped
                if m.group("bare") is not None:
                    sub = _subtitle(lines, i + 1, r.max_chars)
                    title = f"{stripped} — {sub}" if sub else stripped
                heads.append((title, start, r.levels[m.group("word").lower()]))
        prev_blank = not stripped
        pos += len(line)
    return _close(_drop_contents_entries(heads, len(text)), len(text))


def _drop_contents_entries(heads: list[tuple[str, int, int]], n: int) -> list[tuple[str, int, int]]:
    """Drop table-of-contents lines: a heading whose title comes back later, where it opens a
    much longer stretch (the body's chapter), is the contents' entry for that chapter.
    Chapters whose numbering restarts (each volume's "CHAPTER I") are all long and stay."""
    if len(heads) < 2:
        return heads
    gaps = [sec.end - sec.start for sec in _close(heads, n)]  # extent to the next peer
    keys = [_heading_key(t) for t, _s, _l in heads]
    longest_after: dict[str, int] = {}
    drop = [False] * len(heads)
    for i in range(len(heads) - 1, -1, -1):
        later = longest_after.get(keys[i])
        if later is not None and gaps[i] < CONTENTS_MAX_CHARS and gaps[i] * RATIO_CONTENTS < later:
            drop[i] = True
        longest_after[keys[i]] = max(gaps[i], later or 0)
    return [h for h, d in zip(heads, drop, strict=True) if not d]


#: A heading repeated later is a contents entry when its stretch is this many times shorter
#: than the later one's and short in itself.
RATIO_CONTENTS = 5
CONTENTS_MAX_CHARS = 2000
_KEY = re.compile(r"\s*(\w+)\s+([0-9IVXLCDM]+(?:\.[0-9IVXLCDM]+)*|\w+)", re.IGNORECASE)


def _heading_key(title: str) -> str:
    """ "Chapter 1.1.I. Louis" and "Chapter 1.1.I. — Louis." → "chapter 1.1.i"."""
    m = _KEY.match(title)
    return f"{m.group(1)} {m.group(2)}".lower() if m else title.lower()


def _subtitle(lines: list[str], i: int, max_chars: int) -> str | None:
    """The title line under a bare "CHAPTER I": the next non-blank line when it stands alone
    (blank lines around it) and is short."""
    j = i
    while j < len(lines) and j < i + 3 and not lines[j].strip():
        j += 1
    if j == i or j >= len(lines) or j >= i + 3:
        return None
    cand = lines[j].strip()
    after_blank = j + 1 >= len(lines) or not lines[j + 1].strip()
    if cand and len(cand) <= max_chars and after_blank and not rules().heading.match(cand):
        return cand
    return None


def gutenberg_body(text: str) -> tuple[int, int, str | None] | None:
    """(start, end, title) of a Project Gutenberg file's body, or None if not one."""
    r = rules()
    head = text[:60000]
    if "gutenberg" not in head.lower():
        return None
    starts = [m for p in r.gb_start for m in [p.search(text)] if m]
    if not starts:
        return None
    first = min(starts, key=lambda m: m.start())
    body_start = text.find("\n", first.end())
    body_start = len(text) if body_start < 0 else body_start + 1
    if "SMALL PRINT" in first.group(0).upper():
        sp_end = r.gb_small_print_end.search(text, first.end())
        if sp_end:
            nl = text.find("\n", sp_end.end())
            body_start = len(text) if nl < 0 else nl + 1
    ends = [m for p in r.gb_end for m in [p.search(text, body_start)] if m]
    body_end = min((m.start() for m in ends), default=len(text))
    title = None
    for p in r.gb_title:
        m = p.search(text, 0, first.start())
        if m:
            title = m.group(1).strip()
            break
    # Trim blank lines at both ends so the body starts at its first character.
    while body_start < body_end and text[body_start] in " \t\n":
        body_start += 1
    while body_end > body_start and text[body_end - 1] in " \t\n":
        body_end -= 1
    return body_start, body_end, title


# Inline patterns never cross a line and their content is bounded, so a pathological line
# (thousands of unclosed ``**`` or ``[``) costs linear, not quadratic, time.
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_INLINE = (
    (re.compile(r"!\[([^\[\]\n]{0,300})\]\(([^()\s]{0,300})\)"), r"\1"),  # images → alt text
    (
        re.compile(r"\[([^\[\]\n]{1,300})\]\(([^()\s]{0,300})(?:\s+\"[^\"\n]{0,300}\")?\)"),
        r"\1",
    ),  # links
    (re.compile(r"\[([^\[\]\n]{1,300})\]\[[^\[\]\n]{0,300}\]"), r"\1"),  # reference links
    (re.compile(r"\*\*(?=[^\s*])([^*\n]{1,1000}?)(?<=\S)\*\*"), r"\1"),  # strong
    (re.compile(r"__(?=[^\s_])([^_\n]{1,1000}?)(?<=\S)__"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,1000}?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,1000}?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`\n]{1,1000})`"), r"\1"),  # inline code
)


def _atx_title(rest: str | None) -> str:
    """Heading text without the optional closing hashes ("## Title ##"), in linear time."""
    t = (rest or "").rstrip(" \t")
    u = t.rstrip("#")
    if u != t and (not u or u[-1] in " \t"):
        t = u.rstrip(" \t")
    return t


_FRONT = re.compile(r"\A---\n(.{0,10000}?)\n---\n", re.DOTALL)


def markdown(text: str) -> tuple[str, list[Section], str | None]:
    """Markdown → plain text (markup removed), sections from ATX and setext headings, and the
    title (front-matter ``title:`` or the first level-1 heading)."""
    title = None
    fm = _FRONT.match(text)
    if fm:
        m = re.search(r"^title:[ \t]*(.*)$", fm.group(1), re.MULTILINE)
        title = m.group(1).strip().strip("'\"").strip() or None if m else None
        text = text[fm.end() :]
    lines = text.split("\n")
    out: list[str] = []
    heads: list[tuple[str, int, int]] = []
    pos = 0
    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            i += 1
            continue
        level = None
        if not in_fence:
            m = _ATX.match(line)
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if m:
                level, line = len(m.group(1)), _atx_title(m.group(2))
            elif line.strip() and _SETEXT.match(nxt) and (not out or not out[-1].strip()):
                level, line = (1 if nxt.strip()[0] == "=" else 2), line.strip()
                i += 1
            else:
                line = re.sub(r"^ {0,3}> ?", "", line)
            for pat, rep in _INLINE:
                line = pat.sub(rep, line)
        if level is not None and line.strip():
            heads.append((line.strip(), pos, level))
            if title is None and level == 1:
                title = line.strip()
        out.append(line)
        pos += len(line) + 1
        i += 1
    plain = "\n".join(out)
    return plain, _close(heads, len(plain)), title
