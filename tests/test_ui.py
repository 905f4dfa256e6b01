"""The web app in a real headless Chromium (Debian's chromium, driven by Playwright).

A real uvicorn server runs on a free 127.0.0.1 port; the tests load the timeline, filter it,
click an event, check the reader highlights its sentence, check no script from a hostile
document runs, and save screenshots under tests/output/ (one is copied to docs/img/)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_web_data import build_db

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip(
        "Debian chromium not installed (make browser installs it): UI tests skipped",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "tests" / "output"
#: vis-timeline draws a point item as two elements (label and dot): count the labels.
EVENT = ".vis-item.ann-event:not(.vis-dot)"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: Path) -> Iterator[str]:
    import uvicorn

    from annales.web.app import create_app

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(build_db(tmp_path_factory.mktemp("ui") / "annales.db"))


@pytest.fixture(scope="module")
def book_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A chapter of the bundled book (Reed, Ten Days) read by the real pipeline."""
    from annales.commands.demo import bundled_book
    from annales.pipeline import read_text
    from annales.store import connect, write_chronicle

    text = bundled_book().read_text(encoding="utf-8")
    start = text.find("CHAPTER IV")
    chron = read_text(text[start : start + 8000], title="Ten Days (chapter IV)", reference="1917")
    db = tmp_path_factory.mktemp("book") / "annales.db"
    conn = connect(db)
    write_chronicle(conn, chron)
    conn.close()
    yield from _serve(db)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    ctx.close()


def _shot(pg: object, name: str) -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    dest = OUTPUT / name
    pg.screenshot(path=str(dest), full_page=True)  # type: ignore[attr-defined]
    return dest


def test_timeline_filter_click_and_reader(page: object, base_url: str) -> None:
    pg = page
    pg.goto(base_url + "/")  # type: ignore[attr-defined]
    items = pg.locator(EVENT)  # type: ignore[attr-defined]
    items.first.wait_for(timeout=15_000)
    assert items.count() >= 5
    assert "in view" in pg.locator("#status").inner_text()  # type: ignore[attr-defined]
    shot = _shot(pg, "timeline.png")
    doc_img = ROOT / "docs" / "img" / "timeline.png"
    if not doc_img.exists():  # the committed docs image (a real book) is not overwritten
        doc_img.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, doc_img)

    # filter to one person: only Kerensky's event stays
    pg.fill("input[name=who]", "Kerensky")  # type: ignore[attr-defined]
    pg.click("button[type=submit]")  # type: ignore[attr-defined]
    pg.wait_for_function(  # type: ignore[attr-defined]
        f"document.querySelectorAll('{EVENT}').length === 1", timeout=15_000
    )
    assert "Kerensky" in pg.locator(EVENT).inner_text()  # type: ignore[attr-defined]
    assert "who=Kerensky" in pg.url  # type: ignore[attr-defined]
    _shot(pg, "timeline-filtered.png")

    # click the event on the timeline: the reader opens at its sentence, roles highlighted
    pg.locator(EVENT).first.click()  # type: ignore[attr-defined]
    pg.wait_for_url("**/documents/**event=ev1", timeout=15_000)  # type: ignore[attr-defined]
    focus = pg.locator(".source .focus")  # type: ignore[attr-defined]
    assert "Kerensky wired the Provisional Government" in "".join(focus.all_inner_texts())
    assert pg.locator(".source .hl-trigger").inner_text() == "wired"  # type: ignore[attr-defined]
    assert pg.locator(".source .hl-agent").first.inner_text() == "Kerensky"  # type: ignore[attr-defined]
    assert pg.locator(".source .hl-timex").first.inner_text() == "24 June"  # type: ignore[attr-defined]
    bg = pg.locator(".source .hl-trigger").evaluate(  # type: ignore[attr-defined]
        "e => getComputedStyle(e).backgroundColor"
    )
    agent_bg = pg.locator(".source .hl-agent").first.evaluate(  # type: ignore[attr-defined]
        "e => getComputedStyle(e).backgroundColor"
    )
    assert bg != agent_bg  # different colours for different roles
    _shot(pg, "reader.png")

    # next event in the text
    pg.click("#next-event")  # type: ignore[attr-defined]
    pg.wait_for_url("**event=ev2", timeout=15_000)  # type: ignore[attr-defined]
    assert pg.locator(".source .hl-trigger").inner_text() == "counterattacked"  # type: ignore[attr-defined]
    assert not pg.errors  # type: ignore[attr-defined]


