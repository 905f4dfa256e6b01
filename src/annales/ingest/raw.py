"""Bytes in, text out: reading a file within a size limit, un-gzipping, and decoding once.

Decoding policy: UTF-8 (a UTF-8 BOM is dropped; a UTF-16/32 BOM declares that encoding).
Anything else is refused with a one-line reason, except text that is clearly Windows-1252 /
Latin-1 (every non-ASCII byte decodes to a letter or common punctuation), which is accepted
with the fallback recorded in ``Source.encoding`` and a warning.
"""

from __future__ import annotations

import codecs
import gzip
import re
import stat
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from annales import config
from annales.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: C0 controls that plain text legitimately contains.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1a")


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def limit_bytes() -> int:
    return config.MAX_INPUT_BYTES


def read_path(path: Path, name: str, max_bytes: int | None = None) -> bytes:
    """The file's bytes; refuses directories, unreadable paths and files above the limit
    (checked before reading, and again while reading for files that lie about their size)."""
    limit = limit_bytes() if max_bytes is None else max_bytes
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied (cannot reach the file)") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if path.is_dir():
        raise InputError(name, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(name, "not a regular file (a device, FIFO or socket)")
    if st.st_size > limit:
        raise InputError(name, too_big(st.st_size, limit))
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except PermissionError:
        raise InputError(name, "permission denied (cannot read the file)") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(name, too_big(len(data), limit))
    return data


def too_big(size: int, limit: int) -> str:
    return (
        f"file too large ({size / 2**20:.0f} MB > limit {limit / 2**20:.0f} MB; "
        "split it or raise ANNALES_MAX_INPUT_BYTES)"
    )


def gunzip(data: bytes, name: str, max_bytes: int | None = None) -> bytes:
    """Decompress a gzip member stream, refusing truncated or corrupt archives and
    decompression bombs (output above the input size limit)."""
    limit = limit_bytes() if max_bytes is None else max_bytes
    d = zlib.decompressobj(wbits=31)
    out = bytearray()
    try:
        chunk = d.decompress(data, limit + 1)
        out += chunk
        while d.unconsumed_tail and len(out) <= limit:
            out += d.decompress(d.unconsumed_tail, limit + 1 - len(out))
        if len(out) > limit:
            raise InputError(name, too_big(len(out), limit) + " after decompression")
        if not d.eof:
            raise InputError(name, "truncated gzip file (the archive ends early)")
        rest = d.unused_data
        if rest.strip(b"\0"):  # further concatenated members: let gzip handle them
            out = bytearray(gzip.decompress(data))
            if len(out) > limit:
                raise InputError(name, too_big(len(out), limit) + " after decompression")
    except (zlib.error, gzip.BadGzipFile, EOFError) as exc:
        raise InputError(name, f"corrupt gzip file ({exc})") from None
    return bytes(out)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first 4 KB (``<meta charset>``), if Python
    knows it."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """Decode ``data`` once, by the policy in the module docstring; ``declared`` is an
    encoding the document itself names (HTML meta charset), tried when UTF-8 fails."""
    if not data:
        raise InputError(name, "empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(
                    name, f"invalid {enc} after its byte-order mark at byte {exc.start + len(bom)}"
                ) from None
            return _checked(Decoded(text, enc), name)
    if b"\0" in data:
        raise InputError(name, _nul_problem(data))
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), name)
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    if declared and declared != "utf-8":
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            warn = f"not UTF-8: decoded as {declared}, the encoding the document declares"
            return _checked(Decoded(text, declared, [warn]), name)
    fallback = _clearly_cp1252(data)
    if fallback is None:
        raise InputError(
            name,
            f"not valid UTF-8 (bad byte at offset {bad_at}) and not recognisably another encoding; convert it to UTF-8",
        )
    warn = f"not UTF-8: decoded as {fallback} (byte {bad_at} is invalid UTF-8)"
    return _checked(Decoded(data.decode(fallback), fallback, [warn]), name)


def _nul_problem(data: bytes) -> str:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 4 and (odd.count(0) > 0.4 * len(odd) or even.count(0) > 0.4 * len(even)):
        if (odd.count(0) > 0.4 * len(odd)) != (even.count(0) > 0.4 * len(even)):
            return "looks like UTF-16 text without a byte-order mark; re-save it as UTF-8"
    return "binary file (contains NUL bytes), not text"


def _clearly_cp1252(data: bytes) -> str | None:
    """'cp1252' when every non-ASCII byte decodes to a letter or ordinary punctuation and
    such bytes are rare, as in Western-European text; else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [c for c in text if ord(c) > 127]
    if not high or len(high) > 0.2 * len(text):
        return None
    for c in set(high):
        cat = unicodedata.category(c)
        if not (
            cat.startswith("L")
            or cat in ("Pd", "Pi", "Pf", "Po", "Ps", "Pe", "Sc", "Zs", "So", "Sm", "Sk", "No")
        ):
            return None
    return "cp1252"


def _checked(dec: Decoded, name: str) -> Decoded:
    text = dec.text
    if not text.strip():
        raise InputError(name, "no text (the file holds only whitespace)")
    sample = text[:65536]
    controls = sum(1 for c in sample if c < " " and c not in _TEXT_CONTROLS)
    if controls > max(8, len(sample) // 100):
        raise InputError(name, "binary file (control characters), not text")
    if "\0" in text:
        raise InputError(name, "binary file (contains NUL characters), not text")
    return dec


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF (done once, before any offset is taken)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
