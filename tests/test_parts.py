"""The dumps in parts (`kg publish --part-size N`): how documents are cut into parts, that the
parts hold the whole graph, that the readers (query, load, push, serve) see in them what they
see in the whole dumps, and that an incremental publish hard-links the parts it need not
write."""

from __future__ import annotations

import hashlib
import json
import random
import re
import stat
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml
from rdflib import Graph, URIRef

from kg.build.run import build
from kg.cli import main
from kg.publish import export
from kg.store.query import PublishedGraph, dump_paths, named_queries
from kg.synth import synthesize
from kg.vocab import DCAT, VOID, Minter

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
BASE = "https://kg.example.org/"
DATASET = URIRef(f"{BASE}id/dataset/kg")


# -- the partition ---------------------------------------------------------------------------


def is_cut(doc_id: str, part_size: int) -> bool:
    return int.from_bytes(hashlib.sha256(doc_id.encode()).digest()[:8], "big") % part_size == 0


def test_partition_cuts_where_the_ids_say_and_bounds_parts():
    ids = sorted(f"{i:05d}" for i in range(3000))
    parts = export.partition(ids, 20)
    assert parts == export.partition(iter(ids), 20)  # a function of the ids alone
    assert [d for part in parts for d in part] == ids
    assert 3000 / 20 / 2 < len(parts) < 3000 / 20 * 2
    forced = 0
    for before, part in zip(parts, parts[1:], strict=False):
        assert 1 <= len(before) <= 80
        if len(before) == 80 and not is_cut(part[0], 20):
            forced += 1
        else:
            assert is_cut(part[0], 20)
        assert not any(is_cut(d, 20) for d in part[1:])
    assert forced  # these ids have runs of over 80 documents without a natural cut
    assert export.partition(ids, 1) == [[d] for d in ids]
    assert export.partition([], 5) == []


def test_inserting_a_document_changes_its_own_part_only():
    """Without forced cuts, an insertion changes the part that takes it (or splits it in two,
    when the new id is a cut): every other part is the same list of documents."""
    rng = random.Random(7)
    ids = sorted({f"{rng.randrange(10**6):06d}" for _ in range(400)})
    part_size = 8  # parts of 32 documents at most: none reached here
    before = export.partition(ids, part_size)
    assert max(map(len, before)) < 4 * part_size
    checked = splits = 0
    for new in sorted({f"{rng.randrange(10**6):06d}" for _ in range(300)} - set(ids)):
        after = export.partition(sorted([*ids, new]), part_size)
        if max(map(len, after)) >= 4 * part_size:
            continue
        gone = [p for p in before if p not in after]
        came = [p for p in after if p not in before]
        assert len(gone) <= 1 and 1 <= len(came) <= 2
        assert sorted(d for p in came for d in p) == sorted([new, *(d for p in gone for d in p)])
        splits += len(came) == 2
        checked += 1
    assert checked > 250 and splits > 10


def test_after_a_forced_cut_the_parts_agree_again_at_the_next_natural_cut():
    ids = [f"{i:05d}" for i in range(4000)]
    part_size = 50  # runs of more than 200 documents without a natural cut: forced cuts
    before = export.partition(ids, part_size)
    # forced cuts with a part before and after them
    forced = [i for i, p in enumerate(before) if len(p) == 200 and 0 < i < len(before) - 1]
    assert forced
    for i in forced:
        # New ids in the part before a forced cut, in the forced part, and in the next one.
        for new in (before[i - 1][0] + "a", before[i][100] + "a", before[i + 1][0] + "a"):
            after = export.partition(sorted([*ids, new]), part_size)
            following = next(d for d in ids if d > new and is_cut(d, part_size))
            preceding = max((d for d in ids if d < new and is_cut(d, part_size)), default=ids[0])
            assert [p for p in before if p[0] >= following] == [
                p for p in after if p[0] >= following
            ]
            assert [p for p in before if p[-1] < preceding] == [
                p for p in after if p[-1] < preceding
            ]
            assert max(map(len, after)) <= 200


# -- a parted publish of the seed corpus -----------------------------------------------------


