"""The layout of the package: stages in packages named for them, data flowing one way, and
modules small enough to read.

kg.build (sources and curation to graphs) -> kg.publish (graphs to the files of dist/) ->
kg.store (the files into stores, queried) -> kg.server (the web). A stage imports from
itself, from the stages before it and from the shared modules at the top of the package,
never from a stage after it: the build runs without the server's code, and a change to the
server cannot change what is published. kg.extraction (drafting curation files) reads as the
build reads (kg.build) and is read by the command line only; kg.cli sits on top of everything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kg

PACKAGE = Path(kg.__file__).resolve().parent
STAGES = ("build", "publish", "store", "server")  # in the order data flows
TOOLS = ("extraction", "cli", "synth")  # above the stages: they may use any of them
MAX_LINES = 600


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def name_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """The kg modules (or names in them) `path` imports, at its top or inside functions."""
    package = name_of(path) if path.name == "__init__.py" else name_of(path).rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            if base == "kg":
                found |= {f"kg.{alias.name}" for alias in node.names}
            elif base.startswith("kg."):
                found.add(base)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("kg.")}
    return found


def part_of(module: str) -> str:
    """The package part of kg a module belongs to: a stage, a tool, or "shared"."""
    first = module.split(".")[1] if "." in module else ""
    return first if first in STAGES + TOOLS else "shared"


def allowed(importer: str, target: str) -> bool:
    a, b = part_of(importer), part_of(target)
    if a == b or b == "shared" or a in ("cli", "synth"):
        return True
    if a == "shared":
        return False  # the shared modules depend on no stage
    if a == "extraction":
        return b == "build"
    if b in TOOLS:
        return False
    return STAGES.index(b) < STAGES.index(a)


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_each_module_imports_only_from_itself_and_upstream(path):
    importer = name_of(path)
    wrong = sorted(t for t in imported(path) if not allowed(importer, t))
    assert not wrong, f"{importer} ({part_of(importer)}) imports downstream: {wrong}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_each_module_is_at_most_600_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)}: {lines} lines"


def test_the_rule_sees_a_downstream_import():
    """The direction check itself: a build module importing the server, or the store
    importing the publish stage's successor, is refused; the reverse is allowed."""
    assert not allowed("kg.build.model", "kg.server.app")
    assert not allowed("kg.publish.export", "kg.store.query")
    assert not allowed("kg.atomic", "kg.build.run")
    assert not allowed("kg.build.ingest", "kg.extraction.draft")
    assert allowed("kg.store.query", "kg.publish.export")
    assert allowed("kg.server.site", "kg.store.query")
    assert allowed("kg.extraction.add", "kg.build.ingest")
    assert allowed("kg.cli", "kg.server.app")
    source = "from kg.server import app\ndef f():\n    from kg import cli\n    from . import run\n"
    assert imports_in(source, "kg.build") == {"kg.server", "kg.cli", "kg.build"}


def test_every_stage_is_a_package():
    for stage in STAGES + ("extraction",):
        assert (PACKAGE / stage / "__init__.py").is_file(), stage
