"""The `kg` command: a thin layer over the stages.

Errors reach the user as one line (`error: file:line: problem`) and a non-zero exit status;
`--debug` shows the traceback instead. The exit status follows one rule, for every command:

    0    done (for `kg validate`: the files conform)
    1    an error in the data or the request: a file missing or malformed, a graph that does
         not conform, a SPARQL syntax error, an unknown query name, a server that refuses
    2    the command line itself is wrong (argparse's usage errors, and options that do not
         go together): said after the command's usage line, as argparse says its own
    70   a failure nobody foresaw (a bug): rerun with --debug for the traceback
    130  interrupted (Ctrl-C)

Output is for people on a terminal and for programs in a pipe: tables on a terminal, CSV
(one name per line for `kg queries`) when standard output is not a terminal, unless
`--format` says otherwise.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import urllib.parse
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

import kg
from kg.errors import KgError
from kg.vocab import Minter, configured_base

err = Console(stderr=True)
out = Console()

# Exit status of an error nobody foresaw (a bug, or a failure a stage should say more about):
# EX_SOFTWARE of sysexits.h.
INTERNAL_ERROR = 70
USAGE_ERROR = 2  # argparse's own status for a malformed command line


class UsageError(Exception):
    """The command line is wrong in a way argparse cannot see by itself (options that go
    together, one of several that is required): reported as argparse reports its errors,
    after the command's usage line, with exit status 2."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kg", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"kg {kg.__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    commands = parser.add_subparsers(dest="command", required=True)

    publish = commands.add_parser("publish", help="build, reason, validate and write dist/")
    publish.add_argument("--data", type=path, default=Path("data"), help="curation folder")
    publish.add_argument("--out", type=path, default=Path("dist"), help="output folder")
    publish.add_argument(
        "--base",
        type=base_iri,
        default=None,
        help="base IRI of minted IRIs (default: $KG_BASE or https://kg.example.org/)",
    )

    publish.add_argument(
        "--jobs", type=whole(1), default=None, help="worker processes (default: cores)"
    )
    publish.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="model, reason and validate the documents on the workers of this Dask scheduler "
        "(e.g. tcp://10.0.0.5:8786), which see the data at the same paths (default: here)",
    )
    publish.add_argument(
        "--cache",
        type=path,
        default=Path(".kg-cache"),
        help="per-document cache of incremental publishing (default: .kg-cache)",
    )
    publish.add_argument("--no-cache", action="store_true", help="redo every document")
    publish.add_argument(
        "--part-size",
        type=int,
        default=None,
        metavar="N",
        help="write the dumps in parts of about N documents (dist/parts/), a part unchanged "
        "since the previous publish hard-linked from it (default: whole-graph dumps)",
    )
    # What void.ttl says beyond the data (kg.publish.export.Description).
    publish.add_argument(
        "--issued",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date of this publish in void.ttl (default: the day of $SOURCE_DATE_EPOCH, "
        "else the newest retrieval date of the sources, else none)",
    )
    publish.add_argument(
        "--publisher", default="kg contributors", help="who publishes the data (void.ttl)"
    )
    publish.add_argument(
        "--publisher-url", type=http_iri, default=None, help="the publisher's home page"
    )
    publish.add_argument(
        "--sparql-endpoint",
        type=http_iri,
        default=None,
        metavar="URL",
        help="the SPARQL endpoint serving the data (default: BASE + sparql, as kg serve does)",
    )
    publish.add_argument(
        "--data-version",
        default=None,
        metavar="V",
        help="the data's version (default: 12 hex digits of the dumps' checksums)",
    )

    synth = commands.add_parser("synth", help="write a synthetic corpus in the format of data/")
    synth.add_argument("--documents", type=whole(1), required=True, help="how many documents")
    synth.add_argument("--seed", type=int, default=0, help="random seed (same seed, same bytes)")
    synth.add_argument("--out", type=path, required=True, help="folder to write (replaced)")

    load = commands.add_parser("load", help="bulk-load dist/ into an on-disk Oxigraph store")
    load.add_argument("--store", type=path, required=True, help="store folder (replaced)")
    load.add_argument("--dist", type=path, default=Path("dist"), help="published folder")

    push = commands.add_parser(
        "push", help="replace the graphs on a SPARQL 1.1 Graph Store Protocol server"
    )
    push.add_argument("--endpoint", required=True, help="SPARQL query endpoint URL")
    push.add_argument(
        "--graph-store", default=None, help="Graph Store endpoint (default: ENDPOINT/../store)"
    )
    push.add_argument(
        "--user", default=None, help="HTTP user (Basic, or Digest when the server asks for it)"
    )
    push.add_argument("--password-env", default=None, metavar="VAR", help="password variable")
    push.add_argument(
        "--default-graph",
        default=None,
        metavar="IRI",
        help="a named graph to hold the default graph, for stores without one of their own "
        "(Virtuoso); queries name it as their dataset (default: the store's default graph)",
    )
    push.add_argument("--dist", type=path, default=Path("dist"), help="published folder")
    push.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_PUSH_TIMEOUT,
        metavar="SECONDS",
        help=f"how long to wait for the server to connect and to answer each request "
        f"(default {DEFAULT_PUSH_TIMEOUT:g})",
    )
    push.add_argument(
        "--retries",
        type=whole(0),
        default=DEFAULT_PUSH_RETRIES,
        metavar="N",
        help="attempts after the first of a request that meets a network error, a timeout or "
        f"a 5xx answer, with back-off (default {DEFAULT_PUSH_RETRIES})",
    )

    check = commands.add_parser("validate", help="validate Turtle files against the shapes")
    check.add_argument("files", nargs="+", type=path)
    check.add_argument(
        "--engine",
        choices=("fast", "pyshacl"),
        default="fast",
        help="kg's validator specialised to the shapes (default) or pySHACL, the reference",
    )

    listing = commands.add_parser("queries", help="list the named queries and what each answers")
    listing.add_argument(
        "--format",
        choices=["table", "names", "csv", "json"],
        default=None,
        help="table (default on a terminal), names (one per line; default in a pipe), csv or "
        "json (name, answers, parameters, description)",
    )

    ask = commands.add_parser(
        "query", help="run a named query or any SPARQL on the published graph"
    )
    ask.add_argument("name", nargs="?", help="a named query (`kg queries` lists them)")
    source = ask.add_mutually_exclusive_group()
    source.add_argument("--file", type=path, help="run the SPARQL query in this file")
    source.add_argument("--sparql", metavar="TEXT", help="run this SPARQL query")
    ask.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="bind a parameter of the query (repeatable)",
    )
    ask.add_argument(
        "--format",
        choices=["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld"],
        default=None,
        help="table (default on a terminal), W3C SPARQL results (csv, tsv, json, xml; csv is "
        "the default in a pipe) or, for CONSTRUCT and DESCRIBE, RDF (turtle, the default; "
        "ntriples, jsonld)",
    )
    ask.add_argument("--dist", type=path, default=Path("dist"), help="published folder")
    ask.add_argument("--store", type=path, default=None, help="query a store made by kg load")
    ask.add_argument(
        "--asserted", action="store_true", help="query the asserted triples only, no inferences"
    )
    ask.add_argument(
        "--limit",
        type=whole(1),
        default=None,
        metavar="N",
        help="a page of N rows (or triples), as the engine gives them (ORDER BY to fix it)",
    )
    ask.add_argument(
        "--offset",
        type=whole(0),
        default=0,
        metavar="M",
        help="skip the first M rows (with --limit: the page after them)",
    )

    find = commands.add_parser(
        "search", help="full-text search of the texts, quotes, names and descriptions"
    )
    find.add_argument(
        "text", help='words (all must be found; stemmed, English and Spanish) and "phrases"'
    )
    find.add_argument("--dist", type=path, default=Path("dist"), help="published folder")
    find.add_argument(
        "--format",
        choices=["table", "csv", "json"],
        default=None,
        help="table (default on a terminal), csv (default in a pipe) or json",
    )
    find.add_argument(
        "--kind",
        choices=["things", "passages"],
        default=None,
        help="only things found by a name or description, or only passages of the texts",
    )
    find.add_argument("--page", type=whole(1), default=1, help="page of hits (default 1)")
    find.add_argument(
        "--limit", type=whole(1), default=10, metavar="N", help="hits of each kind a page"
    )

    draft = commands.add_parser(
        "extract",
        help="draft the curation file of a new press release (or --evaluate the drafts)",
    )
    draft.add_argument(
        "file", nargs="?", type=path, help="the source text (data/sources/NNN_*.txt)"
    )
    draft.add_argument("--data", type=path, default=Path("data"), help="curation folder")
    draft.add_argument(
        "--out",
        type=path,
        default=None,
        help="where to write the draft (default: DATA/documents/NNN.yaml; - for standard "
        "output); with --evaluate, where to write the evaluation as JSON",
    )
    draft.add_argument(
        "--additions",
        type=path,
        default=None,
        help="where to write the proposed reference additions "
        "(default: DATA/reference/proposed/NNN.yaml)",
    )
    draft.add_argument("--force", action="store_true", help="replace files that exist")
    draft.add_argument(
        "--id",
        dest="doc_id",
        metavar="NNN",
        default=None,
        help="the document id of a source not named NNN_<anything>.txt",
    )
    draft.add_argument(
        "--without",
        metavar="DOC",
        help="draft as if curated document DOC and what only it introduced did not exist",
    )
    draft.add_argument(
        "--evaluate",
        action="store_true",
        help="draft every curated document leave-one-out and compare with its curation file",
    )
    draft.add_argument(
        "--corpus",
        type=path,
        default=None,
        metavar="DIR",
        help="with --evaluate: score the texts of DIR (named as in the development set's "
        "manifest) against their gold facts instead",
    )
    draft.add_argument(
        "--split",
        choices=["tune", "heldout"],
        default=None,
        help="with --corpus: score only this half of the development set",
    )
    draft.add_argument(
        "--devset",
        type=path,
        default=None,
        metavar="DIR",
        help="with --corpus: the development set's manifest and gold facts (default: DATA/devset)",
    )

    intake = commands.add_parser(
        "add",
        help="file a press release as published (HTML page or text) in data/, with its draft",
    )
    intake.add_argument(
        "source", type=path, help="a saved HTML page, a text file, or - for standard input"
    )
    intake.add_argument("--data", type=path, default=Path("data"), help="curation folder")
    intake.add_argument(
        "--url", default=None, help="the release's original address (default: the page's own)"
    )
    intake.add_argument(
        "--retrieved", metavar="YYYY-MM-DD", default=None, help="retrieval date (default: today)"
    )
    intake.add_argument("--title", default=None, help="the release's title (default: the page's)")
    intake.add_argument(
        "--publisher",
        default=None,
        help="an organization of the reference data (default: the page's site, or the one "
        "publisher of the manifest)",
    )
    intake.add_argument(
        "--language", default=None, help="language code (default: the page's, else en)"
    )
    intake.add_argument(
        "--format",
        dest="input_format",
        choices=("html", "text"),
        default=None,
        help="read the input as HTML or as text (default: by its name and first bytes)",
    )
    intake.add_argument(
        "--publish",
        action="store_true",
        help="also publish (to --out) when the draft conforms",
    )
    intake.add_argument(
        "--out", type=path, default=Path("dist"), help="with --publish: output folder"
    )

    web = commands.add_parser(
        "serve", help="serve the published graph: SPARQL endpoint, linked data pages, downloads"
    )
    web.add_argument(
        "--host",
        type=host,
        default="127.0.0.1",
        help="address to listen on (0.0.0.0: every interface)",
    )
    web.add_argument("--port", type=port, default=8000, help="port to listen on")
    web.add_argument(
        "--base",
        type=base_iri,
        default=None,
        metavar="URI",
        help="base IRI of the graph's IRIs, served at this server's root "
        "(default: the base the graph was published with)",
    )
    web.add_argument(
        "--dist",
        type=path,
        default=None,
        help="published folder (default: dist; with --store: the folder the store was "
        "loaded from), whose files are offered for download; its graph is served from its "
        "store, DIST.store, loaded on the first start after a publish",
    )
    web.add_argument(
        "--store",
        type=path,
        default=None,
        help="serve the graph from this store made by kg load, as it is",
    )
    web.add_argument(
        "--memory",
        action="store_true",
        help="load --dist into memory instead, in the server and in each query worker "
        "(small folders; nothing written beside them)",
    )
    web.add_argument(
        "--query-timeout",
        type=seconds,
        default=10.0,
        metavar="SECONDS",
        help="time limit of one SPARQL query (default 10)",
    )
    web.add_argument(
        "--max-result-size",
        type=whole(1),
        default=16 * 1024 * 1024,
        metavar="BYTES",
        help="size limit of one serialized SPARQL result (default 16 MiB)",
    )
    web.add_argument(
        "--workers", type=whole(1), default=2, help="query worker processes (default 2)"
    )
    web.add_argument(
        "--worker-memory",
        type=whole(16),
        default=1024,
        metavar="MiB",
        help="memory one query may take in a worker, beyond the graph (default 1024)",
    )
    web.add_argument(
        "--queue",
        type=whole(0),
        default=None,
        metavar="N",
        help="queries that may wait for a busy worker; more are refused with 503 at once "
        "(default: twice the workers)",
    )
    web.add_argument(
        "--queue-wait",
        type=seconds,
        default=0.5,
        metavar="SECONDS",
        help="longest wait for a worker before a query is refused with 503 (default 0.5)",
    )
    web.add_argument(
        "--per-client",
        type=whole(1),
        default=None,
        metavar="N",
        help="queries one client address may run at once (default: the workers less one, "
        "at least 1); as many more may wait, past that 429",
    )
    web.add_argument(
        "--forwarded-allow-ips",
        default=None,
        metavar="ADDRESSES",
        help="proxies (comma-separated addresses, or *) trusted to name the client in "
        "X-Forwarded-For (default: $FORWARDED_ALLOW_IPS, else this machine)",
    )

    args = parser.parse_args(argv)
    try:
        if args.command == "publish":
            return run_publish(args)
        if args.command == "queries":
            return run_queries(args)
        if args.command == "query":
            return run_query(args)
        if args.command == "synth":
            return run_synth(args)
        if args.command == "load":
            return run_load(args)
        if args.command == "push":
            return run_push(args)
        if args.command == "serve":
            return run_serve(args)
        if args.command == "search":
            return run_search(args)
        if args.command == "extract":
            return run_extract(args)
        if args.command == "add":
            return run_add(args)
        return run_validate(args)
    except UsageError as exc:
        commands.choices[args.command].print_usage(sys.stderr)
        sys.stderr.write(f"kg {args.command}: error: {exc}\n")
        return USAGE_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kg query ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        if args.debug:
            raise
        message, status = error_line(exc)
        fail(message)
        return status


