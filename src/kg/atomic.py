"""Files and folders written whole or not at all: written under a temporary name beside the
target, then put in its place in one step, so that a reader (or the next publish) sees the old
one or the new one, never half of either, and never neither. The temporary names carry the
writer's process id: what a killed process left is removed by the next writer of the same
target, what a running one is writing is left to it.

A folder is put in place of another by exchanging the two names in one system call
(`exchange`: Linux's renameat2 with RENAME_EXCHANGE), then removing the old one, now under the
temporary name. The target stays a plain folder, which is what every tool and user expects of
`dist/`: `cp -r dist`, `tar`, `rsync`, a web server, `kg serve --dist dist` (which resolves the
folder once at start-up: a symbolic link resolved then would point to a folder the next
publish removes), and the hard links a parted publish makes from the previous `dist/`.

Where the exchange is not to be had (a file system that refuses it, a system without
renameat2), the target is instead a symbolic link to a folder beside it (`dist ->
.dist.PID.…`), switched by renaming a new link over it: one rename as well. A plain folder
cannot be replaced by a link in one step there: that change, made once, is two renames. When
the exchange works again, the link is exchanged for a plain folder.

`lock` keeps two writers of one target apart: the second is refused at once with the process
id of the first, which the system releases when that process ends, killed or not."""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import platform
import re
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from kg.errors import KgError


def write_bytes(path: Path, data: bytes) -> None:
    """`data` in `path`, whole: a temporary file beside it, then renamed."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_prefix(path), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_directory(out: Path, exclusive: str | None = None):
    """Yield a temporary folder that takes the place of the folder `out` when the block
    succeeds (and is removed when it fails). Leftovers of killed writers of `out` are removed
    first. With `exclusive` (what the writer is, e.g. "kg publish"), `out` is locked first
    (`lock`): a second writer is refused, before it writes anything beside `out`."""
    shown = out
    out = target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with lock(out, shown, exclusive) if exclusive else _nothing():
        remove_stale(out)
        tmp = Path(tempfile.mkdtemp(prefix=_prefix(out), dir=out.parent))
        try:
            yield tmp
            _reached("written")
            old = replace(tmp, out)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _reached("swapped")
        if old is not None:
            _remove(old, out)
            _reached("removed")


def target(out: Path) -> Path:
    """The absolute path of the folder to write for `out`: `out` in its real parent folder,
    or, when `out` is a symbolic link a user made (not one of `replace`'s), where it leads."""
    out = _absolute(Path(out))
    for _ in range(40):  # the system's own limit of links in a path
        if not out.is_symlink() or _linked(out) is not None:
            break
        out = _absolute(out.parent / os.readlink(out))
    return out


def _absolute(path: Path) -> Path:
    """`path` in its parent folder's real path (the last name is not followed)."""
    path = path.absolute()
    if path.name in ("", ".", ".."):
        return path.resolve()
    return path.parent.resolve() / path.name


# -- putting a folder in place ---------------------------------------------------------------

AT_FDCWD = -100
RENAME_EXCHANGE = 2
SYS_RENAMEAT2 = {"x86_64": 316, "amd64": 316, "aarch64": 276, "arm64": 276}
# What renameat2 answers when the system or the file system cannot exchange.
UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}


