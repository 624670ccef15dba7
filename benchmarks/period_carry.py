"""Measure `kg.extraction.period_carry` on the development set's tune half: the periods it
carries right, those it gives numbers the gold leaves undated, and the others.

    python benchmarks/period_carry.py [--texts DIR]

Each tune release whose text is at hand (DIR, as benchmarks/devset.py reads it) is drafted
without the carry; each case the carry would take (an active number with no period, the dated
number said before it, no veto) is labelled by its gold period (data/devset/gold). The
held-out half is never read here.

A logistic model over 27 cues of each case (tense, nearness, totals, events, the kind of
period) was fitted to these labels in round 19 and cross-validated by release (five folds):
it carried 79 right and 34 where the gold has none, where carrying every case carried 108 and
38 (benchmarks/devset.md, round 19). The carry has no model since.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.extraction import corpus
from kg.extraction import extract as extract_module
from kg.extraction.extract import extract, prepare
from kg.extraction.knowledge import load
from kg.extraction.period_carry import carry_cases

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def _by_value(p, g) -> bool:
    return corpus._same_value(p[0], g.key)


def _in_full(p, g) -> bool:
    return _by_value(p, g) and (p[1], p[2], p[3]) == (g.unit, g.qualifiers, g.period)


def cases(texts: Path) -> list[tuple[str, bool, bool]]:
    """(release, carried right, gold undated) for each case of the tune half."""
    full = load(DATA, contacts=True)
    prepare(full)
    extract_module.carry_periods = lambda *args, **kwargs: None  # (drafts without the carry)
    out = []
    for entry in corpus.load_manifest(DATA / "devset", "tune"):
        text = texts / entry["file"]
        if not text.is_file():
            continue
        _, gold = corpus.load_gold(DATA / "devset" / "gold" / f"{entry['id']}.yaml")
        draft = extract(text, DATA, full, file_proposals=True)
        items, drafted = [], []
        for item in draft.observations:
            if not item.active:
                continue
            try:
                key = corpus._value_key(item.fields)
            except ArithmeticError:
                continue
            qualifiers = tuple(
                sorted(str(q) for q in corpus._as_list(item.fields.get("qualifier")))
            )
            period = corpus._period_key(item.fields.get("period"))
            drafted.append((key, corpus._text(item.fields.get("unit")), qualifiers, period, []))
            items.append(item)
        required = [g for g in gold if not g.optional]
        where = {id(t): items[k] for k, t in enumerate(drafted)}
        wanted = {
            id(where[id(p)]): g
            for p, g in corpus._found_pairs(required, drafted, _by_value, _in_full)
        }
        for item, before in carry_cases(draft.observations):  # (as the drafter does)
            if id(item) not in wanted:
                continue
            period = wanted[id(item)].period
            right = period == corpus._period_key(before.fields["period"])
            out.append((entry["id"], right, period is None))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=ROOT.parent / "devset" / "texts")
    args = parser.parse_args(argv)
    found = cases(args.texts)
    if not found:
        print(f"error: no tune texts in {args.texts}", file=sys.stderr)
        return 1
    right = sum(r for _, r, _ in found)
    undated = sum(u for *_, u in found)
    releases = len({r for r, *_ in found})
    print(
        f"{len(found)} periods carried in {releases} tune releases: {right} right, {undated} "
        f"where the gold has none, {len(found) - right - undated} another period "
        f"(net {right - undated:+d})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