def error_line(exc: Exception) -> tuple[str, int]:
    """The one line that reports an error, and the exit status.

    A KgError says what is wrong with which file or argument. An OSError from a stage is the
    system's answer about a path (permission denied, disk full, ...): said as the system
    says it. Anything else is a failure nobody foresaw, said in one line too, with the hint
    to rerun with --debug; its exit status (70) tells it from a user's error (1)."""
    if isinstance(exc, KgError):
        return str(exc), 1
    if isinstance(exc, OSError) and exc.strerror:
        where = "" if exc.filename is None else f"{exc.filename}: "
        if exc.filename2 is not None:
            where = f"{exc.filename} -> {exc.filename2}: "
        return where + exc.strerror, 1
    if isinstance(exc, OSError):
        return str(exc) or type(exc).__name__, 1
    detail = str(exc).strip()
    detail = detail.splitlines()[0] if detail else ""
    return (
        f"internal error: {type(exc).__name__}"
        + (f": {detail[:200]}" if detail else "")
        + " (run the command again with `kg --debug ...` to see where)",
        INTERNAL_ERROR,
    )


def fail(message: str) -> None:
    """Print `error: MESSAGE` on standard error, in one line whatever the message holds."""
    line = re.sub(r"\s*[\r\n]+\s*", " ", str(message).strip())
    err.print(f"[red]error:[/red] {escape(line)}", highlight=False, soft_wrap=True)


