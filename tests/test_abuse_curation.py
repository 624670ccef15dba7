"""Hostile curation input: alias bombs, recursive aliases, huge files and values, deep nesting
and manifest paths that leave data/sources each end in one line of error naming the file and
line, never in a traceback, a stack overflow or gigabytes of memory."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.build import curation, model
from kg.cli import main
from kg.errors import KgError
from kg.vocab import Minter

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
MANIFEST_FILE_LINE = 9  # `file: 001_f71ae56bba03950b.txt` in data/sources/manifest.yaml
SOURCE_001 = "001_f71ae56bba03950b.txt"

LOADERS = [yaml.BaseLoader] + ([yaml.CBaseLoader] if yaml.__with_libyaml__ else [])


@contextlib.contextmanager
def parsing_with(loader):
    """`curation.load` with this PyYAML loader (libyaml's or the pure-Python one)."""
    kept = curation._LOADER
    curation._LOADER = loader
    try:
        yield
    finally:
        curation._LOADER = kept


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request):
    with parsing_with(request.param):
        yield request.param


def write(tmp_path: Path, text: str | bytes, name: str = "doc.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def refused(path: Path, **kwargs) -> KgError:
    """The KgError of loading `path`, checked to be one line naming the file."""
    with pytest.raises(KgError) as info:
        curation.load(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message, message
    assert message.startswith(f"{path}:"), message
    return info.value


def billion_laughs(levels: int = 9) -> str:
    """Nine levels of nine aliases each: 9**9 (387 million) strings, were they expanded."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


# -- anchors and aliases ---------------------------------------------------------------------


def test_an_alias_bomb_is_refused_at_its_first_anchor(loader, tmp_path):
    # refused at the first anchor, before any alias is met: nothing is expanded
    error = refused(write(tmp_path, "document: '000'\n" + billion_laughs()))
    assert error.line == 2
    assert "YAML anchor (&l0)" in str(error)
    assert "anchors and aliases are not allowed" in str(error)


def test_aliases_alone_are_refused_where_they_are(loader, tmp_path):
    path = write(tmp_path, "document: '000'\nnote: *elsewhere\n")
    error = refused(path)
    assert error.line == 2 and "YAML alias (*elsewhere)" in str(error)


def test_a_recursive_alias_is_refused_not_a_recursion_error(loader, tmp_path):
    error = refused(write(tmp_path, "document: '000'\nloop: &x [*x]\n"))
    assert error.line == 2 and "YAML anchor (&x)" in str(error)


def test_a_merge_key_with_an_alias_is_refused(loader, tmp_path):
    text = "base: &b {name: a}\nitem:\n  <<: *b\n"
    assert refused(write(tmp_path, text)).line == 1


# -- sizes and nesting -----------------------------------------------------------------------


def test_an_oversized_file_is_refused_before_it_is_read(loader, tmp_path):
    path = tmp_path / "doc.yaml"
    with path.open("wb") as f:  # 50 MB of NUL bytes (sparse): invalid YAML, were it read
        f.truncate(50 * 1024 * 1024)
    error = refused(path)
    assert error.line == 1 and f"larger than {curation.MAX_FILE_BYTES:,} bytes" in str(error)


def test_a_file_just_over_the_limit_is_refused_and_one_at_it_is_read(loader, tmp_path):
    at_limit = "a: " + "x" * 60 + "\n"
    path = write(tmp_path, at_limit)
    assert curation.load(path, max_bytes=len(at_limit)) == {"a": "x" * 60}
    assert "larger than" in str(refused(path, max_bytes=len(at_limit) - 1))


def test_the_manifest_may_be_larger_than_a_document_file():
    # an entry for each document: it grows with the corpus, the other files do not
    assert curation.MAX_MANIFEST_BYTES > curation.MAX_FILE_BYTES


def test_an_oversized_value_is_refused_at_its_line(loader, tmp_path):
    text = "document: '000'\nnote: a\nquote: " + "y" * (curation.MAX_VALUE_CHARS + 1) + "\n"
    error = refused(write(tmp_path, text))
    assert error.line == 3 and "a value of 65,537 characters" in str(error)


def test_an_oversized_key_or_quoted_value_is_refused(loader, tmp_path):
    long = "k" * (curation.MAX_VALUE_CHARS + 1)
    assert refused(write(tmp_path, f"a: b\n{long}: c\n")).line == 2
    assert refused(write(tmp_path, f'a: b\n\nc: "{long}"\n')).line == 3
    block = "a: |\n" + "  line of text\n" * 6000  # a literal block over several lines
    assert refused(write(tmp_path, block)).line == 1


def test_a_value_at_the_limit_is_read(loader, tmp_path):
    value = "z" * curation.MAX_VALUE_CHARS
    assert curation.load(write(tmp_path, f"a: {value}\n"))["a"] == value


def test_deep_block_nesting_is_refused_at_its_line(loader, tmp_path):
    text = "".join("  " * i + f"k{i}:\n" for i in range(curation.MAX_DEPTH + 10)) + "  " * 42
    text += "leaf\n"
    error = refused(write(tmp_path, text))
    assert error.line == curation.MAX_DEPTH + 1
    assert f"nested more than {curation.MAX_DEPTH} deep" in str(error)


@pytest.mark.parametrize("depth", [curation.MAX_DEPTH + 1, 100_000])
def test_deep_flow_nesting_is_refused_not_a_stack_overflow(loader, tmp_path, depth):
    # libyaml stops at its own nesting limit (1,000), the rest at MAX_DEPTH
    error = refused(write(tmp_path, "a: " + "[" * depth + "]" * depth + "\n"))
    assert error.line == 1 and "nest" in str(error)


def test_nesting_at_the_limit_is_read(loader, tmp_path):
    depth = curation.MAX_DEPTH - 1  # the mapping is the first level
    node = curation.load(write(tmp_path, "a: " + "[" * depth + "x" + "]" * depth + "\n"))["a"]
    for _ in range(depth - 1):
        node = node[0]
    assert node == ["x"]


def test_the_real_data_is_well_within_the_limits():
    largest_file = largest_value = deepest = 0
    for path in DATA.rglob("*.yaml"):
        largest_file = max(largest_file, path.stat().st_size)
        stack = [(curation.load(path), 0)]
        while stack:
            node, depth = stack.pop()
            if isinstance(node, str):
                largest_value = max(largest_value, len(node))
            elif isinstance(node, dict):
                deepest = max(deepest, depth + 1)
                largest_value = max([largest_value, *map(len, node)])
                stack += [(value, depth + 1) for value in node.values()]
            elif isinstance(node, list):
                deepest = max(deepest, depth + 1)
                stack += [(value, depth + 1) for value in node]
    assert largest_file * 10 < curation.MAX_FILE_BYTES, largest_file
    assert largest_value * 10 < curation.MAX_VALUE_CHARS, largest_value
    assert deepest * 4 < curation.MAX_DEPTH, deepest


# -- other malformed YAML --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("a: b\nc: \x01\n", 2, "invalid YAML"),  # a control character: PyYAML's ReaderError
        ("a: b\nc: \x00\n", 2, "invalid YAML"),
        ("a: b\n---\nc: d\n", 2, "invalid YAML"),
        ("? [a, b]\n: c\n", 1, "a key must be a plain word"),
        ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a'"),
        ("# only a comment\n", 1, "the file is empty"),
        ("a: [b\n", 2, "invalid YAML"),
    ],
)
def test_malformed_yaml_is_one_line(loader, tmp_path, text, line, message):
    error = refused(write(tmp_path, text))
    assert error.line == line and message in str(error)


def test_bytes_that_are_not_utf8_name_their_line(loader, tmp_path):
    error = refused(write(tmp_path, b"a: b\nc: \xff\xfe\n"))
    assert error.line == 2 and "not UTF-8" in str(error)


def test_the_nodes_keep_their_lines_and_nulls(loader, tmp_path):
    text = "a: 1\nb:\n  - x\n  - ~\n  - 'null'\nc: !!null q\nd: {e: f}\n"
    node = curation.load(write(tmp_path, text))
    assert node == {"a": "1", "b": ["x", None, "null"], "c": None, "d": {"e": "f"}}
    assert node.key_lines == {"a": 1, "b": 2, "c": 6, "d": 7}
    assert node["b"].where.line == 3 and node["b"][2].where.line == 5
    assert node["d"]["e"].where.line == 7 and node.at("d").line == 7


def test_windows_line_ends_read_as_before(loader, tmp_path):
    node = curation.load(write(tmp_path, b"a: b\r\nc: |\r\n  one\r\n  two\r\n"))
    assert node == {"a": "b", "c": "one\ntwo\n"} and node.key_lines["c"] == 2


# -- manifest paths --------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def set_manifest_file(data: Path, name: str) -> Path:
    manifest = data / "sources" / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert text.splitlines()[MANIFEST_FILE_LINE - 1] == f"  file: {SOURCE_001}"
    manifest.write_text(text.replace(f"file: {SOURCE_001}", f"file: {name}"), encoding="utf-8")
    return manifest


def reference_error(data: Path) -> KgError:
    with pytest.raises(KgError) as info:
        model.load_reference(data, Minter())
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{data / 'sources' / 'manifest.yaml'}:{MANIFEST_FILE_LINE}: ")
    return info.value


@pytest.mark.parametrize(
    "name, message",
    [
        ("../../../etc/passwd", "leads out of"),
        ("../documents/001.yaml", "leads out of"),
        ('"../line\\nbreak"', "leads out of"),  # still one line of error
        ("/etc/passwd", "is an absolute path"),
        (".", "names the folder"),
        ('"a\\0b"', "cannot be resolved"),  # a NUL byte, by a YAML escape
    ],
)
def test_a_manifest_file_outside_the_sources_is_refused(data_copy, name, message):
    set_manifest_file(data_copy, name)
    assert message in str(reference_error(data_copy))


def test_a_manifest_file_that_is_not_a_name_is_refused(data_copy):
    set_manifest_file(data_copy, "[a, b]")
    # `missing 'file'` (the model's check) or the path check: either way the entry's line
    with pytest.raises(KgError) as info:
        model.load_reference(data_copy, Minter())
    assert "manifest.yaml:" in str(info.value)


def test_a_symbolic_link_out_of_the_sources_is_refused(data_copy, tmp_path):
    outside = tmp_path / "outside.txt"
    shutil.copy(data_copy / "sources" / SOURCE_001, outside)
    os.symlink(outside, data_copy / "sources" / "link.txt")
    set_manifest_file(data_copy, "link.txt")
    assert f"leads out of {data_copy / 'sources'}" in str(reference_error(data_copy))


def test_a_symbolic_link_to_a_folder_out_of_the_sources_is_refused(data_copy, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(data_copy / "sources" / SOURCE_001, tmp_path / "elsewhere" / SOURCE_001)
    os.symlink(tmp_path / "elsewhere", data_copy / "sources" / "more")
    set_manifest_file(data_copy, f"more/{SOURCE_001}")
    assert "leads out of" in str(reference_error(data_copy))


def test_paths_that_stay_in_the_sources_are_read(data_copy):
    os.symlink(SOURCE_001, data_copy / "sources" / "link.txt")  # a link inside the folder
    set_manifest_file(data_copy, "link.txt")
    assert model.load_reference(data_copy, Minter()).manifest["001"]["file"] == "link.txt"
    folder = data_copy / "sources"
    where = curation.Where(folder / "manifest.yaml", 1)
    name = curation.Text(f"../sources/./{SOURCE_001}", where)
    assert curation.inside(folder, name, where) == folder / name


# -- the whole command -----------------------------------------------------------------------


def publish_fails(data: Path, out: Path) -> str:
    """Run `kg publish` in its own process; its stderr, checked to be one line of error."""
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "publish", "--data", str(data), "--out", str(out)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
        env={**os.environ, "COLUMNS": "400"},
    )
    err = result.stderr.strip()
    assert result.returncode != 0, err
    assert "Traceback" not in result.stderr, result.stderr
    assert len(err.splitlines()) == 1 and err.startswith("error: "), err
    assert not out.exists()
    return err


def test_kg_publish_refuses_an_alias_bomb_in_a_document(data_copy, tmp_path):
    doc = data_copy / "documents" / "003.yaml"
    first, rest = doc.read_text(encoding="utf-8").split("\n", 1)
    doc.write_text(f"{first}\n{billion_laughs()}{rest}", encoding="utf-8")
    err = publish_fails(data_copy, tmp_path / "dist")
    assert f"{doc}:2: a YAML anchor (&l0)" in err


def test_kg_publish_refuses_huge_strings_and_a_path_out_of_the_sources(data_copy, tmp_path):
    doc = data_copy / "documents" / "001.yaml"
    lines = doc.read_text(encoding="utf-8").count("\n")
    for size, message in [
        (50 * 1024 * 1024, f"{doc}:1: larger than {curation.MAX_FILE_BYTES:,} bytes"),
        (1024 * 1024, f"{doc}:{lines + 1}: a value of 1,048,576 characters"),
    ]:
        shutil.copy(DATA / "documents" / "001.yaml", doc)
        with doc.open("a", encoding="utf-8") as f:
            f.write("note: " + "x" * size + "\n")
        assert message in publish_fails(data_copy, tmp_path / "dist")
    shutil.copy(DATA / "documents" / "001.yaml", doc)
    set_manifest_file(data_copy, "../../../etc/passwd")
    err = publish_fails(data_copy, tmp_path / "dist")
    assert f"manifest.yaml:{MANIFEST_FILE_LINE}: file '../../../etc/passwd' leads out of" in err


def test_kg_main_refuses_a_recursive_alias_in_the_reference(data_copy, tmp_path, capsys):
    places = data_copy / "reference" / "places.yaml"
    places.write_text("- &x [*x]\n" + places.read_text(encoding="utf-8"))
    status = main(["publish", "--data", str(data_copy), "--out", str(tmp_path / "dist")])
    err = capsys.readouterr().err.strip()
    assert status == 1
    assert len(err.splitlines()) == 1 and err.startswith("error: "), err
    assert f"{places}:1: a YAML anchor (&x)" in err


# -- fuzz ------------------------------------------------------------------------------------

YAMLISH = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "\n",
                "  ",
                "- ",
                ": ",
                "? ",
                ",",
                "[",
                "]",
                "{",
                "}",
                "&a ",
                "*a",
                "&b",
                "*b",
                "!!null ",
                "!!str ",
                "!x ",
                "'",
                '"',
                "#",
                "---\n",
                "...\n",
                "|\n",
                ">-\n",
                "%YAML 1.1\n",
                "%TAG ! tag:x,2000:\n",
                "<<: ",
                "\t",
                "\\",
                "\x00",
                "\x01",
                "\ufeff",
                "\r",
                "\u2028",
                "key",
                "value",
                "~",
                "null",
                "é",
                "\U0001f600",
            ]
        ),
        st.text(max_size=4),
    ),
    max_size=60,
).map("".join)


def load_or_refuse(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    for loader in LOADERS:
        with parsing_with(loader):
            try:
                curation.load(path)
            except KgError as error:
                assert "\n" not in str(error) and str(error).startswith(f"{path}:")


@pytest.fixture(scope="module")
def fuzz_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "doc.yaml"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=YAMLISH)
def test_yamlish_text_loads_or_is_a_kg_error(fuzz_file, text):
    load_or_refuse(fuzz_file, text.encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_bytes_load_or_are_a_kg_error(fuzz_file, data):
    load_or_refuse(fuzz_file, data)
