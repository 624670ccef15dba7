"""The draft: a curation file for `data/documents/` and proposed additions to the reference data.

The draft is valid input as it stands: every active item refers only to what the reference data
and the draft itself declare, and uses only existing concepts. What the extractor is unsure of,
and what needs a new entity or concept first, is written as commented-out YAML, ready to be
uncommented once checked. Each item carries its confidence as a comment (`# confidence 0.82`);
entities the reference data lacks are proposed in a second file with the reference data's own
format, each marked NEW so that the curator confirms it or merges it into an existing entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.build import model
from kg.extraction.draft_yaml import LIST_FIELDS, DraftYaml
from kg.extraction.entities import Entities, NewEntity
from kg.extraction.knowledge import Knowledge
from kg.extraction.proposal import MIN_COUNT, REF_FIELDS, REQUIRED, ConceptProposal, Item, slugify
from kg.extraction.studies import cite_studies
from kg.extraction.text import Source

ACTIVE_THRESHOLD = 0.5


def _is_date(value: str) -> bool:
    m = model.DATE.match(str(value))
    if not m:
        return False
    _, month, day = m.groups()
    return not (month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31)


def _period_problem(value) -> str | None:
    """Why the build would refuse `value` as an observation's period, or None."""
    if isinstance(value, str):
        return None if _is_date(value) else f"{value!r} is not an ISO 8601 date"
    if not isinstance(value, dict):
        return "a period is a date or {start, end, duration}"
    start, end, duration = value.get("start"), value.get("end"), value.get("duration")
    if not start and not end:
        length = f" ({duration})" if duration else ""
        return f"the text gives the period's length{length} but not its start or end: give one"
    for v in (start, end):
        if v and not _is_date(v):
            return f"{v!r} is not an ISO 8601 date"
    if duration and not model.DURATION.match(str(duration)):
        return f"{duration!r} is not an ISO 8601 duration"
    if start and end and str(end) < str(start)[: len(str(end))]:
        return "the period ends before it begins"
    return None


