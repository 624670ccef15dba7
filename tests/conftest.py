"""Shared fixtures: the real corpus is built and published once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build.run import Build, build
from kg.publish import export
from kg.vocab import Minter

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the curation folder (the seeds and their reference data), to add to."""
    copy = tmp_path / "data"
    for folder in ("sources", "documents", "reference"):
        shutil.copytree(DATA / folder, copy / folder)
    return copy


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
    from kg.store.query import PublishedGraph

    return PublishedGraph(published_dist)


@pytest.fixture(scope="session")
def knowledge():
    """The reference knowledge `kg extract` drafts with (read once: drafts do not change it)."""
    from kg.extraction.extract import load_knowledge

    return load_knowledge(DATA)


# Limits of the test server: small, so that tests can reach them quickly.
SERVER_QUERY_TIMEOUT = 3.0
SERVER_MAX_RESULT_BYTES = 2_000_000


@pytest.fixture(scope="module")
def kg_server(published_dist: Path, tmp_path_factory):
    """`kg serve --memory` over the published files (loaded into memory: `kg_store_server`
    serves a store, as `kg serve` does by default), in its own process on a free port of
    127.0.0.1, started once per test module; yields its address (`http://127.0.0.1:PORT`)."""
    yield from _serving(["--memory", "--dist", str(published_dist)], tmp_path_factory)


@pytest.fixture(scope="session")
def published_store(published_dist: Path, tmp_path_factory) -> Path:
    """The published files bulk-loaded by `kg load` into an on-disk Oxigraph store."""
    from kg.store.embedded import load

    path = tmp_path_factory.mktemp("store") / "store"
    load(published_dist, path)
    return path


@pytest.fixture(scope="module")
def kg_store_server(published_store: Path, tmp_path_factory):
    """`kg serve --store` over that store (its files for download from the folder it was
    loaded from), with the limits of `kg_server`; yields its address."""
    yield from _serving(["--store", str(published_store)], tmp_path_factory)


def _serving(arguments: list[str], tmp_path_factory):
    """Run `kg serve ARGUMENTS` in its own process on a free port until the fixture ends."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kg.cli",
                "serve",
                "--port",
                str(port),
                "--query-timeout",
                str(SERVER_QUERY_TIMEOUT),
                "--max-result-size",
                str(SERVER_MAX_RESULT_BYTES),
                "--workers",
                "2",
                *arguments,  # last, so that a fixture's own options win over these defaults
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                pytest.fail(f"kg serve exited with {process.returncode}:\n{log.read_text()}")
            try:
                with urllib.request.urlopen(f"{address}/sparql?query=ASK%7B%7D", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"kg serve did not answer in time:\n{log.read_text()}")
                time.sleep(0.2)
        yield address
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
