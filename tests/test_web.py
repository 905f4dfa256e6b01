"""The web app through its HTTP interface: API answers, 4xx for bad input, escaped text,
reader highlights, windowing and clustering. (Browser behaviour is in test_ui.py.)"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from test_web_data import Builder, build_db

warnings.filterwarnings("ignore", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

from annales.errors import StoreError  # noqa: E402
from annales.web.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("web") / "annales.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


@pytest.fixture(scope="module")
def ids(client: TestClient) -> dict[str, str]:
    return {d["title"]: d["id"] for d in client.get("/api/documents").json()}


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "nope.db")


def test_database_is_opened_read_only(client: TestClient, db: Path) -> None:
    import sqlite3

    before = db.stat().st_mtime_ns
    assert client.get("/api/events").status_code == 200
    from annales.store import connect

    conn = connect(db, readonly=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM events")
    assert db.stat().st_mtime_ns == before


def test_openapi_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in (
        "/api/documents",
        "/api/events",
        "/api/entities",
        "/api/timexes",
        "/api/search",
        "/api/timeline",
    ):
        assert p in paths


def test_events_filtered_by_person_and_julian_range(client: TestClient) -> None:
    evs = client.get("/api/events", params={"who": "Kerensky"}).json()["events"]
    assert [e["trigger"]["text"] for e in evs] == ["wired"]
    rng = client.get(
        "/api/events", params={"from": "1917-06-23", "to": "1917-06-24", "cal": "julian"}
    )
    assert [e["trigger"]["text"] for e in rng.json()["events"]] == ["passed", "wired"]
    # the same days typed in the Gregorian calendar
    rng = client.get("/api/events", params={"from": "1917-07-06", "to": "1917-07-07"})
    assert [e["trigger"]["text"] for e in rng.json()["events"]] == ["passed", "wired"]


def test_timeline_items_sorted_with_bc_and_dual_labels(client: TestClient) -> None:
    data = client.get(
        "/api/timeline",
        params={"timexes": "false", "start": "-0100-01-01", "end": "2000-01-01", "extent": "1"},
    ).json()
    assert data["mode"] == "items"
    firsts = [tuple(i["first"]) for i in data["items"]]
    assert firsts == sorted(firsts)
    assert (
        data["items"][0]["first"] == [-43, 3, 15]
        and data["items"][0]["display"] == "15 March 44 BC"
    )
    wired = next(i for i in data["items"] if i["headline"].startswith("Kerensky wired"))
    assert wired["first"] == [1917, 7, 7] and "(O.S.)" in wired["display"]
    mutiny = next(i for i in data["items"] if "mutinied" in i["headline"])
    assert mutiny["first"] != mutiny["last"]  # fuzzy date drawn as a range
    assert data["extent"][0] == [-43, 3, 15]


def test_timeline_clusters_when_window_is_dense(client: TestClient) -> None:
    data = client.get(
        "/api/timeline", params={"start": "1900-01-01", "end": "1930-01-01", "max_items": 10}
    ).json()
    assert data["mode"] == "clusters"
    assert sum(c["count"] for c in data["items"]) == data["count"] > 10
    assert all(c["cluster"] for c in data["items"])


def test_timeline_grouped_by_entity(client: TestClient) -> None:
    data = client.get(
        "/api/timeline", params={"group": "entity", "start": "-0100-01-01", "end": "2000-01-01"}
    ).json()
    groups = {g["id"] for g in data["groups"]}
    assert {"Kerensky", "Lenin", "Julius Caesar"} <= groups
    assert all(i["group"] in groups for i in data["items"])


@pytest.mark.parametrize(
    "url, needle",
    [
        ("/api/events?from=1917-13-45", "month 13"),
        ("/api/events?to=1917-02-30", "day 30"),
        ("/api/events?from=yesterday", "not a date"),
        ("/api/events?limit=1000000000", "limit"),
        ("/api/events?limit=-1", "limit"),
        ("/api/events?cal=mayan&from=1917", "cal"),
        ("/api/timeline?start=1917-01-01&end=1916-01-01", "after start"),
        ("/api/timeline?group=nonsense", "group"),
        ("/api/search", "q"),
        ("/api/entities?limit=99999999", "limit"),
    ],
)
def test_bad_parameters_get_400_with_a_message(client: TestClient, url: str, needle: str) -> None:
    r = client.get(url)
    assert r.status_code == 400, r.text
    assert needle in r.json()["error"]


def test_unknown_ids_get_404(client: TestClient, ids: dict[str, str]) -> None:
    doc = ids["Revolution of 1917"]
    for url in (
        "/api/documents/0123456789abcdef",
        f"/api/events/{doc}/ev999",
        f"/api/entities/{doc}/e999",
        f"/documents/{doc}?event=ev999",
        "/documents/ffffffffffff",
        "/entities/ffffffffffff/e1",
    ):
        r = client.get(url)
        assert r.status_code == 404, url
    assert client.get("/api/documents/not-a-hex-id!").status_code in (400, 404)
    assert "no event" in client.get(f"/documents/{doc}?event=ev999").text


def test_no_route_reads_files_outside_the_database(client: TestClient) -> None:
    for url in (
        "/static/../app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/documents/..%2f..%2fetc%2fpasswd",
    ):
        r = client.get(url)
        assert r.status_code in (400, 404), url
        assert "create_app" not in r.text and "[project]" not in r.text


def test_reader_highlights_event_roles(client: TestClient, ids: dict[str, str]) -> None:
    doc = ids["Revolution of 1917"]
    page = client.get(f"/documents/{doc}", params={"event": "ev1"}).text
    assert re.search(r'class="[^"]*hl-trigger[^"]*"[^>]*>wired<', page)
    assert re.search(r'class="[^"]*hl-agent[^"]*"[^>]*>Kerensky<', page)
    assert re.search(r'class="[^"]*hl-place[^"]*"[^>]*>Tarnopol<', page)
    assert re.search(r'class="[^"]*hl-timex[^"]*"[^>]*>24 June<', page)
    assert 'class="focus' in page
    assert 'id="next-event"' in page and 'id="later-event"' in page


def test_hostile_text_is_escaped_everywhere(client: TestClient, ids: dict[str, str]) -> None:
    doc = next(v for k, v in ids.items() if "onerror" in k)
    pages = [
        client.get(u).text
        for u in (
            "/",
            "/documents",
            f"/documents/{doc}?event=ev1",
            "/entities",
            f"/entities/{doc}/e1",
            f"/entities/{doc}/e2",
            "/search?q=council",
        )
    ]
    for page in pages:
        assert "<script>window.__xss" not in page
        assert "<img src=x" not in page and "<b>Paris</b>" not in page
    assert "&lt;script&gt;window.__xss" in pages[2]


def test_entity_page_lists_mentions_and_events_in_date_order(
    client: TestClient, ids: dict[str, str]
) -> None:
    doc = ids["Revolution of 1917"]
    data = client.get(f"/api/entities/{doc}/e1").json()
    assert data["name"] == "Kerensky" and data["events"][0]["trigger_text"] == "wired"
    assert (
        data["mentions"][0]["text"] == "Kerensky" and "7 July 1917" in data["mentions"][0]["date"]
    )
    page = client.get(f"/entities/{doc}/e1").text
    assert "Kerensky" in page and "wired" in page


def test_search_uses_full_text_index(client: TestClient) -> None:
    res = client.get("/api/search", params={"q": "counterattacked"}).json()["results"]
    assert len(res) == 1 and "German army" in res[0]["text"]
    assert client.get("/api/search", params={"q": 'NEAR("x" AND) *'}).status_code == 200


def test_document_prefix_and_text_slice(client: TestClient, ids: dict[str, str]) -> None:
    doc = ids["Revolution of 1917"]
    assert client.get(f"/api/documents/{doc[:10]}").json()["id"] == doc
    text = client.get(f"/api/documents/{doc}/text", params={"start": 3, "end": 10}).json()["text"]
    assert text == "24 June"


def test_fifty_thousand_events_are_paged_not_dumped(tmp_path: Path) -> None:
    """A dense database answers the zoomed-out view with a bounded number of clusters."""
    b = Builder("Dense", "x. " * 10, "gregorian")
    from annales.chronicle import Event, Span

    for i in range(5000):
        b.c.events.append(
            Event(
                f"ev{i}",
                Span(0, 1, "x"),
                "x",
                Span(0, 2, "x."),
                date=f"{1800 + i % 200:04d}-{1 + i % 12:02d}-01",
            )
        )
    db = build_db(tmp_path / "dense.db", b.c)
    client = TestClient(create_app(db))
    data = client.get("/api/timeline", params={"start": "1790-01-01", "end": "2010-01-01"}).json()
    assert data["mode"] == "clusters" and data["count"] == 5000
    assert len(data["items"]) <= 2 * 48 + 2
    opening = client.get("/api/timeline").json()  # the opening view: the central 96%
    assert opening["focus"][0] >= opening["extent"][0] and opening["mode"] == "clusters"


def test_serve_command_binds_localhost_and_reports_missing_db(db: Path, tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import time

    import httpx

    bad = subprocess.run(
        [sys.executable, "-m", "annales", "serve", "--db", str(tmp_path / "no.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        bad.returncode != 0 and "no such database" in bad.stderr and "Traceback" not in bad.stderr
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "annales", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/documents", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(
                        "annales serve did not start: "
                        + (proc.stderr.read() if proc.stderr else "")
                    )
                time.sleep(0.2)
        assert r.status_code == 200 and len(r.json()) == 3
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert f"http://127.0.0.1:{port}/" in (proc.stderr.read() if proc.stderr else "")


def test_clicking_a_date_opens_the_reader_at_it(client: TestClient, ids: dict[str, str]) -> None:
    doc = ids["Revolution of 1917"]
    page = client.get(f"/documents/{doc}", params={"timex": "t4"}).text
    assert re.search(r'class="[^"]*hl-timex[^"]*"[^>]*>late June 1917<', page)
    assert "late June 1917 (O.S.)" in page  # both calendars in the side panel
    assert 'class="focus' in page


@pytest.mark.parametrize(
    "path", ["/api/entities", "/api/timexes", "/api/search?q=x&", "/api/events"]
)
def test_huge_offsets_are_refused_not_crashed(client: TestClient, path: str) -> None:
    sep = "&" if "?" in path and not path.endswith("&") else ("" if path.endswith("&") else "?")
    r = client.get(f"{path}{sep}offset={10**20}")
    assert r.status_code == 400 and "offset" in r.json()["error"]


def test_who_matches_entities_or_else_plain_argument_text(client: TestClient) -> None:
    linked = client.get("/api/events", params={"who": "kerensky"}).json()["events"]
    assert [e["trigger"]["text"] for e in linked] == ["wired"]  # case-insensitive, via entity
    plain = client.get("/api/events", params={"who": "sailors"}).json()["events"]
    assert [e["trigger"]["text"] for e in plain] == ["mutinied"]  # no entity: argument text
    where = client.get("/api/timeline", params={"where": "Volochinsk"}).json()["items"]
    assert [i["headline"] for i in where] == ["the German army counterattacked"]
