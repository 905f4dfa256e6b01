"""The SQLite store on real files: round trips, idempotence, chronological queries across
calendars, filters, full-text search, schema versions."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from pathlib import Path

import pytest

from annales.chronicle import (
    Argument,
    Chronicle,
    Document,
    Entity,
    Event,
    Mention,
    Quantity,
    Quote,
    Section,
    Span,
    Timex,
)
from annales.errors import InputError, StoreError
from annales.store import (
    SCHEMA_VERSION,
    connect,
    document,
    document_text,
    documents,
    entities,
    events,
    has_document,
    load_chronicle,
    search,
    timexes,
    write_chronicle,
)

PEOPLE = ["Kerensky", "Trotsky", "Lenin", "Kornilov", "Tsereteli"]
PLACES = ["Petrograd", "Kronstadt", "Volochinsk", "Helsingfors", "Moscow"]
VERBS = [("wired", "wire"), ("attacked", "attack"), ("resolved", "resolve"), ("marched", "march")]


def make_chronicle(
    seed: str, n: int = 20, *, calendar: str = "gregorian", year: int = 1917, month: int = 6
) -> Chronicle:
    """A consistent synthetic chronicle: one dated sentence per event, all spans exact."""
    parts: list[str] = []
    pos = 0
    tx, ents, evs, qs, quotes, sents = [], {}, [], [], [], []
    for i in range(n):
        day = 1 + i % 28
        who, where = PEOPLE[i % len(PEOPLE)], PLACES[(i * 3) % len(PLACES)]
        verb, lemma = VERBS[i % len(VERBS)]
        date_text = (
            f"{day} {['June', 'July'][(month - 6) % 2] if month in (6, 7) else 'June'} {year}"
        )
        s = f"On {date_text} {who} {verb} the soldiers near {where} with {1000 + i} men, saying “{seed} {i}”. "
        start = pos
        d0 = start + 3
        w0 = d0 + len(date_text) + 1
        v0 = w0 + len(who) + 1
        o0 = v0 + len(verb) + 1
        p0 = s.index("near ") + start
        q0 = s.index(f"{1000 + i} men") + start
        u0 = s.index("“") + start
        value = f"{year:04d}-{month:02d}-{day:02d}"
        tx.append(
            Timex(f"t{i + 1}", d0, d0 + len(date_text), date_text, "DATE", value, calendar=calendar)
        )
        e = ents.setdefault(who, Entity(f"e{len(ents) + 1}", who, "PERSON", []))
        e.mentions.append(Mention(w0, w0 + len(who), who))
        pl = ents.setdefault(where, Entity(f"e{len(ents) + 1}", where, "GPE", []))
        pl.mentions.append(Mention(p0 + 5, p0 + 5 + len(where), where))
        qs.append(
            Quantity(
                f"q{i + 1}", q0, q0 + len(f"{1000 + i} men"), f"{1000 + i} men", 1000 + i, "men"
            )
        )
        quotes.append(
            Quote(f"u{i + 1}", u0, u0 + len(f"“{seed} {i}”"), e.id, Span(w0, w0 + len(who), who))
        )
        end = start + len(s) - 1
        evs.append(
            Event(
                f"v{i + 1}",
                Span(v0, v0 + len(verb), verb),
                lemma,
                Span(start, end, ""),
                agents=[Argument(w0, w0 + len(who), who, e.id)],
                patients=[Argument(o0, o0 + len("the soldiers"), "the soldiers", None)],
                places=[Argument(p0, p0 + len(f"near {where}"), f"near {where}", pl.id)],
                quantities=[f"q{i + 1}"],
                time=f"t{i + 1}",
                date=value,
                date_source="explicit",
                negated=i % 7 == 3,
                hedged=i % 5 == 4,
            )
        )
        sents.append((start, end))
        parts.append(s)
        pos += len(s)
    text = "".join(parts)
    doc_id = hashlib.sha256(f"{seed}:{n}:{calendar}".encode()).hexdigest()
    doc = Document(
        id=doc_id,
        title=f"Doc {seed}",
        source=f"{seed}.txt",
        calendar=calendar,
        reference=str(year),
        sections=[Section("Chapter I", 0, len(text))],
    )
    return Chronicle(doc, text, tx, list(ents.values()), qs, quotes, evs, sents)


def check_spans(ch: Chronicle) -> None:
    t = ch.text
    for x in ch.timexes:
        assert t[x.start : x.end] == x.text
    for e in ch.entities:
        for m in e.mentions:
            assert t[m.start : m.end] == m.text
    for ev in ch.events:
        assert t[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        for a in ev.agents + ev.patients + ev.places:
            assert t[a.start : a.end] == a.text


@pytest.fixture
def db(tmp_path: Path) -> sqlite3.Connection:
    conn = connect(tmp_path / "a.db")
    yield conn
    conn.close()


def test_synthetic_chronicle_is_consistent() -> None:
    check_spans(make_chronicle("x", 30))


def test_round_trip_is_exact(db: sqlite3.Connection) -> None:
    ch = make_chronicle("a", 25, calendar="julian")
    assert write_chronicle(db, ch, path="a.txt", format="text", encoding="utf-8") is True
    back = load_chronicle(db, ch.document.id)
    assert back.to_dict(include_text=True) == ch.to_dict(include_text=True)
    check_spans(back)


def test_rereading_is_a_no_op(db: sqlite3.Connection) -> None:
    ch = make_chronicle("a", 10)
    assert write_chronicle(db, ch)
    before = db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert write_chronicle(db, ch) is False
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == before == 10
    assert has_document(db, ch.document.id)
    assert len(documents(db)) == 1


def test_wal_mode_and_version(tmp_path: Path) -> None:
    conn = connect(tmp_path / "w.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_events_sorted_on_the_gregorian_timeline_across_calendars(db: sqlite3.Connection) -> None:
    # 1 July 1917 Julian is 14 July Gregorian: it must sort after 10 July Gregorian.
    jul = make_chronicle("julian-doc", 1, calendar="julian", month=7)  # 1917-07-01 O.S.
    greg = make_chronicle("greg-doc", 10, calendar="gregorian", month=7)  # 1917-07-01..10 N.S.
    write_chronicle(db, jul)
    write_chronicle(db, greg)
    rows = events(db)
    assert [r["date"] for r in rows][-1] == "1917-07-01"
    assert rows[-1]["calendar"] == "julian" and rows[-1]["gregorian"] == "1917-07-14"
    keys = [r["sort_key"] for r in rows]
    assert keys == sorted(keys)


def test_event_filters(db: sqlite3.Connection) -> None:
    write_chronicle(db, make_chronicle("a", 28, calendar="julian"))
    rows = events(db, who="kerensky")
    assert rows and all(any(a["text"] == "Kerensky" for a in r["agents"]) for r in rows)
    rows = events(db, where="Kronstadt")
    assert rows and all("Kronstadt" in r["places"][0]["text"] for r in rows)
    # Julian 22 June = Gregorian 5 July: the same filter in either calendar
    a = events(db, date_from="1917-06-22 julian", date_to="1917-06-24 O.S.")
    b = events(db, date_from="1917-07-05", date_to="1917-07-07")
    assert (
        [r["date"] for r in a]
        == [r["date"] for r in b]
        == ["1917-06-22", "1917-06-23", "1917-06-24"]
    )
    assert [r["gregorian"] for r in a] == ["1917-07-05", "1917-07-06", "1917-07-07"]
    month = events(db, date_from="1917-07", date_to="1917-07")  # Gregorian July = Julian 18 June..
    assert month and min(r["date"] for r in month) == "1917-06-18"
    assert all(r["lemma"] == "wire" for r in events(db, word="wire"))
    assert len(events(db, limit=5)) == 5
    assert events(db, limit=5, offset=5)[0]["id"] != events(db, limit=5)[0]["id"]
    with pytest.raises(InputError, match="not a date"):
        events(db, date_from="next tuesday")


def test_event_rows_carry_arguments_and_sentence(db: sqlite3.Connection) -> None:
    ch = make_chronicle("a", 3)
    write_chronicle(db, ch)
    r = events(db)[0]
    assert r["agents"][0]["entity_name"] == "Kerensky"
    assert r["patients"][0]["entity"] is None
    assert r["sentence"]["text"] == ch.text[r["sentence"]["start"] : r["sentence"]["end"]]
    assert r["time_text"] == "1 June 1917" and r["quantities"] == ["q1"]
    assert r["document_title"] == "Doc a"


def test_entities_counts_and_labels(db: sqlite3.Connection) -> None:
    write_chronicle(db, make_chronicle("a", 10))
    write_chronicle(db, make_chronicle("b", 5))
    rows = entities(db)
    ker = next(r for r in rows if r["name"] == "Kerensky")
    assert ker["mentions"] == 2 + 1 and ker["documents"] == 2
    assert {r["label"] for r in entities(db, label="person")} == {"PERSON"}
    assert [r["name"] for r in entities(db, name="kron")] == ["Kronstadt"]
    mentions = [r["mentions"] for r in rows]
    assert mentions == sorted(mentions, reverse=True)


def test_full_text_search_and_hostile_queries(db: sqlite3.Connection) -> None:
    write_chronicle(db, make_chronicle("alpha", 10))
    hits = search(db, "Kronstadt soldiers")
    assert hits and all("Kronstadt" in h["text"] for h in hits)
    assert "[Kronstadt]" in hits[0]["snippet"]
    assert search(db, "Kron*")
    for q in ['"', "NEAR(", "a AND OR", "*", "'; DROP TABLE events; --", "", "^x", "col:val"]:
        search(db, q)  # never a syntax error
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 10


def test_document_helpers(db: sqlite3.Connection) -> None:
    ch = make_chronicle("a", 4)
    write_chronicle(db, ch, path="a.txt", format="text", encoding="utf-8")
    d = document(db, ch.document.id[:8])
    assert d is not None and d["title"] == "Doc a" and d["sections"][0]["title"] == "Chapter I"
    assert d["n_events"] == 4 and d["format"] == "text"
    assert document_text(db, ch.document.id, 3, 14) == ch.text[3:14]
    assert document(db, "zzzzzz") is None
    assert [t["id"] for t in timexes(db)] == ["t1", "t2", "t3", "t4"]
    with pytest.raises(StoreError, match="no document"):
        load_chronicle(db, "0" * 64)


def test_non_ascii_and_offsets_survive(db: sqlite3.Connection) -> None:
    ch = make_chronicle("Шкловский é 𝔘", 5)  # astral and Cyrillic characters before spans
    write_chronicle(db, ch)
    back = load_chronicle(db, ch.document.id)
    check_spans(back)
    r = events(db)[0]
    assert back.text[r["trigger"]["start"] : r["trigger"]["end"]] == r["trigger"]["text"]


# ---------------------------------------------------------------- versions and foreign files


def test_newer_schema_refused(tmp_path: Path) -> None:
    p = tmp_path / "new.db"
    connect(p).close()
    raw = sqlite3.connect(p)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match=r"schema version 2 is newer.*upgrade annales"):
        connect(p)


def test_older_schema_refused_without_migration(tmp_path: Path) -> None:
    p = tmp_path / "old.db"
    connect(p).close()
    raw = sqlite3.connect(p)
    raw.execute("PRAGMA user_version = 0")
    raw.commit()
    raw.close()
    before = p.read_bytes()
    with pytest.raises(StoreError, match=r"schema version 0 is older.*cannot be migrated"):
        connect(p)
    assert p.read_bytes() == before


def test_foreign_sqlite_and_non_database_files_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    raw = sqlite3.connect(other)
    raw.execute("CREATE TABLE documents (x)")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="not an annales database"):
        connect(other)
    junk = tmp_path / "junk.db"
    junk.write_text("this is not a database at all, just words " * 100)
    with pytest.raises(StoreError, match="not a valid SQLite database"):
        connect(junk)
    with pytest.raises(StoreError, match="is a directory"):
        connect(tmp_path)
    with pytest.raises(StoreError, match="no such database"):
        connect(tmp_path / "absent.db", readonly=True)


def test_readonly_connection_cannot_write(tmp_path: Path) -> None:
    p = tmp_path / "r.db"
    w = connect(p)
    write_chronicle(w, make_chronicle("a", 2))
    r = connect(p, readonly=True)
    assert len(events(r)) == 2
    with pytest.raises(StoreError, match="read-only"):
        write_chronicle(r, make_chronicle("b", 2))


def test_stored_json_is_the_annales_1_payload(db: sqlite3.Connection) -> None:
    ch = make_chronicle("a", 3)
    write_chronicle(db, ch)
    blob = db.execute("SELECT chronicle FROM documents").fetchone()[0]
    assert json.loads(zlib.decompress(blob)) == ch.to_dict()


def test_known_migration_is_applied_in_one_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annales.store import db as store_db

    p = tmp_path / "v1.db"
    conn = connect(p)
    write_chronicle(conn, make_chronicle("a", 3))
    conn.close()
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(
        store_db, "MIGRATIONS", {SCHEMA_VERSION: "ALTER TABLE documents ADD COLUMN note TEXT;"}
    )
    conn = connect(p)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert "note" in [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    assert len(events(conn)) == 3
    # a migration that fails leaves the file at its old version
    q = tmp_path / "v1b.db"
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION)
    connect(q).close()
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(
        store_db,
        "MIGRATIONS",
        {SCHEMA_VERSION: "ALTER TABLE documents ADD COLUMN n TEXT; SELECT * FROM nowhere;"},
    )
    with pytest.raises(StoreError, match="no such table"):
        connect(q)
    raw = sqlite3.connect(q)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "n" not in [r[1] for r in raw.execute("PRAGMA table_info(documents)")]
