"""The web server under hostile requests: schemathesis generates requests from the app's own
OpenAPI schema (valid and schema-violating: wrong types, huge numbers, odd Unicode, missing
parameters) against a database that the real `annales read` built from a small text, plus
Hypothesis-made query strings and paths for the pages outside the schema. Every answer must
be a non-5xx (a timeout of full-text search aside), carry the security headers, and hold no
traceback or internals.

The short profile runs in `make test`; `ANNALES_API_FUZZ_EXAMPLES=500` (set by `make fuzz`)
runs a long one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable

schemathesis = pytest.importorskip("schemathesis")
warnings.filterwarnings("ignore", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

from annales.web.app import create_app  # noqa: E402

EXAMPLES = int(os.environ.get("ANNALES_API_FUZZ_EXAMPLES", "15"))
TEXT = (
    "The Russian Revolution\n\n"
    "On 8 March 1917 women textile workers in Petrograd went on strike. The next day the "
    "strike spread across the city, and on 12 March soldiers of the Volinsky Regiment "
    "joined the crowds. Nicholas II abdicated on 15 March 1917.\n\n"
    "Lenin returned to Petrograd on 16 April 1917 and published the April Theses. In July "
    "the Provisional Government under Kerensky ordered an offensive in Galicia; it failed "
    "within two weeks. On 7 November 1917 the Bolsheviks seized the Winter Palace, and the "
    "Second Congress of Soviets approved the Decree on Peace the next day.\n"
)
#: what must never reach a client: Python tracebacks, source paths, SQL or exception names
LEAKS = re.compile(
    r"Traceback \(most recent call last\)|File \"[^\"]+\.py\"|site-packages|"
    r"sqlite3\.|OperationalError|SELECT |\bat 0x[0-9a-f]+"
)
HEADERS = {
    "content-security-policy": "script-src 'self'",
    "x-content-type-options": "nosniff",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database written by the real reader (spaCy, tagger, store) from a small text."""
    d = tmp_path_factory.mktemp("webfuzz")
    src = d / "revolution.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = d / "annales.db"
    out = subprocess.run(
        [sys.executable, "-m", "annales", "read", str(src), "--db", str(db), "--reference", "1917"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    return db


@pytest.fixture(scope="module")
def app(db: Path):  # type: ignore[no-untyped-def]
    return create_app(db)


@pytest.fixture(scope="module")
def api_schema(app):  # type: ignore[no-untyped-def]
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return schema


def check_response(status: int, headers: dict[str, str], body: str, where: str) -> None:
    assert status < 500, f"{where}: {status} {body[:300]}"
    for name, needle in HEADERS.items():
        assert needle in headers.get(name, ""), f"{where}: header {name} missing ({status})"
    leak = LEAKS.search(body)
    assert leak is None, f"{where}: {status} leaks {leak.group()!r}: {body[:300]}"


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_api_from_its_schema(api_schema, mode: str) -> None:  # type: ignore[no-untyped-def]
    """Each operation of /openapi.json, with requests that fit its schema (positive) and
    requests that break it (negative: wrong types, out-of-range numbers, missing values)."""
    ops = [r.ok() for r in api_schema.get_all_operations()]
    assert len(ops) >= 9, [op.label for op in ops]
    skipped: list[str] = []
    for op in ops:
        if mode == "negative" and not len(op.query):
            # only free-form path strings: no value breaks their schema (hostile path
            # segments are the next test's job)
            skipped.append(op.label)
            continue

        @given(case=op.as_strategy(generation_mode=schemathesis.GenerationMode(mode)))
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
        def run(case) -> None:  # type: ignore[no-untyped-def]
            r = case.call()
            check_response(
                r.status_code,
                {
                    k.lower(): v if isinstance(v, str) else ", ".join(v)
                    for k, v in r.headers.items()
                },
                r.text,
                f"{case.method} {case.formatted_path} {case.query}",
            )

        try:
            run()
        except Unsatisfiable:  # no way to break it (one unconstrained string parameter)
            assert mode == "negative", op.label
            skipped.append(op.label)
    assert len(skipped) < len(ops) // 2 + 1, skipped


PATHS = [
    "/",
    "/documents",
    "/documents/{id}",
    "/entities",
    "/entities/{id}/{id}",
    "/search",
    "/api/documents/{id}",
    "/api/documents/{id}/text",
    "/api/events/{id}/{id}",
    "/api/timeline",
    "/static/{id}",
    "/{id}",
]
PARAMS = [
    "q", "document", "event", "timex", "at", "name", "label", "from", "to", "cal", "start",
    "end", "limit", "offset", "who", "where", "word", "entity", "group", "max_items", "extent",
]  # fmt: skip
hostile = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=400, max_size=3000),
    st.sampled_from(
        [
            "-1", "0", "1e309", "NaN", "9" * 40, "../../etc/passwd", "%00", "\x00", "'; DROP",
            '"*', "NEAR(a b)", "a OR", "*", "1917-02-30", "-99999-01-01", "<script>x</script>",
        ]
    ),
)  # fmt: skip


