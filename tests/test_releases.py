"""The change set between two releases (kg.publish.releases): the exact quads removed and added,
as an RDF Patch that turns the earlier release into the later one."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.publish import releases

ROOT = Path(__file__).resolve().parents[1]
V1 = "https://kg.example.org/id/dataset/kg/version/v1"
V2 = "https://kg.example.org/id/dataset/kg/version/v2"


def quad(s: str, o: str, g: str = "https://kg.example.org/graph/document/001") -> str:
    return f'<https://kg.example.org/id/{s}> <http://schema.org/name> "{o}" <{g}> .'


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in sorted(lines)), encoding="utf-8")
    return path


def dataset(paths: list[Path]) -> set[ox.Quad]:
    return {q for p in paths for q in ox.parse(path=p, format=ox.RdfFormat.N_QUADS)}


def applied(old: set[ox.Quad], patch: bytes) -> set[ox.Quad]:
    """`old` with the patch's rows applied (as sets: an Oxigraph store would give some
    literals back in another datatype, xsd:integer for xsd:nonNegativeInteger)."""
    out = set(old)
    _, rows = releases.read_patch(patch)
    for op, q in rows:
        if op == releases.ADDED:
            assert q not in out
            out.add(q)
        else:
            out.remove(q)
    return out


def test_the_difference_of_two_sorted_streams():
    old = ["a", "b", "d", "f"]
    new = ["b", "c", "d", "e", "g"]
    assert list(releases.difference(old, new)) == [
        ("D", "a"),
        ("A", "c"),
        ("A", "e"),
        ("D", "f"),
        ("A", "g"),
    ]
    assert list(releases.difference([], ["x"])) == [("A", "x")]
    assert list(releases.difference(["x"], [])) == [("D", "x")]
    assert list(releases.difference(["x", "y"], ["x", "y"])) == []


def test_one_fact_corrected_gives_one_removal_and_one_addition(tmp_path):
    old = write(tmp_path / "old.nq", [quad("a", "Ana"), quad("b", "Bea"), quad("c", "Ciro")])
    new = write(tmp_path / "new.nq", [quad("a", "Ana"), quad("b", "Beatriz"), quad("c", "Ciro")])
    out = tmp_path / "changes" / "v2.rdfp"
    changes = releases.write_patch([old], [new], out, V2, V1)
    assert out.read_text() == (
        f"H id <{V2}> .\n"
        f"H prev <{V1}> .\n"
        "TX .\n"
        f"D {quad('b', 'Bea')}\n"
        f"A {quad('b', 'Beatriz')}\n"
        "TC .\n"
    )
    document = "https://kg.example.org/graph/document/001"
    assert changes.added == {document: 1} and changes.removed == {document: 1}
    assert changes.graphs() == [document] and not changes.empty
    assert not list(tmp_path.glob("changes/*.tmp"))


def test_the_patch_applied_to_the_published_graph_gives_the_edited_one(published_dist, tmp_path):
    """On the real kg.nq: a document's graph dropped, a fact added to another, one literal
    corrected; the patch turns the first dataset into the second, quad for quad."""
    lines = (published_dist / "kg.nq").read_text(encoding="utf-8").splitlines()
    assert len(lines) > 1000
    doc2 = "<https://kg.example.org/graph/document/002> ."
    edited = [line for line in lines if not line.endswith(doc2)]
    dropped = len(lines) - len(edited)
    assert dropped > 50
    edited.append(quad("new-thing", "Nueva", "https://kg.example.org/graph/document/003"))
    corrected = next(i for i, line in enumerate(edited) if '"' in line)
    edited[corrected] = edited[corrected].replace('"', '"x', 1)
    old = write(tmp_path / "old.nq", lines)
    new = write(tmp_path / "new.nq", edited)
    out = tmp_path / "v2.rdfp"
    changes = releases.write_patch([old], [new], out, V2, V1)
    assert changes.removed["https://kg.example.org/graph/document/002"] == dropped
    assert changes.added["https://kg.example.org/graph/document/003"] >= 1
    assert sum(changes.added.values()) == 2 and sum(changes.removed.values()) == dropped + 1
    assert applied(dataset([old]), out.read_bytes()) == dataset([new])
    read, rows = releases.read_patch(out.read_bytes())
    assert (read.version, read.previous) == (V2, V1)
    assert read.added == changes.added and read.removed == changes.removed
    assert len(rows) == dropped + 3


def test_parts_and_gzip_give_the_patch_of_the_whole(tmp_path):
    """A parted publish's N-Quads are several sorted files (some gzip): merged, they give the
    same patch as one file; a quad in two parts is one quad."""
    old_lines = [quad(f"t{i:03}", f"v{i}") for i in range(40)]
    new_lines = [q for i, q in enumerate(old_lines) if i % 7] + [quad("t999", "last")]
    whole = releases.write_patch(
        [write(tmp_path / "old.nq", old_lines)],
        [write(tmp_path / "new.nq", new_lines)],
        tmp_path / "whole.rdfp",
        V2,
        V1,
    )
    parts_old = [write(tmp_path / "o1.nq", old_lines[::2]), write(tmp_path / "o2.nq", old_lines)]
    zipped = tmp_path / "n2.nq.gz"
    zipped.write_bytes(gzip.compress("".join(q + "\n" for q in sorted(new_lines[1::2])).encode()))
    parts_new = [write(tmp_path / "n1.nq", new_lines[::2]), zipped]
    parted = releases.write_patch(parts_old, parts_new, tmp_path / "parted.rdfp", V2, V1)
    assert (tmp_path / "parted.rdfp").read_bytes() == (tmp_path / "whole.rdfp").read_bytes()
    assert parted.added == whole.added and parted.removed == whole.removed
    assert sum(whole.removed.values()) == 6 and sum(whole.added.values()) == 1


def test_no_previous_release_writes_no_prev_header(tmp_path):
    new = write(tmp_path / "new.nq", [quad("a", "Ana")])
    out = tmp_path / "first.rdfp"
    changes = releases.write_patch([], [new], out, V1, None)
    assert out.read_text().splitlines()[:2] == [f"H id <{V1}> .", "TX ."]
    assert changes.previous is None and sum(changes.added.values()) == 1


def test_unsorted_n_quads_are_refused_not_diffed(tmp_path):
    old = tmp_path / "old.nq"
    old.write_text(quad("b", "B") + "\n" + quad("a", "A") + "\n")
    new = write(tmp_path / "new.nq", [quad("a", "A")])
    with pytest.raises(KgError, match="not sorted"):
        releases.write_patch([old], [new], tmp_path / "x.rdfp", V2, V1)
    assert not (tmp_path / "x.rdfp").exists()


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("TX .\nA <http://a> <http://b> <http://c> .\nTC .\n", None, "no `H id` row"),
        (f'H id <{V2}> .\nTX .\nPA "x" <http://x/> .\n', 3, "not a row of a kg change set"),
        (f"H id <{V2}> .\nTX .\nA <http://a> <http://b> .\n", 3, "not a quad"),
        (
            f"H id <{V2}> .\nTX .\n"
            "A <http://a> <http://b> <http://c> . <http://d> <http://e> <http://f> .\n",
            3,
            "not a quad",
        ),
        (f"H id <{V2}> .\nTX .\nA\n", 3, "one quad"),
        (f"H id <{V2}> .\nH prev <a b> .\n", 2, "header row"),
        (f"H id <{V2}> .\nTA .\n", 2, "not a row"),
    ],
)
def test_a_patch_kg_did_not_write_is_refused_at_its_line(text, line, problem):
    with pytest.raises(KgError, match=problem) as caught:
        releases.read_patch(text.encode(), "changes/v2.rdfp")
    assert caught.value.line == line


@pytest.mark.parametrize(
    ("version", "name"),
    [
        ("a3919222d8dc", "a3919222d8dc.rdfp"),
        ("2026-12.1", "2026-12.1.rdfp"),
        ("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd.rdfp"),
        ("v 1/2", "v%201%2F2.rdfp"),
    ],
)
def test_a_version_names_one_file_in_the_changes_folder(version, name):
    assert releases.patch_name(version) == name
    assert "/" not in releases.patch_name(version)


@pytest.mark.parametrize("version", ["", ".", ".."])
def test_a_version_that_names_no_file_is_refused(version):
    with pytest.raises(KgError, match="cannot name a release"):
        releases.patch_name(version)


def test_a_republish_after_an_edit_reports_exactly_the_quads_that_changed(built, tmp_path):
    """Publish the seeds, edit one statistic of document 002, publish again into the same
    folder: changes/ holds the RDF Patch from the first release to the second, exactly the
    quads the two kg.nq differ by, void.ttl lists it and SHA256SUMS covers it; the same data
    published again keeps it, byte for byte."""
    import shutil

    from rdflib import Graph, Namespace, URIRef
    from rdflib.namespace import DCTERMS

    from kg.build.run import build
    from kg.publish import export
    from kg.vocab import Minter

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("devset"))
    document = data / "documents" / "002.yaml"
    text = document.read_text(encoding="utf-8")
    assert "    value: 185\n" in text
    document.write_text(text.replace("    value: 185\n", "    value: 186\n", 1), encoding="utf-8")
    edited = build(data, Minter())

    out = tmp_path / "dist"
    export.write(built, out, ROOT / "data")
    assert not (out / releases.CHANGES).exists()  # a first release has nothing to compare
    first = dataset([out / "kg.nq"])
    dataset_iri = URIRef("https://kg.example.org/id/dataset/kg")
    dcat = Namespace("http://www.w3.org/ns/dcat#")
    first_version = Graph().parse(out / "void.ttl").value(dataset_iri, dcat.version)

    export.write(edited, out, data)
    second = dataset([out / "kg.nq"])
    void = Graph().parse(out / "void.ttl")
    version = str(void.value(dataset_iri, dcat.version))
    patch = out / releases.CHANGES / releases.patch_name(version)
    changes, rows = releases.read_patch(patch.read_bytes())
    assert {q for op, q in rows if op == releases.REMOVED} == first - second
    assert {q for op, q in rows if op == releases.ADDED} == second - first
    assert any('"185"' in str(q) for q in first - second)
    assert any('"186"' in str(q) for q in second - first)
    assert changes.graphs() == ["https://kg.example.org/graph/document/002"]
    assert first_version is not None and str(first_version) != version
    assert changes.previous == releases.version_iri(str(dataset_iri), str(first_version))

    listed = URIRef(f"https://kg.example.org/dist/changes/{patch.name}")
    assert (dataset_iri, dcat.distribution, listed) in void
    assert str(void.value(listed, DCTERMS.conformsTo)) == releases.SPECIFICATION
    assert f"  changes/{patch.name}\n" in (out / "SHA256SUMS").read_text()

    files = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    export.write(edited, out, data)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == files
