"""One folding of text for names (model), search (server) and drafting (extraction)."""

from __future__ import annotations

import pytest

from kg import folding
from kg.build import model
from kg.extraction import text
from kg.server import site


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Ciudad Juárez", "ciudad juarez"),
        ("CIUDAD JUÁREZ", "ciudad juarez"),
        ("Comisión Nacional", "comision nacional"),
        ("Mexico\u2019s", "mexico's"),
        ("Straße", "strasse"),
        ("ﬁnal", "final"),  # a ligature, decomposed
    ],
)
def test_fold_ignores_accents_case_and_the_typographic_apostrophe(written, folded):
    assert folding.fold(written) == folded


def test_fold_keeps_spacing_and_fold_name_does_not():
    assert folding.fold("  Ciudad \n Juárez ") == "  ciudad \n juarez "
    assert folding.fold_name("  Ciudad \n Juárez ") == "ciudad juarez"


def test_every_stage_folds_the_same_way():
    assert text.fold is folding.fold
    assert site.fold is folding.fold
    assert model.fold is folding.fold_name
    # Search and drafting now also read the typographic apostrophe as the plain one.
    assert site.fold("Mexico\u2019s") == site.fold("Mexico's")
