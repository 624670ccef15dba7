"""`kg extract`: draft the curation file of a new press release, offline and by rules.

    draft = extract(Path("data/sources/005_x.txt"), Path("data"))
    write(draft, Path("data/documents/005.yaml"), Path("data/reference/proposed/005.yaml"))

The source is ingested as for publishing (navigation and HTML debris removed, contacts parsed);
organizations, places and people are found by the names of the reference data and by rules for
new names; every number gets its indicator, unit, qualifier, period, place and attribution;
events, agreements, campaigns, laws, projects, memberships, quotations and place roles are
proposed by rules. Each proposal carries its confidence and the exact words it comes from. See
:mod:`kg.extraction` for the stages and :func:`kg.extraction.evaluate.evaluate` for how the
drafts compare with the curated corpus.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from kg.atomic import write_bytes
from kg.build import ingest
from kg.errors import KgError
from kg.extraction import filing, given_names, world
from kg.extraction import knowledge as knowledge_module
from kg.extraction.draft import Draft
from kg.extraction.entities import NewEntity, Recognizer
from kg.extraction.foreign_words import LANGUAGES
from kg.extraction.items import ItemExtractor
from kg.extraction.knowledge import Knowledge
from kg.extraction.numbers import NumberExtractor
from kg.extraction.period_carry import carry_periods
from kg.extraction.period_reasoning import explain_periods
from kg.extraction.text import Source, fold

__all__ = [
    "Draft",
    "Knowledge",
    "default_paths",
    "extract",
    "load_knowledge",
    "source_id",
    "write",
]


def load_knowledge(data_dir: Path, contacts: bool = False) -> Knowledge:
    """What the extractor knows: `data_dir`'s reference data, concepts and documents."""
    return knowledge_module.load(Path(data_dir), contacts=contacts)


def prepare(knowledge: Knowledge) -> tuple[Recognizer, NumberExtractor]:
    """The recognizer and the number extractor of `knowledge`, built once (with the gazetteer
    and the given names, loaded once per process) and kept in its cache."""
    if "recognizer" not in knowledge.cache:
        knowledge.cache["recognizer"] = Recognizer(knowledge)
        knowledge.cache["numbers"] = NumberExtractor(knowledge)
        world.warm()
        given_names.given_names()
    return knowledge.cache["recognizer"], knowledge.cache["numbers"]


def extract(
    source_path: Path,
    data_dir: Path = Path("data"),
    knowledge: Knowledge | None = None,
    additions_path: Path | None = None,
    doc_id: str | None = None,
    file_proposals: bool | None = None,
) -> Draft:
    """Draft the curation file of the press release at `source_path`, document `doc_id` (by
    default the NNN of its name, NNN_<anything>.txt).

    `file_proposals`: the draft is filed into `data_dir` with its confident proposals (see
    :mod:`kg.extraction.filing`), and states them actively; by default, when its additions go
    to their default place in `data_dir` (as `kg add` and `kg extract` file them)."""
    source_path = Path(source_path)
    doc_id = source_id(source_path, doc_id)
    if file_proposals is None:
        default = Path(data_dir) / "reference" / "proposed" / f"{doc_id}.yaml"
        file_proposals = additions_path is not None and _same(Path(additions_path), default)
    knowledge = knowledge or load_knowledge(data_dir)
    recognizer, numbers = prepare(knowledge)
    document = ingest.read_source(source_path, doc_id)
    started = time.perf_counter()
    source = Source.of(document)
    entities = recognizer.run(source)
    observations, concepts = numbers.run(source, entities)
    items_extractor = ItemExtractor(knowledge)
    items, published = items_extractor.run(source, entities)
    concepts += list(items_extractor.proposals.values())
    draft = Draft(
        doc_id=document.id,
        source_path=source_path,
        source=source,
        knowledge=knowledge,
        entities=entities,
        observations=observations,
        items=items,
        published=published,
        concepts=concepts,
        additions_path=additions_path,
        file_proposals=file_proposals,
    )
    _contacts(draft, document, knowledge)
    if document.id not in knowledge.manifest:
        draft.warnings.append(
            f"no entry {document.id!r} in data/sources/manifest.yaml: add one (id, file, title, "
            "url, publisher, language) before publishing."
        )
    language = str(knowledge.manifest.get(document.id, {}).get("language") or "en")
    if language.split("-")[0].casefold() in LANGUAGES:
        draft.warnings.append(
            f"the release is in {language!r}: kg extract reads its numbers' units, qualifiers, "
            "times and sources and its countries by the words of that language it knows, and "
            "its people and bodies by English rules; check each unit, period, source and name."
        )
    elif language.split("-")[0].casefold() != "en":
        draft.warnings.append(
            f"the release is in {language!r} and kg extract's rules read English: its numbers, "
            "places and acronyms are drafted; check each unit, period, source and name."
        )
    draft.finish()
    carry_periods(draft.observations)  # (of the active numbers: those a reviewer starts from)
    # (the day the number extractor read for this release: not parsed twice)
    explain_periods(draft.observations, source, numbers.release_day)
    draft.seconds = time.perf_counter() - started
    return draft


