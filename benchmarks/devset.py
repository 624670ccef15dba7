"""Figures of `kg extract` on the development set and on the seeds (not a test).

Scores the drafts of the development set's releases (data/devset/: manifest and gold facts)
with `kg extract --evaluate --corpus` for each half, tune and heldout, and the seeds' own
leave-one-out (`kg extract --evaluate`), and writes the figures into benchmarks/devset.md
between its markers (with --json PATH, everything, per release, into PATH as well: keep it
out of the repository, since it lists the held-out half's misses).

    python benchmarks/devset.py [--texts DIR] [--fetch] [--no-write] [--json PATH]

The releases' texts are not in the repository (they are not ours). They are read from DIR
(default: $KG_DEVSET_TEXTS, else ../devset/texts beside the checkout), one file per release
named as in the manifest. With --fetch, a release whose text is not there is fetched again
from its address in the manifest: the page's article (as `kg add` reads a page: trafilatura)
cut to the manifest's `chars`. A fetched text is not the text the gold facts were written on
(that one came from a stored copy of the page, site debris included, cut after about 2,000
characters), so its SHA-256 differs and its figures are not comparable; the script says which
texts match the manifest's checksums.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
MARK_START = "<!-- figures: written by benchmarks/devset.py -->"
MARK_END = "<!-- end of figures -->"
USER_AGENT = "kg-devset/1 (+https://example.org/kg; re-fetching a development set)"


def default_texts() -> Path:
    return Path(os.environ.get("KG_DEVSET_TEXTS") or ROOT.parent / "devset" / "texts")


def fetch(entry: dict, folder: Path) -> str:
    """Fetch one release's page again and write its article, cut to the manifest's length."""
    from kg.extraction.add import page_from_html

    request = urllib.request.Request(entry["address"], headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (http(s) only)
        data = response.read(5 * 1024 * 1024)
    page = page_from_html(data, Path(entry["file"]))
    text = page.text[: int(entry.get("chars") or len(page.text))].rstrip("\n") + "\n"
    (folder / entry["file"]).write_text(text, encoding="utf-8")
    return text


def check_texts(folder: Path, releases: list[dict], fetch_missing: bool) -> dict[str, str]:
    """Each release's text: "retrieved" (its checksum is the manifest's), "different",
    "fetched" or "missing"."""
    state = {}
    for entry in releases:
        path = folder / entry["file"]
        if not path.is_file() and fetch_missing:
            folder.mkdir(parents=True, exist_ok=True)
            try:
                fetch(entry, folder)
                state[entry["id"]] = "fetched"
            except Exception as exc:  # noqa: BLE001 (one release's failure is reported)
                print(f"{entry['id']}: not fetched: {exc}", file=sys.stderr)
                state[entry["id"]] = "missing"
            continue
        if not path.is_file():
            state[entry["id"]] = "missing"
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        state[entry["id"]] = "retrieved" if digest == entry.get("sha256") else "different"
    return state


def row(name: str, s: dict, a: dict | None = None) -> str:
    cells = [name, str(s["gold"]), str(s["predicted"]), str(s["correct"])]
    cells += [f"{s[k]:.3f}" for k in ("precision", "recall", "f1")]
    if a is not None:
        cells += [str(a["predicted"]), str(a["correct"])]
        cells += [f"{a[k]:.3f}" for k in ("precision", "recall", "f1")]
    return "| " + " | ".join(cells) + " |"


def corpus_table(report: dict) -> list[str]:
    lines = [
        "| fact type | gold | drafted | right | P | R | F1 | drafted (all) | right (all) "
        "| P (all) | R (all) | F1 (all) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for fact_type, active in report["total"]["active"].items():
        lines.append(row(fact_type, active, report["total"]["all"][fact_type]))
    lines.append("")
    for mode, label in (("active", "active items"), ("all", "with suggestions")):
        found = report["numbers_found"][mode]
        n = found["matched"]
        share = f"{found['all'] / n:.3f}" if n else "-"
        lines.append(
            f"- numbers found ({label}): {n}; unit, qualifier and period all right for "
            f"{found['all']} ({share}); unit right {found['unit']}, qualifier "
            f"{found['qualifier']}, period {found['period']}"
        )
    seconds = [d.get("extraction_seconds", 0.0) for d in report["documents"].values()]
    walls = [d["seconds"] for d in report["documents"].values()]
    refused = ", ".join(r["id"] for r in report["refused"]) or "none"
    if report.get("failed"):
        refused += "; the extractor failed on " + ", ".join(r["id"] for r in report["failed"])
    lines.append(
        f"- {report['scored']} of {report['releases']} releases scored; refused by the "
        f"ingest: {refused}; drafting took {sum(seconds) / len(seconds) * 1000:.0f} ms a "
        f"release on average and {max(seconds) * 1000:.0f} ms at most; with the ingest, "
        f"{max(walls) * 1000:.0f} ms at most (the gazetteer, the given names and the language "
        "model are loaded at start-up)"
        if seconds
        else f"- no release scored ({len(report['missing'])} texts missing)"
    )
    return lines


def targets_table(report: dict) -> list[str]:
    """The issue's targets against one half's figures (active items)."""
    total, found = report["total"]["active"], report["numbers_found"]["active"]
    value = total["numbers: value"]
    share = found["all"] / found["matched"] if found["matched"] else 0.0
    seconds = [d.get("extraction_seconds", 0.0) for d in report["documents"].values()]
    rows = [
        (f"{t} F1 >= 0.85", f"{total[t]['f1']:.3f}", total[t]["f1"] >= 0.85)
        for t in ("organizations", "places", "people")
    ]
    rows += [
        (
            "numbers: value recall >= 0.85 with precision >= 0.9",
            f"R {value['recall']:.3f}, P {value['precision']:.3f}",
            value["recall"] >= 0.85 and value["precision"] >= 0.9,
        ),
        (
            "value+unit+qualifier+period right for >= 0.8 of found numbers",
            f"{share:.3f}",
            share >= 0.8,
        ),
        (
            "attributions recall >= 0.7",
            f"{total['attributions']['recall']:.3f}",
            total["attributions"]["recall"] >= 0.7,
        ),
        ("0 refused inputs", str(len(report["refused"])), not report["refused"]),
        (
            "drafting under 1 s per release",
            f"{max(seconds, default=0.0):.3f} s at most",
            max(seconds, default=0.0) < 1.0,
        ),
    ]
    lines = ["| target (issue 15) | held-out figure | met |", "| --- | --- | --- |"]
    lines += [f"| {name} | {figure} | {'yes' if ok else 'no'} |" for name, figure, ok in rows]
    return lines


# The held-out half came in four parts, each scored apart as well: the releases split off
# the first batches (101 to 152), and three parts gathered later, after round 16's rules were
# frozen (573 to 604) and while round 17's (605 to 634) and round 18's (635 to 664) were
# written, none of them tuned on.
HELDOUT_PARTS = (
    ("101 to 152", 101, 152),
    ("573 to 604", 573, 604),
    ("605 to 634", 605, 634),
    ("635 to 664", 635, 664),
)


def heldout_parts(texts: Path, releases: list[dict]) -> dict[str, dict]:
    """Each held-out part's report, from a folder that holds that part's texts alone."""
    import tempfile

    from kg.extraction.evaluate import evaluate_corpus

    reports = {}
    for name, first, last in HELDOUT_PARTS:
        with tempfile.TemporaryDirectory() as tmp:
            for entry in releases:
                source = texts / entry["file"]
                if first <= int(entry["id"]) <= last and source.is_file():
                    (Path(tmp) / entry["file"]).symlink_to(source.resolve())
            reports[name] = evaluate_corpus(Path(tmp), DATA, DATA / "devset", "heldout")
    return reports


def parts_table(parts: dict[str, dict]) -> list[str]:
    """One column per part: the figures the issue's targets are about (active items)."""

    def cells(report: dict) -> list[str]:
        total, found = report["total"]["active"], report["numbers_found"]["active"]
        n = found["matched"]
        value, attributions = total["numbers: value"], total["attributions"]
        return [
            str(report["scored"]),
            f"{found['all'] / n:.3f} ({found['all']}/{n})" if n else "-",
            f"{found['unit']} / {found['qualifier']} / {found['period']}",
            f"{value['recall']:.3f} ({value['precision']:.3f})",
            f"{attributions['recall']:.3f} ({attributions['precision']:.3f})",
            " / ".join(f"{total[t]['f1']:.3f}" for t in ("organizations", "places", "people")),
        ]

    names = ["releases scored", "found-right", "unit / qualifier / period right",
             "numbers: value R (P)", "attributions R (P)",
             "organizations / places / people F1"]  # fmt: skip
    columns = [cells(report) for report in parts.values()]
    lines = ["| active items | " + " | ".join(parts) + " |"]
    lines.append("| --- |" + " ---: |" * len(parts))
    for k, name in enumerate(names):
        lines.append(f"| {name} | " + " | ".join(column[k] for column in columns) + " |")
    return lines


