"""The per-document cache key (`kg.build.cache`): every input of a document's work is in it.

For each input (the source text, the curation file, the manifest entry, each reference file,
the ontology, the shapes, the code and libraries of the stages, the base IRI, the stages run),
a change gives the documents that depend on it a new key, and an incremental publish after the
change gives what a publish from nothing gives. The change is one whose effect on the build is
visible, so that a cached result kept by mistake would show.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from rdflib import URIRef

from kg.build import cache, fastvalidate, model, validate
from kg.build.run import Build, build, document_files
from kg.vocab import DEFAULT_BASE, Minter

DATA = Path(__file__).resolve().parents[1] / "data"
DOCUMENTS = ("000", "001", "002", "003", "004")
OA_START = URIRef("http://www.w3.org/ns/oa#start")


@pytest.fixture
def data(tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


@pytest.fixture
def fresh_caches():
    """The per-process caches of the ontology, the shapes and the code digest, emptied before
    and after the test (so that a monkeypatched folder is read, and the real one again after)."""

    def clear():
        for module in (cache, validate, fastvalidate):
            for value in list(vars(module).values()):
                if callable(getattr(type(value), "cache_clear", None)):
                    value.cache_clear()

    clear()
    yield
    clear()


def keys(data: Path, base: str = DEFAULT_BASE, reasoning=True, validation=True) -> dict:
    """Each document's cache key, as `kg.build.pipeline.run_documents` computes it."""
    reference = model.load_reference(data, Minter(base))
    context = SimpleNamespace(
        reference=reference, data_dir=data, reasoning=reasoning, validation=validation
    )
    store = cache.Cache(data.parent / "keys", data)
    return {path.stem: store.key(path, context) for path in document_files(data)}


def changed(before: dict, after: dict) -> set:
    assert set(before) == set(after) == set(DOCUMENTS)
    return {doc for doc in before if before[doc] != after[doc]}


def snapshot(result: Build) -> dict:
    """What a build gives: each document's triples and inferred triples, the source texts,
    the validation results."""
    return {
        "documents": {d: result.documents.ntriples(d) for d in result.documents},
        "inferred": {g: result.inferred.ntriples(g) for g in result.inferred},
        "sources": {d: s.raw for d, s in result.sources.items()},
        "violations": sorted(str(v) for v in result.validation.violations),
    }


def publish_after(data: Path, cache_dir: Path, edit) -> tuple[dict, dict, dict, list[str]]:
    """A build filling the cache, `edit()`, an incremental build from that cache, and a
    build from nothing: their snapshots, and what the incremental build reported."""
    first = snapshot(build(data, Minter(), jobs=1, cache_dir=cache_dir))
    edit()
    progress: list[str] = []
    again = snapshot(build(data, Minter(), jobs=1, cache_dir=cache_dir, progress=progress.append))
    clean = snapshot(build(data, Minter(), jobs=1))
    return first, again, clean, progress


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# An edit of each file of data/ a document's work reads, and the documents it concerns: a
# document's own files concern it alone, the reference data every document.
DATA_EDITS = {
    "source text": (
        "sources/000_c36a1ea09023f409.txt",
        "the\nmajority from Central America.",
        "the\nvast majority from Central America.",  # shifts every later offset of 000
        {"000"},
    ),
    "curation file": (
        "documents/000.yaml",
        "label: Victims of trafficking assisted by IOM Mexico, May 2005 to January 2008",
        "label: Victims of trafficking assisted by IOM Mexico from May 2005 to January 2008",
        {"000"},
    ),
    "manifest entry": (
        "sources/manifest.yaml",
        "url: https://www.iom.int/news/iom-mexico-provides-assistance-victims-trafficking",
        "url: https://www.iom.int/news/iom-mexico-assists-victims-trafficking",
        {"000"},
    ),
    "organizations.yaml": (  # the label of the funding in 000
        "reference/organizations.yaml",
        "name: United States Government",
        "name: Government of the United States",
        set(DOCUMENTS),
    ),
    "people.yaml": (  # the labels of his quotations and memberships in 002, 003 and 004
        "reference/people.yaml",
        "name: Thomas Lothar Weiss",
        "name: Thomas L. Weiss",
        set(DOCUMENTS),
    ),
    "places.yaml": (  # what is inferred to be located in Latin America
        "reference/places.yaml",
        "  within: latin-america\n  wikidata: Q96",
        "  within: americas\n  wikidata: Q96",
        set(DOCUMENTS),
    ),
    "concepts.yaml": (  # the labels of the memberships of chiefs of mission
        "reference/concepts.yaml",
        "label: Chief of Mission,",
        "label: Head of Mission,",
        set(DOCUMENTS),
    ),
}


