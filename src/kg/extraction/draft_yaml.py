"""Writing a draft as YAML: the curation file (sections and observation fields in the curated
files' order, quotes, confidences as comments, inactive items commented out) and the proposed
reference additions (each new entity marked NEW).
"""

from __future__ import annotations

import json
import re

import yaml

from kg.extraction.entities import NewEntity
from kg.extraction.filing import closest_concepts
from kg.extraction.period_reasoning import period_in_its_sentence
from kg.extraction.proposal import REF_FIELDS, ConceptProposal, Item
from kg.extraction.text import fold

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
    "period_reasoning",
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


CLASSIFICATION_BY_HEAD = {
    "ministry": "government-agency", "institute": "government-agency",
    "office": "government-agency", "department": "government-agency",
    "bureau": "government-agency", "agency": "government-agency",
    "secretariat": "government-agency", "senate": "legislature", "congress": "legislature",
    "parliament": "legislature", "assembly": "legislature", "government": "national-government",
    "committee": "committee",
}  # fmt: skip


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


class DraftYaml:
    """How a Draft writes itself (a part of it)."""

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
        filed = [n for n in new if self.filed(n)]
        if filed or self.filed_concepts:
            lines.append(
                f"# {len(filed)} new entities and {len(self.filed_concepts)} new concepts it "
                "states actively are filed with it in data/reference/, each marked NEW:"
            )
            lines.append("# confirm each there, or merge it into an existing entry.")
        new = [n for n in new if not self.filed(n)]
        concepts = [c for c in self.concepts if (c.scheme, c.id) not in self.filed_concepts]
        if new or concepts or self.contacts:
            where = self.additions_path.as_posix() if self.additions_path else "the additions file"
            lines.append(
                f"# {len(new)} new entities and {len(concepts)} new concepts are proposed "
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
            line = f"    {key}: {self._value(key, value)}"
            if key == "period" and item.period_words:
                line += f'   # worked out from "{item.period_words}" {PERIOD_FROM_ITS_WORDS}'
            elif key == "period" and not period_in_its_sentence(item):
                line += f"   # {PERIOD_FROM_CONTEXT}"
            body.append(line)
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
            elif self.filed(mention.new):
                confidence = f"confidence {mention.new.confidence:.2f}"
                lines.append(
                    f"  - {text}   # NEW {mention.kind} ({confidence}), filed in data/reference/: "
                    "confirm or merge"
                )
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
        entities = [e for e in self.entities.new.values() if not self.filed(e)]
        entities += self.contacts
        for name, kind, file_name in sections:
            members = sorted((e for e in entities if e.kind == kind), key=lambda e: e.slug)
            lines.append(f"{name}:   # -> {file_name}" if members else f"{name}: []")
            for entity in members:
                lines += self._entity_lines(entity)
            lines.append("")
        concepts = [c for c in self.concepts if (c.scheme, c.id) not in self.filed_concepts]
        if concepts:
            lines.append("concepts:   # -> data/reference/concepts.yaml, under each scheme")
            for scheme in sorted({c.scheme for c in concepts}):
                lines.append(f"  {scheme}:")
                for c in sorted((c for c in concepts if c.scheme == scheme), key=lambda c: c.id):
                    lines += self.concept_lines(c, "    ")
        else:
            lines.append("concepts: {}")
        return "\n".join(lines) + "\n"

    def concept_lines(self, c: ConceptProposal, indent: str) -> list[str]:
        """A proposed concept as an entry of its scheme, with the closest existing concepts
        shown (as the closest existing entries are for a new entity)."""
        similar = closest_concepts(self.knowledge, c.scheme, c.label)
        shown = f"closest existing: {', '.join(similar)}" if similar else "no close existing one"
        return [
            f"{indent}# NEW concept ({shown}), called for by: {scalar(c.seen)}",
            f"{indent}- {{id: {c.id}, label: {scalar(c.label, flow=True)}, "
            f"definition: {scalar(c.definition, flow=True)}}}",
        ]

    def _link(self, target: str | None, filing: bool) -> str | None:
        """A new entity's link (part_of, country, within) as written: left out of an entry
        filed in the reference data when it points at a new entity that is not filed."""
        if not target:
            return None
        if filing and str(target).startswith("new:"):
            new = self.entities.new.get(target[4:])
            if new is None or not self.filed(new):
                return None
        return self.target_slug(target)

    def _entity_lines(self, entity: NewEntity, filing: bool = False) -> list[str]:
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
            head = entity.classification or head
            if head and not entity.part_of and self.knowledge.concept("organization-types", head):
                lines.append(f"    classification: {head}")
            if part_of := self._link(entity.part_of, filing):
                lines.append(f"    part_of: {part_of}")
            if country := self._link(entity.country, filing):
                lines.append(f"    country: {country}")
        alt = [a for a in entity.alt_names if fold(a) != fold(entity.name)]
        if alt:
            lines.append(f"    alt_names: [{', '.join(scalar(a, flow=True) for a in alt)}]")
        if entity.kind == "place":
            lines.append(f"    type: {entity.type or 'city'}")
            if within := self._link(entity.within, filing):
                lines.append(f"    within: {within}")
            if entity.iso3166:
                lines.append(f'    iso3166: "{entity.iso3166}"')
            if entity.geonames:
                lines.append(f'    geonames: "{entity.geonames}"')
        if entity.note:
            lines.append(f"    note: {scalar(entity.note)}")
        return lines


# A period whose years the number's own sentence does not say was taken from the text around
# it (the time of the operation or survey it reports, of the whole it is a part of, the
# release's day): the reviewer is told, so that an inferred time is checked, not taken as said.
PERIOD_FROM_CONTEXT = "not said in its sentence: the time of the text around it; check it"
PERIOD_FROM_ITS_WORDS = "and the day the release states it was written: check it"
