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

    commands.add_parser("queries", help="list the named queries and what each answers")

    ask = commands.add_parser(
        "query", help="run a named query or any SPARQL on the published graph"
    )
    ask.add_argument("name", nargs="?", help="a named query (`kg queries` lists them)")
    source = ask.add_mutually_exclusive_group()
    source.add_argument("--file", type=Path, help="run the SPARQL query in this file")
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
        default="table",
        help="table (default), W3C SPARQL results (csv, tsv, json, xml) or, for CONSTRUCT "
        "and DESCRIBE, RDF (turtle, ntriples, jsonld)",
    )
    ask.add_argument("--dist", type=Path, default=Path("dist"), help="published folder")
    ask.add_argument(
        "--asserted", action="store_true", help="query the asserted triples only, no inferences"
    )

    args = parser.parse_args(argv)
    try:
        if args.command == "publish":
            return run_publish(args)
        if args.command == "queries":
            return run_queries(args)
        if args.command == "query":
            return run_query(args)
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


def run_queries(args) -> int:
    from kg.query import named_queries

    table = Table(title="Named queries (kg query NAME)", show_header=True)
    table.add_column("name", no_wrap=True)
    table.add_column("answers")
    table.add_column("parameters")
    table.add_column("what it answers")
    for name, query in named_queries().items():
        table.add_row(
            name, ", ".join(query.answers), ", ".join(query.parameters), query.description
        )
    out.print(table)
    return 0


def run_query(args) -> int:
    from kg.query import PublishedGraph, Query, QuerySyntaxError, named_query

    given = [x for x in (args.name, args.file, args.sparql) if x is not None]
    if len(given) != 1:
        err.print("[red]error:[/red] give one query: a NAME, --file Q.rq or --sparql TEXT")
        return 2
    params = {}
    for item in args.param:
        key, equals, value = item.partition("=")
        if not equals or not key:
            err.print(f"[red]error:[/red] --param {item!r}: expected KEY=VALUE", highlight=False)
            return 2
        params[key.strip()] = value
    if args.file is not None:
        if not args.file.is_file():
            raise KgError(args.file, None, "no such file")
        query = Query.parse(args.file.read_text(encoding="utf-8"), str(args.file))
    elif args.sparql is not None:
        query = Query.parse(args.sparql, "--sparql")
    else:
        query = named_query(args.name)
    try:
        result = PublishedGraph(args.dist, inferred=not args.asserted).query(query, params)
    except QuerySyntaxError as exc:
        if args.debug:
            raise
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        return 2
    if args.format == "table" and result.form == "graph":
        args.format = "turtle"
    if args.format != "table":
        data = result.serialize(args.format)
        sys.stdout.buffer.write(data if data.endswith(b"\n") else data + b"\n")
        sys.stdout.flush()
        return 0
    if result.form == "ask":
        out.print("yes" if result.boolean else "no")
        return 0
    rows = result.rows
    shown = [v for v in result.variables if any(row[v] not in (None, "") for row in rows)]
    table = Table(title=query.description or None, show_header=True, show_lines=True)
    for variable in shown or result.variables:
        table.add_column(variable, overflow="fold")
    for row, terms in zip(rows, result.terms, strict=True):
        table.add_row(*(result.compact(row[v], terms.get(v)) for v in shown or result.variables))
    out.print(table)
    empty = [v for v in result.variables if v not in shown] if rows else []
    err.print(
        f"{len(result)} row{'s' if len(result) != 1 else ''} in {result.seconds * 1000:.0f} ms"
        + (f"; no values for {', '.join(empty)}" if empty else ""),
        highlight=False,
    )
    return 0


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
