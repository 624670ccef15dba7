"""Where the files of a publish are: the dumps of `dist/`, whole or in parts.

The one module of the publish stage its readers (query, load, push, serve) import: it says
where to find what the export wrote, and imports nothing heavy.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import KgError

PARTS = "parts"  # the folder of the dumps of a parted publish (`kg publish --part-size`)


def dump_paths(dist: Path | str, name: str) -> list[Path]:
    """The files that hold the dump `name` (`kg.nq`, `kg-inferred.ttl`, ...) of a publish:
    `dist/name`, or, in a parted publish (`kg.publish.parts.write_parts`), that file of every part:
    `dist/parts/reference/name`, then `dist/parts/documents-*/name` in name order (listed
    even when missing, for the reader to say so). [] when there is neither."""
    dist = Path(dist)
    if (dist / name).is_file() or not (dist / PARTS).is_dir():
        return [dist / name] if (dist / name).is_file() else []
    folders = sorted(p for p in (dist / PARTS).iterdir() if p.is_dir())
    folders.sort(key=lambda folder: folder.name != "reference")
    return [folder / name for folder in folders]


def check_dump(dist: Path | str, name: str, problem: str) -> list[Path]:
    """`dump_paths(dist, name)`, or a KgError naming the dump (`problem`: what it lacks and
    what to do) or the part that lacks it."""
    paths = dump_paths(dist, name)
    if not paths:
        raise KgError(Path(dist) / name, None, problem)
    for path in paths:
        if not path.is_file():
            raise KgError(path, None, "missing: a part of the dumps lacks it; publish again")
    return paths
