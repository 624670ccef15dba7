"""The streams a store is bulk-loaded from: files, and blocks of bytes standing for a file
(the inferred triples in their graph), read as one N-Quads stream that knows which file and
line each of its lines comes from, so that a parse error names them."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pyoxigraph as ox

NT = ox.RdfFormat.N_TRIPLES


def bulk_load_stream(store: ox.Store, stream: Stream, failures: list) -> None:
    """One N-Quads stream into the store (in a thread of its own); failures are collected."""
    try:
        store.bulk_load(io.BufferedReader(stream, 1 << 20), format=ox.RdfFormat.N_QUADS)
    except BaseException as exc:  # reported by the thread that started this one
        failures.append((stream, exc.with_traceback(None)))  # which would hold the store
    finally:
        stream.close()


_POSITION = re.compile(
    r"^Parser error (?:at|between) line \d+ "
    r"(?:column (\d+)|between columns (\d+) and \d+)(?: and line \d+ column \d+)?: "
)


def parse_problem(exc: SyntaxError) -> str:
    """A parser's message without the position in the stream (the caller gives the line)."""
    match = _POSITION.match(exc.msg or "")
    if not match:
        return exc.msg or str(exc)
    return f"column {match[1] or match[2]}: {exc.msg[match.end() :]}"


def in_graph(lines: bytes, graph: str, block: int = 1 << 22):
    """N-Triples lines as N-Quads lines of `graph`, a block at a time. Every line of
    Oxigraph's N-Triples ends with " .\n" (a line break inside a literal is escaped)."""
    end = f" <{graph}> .\n".encode()
    start = 0
    while start < len(lines):
        stop = lines.find(b"\n", min(start + block, len(lines) - 1)) + 1 or len(lines)
        yield lines[start:stop].replace(b" .\n", end)
        start = stop


class Stream(io.RawIOBase):
    """Files, and blocks of bytes standing for a file, read as one stream (each part ending
    with a line break), which knows the file and line each line of the stream comes from."""

    def __init__(self, parts: list) -> None:
        self.parts = list(parts)  # (file, None) or (file, blocks of bytes)
        self.source = None
        self.lines = 0  # line breaks read so far
        self.last = b"\n"  # the last byte read of the current part
        self.starts: list[tuple[int, Path]] = []  # (first line in the stream, file) per part

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while True:
            if self.source is None:
                if not self.parts:
                    return 0
                path, blocks = self.parts.pop(0)
                self.starts.append((self.lines + 1, path))
                self.source = path.open("rb") if blocks is None else _Blocks(blocks)
                self.last = b"\n"
            size = self.source.readinto(buffer)
            if size:
                data = bytes(memoryview(buffer)[:size])
                self.lines += data.count(b"\n")
                self.last = data[-1:]
                return size
            self.source.close()
            self.source = None
            if self.last != b"\n":  # a file without a final line break
                buffer[0:1] = b"\n"
                self.lines += 1
                return 1

    def locate(self, line: int | None) -> tuple[Path | str, int | None]:
        """The file and line that a line of the stream comes from."""
        if not self.starts:
            return "kg load", None
        if line is None:
            return self.starts[-1][1], None
        first, path = max((s for s in self.starts if s[0] <= line), default=self.starts[0])
        return path, line - first + 1

    def close(self) -> None:
        if self.source is not None:
            self.source.close()
            self.source = None
        super().close()


class _Blocks(io.RawIOBase):
    """An iterable of bytes blocks as a readable stream."""

    def __init__(self, blocks) -> None:
        self.blocks = iter(blocks)
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            self.pending = next(self.blocks, None)
            if self.pending is None:
                self.pending = b""
                return 0
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size
