"""The intake (`kg add`, `kg extract`) probed with hostile texts: a paragraph of a few thousand
numbers, a word of hundreds of thousands of letters. Each test is a probe the extraction
failed (minutes to hours for a text of a few hundred KB); none measures time: each counts
work, or gives an input the old code would not finish with in any normal run.
"""

from __future__ import annotations

from types import SimpleNamespace

from conftest import DATA
from kg.extraction import figures, number_words
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
    # (the pattern lives in number_words since the figures' patterns moved there)
    counted = _CountedPattern(number_words.NUMBER)
    monkeypatch.setattr(number_words, "NUMBER", counted)
    monkeypatch.setattr(figures, "NUMBER", counted, raising=False)
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


def test_a_sentence_is_read_in_pieces_of_bounded_length():
    """A run of 50,000 characters without a full stop ("1, 2, 3, ..."): each number read its
    whole sentence, so the text took the square of its length. A sentence longer than any
    release's is read in pieces, each cut after a comma or a space; real sentences are
    untouched."""
    from kg.extraction.text import MAX_SENTENCE_CHARS, split_sentences

    text = "1, 2, 3, " * 6000 + "end."
    pieces = split_sentences(text)
    assert max(b - a for a, b in pieces) <= MAX_SENTENCE_CHARS
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(text[a - 2 : a] == ", " for a, _ in pieces[1:])  # cut after a comma
    assert all(b == a2 for (_, b), (a2, _) in zip(pieces, pieces[1:], strict=False))
    real = "IOM assisted 300 victims in 2015. They were returned, said the agency."
    assert split_sentences(real) == [(0, 33), (34, len(real))]
    words = "word " * 1000  # no comma: cut after a space
    assert all(words[a - 1] == " " for a, _ in split_sentences(words)[1:])


def test_a_run_of_capitalized_words_is_split_in_bounded_runs(knowledge, tmp_path, monkeypatch):
    """ "Mexico and Mexico and ..." read as one name of thousands of words: splitting a run
    reads it in quadratic time. A run is at most MAX_NAME_TOKENS tokens."""
    from kg.extraction import candidates

    lengths = []
    split = candidates.CandidateRules._split

    def counted(self, passage, a, b, *args):
        lengths.append(b - a)
        return split(self, passage, a, b, *args)

    monkeypatch.setattr(candidates.CandidateRules, "_split", counted)
    source = tmp_path / "900_names.txt"
    source.write_text("Names\n\n" + " and ".join(["Mexico"] * 400) + ".\n", encoding="utf-8")
    extract(source, DATA, knowledge=knowledge, additions_path=tmp_path / "a.yaml")
    assert lengths and max(lengths) <= candidates.MAX_NAME_TOKENS


def test_a_passage_s_sentence_starts_are_read_once(knowledge, tmp_path, monkeypatch):
    """Each candidate name asked for its passage's sentence starts, each answer reading every
    token's end again: 20 KB of quoted words took 15 s. They are read once per passage."""
    from kg.extraction import spans

    calls = []
    starts_of = spans._starts_of
    monkeypatch.setattr(spans, "_starts_of", lambda p: calls.append(p.index) or starts_of(p))
    source = tmp_path / "900_quotes.txt"
    source.write_text("Quotes\n\n" + '"Hello ' * 500 + "\n", encoding="utf-8")
    extract(source, DATA, knowledge=knowledge, additions_path=tmp_path / "a.yaml")
    assert len(calls) == len(set(calls))


def test_mentions_inside_longer_ones_are_found_in_one_sweep():
    """`_top` compared every mention with every other (2,500 acronyms: 6 s). The sweep gives
    what the pairwise definition gives: a mention is dropped when another, longer and not
    coordinated, of its passage holds it."""
    import random

    from kg.extraction.items import ItemExtractor

    def pairwise(mentions):
        return [
            m
            for m in mentions
            if not any(
                o is not m
                and o.passage is m.passage
                and o.start <= m.start
                and m.end <= o.end
                and o.end - o.start > m.end - m.start
                and not o.coordinated
                for o in mentions
            )
        ]

    rng = random.Random(7)
    passages = [SimpleNamespace(index=i) for i in range(3)]
    for _ in range(2000):
        mentions = []
        for _ in range(rng.randint(0, 12)):
            a = rng.randint(0, 10)
            mentions.append(
                SimpleNamespace(
                    passage=rng.choice(passages),
                    start=a,
                    end=a + rng.randint(1, 5),
                    coordinated=rng.random() < 0.3,
                )
            )
        assert ItemExtractor._top(None, mentions) == pairwise(mentions)
