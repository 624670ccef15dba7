"""The `kg` command: a thin layer over the stages.

Errors reach the user as one line (`error: file:line: problem`) and a non-zero exit status;
`--debug` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

import kg
from kg.errors import KgError
from kg.vocab import Minter, configured_base

err = Console(stderr=True)
out = Console()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kg", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"kg {kg.__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    commands = parser.add_subparsers(dest="command", required=True)

    publish = commands.add_parser("publish", help="build, reason, validate and write dist/")
    publish.add_argument("--data", type=Path, default=Path("data"), help="curation folder")
    publish.add_argument("--out", type=Path, default=Path("dist"), help="output folder")
    publish.add_argument(
        "--base",
        default=None,
        help="base IRI of minted IRIs (default: $KG_BASE or https://kg.example.org/)",
    )

    check = commands.add_parser("validate", help="validate Turtle files against the shapes")
    check.add_argument("files", nargs="+", type=Path)

    args = parser.parse_args(argv)
    try:
        if args.command == "publish":
            return run_publish(args)
        return run_validate(args)
    except KgError as exc:
        if args.debug:
            raise
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        return 1
    except KeyboardInterrupt:
        return 130


def run_publish(args) -> int:
    from kg import export
    from kg.publish import build

    base = args.base or configured_base()
    if not base.endswith(("/", "#")):
        base += "/"
    with err.status("publishing") as status:
        result = build(args.data, Minter(base), progress=lambda what: status.update(what))
        if result.validation is not None and not result.validation.conforms:
            print_violations(result.validation.violations)
            return 1
        status.update("writing dumps")
        export.write(result, args.out, args.data)
    figures = export.summary(result)
    table = Table(title=f"Published to {args.out}/", show_header=True)
    table.add_column("class")
    table.add_column("entities", justify="right")
    for cls, n in figures["classes"].items():
        table.add_row(cls, str(n))
    out.print(table)
    per_doc = ", ".join(f"{d}: {n}" for d, n in figures["observations"].items())
    out.print(
        f"{figures['documents']} documents, {sum(figures['observations'].values())} "
        f"observations ({per_doc}), {figures['triples']} asserted and {figures['inferred']} "
        f"inferred triples, in {figures['seconds']:.1f} s",
        highlight=False,
    )
    warnings = [v for v in result.validation.violations if v.severity != "Violation"]
    if warnings:
        out.print(f"{len(warnings)} SHACL warnings (see {args.out}/shacl-report.ttl)")
    return 0


def run_validate(args) -> int:
    from kg.validate import parse_turtle_files, validate

    missing = [p for p in args.files if not p.is_file()]
    if missing:
        raise KgError(missing[0], None, "no such file")
    graph = parse_turtle_files(args.files)
    with err.status("validating"):
        result = validate(graph)
    if result.violations:
        print_violations(result.violations)
    names = ", ".join(str(p) for p in args.files)
    if result.conforms:
        out.print(f"{names}: conforms ({len(graph)} triples)", highlight=False)
        return 0
    errors = sum(1 for v in result.violations if v.severity == "Violation")
    err.print(f"{names}: does not conform ({errors} violations)", highlight=False)
    return 1


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
