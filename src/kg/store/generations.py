"""Generations of a store made by `kg load`: a store switched whole, and removed once nobody
has it open.

A store is never rebuilt in place. Oxigraph's read-only mode ("opening as read-only while
having another process writing the database is undefined behavior", its `serve-read-only`)
lets any number of processes read a store at once, but none while one writes it. So
`kg load --store PATH` builds into a new folder of `PATH.generations/` and only then points
PATH, a symbolic link, at it (`os.replace` of a link: atomic), so that a server or `kg query`
opening PATH finds the previous store or the new one, whole, never half of one. Whoever opens
a store holds a shared lock (`flock`) on its `kg-store.json` for as long as it has it open,
and a load removes the generations nobody holds (a server keeps serving the store it started
on until it is restarted; RocksDB opens every file of a store when it opens it). Loads into
one PATH take turns (an exclusive lock on `PATH.generations/build.lock`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from kg.errors import KgError

try:
    import fcntl
except ImportError:  # Windows: no locks, and no generation is ever removed
    fcntl = None

# What `kg load` records of a store (kg.store.embedded), beside the database's own files (RocksDB
# ignores it); whoever has the store open holds a shared lock on it.
META_FILE = "kg-store.json"
GENERATIONS = ".generations"  # PATH.generations/ holds the stores PATH has pointed at
BUILD_LOCK = "build.lock"


@contextlib.contextmanager
def locked(lock: Path) -> Iterator[None]:
    """An exclusive lock on the file `lock`, waited for (loads into one store take turns)."""
    with lock.open("a") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def point_at(path: Path, generation: Path, generations: Path) -> None:
    """Point `path` (a link) at `generation`, at once. A store folder made before there were
    generations is first moved among them: a server starting in that instant finds no store
    (and says so), never half of one."""
    link = path.with_name(f".{path.name}.{os.getpid()}.link")
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(generation, path.absolute().parent))
    if path.is_dir() and not path.is_symlink():
        path.rename(Path(tempfile.mkdtemp(prefix="earlier-", dir=generations)) / "store")
    os.replace(link, path)


def in_use(generation: Path) -> bool:
    """Whether a process has the store of `generation` open (it holds a shared lock on its
    kg-store.json; see `open_generation`). A folder that has none is not a whole store."""
    meta = generation / META_FILE
    if not meta.is_file():
        return False
    with meta.open("rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def remove_unused(path: Path, generations: Path) -> None:
    """Remove the generations nobody has open but the one `path` points at (and earlier
    loads' leftovers). Without locks (Windows) nothing is removed."""
    if fcntl is None:
        return
    current = path.resolve()  # a generation: `load` points `path` at nothing else
    for folder in generations.resolve().iterdir():
        if not folder.is_dir() or folder == current:
            continue
        stores = [folder, *(f for f in folder.iterdir() if f.is_dir())]  # earlier-*/store
        if not any(in_use(store) for store in stores):
            shutil.rmtree(folder, ignore_errors=True)


def open_generation(path: Path) -> tuple[Path, object]:
    """The folder of the store `path` points at now, and the shared lock held on it while it
    is open (None without locks, or for a store without kg-store.json)."""
    for _ in range(20):
        location = path.resolve()
        meta = location / META_FILE
        handle = None
        if fcntl is not None and meta.is_file():
            try:
                handle = meta.open("rb")
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except (BlockingIOError, FileNotFoundError):  # being removed, or just removed
                if handle is not None:
                    handle.close()
                time.sleep(0.05)
                continue
        if (location / "CURRENT").is_file():
            return location, handle
        if handle is not None:
            handle.close()
        if not meta.is_file():
            break
        time.sleep(0.05)
    raise KgError(path, None, "no store here; run `kg load --store PATH`")
