"""The examples of README.md and docs/*.md run, and print what the documents show.

An example is a fenced block whose first line starts with `$ `: each `$ COMMAND` line (with
the lines that continue it: an open quote, a trailing backslash) is run by bash, and what it
prints (standard output and standard error together) must be the lines that follow it, up
to the next `$ ` line. A line `…` in the expected output stands for any number of lines.

Each page runs in its own workspace, in document order, so an example may use what an
earlier one of the page made (`kg load`, then `kg query --store`). The workspace is what a
reader has after `make publish`: a copy of `data/`, its `dist/` and `.kg-cache/`, with
`.venv/bin` first on the PATH (bare `kg` works) and the project's other files (`src/`,
`tests/`, `benchmarks/`, `docs/`, ...) linked in. Commands run with their output in a pipe,
as a script would see it, so a page shows the pipe forms (`--format csv`); a block marked
`<!-- terminal: N columns -->` on the line before its fence runs on a pseudo-terminal of N
columns instead (escape sequences removed), and the page says it shows a terminal.

`kg serve ...` starts in the background on a free port: its banner, read up to "Press Ctrl+C
to stop.", is compared, and it serves the page's following commands (their `127.0.0.1:8000`
is rewritten to its port, and back in what they print) until the page ends or another
`kg serve` starts.

Volatile parts are normalised on both sides: durations (`72 ms`, `6.3 s`), HTTP `date:`
headers, and today's date where a retrieval date is shown.

A block that cannot run (it needs a file the reader has, or another server) carries an HTML
comment on the line before its fence: `<!-- not run: REASON -->`. A block with `$ ` lines
that does not start with one, or a shell block with `kg` commands and no prompt, must carry
one too: the test fails on any example that is neither run nor marked.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Project files a command may name, linked into each workspace (data/ is copied).
LINKED = [".venv", "src", "tests", "benchmarks", "docs", "ontology", "shapes", "pyproject.toml"]
NOT_RUN = re.compile(r"^<!--\s*not run:\s*(\S.*?)\s*-->$")
TERMINAL = re.compile(r"^<!--\s*terminal:\s*(\d+)\s+columns\s*-->$")
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+-]*)")
SERVE = re.compile(r"^(?:\S*/)?kg(?:\s+--debug)?\s+serve\b")
DOCUMENTED_PORT = "127.0.0.1:8000"
COMMAND_TIMEOUT = 600  # seconds: a generous bound for a hung command, not a measurement


@dataclass
class Command:
    text: str
    line: int  # in the page, 1-based
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    page: Path
    line: int  # of the opening fence
    language: str
    lines: list[str]
    not_run: str | None
    terminal: int | None = None  # columns of the terminal its commands run on, if on one

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def is_example(self) -> bool:
        return bool(self.lines) and self.lines[0].startswith("$ ")

    def commands(self) -> list[Command]:
        commands: list[Command] = []
        lines = iter(enumerate(self.lines, start=self.line + 1))
        for number, line in lines:
            if line.startswith("$ "):
                text = line[2:]
                while incomplete(text):
                    try:
                        text += "\n" + next(lines)[1]
                    except StopIteration:
                        raise AssertionError(f"{self.page}:{number}: unfinished command") from None
                commands.append(Command(text, number))
            else:
                commands[-1].expected.append(line)
        return commands


def incomplete(text: str) -> bool:
    """A command line that goes on to the next line: a trailing backslash or an open quote."""
    if text.endswith("\\"):
        return True
    try:
        shlex.split(text)
    except ValueError:
        return True
    return False


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of a Markdown page, each with the `not run` reason before it."""
    found: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        indent, fence, language = opening.groups()
        before = next((text.strip() for text in reversed(lines[:index]) if text.strip()), "")
        marker = NOT_RUN.match(before)
        body: list[str] = []
        index += 1
        while index < len(lines) and not lines[index].strip().startswith(fence):
            text = lines[index]
            body.append(text[len(indent) :] if text.startswith(indent) else text.lstrip())
            index += 1
        start = index - len(body)
        terminal = TERMINAL.match(before)
        found.append(
            Block(
                page,
                start,
                language,
                body,
                marker.group(1) if marker else None,
                int(terminal.group(1)) if terminal else None,
            )
        )
        index += 1
    return found


# --------------------------------------------------------------------------------------------
# Comparing what a command printed with what the page shows
# --------------------------------------------------------------------------------------------

DURATION = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:ms|s)\b")
DATE_HEADER = re.compile(r"^(date|last-modified):.*$", re.IGNORECASE)
RETRIEVED = re.compile(r"(retrieved:?\s+)\d{4}-\d{2}-\d{2}")