@dataclass
class Draft(DraftYaml):
    doc_id: str
    source_path: Path
    source: Source
    knowledge: Knowledge
    entities: Entities
    observations: list[Item]
    items: list[Item]
    published: Item | None
    concepts: list[ConceptProposal]
    contacts: list[NewEntity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    additions_path: Path | None = None
    # Filed with the draft into the data folder (`kg add`, `kg extract` to its default paths):
    # the new entities proposed at or above the bar, and the new concepts the draft's active
    # items use, go into data/reference/ beside it, so the draft states them actively.
    file_proposals: bool = False
    filed_concepts: set[tuple[str, str]] = field(default_factory=set)

    # -- finishing ---------------------------------------------------------------------------

    def finish(self) -> Draft:
        """Give new entities their ids and decide, item by item, what is active."""
        taken = set(self.knowledge.entities) | set(self.knowledge.declared())
        taken |= {i.id for i in self.items}
        for new in sorted(self.entities.new.values(), key=lambda n: n.key):
            base = (
                slugify(new.acronym or new.name, 6)
                if new.kind == "organization"
                else slugify(new.name, 6)
            )
            slug, n = base, 2
            while slug in taken:
                slug, n = f"{base}-{n}", n + 1
            new.slug = slug
            taken.add(slug)
        for new in self.contacts:
            if not new.slug:
                base = slugify(new.name, 6)
                slug, n = base, 2
                while slug in taken:
                    slug, n = f"{base}-{n}", n + 1
                new.slug = slug
                taken.add(slug)
        cite_studies(self.items, self.observations, self.entities)
        all_items = [*self.items, *self.observations]
        self.declared = self.knowledge.declared()
        self.kinds = {i.id: model.SECTIONS[i.section].kind for i in self.items}
        self.observation_ids = {i.id for i in self.observations}
        for item in all_items:
            self._settle(item)
        # An active item refers to no item that is only a suggestion; an item that loses a
        # field it cannot do without so becomes a suggestion itself, and so on.
        changed = True
        while changed:
            changed = False
            inactive = {i.id for i in all_items if not i.active}
            for item in all_items:
                if not item.active:
                    continue
                for key in ("share_of", "about", "part_of", "led_to", "funded", "under",
                            "source_work", "subject"):  # fmt: skip
                    values = item.fields.get(key)
                    listed = values if isinstance(values, list) else [values]
                    bad = [v for v in listed if v in inactive]
                    if values is None or not bad:
                        continue
                    item.commented[key] = (bad, "a suggestion below: uncomment it first")
                    kept = [v for v in listed if v not in inactive]
                    if kept and isinstance(values, list):
                        item.fields[key] = kept
                    else:
                        item.fields.pop(key)
                if self._incomplete(item):
                    self._deactivate(item, self._incomplete(item))
                    changed = True
        if self.file_proposals:
            self.filed_concepts = {
                concept for i in all_items if i.active for concept in i.new_concepts.values()
            }
        return self

    def filed(self, new: NewEntity) -> bool:
        """Whether a new entity is filed into the reference data with the draft: proposed at
        or above the draft's bar, as the other facts it states actively."""
        return self.file_proposals and new.confidence >= ACTIVE_THRESHOLD

    def _known(self, target: str) -> bool:
        if not str(target).startswith("new:"):
            return True
        new = self.entities.new.get(str(target)[4:])
        return new is not None and self.filed(new)

    def target_slug(self, target: str) -> str:
        if str(target).startswith("new:"):
            new = self.entities.new.get(target[4:])
            return new.slug if new else target[4:]
        return target

    def _settle(self, item: Item) -> None:
        for key in list(item.fields):
            if key not in REF_FIELDS:
                continue
            value = item.fields[key]
            listed = value if isinstance(value, list) else [value]
            new = [v for v in listed if not self._known(v)]
            if not new:
                continue
            found = [self.entities.new[v[4:]] for v in new if v[4:] in self.entities.new]
            kinds = "/".join(sorted({n.kind for n in found})) or "entity"
            note = f"NEW {kinds}: add it to the reference data first"
            if self.file_proposals and found:
                lowest = min(n.confidence for n in found)
                note = (
                    f"NEW {kinds} proposed below the bar of {ACTIVE_THRESHOLD:.2f} (confidence "
                    f"{lowest:.2f}): confirm it in the additions first"
                )
            item.commented[key] = (listed, note)
            kept = [v for v in listed if self._known(v)]
            if kept and isinstance(value, list):
                item.fields[key] = kept
            else:
                item.fields.pop(key)
        for key, (scheme, concept) in item.new_concepts.items():
            filed = " and filed in concepts.yaml with the draft" if self.file_proposals else ""
            item.why.append(f"{key} {concept} is a new concept of {scheme} (proposed{filed})")
        self._conform(item)
        problems = self._incomplete(item) + self._item_problems(item)
        # A new concept holds an item back only when it is not filed with the draft: filed, it
        # is in concepts.yaml when the draft is published (see `filed_concepts`).
        waiting = any(
            not self.file_proposals or scheme not in self.knowledge.concepts
            for scheme, _ in item.new_concepts.values()
        )
        if waiting or problems or item.confidence < ACTIVE_THRESHOLD:
            if item.confidence < ACTIVE_THRESHOLD and not (waiting or problems):
                problems.append("low confidence")
            self._deactivate(item, problems)

    def _incomplete(self, item: Item) -> list[str]:
        """What an item lacks that it cannot do without."""
        required = list(REQUIRED.get(item.section, ()))
        section = model.SECTIONS.get(item.section)
        if section is not None and section.name_required and item.section != "observations":
            required.insert(0, "name")
        missing = [k for k in required if k not in item.fields]
        short = [
            k
            for (section_name, k), n in MIN_COUNT.items()
            if section_name == item.section and len(item.fields.get(k) or []) < n
        ]
        return [
            f"{k}: {item.commented[k][1]}" if k in item.commented else f"{k} not found"
            for k in missing + short
        ]

    def _deactivate(self, item: Item, why: list[str]) -> None:
        """Make `item` a suggestion (commented out), saying why; it shows every field."""
        item.active = False
        item.why += [w for w in why if w not in item.why]
        for key, (listed, _) in item.commented.items():
            item.fields[key] = listed if key in LIST_FIELDS or len(listed) > 1 else listed[0]
        item.commented = {}

    # -- conformance: draft only what the curation format and the shapes accept ----------------

    def _conform(self, item: Item) -> None:
        """Fields the build would refuse (a value of the wrong kind, a period without a start
        or an end, a value another document gives differently) are left out of the item and
        shown as comments saying why."""
        section = model.SECTIONS.get(item.section)
        if section is None:
            return
        fields = {**model.COMMON_FIELDS, **section.fields}
        if item.section == "observations":
            fields.pop("name", None)
        for key in list(item.fields):
            value = item.fields[key]
            fld = fields.get(key)
            if fld is None:
                problem = f"{key} is no field of {item.section}"
            else:
                problem = self._field_problem(item, key, fld, value)
            if problem is None:
                problem = self._contradiction(item, key, value)
            if problem is not None:
                listed = value if isinstance(value, list) else [value]
                item.commented[key] = (listed, problem)
                item.fields.pop(key)

    def _field_problem(self, item: Item, key: str, fld, value) -> str | None:
        kind, _, arg = fld.kind.partition(":")
        many = kind in ("refs", "concepts", "texts")
        if isinstance(value, list) and not many:
            return f"{key} takes one value"
        if isinstance(value, dict) and kind != "period":
            return f"{key} takes one value, not a mapping"
        listed = value if isinstance(value, list) else [value]
        if many and not listed:
            return f"{key} is empty"
        for v in listed:
            problem = self._value_problem(item, key, kind, arg, v)
            if problem:
                return problem
        return None

    def _value_problem(self, item: Item, key: str, kind: str, arg: str, v) -> str | None:
        if kind == "period":
            return _period_problem(v)
        if not isinstance(v, str) or not v.strip():
            return f"{key}: not a value"
        if kind == "date":
            return None if _is_date(v) else f"{v!r} is not an ISO 8601 date"
        if kind == "duration":
            return None if model.DURATION.match(v) else f"{v!r} is not an ISO 8601 duration"
        if kind == "int":
            return None if re.fullmatch(r"[1-9]\d*", v) else f"{v!r} is not a whole number"
        if kind == "decimal":
            return None if re.fullmatch(r"-?\d+(\.\d+)?", v) else f"{v!r} is not a number"
        if kind == "frequency":
            return None if v in model.FREQUENCIES else f"{v!r} is not a frequency"
        if kind in ("concept", "concepts"):
            schemes = arg.split("|")
            known = any(self.knowledge.concept(scheme, v) for scheme in schemes)
            if not known and key not in item.new_concepts:
                return f"{v!r} is no concept of {' or '.join(schemes)}"
            return None
        if kind == "share":
            if v in self.observation_ids or self.knowledge.concept("population-groups", v):
                return None
            return f"{v!r} is neither an observation of this draft nor a population group"
        if kind in ("ref", "refs"):
            if v.startswith("new:"):
                new = self.entities.new.get(v[4:])
                kinds = arg.split("|")
                if new is not None and "any" not in kinds and new.kind not in kinds:
                    return f"{self.target_slug(v)!r} is a {new.kind}, not a {' or '.join(kinds)}"
                return None  # _settle has dealt with new entities
            found = self._kind_of(v)
            if found is None:
                return f"{v!r} is nothing the reference data or a document declares"
            kinds = arg.split("|")
            if "any" not in kinds and found not in kinds:
                return f"{v!r} is a {found}, not a {' or '.join(kinds)}"
        return None

    def _kind_of(self, target: str) -> str | None:
        entity = self.knowledge.entities.get(target)
        if entity is not None:
            return entity.kind
        if target in self.kinds:
            return self.kinds[target]
        if target in self.observation_ids:
            return "observation"
        if target in self.declared:
            return self.declared[target][0]
        return None

    def _contradiction(self, item: Item, key: str, value) -> str | None:
        """A single value (a name, a duration, an ordinal, ...) that another document gives
        differently for the same item: the published node could have only one."""
        if item.section == "observations" or item.id not in self.declared:
            return None
        _, theirs, doc_id = self.declared[item.id]
        single = {"name", "duration", "ordinal", "language", "recipient"}
        if key in single and theirs.get(key) is not None and str(theirs[key]) != str(value):
            return f"document {doc_id} gives {key} {theirs[key]!s}, and there can be only one"
        return None

    def _item_problems(self, item: Item) -> list[str]:
        """What the shapes refuse of an item as a whole."""
        if item.section != "observations":
            return []
        fields = item.fields
        problems = []
        if "value" in fields and ("min" in fields or "max" in fields):
            problems.append("both a value and a range")
        if ("min" in fields) != ("max" in fields):
            problems.append("a range needs both min and max")
        try:
            if "min" in fields and "max" in fields and float(fields["min"]) > float(fields["max"]):
                problems.append("the range's lower bound is above its upper bound")
            if fields.get("unit") == "percent":
                for k in ("value", "min", "max"):
                    if k in fields and not 0 <= float(fields[k]) <= 100:
                        problems.append(
                            f"a percentage of {fields[k]} is no share (a change, such as a "
                            "rise, which the format cannot hold as such): check it"
                        )
        except ValueError:
            pass
        return problems