@pytest.mark.parametrize("name", list(DATA_EDITS))
def test_a_change_to_a_documents_data_gives_a_new_key_and_a_fresh_build(data, tmp_path, name):
    file, old, new, concerned = DATA_EDITS[name]
    before = keys(data)

    first, again, clean, progress = publish_after(
        data, tmp_path / "cache", lambda: replace_in(data / file, old, new)
    )
    assert changed(before, keys(data)) == concerned
    assert first != clean  # the change shows in the build
    assert again == clean
    assert f"{len(concerned)} of 5 documents to model, reason and validate" in progress


def test_an_edited_source_text_moves_the_offsets_of_the_evidence(data, tmp_path):
    """The offsets of the evidence after an edit of the source are the new text's: a cached
    result keyed without the source text would keep the old ones."""
    source = data / "sources" / "000_c36a1ea09023f409.txt"
    file, old, new, _ = DATA_EDITS["source text"]
    cache_dir = tmp_path / "cache"
    first = build(data, Minter(), jobs=1, cache_dir=cache_dir)
    replace_in(source, old, new)
    again = build(data, Minter(), jobs=1, cache_dir=cache_dir)
    at = source.read_text(encoding="utf-8").index("vast majority")

    def starts(result: Build) -> list[int]:
        return sorted(int(o) for o in result.documents["000"].objects(None, OA_START))

    shifted = [s + len("vast ") if s >= at else s for s in starts(first)]
    assert shifted != starts(first)  # some evidence lies after the edit
    assert starts(again) == shifted
    assert again.sources["000"].raw == source.read_text(encoding="utf-8")


def test_only_the_documents_own_files_are_in_its_key(data):
    """Another document's curation file, source text and manifest entry are not."""
    before = keys(data)
    replace_in(data / "documents" / "001.yaml", "document: ", "# edited\ndocument: ")
    (data / "sources" / "002_6ab462286a3459a0.txt").write_bytes(
        (data / "sources" / "002_6ab462286a3459a0.txt").read_bytes() + b"\n"
    )
    replace_in(
        data / "sources" / "manifest.yaml",
        "url: https://iom.int/news/practical-approaches-combating-human-trafficking",
        "url: https://iom.int/news/practical-approaches",
    )
    assert changed(before, keys(data)) == {"001", "002"}


def test_the_base_iri_the_stages_and_the_data_folder_are_in_the_key(data, tmp_path):
    before = keys(data)
    assert changed(before, keys(data, base="https://other.example.org/")) == set(DOCUMENTS)
    assert changed(before, keys(data, reasoning=False)) == set(DOCUMENTS)
    assert changed(before, keys(data, validation=False)) == set(DOCUMENTS)
    assert keys(data, reasoning=False) != keys(data, validation=False)
    # A document's results name its files (`Outcome.source.path`): another folder, new keys.
    moved = tmp_path / "elsewhere" / "data"
    shutil.copytree(data, moved)
    assert changed(before, keys(moved)) == set(DOCUMENTS)


ONTOLOGY_AXIOM = """
kg:Undertaking a owl:Class ;
    rdfs:label "undertaking"@en ;
    skos:definition "Something set about: a project or any other."@en .
kg:Project rdfs:subClassOf kg:Undertaking .
"""

EXTRA_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://kg.example.org/def/kg#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <https://example.org/shapes#> .

ex:ProjectComment a sh:NodeShape ;
    sh:targetClass kg:Project ;
    sh:property [
        sh:path rdfs:comment ;
        sh:minCount 1 ;
        sh:severity sh:Warning ;
        sh:message "a project should have a comment" ;
    ] .
