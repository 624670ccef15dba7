"""Shared fixtures: the real corpus is built and published once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import export
from kg.publish import Build, build
from kg.vocab import Minter

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def built() -> Build:
    """The five documents built, reasoned and validated, as `kg publish` does."""
    return build(DATA, Minter())


@pytest.fixture(scope="session")
def published_dist(built: Build, tmp_path_factory) -> Path:
    """The files `kg publish` writes, for the build above."""
    out = tmp_path_factory.mktemp("published") / "dist"
    export.write(built, out, DATA)
    return out


@pytest.fixture(scope="session")
def published_graph(published_dist: Path):
    """The published files loaded for querying: asserted and inferred triples."""
    from kg.query import PublishedGraph

    return PublishedGraph(published_dist)
