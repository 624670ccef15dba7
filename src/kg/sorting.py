"""External sorting: lines sorted in byte order by the `sort` command (coreutils), in bounded
memory, spilling to temporary files. The dumps and the cross-document checks sort more lines
than fit comfortably in Python; `sort` in the C locale does it in C, and byte order is code
point order for UTF-8."""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager, suppress
from pathlib import Path

from kg.errors import KgError

SORT_MEMORY = "512M"  # the buffer of each sort process; beyond it, sort merges temporary files


def sort_command() -> list[str]:
    sort = shutil.which("sort")
    if sort is None:
        raise KgError("sort", None, "kg publish needs the sort command (coreutils) on PATH")
    return [sort, "-S", SORT_MEMORY]


def c_locale() -> dict[str, str]:
    return {**os.environ, "LC_ALL": "C"}


def failed(process: subprocess.Popen, log: Path, output: Path) -> KgError:
    lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return KgError(output, None, f"sort failed ({process.returncode}): {' '.join(lines[-1:])}")


@contextmanager
def sorted_into(output: Path, work: Path, *options: str):
    """Yield a binary stream; the lines written to it end up in `output`, sorted in byte order
    (`options`: `-u` for unique lines), by a sort process that spills to `work`."""
    log = work / f"{output.name}.sort.log"
    with log.open("wb") as errors:
        command = [*sort_command(), "-T", str(work), "-o", str(output), *options]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=errors, env=c_locale())
        try:
            yield process.stdin
            process.stdin.close()
        except BaseException as exc:
            # A write to a sort that died fails with a broken pipe, seen by every sorter open
            # at the time: the one whose process exited with an error reports it.
            died = process.poll()
            if died is None:
                process.kill()
            process.wait()
            with suppress(OSError):
                process.stdin.close()
            if isinstance(exc, BrokenPipeError) and died:
                raise failed(process, log, output) from None
            raise
        if process.wait() != 0:
            raise failed(process, log, output)
