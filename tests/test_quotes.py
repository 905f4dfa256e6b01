"""Quotations: spans (curly, straight, nested, multi-paragraph, apostrophes) and speakers."""

from __future__ import annotations

from annales.pipeline import read_text
from annales.quotes import find_quotes


def _spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_quotes_and_apostrophes() -> None:
    text = "The party’s line was clear: ‘no support’. He said “we’ll see” and left. The men’s ‘soldiers’ republic’ grew."
    assert _spans(text) == ["‘no support’", "“we’ll see”", "‘soldiers’ republic’"]


def test_straight_quotes() -> None:
    text = 'He cried, "Down with the war!" and the crowd answered "Peace!" at once. It was o\'clock talk.'
    assert _spans(text) == ['"Down with the war!"', '"Peace!"']


def test_nested_quotes_stay_inside() -> None:
    text = "“He called it ‘a farce’,” she wrote."
    assert _spans(text) == ["“He called it ‘a farce’,”"]


def test_multi_paragraph_quotation() -> None:
    text = "He rose.\n\n“The soldiers are tired.\n\n“They will not fight,” he said.\n\nSilence."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "“The soldiers are tired.\n\n“They will not fight,”"


def test_unclosed_quote_is_not_a_quote() -> None:
    assert find_quotes("He said “this never ends.\n\nNext paragraph.") == []


def test_block_quotation_after_colon() -> None:
    text = (
        "Lenin wrote to the Central Committee:\n\n"
        "The crisis has matured and the whole future of the revolution is at stake today.\n\n"
        "Nobody answered."
    )
    ch = read_text(text)
    (q,) = ch.quotes
    assert text[q.start : q.end].startswith("The crisis has matured")
    lenin = next(e for e in ch.entities if e.name == "Lenin")
    assert q.speaker == lenin.id


def test_speakers() -> None:
    text = (
        "Leon Trotsky arrived at noon. “The mass desertions are ceasing,” Trotsky wrote, "
        "“to be individual acts.” Kerensky wired the Provisional Government that ‘the front "
        "is collapsing’. “It is a provocation,” said Kamenev. I asked, ‘Where to?’"
    )
    ch = read_text(text)
    names = {e.id: e.name for e in ch.entities}
    got = {text[q.start : q.end]: names.get(q.speaker) for q in ch.quotes}
    assert got["“The mass desertions are ceasing,”"] == "Leon Trotsky"
    assert got["“to be individual acts.”"] == "Leon Trotsky"
    assert got["‘the front is collapsing’"] == "Kerensky"
    assert got["“It is a provocation,”"] == "Kamenev"
    assert got["‘Where to?’"] is None  # the narrator


def test_pronoun_speaker_is_the_last_person() -> None:
    text = "Kerensky received the journalists. “The Russian people,” he said, “are tired.”"
    ch = read_text(text)
    kerensky = next(e for e in ch.entities if e.name == "Kerensky")
    assert [q.speaker for q in ch.quotes] == [kerensky.id, kerensky.id]


def test_relative_and_expletive_subjects() -> None:
    text = "Trotsky, who wrote ‘the army is dying’, left. It was reported that ‘all is lost’."
    ch = read_text(text)
    names = {e.id: e.name for e in ch.entities}
    got = {text[q.start : q.end]: (names.get(q.speaker), q.speaker_span) for q in ch.quotes}
    assert got["‘the army is dying’"][0] == "Trotsky"
    assert got["‘all is lost’"] == (None, None)
