"""Reading curation files (`kg.build.curation`): the cases `make mutate` found untested, each
with the exact value or the exact line of error a curator gets."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
import yaml

from kg.build import curation
from kg.build.curation import Text, Where
from kg.errors import KgError
from test_abuse_curation import write

LOADERS = [yaml.BaseLoader] + ([yaml.CBaseLoader] if yaml.__with_libyaml__ else [])


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request):
    """`curation.load` with this PyYAML loader (libyaml's or the pure-Python one)."""
    kept = curation._LOADER
    curation._LOADER = request.param
    try:
        yield request.param
    finally:
        curation._LOADER = kept


def refused(path: Path, **kwargs) -> KgError:
    with pytest.raises(KgError) as info:
        curation.load(path, **kwargs)
    assert info.value.path == path
    return info.value


# -- values and their places -----------------------------------------------------------------


def test_plain_null_words_and_empty_values_are_none_and_quoted_ones_text(loader, tmp_path):
    text = "a:\nb: null\nc: ~\nd: ''\ne: \"null\"\nf: nil\n"
    node = curation.load(write(tmp_path, text))
    assert node == {"a": None, "b": None, "c": None, "d": "", "e": "null", "f": "nil"}
    assert isinstance(node["d"], Text)


def test_a_value_names_its_file_and_line(loader, tmp_path):
    path = write(tmp_path, "a: b\nc:\n  d: e\n")
    node = curation.load(path)
    assert node["a"].where == Where(path, 1)
    assert node["c"]["d"].where == Where(path, 3)


def test_a_key_a_mapping_lacks_is_placed_at_the_mapping(loader, tmp_path):
    """A required key that is missing is reported on the line where its mapping starts."""
    path = write(tmp_path, "a: b\nc:\n  d: e\n")
    node = curation.load(path)
    assert node.at("missing") == Where(path, 1)
    assert node["c"].at("missing") == Where(path, 3)
    assert node["c"].at("d") == Where(path, 3)


# -- the exact messages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# only a comment\n", 1, "the file is empty"),
        ("? [a, b]\n: c\n", 1, "a key must be a plain word"),
        (
            "a: b\n---\nc: d\n",
            2,
            "invalid YAML: a second document in the file (a curation file is one document)",
        ),
    ],
)
def test_a_malformed_file_gets_its_exact_message(loader, tmp_path, text, line, message):
    error = refused(write(tmp_path, text))
    assert (error.line, error.message) == (line, message)


def test_a_syntax_error_without_a_context_is_its_problem_alone(loader, tmp_path):
    problem = {
        "BaseLoader": "mapping values are not allowed here",
        "CBaseLoader": "mapping values are not allowed in this context",
    }[loader.__name__]
    error = refused(write(tmp_path, "a: b: c\n"))
    assert (error.line, error.message) == (1, f"invalid YAML: {problem}")


# -- reading the bytes -----------------------------------------------------------------------


def test_a_file_that_cannot_be_opened_is_its_path_and_the_reason(tmp_path):
    path = tmp_path / "missing.yaml"
    error = refused(path)
    assert str(error) == f"{path}: cannot read: No such file or directory"


def test_a_file_at_the_limit_without_a_final_line_end_is_read_whole(tmp_path):
    text = "a: " + "x" * 60
    assert curation.load(write(tmp_path, text), max_bytes=len(text)) == {"a": "x" * 60}


def test_a_stream_longer_than_the_limit_is_refused_without_reading_to_its_end(tmp_path):
    """A named pipe has no size to check before reading: the reader stops one byte past the
    limit and refuses it, rather than waiting for the writer to finish (or reading without
    end, as from a device)."""
    fifo = tmp_path / "doc.yaml"
    os.mkfifo(fifo)
    released, gave_up = threading.Event(), threading.Event()

    def writer():
        with open(fifo, "wb") as f:
            f.write(b"a: " + b"x" * 98)  # 101 bytes, one past the limit; the pipe stays open
            f.flush()
            if not released.wait(3):
                gave_up.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        error = refused(fifo, max_bytes=100)
        assert not gave_up.is_set(), "the reader waited for the writer to close the pipe"
        assert str(error) == (
            f"{fifo}:1: larger than 100 bytes: not read (a curation file is at most that)"
        )
    finally:
        released.set()
        thread.join()


def test_bytes_that_are_not_utf8_after_blank_lines_name_their_line(tmp_path):
    error = refused(write(tmp_path, b"\n\n\na: \xff\nb: c\n"))
    assert error.line == 4 and error.message.startswith("not UTF-8 text")


def test_old_mac_line_ends_read_as_lines(loader, tmp_path):
    node = curation.load(write(tmp_path, b"a: b\rc: d\r"))
    assert node == {"a": "b", "c": "d"} and node.key_lines == {"a": 1, "c": 2}


@pytest.mark.parametrize("line_end", [b"\r", b"\r\n"])
def test_a_reader_error_after_other_line_ends_is_on_its_line(loader, tmp_path, line_end):
    error = refused(write(tmp_path, line_end.join([b"a: b", b"c: d", b"e: \x07", b""])))
    assert error.line == 3 and error.message.startswith("invalid YAML: ")


@pytest.mark.parametrize(("text", "line"), [("\x07a: b\n", 1), ("\n\n\na: \x07\nb: c\n", 4)])
def test_a_reader_error_names_its_line_from_the_start_of_the_file(loader, tmp_path, text, line):
    error = refused(write(tmp_path, text))
    assert error.line == line and error.message.startswith("invalid YAML: ")


# -- file names in the sources folder --------------------------------------------------------


@pytest.fixture
def folder(tmp_path) -> Path:
    (tmp_path / "sources").mkdir()
    return tmp_path / "sources"


WHERE = Where(Path("manifest.yaml"), 7)


@pytest.mark.parametrize("name", [None, Text("  ", WHERE), curation.Sequence()])
def test_a_file_name_that_is_no_name_is_refused_at_its_place(folder, name):
    with pytest.raises(KgError) as info:
        curation.inside(folder, name, WHERE)
    assert (
        str(info.value) == "manifest.yaml:7: a file name is a relative path in the sources folder"
    )


def test_a_file_name_out_of_the_folder_is_refused_with_the_name_and_where_it_leads(folder):
    def message(name: str) -> str:
        with pytest.raises(KgError) as info:
            curation.inside(folder, Text(name, WHERE), WHERE)
        assert (info.value.path, info.value.line) == (WHERE.path, WHERE.line)
        return info.value.message

    assert message("/etc/passwd") == f"file '/etc/passwd' is an absolute path, not one in {folder}"
    assert message(".") == f"file '.' names the folder {folder}, not a file in it"
    outside = (folder / "../x.txt").resolve()
    assert message("../x.txt") == f"file '../x.txt' leads out of {folder} (to '{outside}')"
    assert message("a\0b").startswith(f"file 'a\\x00b' cannot be resolved in {folder}: ")
