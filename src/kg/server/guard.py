"""What the public endpoint refuses to run, decided on the parsed query, never on its text.

Every query is parsed by rdflib's SPARQL 1.1 parser (a grammar of the whole language) before
Oxigraph sees it, and the syntax tree is walked for the operations a read-only endpoint on the
open web must not run:

- `SERVICE` (federated query) anywhere: in a sub-query, an OPTIONAL, a FILTER EXISTS, a MINUS,
  a GRAPH, whatever the case, escapes or comments around it. The endpoint never fetches other
  addresses, and the query workers cannot (`kg.server.sandbox` denies them the network): the
  refusal never rests on one check alone.
- A query the parser cannot read. A query that is not SPARQL 1.1 is a syntax error; where the
  parser is stricter than Oxigraph (a rare corner of the grammar), the query is refused too:
  what cannot be read cannot be checked.
- A query nested more deeply than the parser can follow (thousands of `{`): refused here,
  before it could exhaust the native stack of the engine.

The guard must read a query as the engine that runs it does. SPARQL 1.1 applies `\\uXXXX`
escapes to the whole text before parsing, and rdflib's parser does so; Oxigraph decodes them only
inside IRIs and strings, where they are characters of the IRI or string and never end it. Read
the standard way, `"\\u0022 . SERVICE <...> {} . ?x ?y \\u0022"` hides a SERVICE that Oxigraph
runs inside a long string. So the guard parses the text with each escape made inert (its
backslash dropped: inside an IRI or a string it stays an ordinary part of the token, exactly as
Oxigraph reads it; outside, where Oxigraph rejects it, it is a word the grammar rejects too),
and never expands escapes itself.

SPARQL Update is told apart from a malformed query by parsing it as an update, so that the
message says what the text is.

The walk also notes a query whose answer changes from one run to the next (`RAND()`, `NOW()`,
`UUID()`, `STRUUID()`: `Verdict.volatile`): the endpoint runs it each time it is asked and
keeps no answer of it (`kg.server.answers`), so that `ORDER BY RAND()` samples anew.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin

import pyoxigraph as ox
from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import Query, UpdateUnit
from rdflib.plugins.sparql.parserutils import CompValue

# The syntax-tree nodes of operations the endpoint never runs.
FORBIDDEN = {"ServiceGraphPattern": "SERVICE"}
# The functions whose value changes from one run of a query to the next (SPARQL 1.1, 17.4).
VOLATILE = frozenset({"Builtin_RAND", "Builtin_NOW", "Builtin_UUID", "Builtin_STRUUID"})

SERVICE_REFUSED = (
    "SERVICE (federated query) is not allowed: this endpoint never fetches other addresses. "
    "Query each endpoint yourself and combine the results."
)
UPDATE_NOTE = (
    "\n(This is SPARQL Update, not a query: the endpoint is read-only and answers SELECT, "
    "ASK, CONSTRUCT and DESCRIBE.)"
)
TOO_DEEP = (
    "the query is nested too deeply for this endpoint (groups, sub-queries or expressions "
    "inside one another); write it with fewer levels"
)


@dataclass(frozen=True)
class Verdict:
    """The guard's decision: `status` 0 to run the query, else the HTTP status and message
    (SPARQL 1.1 Protocol: 400 for a request that is not a legal query, 500 for a legal one
    the service refuses to execute)."""

    status: int = 0
    message: str = ""
    volatile: bool = False  # an answer of it is good for one run only (VOLATILE)

    @property
    def allowed(self) -> bool:
        return self.status == 0


ALLOWED = Verdict()


# Query texts up to this length have their verdicts cached (the named queries come again and
# again); longer ones are checked each time, so that the cache cannot hold much memory.
CACHED_TEXT_LENGTH = 8192
# The longest chain of operations side by side a query may have: the engine nests such a chain
# (`MINUS {} MINUS {} ...`, `{} UNION {} ...`, `1 || 1 || ...`, `FILTER() FILTER() ...`) one
# level per element, and its native stack overflows past a few thousand; the named queries have
# 26 at most. VALUES rows are not a chain: the engine reads them as a table.
MAX_CHAIN = 1000
_NOT_CHAINS = {"InlineData.value", "InlineDataOneVar.value", "InlineDataFull.value"}
TOO_LONG = (
    f"the query has more than {MAX_CHAIN:,} patterns, filters or operands side by side; split "
    "it into smaller queries"
)


def check(text: str, prefixes: Mapping[str, str] | None = None, base: str | None = None) -> Verdict:
    """The verdict on one query text, run with `prefixes` declared and `base` as its base IRI
    (what the engine is given besides the text)."""
    supplied = tuple(sorted((prefixes or {}).items()))
    if len(text) <= CACHED_TEXT_LENGTH:
        return _cached_check(text, supplied, base)
    return _check(text, supplied, base)


@lru_cache(maxsize=1024)
def _cached_check(text: str, supplied: tuple, base: str | None) -> Verdict:
    return _check(text, supplied, base)


def _check(text: str, supplied: tuple, base: str | None) -> Verdict:
    readable = as_the_engine_reads(text)
    try:
        tree = Query.parse_string(readable, parse_all=True)
    except RecursionError:
        return Verdict(400, f"Bad request: {TOO_DEEP}")
    except ParseBaseException as exc:
        return Verdict(400, syntax_message(exc) + (UPDATE_NOTE if _is_update(readable) else ""))
    except Exception as exc:  # noqa: BLE001 - what the parser cannot read is not run
        return Verdict(400, f"Bad request: the query cannot be read ({exc})")
    try:
        found = _Found(namespaces=_namespaces(tree, dict(supplied), base))
        _walk(tree, found)
    except RecursionError:
        return Verdict(400, f"Bad request: {TOO_DEEP}")
    if found.service:
        return Verdict(500, f"Refused: {SERVICE_REFUSED}")
    if found.unreadable_name:
        return Verdict(
            400,
            f"Bad request: the prefixed name {found.unreadable_name} does not name an IRI "
            "(its prefix is not declared, or the IRI it makes is not valid)",
        )
    if found.split_name:
        return Verdict(
            400,
            f"Bad request: the prefixed name {found.split_name} has dots in more than one "
            "place, which this endpoint's engine reads as more than one name; write the IRI "
            "in full (<...>)",
        )
    if found.longest_chain > MAX_CHAIN:
        return Verdict(400, f"Bad request: {TOO_LONG}")
    return Verdict(volatile=True) if found.volatile else ALLOWED


# A codepoint escape, or an escaped backslash, kept as it is (`"\\\\u0022"` in a string is a
# backslash, then `u0022`).
_ESCAPE = re.compile(r"\\\\|\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")


def inert_escapes(text: str) -> str:
    """`text` with each codepoint escape's backslash dropped (`\\u0022` is read `u0022`)."""
    return _ESCAPE.sub(lambda match: match[1] or match[0], text)


