"""Leave-one-out evaluation: each curated document drafted without what only it introduced.

For every curated document, the extractor runs with :meth:`Knowledge.without` that document
(the reference entities and concepts no other document uses are gone, and so are the
document's own observations from the indicator model), and the draft is compared with the
curated file, fact type by fact type:

* organizations, places, people: the reference ids the curated file mentions or refers to,
  against the ids the draft mentions; a new entity the draft proposes counts as the reference
  entity whose name, acronym or variant it carries (it is right if it names that entity);
* numbers (value): observations matched by value (or by range), one to one;
* numbers (value+unit+qualifier): matched by value, unit and the set of qualifiers;
* attributions: (value, organization) pairs of `attributed_to`.

Precision, recall and F1 are summed over the documents (micro-averaged). Everything the draft
proposes counts, commented-out suggestions included (they are in the draft for the curator to
see); the figures for active items only are given as well.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from kg.extraction.corpus import (  # the corpus scoring, read through this module too
    CORPUS_FACT_TYPES,
    compare,
    drafted_facts,
    evaluate_corpus,
    load_gold,
    load_manifest,
)
from kg.extraction.draft import Draft
from kg.extraction.facts import KIND_OF_TYPE, _as_list, _show, _value_key, resolve
from kg.extraction.knowledge import Knowledge, _scalars, load

FACT_TYPES = (
    "organizations",
    "places",
    "people",
    "numbers: value",
    "numbers: value+unit+qualifier",
    "attributions",
)

__all__ = [
    "CORPUS_FACT_TYPES",
    "FACT_TYPES",
    "compare",
    "drafted_facts",
    "evaluate",
    "evaluate_corpus",
    "load_gold",
    "load_manifest",
]


def gold_facts(document: dict, full: Knowledge) -> dict[str, Counter]:
    facts = {t: Counter() for t in FACT_TYPES}
    ids = {v for v in _scalars(document) if v in full.entities}
    for fact_type, kind in KIND_OF_TYPE.items():
        facts[fact_type] = Counter({i: 1 for i in ids if full.entities[i].kind == kind})
    for obs in document.get("observations") or []:
        key = _value_key(obs)
        facts["numbers: value"][key] += 1
        qualifiers = tuple(sorted(_as_list(obs.get("qualifier"))))
        facts["numbers: value+unit+qualifier"][(key, obs.get("unit"), qualifiers)] += 1
        for org in _as_list(obs.get("attributed_to")):
            facts["attributions"][(key, org)] += 1
    return facts


def predicted_facts(draft: Draft, full: Knowledge, active_only: bool = False) -> dict[str, Counter]:
    facts = {t: Counter() for t in FACT_TYPES}
    for mention in draft.entities.mentions:
        fact_type = next(t for t, k in KIND_OF_TYPE.items() if k == mention.kind)
        facts[fact_type][resolve(draft, mention.target, full)] = 1
    # What the draft's items refer to (IOM + Mexico -> IOM Mexico) counts as well.
    kinds = {k: t for t, k in KIND_OF_TYPE.items()}
    for item in [*draft.items, *draft.observations]:
        values = [*item.fields.values(), *(v for v, _ in item.commented.values())]
        for value in values:
            for target in _as_list(value):
                if not isinstance(target, str):
                    continue
                resolved = resolve(draft, target, full)
                entity = full.entities.get(resolved)
                if entity is not None and (target.startswith("new:") or target in full.entities):
                    facts[kinds[entity.kind]][resolved] = 1
    for item in draft.observations:
        if active_only and not item.active:
            continue
        key = _value_key(item.fields)
        facts["numbers: value"][key] += 1
        qualifiers = tuple(sorted(_as_list(item.fields.get("qualifier"))))
        facts["numbers: value+unit+qualifier"][(key, item.fields.get("unit"), qualifiers)] += 1
        attributed = _as_list(item.fields.get("attributed_to"))
        attributed += _as_list(item.commented.get("attributed_to", ([], ""))[0])
        for org in attributed:
            facts["attributions"][(key, resolve(draft, org, full))] += 1
    return facts


def _indicators(document: dict, draft: Draft, knowledge: Knowledge) -> dict:
    """Informational: for the numbers matched by value, is the indicator the curated one?
    Counted apart for the numbers whose indicator the left-out concepts still have."""
    unused = list(draft.observations)
    out = {"matched": 0, "right": 0, "in_concepts": 0, "right_in_concepts": 0}
    for obs in document.get("observations") or []:
        key = _value_key(obs)
        match = next((i for i in unused if _value_key(i.fields) == key), None)
        if match is None:
            continue
        unused.remove(match)
        right = match.fields.get("indicator") == obs.get("indicator")
        available = knowledge.concept("indicators", obs.get("indicator")) is not None
        out["matched"] += 1
        out["right"] += right
        out["in_concepts"] += available
        out["right_in_concepts"] += right and available
    return out


def score(gold: Counter, predicted: Counter) -> dict:
    correct = sum((gold & predicted).values())
    g, p = sum(gold.values()), sum(predicted.values())
    precision = correct / p if p else (1.0 if not g else 0.0)
    recall = correct / g if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "gold": g,
        "predicted": p,
        "correct": correct,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


def evaluate(data_dir: Path, progress=lambda _: None) -> dict:
    """Draft every curated document leave-one-out and compare it with its curation file."""
    from kg.extraction.extract import extract

    started = time.perf_counter()
    full = load(Path(data_dir), contacts=True)
    loaded = time.perf_counter() - started
    totals = {t: (Counter(), Counter()) for t in FACT_TYPES}
    totals_active = {t: (Counter(), Counter()) for t in FACT_TYPES}
    documents = {}
    for doc_id in sorted(full.documents):
        entry = full.manifest.get(doc_id)
        if entry is None:
            continue
        progress(f"document {doc_id}: extracting without what only it introduces")
        knowledge = full.without(doc_id)
        removed_entities = sorted(set(full.entities) - set(knowledge.entities))
        removed_concepts = sorted(
            f"{s}:{c}"
            for s, members in full.concepts.items()
            for c in members
            if c not in knowledge.concepts.get(s, {})
        )
        t0 = time.perf_counter()
        draft = extract(Path(data_dir) / "sources" / entry["file"], data_dir, knowledge)
        seconds = time.perf_counter() - t0
        gold = gold_facts(full.documents[doc_id], full)
        predicted = predicted_facts(draft, full)
        active = predicted_facts(draft, full, active_only=True)
        per_type = {}
        for t in FACT_TYPES:
            per_type[t] = score(gold[t], predicted[t])
            per_type[t]["missed"] = sorted(_show(k) for k in (gold[t] - predicted[t]).elements())
            per_type[t]["spurious"] = sorted(_show(k) for k in (predicted[t] - gold[t]).elements())
            totals[t][0].update({(doc_id, k): n for k, n in gold[t].items()})
            totals[t][1].update({(doc_id, k): n for k, n in predicted[t].items()})
            totals_active[t][0].update({(doc_id, k): n for k, n in gold[t].items()})
            totals_active[t][1].update({(doc_id, k): n for k, n in active[t].items()})
        indicators = _indicators(full.documents[doc_id], draft, knowledge)
        documents[doc_id] = {
            "seconds": round(seconds, 4),
            "extraction_seconds": round(draft.seconds, 4),
            "left_out": {"entities": removed_entities, "concepts": removed_concepts},
            "active_items": sum(i.active for i in [*draft.items, *draft.observations]),
            "suggested_items": sum(not i.active for i in [*draft.items, *draft.observations]),
            "new_entities": sorted(n.name for n in draft.entities.new.values()),
            "facts": per_type,
            "indicators": indicators,
        }
    return {
        "method": "leave-one-out: each document drafted with reference data and concepts "
        "that omit what no other curated document uses; all proposals of the draft "
        "(commented-out suggestions included) are counted; micro-averaged totals",
        "start_up_seconds": round(loaded, 3),
        "documents": documents,
        "total": {t: score(*totals[t]) for t in FACT_TYPES},
        "indicators": {
            key: sum(d["indicators"][key] for d in documents.values())
            for key in ("matched", "right", "in_concepts", "right_in_concepts")
        },
        "total_active_only": {t: score(*totals_active[t]) for t in FACT_TYPES},
        "seconds": round(time.perf_counter() - started, 3),
    }
