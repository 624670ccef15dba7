"""Filing a draft's confident proposals into the reference data beside it.

A draft filed into a data folder (`kg add`, or `kg extract` to its default paths) states
actively what it finds with confidence, new entities and concepts included: the new entities
proposed at or above the draft's bar and the new concepts its active items use are written into
`reference/organizations.yaml`, `places.yaml`, `people.yaml` and `concepts.yaml`, each under a
comment marking it NEW (to confirm there, or to merge into an existing entry), so that the
unedited draft publishes and conforms with them. What is proposed below the bar stays in the
additions file (`reference/proposed/NNN.yaml`), and what uses it stays commented out.
"""

from __future__ import annotations

from pathlib import Path

from rapidfuzz import fuzz

from kg.build import model
from kg.extraction.knowledge import Knowledge

SIMILAR_SCORE = 50  # rapidfuzz token-set ratio of label or definition words, out of 100
SIMILAR_COUNT = 3


def closest_concepts(knowledge: Knowledge, scheme: str, label: str) -> list[str]:
    """The existing concepts of `scheme` closest to a proposed label, "id (score)", best
    first: what the curator may merge the proposal into."""
    wanted = model.fold(label.replace("-", " "))
    scored = []
    for concept in knowledge.concepts.get(scheme, {}).values():
        score = max(
            fuzz.token_set_ratio(wanted, model.fold(concept.label)),
            fuzz.token_set_ratio(wanted, model.fold(concept.id.replace("-", " "))),
        )
        if score >= SIMILAR_SCORE:
            scored.append((-score, concept.id))
    return [f"{cid} ({-score:.0f})" for score, cid in sorted(scored)[:SIMILAR_COUNT]]


def _dedent(lines: list[str]) -> list[str]:
    """An additions entry (indented under its section) as a top-level entry of its file."""
    return [line[2:] if line.startswith("  ") else line for line in lines]


def filed_texts(draft) -> dict[Path, str]:
    """The reference files as they are once the draft's confident proposals are filed in
    them: path -> new text, for the files that change."""
    if not draft.file_proposals:
        return {}
    folder = Path(draft.knowledge.data_dir) / "reference"
    out: dict[Path, str] = {}
    mark = (
        f"# NEW, filed by `kg extract` with document {draft.doc_id} (its draft states it "
        "actively): confirm it, or merge it into an existing entry and change the draft's ids."
    )
    for kind, file_name in model.REFERENCE_FILES.items():
        entities = sorted(
            (e for e in draft.entities.new.values() if e.kind == kind and draft.filed(e)),
            key=lambda e: e.slug,
        )
        if not entities:
            continue
        path = folder / file_name
        text = path.read_text(encoding="utf-8")
        lines = [mark]
        for entity in entities:
            lines += _dedent(draft._entity_lines(entity, filing=True))
        out[path] = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    filed = [c for c in draft.concepts if (c.scheme, c.id) in draft.filed_concepts]
    if filed:
        path = folder / "concepts.yaml"
        out[path] = _insert_concepts(draft, path.read_text(encoding="utf-8"), filed, mark)
    return out


def _insert_concepts(draft, text: str, concepts: list, mark: str) -> str:
    """concepts.yaml with each proposed concept added at the end of its scheme's list."""
    lines = text.split("\n")
    for scheme in sorted({c.scheme for c in concepts}):
        start = lines.index(f"- id: {scheme}")
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("- ")), len(lines)
        )
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        for i in range(start, end):
            if lines[i].rstrip() == "  concepts: []":
                lines[i] = "  concepts:"
        added = [f"    {mark}"]
        for c in sorted((c for c in concepts if c.scheme == scheme), key=lambda c: c.id):
            added += draft.concept_lines(c, "    ")
        lines[end:end] = added
    return "\n".join(lines)


def schemes_in(path: Path) -> set[str]:
    """The schemes concepts.yaml declares at the top level (where concepts can be filed)."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return {line[6:].strip() for line in text.split("\n") if line.startswith("- id: ")}
