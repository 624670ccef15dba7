"""What the `kg` commands are given, checked before any work: the types of their arguments
(each rejects what it cannot be, with argparse's usage and one error line), the paths they
read and write, and `UsageError` for a command line wrong in a way argparse cannot see.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import urllib.parse
from pathlib import Path

from kg.errors import KgError


class UsageError(Exception):
    """The command line is wrong in a way argparse cannot see by itself (options that go
    together, one of several that is required): reported as argparse reports its errors,
    after the command's usage line, with exit status 2."""


def path(text: str) -> Path:
    """A path; an empty string is refused (it would mean the working folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("empty path")
    if "\0" in text:
        raise argparse.ArgumentTypeError(f"{text!r}: a path cannot hold a NUL character")
    return Path(text)


def whole(minimum: int, maximum: int | None = None):
    """A whole number of at least `minimum` (and at most `maximum`)."""

    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"{number}: give {minimum} or more")
        if maximum is not None and number > maximum:
            raise argparse.ArgumentTypeError(f"{number}: give {maximum:,} or less")
        return number

    parse.__name__ = f"whole number of at least {minimum}"
    return parse


# The longest time an option takes: a time past the clocks' and polls' ranges (1e300 s) made
# `kg serve`'s query slots raise OverflowError and end, each losing its worker for good.
MAX_SECONDS = 86_400


def seconds(text: str) -> float:
    """A time in seconds, more than 0 and at most a day."""
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError(f"{text}: give a number of seconds more than 0")
    if number > MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"{text}: give at most {MAX_SECONDS:,} seconds (a day)")
    return number


def port(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{number}: a port is from 0 to 65535")
    return number


def host(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("empty address (0.0.0.0 listens on every interface)")
    return text


def base_iri(text: str) -> str:
    """An http(s) IRI that the graph's IRIs are minted under (`/` appended when it ends with
    neither `/` nor `#`)."""
    problem = base_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text if text.endswith(("/", "#")) else text + "/"


def iso_date(text: str):
    """A date YYYY-MM-DD."""
    import datetime

    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def http_iri(text: str) -> str:
    """An absolute http(s) IRI."""
    problem = base_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(problem.replace(" (a base IRI)", ""))
    return text


def base_problem(text: str) -> str | None:
    """What makes `text` unfit as the base IRI, or None."""
    if re.search(r"[\s<>\"{}|\\^`\x00-\x1f]", text):
        return f'{text!r}: an IRI cannot hold spaces or any of <>"{{}}|\\^`'
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        return f"{text!r} is not an http:// or https:// IRI without a query (a base IRI)"
    return None


# --------------------------------------------------------------------------------------------
# Outputs: checked before any work, so that a command fails before it writes anything
# --------------------------------------------------------------------------------------------


def check_output(target: Path, option: str, folder: bool) -> None:
    """`target`, a folder (`folder`) or a file the command writes, can be written: it is made
    in an existing folder that can be written, and what is there now is of its kind."""
    parent = target.absolute().parent
    nearest = parent
    while not nearest.exists() and nearest != nearest.parent:
        nearest = nearest.parent
    if nearest.exists() and not nearest.is_dir():
        raise KgError(nearest, None, f"a file, not a folder (in the path of {option} {target})")
    if nearest != parent:
        missing = parent
        while missing.parent != nearest:
            missing = missing.parent
        raise KgError(
            missing, None, f"no such folder (for {option} {target}): make the folder first"
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise KgError(parent, None, f"cannot write in this folder (for {option} {target})")
    if folder and target.exists() and not target.is_dir():
        raise KgError(target, None, f"a file, not a folder: give a folder for {option}")
    if not folder and target.is_dir():
        raise KgError(target, None, f"a folder, not a file: give a file for {option}")


def check_not_working_folder(target: Path, option: str) -> None:
    """`target`, a folder the command replaces whole, does not hold the working folder."""
    if holds(target, Path.cwd()):
        raise KgError(
            target, None, f"the working folder or one that holds it: {option} would replace it"
        )


def check_replaceable(target: Path, option: str, what: str, looks_right) -> None:
    """`target`, a folder the command replaces whole, is empty or `what` the command wrote
    before (`looks_right`)."""
    if target.is_dir() and any(target.iterdir()) and not looks_right(target):
        raise KgError(
            target,
            None,
            f"not {what}: {option} would replace it and what it holds (give a new or an empty "
            "folder)",
        )


def check_input_folder(folder: Path, option: str) -> None:
    if not folder.exists():
        raise KgError(folder, None, f"no such folder (for {option})")
    if not folder.is_dir():
        raise KgError(folder, None, f"a file, not a folder: give a folder for {option}")


def check_input_file(file: Path) -> None:
    if file.is_dir():
        raise KgError(file, None, "a folder, not a file")
    if not file.is_file():
        raise KgError(file, None, "no such file")


def holds(folder: Path, other: Path) -> bool:
    """Whether `folder` is `other` or a folder above it."""
    folder, other = folder.resolve(), other.resolve()
    return folder == other or folder in other.parents