# --------------------------------------------------------------------------------------------
# Arguments: each type rejects what it cannot be, with argparse's usage and one error line
# --------------------------------------------------------------------------------------------

DEFAULT_PUSH_TIMEOUT = 30.0
DEFAULT_PUSH_RETRIES = 4


def path(text: str) -> Path:
    """A path; an empty string is refused (it would mean the working folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("empty path")
    if "\0" in text:
        raise argparse.ArgumentTypeError(f"{text!r}: a path cannot hold a NUL character")
    return Path(text)


def whole(minimum: int):
    """A whole number of at least `minimum`."""

    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"{number}: give {minimum} or more")
        return number

    parse.__name__ = f"whole number of at least {minimum}"
    return parse


def seconds(text: str) -> float:
    """A time in seconds, more than 0 and finite."""
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError(f"{text}: give a number of seconds more than 0")
    return number


def port(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{number}: a port is from 0 to 65535")
    return number


def host(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("empty address (0.0.0.0 listens on every interface)")
    return text


def base_iri(text: str) -> str:
    """An http(s) IRI that the graph's IRIs are minted under (`/` appended when it ends with
    neither `/` nor `#`)."""
    problem = base_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text if text.endswith(("/", "#")) else text + "/"


def iso_date(text: str):
    """A date YYYY-MM-DD."""
    import datetime

    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def http_iri(text: str) -> str:
    """An absolute http(s) IRI."""
    problem = base_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(problem.replace(" (a base IRI)", ""))
    return text


def base_problem(text: str) -> str | None:
    """What makes `text` unfit as the base IRI, or None."""
    if re.search(r"[\s<>\"{}|\\^`\x00-\x1f]", text):
        return f'{text!r}: an IRI cannot hold spaces or any of <>"{{}}|\\^`'
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        return f"{text!r} is not an http:// or https:// IRI without a query (a base IRI)"
    return None


# --------------------------------------------------------------------------------------------
# Outputs: checked before any work, so that a command fails before it writes anything
# --------------------------------------------------------------------------------------------


def check_output(target: Path, option: str, folder: bool) -> None:
    """`target`, a folder (`folder`) or a file the command writes, can be written: it is made
    in an existing folder that can be written, and what is there now is of its kind."""
    parent = target.absolute().parent
    nearest = parent
    while not nearest.exists() and nearest != nearest.parent:
        nearest = nearest.parent
    if nearest.exists() and not nearest.is_dir():
        raise KgError(nearest, None, f"a file, not a folder (in the path of {option} {target})")
    if nearest != parent:
        missing = parent
        while missing.parent != nearest:
            missing = missing.parent
        raise KgError(
            missing, None, f"no such folder (for {option} {target}): make the folder first"
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise KgError(parent, None, f"cannot write in this folder (for {option} {target})")
    if folder and target.exists() and not target.is_dir():
        raise KgError(target, None, f"a file, not a folder: give a folder for {option}")
    if not folder and target.is_dir():
        raise KgError(target, None, f"a folder, not a file: give a file for {option}")


def check_not_working_folder(target: Path, option: str) -> None:
    """`target`, a folder the command replaces whole, does not hold the working folder."""
    if holds(target, Path.cwd()):
        raise KgError(
            target, None, f"the working folder or one that holds it: {option} would replace it"
        )


def check_replaceable(target: Path, option: str, what: str, looks_right) -> None:
    """`target`, a folder the command replaces whole, is empty or `what` the command wrote
    before (`looks_right`)."""
    if target.is_dir() and any(target.iterdir()) and not looks_right(target):
        raise KgError(
            target,
            None,
            f"not {what}: {option} would replace it and what it holds (give a new or an empty "
            "folder)",
        )


def check_input_folder(folder: Path, option: str) -> None:
    if not folder.exists():
        raise KgError(folder, None, f"no such folder (for {option})")
    if not folder.is_dir():
        raise KgError(folder, None, f"a file, not a folder: give a folder for {option}")


def check_input_file(file: Path) -> None:
    if file.is_dir():
        raise KgError(file, None, "a folder, not a file")
    if not file.is_file():
        raise KgError(file, None, "no such file")


def holds(folder: Path, other: Path) -> bool:
    """Whether `folder` is `other` or a folder above it."""
    folder, other = folder.resolve(), other.resolve()
    return folder == other or folder in other.parents


# What `kg synth` writes, and nothing else.
SYNTH_FOLDERS = {"sources", "documents", "reference"}


def run_publish(args) -> int:
    from kg import atomic
    from kg.build.run import build
    from kg.publish import export

    base = args.base
    if base is None:
        base = configured_base()
        problem = base_problem(base)
        if problem:
            raise KgError("KG_BASE", None, f"{problem}; set it to the base IRI, or give --base")
    export.check_part_size(args.part_size)
    check_input_folder(args.data, "--data")
    check_output(args.out, "--out", folder=True)
    check_not_working_folder(args.out, "--out")
    for option, other in (("--data", args.data), ("--cache", args.cache)):
        if holds(args.out, other):
            raise KgError(args.out, None, f"holds {option} {other}: --out would replace it")
    if not args.no_cache:
        check_output(args.cache, "--cache", folder=True)
    # The output's lock, taken before the build: a second publish into the same folder is
    # refused at once, not after building (export.write takes it again, as its holder).
    with atomic.lock(args.out, args.out), err.status("publishing") as status:
        result = build(
            args.data,
            Minter(base),
            progress=lambda what: status.update(what),
            jobs=args.jobs,
            cache_dir=None if args.no_cache else args.cache,
            scheduler=args.scheduler,
        )
        if result.validation is not None and not result.validation.conforms:
            print_violations(result.validation.violations)
            return 1
        status.update("writing dumps")
        export.write(
            result,
            args.out,
            args.data,
            progress=lambda what: status.update(what),
            part_size=args.part_size,
            cache_dir=None if args.no_cache else args.cache,
            description=export.Description(
                issued=args.issued,
                publisher=args.publisher,
                publisher_url=args.publisher_url,
                endpoint=args.sparql_endpoint,
                version=args.data_version,
            ),
        )
    figures = export.summary(result)
    parts = figures["parts"]
    table = Table(title=f"Published to {args.out}/", show_header=True)
    table.add_column("class")
    table.add_column("entities" if not parts else "entities (summed over parts)", justify="right")
    for cls, n in figures["classes"].items():
        table.add_row(cls, str(n))
    out.print(table)
    per_doc = ", ".join(f"{d}: {n}" for d, n in figures["observations"].items())
    out.print(
        f"{figures['documents']} documents, {sum(figures['observations'].values())} "
        f"observations ({per_doc}), {figures['triples']} asserted and {figures['inferred']} "
        f"inferred triples"
        + (f" summed over {parts} parts (a triple in two parts counts twice)" if parts else "")
        + f", in {figures['seconds']:.1f} s",
        highlight=False,
    )
    warnings = [v for v in result.validation.violations if v.severity != "Violation"]
    if warnings:
        out.print(f"{len(warnings)} SHACL warnings (see {args.out}/shacl-report.ttl)")
    return 0


def run_synth(args) -> int:
    from kg.synth import synthesize

    check_output(args.out, "--out", folder=True)
    check_not_working_folder(args.out, "--out")
    check_replaceable(
        args.out,
        "--out",
        "a corpus `kg synth` wrote",
        lambda folder: {p.name for p in folder.iterdir()} <= SYNTH_FOLDERS,
    )
    with err.status(f"writing {args.documents} documents"):
        synthesize(args.documents, args.seed, args.out)
    out.print(f"{args.documents} documents in {args.out}/ (seed {args.seed})", highlight=False)
    return 0


def run_load(args) -> int:
    from kg.store.embedded import load

    with err.status(f"loading {args.dist}/ into {args.store}") as status:
        figures = load(args.dist, args.store, progress=lambda what: status.update(what))
    out.print(
        f"{figures['quads']} quads in {figures['graphs']} named graphs loaded into "
        f"{args.store} in {figures['seconds']:.1f} s",
        highlight=False,
    )
    return 0


def run_push(args) -> int:
    from kg.store.push import Server, password_from, push

    server = Server(
        args.endpoint,
        args.graph_store,
        args.user,
        password_from(args.password_env),
        retries=args.retries,
        timeout=args.timeout,
        default_graph=args.default_graph,
    )
    with err.status(f"pushing {args.dist}/ to {server.graph_store}") as status:
        figures = push(args.dist, server, progress=lambda what: status.update(what))
    held = f" (<{args.default_graph}>)" if args.default_graph else ""
    out.print(
        f"{figures['triples']} triples in {figures['graphs']} named graphs and "
        f"{figures['default']} in the default graph{held} pushed to {server.graph_store} "
        f"and counted, in {figures['seconds']:.1f} s",
        highlight=False,
    )
    return 0


def run_validate(args) -> int:
    from kg.build.validate import parse_turtle_files, validate

    for file in args.files:
        check_input_file(file)
    graph = parse_turtle_files(args.files)
    with err.status("validating"):
        result = validate(graph, engine=args.engine)
    if result.violations:
        print_violations(result.violations)
    names = ", ".join(str(p) for p in args.files)
    if result.conforms:
        out.print(f"{names}: conforms ({len(graph)} triples)", highlight=False)
        return 0
    errors = sum(1 for v in result.violations if v.severity == "Violation")
    err.print(f"{names}: does not conform ({errors} violations)", highlight=False)
    return 1


def run_queries(args) -> int:
    from kg.store.query import named_queries

    queries = named_queries()
    form = args.format or ("table" if out.is_terminal else "names")
    if form == "names":
        sys.stdout.write("".join(f"{name}\n" for name in queries))
        return 0
    records = [
        {
            "name": name,
            "answers": list(query.answers),
            "parameters": list(query.parameters),
            "description": query.description,
        }
        for name, query in queries.items()
    ]
    if form == "json":
        import json

        sys.stdout.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
        return 0
    if form == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\r\n")  # RFC 4180, as SPARQL CSV
        writer.writerow(records[0].keys() if records else ["name"])
        for record in records:
            writer.writerow([" ".join(v) if isinstance(v, list) else v for v in record.values()])
        return 0
    table = Table(title="Named queries (kg query NAME)", show_header=True)
    table.add_column("name", no_wrap=True)
    table.add_column("answers")
    table.add_column("parameters")
    table.add_column("what it answers")
    for record in records:
        table.add_row(
            record["name"],
            ", ".join(record["answers"]),
            ", ".join(record["parameters"]),
            record["description"],
        )
    out.print(table)
    return 0


def run_query(args) -> int:
    from kg.store.query import PublishedGraph, Query, QuerySyntaxError, named_query

    given = [x for x in (args.name, args.file, args.sparql) if x is not None]
    if len(given) != 1:
        raise UsageError("give one query: a NAME, --file Q.rq or --sparql TEXT")
    if args.name is not None and not args.name.strip():
        raise UsageError("empty query name (`kg queries` lists them)")
    params = {}
    for item in args.param:
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            raise UsageError(f"--param {item!r}: expected KEY=VALUE")
        params[key.strip()] = value
    if args.file is not None:
        check_input_file(args.file)
        try:
            text = args.file.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise KgError(args.file, None, f"not UTF-8 text (byte {exc.start})") from None
        query = Query.parse(text, str(args.file))
    elif args.sparql is not None:
        query = Query.parse(args.sparql, "--sparql")
    else:
        query = named_query(args.name)
    try:
        if args.store is not None:
            from kg.store.embedded import StoreGraph

            graph = StoreGraph(args.store, inferred=not args.asserted)
        else:
            graph = PublishedGraph(args.dist, inferred=not args.asserted)
        result = graph.query(query, params, limit=args.limit, offset=args.offset)
    except QuerySyntaxError as exc:
        if args.debug:
            raise
        fail(str(exc))
        return 1
    if args.format is None:
        args.format = "table" if out.is_terminal else "csv"
    if args.format == "table" and result.form == "graph":
        args.format = "turtle"
    if args.format == "csv" and result.form == "ask":
        args.format = "table"  # SPARQL has no CSV form of a boolean: yes or no, as on a terminal
    if args.format != "table":
        data = result.serialize(args.format)
        sys.stdout.buffer.write(data if data.endswith(b"\n") else data + b"\n")
        sys.stdout.flush()
        if result.more:
            err.print(_next_page(result, args.limit), highlight=False)
        return 0
    if result.form == "ask":
        out.print("yes" if result.boolean else "no")
        return 0
    rows = result.rows
    shown = [v for v in result.variables if any(row[v] not in (None, "") for row in rows)]
    columns = shown or result.variables
    cells = [
        [result.compact(row[v], terms.get(v)) for v in columns]
        for row, terms in zip(rows, result.terms, strict=True)
    ]
    if len(columns) * MIN_COLUMN_WIDTH > out.width:
        print_records(query.description, columns, cells)
    else:
        table = Table(title=query.description or None, show_header=True, show_lines=True)
        for variable in columns:
            table.add_column(variable, overflow="fold")
        for row in cells:
            table.add_row(*row)
        out.print(table)
    empty = [v for v in result.variables if v not in shown] if rows else []
    err.print(
        f"{len(result)} row{'s' if len(result) != 1 else ''} in {result.seconds * 1000:.0f} ms"
        + (f"; no values for {', '.join(empty)}" if empty else "")
        + (f"; {_next_page(result, args.limit)}" if result.more else ""),
        highlight=False,
    )
    return 0


def _next_page(result, limit: int) -> str:
    """Where the next page of a paged answer starts, as the option that asks for it."""
    return f"more after row {result.offset + limit}: --offset {result.offset + limit}"


# Below this width a column's cells fold into slivers: more columns than the terminal holds
# at this width are shown one row at a time, as psql's expanded display does.
MIN_COLUMN_WIDTH = 12


def print_records(title: str | None, columns: list[str], cells: list[list[str]]) -> None:
    """Rows as records: a rule naming the row, then one `column  value` line per value."""
    if title:
        out.print(title, style="italic", highlight=False)
    for number, row in enumerate(cells, 1):
        out.rule(f"row {number}", align="left")
        record = Table.grid(padding=(0, 2))
        record.add_column(style="bold", no_wrap=True)
        record.add_column(overflow="fold")
        for variable, value in zip(columns, row, strict=True):
            if value:
                record.add_row(variable, value)
        out.print(record)


def run_search(args) -> int:
    import time

    from kg.publish import search

    index = search.Index(args.dist / search.INDEX)
    started = time.perf_counter()
    try:
        query = search.parse(args.text)
    except search.QueryError as exc:
        raise KgError("kg search", None, str(exc)) from None
    if not query:
        raise KgError("kg search", None, f"no words to search for in {args.text!r}")
    kinds = [args.kind] if args.kind else ["things", "passages"]
    found = index.search(query, page=args.page, size=args.limit, kinds=kinds)
    seconds = time.perf_counter() - started
    form = args.format or ("table" if out.is_terminal else "csv")
    records = search.records(found)
    if form == "json":
        import json

        sys.stdout.write(json.dumps(search.as_json(found), indent=2, ensure_ascii=False) + "\n")
        return 0
    if form == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\r\n")  # RFC 4180, as kg query's
        writer.writerow(search.RECORD_FIELDS)
        for record in records:
            writer.writerow([record[name] for name in search.RECORD_FIELDS])
        return 0

    def marked(text: str) -> str:
        return f"[bold]{escape(text)}[/bold]"

    if found.things:
        table = Table(title="Things found by a name or description", show_header=True)
        table.add_column("name", overflow="fold")
        table.add_column("found in", overflow="fold")
        table.add_column("IRI", overflow="fold")
        for thing in found.things:
            table.add_row(
                escape(thing.label),
                search.plain(thing.pieces, marked, escape),
                escape(thing.iri),  # an IRI may hold [ and ]: text, not rich markup
            )
        out.print(table)
    if found.passages:
        table = Table(title="Passages of the texts", show_header=True, show_lines=True)
        table.add_column("document", no_wrap=True)
        table.add_column("words", overflow="fold")
        table.add_column("facts stated there", overflow="fold")
        for passage in found.passages:
            table.add_row(
                f"{passage.document}\n{passage.start}–{passage.end}",
                search.plain(passage.pieces, marked, escape),
                "\n".join(escape(f"{fact.label} <{fact.iri}>") for fact in passage.facts),
            )
        out.print(table)
    err.print(
        f"{found.things_total} thing{'s' if found.things_total != 1 else ''} and "
        f"{found.passages_total} passage{'s' if found.passages_total != 1 else ''} found "
        f"(page {found.page} of {found.pages}) in {seconds * 1000:.0f} ms",
        highlight=False,
    )
    return 0


def run_serve(args) -> int:
    from kg.server.app import prepare

    if args.memory and args.store is not None:
        raise UsageError("--memory loads --dist into memory: give --memory or --store, not both")
    if args.store is not None:
        what = f"opening {args.store} and starting {args.workers} query workers"
        dist = args.dist
    elif args.memory:
        dist = args.dist or Path("dist")
        what = f"loading {dist}/ and starting {args.workers} query workers"
    else:
        dist = args.dist or Path("dist")
        what = f"opening the store of {dist}/ and starting {args.workers} query workers"
    with err.status(what) as status:
        server = prepare(
            dist,
            store=args.store,
            memory=args.memory,
            progress=lambda step: status.update(f"the store of {dist}/ is loaded once: {step}"),
            host=args.host,
            port=args.port,
            base=args.base,
            workers=args.workers,
            time_limit=args.query_timeout,
            max_result_bytes=args.max_result_size,
            memory_limit=args.worker_memory * 2**20,
            queue_size=args.queue,
            queue_wait=args.queue_wait,
            per_client=args.per_client,
            forwarded_allow_ips=args.forwarded_allow_ips,
        )
    if server.loaded:
        err.print(server.notes()[0], highlight=False, soft_wrap=True, markup=False)
    for warning in server.server.site.warnings + server.server.pool.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
    out.print(server.banner(), highlight=False, soft_wrap=True)
    return server.run()


def run_extract(args) -> int:
    if args.evaluate:
        return run_extract_evaluation(args)
    from kg.extraction.extract import default_paths, extract, write

    if args.file is None:
        raise UsageError("give the source text to draft, or --evaluate")
    check_input_folder(args.data, "--data")
    draft_path, additions_path = default_paths(args.file, args.data, args.doc_id)
    draft_path = args.out or draft_path
    to_stdout = str(draft_path) == "-"
    # A draft printed is a look, not a filing: the additions are written only where asked.
    additions_path = args.additions or (None if to_stdout else additions_path)
    if args.out is not None and str(args.out) != "-":
        check_output(args.out, "--out", folder=False)
    if args.additions is not None:
        check_output(args.additions, "--additions", folder=False)
    with err.status("drafting"):
        knowledge = None
        if args.without:
            from kg.extraction.knowledge import load

            knowledge = load(args.data, contacts=True).without(args.without)
        result = extract(
            args.file, args.data, knowledge, additions_path=additions_path, doc_id=args.doc_id
        )
    if to_stdout:
        sys.stdout.write(result.yaml())
        if result.entities.new or result.concepts or result.contacts:
            if additions_path is None:
                err.print(
                    "proposed reference additions not written (give --additions FILE)",
                    highlight=False,
                )
            else:
                write_additions_only(result, additions_path, args.force)
        return 0
    write(result, draft_path, additions_path, force=args.force)
    items = [*result.items, *result.observations]
    table = Table(title=f"Draft of document {result.doc_id}", show_header=True)
    table.add_column("section")
    table.add_column("active", justify="right")
    table.add_column("suggested", justify="right")
    sections = ["mentions", *dict.fromkeys(i.section for i in items)]
    for section in sections:
        if section == "mentions":
            known = {m.target for m in result.entities.mentions if m.new is None}
            table.add_row("mentions (entities)", str(len(known)), str(len(result.entities.new)))
            continue
        listed = [i for i in items if i.section == section]
        active = sum(1 for i in listed if i.active)
        table.add_row(section, str(active), str(len(listed) - active))
    out.print(table)
    out.print(f"draft: {draft_path}", highlight=False)
    if result.entities.new or result.concepts or result.contacts:
        out.print(
            f"proposed reference additions ({additions_count(result)}): {additions_path}",
            highlight=False,
        )
    for warning in result.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
    out.print(f"extracted in {result.seconds * 1000:.0f} ms", highlight=False)
    return 0


def additions_count(draft) -> str:
    """What a draft proposes to add to the reference data, as "1 entity, 2 concepts"."""
    entities = len(draft.entities.new) + len(draft.contacts)
    concepts = len(draft.concepts)
    return (
        f"{entities} entit{'y' if entities == 1 else 'ies'}, "
        f"{concepts} concept{'' if concepts == 1 else 's'}"
    )


def write_additions_only(result, path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise KgError(path, None, "already exists (use --force to replace it, or --additions)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(result.additions_yaml(), encoding="utf-8")


def run_add(args) -> int:
    from kg.extraction.add import add

    check_input_folder(args.data, "--data")
    if args.publish:
        check_output(args.out, "--out", folder=True)
        check_not_working_folder(args.out, "--out")
    with err.status("adding"):
        added = add(
            args.source,
            args.data,
            url=args.url,
            retrieved=args.retrieved,
            title=args.title,
            publisher=args.publisher,
            language=args.language,
            fmt=args.input_format,
        )
    draft = added.draft
    contacts = ", ".join(c.name.text for c in added.document.contacts) or "none stated"
    dated = (
        f"{added.page.published} ({added.page.published_from})"
        if added.page.published
        else "not stated"
    )
    out.print(
        f"added document {added.doc_id}: {added.entry['title']}", highlight=False, soft_wrap=True
    )
    out.print(f"  source:    {added.source_path}", highlight=False, soft_wrap=True)
    out.print(f"  address:   {added.entry['url']}", highlight=False, soft_wrap=True)
    out.print(
        f"  published: {dated}; retrieved {added.entry['retrieved']}",
        highlight=False,
        soft_wrap=True,
    )
    out.print(
        f"  body:      {len(added.document.paragraphs)} paragraphs; contacts: {contacts}",
        highlight=False,
    )
    out.print(f"  draft:     {added.draft_path}", highlight=False, soft_wrap=True)
    if added.additions_path is not None:
        out.print(
            f"  proposed reference additions ({additions_count(draft)}): {added.additions_path}",
            highlight=False,
            soft_wrap=True,
        )
    for warning in draft.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
    if not args.publish:
        return 0
    # What the draft needs before it can publish, one line each: the press contacts and their
    # offices must be reference entities (the build refuses the source otherwise).
    missing = [
        (kind, span)
        for contact in added.document.contacts
        for kind, span in (("person", contact.name), ("organization", contact.office))
        if span is not None and draft.knowledge.entity_by_name(kind, span.text) is None
    ]
    if missing:
        for kind, span in missing:
            where = f"{added.source_path}:{added.document.raw.count(chr(10), 0, span.start) + 1}"
            fail(
                f"{where}: press contact {span.text!r} is not a {kind} of data/reference/ "
                f"(proposed in {added.additions_path})"
            )
        err.print(
            f"not published: document {added.doc_id} is filed; fix the lines above, then "
            "run `kg publish`",
            highlight=False,
            soft_wrap=True,
        )
        return 1
    # `kg publish` with its own defaults, whatever options it has
    return main(["publish", "--data", str(args.data), "--out", str(args.out)])


def run_extract_evaluation(args) -> int:
    import json

    from kg.extraction.evaluate import FACT_TYPES, evaluate

    if args.corpus is not None or args.split is not None or args.devset is not None:
        return run_extract_corpus_evaluation(args)
    check_input_folder(args.data, "--data")
    if args.out is not None:
        check_output(args.out, "--out", folder=False)
    with err.status("evaluating") as status:
        report = evaluate(args.data, progress=lambda what: status.update(what))
    from rich import box

    table = Table(
        title="kg extract: leave-one-out on the curated documents",
        caption="P precision, R recall; F1 active: counting only the items not commented out",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column("fact type", no_wrap=True)
    for column in ("gold", "drafted", "P", "R", "F1", "F1 active"):
        table.add_column(column, justify="right", no_wrap=True)
    for fact_type in FACT_TYPES:
        s, a = report["total"][fact_type], report["total_active_only"][fact_type]
        table.add_row(
            fact_type,
            str(s["gold"]),
            str(s["predicted"]),
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
            f"{a['f1']:.3f}",
        )
    out.print(table)
    times = ", ".join(
        f"{doc}: {d['extraction_seconds'] * 1000:.0f} ms" for doc, d in report["documents"].items()
    )
    out.print(
        f"{len(report['documents'])} documents; extraction per document ({times}) after a "
        f"start-up of {report['start_up_seconds'] * 1000:.0f} ms",
        highlight=False,
    )
    indicators = report["indicators"]
    out.print(
        f"indicators: right for {indicators['right_in_concepts']} of the "
        f"{indicators['in_concepts']} numbers whose curated indicator was known without the "
        f"document ({indicators['right']} of {indicators['matched']} in all)",
        highlight=False,
    )
    if args.out is not None:
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
        out.print(f"written to {args.out}", highlight=False)
    return 0


def run_extract_corpus_evaluation(args) -> int:
    """`kg extract --evaluate --corpus DIR`: the drafts of a folder of releases against the
    development set's gold facts (data/devset/), per fact type."""
    import json

    from rich import box

    from kg.extraction.evaluate import CORPUS_FACT_TYPES, evaluate_corpus

    if args.corpus is None:
        raise UsageError("--split and --devset go with --corpus DIR")
    check_input_folder(args.corpus, "--corpus")
    check_input_folder(args.data, "--data")
    devset = args.devset if args.devset is not None else args.data / "devset"
    check_input_folder(devset, "--devset")
    if args.out is not None:
        check_output(args.out, "--out", folder=False)
    with err.status("evaluating") as status:
        report = evaluate_corpus(
            args.corpus, args.data, devset, args.split, progress=lambda what: status.update(what)
        )
    table = Table(
        title=f"kg extract: {report['split']} releases of {args.corpus} against their gold facts",
        caption="P, R, F1: the draft's active items; all: with its commented-out suggestions",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column("fact type", no_wrap=True)
    for column in ("gold", "draft", "P", "R", "F1", "P all", "R all"):
        table.add_column(column, justify="right", no_wrap=True)
    for fact_type in CORPUS_FACT_TYPES:
        a, s = report["total"]["active"][fact_type], report["total"]["all"][fact_type]
        table.add_row(
            fact_type.replace("qualifier+", "qual+"),
            str(a["gold"]),
            str(a["predicted"]),
            *(f"{a[k]:.3f}" for k in ("precision", "recall", "f1")),
            *(f"{s[k]:.3f}" for k in ("precision", "recall")),
        )
    out.print(table)
    for mode in ("active", "all"):
        found = report["numbers_found"][mode]
        n = found["matched"]
        share = f"{found['all'] / n:.3f}" if n else "-"
        out.print(
            f"numbers found ({mode}): {n}; unit, qualifier and period all right for "
            f"{found['all']} ({share}); unit {found['unit']}, qualifier {found['qualifier']}, "
            f"period {found['period']}",
            highlight=False,
        )
    seconds = [d["seconds"] for d in report["documents"].values()]
    slowest = f", slowest {max(seconds) * 1000:.0f} ms" if seconds else ""
    out.print(
        f"{report['scored']} of {report['releases']} releases scored, {len(report['refused'])} "
        f"refused by the ingest{slowest}",
        highlight=False,
    )
    if report["missing"]:
        err.print(
            f"[yellow]warning:[/yellow] not in {args.corpus} (not scored): "
            + ", ".join(report["missing"]),
            highlight=False,
            soft_wrap=True,
        )
    for refused in report["refused"]:
        err.print(
            f"[yellow]refused[/yellow] (counted as all missed): {escape(refused['error'])}",
            highlight=False,
            soft_wrap=True,
        )
    for failed in report["failed"]:
        fail(f"the extractor failed (counted as all missed): {failed['error']}")
    if args.out is not None:
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
        out.print(f"written to {args.out}", highlight=False)
    return 1 if report["failed"] else 0


def print_violations(violations) -> None:
    for v in violations:
        colour = "red" if v.severity == "Violation" else "yellow"
        err.print(
            f"[{colour}]{v.severity}[/{colour}] {v.focus}"
            + (f" {v.path}" if v.path else "")
            + f": {v.message}",
            highlight=False,
            soft_wrap=True,
        )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
