"""The per-document cache of incremental publishing.

A document's work (model, reason, validate) depends on its source text, its curation file,
its manifest entry, the reference data, the ontology, the shapes, the base IRI, the stages
run and kg's own code. The cache key is the SHA-256 of all of them; the value is the pickled
`kg.pipeline.Outcome`. Changing one document redoes that document only; changing shared
inputs (reference data, ontology, shapes, code) redoes every document.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

import yaml

import kg
from kg.validate import ONTOLOGY_DIR, SHAPES_DIR

CODE_DIR = Path(__file__).resolve().parent


@cache
def _digest_files(paths: tuple[Path, ...]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def shared_digest(data_dir: Path) -> str:
    """What every document depends on: code, ontology, shapes, reference data."""
    files = [
        *sorted(CODE_DIR.rglob("*.py")),
        *sorted(ONTOLOGY_DIR.glob("*.ttl")),
        *sorted(SHAPES_DIR.glob("*.ttl")),
        *sorted((data_dir / "reference").glob("*.yaml")),
    ]
    return hashlib.sha256(
        (kg.__version__ + _digest_files(tuple(p.resolve() for p in files))).encode()
    ).hexdigest()


class Cache:
    def __init__(self, folder: Path, data_dir: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.shared = shared_digest(data_dir)
        self.hits = 0
        self.misses = 0

    def key(self, path: Path, ctx) -> str:
        entry = ctx.reference.manifest[path.stem]
        h = hashlib.sha256()
        for part in (
            self.shared,
            ctx.reference.minter.base,
            str(Path(ctx.data_dir).resolve()),
            f"{ctx.reasoning}{ctx.validation}",
            yaml.safe_dump({k: str(v) for k, v in entry.items()}, sort_keys=True),
            path.name,
        ):
            h.update(part.encode())
            h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
        h.update((ctx.data_dir / "sources" / str(entry["file"])).read_bytes())
        return h.hexdigest()

    def get(self, key: str):
        path = self.folder / key[:2] / f"{key}.pickle"
        try:
            with path.open("rb") as f:
                value = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        folder = self.folder / key[:2]
        folder.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{key}.pickle")
