"""Readers: every format to a Source whose offsets and sections refer to Source.text."""

from __future__ import annotations

import gzip
import hashlib
import zipfile
from pathlib import Path

import pytest

from annales.errors import InputError
from annales.ingest import detect_format, load, load_bytes, load_text
from conftest import ROOT

DATA = ROOT / "tests" / "data" / "ingest"


def _check_sections(src) -> None:  # type: ignore[no-untyped-def]
    for s in src.sections:
        assert 0 <= s.start <= s.end <= len(src.text)
        assert s.title.strip()


def test_plain_text_id_is_sha256_of_bytes() -> None:
    p = DATA / "mixed-endings.txt"
    src = load(p)
    assert src.id == hashlib.sha256(p.read_bytes()).hexdigest()
    assert src.format == "text" and src.path == str(p)


def test_mixed_line_endings_become_lf() -> None:
    src = load(DATA / "mixed-endings.txt")
    assert "\r" not in src.text
    assert src.text.splitlines()[:3] == [
        "The Assembly met on 5 May 1789.",
        "The Third Estate",
        "withdrew on 17 June.",
    ]


def test_latin1_is_a_declared_fallback() -> None:
    src = load(DATA / "latin1.txt")
    assert src.encoding == "cp1252"
    assert "Café" in src.text and "naïve" in src.text and "“stormed”" in src.text
    assert src.warnings and "cp1252" in src.warnings[0]


def test_utf8_bom_is_dropped_and_utf16_bom_is_honoured() -> None:
    text = "On 22 June the strike began."
    assert load_bytes(b"\xef\xbb\xbf" + text.encode(), "a.txt").text == text
    src = load_bytes(text.encode("utf-16"), "b.txt")
    assert src.text == text and src.encoding.startswith("utf-16")


def test_markdown_headings_become_sections() -> None:
    src = load(DATA / "chapters.md")
    assert src.format == "markdown"
    assert src.title == "Notes on the July Days"  # front matter wins over the first heading
    titles = [(s.title, s.level) for s in src.sections]
    assert titles == [("The Strike Wave", 1), ("The Sailors", 2), ("The Offensive", 2)]
    for s in src.sections:
        assert src.text[s.start : s.start + len(s.title)] == s.title
    # markup gone, words kept
    assert "**" not in src.text and "](" not in src.text and "#" not in src.text
    assert "Putilov works were likely" in src.text.replace("\n", " ")
    assert "On the 23rd, the Kronstadt sailors" in src.text
    _check_sections(src)
    # the Offensive section (setext heading) ends at the end of the text, the Sailors at it
    assert src.sections[1].end == src.sections[2].start == src.text.index("The Offensive")


def test_html_main_text_title_date_and_sections() -> None:
    src = load(DATA / "page.html")
    assert src.format == "html"
    assert src.title == "The July Days & the Offensive"
    assert src.dct == "2017-06-22"
    assert "Putilov metalworks" in src.text
    assert "Provisional Government knew it" in src.text
    for banned in ("hidden", "injected", "font-family", "style text", "Archive", "All rights"):
        assert banned not in src.text
    assert [s.title for s in src.sections] == ["The Strike Wave", "The Sailors"]
    for s in src.sections:
        assert src.text[s.start : s.start + len(s.title)] == s.title
    _check_sections(src)


_WIKI = (
    "<html><head><title>Siege</title></head><body><div id='content'><h1>Siege of Leningrad</h1>"
    "<p>The siege of Leningrad was a prolonged military blockade of the city by the Axis."
    " It started on 8 September 1941, when the last road to the city was severed by the"
    " advancing German army and its Finnish allies in the north.</p><h2>Course</h2>"
    "<p>On 27 January 1944 the Red Army lifted the siege after nearly nine hundred days."
    " About 800,000 civilians died during the siege, most of them of hunger.</p>"
    "<h2>References</h2><ol><li>Glantz, David (2001). The Siege. Retrieved 12 March 2015.</li>"
    "</ol><h2>External links</h2><ul><li>Museum site, visited 2019</li></ul></div></body></html>"
)


