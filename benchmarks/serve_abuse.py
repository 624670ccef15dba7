"""How `kg serve` holds under abuse (not a test; the behaviour is asserted in
`tests/test_abuse_server.py`, the figures are measured here).

Starts `kg serve` on a published folder (default: dist/) with its default limits and measures:

- latency of the home page and of `ASK {}` while 60 slow queries from 60 client addresses
  (forwarded by a proxy on loopback) are in flight: p50, p99 and the worst, over 100 requests
  of each, with the statuses seen;
- the server's peak RSS while four clients each POST a 200 MB body to /sparql at once;
- the peak RSS of the query workers while a GROUP_CONCAT over a cartesian product runs, against
  the configured cap (`--worker-memory`, default 1024 MiB beyond the graph).

    python benchmarks/serve_abuse.py [--dist dist] [--worker-memory MiB]

Prints the figures, and writes them to benchmarks/serve-abuse.json.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from _serving import KG, free_port, rss, stop, tree, wait_until_answers

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
GREEDY = 'SELECT (GROUP_CONCAT(STR(?o); separator=",") AS ?x) WHERE { ?a ?b ?o . ?c ?d ?e }'
HERE = Path(__file__).resolve().parent


class Peak:
    """The largest RSS seen of some processes, sampled every 20 ms until stopped."""

    def __init__(self, pids) -> None:
        self.pids = pids
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            for pid in self.pids():
                self.peak = max(self.peak, rss(pid))
            time.sleep(0.02)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def start(dist: Path, port: int, worker_memory: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [*KG, "serve", "--dist", str(dist), "--port", str(port)]
        + ["--worker-memory", str(worker_memory)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until_answers(
        process, f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", "kg serve", 120, 0.2
    )
    return process


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(ordered[max(0, round(len(ordered) * 0.99) - 1)] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def under_slow_queries(address: str) -> dict:
    """Latency of the home page and of ASK while 60 slow queries are in flight."""
    stop = threading.Event()
    slow_statuses: list[int] = []

    def keep_slow(number: int) -> None:
        with httpx.Client(base_url=address, timeout=60) as client:
            while not stop.is_set():
                response = client.get(
                    "/sparql",
                    params={"query": SLOW},
                    headers={"X-Forwarded-For": f"10.1.{number // 250}.{number % 250 + 1}"},
                )
                slow_statuses.append(response.status_code)
                if response.status_code != 500:  # refused at once: try again shortly
                    time.sleep(0.1)

    figures: dict = {}
    with ThreadPoolExecutor(max_workers=60) as pool:
        for n in range(60):
            pool.submit(keep_slow, n)
        time.sleep(2)
        with httpx.Client(base_url=address, timeout=60) as client:
            for name, path, params in (
                ("home page", "/", {}),
                ("ASK {}", "/sparql", {"query": "ASK {}", "format": "json"}),
            ):
                times, statuses = [], {}
                for _ in range(100):
                    began = time.perf_counter()
                    response = client.get(path, params=params)
                    times.append(time.perf_counter() - began)
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                figures[name] = {**percentiles(times), "statuses": statuses}
        stop.set()
    counted: dict[int, int] = {}
    for status in slow_statuses:
        counted[status] = counted.get(status, 0) + 1
    figures["slow queries"] = {"statuses": counted}
    return figures


def large_bodies(address: str, server_pid: int) -> dict:
    """The server's peak RSS while four clients POST 200 MB each."""
    host, port = address.removeprefix("http://").split(":")
    size = 200 * 1024 * 1024
    block = b"A" * (1024 * 1024)
    peak = Peak(lambda: [server_pid])
    before = rss(server_pid)

    def post() -> str:
        with socket.create_connection((host, int(port)), timeout=60) as connection:
            connection.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: x\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                + f"Content-Length: {size}\r\n\r\n".encode()
                + b"query="
            )
            sent = 6
            try:
                while sent < size:
                    connection.sendall(block)
                    sent += len(block)
            except OSError:
                pass  # the server answered and closed
            try:
                return connection.recv(64).decode("latin-1").split("\r\n")[0]
            except OSError as exc:
                return f"closed ({exc.strerror})"

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: post(), range(4)))
    time.sleep(0.2)
    return {
        "server_rss_before_mib": round(before / 2**20, 1),
        "server_peak_rss_mib": round(peak.stop() / 2**20, 1),
        "answers": answers,
    }


def greedy_query(address: str, server_pid: int, cap_mib: int) -> dict:
    """The workers' peak RSS while a query that would take gigabytes runs."""
    before = {pid: rss(pid) for pid in tree(server_pid)[1:]}
    peak = Peak(lambda: tree(server_pid)[1:])  # the query workers and their forkserver
    began = time.perf_counter()
    response = httpx.get(f"{address}/sparql", params={"query": GREEDY}, timeout=120)
    seconds = time.perf_counter() - began
    return {
        "worker_rss_before_mib": [round(v / 2**20, 1) for v in before.values()],
        "worker_peak_rss_mib": round(peak.stop() / 2**20, 1),
        "cap_mib": cap_mib,
        "status": response.status_code,
        "seconds": round(seconds, 2),
        "answer": response.text.strip()[:160],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=Path("dist"))
    parser.add_argument("--worker-memory", type=int, default=1024, metavar="MiB")
    args = parser.parse_args()
    port = free_port()
    address = f"http://127.0.0.1:{port}"
    server = start(args.dist, port, args.worker_memory)
    try:
        results = {
            "under 60 slow queries": under_slow_queries(address),
            "four 200 MB bodies": large_bodies(address, server.pid),
            "GROUP_CONCAT over a cartesian product": greedy_query(
                address, server.pid, args.worker_memory
            ),
        }
    finally:
        stop(server, 20)
    print(json.dumps(results, indent=2))
    (HERE / "serve-abuse.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