def normalise(lines: list[str], today: str | None = None) -> list[str]:
    result = []
    for line in lines:
        line = line.rstrip()
        # What ran: today's date; the page's side: the retrieval date it shows stands for today.
        line = line.replace(today, "<today>") if today else RETRIEVED.sub(r"\1<today>", line)
        line = DURATION.sub("<duration>", line)
        line = DATE_HEADER.sub(lambda m: f"{m.group(1).lower()}: <date>", line)
        result.append(line)
    while result and not result[-1]:
        result.pop()
    return result


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether the lines printed are those shown, a line `…` standing for any number."""
    pattern = "".join(
        r"(?:[^\n]*\n)*?" if line == "…" else re.escape(line) + r"\n" for line in expected
    )
    return re.fullmatch(pattern, "".join(line + "\n" for line in actual)) is not None


def expanded(expected: list[str], actual: list[str]) -> list[str]:
    """The page's lines with each `…` replaced by the lines it stands for, as far as they can
    be told (up to the next line the page shows): a difference then shows only what differs."""
    result: list[str] = []
    position = 0
    for index, line in enumerate(expected):
        if line != "…":
            result.append(line)
            position += 1
            continue
        following = next((later for later in expected[index + 1 :] if later != "…"), None)
        end: int | None = len(actual)
        if following is not None:
            end = next((at for at in range(position, len(actual)) if actual[at] == following), None)
        if end is None:
            result.append(line)
        else:
            result.extend(actual[position:end])
            position = end
    return result


# --------------------------------------------------------------------------------------------
# Running a page
# --------------------------------------------------------------------------------------------


def environment() -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"COLUMNS", "LINES", "KG_BASE", "FORCE_COLOR", "PY_COLORS", "CLICOLOR_FORCE"}
        and not key.startswith("PYTEST_")
    }
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}"
    env["VIRTUAL_ENV"] = str(ROOT / ".venv")
    env["PYTHONUNBUFFERED"] = "1"  # standard output and error in the order they were written
    env["LC_ALL"] = "C.UTF-8"
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A `kg serve` command of a page, running in the background on a free port."""

    def __init__(self, command: str, workspace: Path, env: dict[str, str]):
        self.port = free_port()
        self.log = workspace / f".serve-{self.port}.log"
        command = re.sub(r"\s--port\s+\d+", "", command) + f" --port {self.port}"
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                ["bash", "-c", f"exec {command}"],
                cwd=workspace,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    def banner(self) -> list[str]:
        """What it printed up to "Press Ctrl+C to stop.", once it answers queries."""
        deadline = time.monotonic() + COMMAND_TIMEOUT
        while "Press Ctrl+C to stop." not in self.log.read_text():
            if self.process.poll() is not None:
                return self.log.read_text().splitlines()
            if time.monotonic() > deadline:
                return self.log.read_text().splitlines() + ["(no banner in time)"]
            time.sleep(0.1)
        while True:
            try:
                with urllib.request.urlopen(f"{self.address}/sparql?query=ASK%7B%7D", timeout=30):
                    break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
        lines = self.log.read_text().splitlines()
        end = lines.index("Press Ctrl+C to stop.")
        return lines[: end + 1]

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def on_terminal(command: str, workspace: Path, env: dict[str, str], columns: int) -> list[str]:
    """What a command prints on a terminal of that many columns (a pseudo-terminal; colours
    and other escape sequences removed), for a block marked `<!-- terminal: N columns -->`."""
    import fcntl
    import pty
    import struct
    import termios

    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(
        ["bash", "-c", command],
        cwd=workspace,
        env={**env, "TERM": "xterm", "NO_COLOR": "1"},
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
        start_new_session=True,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other end closed: the command is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    process.wait(timeout=COMMAND_TIMEOUT)
    text = ESCAPE.sub("", b"".join(chunks).decode("utf-8", "replace"))
    return text.replace("\r\n", "\n").replace("\r", "").splitlines()


@pytest.fixture(scope="session")
def published_workspace(tmp_path_factory) -> Path:
    """A reader's checkout after `make publish`: data/ copied and published, once a session."""
    workspace = tmp_path_factory.mktemp("docs") / "template"
    workspace.mkdir()
    shutil.copytree(ROOT / "data", workspace / "data")
    done = subprocess.run(
        ["kg", "publish"],
        cwd=workspace,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return workspace


def workspace_for(template: Path, tmp_path: Path) -> Path:
    workspace = tmp_path / "checkout"
    shutil.copytree(template, workspace, symlinks=True)
    for name in LINKED:
        if (ROOT / name).exists():
            (workspace / name).symlink_to(ROOT / name)
    return workspace


def run_page(page: Path, workspace: Path) -> list[str]:
    """Run every example of the page in order; the differences found, one message each."""
    env = environment()
    failures: list[str] = []
    server: Server | None = None
    try:
        for block in blocks(page):
            if not block.is_example or block.not_run:
                continue
            for command in block.commands():
                today = datetime.date.today().isoformat()
                if SERVE.match(command.text):
                    if server:
                        server.stop()
                    server = Server(command.text, workspace, env)
                    printed = server.banner()
                    port = str(server.port)
                else:
                    text = command.text
                    port = str(server.port) if server else None
                    if port:
                        text = text.replace(DOCUMENTED_PORT, f"127.0.0.1:{port}")
                    if block.terminal:
                        printed = on_terminal(text, workspace, env, block.terminal)
                    else:
                        done = subprocess.run(
                            ["bash", "-c", text],
                            cwd=workspace,
                            env=env,
                            stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL,
                            timeout=COMMAND_TIMEOUT,
                        )
                        printed = done.stdout.decode("utf-8", "replace").splitlines()
                if port:
                    printed = [
                        line.replace(f"127.0.0.1:{port}", DOCUMENTED_PORT) for line in printed
                    ]
                expected = normalise(command.expected)
                actual = normalise(printed, today)
                if not matches(expected, actual):
                    diff = "\n".join(
                        difflib.unified_diff(
                            expanded(expected, actual), actual, "shown", "printed", lineterm="", n=2
                        )
                    )
                    failures.append(
                        f"{page.relative_to(ROOT)}:{command.line}: $ {command.text}\n{diff}"
                    )
    finally:
        if server:
            server.stop()
    return failures


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_examples_print_what_the_page_shows(page, request, tmp_path):
    if not any(block.is_example and not block.not_run for block in blocks(page)):
        pytest.skip(f"{page.relative_to(ROOT)} has no example to run")
    template = request.getfixturevalue("published_workspace")
    failures = run_page(page, workspace_for(template, tmp_path))
    assert not failures, "\n\n".join(failures)


KG_LINE = re.compile(r"^(?:\S*/)?kg\s")
SHELL = {"", "sh", "bash", "shell", "console", "shell-session"}


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_every_example_is_run_or_marked(page):
    """An example the test would not run says why; a malformed one is no example."""
    unmarked = []
    for block in blocks(page):
        if block.not_run:
            continue
        prompts = [line for line in block.lines if line.startswith("$ ")]
        if prompts and not block.is_example:
            unmarked.append(f"{block.where}: `$ ` lines, but the block does not start with one")
        elif block.language in SHELL and not prompts and any(map(KG_LINE.match, block.lines)):
            unmarked.append(
                f"{block.where}: kg commands without `$ `: write them as an example "
                "(`$ kg ...` and the output) or mark the block `<!-- not run: REASON -->`"
            )
    assert not unmarked, "\n".join(unmarked)


# --------------------------------------------------------------------------------------------
# The machinery itself
# --------------------------------------------------------------------------------------------


def test_an_ellipsis_stands_for_any_number_of_lines():
    assert matches(["a", "…", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "…", "d"], ["a", "d"])
    assert matches(["a", "…"], ["a", "b"])
    assert not matches(["a", "…", "d"], ["a", "b", "c"])
    assert not matches(["a", "b"], ["a", "b", "c"])  # a shortened output must say so
    assert not matches(["a.b"], ["axb"])


def test_a_difference_shows_what_differs():
    assert expanded(["a", "…", "d", "x"], ["a", "b", "c", "d", "e"]) == ["a", "b", "c", "d", "x"]
    assert expanded(["a", "…"], ["a", "b"]) == ["a", "b"]
    assert expanded(["a", "…", "z"], ["a", "b"]) == ["a", "…", "z"]


def test_volatile_parts_are_normalised():
    assert normalise(["extracted in 72 ms", "in 6.3 s  "]) == normalise(
        ["extracted in 268 ms", "in 12.0 s"]
    )
    assert normalise(["date: Wed, 25 Nov 2026 17:46:29 GMT"]) == normalise(
        ["date: Thu, 03 Dec 2026 16:02:56 GMT"]
    )
    assert normalise(["retrieved 2026-12-03"]) == normalise(["retrieved 2031-01-01"], "2031-01-01")
    assert normalise(["published: 2011-05-04"]) != normalise(
        ["published: 2031-01-01"], "2031-01-01"
    )


def test_commands_are_read_across_lines(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- not run: an example of one -->\n\n```\n$ kg add page.html\nadded\n```\n"
        "```\n$ kg query --sparql 'SELECT\n  ?x' \\\n  --format csv\nx\n$ echo\n\n```\n",
        encoding="utf-8",
    )
    first, second = blocks(page)
    assert first.not_run == "an example of one" and second.not_run is None
    commands = second.commands()
    assert [c.text for c in commands] == [
        "kg query --sparql 'SELECT\n  ?x' \\\n  --format csv",
        "echo",
    ]
    assert commands[0].expected == ["x"] and commands[0].line == 8


LINK = re.compile(r"\]\(([^)\s]+)\)")


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    inside = False
    found = set()
    for line in page.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            inside = not inside
        elif not inside and line.startswith("#"):
            found.add(slug(line.lstrip("#")))
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_links_between_pages_resolve(page):
    """Every relative link names a file of the checkout, and its #anchor a heading there."""
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            broken.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(f"{target}: no heading #{anchor} in {file.relative_to(ROOT)}")
    assert not broken, "\n".join(broken)
