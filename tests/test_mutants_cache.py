"""The per-document cache (`kg.build.cache`): the cases `make mutate` found untested, each with
what a publish that keeps its cache sees (a document built again, or its outcome read back)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from kg.build import cache, model
from kg.vocab import Minter

DATA = Path(__file__).resolve().parents[1] / "data"


def key_of(data: Path, document: str, folder: Path) -> str:
    """A document's key, as `kg.build.pipeline.run_documents` computes it."""
    reference = model.load_reference(data, Minter())
    context = SimpleNamespace(reference=reference, data_dir=data, reasoning=True, validation=True)
    return cache.Cache(folder, data).key(data / "documents" / f"{document}.yaml", context)


def test_a_manifest_entry_with_its_fields_reordered_keeps_the_key(tmp_path):
    """The manifest entry is hashed with its fields sorted: writing them in another order
    (the same entry) does not build the document again."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = key_of(data, "000", tmp_path / "cache")
    manifest = data / "sources" / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    entry = (
        '- id: "000"\n'
        "  file: 000_c36a1ea09023f409.txt\n"
        "  title: IOM Mexico Provides Assistance to Victims of Trafficking\n"
    )
    assert text.count(entry) == 1
    reordered = (
        "- title: IOM Mexico Provides Assistance to Victims of Trafficking\n"
        "  file: 000_c36a1ea09023f409.txt\n"
        '  id: "000"\n'
    )
    manifest.write_text(text.replace(entry, reordered), encoding="utf-8")
    assert key_of(data, "000", tmp_path / "cache") == before


def test_the_cache_folder_is_made_with_its_parents_and_opened_again(tmp_path):
    """A cache folder whose parents do not exist yet is made; a second publish opens the
    folder the first one made, and reads what it put there."""
    folder = tmp_path / "a" / "b" / "cache"
    first = cache.Cache(folder, DATA)
    assert folder.is_dir()
    key = "ab" + "0" * 62
    first.put(key, {"outcome": 1})
    second = cache.Cache(folder, DATA)
    assert second.get(key) == {"outcome": 1}
    assert second.shared == first.shared


def test_two_keys_in_one_subfolder_are_both_kept(tmp_path):
    """Keys are filed by their first two characters: a second key with the same two goes in
    the subfolder the first one made, and each reads back its own value; another key reads
    nothing."""
    store = cache.Cache(tmp_path / "cache", DATA)
    one, two = "ab" + "1" * 62, "ab" + "2" * 62
    store.put(one, ["one"])
    store.put(two, ["two"])
    assert store.get(one) == ["one"]
    assert store.get(two) == ["two"]
    assert store.get("ab" + "3" * 62) is None
    assert sorted(p.name for p in (tmp_path / "cache" / "ab").iterdir()) == [
        f"{one}.pickle",
        f"{two}.pickle",
    ]


READ_IMPORTS = """
import sys
from pathlib import Path
from kg.build import cache
print(sorted(cache._imported("kg.build.example", Path(sys.argv[1]))))
"""


def test_a_module_is_read_as_utf_8_whatever_the_locale(tmp_path):
    """A module with text beyond ASCII (a comment in French) is read as UTF-8, as Python reads
    source files, even where the locale's encoding is ASCII (the C locale with Python's
    UTF-8 mode off): the locale's encoding would fail on it."""
    module = tmp_path / "example.py"
    module.write_text("# déjà vu: « guillemets »\nfrom kg import vocab\n", encoding="utf-8")
    env = {
        **os.environ,
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
    }
    done = subprocess.run(
        [sys.executable, "-c", READ_IMPORTS, str(module)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['kg', 'kg.vocab']"
