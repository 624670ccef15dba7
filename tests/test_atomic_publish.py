"""A publish puts the new dist/ in place of the old in one step (`kg.atomic`): no instant is
without a whole dist/, a publish killed at any point leaves the old or the new one and
leftovers the next publish removes, and a second publish into a folder being written is
refused at once."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg import atomic
from kg.cli import main
from kg.errors import KgError
from kg.publish import export

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def files(folder: Path) -> dict[str, str]:
    """The SHA-256 of every file under `folder` (followed if it is a link), by path."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def fill(folder: Path, marker: str) -> None:
    (folder / "a.txt").write_text(marker)
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text(marker * 2)


def folder_of(marker: str) -> dict[str, str]:
    """What `fill` writes, as `files` gives it."""
    written = {"a.txt": marker, "sub/b.txt": marker * 2}
    return {name: hashlib.sha256(text.encode()).hexdigest() for name, text in written.items()}


@pytest.fixture
def refused(monkeypatch):
    """A system without renameat2: every exchange fails with ENOSYS."""
    monkeypatch.setattr(atomic, "_RENAMEAT2", None)


@pytest.fixture
def keep_stats(built):
    """`export.write` leaves the figures of what it wrote on the build, which other tests read."""
    whole = built.stats
    yield built
    built.stats = whole


def publish(out: Path, marker: str) -> None:
    with atomic.atomic_directory(out, exclusive="kg publish") as tmp:
        fill(tmp, marker)


def beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir())


# -- the exchange ----------------------------------------------------------------------------


