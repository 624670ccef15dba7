"""The dumps assembled from chunks' pieces: each piece written, or copied from the previous
publish's file (no parsing, no serializing), and the SHA-256 of each file taken as it is
written, in the same pass: a small change's publish reads the unchanged bytes once, not a
second time to checksum them."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kg.publish.chunking import TURTLE_HEAD, Chunk, Written
from kg.publish.jsonld import JSONLD_FIRST, JSONLD_HEAD, JSONLD_SEPARATOR, JSONLD_TAIL

BLOCK = 1 << 22  # bytes of the previous file read at once


class Assembly:
    """A file written from pieces: bytes, or spans of an earlier file copied; `sha256` is
    the digest of what was written, once it is closed."""

    def __init__(self, path: Path, previous: Path | None = None):
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        self.source = os.open(previous, os.O_RDONLY) if previous is not None else None
        self.size = 0
        self.pending: tuple[int, int] | None = None  # a span of `previous` not yet copied
        self.hasher = hashlib.sha256()
        self.sha256: str | None = None

    def write(self, data: bytes) -> tuple[int, int]:
        self._flush()
        self._out(data)
        span = (self.size, len(data))
        self.size += len(data)
        return span

    def _out(self, data: bytes | memoryview) -> None:
        self.hasher.update(data)
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]

    def copy(self, span: tuple[int, int]) -> tuple[int, int]:
        """Copy `span` of the previous file (consecutive spans in one call)."""
        offset, length = span
        if self.pending is not None and sum(self.pending) == offset:
            self.pending = (self.pending[0], self.pending[1] + length)
        else:
            self._flush()
            self.pending = span
        new = (self.size, length)
        self.size += length
        return new

    def _flush(self) -> None:
        if self.pending is None:
            return
        offset, length = self.pending
        self.pending = None
        while length:
            data = os.pread(self.source, min(length, BLOCK), offset)
            if not data:
                raise OSError(f"{self.path}: the previous file ended early")
            self._out(data)
            offset, length = offset + len(data), length - len(data)

    def close(self) -> None:
        try:
            self._flush()
            self.sha256 = self.hasher.hexdigest()
        finally:
            os.close(self.fd)
            if self.source is not None:
                os.close(self.source)


class Writer:
    """The files of one kind of chunks (the asserted quads' four dumps, or the inferred quads
    and their Turtle), written chunk by chunk: a reused chunk's pieces copied from the
    previous files, a new one's written."""

    def __init__(
        self,
        paths: dict[str, Path],
        previous: dict[str, Path] | None = None,
        digests: dict[Path, str] | None = None,
    ):
        self.files: dict[str, Assembly] = {}
        # path -> SHA-256 of each file once closed (a publish's `Digests`, when given)
        self.digests: dict[Path, str] = {} if digests is None else digests
        try:
            for name, path in paths.items():
                self.files[name] = Assembly(path, previous[name] if previous else None)
        except BaseException:
            self.close()
            raise
        self.first = True
        if "kg.jsonld" in self.files:
            self.files["kg.jsonld"].write(JSONLD_HEAD.encode())

    def add(self, chunk: Chunk | Written) -> Chunk:
        spans = {}
        for name, out in self.files.items():
            if name.endswith(".ttl") and self.first:
                out.write(TURTLE_HEAD)  # none for no triples: pyoxigraph writes none then
            if name == "kg.jsonld":
                out.write((JSONLD_FIRST if self.first else JSONLD_SEPARATOR).encode())
            if isinstance(chunk, Written):
                spans[name] = out.write(chunk.pieces[name])
            else:
                spans[name] = out.copy(chunk.spans[name])
        self.first = False
        return Chunk(chunk.last, spans, chunk.figures, isinstance(chunk, Written))

    def finish(self) -> None:
        if "kg.jsonld" in self.files:
            self.files["kg.jsonld"].write(JSONLD_TAIL.encode())
        self.close()

    def close(self) -> None:
        for out in self.files.values():
            out.close()
            if out.sha256 is not None:
                self.digests[out.path] = out.sha256
        self.files = {}