def as_the_engine_reads(text: str) -> str:
    """`text` made for the guard's parser to split into the tokens Oxigraph splits it into,
    position for position: codepoint escapes inert (see the module's docstring), and a
    carriage return a line end, since Oxigraph ends a `#` comment at a lone CR, where the
    parser's comments run to the next LF (elsewhere both read a CR as white space, and a
    string or IRI may not hold a raw one)."""
    return inert_escapes(text).replace("\r", "\n")


@dataclass
class _Found:
    namespaces: dict[str, str] = field(default_factory=dict)
    service: bool = False
    split_name: str = ""
    unreadable_name: str = ""
    longest_chain: int = 0
    volatile: bool = False


# Oxigraph matches keywords without word boundaries and, where a prefixed name cannot be read
# (an undeclared prefix, an invalid IRI), tries its other readings: `SERVICEh:{}` is then the
# keyword SERVICE and the name `h:`. So a prefix label holding the word is a SERVICE, and a
# prefixed name the engine could not read is refused (ASCII case folding, as Oxigraph's).
_SERVICE_IN_LABEL = re.compile("service", re.IGNORECASE | re.ASCII)
_LOCAL_ESCAPE = re.compile(r"\\(.)")


def _namespaces(tree, supplied: dict[str, str], base: str | None) -> dict[str, str]:
    """The prefixes a query can use: those the engine is given, then those its prologue
    declares (relative IRIs resolved against the BASE in force)."""
    namespaces = dict(supplied)
    prologue = tree[0] if len(tree) and isinstance(tree[0], ParseResults) else []
    for declaration in prologue:
        if not isinstance(declaration, CompValue):
            continue
        iri = str(declaration.get("iri") or "")
        if declaration.name == "Base":
            base = urljoin(base, iri) if base else iri
        elif declaration.name == "PrefixDecl":
            namespaces[str(declaration.get("prefix") or "")] = urljoin(base, iri) if base else iri
    return namespaces


def _readable_name(label: str, local: str, namespaces: dict[str, str]) -> bool:
    """Whether the engine reads `label:local` as the name of an IRI."""
    if label not in namespaces:
        return False
    try:
        ox.NamedNode(namespaces[label] + _LOCAL_ESCAPE.sub(r"\1", local))
    except ValueError:
        return False
    return True


_DOT_RUNS = re.compile(r"\\.|%[0-9A-Fa-f]{2}|(\.+)")


def _dot_groups(local: str) -> int:
    """Runs of dots in the local part of a prefixed name as written (escapes `\\.` skipped).
    Oxigraph's grammar takes one run at most: `a:b.c.d` is `a:b.c`, then `.d`."""
    return sum(1 for match in _DOT_RUNS.finditer(local) if match[1])


def _walk(node, found: _Found) -> None:
    """Walk a syntax tree, noting what the guard refuses."""
    if isinstance(node, CompValue):
        if node.name in FORBIDDEN:
            found.service = True
            return
        if node.name in VOLATILE:
            found.volatile = True
        if node.name == "pname":
            label, local = str(node.get("prefix") or ""), str(node.get("localname") or "")
            if _SERVICE_IN_LABEL.search(label):
                found.service = True
                return
            if _dot_groups(local) > 1 and not found.split_name:
                found.split_name = f"{label}:{local}"
            if not _readable_name(label, local, found.namespaces) and not found.unreadable_name:
                found.unreadable_name = f"{label}:{local}"
        for key, child in node.items():
            if isinstance(child, (ParseResults, list)) and f"{node.name}.{key}" not in _NOT_CHAINS:
                found.longest_chain = max(found.longest_chain, len(child))
            _walk(child, found)
    elif isinstance(node, (ParseResults, list, tuple)):
        for child in node:
            _walk(child, found)
    elif isinstance(node, dict):
        for child in node.values():
            _walk(child, found)


def _is_update(text: str) -> bool:
    try:
        UpdateUnit.parse_string(text, parse_all=True)
    except (ParseBaseException, RecursionError):
        return False
    return True


_POSITION = re.compile(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)$")


def syntax_message(exc: ParseBaseException) -> str:
    """A parser error as people read it: line, column and what was expected."""
    what = _POSITION.sub("", " ".join(str(exc).split()))
    return f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {what}"
