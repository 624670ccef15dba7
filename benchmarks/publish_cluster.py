"""Benchmark: `kg publish --scheduler` on a Dask cluster against a publish on this machine's
cores (not a test).

Synthesizes N documents (`kg synth`, seed 1), starts a Dask scheduler and WORKERS worker
processes of one thread each on 127.0.0.1, and publishes the corpus twice without a cache:
on the local cores (`--jobs WORKERS`) and on the cluster (`--scheduler`); each in a fresh
child process, with the wall time of the build and of the export. Checks that the two folders
hold the same files, byte for byte, and writes benchmarks/publish_cluster.md.

    python benchmarks/publish_cluster.py [N] [--workers W] [--corpora DIR] [--work DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def publish(data: Path, out: Path, jobs: int, scheduler: str | None, queue) -> None:
    from kg.build.run import build
    from kg.publish import export
    from kg.vocab import Minter

    started = time.perf_counter()
    b = build(data, Minter(), jobs=jobs, scheduler=scheduler)
    built = time.perf_counter()
    export.write(b, out, data)
    queue.put({"build": built - started, "export": time.perf_counter() - built})


def measured(*args) -> dict:
    queue = multiprocessing.get_context("spawn").Queue()
    process = multiprocessing.get_context("spawn").Process(target=publish, args=(*args, queue))
    started = time.perf_counter()
    process.start()
    result = queue.get()
    process.join()
    result["seconds"] = time.perf_counter() - started
    return result


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def start(arguments: list[str], log: Path) -> subprocess.Popen:
    with log.open("w") as output:
        return subprocess.Popen(
            [sys.executable, "-m", *arguments], stdout=output, stderr=subprocess.STDOUT
        )


def cluster(folder: Path, workers: int) -> tuple[str, list[subprocess.Popen]]:
    from distributed import Client

    address_file = folder / "scheduler.json"
    scheduler = ["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0"]
    scheduler += ["--no-dashboard", "--scheduler-file", str(address_file)]
    processes = [start(scheduler, folder / "scheduler.log")]
    while not address_file.is_file() or not address_file.read_text().strip():
        time.sleep(0.2)
    time.sleep(0.2)
    address = json.loads(address_file.read_text())["address"]
    for n in range(workers):
        worker = ["distributed.cli.dask_worker", address, "--nthreads", "1", "--no-nanny"]
        worker += ["--no-dashboard", "--host", "127.0.0.1", "--name", f"worker-{n}"]
        processes.append(start(worker, folder / f"worker-{n}.log"))
    with Client(address, timeout=60) as client:
        client.wait_for_workers(workers, timeout=120)
    return address, processes


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("documents", nargs="?", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpora", type=Path, default=None)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    from kg.synth import synthesize

    work = Path(tempfile.mkdtemp(prefix="kg-distributed-", dir=args.work))
    processes: list[subprocess.Popen] = []
    try:
        data = work / "data"
        kept = args.corpora / f"synth-{args.documents}-seed-1" if args.corpora else None
        if kept is not None and kept.is_dir():
            shutil.copytree(kept, data)
        else:
            synthesize(args.documents, 1, data)
            if kept is not None:
                shutil.copytree(data, kept)
        local = measured(data, work / "local", args.workers, None)
        address, processes = cluster(work, args.workers)
        remote = measured(data, work / "remote", args.workers, address)
        same = digests(work / "local") == digests(work / "remote")
        files = len(list((work / "remote").rglob("*")))
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait()
        shutil.rmtree(work, ignore_errors=True)
    lines = [
        f"N={args.documents:,} synthetic documents (seed 1), no cache, {args.workers} "
        f"single-threaded workers on 127.0.0.1 against `--jobs {args.workers}`:",
        "",
        "| publish | whole (s) | build (s) | export (s) |",
        "| --- | --- | --- | --- |",
    ]
    for name, r in (("local (`--jobs`)", local), ("Dask (`--scheduler`)", remote)):
        lines.append(f"| {name} | {r['seconds']:.1f} | {r['build']:.1f} | {r['export']:.1f} |")
    lines += ["", f"The same {files} files, byte for byte: {'yes' if same else 'NO'}.", ""]
    text = "\n".join(lines)
    (HERE / "publish_cluster.md").write_text(text)
    print(text)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
