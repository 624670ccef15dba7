"""`kg extract` (the draft of a new press release's curation file, or, with `--evaluate`, the
drafts scored against the curated documents or a development set) and `kg add` (a press
release filed in data/ with its draft, and published if asked)."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from kg.cli import output
from kg.cli.arguments import (
    UsageError,
    check_input_folder,
    check_not_working_folder,
    check_output,
    path,
)
from kg.cli.output import fail
from kg.errors import KgError


def declare_extract(commands) -> None:
    """`kg extract` and its arguments."""
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


def declare_add(commands) -> None:
    """`kg add` and its arguments."""
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


def run_extract(args) -> int:
    if args.evaluate:
        return run_extract_evaluation(args)
    from kg.extraction.extract import default_paths, extract, proposes_additions, write

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
    with output.err.status("drafting"):
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
                output.err.print(
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
    output.out.print(table)
    output.out.print(f"draft: {draft_path}", highlight=False)
    filed = filed_line(result, args.data)
    if filed is not None:
        output.out.print(filed, highlight=False, soft_wrap=True)
    if additions_path is not None and proposes_additions(result):
        output.out.print(
            f"proposed reference additions ({additions_count(result)}): {additions_path}",
            highlight=False,
        )
    for warning in result.warnings:
        output.err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
    output.out.print(f"extracted in {result.seconds * 1000:.0f} ms", highlight=False)
    return 0


def counted(entities: int, concepts: int) -> str:
    """ "1 entity, 2 concepts"."""
    return (
        f"{entities} entit{'y' if entities == 1 else 'ies'}, "
        f"{concepts} concept{'' if concepts == 1 else 's'}"
    )


def additions_count(draft) -> str:
    """What a draft proposes to add to the reference data and did not file itself."""
    entities = [e for e in draft.entities.new.values() if not draft.filed(e)]
    concepts = [c for c in draft.concepts if (c.scheme, c.id) not in draft.filed_concepts]
    return counted(len(entities) + len(draft.contacts), len(concepts))


def filed_line(draft, data: Path) -> str | None:
    """What a draft filed in the reference data itself, marked NEW there for review: counts
    and the files, or None when it filed nothing."""
    from kg.build.model import REFERENCE_FILES

    entities = [e for e in draft.entities.new.values() if draft.filed(e)]
    if not entities and not draft.filed_concepts:
        return None
    names = sorted({REFERENCE_FILES[e.kind] for e in entities})
    names += ["concepts.yaml"] if draft.filed_concepts else []
    files = ", ".join(str(Path(data) / "reference" / name) for name in names)
    count = counted(len(entities), len(draft.filed_concepts))
    return f"filed NEW in the reference data ({count}): {files}"


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
    with output.err.status("adding"):
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
    output.out.print(
        f"added document {added.doc_id}: {added.entry['title']}", highlight=False, soft_wrap=True
    )
    output.out.print(f"  source:    {added.source_path}", highlight=False, soft_wrap=True)
    output.out.print(f"  address:   {added.entry['url']}", highlight=False, soft_wrap=True)
    output.out.print(
        f"  published: {dated}; retrieved {added.entry['retrieved']}",
        highlight=False,
        soft_wrap=True,
    )
    output.out.print(
        f"  body:      {len(added.document.paragraphs)} paragraphs; contacts: {contacts}",
        highlight=False,
    )
    output.out.print(f"  draft:     {added.draft_path}", highlight=False, soft_wrap=True)
    filed = filed_line(draft, args.data)
    if filed is not None:
        output.out.print(f"  {filed}", highlight=False, soft_wrap=True)
    if added.additions_path is not None:
        output.out.print(
            f"  proposed reference additions ({additions_count(draft)}): {added.additions_path}",
            highlight=False,
            soft_wrap=True,
        )
    for warning in draft.warnings:
        output.err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
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
        output.err.print(
            f"not published: document {added.doc_id} is filed; fix the lines above, then "
            "run `kg publish`",
            highlight=False,
            soft_wrap=True,
        )
        return 1
    # `kg publish` with its own defaults, whatever options it has
    from kg.cli import main

    return main(["publish", "--data", str(args.data), "--out", str(args.out)])


def run_extract_evaluation(args) -> int:
    import json

    from kg.extraction.evaluate import FACT_TYPES, evaluate

    if args.corpus is not None or args.split is not None or args.devset is not None:
        return run_extract_corpus_evaluation(args)
    check_input_folder(args.data, "--data")
    if args.out is not None:
        check_output(args.out, "--out", folder=False)
    with output.err.status("evaluating") as status:
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
    output.out.print(table)
    times = ", ".join(
        f"{doc}: {d['extraction_seconds'] * 1000:.0f} ms" for doc, d in report["documents"].items()
    )
    output.out.print(
        f"{len(report['documents'])} documents; extraction per document ({times}) after a "
        f"start-up of {report['start_up_seconds'] * 1000:.0f} ms",
        highlight=False,
    )
    indicators = report["indicators"]
    output.out.print(
        f"indicators: right for {indicators['right_in_concepts']} of the "
        f"{indicators['in_concepts']} numbers whose curated indicator was known without the "
        f"document ({indicators['right']} of {indicators['matched']} in all)",
        highlight=False,
    )
    if args.out is not None:
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
        output.out.print(f"written to {args.out}", highlight=False)
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
    with output.err.status("evaluating") as status:
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
    output.out.print(table)
    for mode in ("active", "all"):
        found = report["numbers_found"][mode]
        n = found["matched"]
        share = f"{found['all'] / n:.3f}" if n else "-"
        output.out.print(
            f"numbers found ({mode}): {n}; unit, qualifier and period all right for "
            f"{found['all']} ({share}); unit {found['unit']}, qualifier {found['qualifier']}, "
            f"period {found['period']}",
            highlight=False,
        )
    seconds = [d["seconds"] for d in report["documents"].values()]
    slowest = f", slowest {max(seconds) * 1000:.0f} ms" if seconds else ""
    slowest += f" after a start-up of {report['start_up_seconds'] * 1000:.0f} ms"
    output.out.print(
        f"{report['scored']} of {report['releases']} releases scored, {len(report['refused'])} "
        f"refused by the ingest{slowest}",
        highlight=False,
    )
    if report["missing"]:
        output.err.print(
            f"[yellow]warning:[/yellow] not in {args.corpus} (not scored): "
            + ", ".join(report["missing"]),
            highlight=False,
            soft_wrap=True,
        )
    for refused in report["refused"]:
        output.err.print(
            f"[yellow]refused[/yellow] (counted as all missed): {escape(refused['error'])}",
            highlight=False,
            soft_wrap=True,
        )
    for failed in report["failed"]:
        fail(f"the extractor failed (counted as all missed): {failed['error']}")
    if args.out is not None:
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
        output.out.print(f"written to {args.out}", highlight=False)
    return 1 if report["failed"] else 0