def _renameat2():
    """libc's renameat2, or the system call itself (glibc before 2.28), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    call = getattr(libc, "renameat2", None)
    if call is not None:
        call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
        call.argtypes += [ctypes.c_uint]
        call.restype = ctypes.c_int
        return call
    number = SYS_RENAMEAT2.get(platform.machine().lower())
    syscall = getattr(libc, "syscall", None)
    if number is None or syscall is None:
        return None
    syscall.restype = ctypes.c_long

    def call(old_dir, old, new_dir, new, flags):
        return syscall(
            ctypes.c_long(number),
            ctypes.c_int(old_dir),
            ctypes.c_char_p(old),
            ctypes.c_int(new_dir),
            ctypes.c_char_p(new),
            ctypes.c_uint(flags),
        )

    return call


_RENAMEAT2 = _renameat2()


def exchange(a: Path, b: Path) -> None:
    """Exchange the names `a` and `b` (files, folders or links) in one step: no instant sees
    either missing. OSError with ENOSYS where the system has no renameat2, EINVAL (or
    ENOTSUP) where the file system refuses the exchange: see `UNSUPPORTED`."""
    if _RENAMEAT2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available", str(a), None, str(b))
    if _RENAMEAT2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number), str(a), None, str(b))


def exchanges(out: Path) -> bool:
    """Whether two folders beside `out` can be exchanged (`exchange`): tried on two empty
    ones, named as temporary folders of `out` (which `remove_stale` removes if need be)."""
    a = Path(tempfile.mkdtemp(prefix=_prefix(out), dir=out.parent))
    b = Path(tempfile.mkdtemp(prefix=_prefix(out), dir=out.parent))
    try:
        exchange(a, b)
    except OSError as exc:
        if exc.errno not in UNSUPPORTED:
            raise
        return False
    finally:
        a.rmdir()
        b.rmdir()
    return True


def replace(new: Path, out: Path) -> Path | None:
    """Put the folder `new` in place of `out`, in one step that no reader sees half done and
    after which nothing is to be undone; returns what is to be removed then (the old folder or
    link, under a temporary name), if anything. On an error `out` is as it was."""
    if os.path.lexists(out):
        try:
            exchange(new, out)
        except FileNotFoundError:
            pass  # `out` went in the meantime: as if there had been none
        except OSError as exc:
            if exc.errno not in UNSUPPORTED:
                raise
            return _switch_link(new, out)
        else:
            return new  # now the name of the old folder
    # A first publish: renamed into place (a rename is one step), or, where folders cannot be
    # exchanged, made a link to, so that the next publish can switch it in one step.
    if exchanges(out):
        os.rename(new, out)
        return None
    return _switch_link(new, out)


def _switch_link(new: Path, out: Path) -> Path | None:
    """`out` made a link to the folder `new` beside it, by renaming a new link over it; returns
    the folder it linked to. When `out` is a plain folder (made where folders could be
    exchanged, or by an earlier kg), it is moved aside first, and returned: two renames,
    between which `out` is missing, once."""
    link = out.parent / (_prefix(out, "link") + new.name.rpartition(".")[2])
    os.symlink(new.name, link)
    try:
        _reached("linked")
        old = _linked(out)
        if old is not None or not os.path.lexists(out):
            os.rename(link, out)  # replaces the old link in one step
            return None if old is None else out.parent / old
        aside = Path(tempfile.mkdtemp(prefix=_prefix(out, "old"), dir=out.parent))
        os.rename(out, aside / out.name)
        try:
            _reached("aside")
            os.rename(link, out)
        except BaseException:
            os.rename(aside / out.name, out)
            aside.rmdir()
            raise
        return aside
    except BaseException:
        link.unlink(missing_ok=True)
        raise


def _linked(link: Path, out: Path | None = None) -> str | None:
    """The name of the folder `link` links to, when it is a link `_switch_link` made for `out`
    (by default `link` itself), to a temporary folder of `out` beside it; else None."""
    try:
        name = os.readlink(link)
    except OSError:  # not a link, or nothing
        return None
    return name if "/" not in name and _left(out or link).fullmatch(name) else None


def _remove(path: Path, out: Path) -> None:
    """Remove the old `out`, now at `path`: a folder, a file, or a link of `_switch_link` (with
    the folder it links to). What is not removed (a kill part of the way) is left to the next
    `remove_stale`."""
    linked = _linked(path, out)
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
        if linked is not None:
            _reached("unlinked")
            shutil.rmtree(path.parent / linked, ignore_errors=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _reached(step: str) -> None:
    """A point in putting a folder in place: what a kill here leaves must be a whole `out`
    and leftovers the next writer removes (the tests stop a writer at each)."""


# -- leftovers -------------------------------------------------------------------------------


def _left(out: Path) -> re.Pattern:
    """The temporary names of writers of `out` (`.NAME.PID.…`, `.NAME.old.PID.…`,
    `.NAME.link.PID.…`); group 1 is the process id."""
    return re.compile(rf"\.{re.escape(out.name)}\.(?:old\.|link\.)?(\d+)\..*", re.DOTALL)


def remove_stale(out: Path) -> None:
    """Remove the temporary files, folders and links beside `out` that a process no longer
    running left there (see `_left`); not the folder `out` links to, if it is a link. A plain
    `out` that such a process moved aside (`_switch_link`, or a kg that replaced folders in two
    renames) while there is no `out` is first put back."""
    left = _left(out)
    current = _linked(out)
    try:
        found = sorted(path for path in out.parent.iterdir() if left.fullmatch(path.name))
    except FileNotFoundError:
        return
    for path in found:
        if path.name == current or _running(int(left.fullmatch(path.name)[1])):
            continue
        if path.is_dir() and not path.is_symlink():
            aside = path / out.name
            moved = path.name.startswith(f".{out.name}.old.") and os.path.lexists(aside)
            if moved and not os.path.lexists(out):
                os.rename(aside, out)
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _prefix(path: Path, *what: str) -> str:
    return ".".join(["", path.name, *what, str(os.getpid()), ""])


def _running(pid: int) -> bool:
    """Whether a process `pid` exists (another publish may be writing the same target)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    except OverflowError:
        return False
    return pid > 0


