"""The facts of a draft and of a curation file as comparable keys: a number's value (or
range), an entity's reference id, and how a key is shown in a report.
"""

from __future__ import annotations

from decimal import Decimal

from kg.extraction.draft import Draft
from kg.extraction.knowledge import Knowledge

KIND_OF_TYPE = {"organizations": "organization", "places": "place", "people": "person"}


def _value_key(item: dict) -> tuple:
    if item.get("value") is not None:
        return ("value", Decimal(str(item["value"])).normalize())
    return (
        "range",
        Decimal(str(item.get("min"))).normalize(),
        Decimal(str(item.get("max"))).normalize(),
    )


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def resolve(draft: Draft, target: str, full: Knowledge) -> str:
    """A draft's reference (a reference id or "new:KEY") as an id of the full reference data,
    or "new:NAME" when the new entity names none of its entities."""
    if not str(target).startswith("new:"):
        return target
    new = draft.entities.new.get(target[4:])
    if new is None:
        return target
    surfaces = list(new.surfaces)
    surfaces += [m.text for m in draft.entities.mentions if m.new is new]
    for surface in surfaces:
        entity = full.entity_by_name(new.kind, surface)
        if entity is not None:
            return entity.id
    return f"new:{new.name}"


def _show(key) -> str:
    if isinstance(key, tuple):
        return " ".join(_show(k) for k in key)
    if isinstance(key, Decimal):
        return format(key, "f")
    return str(key)
