"""What the `kg` commands print: `out` (standard output) and `err` (standard error), the
one-line error, and SHACL violations. Commands print through this module's `out` and `err`
(`output.out.print(...)`), so that a test can put a console of its own in their place.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape

err = Console(stderr=True)
out = Console()


def fail(message: str) -> None:
    """Print `error: MESSAGE` on standard error, in one line whatever the message holds."""
    line = re.sub(r"\s*[\r\n]+\s*", " ", str(message).strip())
    err.print(f"[red]error:[/red] {escape(line)}", highlight=False, soft_wrap=True)


def print_violations(violations) -> None:
    for v in violations:
        colour = "red" if v.severity == "Violation" else "yellow"
        err.print(
            f"[{colour}]{v.severity}[/{colour}] {v.focus}"
            + (f" {v.path}" if v.path else "")
            + f": {v.message}",
            highlight=False,
            soft_wrap=True,
        )
