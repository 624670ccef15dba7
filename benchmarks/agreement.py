"""How far two careful readers agree on a release's facts, and the drafts beside them (not a test).

Issue 15's targets score a draft against one reader's gold facts. A second reader who saw
neither that gold nor any draft wrote the facts of some tune releases again, under the same
conventions (data/devset/second/NNN.yaml). This script scores, on those releases and with the
scoring of `kg extract --evaluate --corpus` (kg.extraction.corpus.compare):

* the second reading against the first (the first taken as gold): how far two readers agree,
  what a draft scored against one reader's gold may be expected to approach (not a bound: the
  readers are of one kind, and a draft may score above it);
* the draft against the first reading (as the development set's figures do), and against the
  second.

    python benchmarks/agreement.py [--texts DIR] [--no-write] [--json PATH]

It writes the figures into benchmarks/agreement.md between its markers, with the commit they
were made at. The texts are read from DIR (default: $KG_DEVSET_TEXTS, else ../devset/texts
beside the checkout); a release whose text is not there is left out of every column, so that
the three cover the same releases.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DEVSET = DATA / "devset"
PAGE = Path(__file__).with_suffix(".md")
MARK_START = "<!-- figures: written by benchmarks/agreement.py -->"
MARK_END = "<!-- end of figures -->"
ENTITY_TYPES = ("organizations", "places", "people")


def default_texts() -> Path:
    return Path(os.environ.get("KG_DEVSET_TEXTS") or ROOT.parent / "devset" / "texts")


def empty_totals(fact_types) -> dict:
    totals = {t: {"gold": 0, "predicted": 0, "correct": 0} for t in fact_types}
    totals["found"] = {"matched": 0, "unit": 0, "qualifier": 0, "period": 0, "all": 0}
    return totals


def add(totals: dict, compared: dict) -> None:
    from kg.extraction.corpus import numbers_found

    for fact_type, counts in compared.items():
        for k in ("gold", "predicted", "correct"):
            totals[fact_type][k] += counts[k]
    for k, n in numbers_found(compared).items():
        totals["found"][k] += n


def rates(counts: dict) -> tuple[float, float, float]:
    """Precision, recall and F1, as the development set's figures give them."""
    from kg.extraction.corpus import _rates

    r = _rates(counts)
    return r["precision"], r["recall"], r["f1"]


def score(texts: Path) -> dict:
    """Each comparison's totals over the releases that have a second reading."""
    from kg.extraction.corpus import (
        CORPUS_FACT_TYPES,
        compare,
        drafted_facts,
        load_gold,
        load_manifest,
        reading_as_drafted,
    )
    from kg.extraction.extract import extract, prepare
    from kg.extraction.knowledge import load

    files = {e["id"]: e["file"] for e in load_manifest(DEVSET)}
    ids = sorted((p.stem for p in (DEVSET / "second").glob("*.yaml")), key=int)
    names = ("second reader vs first", "draft vs first reader", "draft vs second reader")
    totals = {n: empty_totals(CORPUS_FACT_TYPES) for n in names}
    full = load(DATA, contacts=True)
    prepare(full)
    drafted_ids = []
    for release in ids:
        text = texts / files[release]
        if not text.is_file():
            continue
        first = load_gold(DEVSET / "gold" / f"{release}.yaml")
        second = load_gold(DEVSET / "second" / f"{release}.yaml")
        add(totals[names[0]], compare(first, reading_as_drafted(second)))
        print(f"release {release}: drafting", file=sys.stderr)
        draft = drafted_facts(extract(text, DATA, full, file_proposals=True), full, True)
        add(totals[names[1]], compare(first, draft))
        add(totals[names[2]], compare(second, draft))
        drafted_ids.append(release)
    return {"releases": ids, "drafted": drafted_ids, "totals": totals}


def table(report: dict) -> list[str]:
    names = list(report["totals"])
    lines = [
        "| fact type | " + " | ".join(names) + " |",
        "| --- |" + " ---: |" * len(names),
    ]
    first = report["totals"][names[0]]
    for fact_type in [t for t in first if t != "found"]:
        cells = []
        for name in names:
            counts = report["totals"][name][fact_type]
            p, r, f1 = rates(counts)
            right = f"{counts['correct']} of {counts['gold']}"
            cells.append(f"F1 {f1:.3f} (P {p:.3f}, R {r:.3f}: {right})")
        lines.append(f"| {fact_type} | " + " | ".join(cells) + " |")
    cells = []
    for name in names:
        found = report["totals"][name]["found"]
        share = found["all"] / found["matched"] if found["matched"] else 0.0
        cells.append(f"{share:.3f} ({found['all']}/{found['matched']})")
    lines.append(
        "| numbers found: unit, qualifier and period all right | " + " | ".join(cells) + " |"
    )
    cells = []
    for name in names:
        found = report["totals"][name]["found"]
        cells.append(" / ".join(str(found[k]) for k in ("unit", "qualifier", "period")))
    lines.append("| numbers found: unit / qualifier / period right | " + " | ".join(cells) + " |")
    return lines


def commit() -> str:
    """The checkout's commit, as the figures' stamp ("unknown" outside a git checkout)."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:
        return "unknown"
    return done.stdout.strip() or "unknown"


def write(lines: list[str]) -> None:
    page = PAGE.read_text(encoding="utf-8")
    head, rest = page.split(MARK_START, 1)
    _, tail = rest.split(MARK_END, 1)
    body = "\n".join([MARK_START, "", *lines, "", MARK_END])
    temporary = PAGE.with_suffix(".md.tmp")
    temporary.write_text(head + body + tail, encoding="utf-8")
    temporary.replace(PAGE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=default_texts(), help="the texts' folder")
    parser.add_argument("--no-write", action="store_true", help="print the figures, write no file")
    parser.add_argument("--json", type=Path, default=None, help="write the totals there")
    args = parser.parse_args(argv)
    report = score(args.texts)
    missing = sorted(set(report["releases"]) - set(report["drafted"]), key=int)
    lines = [
        f"{len(report['releases'])} releases read twice; scored: the {len(report['drafted'])} "
        f"whose texts are at hand ({', '.join(report['drafted'])})"
        + (f"; left out, no text: {', '.join(missing)}" if missing else "")
        + f". Made at commit {commit()}.",
        "",
        *table(report),
    ]
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    if not args.no_write:
        write(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
