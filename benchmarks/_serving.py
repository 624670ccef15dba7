"""What the benchmarks that start servers share (not a benchmark): a free port, the corpus they
serve, waiting for a server's first answer, stopping it, and the memory of its processes.

The benchmarks run as scripts from this folder (`python benchmarks/serve.py ...`), which puts
it first on `sys.path`: they import this module as `_serving`.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

KG = [sys.executable, "-m", "kg.cli"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(documents: int, work: Path, publish_args: tuple[str, ...] = ()) -> tuple[Path, Path]:
    """The published folder and the store of N synthetic documents (`kg synth --seed 1`, `kg
    publish PUBLISH_ARGS`, `kg load`), each made when missing from WORK."""
    data, dist, store = work / "data", work / "dist", work / "store"
    publish = ["publish", "--data", str(data), "--out", str(dist), "--cache", str(work / "cache")]
    steps = [
        (data, ["synth", "--documents", str(documents), "--seed", "1", "--out", str(data)]),
        (dist, [*publish, *publish_args]),
        (store, ["load", "--dist", str(dist), "--store", str(store)]),
    ]
    for output, arguments in steps:
        if output.exists():
            continue
        started = time.perf_counter()
        subprocess.run(KG + arguments, check=True, stdout=subprocess.DEVNULL)
        print(f"kg {arguments[0]}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return dist, store


def wait_until_answers(
    process: subprocess.Popen,
    url: str,
    what: str,
    timeout: float,
    interval: float,
    client: httpx.Client | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Ask `url` every `interval` seconds until it answers 200 (on `client`, left open, if
    given); SystemExit when the server ends first, or (the server killed) when `timeout`
    seconds pass."""
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=60) if client is None else contextlib.nullcontext(client) as http:
        while True:
            if process.poll() is not None:
                raise SystemExit(f"{what} exited with {process.returncode}")
            if time.monotonic() > deadline:
                process.kill()
                raise SystemExit(f"{what} did not answer in {timeout:.0f} s")
            try:
                if http.get(url, headers=headers).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(interval)


def stop(process: subprocess.Popen, timeout: float = 30) -> None:
    """Ask a server to end; kill it if it has not after `timeout` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def rss(pid: int) -> int:
    """Resident memory of a process in bytes (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def memory(pid: int) -> tuple[int, int]:
    """(PSS, private anonymous memory) of a process in bytes ((0, 0) once it is gone): the
    proportional set size counts a page that several processes share (the store's files
    mapped by the server and each worker, the page cache) once, split between them; the
    anonymous memory is what the process holds of its own (heap, caches), which no other
    shares and the kernel cannot drop."""
    found = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("Pss", "Anonymous"):
                found[key] = int(rest.split()[0]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return found.get("Pss", 0), found.get("Anonymous", 0)


def tree(pid: int) -> list[int]:
    """A process, then its descendants (a server, its pool's forkserver, its query workers)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += parents.get(current, [])
    return found