def test_the_exchange_swaps_two_folders_and_each_keeps_its_content(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, marker in ((a, "A"), (b, "B")):
        folder.mkdir()
        fill(folder, marker)
    if not atomic.exchanges(a):
        pytest.skip("this file system cannot exchange two names")
    atomic.exchange(a, b)
    assert files(a) == folder_of("B") and files(b) == folder_of("A")
    with pytest.raises(FileNotFoundError):
        atomic.exchange(a, tmp_path / "none")


def test_a_system_without_renameat2_says_so(tmp_path, refused):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with pytest.raises(OSError) as failure:
        atomic.exchange(tmp_path / "a", tmp_path / "b")
    assert failure.value.errno == errno.ENOSYS
    assert not atomic.exchanges(tmp_path / "dist")
    assert beside(tmp_path / "dist") == ["a", "b"]  # the trial folders are gone


def test_a_publish_replaces_a_plain_folder_with_a_plain_folder(tmp_path):
    out = tmp_path / "dist"
    if not atomic.exchanges(out):
        pytest.skip("this file system cannot exchange two names")
    publish(out, "old")
    publish(out, "new")
    assert not out.is_symlink() and out.is_dir()
    assert files(out) == folder_of("new")
    assert beside(out) == ["dist"]


def test_where_folders_cannot_be_exchanged_dist_is_a_link_switched_in_one_rename(
    tmp_path, monkeypatch
):
    """The exchange forced to fail as a file system that refuses it does (EINVAL)."""
    real = atomic.exchange

    def refuse(a, b):
        raise OSError(errno.EINVAL, "Invalid argument", str(a), None, str(b))

    monkeypatch.setattr(atomic, "exchange", refuse)
    out = tmp_path / "dist"
    publish(out, "first")
    first = os.readlink(out)
    assert out.is_symlink() and files(out) == folder_of("first")
    assert beside(out) == [first, "dist"]

    publish(out, "second")
    second = os.readlink(out)
    assert second != first and files(out) == folder_of("second")
    assert beside(out) == [second, "dist"]  # the first folder is gone

    # Where the exchange works again, the link is exchanged for a plain folder.
    monkeypatch.setattr(atomic, "exchange", real)
    if atomic.exchanges(out):
        publish(out, "third")
        assert not out.is_symlink() and files(out) == folder_of("third")
        assert beside(out) == ["dist"]


def test_a_plain_folder_where_folders_cannot_be_exchanged_becomes_a_link(tmp_path, monkeypatch):
    out = tmp_path / "dist"
    out.mkdir()
    fill(out, "plain")
    monkeypatch.setattr(atomic, "_RENAMEAT2", None)
    publish(out, "new")
    assert out.is_symlink() and files(out) == folder_of("new")
    assert beside(out) == [os.readlink(out), "dist"]


def test_a_link_a_user_made_is_followed_not_replaced(tmp_path):
    real = tmp_path / "real" / "dist"
    publish(real, "old")
    out = tmp_path / "dist"
    out.symlink_to(real)
    publish(out, "new")
    assert os.readlink(out) == str(real) and files(real) == folder_of("new")


# -- a publish killed at every step ----------------------------------------------------------

# A writer in its own process, killed (SIGKILL) when it reaches the step given: in `fill`
# ("writing", half written) or at a step of `kg.atomic` (`_reached`).
WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from kg import atomic

    out, marker, step, refuse = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
    if refuse:
        atomic._RENAMEAT2 = None

    def reached(name):
        if name == step:
            os.kill(os.getpid(), signal.SIGKILL)

    atomic._reached = reached
    with atomic.atomic_directory(Path(out), exclusive="kg publish") as tmp:
        (tmp / "a.txt").write_text(marker)
        reached("writing")
        (tmp / "sub").mkdir()
        (tmp / "sub" / "b.txt").write_text(marker * 2)
    """
)


def writer(out: Path, marker: str, step: str = "-", refuse: bool = False):
    return subprocess.run(
        [sys.executable, "-c", WRITER, str(out), marker, step, "1" if refuse else "0"],
        capture_output=True,
        text=True,
    )


# (how the old dist is made and replaced, steps of the replacing publish, in order, then
# what a kill at each leaves in dist: old, new, or None for nothing, the one place where a
# publish has to be without dist/, once: see `kg.atomic._switch_link`)
KILLS = {
    # a plain folder exchanged for a plain folder
    "exchange": (
        False,
        False,
        {"writing": "old", "written": "old", "swapped": "new", "removed": "new"},
    ),
    # a link switched by one rename
    "link": (
        True,
        True,
        {"writing": "old", "written": "old", "linked": "old", "swapped": "new", "removed": "new"},
    ),
    # a link exchanged for a plain folder, where the exchange works again
    "back": (
        True,
        False,
        {"written": "old", "swapped": "new", "unlinked": "new", "removed": "new"},
    ),
    # a plain folder made a link where the exchange is refused: moved aside, then the link in
    "aside": (
        False,
        True,
        {"written": "old", "linked": "old", "aside": None, "swapped": "new", "removed": "new"},
    ),
    # a first publish
    "first": (None, False, {"writing": None, "written": None, "swapped": "new"}),
}


@pytest.mark.parametrize(
    "how, step",
    [(how, step) for how, (_, _, steps) in KILLS.items() for step in steps],
)
def test_a_publish_killed_at_any_step_leaves_a_whole_dist_and_the_next_cleans_up(
    tmp_path, how, step, monkeypatch
):
    old_refused, refuse, steps = KILLS[how]
    if (old_refused is False or refuse is False) and not atomic.exchanges(tmp_path / "dist"):
        pytest.skip("this file system cannot exchange two names")
    out = tmp_path / "work" / "dist"
    if old_refused is not None:  # the old dist, by a process that has ended
        assert writer(out, "old", refuse=old_refused).returncode == 0
        assert out.is_symlink() == old_refused
    killed = writer(out, "new", step, refuse)
    assert killed.returncode == -signal.SIGKILL, (killed.stdout, killed.stderr)

    left = steps[step]
    if left is None and old_refused is None:
        assert not os.path.lexists(out)
    elif left is None:  # moved aside, put back by the next publish
        assert not os.path.lexists(out)
        (aside,) = (p for p in out.parent.iterdir() if p.name.startswith(".dist.old."))
        assert files(aside / "dist") == folder_of("old")
        atomic.remove_stale(atomic.target(out))
        assert files(out) == folder_of("old")
    else:
        assert files(out) == folder_of(left)

    # The next publish succeeds and leaves nothing of the killed one (nor a lock file).
    if refuse:
        monkeypatch.setattr(atomic, "_RENAMEAT2", None)
    publish(out, "next")
    assert files(out) == folder_of("next")
    assert beside(out) == ([os.readlink(out)] if out.is_symlink() else []) + ["dist"]


@pytest.mark.parametrize("how", ["exchange", "link"])
def test_a_real_publish_has_a_whole_dist_at_every_step(keep_stats, tmp_path, monkeypatch, how):
    """A publish of the seed corpus in parts over a whole one, then a whole one over the parts,
    stopped (as a kill would) at each step of `kg.atomic`: dist/ there is all the old publish
    before the new one is in place and all the new one after, its SHA256SUMS true to its
    files. In parts, the parts unchanged since the previous publish are hard-linked from it
    in both ways."""
    built = keep_stats
    if how == "link":
        monkeypatch.setattr(atomic, "_RENAMEAT2", None)
    elif not atomic.exchanges(tmp_path / "dist"):
        pytest.skip("this file system cannot exchange two names")
    out, cache = tmp_path / "dist", tmp_path / "cache"
    seen: list[tuple[str, dict[str, str]]] = []
    monkeypatch.setattr(atomic, "_reached", lambda step: seen.append((step, files(out))))
    export.write(built, out, DATA, part_size=5, cache_dir=cache)
    for part_size in (None, 5, 5):
        old, seen[:] = files(out), []
        inodes = {p: (out / p).stat().st_ino for p in old if p.startswith("parts/")}
        export.write(built, out, DATA, part_size=part_size, cache_dir=cache)
        new = files(out)
        steps = [step for step, _ in seen]
        assert steps[0] == "written" and "swapped" in steps and steps[-1] == "removed"
        for step, found in seen:
            before = steps.index(step) < steps.index("swapped")
            assert found == (old if before else new), step
        sums = (out / "SHA256SUMS").read_text().splitlines()
        assert sums == [f"{d}  {p}" for p, d in new.items() if p != "SHA256SUMS"]
        assert out.is_symlink() == (how == "link")
        assert beside(out) == ([os.readlink(out)] if how == "link" else []) + ["cache", "dist"]
        if part_size is not None and inodes:  # the third publish: every part linked
            assert {p: (out / p).stat().st_ino for p in old if p.startswith("parts/")} == inodes


# -- one publish at a time -------------------------------------------------------------------

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kg import atomic

    with atomic.lock(Path(sys.argv[1])):
        print("locked", flush=True)
        sys.stdin.read()  # until the test closes it, or kills this process
    """
)