def seeds_table(report: dict) -> list[str]:
    lines = [
        "| fact type | gold | drafted | right | P | R | F1 | drafted (active) | right (active) "
        "| P (active) | R (active) | F1 (active) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for fact_type, every in report["total"].items():
        lines.append(row(fact_type, every, report["total_active_only"][fact_type]))
    return lines


def figures(texts: Path, state: dict[str, str], releases: list[dict]) -> tuple[list[str], dict]:
    from kg.extraction.evaluate import evaluate, evaluate_corpus

    seeds = evaluate(DATA)
    halves = {s: evaluate_corpus(texts, DATA, DATA / "devset", s) for s in ("heldout", "tune")}
    parts = heldout_parts(texts, releases)
    counts = {k: sum(1 for v in state.values() if v == k) for k in sorted(set(state.values()))}
    lines = [
        MARK_START,
        "",
        f"Texts: {', '.join(f'{n} {k}' for k, n in counts.items())} (of {len(state)}; "
        "'retrieved': the text the gold facts were written on, by its SHA-256).",
        "",
    ]
    for split, title in (
        ("heldout", "Held-out half (report these)"),
        ("tune", "Tune half (the rules may be tuned on these)"),
    ):
        lines += [f"### {title}", "", *corpus_table(halves[split]), ""]
        if split == "heldout":
            lines += ["Against the issue's targets (active items):", ""]
            lines += [*targets_table(halves[split]), ""]
            lines += ["Each part of the held-out half apart (active items):", ""]
            lines += [*parts_table(parts), ""]
    lines += [
        "### Seeds, leave-one-out (`kg extract --evaluate`)",
        "",
        "Attributions here count commented-out sources in both columns, and the numbers' "
        "second row is value+unit+qualifier (no period), as the seeds' evaluation has always "
        "counted them.",
        "",
        *seeds_table(seeds),
        "",
        MARK_END,
    ]
    return lines, {"seeds": seeds, **halves, "heldout_parts": parts, "texts": state}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=default_texts(), help="the texts' folder")
    parser.add_argument("--fetch", action="store_true", help="fetch missing texts again")
    parser.add_argument("--no-write", action="store_true", help="print the figures, write no file")
    parser.add_argument("--json", type=Path, default=None, help="write the reports there")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from kg.extraction.evaluate import load_manifest

    releases = load_manifest(DATA / "devset")
    state = check_texts(args.texts, releases, args.fetch)
    lines, report = figures(args.texts, state, releases)
    block = "\n".join(lines)
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    if args.no_write:
        print(block)
        return 0
    md = ROOT / "benchmarks" / "devset.md"
    text = md.read_text(encoding="utf-8")
    start, end = text.index(MARK_START), text.index(MARK_END) + len(MARK_END)
    md.write_text(text[:start] + block + text[end:], encoding="utf-8")
    print(f"written: {md}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
