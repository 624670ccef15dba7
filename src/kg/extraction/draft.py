"""The draft: a curation file for `data/documents/` and proposed additions to the reference data.

The draft is valid input as it stands: every active item refers only to what the reference data
and the draft itself declare, and uses only existing concepts. What the extractor is unsure of,
and what needs a new entity or concept first, is written as commented-out YAML, ready to be
uncommented once checked. Each item carries its confidence as a comment (`# confidence 0.82`);
entities the reference data lacks are proposed in a second file with the reference data's own
format, each marked NEW so that the curator confirms it or merges it into an existing entry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.build import model
from kg.extraction.entities import Entities, NewEntity
from kg.extraction.items import cite_studies
from kg.extraction.knowledge import Knowledge
from kg.extraction.proposal import MIN_COUNT, REF_FIELDS, REQUIRED, ConceptProposal, Item, slugify
from kg.extraction.text import Source, fold

SECTION_ORDER = (
    "memberships",
    "quotations",
    "agreements",
    "campaigns",
    "projects",
    "fundings",
    "events",
    "laws",
    "studies",
    "place_roles",
    "observations",
)
OBSERVATION_ORDER = (
    "label",
    "indicator",
    "value",
    "min",
    "max",
    "unit",
    "qualifier",
    "population",
    "group",
    "origin",
    "exploitation",
    "place",
    "period",
    "frequency",
    "actor",
    "about",
    "share_of",
    "attributed_to",
    "source_work",
    "status",
    "note",
)
LIST_FIELDS = {
    "location", "organizers", "participants", "parties", "managed_by", "approved_by",
    "authors", "place", "from", "according_to", "origin", "actor", "attributed_to", "about",
    "part_of", "led_to", "amends", "enables", "roles", "exploitation", "group", "qualifier",
    "alt_names", "jurisdiction", "media", "audiences", "services", "subject", "source_work",
}  # fmt: skip
ACTIVE_THRESHOLD = 0.5
CLASSIFICATION_BY_HEAD = {
    "ministry": "government-agency", "institute": "government-agency",
    "office": "government-agency", "department": "government-agency",
    "bureau": "government-agency", "agency": "government-agency",
    "secretariat": "government-agency", "senate": "legislature", "congress": "legislature",
    "parliament": "legislature", "assembly": "legislature", "government": "national-government",
    "committee": "committee",
}  # fmt: skip


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


def scalar(value: str, flow: bool = False) -> str:
    """A YAML scalar for `value`: plain when that reads back as the same text, else quoted;
    what YAML may not hold as it is (control characters, C1 controls, noncharacters: PyYAML's
    reader refuses them) or would read as a line break (U+0085, U+2028, U+2029) escaped by
    YAML's own emitter, so that a source text holding them gives a draft that reads back."""
    text = str(value)
    if yaml.reader.Reader.NON_PRINTABLE.search(text) or any(c in text for c in _BREAKS):
        quoted = yaml.safe_dump(text, default_style='"', allow_unicode=True, width=float("inf"))
        return quoted.rstrip("\n")
    special = ":#" + (",[]{}" if flow else "")
    if (
        text
        and text == text.strip()
        and not re.match(r"[-?:,\[\]{}#&*!|>'\"%@`]", text)
        and not any(f"{c} " in text or text.endswith(c) for c in ":")
        and " #" not in text
        and not (flow and any(c in text for c in special))
        and "\n" not in text
        and "\t" not in text
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


_BREAKS = "\x85\u2028\u2029"  # line breaks to YAML, not to JSON


@dataclass
class Draft:
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
        cite_studies(self.items, self.observations)
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
        return self

    def _known(self, target: str) -> bool:
        return not str(target).startswith("new:")

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
            kinds = {self.entities.new[v[4:]].kind for v in new if v[4:] in self.entities.new}
            note = f"NEW {'/'.join(sorted(kinds)) or 'entity'}: add it to the reference data first"
            item.commented[key] = (listed, note)
            kept = [v for v in listed if self._known(v)]
            if kept and isinstance(value, list):
                item.fields[key] = kept
            else:
                item.fields.pop(key)
        for key, (scheme, concept) in item.new_concepts.items():
            item.why.append(f"{key} {concept} is a new concept of {scheme} (proposed)")
        self._conform(item)
        problems = self._incomplete(item) + self._item_problems(item)
        if item.new_concepts or problems or item.confidence < ACTIVE_THRESHOLD:
            if item.confidence < ACTIVE_THRESHOLD and not (item.new_concepts or problems):
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

    # -- writing -----------------------------------------------------------------------------

    def yaml(self) -> str:
        lines = self._header()
        lines.append(f'document: "{self.doc_id}"')
        lines.append("")
        if self.published is not None:
            lines += self._published_lines(self.published)
            lines.append("")
        lines += self._mention_lines()
        for section in SECTION_ORDER:
            items = [i for i in [*self.items, *self.observations] if i.section == section]
            if not items:
                continue
            lines.append("")
            lines.append(f"{section}:")
            for item in sorted(items, key=lambda i: not i.active):
                lines += self._item_lines(item)
        return "\n".join(lines) + "\n"

    def _header(self) -> list[str]:
        active = sum(i.active for i in [*self.items, *self.observations])
        suggested = sum(not i.active for i in [*self.items, *self.observations])
        new = sorted(self.entities.new.values(), key=lambda n: n.slug)
        lines = [
            f"# DRAFT of document {self.doc_id}, written by `kg extract` from "
            f"{self.source_path.name}.",
            "# Check every item against the text, correct it, then delete this header.",
            f"# Active items: {active}; commented-out suggestions: {suggested} (uncomment them "
            "once checked).",
            "# Each item's confidence (0 to 1) is in a comment. The draft publishes as it "
            "stands: it refers only to",
            "# entities of data/reference/ and to concepts of concepts.yaml.",
        ]
        if new or self.concepts or self.contacts:
            where = self.additions_path.as_posix() if self.additions_path else "the additions file"
            lines.append(
                f"# {len(new)} new entities and {len(self.concepts)} new concepts are proposed "
                f"in {where}:"
            )
            lines.append(
                "# confirm each (or merge it into an existing entry), move it into "
                "data/reference/, then uncomment what uses it here."
            )
        for warning in self.warnings:
            lines.append(f"# WARNING: {warning}")
        lines.append("")
        return lines

    def _quote_lines(self, item: Item, indent: str) -> list[str]:
        quotes = []
        for q in item.quotes:
            if len(item.quotes) > 1:
                text, occurrence = self.source.unique_quote(q.passage, q.start, q.end)
            else:
                text, occurrence = self.source.quote(q.passage, q.start, q.end)
            if text and text not in [t for t, _ in quotes]:
                quotes.append((text, occurrence))
        occurrences = {o for _, o in quotes if o is not None}
        if len(quotes) > 1 and occurrences:
            quotes = [quotes[0]]
        lines = []
        if len(quotes) == 1:
            lines.append(f"{indent}quote: {scalar(quotes[0][0])}")
            if quotes[0][1] is not None:
                lines.append(f"{indent}occurrence: {quotes[0][1]}")
        else:
            lines.append(f"{indent}quotes:")
            lines += [f"{indent}  - {scalar(t)}" for t, _ in quotes]
        return lines

    def _value(self, key: str, value) -> str:
        if isinstance(value, dict):
            inner = ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in value.items() if v)
            return "{" + inner + "}"
        if isinstance(value, list):
            shown = [self.target_slug(v) if key in REF_FIELDS else v for v in value]
            return "[" + ", ".join(scalar(v, flow=True) for v in shown) + "]"
        if key in REF_FIELDS:
            value = self.target_slug(value)
        return scalar(value)

    def _item_lines(self, item: Item) -> list[str]:
        order = OBSERVATION_ORDER if item.section == "observations" else ()
        keys = [k for k in order if k in item.fields]
        keys += [
            k
            for k in ("name", "name_es", "alt_names", "type")
            if k in item.fields and k not in keys
        ]
        keys += [k for k in item.fields if k not in keys and k != "note"]
        if "note" in item.fields and "note" not in keys:
            keys.append("note")
        body = [f"  - id: {item.id}"]
        for key in keys:
            value = item.fields[key]
            body.append(f"    {key}: {self._value(key, value)}")
        for key, (listed, note) in item.commented.items():
            shown = self._value(key, listed if key in LIST_FIELDS else listed[0])
            body.append(f"    # {key}: {shown}   <- {note}")
        body += self._quote_lines(item, "    ")
        status = f"confidence {item.confidence:.2f}"
        comments = [f"  # {status}" + (f": {'; '.join(item.why)}" if item.why else "")]
        if item.active:
            return comments + body
        return comments + ["# " + line for line in body]

    def _published_lines(self, item: Item) -> list[str]:
        lines = [f"published:   # confidence {item.confidence:.2f}: check the reasoning"]
        lines.append(f"  not_before: {item.fields['not_before']}")
        lines.append(f"  reasoning: {scalar(item.fields['reasoning'])}")
        lines += self._quote_lines(item, "  ")
        return lines

    def _mention_lines(self) -> list[str]:
        lines = ["mentions:"]
        seen = set()
        for mention in self.entities.mentions:
            words, occurrence = self.source.quote(mention.passage, mention.start, mention.end)
            key = (mention.target, words)
            if key in seen:
                continue
            seen.add(key)
            text = f"{{ref: {self.target_slug(mention.target)}, quote: {scalar(words, flow=True)}"
            text += f", occurrence: {occurrence}}}" if occurrence else "}"
            if mention.new is None:
                comment = (
                    f"   # confidence {mention.confidence:.2f}" if mention.confidence < 0.8 else ""
                )
                if mention.note:
                    comment = f"   # confidence {mention.confidence:.2f}: {mention.note}"
                lines.append(f"  - {text}{comment}")
            else:
                confidence = f"confidence {mention.new.confidence:.2f}"
                lines.append(
                    f"#   - {text}   # NEW {mention.kind} ({confidence}): confirm or merge"
                )
        if len(lines) == 1:
            lines[0] = "mentions: []"
        return lines

    # -- the reference additions -------------------------------------------------------------

    def additions_yaml(self) -> str:
        lines = [
            f"# Proposed additions to data/reference/ for document {self.doc_id}, written by "
            "`kg extract`.",
            "# Every entry is NEW: the reference data has no entity of that name. For each, either",
            "# - confirm it: correct it and move it into the file named in its section, or",
            "# - merge it: add its wording to an existing entry's alt_names (or acronym) instead.",
            "# Then uncomment the lines of the draft that use it. Nothing here is read by "
            "`kg publish`.",
            "",
        ]
        sections = (
            ("organizations", "organization", "data/reference/organizations.yaml"),
            ("places", "place", "data/reference/places.yaml"),
            ("people", "person", "data/reference/people.yaml"),
        )
        entities = [*self.entities.new.values(), *self.contacts]
        for name, kind, file_name in sections:
            members = sorted((e for e in entities if e.kind == kind), key=lambda e: e.slug)
            lines.append(f"{name}:   # -> {file_name}" if members else f"{name}: []")
            for entity in members:
                lines += self._entity_lines(entity)
            lines.append("")
        if self.concepts:
            lines.append("concepts:   # -> data/reference/concepts.yaml, under each scheme")
            for scheme in sorted({c.scheme for c in self.concepts}):
                lines.append(f"  {scheme}:")
                for c in sorted(
                    (c for c in self.concepts if c.scheme == scheme), key=lambda c: c.id
                ):
                    lines.append(f"    # NEW concept, called for by: {scalar(c.seen)}")
                    lines.append(
                        f"    - {{id: {c.id}, label: {scalar(c.label, flow=True)}, "
                        f"definition: {scalar(c.definition, flow=True)}}}"
                    )
        else:
            lines.append("concepts: {}")
        return "\n".join(lines) + "\n"

    def _entity_lines(self, entity: NewEntity) -> list[str]:
        seen = [m for m in self.entities.mentions if m.new is entity]
        first = f'first seen as "{seen[0].text}"' if seen else "press contact"
        similar = (
            f"; closest existing entries: {', '.join(entity.similar)}"
            if entity.similar
            else "; no close existing entry"
        )
        lines = [
            f"  # NEW {entity.kind}, confidence {entity.confidence:.2f}, {first}{similar}",
            f"  - id: {entity.slug}",
            f"    name: {scalar(entity.name)}",
        ]
        if entity.kind == "organization":
            if entity.acronym and entity.acronym != entity.name:
                lines.append(f"    acronym: {scalar(entity.acronym)}")
            if entity.part_of and self.knowledge.concept("organization-types", "country-office"):
                lines.append("    classification: country-office")
            head = next(
                (
                    CLASSIFICATION_BY_HEAD[w]
                    for w in re.findall(r"\w+", fold(entity.name))
                    if w in CLASSIFICATION_BY_HEAD
                ),
                None,
            )
            if head and not entity.part_of and self.knowledge.concept("organization-types", head):
                lines.append(f"    classification: {head}")
            if entity.part_of:
                lines.append(f"    part_of: {self.target_slug(entity.part_of)}")
            if entity.country:
                lines.append(f"    country: {self.target_slug(entity.country)}")
        alt = [a for a in entity.alt_names if fold(a) != fold(entity.name)]
        if alt:
            lines.append(f"    alt_names: [{', '.join(scalar(a, flow=True) for a in alt)}]")
        if entity.kind == "place":
            lines.append(f"    type: {entity.type or 'city'}")
            if entity.within:
                lines.append(f"    within: {self.target_slug(entity.within)}")
            if entity.iso3166:
                lines.append(f'    iso3166: "{entity.iso3166}"')
            if entity.geonames:
                lines.append(f'    geonames: "{entity.geonames}"')
        if entity.note:
            lines.append(f"    note: {scalar(entity.note)}")
        return lines
