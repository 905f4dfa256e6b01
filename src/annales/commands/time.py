"""The `time` verb: tag the temporal expressions of one document (JSON or inline TimeML)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from xml.sax.saxutils import escape, quoteattr

import typer

from annales.errors import InputError


class Mode(StrEnum):
    news = "news"
    narratives = "narratives"


class Calendar(StrEnum):
    gregorian = "gregorian"
    julian = "julian"
    auto = "auto"


class Format(StrEnum):
    json = "json"
    timeml = "timeml"


def to_timeml(text: str, timexes: list, dct: str | None = None) -> str:  # type: ignore[type-arg]
    """The text with inline ``<TIMEX3>`` tags (text escaped, attributes quoted)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>"]
    if dct:
        out.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} '
            f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>'
        )
    body: list[str] = []
    pos = 0
    for t in sorted(timexes, key=lambda t: t.start):
        if t.start < pos:
            continue
        body.append(escape(text[pos : t.start]))
        attrs = [
            f"tid={quoteattr(t.id)}",
            f"type={quoteattr(t.type)}",
            f"value={quoteattr(t.value)}",
        ]
        for name, val in (
            ("mod", t.mod),
            ("quant", t.quant),
            ("freq", t.freq),
            ("anchorTimeID", t.anchor),
        ):
            if val:
                attrs.append(f"{name}={quoteattr(val)}")
        body.append(f"<TIMEX3 {' '.join(attrs)}>{escape(text[t.start : t.end])}</TIMEX3>")
        pos = t.end
    body.append(escape(text[pos:]))
    out.append("<TEXT>" + "".join(body) + "</TEXT>")
    out.append("</TimeML>")
    return "\n".join(out) + "\n"


def _read(path: str):  # type: ignore[no-untyped-def]
    from annales.ingest import load, load_bytes

    if path == "-":
        data = sys.stdin.buffer.read()
        return load_bytes(data, "<stdin>")
    return load(path)


def register(app: typer.Typer) -> None:
    @app.command(name="time")
    def time_cmd(
        file: str = typer.Argument(
            ..., help="A text, Markdown, HTML, EPUB or TimeML file, or - for stdin."
        ),
        mode: Mode = typer.Option(
            Mode.narratives,
            "--mode",
            help="news: anchor to the DCT; narratives: to the story's running date.",
        ),
        dct: str = typer.Option(
            None, "--dct", help="Document creation time (news mode), e.g. 1998-08-07."
        ),
        reference: str = typer.Option(
            None,
            "--reference",
            help="Starting reference date for narratives, e.g. 1917 or 1917-06.",
        ),
        calendar: Calendar = typer.Option(
            Calendar.gregorian, "--calendar", help="Document calendar (auto decides from the text)."
        ),
        fmt: Format = typer.Option(
            Format.json, "--format", help="json (annales/1) or timeml (inline TIMEX3)."
        ),
    ) -> None:
        """Find and normalise the dates, times, durations and sets in a document (TIMEX3)."""
        from annales.chronicle import SCHEMA
        from annales.temporal.engine import tag

        src = _read(file)
        name = "<stdin>" if file == "-" else file
        try:
            timexes, facts = tag(
                src.text,
                mode=mode.value,
                dct=dct or src.dct,
                reference=reference,
                calendar=calendar.value,
                title=src.title,
            )
        except ValueError as exc:
            raise InputError(name, str(exc)) from None
        if fmt is Format.timeml:
            typer.echo(to_timeml(src.text, timexes, facts.get("dct")), nl=False)
            return
        document = {
            "id": src.id,
            "title": src.title,
            "source": src.path or name,
            "language": "en",
            "calendar": facts["calendar"],
            "calendar_reason": facts["calendar_reason"],
            "reference": facts["reference"],
            "reference_reason": facts["reference_reason"],
            "dct": facts["dct"],
            "mode": mode.value,
        }
        from dataclasses import asdict

        payload = {"schema": SCHEMA, "document": document, "timexes": [asdict(t) for t in timexes]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