def test_bc_dates_drawn_before_ad(page: object, base_url: str) -> None:
    pg = page
    pg.goto(base_url + "/?word=assassinate")  # type: ignore[attr-defined]
    pg.locator(EVENT).first.wait_for(timeout=15_000)  # type: ignore[attr-defined]
    year = pg.evaluate(  # type: ignore[attr-defined]
        "() => { const w = window.annalesTimeline.getWindow();"
        " return [w.start.getFullYear(), w.end.getFullYear()]; }"
    )
    assert year[0] <= -43 <= year[1]  # the window is around 44 BC (astronomical -43)
    axis = " ".join(pg.locator(".vis-time-axis").all_inner_texts())  # type: ignore[attr-defined]
    assert "44 BC" in axis, axis
    assert not pg.errors  # type: ignore[attr-defined]


def test_hostile_document_runs_no_script(page: object, base_url: str) -> None:
    pg = page
    import httpx

    docs = httpx.get(base_url + "/api/documents").json()
    doc = next(d["id"] for d in docs if "onerror" in (d["title"] or ""))
    pg.add_init_script("window.__xss = 0")  # type: ignore[attr-defined]
    pg.goto(base_url + f"/?document={doc}")  # type: ignore[attr-defined]
    pg.locator(EVENT).first.wait_for(timeout=15_000)  # type: ignore[attr-defined]
    pg.wait_for_timeout(300)  # type: ignore[attr-defined]
    assert pg.evaluate("window.__xss") == 0  # type: ignore[attr-defined]
    shown = pg.locator("text=<script>window.__xss").count()  # type: ignore[attr-defined]
    assert shown >= 1  # the markup is shown as text
    for url in (
        f"/documents/{doc}?event=ev1",
        f"/entities/{doc}/e1",
        f"/entities/{doc}/e2",
        "/entities",
        "/documents",
        "/search?q=council",
    ):
        pg.goto(base_url + url)  # type: ignore[attr-defined]
        pg.wait_for_timeout(100)  # type: ignore[attr-defined]
        assert pg.evaluate("window.__xss") == 0, url  # type: ignore[attr-defined]
        assert pg.locator("img[src=x]").count() == 0, url  # type: ignore[attr-defined]
    assert not pg.errors  # type: ignore[attr-defined]


def test_self_contained_html_export_opens_from_disk(browser: object, tmp_path: Path) -> None:
    from annales.export.html import write_html

    db = build_db(tmp_path / "a.db")
    out = write_html(db, tmp_path / "chronology.html")
    ctx = browser.new_context(viewport={"width": 1300, "height": 900}, offline=True)  # type: ignore[attr-defined]
    pg = ctx.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.add_init_script("window.__xss = 0")
    pg.goto(out.as_uri())
    pg.locator(".vis-item").first.wait_for(timeout=15_000)
    assert pg.evaluate("window.__xss") == 0
    assert all(u.startswith("file:") or u.startswith("data:") for u in requests)
    pg.fill("#filter", "Kerensky")
    # the event and the date of its sentence remain
    pg.wait_for_function("document.querySelectorAll('#list li').length === 2", timeout=10_000)
    pg.locator("#list li a", has_text="wired").click()
    assert pg.locator("#detail mark.hl-trigger").inner_text() == "wired"
    _shot(pg, "export.png")
    ctx.close()


