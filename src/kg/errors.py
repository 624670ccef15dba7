"""The one exception type for user-facing errors."""

from __future__ import annotations

from os import PathLike


class KgError(Exception):
    """A user-facing error located in a file (and, when known, a 1-based line).

    ``str(err)`` is one line: ``"{path}:{line}: {message}"``, or ``"{path}: {message}"`` when
    the line is unknown. Construct as ``KgError(path, line, message)`` or with keywords,
    e.g. ``KgError(path, message="...")``; ``KgError(path, "message")`` is accepted too.
    """

    def __init__(
        self,
        path: str | PathLike[str],
        line: int | None = None,
        message: str = "",
    ) -> None:
        if isinstance(line, str) and not message:
            line, message = None, line
        self.path = path
        self.line = line
        self.message = message
        super().__init__(path, line, message)

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"