@pytest.fixture(scope="module")
def parted_dist(built, published_dist, tmp_path_factory) -> Path:
    """The seed corpus published in parts: reference data, [000], [001 to 004]."""
    out = tmp_path_factory.mktemp("parted") / "dist"
    whole = built.stats  # the figures of the whole publish, which other tests read
    try:
        export.write(built, out, DATA, part_size=5)
    finally:
        built.stats = whole
    return out


def lines(paths: list[Path]) -> list[bytes]:
    return [line for path in paths for line in path.read_bytes().splitlines(keepends=True)]


def triples(path: Path, fmt) -> set:
    return {q.triple if isinstance(q, ox.Quad) else q for q in ox.parse(path=str(path), format=fmt)}


def test_the_parts_hold_the_whole_graph(parted_dist, published_dist):
    assert sorted(p.name for p in (parted_dist / "parts").iterdir()) == [
        "documents-000",
        "documents-001",
        "reference",
    ]
    assert not [p for p in parted_dist.iterdir() if p.name in export.DUMPS]
    nq = dump_paths(parted_dist, "kg.nq")
    assert nq[0] == parted_dist / "parts/reference/kg.nq"
    # Each quad in one part; the parts' triples and inferences, those of the whole graph.
    quads = lines(nq)
    assert sorted(quads) == sorted(lines([published_dist / "kg.nq"]))
    assert set(lines(dump_paths(parted_dist, "kg.nt"))) == set(lines([published_dist / "kg.nt"]))
    turtle = ox.RdfFormat.TURTLE
    inferred = set().union(
        *(triples(p, turtle) for p in dump_paths(parted_dist, "kg-inferred.ttl"))
    )
    assert inferred == triples(published_dist / "kg-inferred.ttl", turtle)
    for folder in (parted_dist / "parts").iterdir():
        # Each file of a part means what the file of that name means in a whole publish.
        nt = triples(folder / "kg.nt", ox.RdfFormat.N_TRIPLES)
        assert (
            nt
            == triples(folder / "kg.ttl", turtle)
            == triples(folder / "kg.jsonld", ox.RdfFormat.JSON_LD)
        )
        assert set(ox.parse(path=str(folder / "kg.trig"), format=ox.RdfFormat.TRIG)) == set(
            ox.parse(path=str(folder / "kg.nq"), format=ox.RdfFormat.N_QUADS)
        )
        assert folder.joinpath("kg.nt").read_bytes() == b"".join(
            sorted(set(folder.joinpath("kg.nt").read_bytes().splitlines(keepends=True)))
        )
        for name in export.DUMPS:
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o444


