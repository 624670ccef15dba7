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
import os
import sys

import kg
from kg.cli import drafting, publishing, querying, serving, storing, synthesis
from kg.cli.arguments import UsageError
from kg.cli.output import fail
from kg.cli.querying import MIN_COLUMN_WIDTH
from kg.errors import KgError

__all__ = ["INTERNAL_ERROR", "MIN_COLUMN_WIDTH", "USAGE_ERROR", "error_line", "main"]

# Exit status of an error nobody foresaw (a bug, or a failure a stage should say more about):
# EX_SOFTWARE of sysexits.h.
INTERNAL_ERROR = 70
USAGE_ERROR = 2  # argparse's own status for a malformed command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kg", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"kg {kg.__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    commands = parser.add_subparsers(dest="command", required=True)

    publishing.declare_publish(commands)
    synthesis.declare_synth(commands)
    storing.declare_load(commands)
    storing.declare_push(commands)
    publishing.declare_validate(commands)
    querying.declare_queries(commands)
    querying.declare_query(commands)
    querying.declare_search(commands)
    drafting.declare_extract(commands)
    drafting.declare_add(commands)
    serving.declare_serve(commands)

    args = parser.parse_args(argv)
    try:
        if args.command == "publish":
            return publishing.run_publish(args)
        if args.command == "queries":
            return querying.run_queries(args)
        if args.command == "query":
            return querying.run_query(args)
        if args.command == "synth":
            return synthesis.run_synth(args)
        if args.command == "load":
            return storing.run_load(args)
        if args.command == "push":
            return storing.run_push(args)
        if args.command == "serve":
            return serving.run_serve(args)
        if args.command == "search":
            return querying.run_search(args)
        if args.command == "extract":
            return drafting.run_extract(args)
        if args.command == "add":
            return drafting.run_add(args)
        return publishing.run_validate(args)
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
