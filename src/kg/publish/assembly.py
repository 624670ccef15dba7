"""The dumps assembled from chunks' pieces: each piece written, or copied from the previous
publish's file (no parsing, no serializing), and the SHA-256 of each file taken as it is
written, in the same pass: a small change's publish reads the unchanged bytes once, not a
second time to checksum them.

Each file is written by a thread of its own, in the order its pieces come: reading, hashing
and writing release the GIL, so the dumps of one publish are copied and hashed on every core
at once (at 10,000 documents a small change copies and hashes some 12 GB: on one thread,
the larger part of its time)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import threading
from pathlib import Path

from kg.publish.chunking import TURTLE_HEAD, Chunk, Written
from kg.publish.jsonld import JSONLD_FIRST, JSONLD_HEAD, JSONLD_SEPARATOR, JSONLD_TAIL

BLOCK = 1 << 22  # bytes of the previous file read at once
# The previous file's pages already copied are dropped from the page cache, in whole stretches
# of this many bytes from its start: Linux keeps a file's pages in folios (on x86-64 up to
# 2 MiB, the size of a huge page), each aligned to its size, and drops only the folios a
# range holds whole. (A folio larger elsewhere is left in memory: a hint, no error.)
DROP_ALIGN = 1 << 21


class Assembly:
    """A file written from pieces: bytes, or spans of an earlier file copied; `sha256` is
    the digest of what was written, once it is closed."""

    def __init__(self, path: Path, previous: Path | None = None):
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            self.source = os.open(previous, os.O_RDONLY) if previous is not None else None
        except BaseException:
            os.close(self.fd)
            raise
        self.size = 0
        self.dropped = 0  # the previous file's pages before this offset are dropped
        self.pending: tuple[int, int] | None = None  # a span of `previous` not yet copied
        self.hasher = hashlib.sha256()
        self.sha256: str | None = None
        # What the thread is to do, in order: bytes to write, a span of `previous` to copy,
        # None to stop. Bounded, so that pieces made faster than they are written wait.
        self._work: queue.Queue = queue.Queue(maxsize=64)
        self._failed: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"write {path.name}", daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> tuple[int, int]:
        self._flush()
        self._put(data)
        span = (self.size, len(data))
        self.size += len(data)
        return span

    def _put(self, item) -> None:
        if self._failed is not None:
            raise self._failed
        self._work.put(item)

    def _run(self) -> None:
        while (item := self._work.get()) is not None:
            if self._failed is not None:
                continue  # drain: the writer raises the first failure
            try:
                if isinstance(item, tuple):
                    self._copy_span(*item)
                else:
                    self._out(item)
            except BaseException as exc:
                self._failed = exc

    def _out(self, data: bytes | memoryview) -> None:
        self.hasher.update(data)
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]

    def _copy_span(self, offset: int, length: int) -> None:
        while length:
            data = os.pread(self.source, min(length, BLOCK), offset)
            if not data:
                raise OSError(f"{self.path}: the previous file ended early")
            self._out(data)
            offset, length = offset + len(data), length - len(data)
            self._drop_behind(offset)

    def _drop_behind(self, offset: int) -> None:
        """Drop the previous file's pages before `offset` from the page cache. It is read once,
        front to back, and replaced: kept, its copied pages push out the pages not copied yet
        when both dumps do not fit in memory (at 10,000 documents, 14 GB each), which are then
        read from the disk again (issue 19's +1 document: 2 to 3 s)."""
        end = offset - offset % DROP_ALIGN
        if end > self.dropped and hasattr(os, "posix_fadvise"):
            # (a hint: a file system that refuses it copies as well)
            with contextlib.suppress(OSError):
                os.posix_fadvise(
                    self.source, self.dropped, end - self.dropped, os.POSIX_FADV_DONTNEED
                )
            self.dropped = end

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
        span, self.pending = self.pending, None
        self._put(span)

    def finish(self) -> None:
        """No more pieces: the span still pending is queued (`close` waits for the thread)."""
        self._flush()

    def close(self) -> None:
        """Wait for the thread to write everything; raises what it failed with, if it did."""
        try:
            if self._thread.is_alive():
                try:
                    self._flush()
                finally:
                    self._work.put(None)
                    self._thread.join()
            if self._failed is not None:
                raise self._failed
            self.sha256 = self.hasher.hexdigest()
        finally:
            # not under a thread still writing (a join interrupted): it would write into
            # whatever file took the descriptor's number next
            if self.fd >= 0 and not self._thread.is_alive():
                os.close(self.fd)
                if self.source is not None:
                    os.close(self.source)
                self.fd = -1


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
        """The last piece queued: `close` waits for the threads to write everything (the
        main thread goes on meanwhile)."""
        if "kg.jsonld" in self.files:
            self.files["kg.jsonld"].write(JSONLD_TAIL.encode())
        for out in self.files.values():
            out.finish()

    def close(self) -> None:
        """Close every file (each thread joined), then raise the first failure, if any."""
        failure = None
        for out in self.files.values():
            try:
                out.close()
            except BaseException as exc:
                failure = failure or exc
            if out.sha256 is not None:
                self.digests[out.path] = out.sha256
        self.files = {}
        if failure is not None:
            raise failure
