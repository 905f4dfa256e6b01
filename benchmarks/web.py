"""Web speed: the timeline page and the filtered event API on a large database.

    .venv/bin/python benchmarks/web.py                  # synthetic db, 50,000 events
    .venv/bin/python benchmarks/web.py --books          # every book in ../shared/corpora/texts
    .venv/bin/python benchmarks/web.py --db annales.db  # an existing database

Starts a real uvicorn server on 127.0.0.1 and times each request over HTTP (p50/p95 in ms;
target: under 300 ms). Prints figures; never fails on time (speed is not a unit test).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "corpora" / "texts"
TARGET_MS = 300.0

FIRST = [
    "Ivan",
    "Pavel",
    "Alexander",
    "Maria",
    "Nikolai",
    "Sergei",
    "Anna",
    "Leon",
    "Viktor",
    "Olga",
    "Fyodor",
    "Georgy",
    "Irina",
    "Mikhail",
    "Vera",
    "Boris",
    "Yakov",
    "Lev",
]
LAST = [
    "Kerensky",
    "Kornilov",
    "Trotsky",
    "Lenin",
    "Martov",
    "Chernov",
    "Tsereteli",
    "Kamenev",
    "Zinoviev",
    "Shklovsky",
    "Kollontai",
    "Dan",
    "Brusilov",
    "Alekseev",
    "Denikin",
    "Sverdlov",
]
ORGS = [
    "the Provisional Government",
    "the Petrograd Soviet",
    "the Duma",
    "the Central Committee",
    "the Cadet party",
    "the Mensheviks",
    "the Bolsheviks",
    "the Army Committee",
    "the VTsIK",
]
PLACES = [
    "Petrograd",
    "Moscow",
    "Kiev",
    "Tarnopol",
    "Kronstadt",
    "Helsingfors",
    "Riga",
    "Minsk",
    "Odessa",
    "Kazan",
    "Tsaritsyn",
    "Samara",
    "Pskov",
    "Mogilev",
    "Kharkov",
    "Volochinsk",
]
VERBS = [
    ("wired", "wire"),
    ("attacked", "attack"),
    ("met", "meet"),
    ("struck", "strike"),
    ("resigned", "resign"),
    ("arrested", "arrest"),
    ("negotiated", "negotiate"),
    ("retreated", "retreat"),
    ("deserted", "desert"),
    ("protested", "protest"),
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def synthetic_db(path: Path, n_events: int, n_docs: int = 10, seed: int = 7) -> Path:
    """``n_events`` events over ``n_docs`` documents, each a dated sentence with an agent, a
    patient and a place, written with the real store writer."""
    from annales.chronicle import (
        Argument,
        Chronicle,
        Document,
        Entity,
        Event,
        Mention,
        Span,
        Timex,
    )
    from annales.store import connect, write_chronicle
    from annales.temporal import calendars

    rng = random.Random(seed)
    conn = connect(path)
    per_doc = n_events // n_docs
    for d in range(n_docs):
        calendar = "julian" if d % 2 == 0 else "gregorian"
        parts: list[str] = []
        pos = 0
        sentences, timexes, events = [], [], []
        ents: dict[str, Entity] = {}

        def ent(
            name: str, label: str, s: int, e: int, text: str, ents: dict[str, Entity] = ents
        ) -> str:
            if name not in ents:
                ents[name] = Entity(f"e{len(ents) + 1}", name, label)
            ents[name].mentions.append(Mention(s, e, text))
            return ents[name].id

        year0 = 1700 + d * 25
        for i in range(per_doc):
            y = year0 + rng.randrange(25)
            m, day = rng.randrange(1, 13), rng.randrange(1, 29)
            date_text = f"{day} {MONTHS[m - 1]} {y}"
            person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            org, place = rng.choice(ORGS), rng.choice(PLACES)
            verb, lemma = rng.choice(VERBS)
            sent = f"On {date_text} {person} {verb} {org} near {place}. "
            s0 = pos
            t_s = s0 + 3
            p_s = t_s + len(date_text) + 1
            v_s = p_s + len(person) + 1
            o_s = v_s + len(verb) + 1
            pl_s = o_s + len(org) + len(" near ")
            value = f"{y:04d}-{m:02d}-{day:02d}"
            tx = Timex(f"t{i + 1}", t_s, t_s + len(date_text), date_text, "DATE", value)
            calendars.finalise(tx, calendar)
            timexes.append(tx)
            a = Argument(
                p_s,
                p_s + len(person),
                person,
                ent(person, "PERSON", p_s, p_s + len(person), person),
            )
            o_name = org.removeprefix("the ")
            pt = Argument(
                o_s, o_s + len(org), org, ent(o_name, "ORG", o_s + 4, o_s + len(org), o_name)
            )
            pl = Argument(
                pl_s, pl_s + len(place), place, ent(place, "GPE", pl_s, pl_s + len(place), place)
            )
            events.append(
                Event(
                    f"ev{i + 1}",
                    Span(v_s, v_s + len(verb), verb),
                    lemma,
                    Span(s0, s0 + len(sent) - 1, sent[:-1]),
                    agents=[a],
                    patients=[pt],
                    places=[pl],
                    time=tx.id,
                    date=tx.value,
                    date_source="explicit",
                )
            )
            sentences.append((s0, s0 + len(sent) - 1))
            parts.append(sent)
            pos += len(sent)
        text = "".join(parts)
        doc_id = hashlib.sha256(f"synthetic-{seed}-{d}".encode()).hexdigest()
        chron = Chronicle(
            Document(id=doc_id, title=f"Synthetic chronicle {d + 1}", calendar=calendar),
            text=text,
            timexes=timexes,
            entities=list(ents.values()),
            events=events,
            sentences=sentences,
        )
        write_chronicle(conn, chron)
    conn.close()
    return path


def books_db(path: Path) -> Path:
    """Every book in ../shared/corpora/texts read by the real pipeline into one database."""
    from annales.pipeline import read
    from annales.store import connect, write_chronicle

    conn = connect(path)
    for book in sorted(TEXTS.glob("*.txt")):
        t = time.perf_counter()
        chron = read(book, calendar="auto")
        write_chronicle(conn, chron, path=str(book))
        print(
            f"  read {book.name}: {len(chron.events):,} events in {time.perf_counter() - t:.0f} s",
            file=sys.stderr,
        )
    conn.close()
    return path


def _serve(db: Path) -> tuple[str, object, threading.Thread]:
    import uvicorn

    from annales.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def _time(client: httpx.Client, url: str, repeat: int) -> tuple[float, float, int, int]:
    client.get(url)  # warm caches
    times = []
    size = status = 0
    for _ in range(repeat):
        t = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        size, status = len(r.content), r.status_code
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95, size, status


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--db", type=Path, help="benchmark an existing database")
    ap.add_argument(
        "--books", action="store_true", help="read every book in ../shared/corpora/texts"
    )
    ap.add_argument("--events", type=int, default=50_000, help="synthetic events (default 50,000)")
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="annales-web-bench-")) if not args.db else Path()
    if args.db:
        db, source = args.db, f"database {args.db}"
    elif args.books:
        t = time.perf_counter()
        db, source = books_db(tmp / "books.db"), f"every book in {TEXTS}"
        print(f"built in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    else:
        t = time.perf_counter()
        db = synthetic_db(tmp / "synthetic.db", args.events)
        source = f"synthetic database, {args.events:,} events"
        print(f"built {source} in {time.perf_counter() - t:.1f} s", file=sys.stderr)

    from annales.store import connect

    conn = connect(db, readonly=True)
    n_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    n_timexes = conn.execute("SELECT count(*) FROM timexes").fetchone()[0]
    person = conn.execute(
        "SELECT name FROM entities WHERE label = 'PERSON' GROUP BY name"
        " ORDER BY sum(n_mentions) DESC LIMIT 1"
    ).fetchone()
    place = conn.execute(
        "SELECT name FROM entities WHERE label = 'GPE' GROUP BY name"
        " ORDER BY sum(n_mentions) DESC LIMIT 1"
    ).fetchone()
    lemma = conn.execute(
        "SELECT lemma FROM events GROUP BY lemma ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    ev = conn.execute(
        "SELECT doc_id, id, gregorian FROM events WHERE sort_key IS NOT NULL"
        " ORDER BY sort_key LIMIT 1 OFFSET ?",
        (n_events // 2,),
    ).fetchone()
    conn.close()
    who = person[0] if person else "Kerensky"
    where = place[0] if place else "Petrograd"
    word = lemma[0] if lemma else "attack"
    year = int((ev[2] or "1917")[:4].lstrip("BC") or 1917) if ev else 1917

    base, server, thread = _serve(db)
    urls = {
        "timeline page (HTML)": "/",
        "timeline API, whole extent (clusters)": "/api/timeline?extent=1",
        f"timeline API, one year ({year})": f"/api/timeline?start={year:04d}-01-01&end={year + 1:04d}-01-01",
        f"timeline API, who={who}": f"/api/timeline?who={who}",
        f"events API, who={who}": f"/api/events?who={who}&limit=100",
        f"events API, where={where} + range": f"/api/events?where={where}&from={year:04d}&to={year + 5:04d}&limit=100",
        f"events API, word={word}": f"/api/events?word={word}&limit=100",
        "events API, unfiltered page 10": "/api/events?limit=100&offset=1000",
        "search API (FTS5)": f"/api/search?q={who.split()[-1]}",
        "reader page (event)": f"/documents/{ev[0]}?event={ev[1]}" if ev else "/documents",
    }
    print(f"\nannales web benchmark: {source}: {n_events:,} events, {n_timexes:,} timexes")
    print(f"{'request':<48} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>9}  target < {TARGET_MS:.0f} ms")
    worst = 0.0
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, url in urls.items():
            p50, p95, size, status = _time(client, url, args.repeat)
            worst = max(worst, p95)
            flag = "ok" if p95 < TARGET_MS and status == 200 else f"MISS (HTTP {status})"
            print(f"{name:<48} {p50:8.1f} {p95:8.1f} {size:9,}  {flag}")
    print(
        f"\nworst p95: {worst:.1f} ms ({'within' if worst < TARGET_MS else 'over'} the {TARGET_MS:.0f} ms target)"
    )
    server.should_exit = True  # type: ignore[attr-defined]
    thread.join(timeout=10)


if __name__ == "__main__":
    main()
