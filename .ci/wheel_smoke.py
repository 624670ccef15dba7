"""Smoke test of kg as a user installs it: build the wheel, install it into a fresh virtual
environment outside the checkout, and run kg from a folder outside the checkout.

Steps: build the wheel from a copy of the checkout's pyproject.toml and src/ (so the checkout
gets no build/ or egg-info), `python -m venv`, `pip install` the wheel (its pinned
dependencies from the package index), then with that venv's `kg`:

- `kg publish --data <checkout>/data --out <tmp>/dist`;
- `kg validate` on a conforming and on a broken Turtle file: 0, then non-zero naming the
  violation (an installed kg without its shapes would pass both);
- `kg query <named query> --dist <tmp>/dist`;
- `kg serve --dist <tmp>/dist --port <free port>`: one SPARQL query and the home page, then
  the server is stopped.

Run as `make wheel-smoke` (or `.venv/bin/python .ci/wheel_smoke.py [--keep]`); exits non-zero
with the failing step's output on the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
BUILD_INPUTS = ("pyproject.toml", "setup.cfg", "setup.py", "MANIFEST.in")
# Only src/ is copied, so no build output can be in it; "build" is a package of kg there
# (kg.build), not a directory to leave out.
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
SERVE_START = 120  # seconds to wait for kg serve to answer (it loads the graph first)
# A small graph that conforms (the base of the shapes tests), and the same without the
# document's headline: one violation.
CONFORMING = CHECKOUT / "tests" / "fixtures" / "shapes" / "base.ttl"
HEADLINE = '    schema:headline "IOM assists victims"@en ;\n'
BROKEN_MESSAGE = "A document needs exactly one headline"


class Failed(Exception):
    pass


def step(name: str):
    print(f"wheel-smoke: {name}", flush=True)


def run(cmd: list, *, cwd: Path, expect: int | None = 0, timeout: float = 300, env=None):
    """Run a command, fail with its output unless it exits with `expect` (None: non-zero)."""
    done = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    ok = done.returncode != 0 if expect is None else done.returncode == expect
    if not ok:
        wanted = "non-zero" if expect is None else expect
        raise Failed(
            f"{' '.join(map(str, cmd))} exited {done.returncode}, expected {wanted}\n"
            f"--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
        )
    return done


def build_wheel(checkout: Path, tmp: Path) -> Path:
    """The wheel of `checkout`, built from a copy of its build inputs in `tmp`."""
    source = tmp / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        if (checkout / name).exists():
            shutil.copy2(checkout / name, source / name)
    shutil.copytree(checkout / "src", source / "src", symlinks=True, ignore=IGNORED)
    wheels = tmp / "wheels"
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, source],
        cwd=tmp,
    )
    (wheel,) = wheels.glob("kg-*.whl")
    return wheel


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, accept: str) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read().decode()


def serve_checks(kg: Path, dist: Path, work: Path, env: dict) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (work / "serve.log").open("w")
    server = subprocess.Popen(
        [str(kg), "serve", "--dist", str(dist), "--host", "127.0.0.1", "--port", str(port)],
        cwd=work,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        query = urllib.parse.urlencode(
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/NewsArticle> }"}
        )
        deadline = time.monotonic() + SERVE_START
        answer = None
        while answer is None:
            if server.poll() is not None:
                raise Failed(f"kg serve exited {server.returncode}:\n{_read(work / 'serve.log')}")
            try:
                answer = get(f"{base}/sparql?{query}", "application/sparql-results+json")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise Failed(
                        f"kg serve did not answer in {SERVE_START} s:\n{_read(work / 'serve.log')}"
                    ) from None
                time.sleep(0.5)
        status, kind, body = answer
        rows = json.loads(body)["results"]["bindings"]
        count = int(rows[0]["n"]["value"])
        if status != 200 or "sparql-results+json" not in kind or count < 1:
            raise Failed(f"SPARQL answer {status} {kind}: {body[:500]}")
        status, kind, body = get(f"{base}/", "text/html")
        if status != 200 or "text/html" not in kind or "<html" not in body.lower():
            raise Failed(f"home page {status} {kind}: {body[:500]}")
        print(f"  {count} documents by SPARQL; home page {len(body)} characters", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")[-4000:]


def smoke(tmp: Path) -> None:
    started = time.monotonic()
    step(f"building the wheel in {tmp}")
    wheel = build_wheel(CHECKOUT, tmp)
    print(f"  {wheel.name}", flush=True)

    step("installing it into a fresh virtual environment")
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", venv], cwd=tmp)
    run([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], cwd=tmp, timeout=600)
    kg = venv / "bin" / "kg"
    work = tmp / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    where = run([venv / "bin" / "python", "-c", "import kg; print(kg.__file__)"], cwd=work, env=env)
    if not Path(where.stdout.strip()).is_relative_to(venv):
        raise Failed(f"kg imported from {where.stdout.strip()}, not from {venv}")

    step("kg publish")
    dist = tmp / "dist"
    run(
        [kg, "publish", "--data", CHECKOUT / "data", "--out", dist, "--cache", tmp / "cache"],
        cwd=work,
        env=env,
    )
    shapes = [f"shapes/{path.name}" for path in sorted((CHECKOUT / "src/kg/shapes").glob("*.ttl"))]
    for name in ("kg.nt", "ontology/kg.ttl", *shapes, "void.ttl"):
        if not (dist / name).is_file():
            raise Failed(f"kg publish wrote no {name}")

    step("kg validate: a conforming file, then a broken one")
    turtle = CONFORMING.read_text(encoding="utf-8")
    if HEADLINE not in turtle:
        raise Failed(f"{CONFORMING} has no line {HEADLINE.strip()!r} to remove")
    (work / "conforming.ttl").write_text(turtle, encoding="utf-8")
    run([kg, "validate", "conforming.ttl"], cwd=work, env=env)
    (work / "broken.ttl").write_text(turtle.replace(HEADLINE, ""), encoding="utf-8")
    done = run([kg, "validate", "broken.ttl"], cwd=work, expect=None, env=env)
    if BROKEN_MESSAGE not in done.stdout + done.stderr:
        raise Failed(f"kg validate did not name the violation:\n{done.stdout}\n{done.stderr}")

    step("kg query")
    done = run([kg, "query", "funders", "--dist", dist, "--format", "csv"], cwd=work, env=env)
    if len(done.stdout.strip().splitlines()) < 2:
        raise Failed(f"kg query funders gave no rows:\n{done.stdout}")

    step("kg serve")
    serve_checks(kg, dist, work, env)
    print(f"wheel-smoke: passed in {time.monotonic() - started:.0f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kg-wheel-smoke-")).resolve()
    if tmp.is_relative_to(CHECKOUT):
        print(f"wheel-smoke: {tmp} is inside the checkout; set TMPDIR elsewhere", file=sys.stderr)
        return 2
    try:
        smoke(tmp)
    except (Failed, subprocess.TimeoutExpired) as exc:
        print(f"wheel-smoke: FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"wheel-smoke: kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