def test_html_trailing_references_and_links_are_not_the_text() -> None:
    src = load_bytes(_WIKI.encode(), "siege.html")
    assert src.text.endswith("most of them of hunger.")
    assert "Retrieved" not in src.text and "Museum" not in src.text
    assert [s.title for s in src.sections if s.level == 2] == ["Course"]
    assert all(s.end <= len(src.text) for s in src.sections)
    _check_sections(src)
    # a "Notes" section with history after it is kept: only the closing apparatus goes
    page = _WIKI.replace("<h2>Course</h2>", "<h2>Notes</h2>").replace(
        "<h2>References</h2>",
        "<h2>Legacy</h2><p>The city was named a Hero City on 1 May 1945 by the Soviet state,"
        " the first to be so honoured.</p><h2>References</h2>",
    )
    text = load_bytes(page.encode(), "n.html").text
    assert "27 January 1944" in text and text.endswith("the first to be so honoured.")


def test_html_without_title_short_page_falls_back_to_body_walk() -> None:
    src = load_bytes(b"<html><body><h2>Notes</h2><p>Riots on 3 July.</p></body></html>", "n.html")
    assert "Riots on 3 July." in src.text
    assert src.title == "n"  # file stem when the page has no <title>


def test_deeply_nested_html_does_not_overflow() -> None:
    html = (
        "<html><body>"
        + "<div>" * 20000
        + "On 3 July riots began."
        + "</div>" * 20000
        + "</body></html>"
    )
    src = load_bytes(html.encode(), "deep.html")
    assert "On 3 July riots began." in src.text


def test_timeml_text_and_dct() -> None:
    src = load(DATA / "small.tml")
    assert src.format == "timeml" and src.dct == "1998-01-08" and src.title == "SMALL0001"
    # tags stripped, entities decoded, comment dropped, nothing else changed (offsets = gold's)
    assert src.text == "\nThe market fell on Wednesday & rose today. The end.\n"


def test_timeml_matches_the_gold_reader_on_the_corpus(tbaq_dir: Path) -> None:
    from annales.evaluate.timeml import read_timeml

    for p in sorted(tbaq_dir.glob("*/*.tml"))[:40]:
        src, gold = load(p), read_timeml(p)
        assert src.text == gold.text and src.dct == gold.dct, p


def test_gutenberg_header_and_licence_cut() -> None:
    src = load(DATA / "gutenberg-sample.txt")
    assert src.format == "gutenberg" and src.title == "A Sample Chronicle"
    assert src.text.startswith("A SAMPLE CHRONICLE")
    assert src.text.endswith("the following night.")
    assert "Gutenberg" not in src.text and "LICENSE" not in src.text
    assert [s.title for s in src.sections] == [
        "CHAPTER I — THE FIRST DAYS",
        "CHAPTER II. THE FLIGHT",
    ]
    for s in src.sections:
        assert src.text[s.start :].startswith(s.title.split(" — ")[0])
    assert src.sections[0].end == src.sections[1].start


def test_shared_books_load_with_sections(texts_dir: Path) -> None:
    for p in sorted(texts_dir.glob("*.txt")):
        src = load(p)
        _check_sections(src)
        assert "*** START OF" not in src.text and "*** END OF" not in src.text
        if p.name.startswith("october"):
            assert src.format == "text"
        else:
            assert src.format == "gutenberg", p.name
            assert src.title and "Gutenberg" not in src.title
    reed = load(texts_dir / "reed-ten-days.txt")
    assert reed.title == "Ten Days That Shook the World"
    assert [s.title for s in reed.sections[:2]] == [
        "Chapter I — Background",
        "Chapter II — The Coming Storm",
    ]
    ransome = load(texts_dir / "ransome-russia-in-1919.txt")  # old "small print" layout
    assert ransome.title == "Russia in 1919"
    assert "SMALL PRINT" not in ransome.text and "End of The Project Gutenberg" not in ransome.text


OPF_NS = "http://www.idpf.org/2007/opf"