def test_bundled_book_timeline_filter_and_reader(page: object, book_url: str) -> None:
    pg = page
    pg.goto(book_url + "/")  # type: ignore[attr-defined]
    pg.locator(f"{EVENT}, .vis-item.ann-cluster").first.wait_for(timeout=20_000)  # type: ignore[attr-defined]
    _shot(pg, "book-timeline.png")
    pg.fill("input[name=who]", "Kerensky")  # type: ignore[attr-defined]
    pg.click("button[type=submit]")  # type: ignore[attr-defined]
    pg.wait_for_url("**who=Kerensky**", timeout=10_000)  # type: ignore[attr-defined]
    first = pg.locator("#inview li a").first  # type: ignore[attr-defined]
    first.wait_for(timeout=20_000)
    first.click()
    pg.wait_for_url("**/documents/**event=**", timeout=15_000)  # type: ignore[attr-defined]
    trigger = pg.locator(".source .focus.hl-trigger, .source .hl-trigger").first  # type: ignore[attr-defined]
    focus = " ".join(pg.locator(".source .focus").all_inner_texts())  # type: ignore[attr-defined]
    assert trigger.inner_text() and trigger.inner_text() in focus
    assert "Kerensky" in focus  # the filtered person is in the highlighted sentence
    _shot(pg, "book-reader.png")
    assert not pg.errors  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def dense_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """20,000 dated events over two centuries: the browser must get clusters, not nodes."""
    from annales.chronicle import Event, Span
    from test_web_data import Builder

    b = Builder("Dense chronicle", "It happened. " * 4, "gregorian")
    for i in range(20_000):
        date = f"{1700 + i % 200:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        b.c.events.append(
            Event(f"ev{i}", Span(3, 11, "happened"), "happen", Span(0, 12, ""), date=date)
        )
    yield from _serve(build_db(tmp_path_factory.mktemp("dense") / "annales.db", b.c))


def test_twenty_thousand_events_stay_a_few_hundred_nodes(page: object, dense_url: str) -> None:
    pg = page
    pg.goto(dense_url + "/")  # type: ignore[attr-defined]
    pg.locator(".vis-item.ann-cluster").first.wait_for(timeout=20_000)  # type: ignore[attr-defined]
    nodes = pg.evaluate("document.querySelectorAll('.vis-item').length")  # type: ignore[attr-defined]
    assert 0 < nodes < 300
    pg.locator(".vis-item.ann-cluster").first.click()  # type: ignore[attr-defined]  # zoom in
    pg.evaluate(  # type: ignore[attr-defined]
        "window.annalesTimeline.setWindow(new Date(1750, 0, 1), new Date(1751, 0, 1))"
    )
    try:
        pg.locator(EVENT).first.wait_for(timeout=20_000)  # type: ignore[attr-defined]
    finally:
        _shot(pg, "dense.png")
    assert pg.evaluate("document.querySelectorAll('.vis-item').length") < 1000  # type: ignore[attr-defined]
    assert not pg.errors  # type: ignore[attr-defined]


def test_pages_run_under_the_content_security_policy(page: object, base_url: str) -> None:
    """The strict policy (no inline script, styles from /static only) breaks nothing: no
    page reports a CSP violation, and the timeline still draws its items."""
    import httpx

    seen: list[str] = []
    page.on("console", lambda m: seen.append(m.text))  # type: ignore[attr-defined]
    doc = httpx.get(f"{base_url}/api/documents").json()[0]["id"]
    for path in ["/", "/documents", f"/documents/{doc}?timex=t1", "/entities", "/search?q=June"]:
        page.goto(base_url + path)  # type: ignore[attr-defined]
        page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    page.goto(base_url + "/")  # type: ignore[attr-defined]
    page.wait_for_selector(".vis-item", timeout=15_000)  # type: ignore[attr-defined]
    violations = [m for m in seen if "Content Security Policy" in m]
    assert not violations and not page.errors, violations + page.errors  # type: ignore[attr-defined]
