"""Fixture documents for the web, export and UI tests, written with the real store writer.

The facts are written by hand (not produced by the pipeline) so these tests check the views,
not the reading: a Julian-calendar chronicle of 1917, a BC document, and a hostile document
whose text and entity names carry markup that must never run."""

from __future__ import annotations

import hashlib
from pathlib import Path

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

REVOLUTION = (
    "On 24 June Kerensky wired the Provisional Government from Tarnopol. "
    "The next day the German army counterattacked near Volochinsk. "
    "On 23 June the Finnish parliament passed an act of independence. "
    "In late June 1917 the sailors of Kronstadt mutinied. "
    "Lenin returned to Petrograd on 3 April 1917."
)
ANCIENT = (
    "Julius Caesar was assassinated in Rome on 15 March 44 BC. Augustus died at Nola in AD 14."
)
HOSTILE = (
    'The <script>window.__xss = 1</script> council "><img src=x onerror="window.__xss=2"> '
    "met on 5 May 1920 in <b>Paris</b>."
)


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    i = text.index(needle, after)
    return i, i + len(needle)


class Builder:
    """Adds spans by their text, so fixtures read like the sentences they describe."""

    def __init__(self, title: str, text: str, calendar: str) -> None:
        doc_id = hashlib.sha256(text.encode()).hexdigest()
        self.c = Chronicle(
            Document(id=doc_id, title=title, source=f"{title}.txt", calendar=calendar), text=text
        )
        self.entities: dict[str, Entity] = {}
        starts = [0] + [i + 2 for i in range(len(text)) if text.startswith(". ", i)]
        self.c.sentences = [(s, (text.find(". ", s) + 1) or len(text)) for s in starts]

    def timex(self, text: str, value: str, mod: str | None = None) -> str:
        s, e = _find(self.c.text, text)
        t = Timex(f"t{len(self.c.timexes) + 1}", s, e, text, "DATE", value, mod=mod)
        calendars.finalise(t, self.c.document.calendar)
        self.c.timexes.append(t)
        return t.id

    def entity(self, name: str, label: str, mention: str | None = None) -> str:
        if name not in self.entities:
            ent = Entity(f"e{len(self.entities) + 1}", name, label)
            self.entities[name] = ent
            self.c.entities.append(ent)
        ent = self.entities[name]
        s, e = _find(self.c.text, mention or name)
        ent.mentions.append(Mention(s, e, self.c.text[s:e]))
        return ent.id

    def arg(self, text: str, entity: str | None = None) -> Argument:
        s, e = _find(self.c.text, text)
        return Argument(s, e, text, entity)

    def event(
        self,
        trigger: str,
        lemma: str,
        date: str | None,
        time: str | None = None,
        agents: list[Argument] | None = None,
        patients: list[Argument] | None = None,
        places: list[Argument] | None = None,
        source: str = "explicit",
    ) -> str:
        s, e = _find(self.c.text, trigger)
        sent = next((a, b) for a, b in self.c.sentences if a <= s < b)
        ev = Event(
            f"ev{len(self.c.events) + 1}",
            Span(s, e, trigger),
            lemma,
            Span(sent[0], sent[1], self.c.text[sent[0] : sent[1]]),
            agents=agents or [],
            patients=patients or [],
            places=places or [],
            time=time,
            date=date,
            date_source=source,
        )  # type: ignore[arg-type]
        self.c.events.append(ev)
        return ev.id


def revolution() -> Chronicle:
    b = Builder("Revolution of 1917", REVOLUTION, "julian")
    t1 = b.timex("24 June", "1917-06-24")
    t2 = b.timex("The next day", "1917-06-25")
    t3 = b.timex("23 June", "1917-06-23")
    t4 = b.timex("late June 1917", "1917-06", mod="END")
    t5 = b.timex("3 April 1917", "1917-04-03")
    ker = b.entity("Kerensky", "PERSON")
    gov = b.entity("Provisional Government", "ORG")
    tar = b.entity("Tarnopol", "GPE")
    ger = b.entity("German army", "MIL_UNIT")
    vol = b.entity("Volochinsk", "GPE")
    fin = b.entity("Finnish parliament", "ORG")
    kro = b.entity("Kronstadt", "GPE")
    len_ = b.entity("Lenin", "PERSON")
    pet = b.entity("Petrograd", "GPE")
    b.event(
        "wired",
        "wire",
        "1917-06-24",
        t1,
        [b.arg("Kerensky", ker)],
        [b.arg("the Provisional Government", gov)],
        [b.arg("Tarnopol", tar)],
    )
    b.event(
        "counterattacked",
        "counterattack",
        "1917-06-25",
        t2,
        [b.arg("the German army", ger)],
        places=[b.arg("near Volochinsk", vol)],
    )
    b.event(
        "passed",
        "pass",
        "1917-06-23",
        t3,
        [b.arg("the Finnish parliament", fin)],
        [b.arg("an act of independence")],
    )
    b.event(
        "mutinied",
        "mutiny",
        "1917-06",
        t4,
        [b.arg("the sailors of Kronstadt")],
        places=[b.arg("Kronstadt", kro)],
    )
    b.event(
        "returned",
        "return",
        "1917-04-03",
        t5,
        [b.arg("Lenin", len_)],
        places=[b.arg("Petrograd", pet)],
    )
    return b.c


def ancient() -> Chronicle:
    b = Builder("Death of Caesar", ANCIENT, "gregorian")
    t1 = b.timex("15 March 44 BC", "BC0044-03-15")
    t2 = b.timex("AD 14", "0014")
    cae = b.entity("Julius Caesar", "PERSON")
    rom = b.entity("Rome", "GPE")
    aug = b.entity("Augustus", "PERSON")
    b.event(
        "assassinated",
        "assassinate",
        "BC0044-03-15",
        t1,
        patients=[b.arg("Julius Caesar", cae)],
        places=[b.arg("Rome", rom)],
    )
    b.event("died", "die", "0014", t2, [b.arg("Augustus", aug)], places=[b.arg("Nola")])
    return b.c


def hostile() -> Chronicle:
    b = Builder('<img src=x onerror="window.__xss=3">', HOSTILE, "gregorian")
    t1 = b.timex("5 May 1920", "1920-05-05")
    bad = b.entity("<script>window.__xss=4</script>", "PERSON", "<script>window.__xss = 1</script>")
    council = b.entity('council "><img src=x onerror="window.__xss=2">', "ORG")
    paris = b.entity("<b>Paris</b>", "GPE")
    b.event(
        "met",
        "meet",
        "1920-05-05",
        t1,
        [
            b.arg('council "><img src=x onerror="window.__xss=2">', council),
            b.arg("<script>window.__xss = 1</script>", bad),
        ],
        places=[b.arg("<b>Paris</b>", paris)],
    )
    return b.c


def build_db(path: Path, *docs: Chronicle) -> Path:
    """A database holding ``docs`` (all three fixtures by default)."""
    conn = connect(path)
    for c in docs or (revolution(), ancient(), hostile()):
        write_chronicle(conn, c)
    conn.close()
    return path
