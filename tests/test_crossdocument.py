"""The cross-document check run incrementally (`kg.build.crossdocument`) gives what a full check
gives, and looks again only at what changed."""

import os
from types import SimpleNamespace

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from kg.build import crossdocument
from kg.build.crossdocument import cross_document_violations
from kg.ntriples import pack

SCHEMA = Namespace("https://schema.org/")
ID = Namespace("https://kg.example.org/id/")


def _build_of(graphs: dict[str, Graph]):
    """A stand-in for `kg.build.run.Build` whose named graphs are `graphs` (name -> graph), in
    name order, packed anew on each read: a test may change, add or remove a graph."""
    return SimpleNamespace(
        named_graphs=lambda: (
            (URIRef(f"https://kg.example.org/graph/document/{name}"), pack(graphs[name]))
            for name in sorted(graphs)
        )
    )


def _corpus(n: int) -> dict[str, Graph]:
    """n documents, each describing its own article and the one article they all share,
    with the same headline: no conflict yet."""
    graphs = {}
    for i in range(n):
        g = Graph()
        own = ID[f"document/{i:02d}"]
        g.add((own, RDF.type, SCHEMA.NewsArticle))
        g.add((own, SCHEMA.headline, Literal(f"Headline {i}", lang="en")))
        g.add((ID["document/shared"], RDF.type, SCHEMA.NewsArticle))
        g.add((ID["document/shared"], SCHEMA.headline, Literal("Shared", lang="en")))
        graphs[f"{i:02d}"] = g
    return graphs


@pytest.fixture
def full_checks(monkeypatch):
    """Counts the full checks run."""
    runs = []
    full = crossdocument.Check.full

    def counted(self, graphs, state):
        runs.append(len(graphs))
        return full(self, graphs, state)

    monkeypatch.setattr(crossdocument.Check, "full", counted)
    return runs


def test_an_incremental_check_gives_what_a_full_check_gives(tmp_path, monkeypatch, full_checks):
    monkeypatch.setattr(crossdocument, "INCREMENTAL_SHARE", 0.2)
    graphs = _corpus(20)
    build = _build_of(graphs)
    state = tmp_path / "state"
    assert cross_document_violations(build, state) == []
    assert full_checks == [20]
    full_checks.clear()
    shared = ID["document/shared"]

    def same_as_full():
        incremental = cross_document_violations(build, state)
        assert full_checks == []  # looked again at the changed graphs' subjects only
        assert incremental == cross_document_violations(build)
        full_checks.clear()
        return incremental

    # A new document contradicts the shared headline: every graph's value is now in conflict.
    graphs["20"] = Graph()
    graphs["20"].add((shared, SCHEMA.headline, Literal("Other", lang="en")))
    found = same_as_full()
    assert [(f, v) for f, _, v, _, _, _ in found] == [
        (shared, Literal("Other", lang="en")),
        (shared, Literal("Shared", lang="en")),
    ]
    # A changed document gives a document's own article a second headline.
    graphs["05"].add((ID["document/07"], SCHEMA.headline, Literal("Seven", lang="en")))
    found = same_as_full()
    assert {(f, v) for f, _, v, _, _, _ in found} >= {
        (ID["document/07"], Literal("Seven", lang="en")),
        (ID["document/07"], Literal("Headline 7", lang="en")),
    }
    # The new document removed: the shared headline's conflict goes with it, 07's stays.
    del graphs["20"]
    found = same_as_full()
    assert {f for f, _, _, _, _, _ in found} == {ID["document/07"]}
    # A document that changed before changes back: no conflict left.
    graphs["05"].remove((ID["document/07"], SCHEMA.headline, Literal("Seven", lang="en")))
    assert same_as_full() == []
    # "A" and "A"^^xsd:string are one value, in the kept lines as in the fresh ones.
    from rdflib.namespace import XSD

    graphs["03"].add((ID["document/03"], SCHEMA.headline, Literal("Headline 3")))
    graphs["04"].add(
        (ID["document/03"], SCHEMA.headline, Literal("Headline 3", datatype=XSD.string))
    )
    graphs["03"].remove((ID["document/03"], SCHEMA.headline, Literal("Headline 3", lang="en")))
    assert same_as_full() == []


def test_a_full_check_runs_again_when_many_graphs_changed(tmp_path, full_checks):
    graphs = _corpus(20)
    build = _build_of(graphs)
    state = tmp_path / "state"
    cross_document_violations(build, state)
    graphs["01"].add((ID["document/shared"], SCHEMA.headline, Literal("Other", lang="en")))
    graphs["02"].add((ID["document/02"], SCHEMA.name, Literal("Two")))
    found = cross_document_violations(build, state)  # 2 of 20 graphs: over 5 %
    assert full_checks == [20, 20]
    assert len(found) == 2
    # That full check is kept in turn: nothing changed since, nothing is checked again.
    assert cross_document_violations(build, state) == found
    assert full_checks == [20, 20]


def test_a_kept_state_of_other_checks_is_not_used(tmp_path, monkeypatch, full_checks):
    graphs = _corpus(3)
    state = tmp_path / "state"
    cross_document_violations(_build_of(graphs), state)
    original = crossdocument.Check.__init__

    def other_shapes(self, checks):
        original(self, checks)
        self.fingerprint = "other shapes"

    monkeypatch.setattr(crossdocument.Check, "__init__", other_shapes)
    cross_document_violations(_build_of(graphs), state)
    assert full_checks == [3, 3]


