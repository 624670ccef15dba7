"""`kg queries` (the named queries), `kg query` (a named query or any SPARQL on the
published graph or a store) and `kg search` (the full-text index): tables on a terminal, CSV
(names for `kg queries`) in a pipe, unless `--format` says otherwise."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from kg.cli import output
from kg.cli.arguments import UsageError, check_input_file, path, whole
from kg.cli.output import fail
from kg.errors import KgError


def declare_queries(commands) -> None:
    """`kg queries` and its arguments."""
    listing = commands.add_parser("queries", help="list the named queries and what each answers")
    listing.add_argument(
        "--format",
        choices=["table", "names", "csv", "json"],
        default=None,
        help="table (default on a terminal), names (one per line; default in a pipe), csv or "
        "json (name, answers, parameters, description)",
    )


def declare_query(commands) -> None:
    """`kg query` and its arguments."""
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


def declare_search(commands) -> None:
    """`kg search` and its arguments."""
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


def run_queries(args) -> int:
    from kg.store.query import named_queries

    queries = named_queries()
    form = args.format or ("table" if output.out.is_terminal else "names")
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
    output.out.print(table)
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
        args.format = "table" if output.out.is_terminal else "csv"
    if args.format == "table" and result.form == "graph":
        args.format = "turtle"
    if args.format == "csv" and result.form == "ask":
        args.format = "table"  # SPARQL has no CSV form of a boolean: yes or no, as on a terminal
    if args.format != "table":
        data = result.serialize(args.format)
        sys.stdout.buffer.write(data if data.endswith(b"\n") else data + b"\n")
        sys.stdout.flush()
        if result.more:
            output.err.print(_next_page(result, args.limit), highlight=False)
        return 0
    if result.form == "ask":
        output.out.print("yes" if result.boolean else "no")
        return 0
    rows = result.rows
    shown = [v for v in result.variables if any(row[v] not in (None, "") for row in rows)]
    columns = shown or result.variables
    cells = [
        [result.compact(row[v], terms.get(v)) for v in columns]
        for row, terms in zip(rows, result.terms, strict=True)
    ]
    if len(columns) * MIN_COLUMN_WIDTH > output.out.width:
        print_records(query.description, columns, cells)
    else:
        table = Table(title=query.description or None, show_header=True, show_lines=True)
        for variable in columns:
            table.add_column(variable, overflow="fold")
        for row in cells:
            table.add_row(*row)
        output.out.print(table)
    empty = [v for v in result.variables if v not in shown] if rows else []
    output.err.print(
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
        output.out.print(title, style="italic", highlight=False)
    for number, row in enumerate(cells, 1):
        output.out.rule(f"row {number}", align="left")
        record = Table.grid(padding=(0, 2))
        record.add_column(style="bold", no_wrap=True)
        record.add_column(overflow="fold")
        for variable, value in zip(columns, row, strict=True):
            if value:
                record.add_row(variable, value)
        output.out.print(record)


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
    form = args.format or ("table" if output.out.is_terminal else "csv")
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
        output.out.print(table)
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
        output.out.print(table)
    output.err.print(
        f"{found.things_total} thing{'s' if found.things_total != 1 else ''} and "
        f"{found.passages_total} passage{'s' if found.passages_total != 1 else ''} found "
        f"(page {found.page} of {found.pages}) in {seconds * 1000:.0f} ms",
        highlight=False,
    )
    return 0