def _epub(
    tmp_path: Path,
    chapters: list[tuple[str, str]],
    *,
    spine: bool = True,
    toc: str = "nav",
    toc_titles: list[str] | None = None,
    extra: dict[str, str] | None = None,
) -> Path:
    """An EPUB built by hand: chapters under OEBPS/text/, the table of contents as an EPUB 3
    nav document (``toc="nav"``) or an EPUB 2 NCX (``toc="ncx"``) one folder up from them."""
    files = {f"OEBPS/text/chap_{i}.xhtml": i for i in range(len(chapters))}
    labels = toc_titles or [title for title, _ in chapters]
    items = "".join(
        f'<item id="c{i}" href="text/chap_{i}.xhtml" media-type="application/xhtml+xml"/>'
        for i in files.values()
    )
    if toc == "nav":
        links = "".join(
            f'<li><a href="text/chap_{i}.xhtml#top">{title}</a></li>'
            for i, title in enumerate(labels)
        )
        toc_file = "OEBPS/nav.xhtml"
        toc_doc = (
            '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>'
            f'<nav epub:type="toc"><ol>{links}</ol></nav></body></html>'
        )
        items += (
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
        spine_attr = ""
    else:
        points = "".join(
            f'<navPoint id="p{i}" playOrder="{i + 1}"><navLabel><text>{title}</text></navLabel>'
            f'<content src="text/chap_{i}.xhtml"/></navPoint>'
            for i, title in enumerate(labels)
        )
        toc_file = "OEBPS/toc.ncx"
        toc_doc = (
            '<?xml version="1.0" encoding="utf-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
            f'version="2005-1"><head/><docTitle><text>T</text></docTitle><navMap>{points}</navMap></ncx>'
        )
        items += '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        spine_attr = ' toc="ncx"'
    # reading order deliberately differs from creation order
    refs = "".join(f'<itemref idref="c{i}"/>' for i in reversed(files.values())) if spine else ""
    if spine and toc == "nav":
        refs = '<itemref idref="nav"/>' + refs  # a contents page in the reading order: not text
    out = tmp_path / "book.epub"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        z.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        z.writestr(
            "OEBPS/content.opf",
            f'<?xml version="1.0"?><package xmlns="{OPF_NS}" version="3.0" unique-identifier="id">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<dc:identifier id="id">id-test</dc:identifier><dc:title>A Test History</dc:title>'
            f"<dc:language>en</dc:language></metadata><manifest>{items}</manifest>"
            f"<spine{spine_attr}>{refs}</spine></package>",
        )
        z.writestr(toc_file, toc_doc)
        for path, i in files.items():
            title, body = chapters[i]
            z.writestr(
                path,
                '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
                f"<head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>",
            )
        for path, content in (extra or {}).items():
            z.writestr(path, content)
    return out


@pytest.mark.parametrize("toc", ["nav", "ncx"])
def test_epub_chapters_in_spine_order(tmp_path: Path, toc: str) -> None:
    p = _epub(
        tmp_path,
        [
            ("The First Days", "<p>On 14 July 1789 the Bastille fell.</p>"),
            ("The Flight", "<p>On 20 June 1791 the king fled.</p><script>x='no'</script>"),
        ],
        toc=toc,
    )
    src = load(p)
    assert src.format == "epub" and src.title == "A Test History"
    assert src.text.index("The Flight") < src.text.index("The First Days")  # spine order
    top = [s for s in src.sections if s.level == 1]
    assert [s.title for s in top] == ["The Flight", "The First Days"]
    for s in top:
        assert src.text[s.start : s.start + len(s.title)] == s.title
    assert "x='no'" not in src.text
    _check_sections(src)


@pytest.mark.parametrize("toc", ["nav", "ncx"])
def test_epub_chapter_titles_come_from_the_table_of_contents(tmp_path: Path, toc: str) -> None:
    chapters = [("I", "<p>On 14 July 1789 the Bastille fell.</p>"), ("II", "<p>In 1791.</p>")]
    titles = ["I. The Fall of the Bastille", "II. The Flight to Varennes"]
    src = load(_epub(tmp_path, chapters, toc=toc, toc_titles=titles))
    assert [s.title for s in src.sections if s.level == 1] == titles[::-1]
    # the chapter heading that differs from its contents entry stays a subsection
    assert [s.title for s in src.sections if s.level == 2] == ["II", "I"]
    _check_sections(src)


ENCRYPTION = (
    '<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
    'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
    '<enc:EncryptionMethod Algorithm="{alg}"/><enc:CipherData>'
    '<enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData></encryption>'
)


def test_epub_with_drm_is_refused_in_one_line(tmp_path: Path) -> None:
    enc = ENCRYPTION.format(
        alg="http://www.w3.org/2001/04/xmlenc#aes128-cbc", uri="OEBPS/text/chap_0.xhtml"
    )
    p = _epub(tmp_path, [("A", "<p>x</p>")], extra={"META-INF/encryption.xml": enc})
    with pytest.raises(InputError, match=r"book\.epub: encrypted EPUB \(DRM: META-INF/encryption"):
        load(p)


def test_epub_with_obfuscated_fonts_only_is_read(tmp_path: Path) -> None:
    enc = ENCRYPTION.format(alg="http://www.idpf.org/2008/embedding", uri="OEBPS/fonts/a.otf")
    p = _epub(tmp_path, [("A", "<p>On 3 July 1917.</p>")], extra={"META-INF/encryption.xml": enc})
    assert "On 3 July 1917." in load(p).text


def test_gzip_accepted_and_inner_name_gives_format(tmp_path: Path) -> None:
    md = (DATA / "chapters.md").read_bytes()
    p = tmp_path / "notes.md.gz"
    p.write_bytes(gzip.compress(md))
    src = load(p)
    assert src.format == "markdown" and src.sections[0].title == "The Strike Wave"
    assert src.id == hashlib.sha256(p.read_bytes()).hexdigest()  # the file's bytes


def test_gzip_bomb_refused() -> None:
    data = gzip.compress(b"a" * 5_000_000)
    with pytest.raises(InputError, match="too large.*after decompression"):
        load_bytes(data, "bomb.txt.gz", max_bytes=1_000_000)


def test_detect_format_by_sniffing() -> None:
    assert detect_format(b"<!DOCTYPE html><html><body>x</body></html>", "page") == "html"
    assert (
        detect_format(b"<?xml version='1.0'?><TimeML><TEXT>x</TEXT></TimeML>", "doc.xml")
        == "timeml"
    )
    assert detect_format(b"PK\x03\x04rest", "book") == "epub"
    assert detect_format(b"Plain words.", "notes") == "text"


def test_load_text_ids_the_utf8_bytes() -> None:
    src = load_text("On 22 June the strike began.")
    assert src.id == hashlib.sha256(b"On 22 June the strike began.").hexdigest()


def test_long_line_under_the_limit_is_read(tmp_path: Path) -> None:
    p = tmp_path / "line.txt"
    p.write_text("On 22 June the strike began and " * 100_000)  # 3.2 MB, no newline
    assert len(load(p).text) == 3_200_000


def test_html_declared_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1251"><title>Петроград</title></head><body><p>В Петрограде 3 июля.</p></body></html>'
    src = load_bytes(page.encode("cp1251"), "ru.html")
    assert src.encoding == "cp1251" and src.title == "Петроград"
    assert "В Петрограде 3 июля." in src.text and src.warnings


def test_contents_entries_are_not_sections() -> None:
    from annales.ingest.text import plain_sections

    body = "On 14 July 1789 the people took the Bastille. " * 60
    text = (
        "CONTENTS\n\nCHAPTER I. The Fall\n\nCHAPTER II. The Flight\n\n\n"
        f"VOLUME I\n\nCHAPTER I\n\nThe Fall\n\n{body}\n\nCHAPTER II\n\nThe Flight\n\n{body}\n\n"
        f"VOLUME II\n\nCHAPTER I\n\nThe Terror\n\n{body}\n"
    )
    titles = [(s.title, s.level) for s in plain_sections(text)]
    assert titles == [
        ("VOLUME I", 1),
        ("CHAPTER I — The Fall", 3),
        ("CHAPTER II — The Flight", 3),
        ("VOLUME II", 1),
        ("CHAPTER I — The Terror", 3),
    ]


def test_carlyle_contents_dropped(texts_dir: Path) -> None:
    src = load(texts_dir / "carlyle-french-revolution.txt")
    chapters = [s for s in src.sections if s.title.lower().startswith("chapter 1.1.i.")]
    assert len(chapters) == 1 and chapters[0].end - chapters[0].start > 5000