# -- one writer at a time --------------------------------------------------------------------


@contextmanager
def _nothing():
    yield


def lock_path(out: Path) -> Path:
    """The lock file of the target `out`: `.NAME.lock` beside it."""
    return out.parent / f".{out.name}.lock"


_HELD: set[Path] = set()  # the lock files this process holds


@contextmanager
def lock(out: Path, shown: Path | str | None = None, who: str = "kg publish"):
    """Hold the lock of the target `out` (an exclusive flock of `lock_path(out)`, which holds
    the holder's process id) while the block runs; KgError at once, naming `shown` (the path
    as the user gave it) and the holder's process id, when another process holds it. The
    system releases the lock when its holder ends, however it ends; the file is removed when
    the block ends. Within a block holding it, the same process takes it again freely (a
    caller may lock `out` before a long build, and the writer of `out` then lock it too)."""
    out = target(out)
    shown = out if shown is None else shown
    path = lock_path(out)
    if path in _HELD:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise KgError(path, message="is a symbolic link, not kg's lock file") from None
            raise
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            by = f"another {who}" + (f" (pid {holder})" if holder else "")
            message = f"{by} is writing this folder; wait for it to finish"
            raise KgError(shown, message=message) from None
        except OSError as exc:
            if exc.errno not in (errno.ENOLCK, errno.ENOSYS, errno.EOPNOTSUPP, errno.EINVAL):
                os.close(fd)
                raise
            break  # a file system without locks: unlocked, as before there were any
        except BaseException:
            os.close(fd)
            raise
        # A holder that ended between the open and the flock removed the file, and another
        # process may have made a new one: the lock is this file's only if it is still there.
        try:
            if os.path.samestat(os.fstat(fd), os.stat(path, follow_symlinks=False)):
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    _HELD.add(path)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        _HELD.discard(path)
        # Removed while held: no process can hold it in the meantime (see above).
        try:
            if os.path.samestat(os.fstat(fd), os.stat(path, follow_symlinks=False)):
                path.unlink()
        except OSError:
            pass
        os.close(fd)


def _holder(fd: int) -> int | None:
    """The process id a lock file holds (None while its holder has yet to write it)."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None
