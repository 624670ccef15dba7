"""What a publish with a cache keeps in `CACHE/dumps/` for the next one: the state of its
dumps (`State`: where each chunk's piece lies in each dump), each named graph's packed
triples as it wrote them (`GRAPHS`), and the table of distinct objects (`Objects`).
`kg.publish.chunked` says how they are used.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg.atomic import write_bytes
from kg.errors import KgError
from kg.publish.chunking import INFERRED_QUADS, Chunk, read_lines
from kg.publish.contents import NamedGraph

FOLDER = "dumps"  # in the cache folder
STATE = "state.pickle"
OBJECTS = "objects.sqlite"
FORMAT = 1  # of the state: another is not read
GRAPHS = "graphs"  # the packed graphs of the last publish, by SHA-256, in the state's folder


@dataclass
class GraphRecord:
    """A named graph as the last publish wrote it."""

    asserted: bytes  # SHA-256 of its packed asserted triples
    inferred: bytes | None  # and of its inferred ones (None: not reasoned)
    trig: tuple[int, int]  # its block in kg.trig
    quads: int
    observations: int | None  # a document's: its qb:Observation


@dataclass
class State:
    """What a publish keeps of its dumps for the next one (CACHE/dumps/state.pickle)."""

    key: str  # the code and base the dumps were written with
    generation: str  # names this state in objects.sqlite
    files: dict[str, tuple[int, int, int]]  # name -> size, inode, modification time (ns)
    asserted: list[Chunk]
    inferred: list[Chunk]
    graphs: dict[str, GraphRecord]  # N-Triples name -> record
    objects: int  # distinct objects of kg.nt


def identity(path: Path) -> tuple[int, int, int]:
    found = path.stat()
    return found.st_size, found.st_ino, found.st_mtime_ns


def load_state(folder: Path, out: Path, key: str) -> State | None:
    """The state of the last publish, when the dumps in `out` and the kept quads are still
    the files it describes (same size, inode and modification time: the same files, or hard
    links to them, unchanged) and written by this code with this base; None otherwise (the
    dumps are then written from scratch)."""
    try:
        with (folder / STATE).open("rb") as f:
            state = pickle.load(f)
        if not isinstance(state, State) or state.key != key:
            return None
        for name, recorded in state.files.items():
            path = folder / name if name == INFERRED_QUADS else out / name
            if identity(path) != tuple(recorded):
                return None
        with sqlite3.connect(folder / OBJECTS) as db:
            (generation,) = db.execute("SELECT generation FROM meta").fetchone()
        db.close()
        if generation != state.generation:
            return None
    except Exception:  # noqa: BLE001 - a missing or damaged state: the dumps from scratch
        return None
    return state


class Objects:
    """objects.sqlite: for the digest of each object of kg.nt, how many chunks hold it. Its
    changes are one transaction, committed with the state (`commit`); a new table is written
    beside the old one and renamed over it."""

    def __init__(self, path: Path, fresh: bool):
        self.target = path
        self.path = path.with_name(f"{path.name}.{os.getpid()}.new") if fresh else path
        if fresh:
            self.path.unlink(missing_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("BEGIN")
        if fresh:
            self.db.execute(
                "CREATE TABLE objects (digest BLOB PRIMARY KEY, chunks INTEGER NOT NULL) "
                "WITHOUT ROWID"
            )
            self.db.execute("CREATE TABLE meta (generation TEXT NOT NULL)")
            self.db.execute("INSERT INTO meta VALUES ('')")

    def fill(self, sorted_digests: Path) -> int:
        """The table of a file of hex digests in sorted order, one line for each chunk that
        holds the object; returns the number of distinct objects."""

        def rows():
            last, n = None, 0
            for line in read_lines(sorted_digests):
                if line != last:
                    if last is not None:
                        yield bytes.fromhex(last.decode()), n
                    last, n = line, 0
                n += 1
            if last is not None:
                yield bytes.fromhex(last.decode()), n

        self.db.executemany("INSERT INTO objects VALUES (?, ?)", rows())
        return self.db.execute("SELECT count(*) FROM objects").fetchone()[0]

    def change(self, delta: Counter, count: int) -> int:
        """Add `delta` (digest -> chunks more or fewer) to a table of `count` objects; returns
        the new count."""
        for digest, n in sorted(delta.items()):
            if n == 0:
                continue
            found = self.db.execute("SELECT chunks FROM objects WHERE digest = ?", (digest,))
            row = found.fetchone()
            now = (row[0] if row else 0) + n
            if now < 0:
                raise KgError(self.target, None, "does not match the dumps; remove it")
            if now == 0:
                self.db.execute("DELETE FROM objects WHERE digest = ?", (digest,))
                count -= 1
            elif row:
                self.db.execute("UPDATE objects SET chunks = ? WHERE digest = ?", (now, digest))
            else:
                self.db.execute("INSERT INTO objects VALUES (?, ?)", (digest, now))
                count += 1
        return count

    def commit(self, generation: str) -> None:
        self.db.execute("UPDATE meta SET generation = ?", (generation,))
        self.db.execute("COMMIT")
        self.db.close()
        if self.path != self.target:
            os.replace(self.path, self.target)

    def abandon(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("ROLLBACK")
        self.db.close()
        if self.path != self.target:
            self.path.unlink(missing_ok=True)


def kept_graph(folder: Path, digest: bytes) -> Path:
    return folder / GRAPHS / f"{digest.hex()}.nt.zlib"


def remove_stale(folder: Path) -> None:
    """The files a killed publish was writing (`NAME.PID.new`), when that process is gone."""
    for path in folder.glob("*.*.new"):
        pid = path.name.split(".")[-2]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            path.unlink(missing_ok=True)
        except PermissionError:
            pass  # another user's process: running


def keep_graphs(named: dict[str, NamedGraph], records: dict, folder: Path) -> None:
    """The packed graphs of this publish in `GRAPHS`, those of no graph of it removed."""
    (folder / GRAPHS).mkdir(exist_ok=True)
    wanted = set()
    for n, record in records.items():
        graph = named[n]
        for digest, packed in (
            (record.asserted, graph.asserted),
            (record.inferred, graph.inferred),
        ):
            if digest is None:
                continue
            path = kept_graph(folder, digest)
            wanted.add(path.name)
            if not path.exists():
                write_bytes(path, packed.data)
    for path in (folder / GRAPHS).iterdir():
        if path.name not in wanted:
            path.unlink()
