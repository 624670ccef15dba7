"""Reading curation files: YAML in which every value remembers the file and line it came from.

Every scalar is read as text (YAML's base schema), so that `54`, `2005-05` and `"54"` mean the
same thing and the model stage converts each by the kind of its field. Errors name the file
and line of the offending value.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.errors import KgError


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


class Mapping(dict):
    """A YAML mapping with its position; keys are plain strings."""

    where: Where
    key_lines: dict[str, int]

    def at(self, key: str) -> Where:
        return Where(self.where.path, self.key_lines.get(key, self.where.line))


class Sequence(list):
    where: Where


Node = Text | Mapping | Sequence | None


# libyaml's parser where PyYAML was built with it (the wheels are): same nodes and marks, ten
# times faster than the pure-Python one.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def _convert(node: yaml.Node, path: Path) -> Node:
    where = Where(path, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:null" or (
            node.value in ("", "~", "null") and not node.style
        ):
            return None
        return Text(node.value, where)
    if isinstance(node, yaml.SequenceNode):
        seq = Sequence(_convert(item, path) for item in node.value)
        seq.where = where
        return seq
    if isinstance(node, yaml.MappingNode):
        mapping = Mapping()
        mapping.where = where
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise KgError(path, key_node.start_mark.line + 1, "a key must be a plain word")
            key = key_node.value
            if key in mapping:
                raise KgError(path, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            mapping[key] = _convert(value_node, path)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping
    raise KgError(path, where.line, f"unsupported YAML node {node.tag}")


def load(path: Path) -> Node:
    """Parse one curation file; a syntax error becomes a one-line KgError with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KgError(path, None, f"not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise KgError(path, None, f"cannot read: {exc.strerror}") from exc
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise KgError(path, line, f"invalid YAML: {exc.problem or exc.context}") from exc
    if node is None:
        raise KgError(path, 1, "the file is empty")
    return _convert(node, path)