@pytest.fixture
def hold():
    """Start another process holding the lock of a folder: `hold(out)` returns it once it
    holds it."""
    started = []

    def start(out: Path) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(out)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        assert process.stdout.readline() == "locked\n"
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stdin.close()
        process.stdout.close()


def test_a_publish_into_a_folder_another_writes_is_refused_at_once(
    keep_stats, tmp_path, hold, capsys
):
    out = tmp_path / "site" / "dist"
    publish(out, "old")
    holder = hold(out)
    before = beside(out)
    with pytest.raises(KgError) as failure:
        export.write(keep_stats, out, DATA)
    message = str(failure.value)
    assert message == (
        f"{out}: another kg publish (pid {holder.pid}) is writing this folder; "
        "wait for it to finish"
    )
    assert files(out) == folder_of("old") and beside(out) == before

    # The command says it in one line, without a traceback.
    arguments = ["publish", "--out", str(out), "--cache", str(tmp_path / "cache")]
    assert main(arguments) == 1
    error = capsys.readouterr().err
    assert error.strip().splitlines() == [f"error: {message}"]
    assert files(out) == folder_of("old") and beside(out) == before

    # Once the other has finished, a publish goes ahead.
    holder.stdin.close()
    assert holder.wait() == 0
    export.write(keep_stats, out, DATA)
    assert (out / "SHA256SUMS").is_file() and beside(out) == ["dist"]


def test_the_lock_of_a_killed_publish_is_released(keep_stats, tmp_path, hold):
    out = tmp_path / "site" / "dist"
    holder = hold(out)
    holder.kill()
    holder.wait()
    assert atomic.lock_path(atomic.target(out)).exists()  # left, but no longer held
    export.write(keep_stats, out, DATA)
    assert (out / "SHA256SUMS").is_file() and beside(out) == ["dist"]


def test_a_lock_file_that_is_a_link_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text("not to be written")
    (tmp_path / ".dist.lock").symlink_to(elsewhere)
    with pytest.raises(KgError, match="is a symbolic link"):
        publish(tmp_path / "dist", "new")
    assert elsewhere.read_text() == "not to be written"
    assert not (tmp_path / "dist").exists()


def test_a_process_holding_the_lock_may_publish_under_it(tmp_path):
    """A caller may lock dist/ before its build; the publish then takes the lock again."""
    out = tmp_path / "dist"
    with atomic.lock(out):
        publish(out, "new")
        assert atomic.lock_path(atomic.target(out)).exists()
    assert files(out) == folder_of("new") and beside(out) == ["dist"]
