"""`kg publish --scheduler`: the documents' work on a real Dask cluster (a scheduler and two
worker processes started here, on 127.0.0.1), and the same files as a publish on this
machine's cores."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from importlib import import_module
from pathlib import Path

import pytest

from kg.cli import main

distributed = pytest.importorskip("distributed", reason="Dask's distributed is not installed")

DATA = Path(__file__).resolve().parents[1] / "data"
DOCUMENTS = sorted(p.stem for p in (DATA / "documents").glob("*.yaml"))


def files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _start(arguments: list[str], log: Path) -> subprocess.Popen:
    with log.open("w") as output:
        return subprocess.Popen(
            [sys.executable, "-m", *arguments],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A Dask scheduler and two single-threaded worker processes on 127.0.0.1; yields the
    scheduler's address."""
    folder = tmp_path_factory.mktemp("dask")
    address_file = folder / "scheduler.json"
    processes = [
        _start(
            [
                "distributed.cli.dask_scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(address_file),
            ],
            folder / "scheduler.log",
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not address_file.is_file() or not address_file.read_text().strip():
            if processes[0].poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"no scheduler:\n{(folder / 'scheduler.log').read_text()}")
            time.sleep(0.2)
        time.sleep(0.2)  # the file written whole
        address = json.loads(address_file.read_text())["address"]
        for n in (1, 2):
            processes.append(
                _start(
                    [
                        "distributed.cli.dask_worker",
                        address,
                        "--nthreads",
                        "1",
                        "--no-nanny",
                        "--no-dashboard",
                        "--host",
                        "127.0.0.1",
                        "--name",
                        f"worker-{n}",
                    ],
                    folder / f"worker-{n}.log",
                )
            )
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_a_publish_on_the_cluster_gives_the_files_of_a_local_one(cluster, tmp_path, capsys):
    assert main(["publish", "--no-cache", "--out", str(tmp_path / "local")]) == 0
    assert (
        main(["publish", "--no-cache", "--scheduler", cluster, "--out", str(tmp_path / "remote")])
        == 0
    )
    assert files(tmp_path / "remote") == files(tmp_path / "local")
    with distributed.Client(cluster, timeout=30) as client:
        done = client.run(lambda: list(import_module("kg.build.pipeline").REMOTE_DONE))
    assert len(done) == 2  # both workers answered
    processed = [doc for worker in done.values() for doc in worker]
    assert sorted(processed) == DOCUMENTS  # each document once, on the cluster


def test_the_cache_serves_a_publish_on_the_cluster(cluster, tmp_path):
    cache = tmp_path / "cache"
    out = tmp_path / "dist"
    assert main(["publish", "--cache", str(cache), "--out", str(out), "--jobs", "1"]) == 0
    first = files(out)
    with distributed.Client(cluster, timeout=30) as client:
        before = sum(
            map(
                len,
                client.run(lambda: import_module("kg.build.pipeline").REMOTE_DONE).values(),
            )
        )
    assert main(["publish", "--cache", str(cache), "--out", str(out), "--scheduler", cluster]) == 0
    with distributed.Client(cluster, timeout=30) as client:
        after = sum(
            map(
                len,
                client.run(lambda: import_module("kg.build.pipeline").REMOTE_DONE).values(),
            )
        )
    assert after == before  # every document from the cache: nothing sent to the cluster
    assert files(out) == first


def test_no_scheduler_at_the_address_is_one_line(tmp_path, capsys, monkeypatch):
    from kg.build import pipeline

    monkeypatch.setattr(pipeline, "CONNECT_SECONDS", 1)
    status = main(
        ["publish", "--no-cache", "--scheduler", "tcp://127.0.0.1:9", "--out", str(tmp_path / "d")]
    )
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("error: --scheduler: no Dask scheduler answers at tcp://127.0.0.1:9")
    assert err.count("\n") == 1
    assert not (tmp_path / "d").exists()
