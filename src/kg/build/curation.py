"""Reading curation files: YAML in which every value remembers the file and line it came from.

Every scalar is read as text (YAML's base schema), so that `54`, `2005-05` and `"54"` mean the
same thing and the model stage converts each by the kind of its field. Errors name the file
and line of the offending value.

Curation files are input from outside, so reading one is bounded: a file larger than
`MAX_FILE_BYTES` is refused before it is parsed, a value longer than `MAX_VALUE_CHARS` or a
nesting deeper than `MAX_DEPTH` where it is met, and YAML anchors and aliases (`&x`, `*x`) are
refused by the parser's events, so that no alias is ever expanded: nine levels of nested
aliases ("billion laughs") or an alias inside its own anchor are one line of error, not
gigabytes or a RecursionError. The nodes are built from the parser's events without recursion.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.errors import KgError

MAX_FILE_BYTES = 8 * 1024 * 1024
"""The largest curation file read (8 MiB). The real ones are at most 16 KB (a synthesized
document of the N=10,000 benchmark 27 KB, its places.yaml 234 KB); parsing takes about 40 times
a file's size in memory, so 8 MiB is ~330 MB."""

MAX_MANIFEST_BYTES = 32 * 1024 * 1024
"""The largest `sources/manifest.yaml` read (32 MiB): it has an entry (~260 bytes) for every
document, 2.6 MB for the N=10,000 benchmark, so this is about 120,000 documents."""

MAX_VALUE_CHARS = 64 * 1024
"""The longest scalar (key or value), in characters. The longest real one is a 468-character
quote; a source text is about 4,000."""

MAX_DEPTH = 32
"""The deepest nesting of mappings and sequences; the real files nest 6 deep."""


@dataclass(frozen=True)
class Where:
    path: Path
    line: int

    def error(self, message: str) -> KgError:
        return KgError(self.path, self.line, message)


class Text(str):
    """A scalar with its position in the curation file."""

    where: Where

    def __new__(cls, value: str, where: Where) -> Text:
        text = super().__new__(cls, value)
        text.where = where
        return text

    def __getnewargs__(self) -> tuple[str, Where]:  # pickled with its position
        return str(self), self.where


class Mapping(dict):
    """A YAML mapping with its position; keys are plain strings."""

    where: Where
    key_lines: dict[str, int]

    def at(self, key: str) -> Where:
        return Where(self.where.path, self.key_lines.get(key, self.where.line))


class Sequence(list):
    where: Where


Node = Text | Mapping | Sequence | None


# libyaml's parser where PyYAML was built with it (the wheels are): same events and marks, ten
# times faster than the pure-Python one. Only its events are used (parse, not compose), so
# that an anchor or an alias is refused before any node refers to another.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_NULL_TAG = "tag:yaml.org,2002:null"
_NO_ANCHORS = "anchors and aliases are not allowed in curation files (write the value out)"


