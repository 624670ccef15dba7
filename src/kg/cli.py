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

    publish.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    publish.add_argument(
        "--cache",
        type=Path,
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

    synth = commands.add_parser("synth", help="write a synthetic corpus in the format of data/")
    synth.add_argument("--documents", type=int, required=True, help="how many documents")
    synth.add_argument("--seed", type=int, default=0, help="random seed (same seed, same bytes)")
    synth.add_argument("--out", type=Path, required=True, help="folder to write (replaced)")

    load = commands.add_parser("load", help="bulk-load dist/ into an on-disk Oxigraph store")
    load.add_argument("--store", type=Path, required=True, help="store folder (replaced)")
    load.add_argument("--dist", type=Path, default=Path("dist"), help="published folder")

    push = commands.add_parser(
        "push", help="replace the graphs on a SPARQL 1.1 Graph Store Protocol server"
    )
    push.add_argument("--endpoint", required=True, help="SPARQL query endpoint URL")
    push.add_argument(
        "--graph-store", default=None, help="Graph Store endpoint (default: ENDPOINT/../store)"
    )
    push.add_argument("--user", default=None, help="HTTP basic user")
    push.add_argument("--password-env", default=None, metavar="VAR", help="password variable")
    push.add_argument("--dist", type=Path, default=Path("dist"), help="published folder")

    check = commands.add_parser("validate", help="validate Turtle files against the shapes")
    check.add_argument("files", nargs="+", type=Path)
    check.add_argument(
        "--engine",
        choices=("fast", "pyshacl"),
        default="fast",
        help="kg's validator specialised to the shapes (default) or pySHACL, the reference",
    )

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
    ask.add_argument("--store", type=Path, default=None, help="query a store made by kg load")
    ask.add_argument(
        "--asserted", action="store_true", help="query the asserted triples only, no inferences"
    )

    draft = commands.add_parser(
        "extract",
        help="draft the curation file of a new press release (or --evaluate the drafts)",
    )
    draft.add_argument(
        "file", nargs="?", type=Path, help="the source text (data/sources/NNN_*.txt)"
    )
    draft.add_argument("--data", type=Path, default=Path("data"), help="curation folder")
    draft.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to write the draft (default: DATA/documents/NNN.yaml; - for standard "
        "output); with --evaluate, where to write the evaluation as JSON",
    )
    draft.add_argument(
        "--additions",
        type=Path,
        default=None,
        help="where to write the proposed reference additions "
        "(default: DATA/reference/proposed/NNN.yaml)",
    )
    draft.add_argument("--force", action="store_true", help="replace files that exist")
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

    web = commands.add_parser(
        "serve", help="serve the published graph: SPARQL endpoint, linked data pages, downloads"
    )
    web.add_argument("--host", default="127.0.0.1", help="address to listen on")
    web.add_argument("--port", type=int, default=8000, help="port to listen on")
    web.add_argument(
        "--base",
        default=None,
        metavar="URI",
        help="base IRI of the graph's IRIs, served at this server's root "
        "(default: the base the graph was published with)",
    )
    web.add_argument(
        "--dist",
        type=Path,
        default=None,
        help="published folder (default: dist; with --store: the folder the store was "
        "loaded from), whose files are offered for download",
    )
    web.add_argument(
        "--store",
        type=Path,
        default=None,
        help="serve the graph from a store made by kg load, instead of loading --dist",
    )
    web.add_argument(
        "--query-timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="time limit of one SPARQL query (default 10)",
    )
    web.add_argument(
        "--max-result-size",
        type=int,
        default=16 * 1024 * 1024,
        metavar="BYTES",
        help="size limit of one serialized SPARQL result (default 16 MiB)",
    )
    web.add_argument("--workers", type=int, default=2, help="query worker processes (default 2)")

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
        if args.command == "extract":
            return run_extract(args)
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
    export.check_part_size(args.part_size)
    with err.status("publishing") as status:
        result = build(
            args.data,
            Minter(base),
            progress=lambda what: status.update(what),
            jobs=args.jobs,
            cache_dir=None if args.no_cache else args.cache,
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

    with err.status(f"writing {args.documents} documents"):
        synthesize(args.documents, args.seed, args.out)
    out.print(f"{args.documents} documents in {args.out}/ (seed {args.seed})", highlight=False)
    return 0


def run_load(args) -> int:
    from kg.store import load

    with err.status(f"loading {args.dist}/ into {args.store}") as status:
        figures = load(args.dist, args.store, progress=lambda what: status.update(what))
    out.print(
        f"{figures['quads']} quads in {figures['graphs']} named graphs loaded into "
        f"{args.store} in {figures['seconds']:.1f} s",
        highlight=False,
    )
    return 0


def run_push(args) -> int:
    from kg.push import Server, password_from, push

    server = Server(args.endpoint, args.graph_store, args.user, password_from(args.password_env))
    with err.status(f"pushing {args.dist}/ to {server.graph_store}") as status:
        figures = push(args.dist, server, progress=lambda what: status.update(what))
    out.print(
        f"{figures['triples']} triples in {figures['graphs']} graphs pushed to "
        f"{server.graph_store} and counted, in {figures['seconds']:.1f} s",
        highlight=False,
    )
    return 0


def run_validate(args) -> int:
    from kg.validate import parse_turtle_files, validate

    missing = [p for p in args.files if not p.is_file()]
    if missing:
        raise KgError(missing[0], None, "no such file")
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
        if args.store is not None:
            from kg.store import StoreGraph

            graph = StoreGraph(args.store, inferred=not args.asserted)
        else:
            graph = PublishedGraph(args.dist, inferred=not args.asserted)
        result = graph.query(query, params)
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


def run_serve(args) -> int:
    from kg.serve import prepare

    if args.store is not None:
        what = f"opening {args.store} and starting {args.workers} query workers"
        dist = args.dist
    else:
        dist = args.dist or Path("dist")
        what = f"loading {dist}/ and starting {args.workers} query workers"
    with err.status(what):
        server = prepare(
            dist,
            store=args.store,
            host=args.host,
            port=args.port,
            base=args.base,
            workers=args.workers,
            time_limit=args.query_timeout,
            max_result_bytes=args.max_result_size,
        )
    for warning in server.server.site.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
    out.print(server.banner(), highlight=False, soft_wrap=True)
    return server.run()


def run_extract(args) -> int:
    if args.evaluate:
        return run_extract_evaluation(args)
    from kg.extract import default_paths, extract, write

    if args.file is None:
        err.print("[red]error:[/red] give the source text to draft, or --evaluate")
        return 2
    draft_path, additions_path = default_paths(args.file, args.data)
    draft_path = args.out or draft_path
    additions_path = args.additions or additions_path
    with err.status("drafting"):
        knowledge = None
        if args.without:
            from kg.extraction.knowledge import load

            knowledge = load(args.data, contacts=True).without(args.without)
        result = extract(args.file, args.data, knowledge, additions_path=additions_path)
    if str(draft_path) == "-":
        sys.stdout.write(result.yaml())
        if result.entities.new or result.concepts or result.contacts:
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
            f"proposed reference additions ({len(result.entities.new) + len(result.contacts)} "
            f"entities, {len(result.concepts)} concepts): {additions_path}",
            highlight=False,
        )
    for warning in result.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
    out.print(f"extracted in {result.seconds * 1000:.0f} ms", highlight=False)
    return 0


def write_additions_only(result, path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise KgError(path, None, "already exists (use --force to replace it, or --additions)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(result.additions_yaml(), encoding="utf-8")


def run_extract_evaluation(args) -> int:
    import json

    from kg.extraction.evaluate import FACT_TYPES, evaluate

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
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
        out.print(f"written to {args.out}", highlight=False)
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
