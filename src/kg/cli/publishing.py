"""`kg publish` (build, reason, validate and write dist/) and `kg validate` (Turtle files
against the shapes)."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

from kg.cli import output
from kg.cli.arguments import (
    base_iri,
    base_problem,
    check_input_file,
    check_input_folder,
    check_not_working_folder,
    check_output,
    holds,
    http_iri,
    iso_date,
    path,
    whole,
)
from kg.cli.output import print_violations
from kg.errors import KgError
from kg.vocab import Minter, configured_base


def declare_publish(commands) -> None:
    """`kg publish` and its arguments."""
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


def declare_validate(commands) -> None:
    """`kg validate` and its arguments."""
    check = commands.add_parser("validate", help="validate Turtle files against the shapes")
    check.add_argument("files", nargs="+", type=path)
    check.add_argument(
        "--engine",
        choices=("fast", "pyshacl"),
        default="fast",
        help="kg's validator specialised to the shapes (default) or pySHACL, the reference",
    )


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
    with atomic.lock(args.out, args.out), output.err.status("publishing") as status:
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
    output.out.print(table)
    per_doc = ", ".join(f"{d}: {n}" for d, n in figures["observations"].items())
    output.out.print(
        f"{figures['documents']} documents, {sum(figures['observations'].values())} "
        f"observations ({per_doc}), {figures['triples']} asserted and {figures['inferred']} "
        f"inferred triples"
        + (f" summed over {parts} parts (a triple in two parts counts twice)" if parts else "")
        + f", in {figures['seconds']:.1f} s",
        highlight=False,
    )
    warnings = [v for v in result.validation.violations if v.severity != "Violation"]
    if warnings:
        output.out.print(f"{len(warnings)} SHACL warnings (see {args.out}/shacl-report.ttl)")
    return 0


def run_validate(args) -> int:
    from kg.build.validate import parse_turtle_files, validate

    for file in args.files:
        check_input_file(file)
    graph = parse_turtle_files(args.files)
    with output.err.status("validating"):
        result = validate(graph, engine=args.engine)
    if result.violations:
        print_violations(result.violations)
    names = ", ".join(str(p) for p in args.files)
    if result.conforms:
        output.out.print(f"{names}: conforms ({len(graph)} triples)", highlight=False)
        return 0
    errors = sum(1 for v in result.violations if v.severity == "Violation")
    output.err.print(f"{names}: does not conform ({errors} violations)", highlight=False)
    return 1
