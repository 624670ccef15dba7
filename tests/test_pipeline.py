"""Checks that need several documents, now that each document is processed on its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build.run import build
from kg.errors import KgError
from kg.vocab import Minter

DATA = Path(__file__).resolve().parents[1] / "data"


def test_an_id_declared_as_two_kinds_of_thing_is_refused_with_both_places(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    curation = data / "documents" / "002.yaml"
    text = curation.read_text(encoding="utf-8")
    law_id = "  - id: mexico-current-federal-anti-trafficking-law"
    assert law_id in text
    # The law and every reference to it in 002 take the id of a project of 000.
    curation.write_text(
        text.replace(
            "mexico-current-federal-anti-trafficking-law",
            "iom-mexico-counter-trafficking-programme",
        ),
        encoding="utf-8",
    )
    line = text[: text.index(law_id)].count("\n") + 1
    with pytest.raises(KgError) as caught:
        build(data, Minter(), reasoning=False, validation=False, jobs=1)
    assert str(caught.value) == (
        f"{curation}:{line}: id 'iom-mexico-counter-trafficking-programme' is a law here "
        f"but a project in {data / 'documents' / '000.yaml'}:32"
    )


def test_stage_seconds_are_summed_for_the_documents_processed(tmp_path):
    result = build(DATA, Minter(), jobs=1, cache_dir=tmp_path / "cache")
    assert set(result.stage_seconds) == {"model", "reason", "validate"}
    assert all(seconds > 0 for seconds in result.stage_seconds.values())
    again = build(DATA, Minter(), jobs=1, cache_dir=tmp_path / "cache")
    assert again.stage_seconds == {}  # every document came from the cache


def test_workers_replaced_after_every_document_give_the_same_build(built, monkeypatch):
    from kg.build import pipeline

    monkeypatch.setattr(pipeline, "CHUNK", 1)
    monkeypatch.setattr(pipeline, "WORKER_TASKS", 1)  # five documents, five workers in turn
    replaced = build(DATA, Minter(), jobs=2)
    assert len(replaced.documents) == 5
    for doc_id in built.documents:
        assert replaced.documents.ntriples(doc_id) == built.documents.ntriples(doc_id), doc_id
    assert replaced.inferred.packed == built.inferred.packed
    assert replaced.validation.conforms == built.validation.conforms
