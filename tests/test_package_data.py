"""kg's data files ship inside the package and a missing one is an error.

The ontology, the shapes, the named queries, the page templates and their static files live
under src/kg/ (the checkout's top-level ontology/ and shapes/ are links there) and are found
through importlib.resources. The wheel is built once from a copy of the checkout's build inputs
and its file list checked; `.ci/wheel_smoke.py` installs such a wheel and runs kg from it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg import synth
from kg.build import validate
from kg.errors import KgError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "kg"
DATA_FOLDERS = ("ontology", "shapes", "queries", "templates", "static")


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory) -> set[str]:
    """The names in the wheel of the checkout, built from a copy (no build/ in the checkout)."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    source.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", source / "pyproject.toml")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(ROOT / "src", source / "src", ignore=ignore)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = tmp.glob("kg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def package_data() -> dict[str, list[str]]:
    """Every data file of the source package, by folder, as named in the wheel."""
    return {
        folder: sorted(
            path.relative_to(PACKAGE.parent).as_posix()
            for path in (PACKAGE / folder).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        )
        for folder in DATA_FOLDERS
    }


@pytest.mark.parametrize("folder", DATA_FOLDERS)
def test_the_wheel_ships_every_data_file(wheel_files, folder):
    files = package_data()[folder]
    assert files, f"src/kg/{folder}/ has no files"
    missing = [name for name in files if name not in wheel_files]
    assert not missing, f"not in the wheel: {missing}"


def test_the_wheel_ships_the_ontology_and_shapes_kg_reads(wheel_files):
    assert {
        "kg/ontology/kg.ttl",
        "kg/ontology/imports.ttl",
        "kg/shapes/shared.ttl",
        "kg/shapes/documents.ttl",
        "kg/shapes/observations.ttl",
        "kg/templates/index.html",
        "kg/static/kg.css",
    } <= wheel_files
    assert any(name.startswith("kg/queries/") and name.endswith(".rq") for name in wheel_files)


def test_kg_reads_the_ontology_and_shapes_from_the_package():
    assert validate.SHAPES_DIR == PACKAGE / "shapes"
    assert validate.ONTOLOGY_DIR == PACKAGE / "ontology"
    # The checkout's top-level folders are links to the package's, not copies.
    assert (ROOT / "shapes").is_symlink() and (ROOT / "shapes").resolve() == PACKAGE / "shapes"
    assert (ROOT / "ontology").is_symlink()
    assert (ROOT / "ontology").resolve() == PACKAGE / "ontology"


@pytest.fixture
def fresh_caches():
    """The parsed shapes and ontology forgotten before and after the test."""
    validate._shapes.cache_clear()
    validate._ontology.cache_clear()
    yield
    validate._shapes.cache_clear()
    validate._ontology.cache_clear()


def _document_without_anything() -> Graph:
    graph = Graph()
    graph.add(
        (
            URIRef("https://kg.example.org/id/document/x"),
            RDF.type,
            URIRef("https://schema.org/NewsArticle"),
        )
    )
    return graph


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
@pytest.mark.parametrize("state", ["missing", "empty"])
def test_validating_without_shapes_is_an_error_not_a_pass(
    monkeypatch, tmp_path, fresh_caches, engine, state
):
    folder = tmp_path / "shapes"
    if state == "empty":
        folder.mkdir()
        (folder / "README").write_text("no Turtle here")
    monkeypatch.setattr(validate, "SHAPES_DIR", folder)
    with pytest.raises(KgError) as caught:
        validate.validate(_document_without_anything(), engine=engine)
    assert caught.value.path == folder
    assert "SHACL shapes" in str(caught.value) and "reinstall" in str(caught.value)


def test_with_the_shapes_the_same_graph_does_not_conform(fresh_caches):
    # The control of the test above: the graph it validates is not a valid one.
    assert not validate.validate(_document_without_anything()).conforms


def test_a_missing_ontology_is_an_error(monkeypatch, tmp_path, fresh_caches):
    monkeypatch.setattr(validate, "ONTOLOGY_DIR", tmp_path / "ontology")
    with pytest.raises(KgError, match="ontology folder is missing"):
        validate.load_ontology()


def test_kg_synth_outside_a_checkout_is_an_error_that_keeps_the_output(monkeypatch, tmp_path):
    monkeypatch.setattr(synth, "SEED_CONCEPTS", tmp_path / "data" / "reference" / "concepts.yaml")
    out = tmp_path / "corpus"
    out.mkdir()
    (out / "kept.txt").write_text("mine")
    with pytest.raises(KgError, match="kg synth copies it from a kg checkout"):
        synth.synthesize(1, 0, out)
    assert (out / "kept.txt").read_text() == "mine"
