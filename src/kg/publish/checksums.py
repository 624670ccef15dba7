"""The SHA-256 of the published files: `SHA256SUMS`, and the digests VoID and the part
records give."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


class Digests(dict):
    """SHA-256 of files, each read once (in chunks)."""

    def __missing__(self, path: Path) -> str:
        with path.open("rb") as f:
            self[path] = digest = hashlib.file_digest(f, "sha256").hexdigest()
        return digest

    def compute(self, paths: list[Path]) -> None:
        """Digest `paths` two at a time (hashlib releases the GIL: one file per core)."""
        with ThreadPoolExecutor(2) as pool:
            for path, digest in zip(paths, pool.map(Digests().__getitem__, paths), strict=True):
                self[path] = digest


def write_checksums(folder: Path, digests: Digests | None = None) -> None:
    digests = Digests() if digests is None else digests
    lines = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if relative == "SHA256SUMS":
            continue
        lines.append(f"{digests[path]}  {relative}\n")
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def sha256(path: Path) -> str:
    return Digests()[path]
