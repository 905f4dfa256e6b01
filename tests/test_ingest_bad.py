"""The catalogue of bad inputs: each gives one clear line naming the file and the problem
(committed small files in tests/data/bad/, large or binary ones generated here), and readers
never raise anything but InputError on arbitrary input (Hypothesis)."""

from __future__ import annotations

import gzip
import os
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annales.errors import InputError
from annales.ingest import load, load_bytes
from conftest import ROOT

BAD = ROOT / "tests" / "data" / "bad"


def _catalogue() -> list[tuple[str, str]]:
    rows = []
    for line in (BAD / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, pattern = line.split("\t")
            rows.append((name, pattern))
    return rows


def _error(path: Path | str) -> str:
    with pytest.raises(InputError) as info:
        load(path)
    msg = str(info.value)
    assert "\n" not in msg, msg
    assert msg.startswith(f"{path}: "), msg
    return msg


@pytest.mark.parametrize(("name", "pattern"), _catalogue())
def test_committed_bad_inputs(name: str, pattern: str) -> None:
    assert re.search(pattern, _error(BAD / name))


def test_every_committed_bad_file_is_catalogued() -> None:
    names = {n for n, _ in _catalogue()}
    files = {p.name for p in BAD.iterdir() if p.name != "expected.tsv"}
    assert files == names


def _zip(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
)
OPF_NO_SPINE = (
    '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
    '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier>'
    "<dc:title>No spine</dc:title><dc:language>en</dc:language></metadata>"
    '<manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest>'
    "<spine></spine></package>"
)


def _generated(tmp: Path) -> list[tuple[Path, str]]:
    cases: list[tuple[Path, str]] = []
    d = tmp / "a-directory.txt"
    d.mkdir()
    cases.append((d, r"is a directory, not a file$"))
    cases.append((tmp / "missing.txt", r"no such file$"))
    os.mkfifo(tmp / "pipe.txt")
    cases.append((tmp / "pipe.txt", r"not a regular file \(a device, FIFO or socket\)$"))
    cases.append((Path("/dev/zero"), r"not a regular file"))
    full = gzip.compress(("On 22 June the strike began. " * 2000).encode())
    (tmp / "truncated.txt.gz").write_bytes(full[: len(full) // 2])
    cases.append((tmp / "truncated.txt.gz", r"truncated gzip file"))
    (tmp / "fake.txt.gz").write_bytes(b"not gzip at all")
    cases.append((tmp / "fake.txt.gz", r"not a gzip file"))
    _zip(tmp / "junk.epub", {"a.bin": os.urandom(2000), "b.txt": "junk"})
    cases.append((tmp / "junk.epub", r"not an EPUB \(ZIP without META-INF/container.xml\)$"))
    _zip(
        tmp / "nospine.epub",
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": CONTAINER,
            "content.opf": OPF_NO_SPINE,
            "c1.xhtml": "<html><body><p>x</p></body></html>",
        },
    )
    cases.append((tmp / "nospine.epub", r"EPUB has no spine"))
    _zip(
        tmp / "noopf.epub",
        {"mimetype": "application/epub+zip", "META-INF/container.xml": CONTAINER},
    )
    cases.append((tmp / "noopf.epub", r"unreadable EPUB"))
    _zip(
        tmp / "lost-chapter.epub",
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": CONTAINER,
            "content.opf": OPF_NO_SPINE.replace(
                "<spine></spine>", '<spine><itemref idref="c1"/></spine>'
            ),
        },
    )
    cases.append(
        (
            tmp / "lost-chapter.epub",
            r"unreadable EPUB \(spine item c1\.xhtml missing from the ZIP\)$",
        )
    )
    _zip(
        tmp / "bad-opf.epub",
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": CONTAINER,
            "content.opf": "<package",
        },
    )
    cases.append((tmp / "bad-opf.epub", r"unreadable EPUB \(content\.opf is not well-formed XML"))
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(3000)
    (tmp / "picture.txt").write_bytes(png)
    cases.append((tmp / "picture.txt", r"binary file"))
    big = tmp / "huge-one-line.txt"
    with big.open("wb") as fh:  # 100 MB of words and no newline
        chunk = b"the next day the strike began " * 35_000
        while fh.tell() < 100 * 2**20:
            fh.write(chunk)
    cases.append(
        (
            big,
            r"file too large \(10\d MB > limit 64 MB; split it or raise ANNALES_MAX_INPUT_BYTES\)$",
        )
    )
    sparse = tmp / "sparse-2gb.txt"
    with sparse.open("wb") as fh:
        fh.truncate(2 * 2**30)
    cases.append((sparse, r"file too large \(2048 MB"))
    return cases


