"""Benchmark of full-text search (`kg.publish.search`; not a test): the index's size, the time to
write it with and without the cache of each document's rows, query times; and, where the
`tantivy` package is importable, the same rows and queries in tantivy for comparison.

    python benchmarks/search.py --data DATA --cache CACHE --dist DIST [--repeat N]

DIST is a publish of DATA (`kg publish --data DATA --out DIST --cache CACHE`): the build is
made again from the cache (nothing modelled anew), then the index is written into a temporary
folder from no cache (every document's rows stemmed), and again from a cache of rows. Queries
are timed on DIST's own index, each the median of N runs of a page of results (things and
passages, 10 of each, their words marked, the facts of each passage). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kg.build.run import build
from kg.publish import search
from kg.vocab import Minter, configured_base

QUERIES = [
    "victims",  # common
    "victims assisted",  # two words, stemmed
    "trata",  # rare, Spanish
    '"human trafficking"',  # a phrase of common words
    "explotaciones",  # a Spanish stem
    "zzzzzz",  # nothing
]


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def tantivy_rows(index: search.Index):
    db = index._db()
    return db.execute("SELECT id, kind, text, language FROM entries ORDER BY id").fetchall()


def with_tantivy(index: search.Index, repeat: int, out: list[str]) -> None:
    try:
        import tantivy
    except ImportError:
        out.append("tantivy: not importable here, not measured")
        return
    rows = tantivy_rows(index)
    folder = Path(tempfile.mkdtemp(prefix="kg-tantivy-"))
    try:
        schema = (
            tantivy.SchemaBuilder()
            .add_integer_field("id", stored=True, indexed=True)
            .add_text_field("kind", stored=False, tokenizer_name="raw")
            .add_text_field("en", stored=False, tokenizer_name="default")
            .add_text_field("es", stored=False, tokenizer_name="default")
            .build()
        )
        started = time.perf_counter()
        tv = tantivy.Index(schema, path=str(folder))
        writer = tv.writer(heap_size=200_000_000, num_threads=1)
        for number, kind, text, language in rows:
            stems = search.stemmed(text, language)
            writer.add_document(
                tantivy.Document(
                    id=number,
                    kind=kind,
                    en=stems if language == "en" else "",
                    es=stems if language == "es" else "",
                )
            )
        writer.commit()
        writer.wait_merging_threads()
        seconds = time.perf_counter() - started
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        out.append(
            f"tantivy {getattr(tantivy, '__version__', '')}: {len(rows):,} rows indexed in "
            f"{seconds:.1f} s (stemming included), {size / 1e6:.1f} MB"
        )
        tv.reload()
        searcher = tv.searcher()
        for text in QUERIES:
            query = search.parse(text)
            clauses = []
            for en, es in zip(query.stems("en"), query.stems("es"), strict=True):
                clauses.append(f'(en:"{" ".join(en)}" OR es:"{" ".join(es)}")')
            expression = f"kind:passage AND {' AND '.join(clauses)}"
            parsed = tv.parse_query(expression, ["en", "es"])

            def run(parsed=parsed):
                searcher.search(parsed, 10).hits  # noqa: B018

            hits = searcher.search(parsed, 10_000).count
            out.append(
                f"| tantivy, top 10 passages only | `{text}` | {hits} passages | "
                f"{timed(run, repeat) * 1000:.2f} ms |"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--dist", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    out: list[str] = []
    index = search.Index(args.dist / search.INDEX)
    db = index._db()
    kinds = dict(db.execute("SELECT kind, count(*) FROM entries GROUP BY kind"))
    size = (args.dist / search.INDEX).stat().st_size
    documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    out.append(
        f"{documents:,} documents: {size / 1e6:.1f} MB, "
        + ", ".join(f"{n:,} {kind}s" for kind, n in sorted(kinds.items()))
    )

    the_build = build(args.data, Minter(configured_base()), cache_dir=args.cache)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / search.INDEX
        started = time.perf_counter()
        search.write_index(the_build, target)
        cold = time.perf_counter() - started
        rows = Path(folder) / "cache"
        search.write_index(the_build, target, rows)
        started = time.perf_counter()
        search.write_index(the_build, target, rows)
        warm = time.perf_counter() - started
        same = target.read_bytes() == (args.dist / search.INDEX).read_bytes()
    out.append(
        f"written in {cold:.1f} s with no cache, {warm:.1f} s from the cache of rows; "
        f"the same bytes as DIST's: {same}"
    )
    out.append("")
    out.append("| engine | query | found | a page (median) |")
    out.append("| --- | --- | --- | --- |")
    for text in QUERIES:
        found = index.search(text)

        def run(text=text):
            index.search(text)

        out.append(
            f"| kg (FTS5) | `{text}` | {found.things_total} things, {found.passages_total} "
            f"passages | {timed(run, args.repeat) * 1000:.2f} ms |"
        )
    # Like for like with tantivy below: the first 10 passages' ids, nothing else.
    for text in QUERIES:
        match = search.parse(text).match()

        def top(match=match):
            db.execute(
                "SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT 10",
                (match,),
            ).fetchall()

        out.append(
            f"| FTS5, top 10 passages only | `{text}` | | {timed(top, args.repeat) * 1000:.2f} ms |"
        )
    with_tantivy(index, args.repeat, out)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