"""


def test_the_ontology_is_in_the_key(data, tmp_path, monkeypatch, fresh_caches):
    ontology = tmp_path / "ontology"
    shutil.copytree(validate.ONTOLOGY_DIR, ontology)
    monkeypatch.setattr(validate, "ONTOLOGY_DIR", ontology)
    before = keys(data)

    def edit():
        with (ontology / "kg.ttl").open("a", encoding="utf-8") as f:
            f.write(ONTOLOGY_AXIOM)
        for function in (validate._ontology, cache._process_digest):  # a new process
            function.cache_clear()

    first, again, clean, progress = publish_after(data, tmp_path / "cache", edit)
    assert changed(before, keys(data)) == set(DOCUMENTS)
    undertaking = "<https://kg.example.org/def/kg#Undertaking> .\n"
    assert undertaking not in b"".join(first["inferred"].values()).decode()
    assert undertaking in clean["inferred"][str(Minter().document_graph("000"))].decode()
    assert again == clean
    assert "5 of 5 documents to model, reason and validate" in progress


def test_the_shapes_are_in_the_key(data, tmp_path, monkeypatch, fresh_caches):
    shapes = tmp_path / "shapes"
    shutil.copytree(validate.SHAPES_DIR, shapes)
    monkeypatch.setattr(validate, "SHAPES_DIR", shapes)
    before = keys(data)

    def edit():
        (shapes / "extra.ttl").write_text(EXTRA_SHAPE, encoding="utf-8")
        for function in (validate._shapes, cache._process_digest):  # a new process
            function.cache_clear()

    first, again, clean, progress = publish_after(data, tmp_path / "cache", edit)
    assert changed(before, keys(data)) == set(DOCUMENTS)
    warning = "a project should have a comment"
    assert not any(warning in v for v in first["violations"])
    assert sum(warning in v for v in clean["violations"]) > 5  # the projects of 000 to 004
    assert again == clean
    assert "5 of 5 documents to model, reason and validate" in progress


@pytest.mark.parametrize("library", sorted(cache.LIBRARIES))
def test_the_versions_of_the_libraries_are_in_the_key(data, monkeypatch, library):
    before = keys(data)
    module = cache.LIBRARIES[library]
    monkeypatch.setattr(module, "__version__", module.__version__ + ".post1")
    assert changed(before, keys(data)) == set(DOCUMENTS)


def test_the_code_of_the_stages_is_in_the_key(data, tmp_path, monkeypatch, fresh_caches):
    """Each module the stages run, changed, gives new keys; the modules that run after the
    documents' work (the cross-document check, the export) and the server and command line
    are not in it."""
    code = tmp_path / "kg"
    shutil.copytree(cache.CODE_DIR, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "CODE_DIR", code)
    names = {p.relative_to(code).as_posix() for p in cache.code_files()}
    assert {
        "__init__.py",
        "build/__init__.py",
        "build/pipeline.py",
        "build/run.py",
        "build/cache.py",
        "build/ingest.py",
        "build/sourcetext.py",
        "build/contacts.py",
        "build/curation.py",
        "build/model/__init__.py",
        "build/model/documents.py",
        "build/model/reference_graph.py",
        "build/fastreason.py",
        "build/reason.py",
        "build/validate.py",
        "build/fastvalidate.py",
        "build/compiledshapes.py",
        "ntriples.py",
        "vocab.py",
        "errors.py",
    } <= names
    assert "build/crossdocument.py" not in names
    downstream = ("publish/", "store/", "server/", "cli/", "extraction/", "synth")
    assert not {n for n in names if n.startswith(downstream)}
    before = keys(data)
    for name in sorted(names):
        path = code / name
        kept = path.read_bytes()
        path.write_bytes(kept + b"\n# changed\n")
        cache._process_digest.cache_clear()
        assert changed(before, keys(data)) == set(DOCUMENTS), name
        path.write_bytes(kept)
        cache._process_digest.cache_clear()
    assert keys(data) == before


MODULES_OF_A_DOCUMENT = """
import sys
from pathlib import Path

from kg.build import fastreason, model, pipeline, validate
from kg.vocab import Minter

data = Path(sys.argv[1])
reference = model.load_reference(data, Minter())
ontology = validate.load_ontology()
context = pipeline.Context(
    data_dir=data,
    reference=reference,
    reference_graph=model.model_reference(reference),
    reference_inferred=set(),
    schema=fastreason.Schema.from_ontology(ontology),
)
pipeline.validate_reference(context)
pipeline._CONTEXT = context
for path in sorted((data / "documents").glob("*.yaml")):
    pipeline.process(path)
print("\\n".join(sorted(m for m in sys.modules if m == "kg" or m.startswith("kg."))))
"""


def test_every_module_a_documents_work_runs_is_in_the_key():
    """The modules loaded by a document's stages, run in a process of their own, are all
    among the code the key covers (a module imported inside a function, too)."""
    done = subprocess.run(
        [sys.executable, "-c", MODULES_OF_A_DOCUMENT, str(DATA)],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = set(done.stdout.split())
    assert {"kg.build.model", "kg.build.fastvalidate", "kg.build.fastreason"} <= loaded
    covered = {
        ".".join(("kg", *p.relative_to(cache.CODE_DIR).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for p in cache.code_files()
    }
    assert loaded <= covered, loaded - covered


IMPORTS_OF_A_MODULE = """
import os
from rdflib import Graph
from kg import vocab
from . import documents
from .. import fastreason
from ..validate import load_shapes
import kg.errors, json


def later():
    from kg.ntriples import write_row
"""


@pytest.mark.parametrize(
    ("module", "file_name", "package"),
    [
        ("kg.build.model.reference", "reference.py", "kg.build.model"),
        ("kg.build.model", "__init__.py", "kg.build.model"),
    ],
)
def test_the_imports_a_module_makes_are_read_absolute_relative_and_inside_functions(
    tmp_path, module, file_name, package
):
    """What the key follows from one module: kg's modules imported by `import`, by `from`, by
    a relative `from .`/`from ..` (resolved against the module's package: a package's
    __init__ is its own package), and inside a function; no other library."""
    path = tmp_path / file_name
    path.write_text(IMPORTS_OF_A_MODULE, encoding="utf-8")
    parent = package.rpartition(".")[0]
    assert cache._imported(module, path) == {
        "kg.errors",
        "kg",
        "kg.vocab",
        package,
        f"{package}.documents",
        parent,
        f"{parent}.fastreason",
        f"{parent}.validate",
        f"{parent}.validate.load_shapes",
        "kg.ntriples",
        "kg.ntriples.write_row",
    }