def test_generated_bad_inputs(tmp_path: Path) -> None:
    for path, pattern in _generated(tmp_path):
        msg = _error(path)
        assert re.search(pattern, msg), (path.name, msg)


def test_unreadable_file_reports_permission(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        p = tmp_path / "secret.txt"
        p.write_text("On 22 June the strike began.")
        p.chmod(0)
        assert re.search(r"permission denied", _error(p))
        return
    # root reads any ordinary file; a write-only kernel file is unreadable even for root
    p = Path("/proc/sys/vm/compact_memory")
    if not p.exists():
        pytest.skip("no write-only file to test with as root")
    assert _error(p) == f"{p}: permission denied (cannot read the file)"


# ---------------------------------------------------------------- properties

EXTS = ["x.txt", "x.md", "x.html", "x.tml", "x.epub", "x.txt.gz", "noext"]


def _valid(src) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(src.text, str) and src.text.strip()
    assert len(src.id) == 64
    for s in src.sections:
        assert 0 <= s.start <= s.end <= len(src.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), name=st.sampled_from(EXTS))
def test_any_bytes_give_a_source_or_an_input_error(data: bytes, name: str) -> None:
    try:
        src = load_bytes(data, name)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    _valid(src)


_markup = st.text(
    alphabet=st.sampled_from(list("<>/=\"'&;#*_[]()!-\n\t abcdhpTEXTIMl123\u00e9\u2014\x0b\x1f")),
    max_size=400,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=500), _markup), name=st.sampled_from(EXTS[:4]))
def test_any_text_gives_a_source_or_an_input_error(text: str, name: str) -> None:
    try:
        src = load_bytes(text.encode("utf-8", "surrogatepass"), name)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    _valid(src)


@settings(max_examples=60, deadline=None)
@given(
    depth=st.integers(min_value=1, max_value=3000), tag=st.sampled_from(["div", "b", "ul", "h2"])
)
def test_nested_markup_never_crashes(depth: int, tag: str) -> None:
    html = "<html><body>" + f"<{tag}>" * depth + "Riots on 3 July." + f"</{tag}>" * depth
    src = load_bytes(html.encode(), "n.html")
    assert "Riots on 3 July." in src.text


# Inputs that were quadratic (minutes for 200 KB) before the readers were made linear; the
# timeout only guards against a hang, speed figures belong to benchmarks.
PATHOLOGICAL = {
    "unclosed-strong.md": "**a " * 50_000,
    "unclosed-brackets.md": "[" * 200_000 + "](x)",
    "link-soup.md": "[a](" * 50_000,
    "many-chapters.txt": "\nCHAPTER I\n" * 50_000,
    "many-headings.html": "<h1>a</h1>" * 50_000,
    "tiny-paragraphs.html": "<p>a" * 50_000,
}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_inputs_stay_linear(name: str) -> None:
    src = load_bytes(PATHOLOGICAL[name].encode(), name)
    assert src.text.strip()
    if name.startswith("many-"):
        assert len(src.sections) == 50_000
        assert all(a.end == b.start for a, b in zip(src.sections, src.sections[1:], strict=False))


def test_timeml_creation_time_that_is_no_date_is_dropped_with_a_warning() -> None:
    doc = (
        '<?xml version="1.0"?><TimeML><DOCID>d</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
        'value="garbage" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
        "<TEXT>On Friday the market fell.</TEXT></TimeML>"
    )
    src = load_bytes(doc.encode(), "bad-dct.tml")
    assert src.dct is None and src.warnings == ["creation time 'garbage' is not a date: ignored"]
    ok = load_bytes(doc.replace("garbage", "1998-01-08T10:00:00").encode(), "ok.tml")
    assert ok.dct == "1998-01-08T10:00:00" and not ok.warnings


def test_an_input_error_is_one_line_whatever_the_input_names() -> None:
    """A corrupt ZIP member's name can hold a newline; the error stays one line."""
    from annales.errors import InputError

    err = InputError("b.epub", "corrupt EPUB (bad CRC in \nimetype)")
    assert str(err) == "b.epub: corrupt EPUB (bad CRC in  imetype)"