def _contacts(draft: Draft, document: ingest.CleanDocument, knowledge: Knowledge) -> None:
    """Press contacts must be reference people (and their offices reference organizations)
    for the build to accept the source: propose those that are not."""
    for contact in document.contacts:
        for kind, span in (("person", contact.name), ("organization", contact.office)):
            if span is None or knowledge.entity_by_name(kind, span.text) is not None:
                continue
            key = f"{kind}:{fold(span.text)}"
            if any(c.key == key for c in draft.contacts):
                continue
            if key not in draft.entities.new:
                draft.contacts.append(
                    NewEntity(key, kind, span.text, 0.9, note="Press contact of the release.")
                )
            draft.warnings.append(
                f"press contact {span.text!r} is not in the reference data: the build needs "
                f"it (see the proposed additions)."
            )


def source_id(source_path: Path, doc_id: str | None = None) -> str:
    """The document id of the source text at `source_path`: `doc_id`, or the NNN of its name
    (NNN_<anything>.txt); a KgError when it is no file, or has no such name and no `doc_id`."""
    source_path = Path(source_path)
    if source_path.is_dir():
        raise KgError(source_path, None, "is a directory, not a source text")
    if not source_path.is_file():
        raise KgError(source_path, None, "no such file")
    if doc_id is not None:
        if not re.fullmatch(r"\d+", doc_id):
            raise KgError("--id", None, f"{doc_id!r}: a document id is digits (NNN)")
        return doc_id
    found = ingest.document_id(source_path)
    if found is None:
        raise KgError(
            source_path,
            None,
            "not named NNN_<anything>.txt, so its document id is unknown: give --id NNN "
            "(or file it with `kg add`, which names it)",
        )
    return found


def default_paths(
    source_path: Path, data_dir: Path, doc_id: str | None = None
) -> tuple[Path, Path]:
    """Where a draft and its reference additions go by default."""
    doc_id = source_id(source_path, doc_id)
    return (
        Path(data_dir) / "documents" / f"{doc_id}.yaml",
        Path(data_dir) / "reference" / "proposed" / f"{doc_id}.yaml",
    )


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def proposes_additions(draft: Draft) -> bool:
    """Whether the draft proposes anything that is not filed with it (the additions file)."""
    return bool(
        [e for e in draft.entities.new.values() if not draft.filed(e)]
        or [c for c in draft.concepts if (c.scheme, c.id) not in draft.filed_concepts]
        or draft.contacts
    )


def write(draft: Draft, out: Path, additions: Path | None, force: bool = False) -> None:
    """Write the draft (and, if anything is proposed and not filed, the reference additions;
    and, when the draft files its confident proposals, the reference files with them)."""
    targets = [(Path(out), draft.yaml())]
    if additions is not None and proposes_additions(draft):
        targets.append((Path(additions), draft.additions_yaml()))
    for path, _ in targets:
        if path.exists() and not force:
            raise KgError(path, None, "already exists (use --force to replace it, or --out)")
    targets += list(filing.filed_texts(draft).items())
    for path, text in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, text.encode("utf-8"))