def test_lines_starting_with_a_prefix_are_found_by_binary_search():
    text = b"".join(
        sorted(f"<{s}> <p> {n}\t{n}\n".encode() for s in ("a", "a/b", "ab", "b") for n in (1, 2))
    )
    assert crossdocument._starting(text, b"<a> ") == [b"<a> <p> 1\t1\n", b"<a> <p> 2\t2\n"]
    assert crossdocument._starting(text, b"<b> ") == [b"<b> <p> 1\t1\n", b"<b> <p> 2\t2\n"]
    assert crossdocument._starting(text, b"<c> ") == []
    assert crossdocument._starting(text, b"<") == text.splitlines(keepends=True)
    assert crossdocument._starting(b"", b"<a> ") == []


def test_the_kept_state_is_read_by_the_next_process(tmp_path):
    """A publish keeps the state for the next publish, another process: what identifies the
    checks must not depend on one parse of the shapes (blank-node property shapes)."""
    import subprocess
    import sys

    from kg.build.crossdocument import Check, single_valued_shapes
    from kg.build.validate import load_shapes

    checks = single_valued_shapes(load_shapes())
    assert len({check.key for check in checks}) == len(checks)
    script = (
        "from kg.build.crossdocument import Check, single_valued_shapes;"
        "from kg.build.validate import load_shapes;"
        "check = Check(single_valued_shapes(load_shapes()));"
        "print(check.fingerprint, sorted(check.by_key))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    check = Check(checks)
    assert runs == {f"{check.fingerprint} {sorted(check.by_key)}\n"}


def test_kept_conflicts_go_when_the_graphs_giving_them_change_or_go(tmp_path, monkeypatch):
    """The kept state already holds conflicts: a kept graph removed, and a kept graph changed
    so that a subject it described is in its old version only, take theirs away."""
    monkeypatch.setattr(crossdocument, "INCREMENTAL_SHARE", 0.2)
    graphs = _corpus(10)
    shared, only_old = ID["document/shared"], ID["document/only-old"]
    graphs["03"].add((shared, SCHEMA.headline, Literal("Other", lang="en")))
    for name, headline in (("04", "One"), ("05", "Two")):
        graphs[name].add((only_old, RDF.type, SCHEMA.NewsArticle))
        graphs[name].add((only_old, SCHEMA.headline, Literal(headline)))
    build, state = _build_of(graphs), tmp_path / "state"
    assert {f for f, *_ in cross_document_violations(build, state)} == {shared, only_old}
    del graphs["03"]  # a kept graph removed
    assert {f for f, *_ in cross_document_violations(build, state)} == {only_old}
    graphs["04"].remove((only_old, None, None))  # only_old now in 05's graph only
    assert cross_document_violations(build, state) == []
    assert cross_document_violations(build, state) == cross_document_violations(build)


def test_incremental_checks_of_random_changes_give_what_full_checks_give(tmp_path, monkeypatch):
    """Random additions, changes, removals and changes back, against a kept full check."""
    import random

    monkeypatch.setattr(crossdocument, "INCREMENTAL_SHARE", 1.0)
    rng = random.Random(7)
    nodes = [ID[f"document/n{i}"] for i in range(6)]

    def graph() -> Graph:
        g = Graph()
        for node in rng.sample(nodes, 3):
            if rng.random() < 0.7:
                g.add((node, RDF.type, SCHEMA.NewsArticle))
            g.add((node, SCHEMA.headline, Literal(rng.choice("ABC"))))
        return g

    graphs = {f"{i:02d}": graph() for i in range(12)}
    build, state = _build_of(graphs), tmp_path / "state"
    cross_document_violations(build, state)
    seen_conflicts = 0
    for step in range(40):
        name = rng.choice([*graphs, f"{12 + step:02d}"])
        if name in graphs and rng.random() < 0.3:
            del graphs[name]
        else:
            graphs[name] = graph()
        found = cross_document_violations(build, state)
        assert found == cross_document_violations(build), step
        seen_conflicts += bool(found)
    assert seen_conflicts > 10  # the comparisons were not all of empty results


def test_a_kept_file_cut_short_is_not_used(tmp_path, full_checks):
    graphs = _corpus(3)
    build, state = _build_of(graphs), tmp_path / "state"
    cross_document_violations(build, state)
    lines = state / "kept" / "lines"
    lines.write_bytes(lines.read_bytes()[:-5])
    assert cross_document_violations(build, state) == []
    assert full_checks == [3, 3]


def test_lines_starting_with_a_prefix_when_the_last_line_has_no_end():
    text = b"<a> <p> 1\t0\n<b> <p> 2\t0"
    assert crossdocument._starting(text, b"<c> ") == []
    assert crossdocument._starting(text, b"<b> ") == [b"<b> <p> 2\t0"]


def test_the_folder_of_a_killed_full_check_is_removed(tmp_path):
    """A full check writes the next kept state in `.kept.PID.…` beside it (`kg.atomic`): one
    whose process is gone is removed by the next check, one whose process runs (another
    publish) is left."""
    import subprocess
    import sys

    state = tmp_path / "state"
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    ).stdout.strip()
    killed = state / f".kept.{gone}.x1"
    old = state / f".kept.old.{gone}.x2"
    running = state / f".kept.{os.getpid()}.x3"
    for folder in (killed, old, running):
        folder.mkdir(parents=True)
        (folder / "lines").write_bytes(b"<a> <p> 1\t0\n")
    cross_document_violations(_build_of(_corpus(2)), state)
    assert not killed.exists() and not old.exists() and running.exists()
    assert (state / "kept" / "kept.pickle").is_file()
