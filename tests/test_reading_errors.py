"""Where kg finds its own files, and the exact line it gives when a file cannot be read: the
package folders of the ontology and shapes, Turtle that does not parse, and YAML with a
character the reader refuses after lines of accented text (libyaml counts bytes, the error
must count lines)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.build import curation
from kg.build.validate import _first_line, package_dir, parse_turtle_files, turtle_files
from kg.errors import KgError

PACKAGE = Path(kg.__file__).parent


@pytest.mark.parametrize("name", ["shapes", "ontology", "queries"])
def test_package_dir_is_the_folder_inside_the_installed_package(name):
    folder = package_dir(name)
    assert folder == PACKAGE / name and folder.is_dir()


def test_turtle_files_are_the_ttl_files_sorted(tmp_path):
    for name in ("b.ttl", "a.ttl", "notes.txt", "c.ttl.bak"):
        (tmp_path / name).write_text("")
    assert turtle_files(tmp_path, "test") == [tmp_path / "a.ttl", tmp_path / "b.ttl"]


def test_a_missing_or_empty_package_folder_is_named_with_what_it_should_hold(tmp_path):
    with pytest.raises(KgError) as missing:
        turtle_files(tmp_path / "nowhere", "SHACL shapes")
    assert str(missing.value) == (
        f"{tmp_path / 'nowhere'}: the SHACL shapes folder is missing: the kg package is "
        "incomplete, reinstall it"
    )
    with pytest.raises(KgError) as empty:
        turtle_files(tmp_path, "ontology")
    assert str(empty.value) == (
        f"{tmp_path}: the ontology folder holds no .ttl file: the kg package is incomplete, "
        "reinstall it"
    )


def test_turtle_files_are_merged(tmp_path):
    (tmp_path / "one.ttl").write_text("<http://x/a> <http://x/p> 1 .\n")
    (tmp_path / "two.ttl").write_text("<http://x/b> <http://x/p> 2 .\n")
    graph = parse_turtle_files([tmp_path / "two.ttl", tmp_path / "one.ttl"])
    assert sorted(str(o) for o in graph.objects()) == ["1", "2"]


def test_turtle_that_does_not_parse_is_its_file_line_and_the_parsers_first_line(tmp_path):
    good = tmp_path / "a.ttl"
    good.write_text("<http://x/a> <http://x/p> 1 .\n")
    bad = tmp_path / "b.ttl"
    bad.write_text("@prefix ex: <http://x/> .\n\nex:a ex:p ex:b .\nex:a ex:p ex:c ex:d .\n")
    with pytest.raises(KgError) as error:
        parse_turtle_files([bad, good])
    assert (error.value.path, error.value.line) == (bad, 4)
    assert error.value.message.startswith("not valid Turtle: ")
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("blank_lines", [0, 1, 5])
def test_a_turtle_error_is_on_the_line_the_parser_names(tmp_path, blank_lines):
    path = tmp_path / "bad.ttl"
    path.write_text("\n" * blank_lines + "<http://x/a> <http://x/p> <http://x/b> <http://x/c> .\n")
    with pytest.raises(KgError) as error:
        parse_turtle_files([path])
    assert error.value.line == blank_lines + 1
    assert f"at line {blank_lines + 1} " in error.value.message


def test_the_first_line_of_a_message_or_the_exceptions_name():
    assert _first_line(ValueError("  first\nsecond\n")) == "first"
    assert _first_line(ValueError("")) == "ValueError"
    assert _first_line("one line") == "one line"


@pytest.mark.parametrize("accents", [0, 1, 40])
def test_a_yaml_reader_error_is_on_its_line_after_accented_lines(tmp_path, accents):
    path = tmp_path / "000.yaml"
    path.write_text(
        f"title: {'é' * accents}x\nnote: Tapachula, Ciudad Juárez\nbad: \x07\nlast: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(KgError) as error:
        curation.load(path)
    assert (error.value.path, error.value.line) == (path, 3)
    assert error.value.message.startswith("invalid YAML: ")


def test_a_yaml_reader_error_on_the_first_line_is_line_1(tmp_path):
    path = tmp_path / "000.yaml"
    path.write_text("a: \x07\n", encoding="utf-8")
    with pytest.raises(KgError) as error:
        curation.load(path)
    assert error.value.line == 1


def test_a_violation_reads_as_one_line_with_its_path_when_it_has_one():
    from kg.build.validate import Violation

    with_path = Violation(
        "Warning", "https://kg.example.org/id/place/congo", "kg:iso", "no code", "s"
    )
    without = Violation("Violation", "https://kg.example.org/id/x", "", "broken", "s")
    assert str(with_path) == "Warning: https://kg.example.org/id/place/congo (kg:iso): no code"
    assert str(without) == "Violation: https://kg.example.org/id/x: broken"
