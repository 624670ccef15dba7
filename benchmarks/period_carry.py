"""Fit the period-carrying model of `kg.extraction.period_carry` on the development set's tune
half, cross-validate it by release, and (with --write) write its weights into that module.

    python benchmarks/period_carry.py [--texts DIR] [--write]

Each tune release whose text is at hand (DIR, as benchmarks/devset.py reads it) is drafted
without the model; each active number with no period and a dated number before it is a case,
labelled by its gold period (data/devset/gold): carried right (the gold period is that
number's), or not (the gold has none, or another). A logistic regression over the cues of
`period_carry.features` is fitted to them. Five folds by release (a release's numbers all in
one fold) say what it would do on releases it was not fitted on: the periods it carries
right, those it gives numbers the gold leaves undated, and the others. The held-out half is
never read here.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import numpy as np

from kg.extraction import corpus
from kg.extraction import extract as extract_module
from kg.extraction.extract import extract, prepare
from kg.extraction.knowledge import load
from kg.extraction.period_carry import THRESHOLD, carry_cases

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
MODULE = ROOT / "src" / "kg" / "extraction" / "period_carry.py"
FOLDS = 5
L2 = 1.0
STEPS = 3000


def cases(texts: Path) -> list[tuple[str, dict[str, float], bool, bool]]:
    """(release, cues, carried right, gold undated) for each case of the tune half."""
    full = load(DATA, contacts=True)
    prepare(full)
    extract_module.carry_periods = lambda *args, **kwargs: None  # (drafts without the model)
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
        for item, before, cues in carry_cases(items):
            if id(item) not in wanted:
                continue
            period = wanted[id(item)].period
            right = period == corpus._period_key(before.fields["period"])
            out.append((entry["id"], cues, right, period is None))
    return out


def _by_value(p, g) -> bool:
    return corpus._same_value(p[0], g.key)


def _in_full(p, g) -> bool:
    return _by_value(p, g) and (p[1], p[2], p[3]) == (g.unit, g.qualifiers, g.period)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """A logistic regression by gradient descent (L2, a fixed number of steps: the same
    weights from the same cases)."""
    w = np.zeros(x.shape[1])
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-x @ w))
        w -= (x.T @ (p - y) + L2 * w) / len(y)
    return w


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=ROOT.parent / "devset" / "texts")
    parser.add_argument("--write", action="store_true", help="write the weights into the module")
    args = parser.parse_args(argv)
    found = cases(args.texts)
    if not found:
        print(f"error: no tune texts in {args.texts}", file=sys.stderr)
        return 1
    names = list(found[0][1])
    x = np.array([[cues[n] for n in names] for _, cues, _, _ in found])
    y = np.array([right for _, _, right, _ in found], dtype=float)
    undated = np.array([u for *_, u in found])
    releases = sorted({r for r, *_ in found})
    random.Random(19).shuffle(releases)
    fold_of = {r: k % FOLDS for k, r in enumerate(releases)}
    folds = np.array([fold_of[r] for r, *_ in found])
    right = spurious = other = 0
    for k in range(FOLDS):
        test = folds == k
        w = fit(x[~test], y[~test])
        carried = 1 / (1 + np.exp(-x[test] @ w)) >= THRESHOLD
        right += int((carried & (y[test] == 1)).sum())
        spurious += int((carried & undated[test]).sum())
        other += int((carried & (y[test] == 0) & ~undated[test]).sum())
    print(
        f"{len(found)} cases in {len(releases)} tune releases ({int(y.sum())} carried right, "
        f"{int(undated.sum())} undated in the gold); {FOLDS}-fold by release at {THRESHOLD}: "
        f"{right} carried right, {spurious} dated where the gold has none, {other} another "
        f"period (net {right - spurious:+d})"
    )
    weights = dict(zip(names, (round(float(v), 3) for v in fit(x, y)), strict=True))
    for name, value in sorted(weights.items(), key=lambda t: -abs(t[1])):
        print(f"  {name:24s} {value:+.3f}")
    if args.write:
        block = "WEIGHTS = {\n" + "".join(f'    "{n}": {v},\n' for n, v in weights.items()) + "}\n"
        text = MODULE.read_text(encoding="utf-8")
        text = re.sub(
            r"(# weights: start\n).*?(# weights: end)", lambda m: m[1] + block + m[2], text,
            flags=re.S,
        )  # fmt: skip
        MODULE.write_text(text, encoding="utf-8")
        print(f"written to {MODULE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