def load(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Node:
    """Parse one curation file; a syntax error, an anchor or alias, or a file, value or nesting
    over the limits above becomes a one-line KgError with its file and line."""
    return loads(_read(path, max_bytes), path)


def loads(text: str, path: Path) -> Node:
    """Parse the text of a curation file (`path` names it in errors), as `load` does."""
    loader = None
    try:
        loader = _LOADER(text)  # PyYAML's own reader checks the characters here
        return _compose(loader, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise KgError(path, line, f"invalid YAML: {exc.problem or exc.context}") from exc
    except yaml.reader.ReaderError as exc:
        raise KgError(path, _line_at(text, exc.position), f"invalid YAML: {exc.reason}") from exc
    except yaml.YAMLError as exc:
        raise KgError(path, None, f"invalid YAML: {str(exc).splitlines()[0]}") from exc
    finally:
        if loader is not None:
            loader.dispose()


def inside(folder: Path, name: Node, where: Where, root: Path | None = None) -> Path:
    """The file that `name` (a curation value at `where`) names in `folder`, refused unless it
    is a relative path that stays in the folder once resolved: no absolute path, no `..`
    out of it and no symbolic link (of the file or a folder on the way) that leads out.
    `root`: `folder` resolved, when the caller checks many names in it."""
    if not isinstance(name, Text) or not name.strip():
        raise where.error("a file name is a relative path in the sources folder")
    relative = Path(name)
    if relative.is_absolute():
        raise where.error(f"file {str(name)!r} is an absolute path, not one in {folder}")
    try:
        root = root or folder.resolve()
        if len(relative.parts) == 1 and relative.name not in ("", ".", ".."):
            # A name with no folder on the way stays in the folder unless it is itself a
            # link (one lstat: resolving ten thousand names took a second and a half).
            try:
                if not stat.S_ISLNK((folder / relative).lstat().st_mode):
                    return folder / relative
            except FileNotFoundError:
                return folder / relative
        target = (folder / relative).resolve()
    except (OSError, ValueError, RuntimeError) as exc:  # a NUL, a loop of links
        raise where.error(f"file {str(name)!r} cannot be resolved in {folder}: {exc}") from exc
    if target == root:
        raise where.error(f"file {str(name)!r} names the folder {folder}, not a file in it")
    if not target.is_relative_to(root):
        raise where.error(f"file {str(name)!r} leads out of {folder} (to {str(target)!r})")
    return folder / relative


def _read(path: Path, max_bytes: int) -> str:
    """The file's text, read only when it is at most `max_bytes` long."""
    too_big = f"larger than {max_bytes:,} bytes: not read (a curation file is at most that)"
    try:
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_size > max_bytes:
                raise KgError(path, 1, too_big)
            data = f.read(max_bytes + 1)  # a file that is not what its size says, too
    except OSError as exc:
        raise KgError(path, None, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise KgError(path, 1, too_big)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise KgError(path, line, f"not UTF-8 text ({exc.reason})") from exc
    # the universal newlines of a file read as text
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _line_at(text: str, position: int | None) -> int | None:
    """The line of a reader error's position: libyaml counts UTF-8 bytes, PyYAML characters."""
    if position is None or position < 0:
        return None
    if _LOADER is not yaml.BaseLoader:
        return text.encode("utf-8")[:position].count(b"\n") + 1
    return text.count("\n", 0, position) + 1


def _compose(loader, path: Path) -> Node:
    """The document's nodes, built from the parser's events with a stack of open
    collections (no recursion); anchors, aliases and values or nestings over the limits are
    refused at the event that brings them."""
    get = loader.get_event
    get()  # the stream's start
    event = get()
    if isinstance(event, yaml.StreamEndEvent):
        raise KgError(path, 1, "the file is empty")
    # `event` starts the document
    root: Node = None
    stack: list[Mapping | Sequence] = []
    keys: list[str | None] = []  # for each open mapping, the key awaiting its value
    while True:
        event = get()
        kind = type(event)
        line = event.start_mark.line + 1
        if kind is yaml.AliasEvent:
            raise KgError(path, line, f"a YAML alias (*{event.anchor}): {_NO_ANCHORS}")
        if kind is yaml.DocumentEndEvent:
            break
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            node: Node = stack.pop()
            if kind is yaml.MappingEndEvent:
                keys.pop()
        else:
            if event.anchor is not None:
                raise KgError(path, line, f"a YAML anchor (&{event.anchor}): {_NO_ANCHORS}")
            awaiting_key = bool(stack) and type(stack[-1]) is Mapping and keys[-1] is None
            if kind is yaml.ScalarEvent:
                value = event.value
                if len(value) > MAX_VALUE_CHARS:
                    raise KgError(
                        path,
                        line,
                        f"a value of {len(value):,} characters "
                        f"(at most {MAX_VALUE_CHARS:,} in a curation file)",
                    )
                if awaiting_key:
                    mapping = stack[-1]
                    if value in mapping:
                        raise KgError(path, line, f"duplicate key {value!r}")
                    mapping.key_lines[value] = line
                    keys[-1] = value
                    continue
                if event.tag == _NULL_TAG or (value in ("", "~", "null") and not event.style):
                    node = None
                else:
                    node = Text(value, Where(path, line))
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if awaiting_key:
                    raise KgError(path, line, "a key must be a plain word")
                if len(stack) >= MAX_DEPTH:
                    raise KgError(
                        path, line, f"nested more than {MAX_DEPTH} deep (a curation file is not)"
                    )
                if kind is yaml.MappingStartEvent:
                    collection: Mapping | Sequence = Mapping()
                    collection.key_lines = {}
                    keys.append(None)
                else:
                    collection = Sequence()
                collection.where = Where(path, line)
                stack.append(collection)
                continue
            else:
                raise KgError(path, line, f"unsupported YAML event {kind.__name__}")
        # a complete node: the root, an item of its sequence or the value of its mapping's key
        if not stack:
            root = node
        elif type(stack[-1]) is Sequence:
            stack[-1].append(node)
        else:
            stack[-1][keys[-1]] = node
            keys[-1] = None
    event = get()
    if not isinstance(event, yaml.StreamEndEvent):
        raise KgError(
            path,
            event.start_mark.line + 1,
            "invalid YAML: a second document in the file (a curation file is one document)",
        )
    return root
