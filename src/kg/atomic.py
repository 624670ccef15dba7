"""Files and folders written whole or not at all: written under a temporary name beside the
target, then renamed over it, so that a reader (or the next publish) sees the old one or the
new one, never half of either. The temporary names carry the writer's process id: what a
killed process left is removed by the next writer of the same target, what a running one is
writing is left to it."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path


def write_bytes(path: Path, data: bytes) -> None:
    """`data` in `path`, whole: a temporary file beside it, then renamed."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_prefix(path), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_directory(out: Path):
    """Yield a temporary folder that replaces the folder `out` when the block succeeds (and is
    removed when it fails). Leftovers of killed writers of `out` are removed first."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out)
    tmp = Path(tempfile.mkdtemp(prefix=_prefix(out), dir=out.parent))
    try:
        yield tmp
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=_prefix(out, "old"), dir=out.parent))
            out.rename(old / out.name)
        tmp.rename(out)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def remove_stale(out: Path) -> None:
    """Remove the temporary files and folders beside `out` that a process no longer running
    left there (`.NAME.PID.…`, `.NAME.old.PID.…`)."""
    left = re.compile(rf"\.{re.escape(out.name)}\.(?:old\.)?(\d+)\.")
    for path in out.parent.glob(f".{out.name}.*"):
        found = left.match(path.name)
        if found and not _running(int(found[1])):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def _prefix(target: Path, *what: str) -> str:
    return ".".join(["", target.name, *what, str(os.getpid()), ""])


def _running(pid: int) -> bool:
    """Whether a process `pid` exists (another publish may be writing the same target)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    except OverflowError:
        return False
    return pid > 0