@given(
    path=st.sampled_from(PATHS),
    ids=st.lists(hostile, min_size=2, max_size=2),
    params=st.dictionaries(st.sampled_from(PARAMS), hostile, max_size=5),
)
@settings(
    max_examples=EXAMPLES * 6,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_pages_and_api_with_hostile_query_strings(app, path, ids, params) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(app, raise_server_exceptions=False)
    url = path.replace("{id}", quote(ids[0], safe=""), 1).replace("{id}", quote(ids[1], safe=""))
    r = client.get(url, params=params)
    check_response(r.status_code, {k.lower(): v for k, v in r.headers.items()}, r.text, url)


def test_every_page_kind_has_the_headers_and_a_strict_policy(app) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(app, raise_server_exceptions=False)
    doc = client.get("/api/documents").json()[0]["id"]
    for url in ["/", f"/documents/{doc}", "/entities", "/search?q=strike", "/static/app.js",
                "/api/events", "/nope", "/api/nope", "/openapi.json"]:  # fmt: skip
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        scripts = [d for d in csp.split(";") if d.strip().startswith(("script-src", "default"))]
        assert scripts and all(d.split()[1:] == ["'self'"] for d in scripts), (url, csp)
        assert r.headers["x-content-type-options"] == "nosniff", url
    # the API explorer runs one inline script: allowed by its hash, no other
    docs = client.get("/docs")
    assert "'sha256-" in docs.headers["content-security-policy"]
    assert (
        "script-src 'self' https://cdn.jsdelivr.net 'sha256-"
        in docs.headers["content-security-policy"]
    )


def test_an_unexpected_error_is_a_one_line_500_without_traceback(db: Path) -> None:
    app = create_app(db)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret internals /home/x/annales.db")

    @app.get("/boom")
    def boom_page() -> None:
        raise KeyError("secret")

    client = TestClient(app, raise_server_exceptions=False)
    r = client.get("/api/boom")
    assert r.status_code == 500 and r.json() == {"error": "internal error", "status": 500}
    assert r.headers["x-content-type-options"] == "nosniff"
    page = client.get("/boom")
    assert page.status_code == 500 and page.text == "internal error\n"
    assert "secret" not in r.text + page.text


def test_full_text_search_is_stopped_at_its_time_limit(tmp_path: Path) -> None:
    from test_web_data import Builder, build_db

    big = Builder("Big", "The strike spread across Petrograd and Moscow. " * 20_000, "gregorian")
    db = build_db(tmp_path / "big.db", big.c)
    client = TestClient(create_app(db, search_timeout=0.0), raise_server_exceptions=False)
    r = client.get("/api/search", params={"q": "strike Petrograd"})
    assert r.status_code == 503
    assert r.json()["error"].startswith("search stopped after 0 s")
    assert "internal" not in r.text and "Traceback" not in r.text
    page = client.get("/search", params={"q": "strike"})
    assert page.status_code == 503 and "search stopped" in page.text
    # other routes are not limited by it, and the default limit lets the search through
    assert client.get("/api/documents").status_code == 200
    ok = TestClient(create_app(db)).get("/api/search", params={"q": "strike", "limit": 5})
    assert ok.json()["count"] == 5


def test_request_limits(app) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(app, raise_server_exceptions=False)
    assert client.get("/api/events", params={"limit": 1001}).status_code == 400
    assert client.get("/api/search", params={"q": "x" * 501}).status_code == 400
    assert client.get("/api/entities", params={"name": "x" * 201}).status_code == 400
    assert client.get("/api/timeline", params={"max_items": 100_000}).status_code == 400
