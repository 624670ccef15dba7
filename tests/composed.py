"""Releases composed for the drafting rules' tests (none comes from a real release, and the
names are made up): one written for a test and drafted with the reference knowledge (the
session fixture `knowledge`, tests/conftest.py), and what the tests read of its draft."""

from __future__ import annotations

from pathlib import Path

from kg.extraction.extract import extract

DATA = Path(__file__).resolve().parents[1] / "data"


def draft_of(tmp_path: Path, knowledge, body: str, title: str = "A Composed Release"):
    path = tmp_path / "951_composed.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return extract(path, DATA, knowledge)


def observations(draft) -> dict:
    """value (or (min, max)) -> the observation, active or not."""
    out = {}
    for item in draft.observations:
        key = item.fields.get("value") or (item.fields.get("min"), item.fields.get("max"))
        out[key] = item
    return out


def sources(item) -> list[str]:
    """Who an observation is attributed to, in its fields or commented out (a new entity)."""
    listed = list(item.fields.get("attributed_to") or [])
    listed += list(item.commented.get("attributed_to", ([], ""))[0])
    return listed


def mentions(draft, kind: str) -> dict[str, str]:
    """The text of each mention of a kind -> the entity it names (known id or new key)."""
    out = {}
    for m in draft.entities.mentions:
        if m.kind == kind:
            out[m.text] = m.entity if m.entity is not None else f"new:{m.new.key}"
    return out


def new_of(draft, text: str):
    """The new entity the mention with this text proposes."""
    return next(m.new for m in draft.entities.mentions if m.text == text)
