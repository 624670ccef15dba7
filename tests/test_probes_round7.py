"""The intake (`kg add`, `kg extract`) probed with hostile texts: a paragraph of a few thousand
numbers, a word of hundreds of thousands of letters. Each test is a probe the extraction
failed (minutes to hours for a text of a few hundred KB); none measures time: each counts
work, or gives an input the old code would not finish with in any normal run.
"""

from __future__ import annotations

from types import SimpleNamespace

from conftest import DATA
from kg.extraction import figures
from kg.extraction import numbers as numbers_module
from kg.extraction.extract import extract
from kg.extraction.name_words import NAME_IS_TYPE, NAMES_ARE_TYPES
from kg.extraction.units import abbreviated_nouns


class _CountedPattern:
    """A compiled pattern whose `finditer` calls are counted."""

    def __init__(self, pattern) -> None:
        self.pattern, self.calls = pattern, 0

    def finditer(self, *args, **kwargs):
        self.calls += 1
        return self.pattern.finditer(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


def test_a_paragraph_s_numbers_are_read_once_not_once_per_number(knowledge, tmp_path, monkeypatch):
    """Each number of a paragraph looked for the number before it by reading every number
    of the paragraph again: a paragraph of 2,000 numbers ("12% 12% ...", 8 KB) took
    minutes. The numbers of a passage are read a bounded number of times, whatever their
    count."""
    counted = _CountedPattern(figures.NUMBER)
    monkeypatch.setattr(figures, "NUMBER", counted)
    monkeypatch.setattr(numbers_module, "NUMBER", counted, raising=False)
    source = tmp_path / "900_numbers.txt"
    source.write_text("Figures\n\n" + "12% " * 300 + "\n", encoding="utf-8")
    draft = extract(source, DATA, knowledge=knowledge, additions_path=tmp_path / "a.yaml")
    assert draft is not None
    # two passages (the title and the paragraph): a few readings each, not one per number
    assert counted.calls < 30


def test_an_abbreviation_s_phrase_is_looked_for_from_the_start_of_words_only():
    """ "victims of trafficking (VoTs)": the phrase before an abbreviation was tried from each
    letter of a run of letters or dashes, each try reading the run to its end: 20,000 dashes
    took 10 s, and the 300,000 here a half-hour. It begins where a word does now, which finds
    the same phrases."""
    text = "-" * 300_000 + ". Of the victims of trafficking (VoTs), " + "a" * 300_000 + "."
    source = SimpleNamespace(body=[SimpleNamespace(text=text)])
    assert abbreviated_nouns(source) == {"VoTs": ("victims", "victims of trafficking")}


def test_a_name_said_to_be_an_organization_begins_where_a_word_does():
    """ "Casa Alianza, a local NGO": the name was tried from each capital letter of a word,
    each try reading the word to its end; one word of 10,000 letters ("AaAa...") took 8 s,
    the 300,000 here hours. A name begins where a word does now."""
    word = "Aa" * 150_000
    assert NAME_IS_TYPE.search(f"{word}, said a local NGO") is None
    assert not list(NAMES_ARE_TYPES.finditer(f"{word} and {word}, said both NGOs"))
    assert NAME_IS_TYPE.search("Casa Alianza, a local NGO")["name"] == "Casa Alianza"
    found = NAMES_ARE_TYPES.search("Lumen Verde and Ponte Azul, both U.S. nonprofit organizations")
    assert (found["first"], found["second"]) == ("Lumen Verde", "Ponte Azul")
