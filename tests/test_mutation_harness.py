"""benchmarks/mutation.py, the mutation harness's table writer: the sample it chooses
(`make mutate SAMPLE=N`), the score's interval, and the rows it keeps of a sample."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def mutation():
    spec = importlib.util.spec_from_file_location("mutation", ROOT / "benchmarks" / "mutation.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NAMES = [f"kg.tiny.x_f__mutmut_{n}" for n in range(1, 13)]


def test_the_sample_is_the_first_names_by_their_sha256(mutation):
    # sha256 of each name, lowest first: _2 (0f7f...), _3, _4, _10, _6
    chosen = ["kg.tiny.x_f__mutmut_" + n for n in ("2", "3", "4", "10", "6")]
    assert mutation.sample(NAMES, 5) == chosen
    assert mutation.sample(reversed(NAMES), 5) == chosen  # whatever order mutmut lists them in
    assert mutation.sample(NAMES, 3) == chosen[:3]  # a smaller sample is part of a larger one
    assert mutation.sample(NAMES, 50) == mutation.sample(NAMES, 12)
    assert sorted(mutation.sample(NAMES, 50)) == sorted(NAMES)


def test_the_wilson_interval_is_newcombe_s(mutation):
    # Newcombe (1998), Statistics in Medicine 17, 857-872, table I, method 3
    for (killed, run), (low, high) in {
        (81, 263): (0.2553, 0.3662),
        (15, 148): (0.0624, 0.1605),
        (0, 20): (0.0, 0.1611),
        (8, 10): (0.4902, 0.9433),
    }.items():
        got = mutation.wilson(killed, run)
        assert got == pytest.approx((low, high), abs=5e-5)
    assert mutation.wilson(20, 20) == pytest.approx((1 - 0.1611, 1.0), abs=5e-5)
    assert mutation.wilson(0, 0) is None


def _mutants(tmp_path, codes):
    meta = tmp_path / "src" / "kg" / "tiny.py.meta"
    meta.parent.mkdir(parents=True)
    meta.write_text(json.dumps({"exit_code_by_key": codes}))
    return tmp_path


def test_a_sample_s_row_counts_its_sample_only(mutation, monkeypatch, tmp_path):
    # the sample of 5 is _2, _3, _4, _10, _6: _3 survived, _10 is listed as equivalent,
    # _6 was not run; the mutants outside the sample (all survived) do not count
    codes = {name: 0 for name in NAMES}
    codes |= {
        "kg.tiny.x_f__mutmut_2": 1,
        "kg.tiny.x_f__mutmut_4": -24,
        "kg.tiny.x_f__mutmut_10": 1,
        "kg.tiny.x_f__mutmut_6": None,
    }
    monkeypatch.setattr(mutation, "MUTANTS", _mutants(tmp_path, codes))
    monkeypatch.setattr(mutation, "MODULES", {"tiny": ("src/kg/tiny.py",), "other": ("x.py",)})
    monkeypatch.setattr(mutation, "EQUIVALENT", {"kg.tiny.x_f__mutmut_10": "why"})
    other = {"mutants": 4, "killed": 4, "survived": 0, "equivalent": 0, "not_run": 0, "run": "then"}
    results = mutation.update({"other": dict(other)}, "today", 5, ("tiny",))
    assert results["other"] == other  # a module not sampled keeps its row
    assert results["tiny"] == {
        "mutants": 12,
        "sample": 5,
        "killed": 2,
        "survived": 1,
        "equivalent": 1,
        "not_run": 1,
        "run": "today",
    }
    assert mutation.score(results["tiny"]) == "66.7 % (20.8–93.9 %), 3 run"
    row = mutation.table(results).splitlines()[2]
    assert row == "| tiny | 12 | 5 | 2 | 1 | 1 | 1 | 66.7 % (20.8–93.9 %), 3 run | today |"
    assert mutation.sampled_names("tiny", 5, survived_only=True) == ["kg.tiny.x_f__mutmut_3"]


def test_a_full_run_s_row_is_as_before(mutation, monkeypatch, tmp_path):
    codes = {name: 1 for name in NAMES} | {"kg.tiny.x_f__mutmut_1": 0}
    monkeypatch.setattr(mutation, "MUTANTS", _mutants(tmp_path, codes))
    monkeypatch.setattr(mutation, "MODULES", {"tiny": ("src/kg/tiny.py",)})
    monkeypatch.setattr(mutation, "EQUIVALENT", {})
    results = mutation.update({}, "today")
    assert results["tiny"] == {
        "mutants": 12,
        "killed": 11,
        "survived": 1,
        "equivalent": 0,
        "not_run": 0,
        "run": "today",
    }
    assert mutation.table(results).splitlines()[2] == (
        "| tiny | 12 | all | 11 | 1 | 0 | 0 | 91.7 % | today |"
    )