def test_the_void_of_parts_describes_each_part_file(parted_dist, published_dist):
    void = Graph().parse(parted_dist / "void.ttl")
    whole = Graph().parse(published_dist / "void.ttl")
    sums = {}
    for line in (parted_dist / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
    assert len([name for name in sums if name.startswith("parts/")]) == 3 * 6
    files = {p.relative_to(parted_dist).as_posix() for p in parted_dist.rglob("*") if p.is_file()}
    assert set(sums) == files - {"SHA256SUMS"}
    dumps = set(void.objects(DATASET, VOID.dataDump))
    assert {URIRef(f"{BASE}dist/{name}") for name in sums if name.startswith("parts/")} == dumps
    for dump in dumps:
        path = parted_dist / dump.removeprefix(f"{BASE}dist/")
        assert (dump, DCAT.byteSize, None) in void
        assert int(void.value(dump, DCAT.byteSize)) == path.stat().st_size
        spdx = "http://spdx.org/rdf/terms#"
        checksum = void.value(dump, URIRef(spdx + "checksum"))
        assert (
            str(void.value(checksum, URIRef(spdx + "checksumValue")))
            == sums[str(path.relative_to(parted_dist))]
        )
        if path.name in ("kg.nq", "kg.trig"):
            quads = void.value(dump, URIRef("https://kg.example.org/def/kg#quads"))
            assert int(quads) == len(lines([path.parent / "kg.nq"]))
            assert int(void.value(dump, VOID.triples)) == len(lines([path.parent / "kg.nt"]))
    # Whole-graph counts only where exact; each part a subset with its own.
    for figure in (VOID.triples, VOID.distinctSubjects, VOID.distinctObjects, VOID.entities):
        assert void.value(DATASET, figure) is None
    assert not list(void.objects(DATASET, VOID.classPartition))
    for figure in (VOID.properties, VOID.classes):
        assert void.value(DATASET, figure) == whole.value(DATASET, figure)
    for folder in (parted_dist / "parts").iterdir():
        subset = URIRef(f"{BASE}dist/parts/{folder.name}")
        assert (DATASET, VOID.subset, subset) in void
        assert int(void.value(subset, VOID.triples)) == len(lines([folder / "kg.nt"]))
        assert len(list(void.objects(subset, VOID.dataDump))) == 6
    # The documents' subsets and sources, as in a whole publish.
    for doc in range(5):
        graph = URIRef(f"{BASE}graph/document/00{doc}")
        assert void.value(graph, VOID.triples) == whole.value(graph, VOID.triples)
    source = URIRef("http://purl.org/dc/terms/source")
    assert set(void.objects(DATASET, source)) == set(whole.objects(DATASET, source))


def test_query_and_load_answer_on_parts_as_on_the_whole(
    parted_dist, published_dist, published_graph, tmp_path, capsys, monkeypatch
):
    import kg.store.embedded
    from kg.store.embedded import StoreGraph, load
    from kg.store.push import graphs_of

    parted = PublishedGraph(parted_dist)
    assert set(parted.store) == set(published_graph.store)
    for name in ("places-within-states", "victims-assisted-over-time", "statistics-by-source"):
        assert name in named_queries()
        assert parted.run(name).rows == published_graph.run(name).rows
        assert main(["query", name, "--dist", str(parted_dist), "--format", "csv"]) == 0
        from_parts = capsys.readouterr().out
        assert main(["query", name, "--dist", str(published_dist), "--format", "csv"]) == 0
        assert from_parts == capsys.readouterr().out

    def refuse(store):
        raise AssertionError("the sizes of the graphs were counted, not taken from VoID")

    with monkeypatch.context() as patch:
        patch.setattr(kg.store.embedded, "_count", refuse)
        load(parted_dist, tmp_path / "parted")
    load(published_dist, tmp_path / "whole")
    store, whole = StoreGraph(tmp_path / "parted"), StoreGraph(tmp_path / "whole")
    assert set(store.store) == set(whole.store) == set(published_graph.store)
    assert store.sizes() == whole.sizes()
    for name in ("places-within-states", "victims-assisted-over-time", "statistics-by-source"):
        assert store.run(name).rows == whole.run(name).rows

    def pushed(dist):
        return {name: sorted(lines) for name, lines in graphs_of(dist).items()}

    assert pushed(parted_dist) == pushed(published_dist)


def test_the_site_offers_the_parts_for_download(parted_dist):
    import asyncio

    import httpx

    from kg.server.app import Server
    from kg.server.site import Site

    site = Site(parted_dist)
    assert site.dataset()["title"].startswith("kg")
    downloads = site.downloads()
    parts = [d for d in downloads if d.part]
    assert len(parts) == 18 and all(d.triples is not None for d in parts)
    assert [d.part for d in parts] == sorted(d.part for d in parts)  # each part's files together

    async def pages() -> tuple[str, str]:
        app = Server(site, pool=None).app  # pages only: no SPARQL, no query workers
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://kg") as client:
            return (await client.get("/downloads")).text, (await client.get("/")).text

    page, home = asyncio.run(pages())
    assert "The dumps come in parts" in page
    assert page.count('<th colspan="5"><code>parts/') == 3
    assert 'href="/dist/parts/reference/kg.trig"' in page
    assert f"{site.triples:,}</strong>triples, asserted and inferred" in home


# -- incremental publishing -------------------------------------------------------------------


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def inodes(dist: Path) -> dict[str, int]:
    """The inode of each file of the parts, by its path under dist/parts/."""
    return {
        p.relative_to(dist / "parts").as_posix(): p.stat().st_ino
        for p in (dist / "parts").rglob("*")
        if p.is_file()
    }


def without(data: Path, doc_id: str, keep: Path) -> None:
    """Move document `doc_id` of a curation folder (curation file, source, manifest entry)
    aside into `keep`."""
    manifest_path = data / "sources" / "manifest.yaml"
    manifest = yaml.safe_load(manifest_path.read_text())
    (entry,) = [e for e in manifest if e["id"] == doc_id]
    keep.mkdir()
    (data / "documents" / f"{doc_id}.yaml").rename(keep / f"{doc_id}.yaml")
    (data / "sources" / entry["file"]).rename(keep / entry["file"])
    (keep / "entry.yaml").write_text(yaml.safe_dump(entry, sort_keys=False))
    manifest_path.write_text(
        yaml.safe_dump([e for e in manifest if e is not entry], sort_keys=False)
    )


def restore(data: Path, doc_id: str, keep: Path) -> None:
    manifest_path = data / "sources" / "manifest.yaml"
    entry = yaml.safe_load((keep / "entry.yaml").read_text())
    manifest = sorted([*yaml.safe_load(manifest_path.read_text()), entry], key=lambda e: e["id"])
    manifest_path.write_text(yaml.safe_dump(manifest, sort_keys=False))
    (keep / f"{doc_id}.yaml").rename(data / "documents" / f"{doc_id}.yaml")
    (keep / entry["file"]).rename(data / "sources" / entry["file"])


def test_adding_a_document_rewrites_its_part_and_links_the_others(tmp_path):
    """Ten synthetic documents in parts of about 2: [000-004] [005 006] [007] [008 009]."""
    data = synthesize(10, 5, tmp_path / "data")
    cache, out = tmp_path / "cache", tmp_path / "dist"
    without(data, "006", tmp_path / "aside")
    assert (
        main(
            [
                "publish",
                "--data",
                str(data),
                "--out",
                str(out),
                "--cache",
                str(cache),
                "--jobs",
                "1",
                "--part-size",
                "2",
            ]
        )
        == 0
    )
    assert sorted(p.name for p in (out / "parts").iterdir()) == [
        "documents-000",
        "documents-005",
        "documents-007",
        "documents-008",
        "reference",
    ]
    first = inodes(out)
    assert len(list((cache / "parts").iterdir())) == 5

    restore(data, "006", tmp_path / "aside")
    added = build(data, Minter(), cache_dir=cache, jobs=1)
    export.write(added, out, data, part_size=2, cache_dir=cache)
    second = inodes(out)
    linked = {name for name in second if first.get(name) == second[name]}
    unchanged = ("reference", "documents-000", "documents-007", "documents-008")
    assert linked == {f"{part}/{name}" for part in unchanged for name in export.DUMPS}
    assert all(
        (out / "parts" / name).stat().st_nlink == 1 for name in second
    )  # the old dist is gone
    records = [json.loads(p.read_text()) for p in (cache / "parts").iterdir()]
    assert sorted(r["name"] for r in records) == sorted(p.name for p in (out / "parts").iterdir())

    # The same bytes as a publish of the same corpus from nothing, but for void.ttl (and its
    # checksum): it names the version the folder held before as dcat:previousVersion.
    clean = tmp_path / "clean"
    export.write(added, clean, data, part_size=2)
    assert same_but_the_previous_version(out, clean)

    # A part file changed in place, its size kept (same inode, same size, another time), is
    # not reused: its part is written again.
    edited = out / "parts" / "documents-008" / "kg.nt"
    size = edited.stat().st_size
    edited.chmod(0o644)
    with edited.open("r+b") as f:
        f.write(b"#")  # the first line made a comment
    assert edited.stat().st_size == size
    before = inodes(out)
    export.write(added, out, data, part_size=2, cache_dir=cache)
    after = inodes(out)
    assert {n for n in after if before[n] != after[n]} == {
        f"documents-008/{name}" for name in export.DUMPS
    }
    assert same_but_the_previous_version(out, clean)


def same_but_the_previous_version(out: Path, clean: Path) -> bool:
    """The files of `out` are those of `clean`, but void.ttl (and its checksum), which in `out`
    names the version the folder held before as dcat:previousVersion, and the change set from
    that version (changes/, kg.publish.releases), which `clean` has no earlier version to hold."""
    again, fresh = files_of(out), files_of(clean)
    void, void_clean = again.pop("void.ttl"), fresh.pop("void.ttl")
    assert b"dcat:previousVersion" in void and b"dcat:previousVersion" not in void_clean
    patches = [name for name in again if name.startswith("changes/")]
    assert len(patches) == 1 and not any(name.startswith("changes/") for name in fresh)
    again.pop(patches[0])
    drop = re.compile(rb"^[0-9a-f]{64}  (void\.ttl|changes/.*)\n", re.MULTILINE)
    again["SHA256SUMS"] = drop.sub(b"", again["SHA256SUMS"])
    fresh["SHA256SUMS"] = drop.sub(b"", fresh["SHA256SUMS"])
    return again == fresh


def test_a_part_size_below_one_is_one_line(tmp_path, capsys):
    assert main(["publish", "--out", str(tmp_path / "dist"), "--no-cache", "--part-size", "0"]) == 1
    error = capsys.readouterr().err
    assert "--part-size" in error and len(error.strip().splitlines()) == 1
    assert not (tmp_path / "dist").exists()


def test_a_part_key_covers_the_prefixes_the_dumps_are_written_with(monkeypatch):
    """The Turtle, TriG and JSON-LD of a part start with the prefixes: a part written with
    other prefixes is not reused."""
    from kg.publish import dumps, export

    before = export.code_digest()
    monkeypatch.setattr(dumps, "CONTEXT", {**dumps.CONTEXT, "ex": "https://example.org/"})
    assert export.code_digest() != before


def test_load_counts_the_graphs_when_a_parts_quads_are_not_what_void_says(
    parted_dist, tmp_path, monkeypatch
):
    """The sizes kg load records come from VoID only when VoID agrees with the quads loaded."""
    import shutil

    import kg.store.embedded
    from kg.store.embedded import StoreGraph, load

    dist = tmp_path / "dist"
    shutil.copytree(parted_dist, dist)
    nq = dist / "parts" / "documents-000" / "kg.nq"
    nq.chmod(0o644)
    kept = nq.read_bytes().splitlines(keepends=True)
    nq.write_bytes(b"".join(kept[:-1]))  # one quad fewer than VoID says
    counted = []
    real_count = kg.store.embedded._count
    monkeypatch.setattr(
        kg.store.embedded, "_count", lambda store: counted.append(1) or real_count(store)
    )
    load(dist, tmp_path / "store")
    assert counted == [1]
    _, sizes = StoreGraph(tmp_path / "store").sizes()
    graph = next(g for g in sizes if g.endswith("graph/document/000"))
    assert sizes[graph] == len(kept) - 1


def test_a_damaged_part_record_has_its_part_written_again(built, tmp_path):
    """A record the publish cannot use (damaged, or of another version) is no reason to fail:
    that part is written, the others linked, and the bytes are the same."""
    whole = built.stats
    out, cache = tmp_path / "dist", tmp_path / "cache"
    try:
        export.write(built, out, DATA, part_size=5, cache_dir=cache)
        first, first_files = inodes(out), files_of(out)
        records = {json.loads(p.read_text())["name"]: p for p in (cache / "parts").iterdir()}
        damaged = json.loads(records["reference"].read_text())
        del damaged["files"]["kg.nq"]["inode"]
        records["reference"].write_text(json.dumps(damaged))
        broken = json.loads(records["documents-000"].read_text())
        del broken["statistics"]["quads"]
        records["documents-000"].write_text(json.dumps(broken))
        export.write(built, out, DATA, part_size=5, cache_dir=cache)
    finally:
        built.stats = whole
    second = inodes(out)
    rewritten = {name.partition("/")[0] for name in second if first[name] != second[name]}
    assert rewritten == {"reference", "documents-000"}
    assert files_of(out) == first_files
