"""SPARQL query text: the header comment of a query, its parameters and their binding, and the
named queries shipped with kg.

Named queries are `.rq` files in `kg/queries/`. A query file opens with a header comment:

    # One line: what the query answers.
    #
    # Any prose that helps a reader.
    #
    # answers: cq01
    # param document (text): only facts stated by this document ("000")
    # example: kg query NAME --param document=000

and, when it takes parameters, binds them in one `VALUES (?a ?b) { (UNDEF UNDEF) }` clause
in its WHERE block: every UNDEF means "any", so the file runs as it is in any SPARQL 1.1
engine. A parameter value is converted to an RDF term of the declared kind (text, iri,
integer, decimal, date) and written into that clause as the term's own serialization (never
as raw text): SPARQL's inline data (https://www.w3.org/TR/sparql11-query/#inline-data). Any
value given is bound, 0 too; an empty text is refused (it would match every name that contains
it): a parameter left out matches any value. A query without declared parameters (`--file`,
`--sparql`) gets them through Oxigraph's variable substitution
(https://github.com/w3c/sparql-dev/blob/main/SEP/SEP-0007/sep-0007.md), which binds projected
variables only. Every named query returns, per row, human-readable
labels and a `docs` column: the identifiers of the documents that state the row's fact.

Every named query runs unchanged on any SPARQL 1.1 store that holds the dumps as
docs/stores.md says: it declares its prefixes and opens with `BASE <https://kg.example.org/>`,
against which its relative IRIs (`<id/concept/...>`) resolve. kg runs it with that BASE set to
the base of the graph it queries (`Query.for_base`), and `kg publish` writes each, so set, to
`dist/queries/NAME.rq` (`kg.publish.export.write_queries`)
for other stores. In other queries, relative
IRIs resolve against the published base (`<id/place/mexico>`) unless they declare a BASE, and
the prefixes of `kg.vocab.PREFIXES` plus `id:` may be used undeclared, so a query does not
depend on KG_BASE.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError
from kg.vocab import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"
PARAM_KINDS = ("text", "iri", "integer", "decimal", "date")

_HEADER_PARAM = re.compile(r"^param\s+(\w+)\s*\((\w+)\)\s*:\s*(.*)$")
_VALUES_BLOCK = re.compile(
    r"VALUES\s*\(\s*(?P<vars>(?:\?\w+\s*)+)\)\s*\{\s*\(\s*(?P<data>(?:UNDEF\s*)+)\)\s*\}"
)
# The BASE declaration of a named query: on a line of its own, before the first PREFIX.
_BASE_DECLARATION = re.compile(r"^BASE\s*<([^<>\s]*)>[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # one of PARAM_KINDS
    description: str


@dataclass(frozen=True)
class Query:
    """A SPARQL query and what its header comment says about it."""

    text: str
    source: str  # where it comes from, for messages: a file, a named query, "--sparql"
    name: str | None = None
    description: str = ""
    answers: tuple[str, ...] = ()
    parameters: dict[str, Parameter] = field(default_factory=dict)
    examples: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str, source: str, name: str | None = None) -> Query:
        description, answers, examples = "", [], []
        parameters: dict[str, Parameter] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                break
            content = stripped.lstrip("#").strip()
            if not content:
                continue
            key, _, rest = content.partition(":")
            if key == "answers":
                answers += [a for a in re.split(r"[\s,]+", rest) if a]
            elif key == "example":
                examples.append(rest.strip())
            elif content.startswith("param "):
                match = _HEADER_PARAM.match(content)
                if not match or match[2] not in PARAM_KINDS:
                    raise KgError(
                        source,
                        number,
                        "a parameter is declared as `# param NAME (KIND): description` with "
                        f"KIND one of {', '.join(PARAM_KINDS)}; found {content!r}",
                    )
                parameters[match[1]] = Parameter(match[1], match[2], match[3].strip())
            elif not description:
                description = content
        query = cls(text, source, name, description, tuple(answers), parameters, tuple(examples))
        query._values_block()  # a query that declares parameters must be able to bind them
        return query

    def _values_block(self) -> re.Match | None:
        if not self.parameters:
            return None
        blocks = list(_VALUES_BLOCK.finditer(self.text))
        declared = sorted(self.parameters)
        if len(blocks) != 1 or sorted(v[1:] for v in blocks[0]["vars"].split()) != declared:
            raise KgError(
                self.source,
                None,
                "a query that declares parameters binds them in one clause "
                f"`VALUES ({' '.join('?' + p for p in declared)}) "
                f"{{ ({' '.join('UNDEF' for _ in declared)}) }}`",
            )
        return blocks[0]

    def for_base(self, base: str) -> Query:
        """The query as it runs on a graph published with the base IRI `base`: its BASE
        declaration (a named query's is the default base, `https://kg.example.org/`) set to
        `base`, so that its relative IRIs (`<id/concept/...>`) name that graph's things. A
        query without one is returned as it is."""
        match = _BASE_DECLARATION.search(self.text)
        if match is None or match[1] == base:
            return self
        text = f"{self.text[: match.start()]}BASE <{base}>{self.text[match.end() :]}"
        return replace(self, text=text)

    def bind(
        self, params: Mapping[str, Any] | None, base: str
    ) -> tuple[str, dict[ox.Variable, Any]]:
        """The query text with its declared parameters bound in its VALUES clause, and the
        substitutions for the parameters of a query that declares none. A named query's BASE
        is set to `base` (`for_base`); any other query's text keeps the BASE it declares."""
        if self.name is not None:
            based = self.for_base(base)
            if based is not self:
                return based.bind(params, base)
        params = dict(params or {})
        block = self._values_block()
        if block is None:
            return self.text, {ox.Variable(k): to_term(v, None, base) for k, v in params.items()}
        unknown = sorted(set(params) - set(self.parameters))
        if unknown:
            raise KgError(
                self.source,
                None,
                f"unknown parameter {unknown[0]!r}; this query takes "
                + ", ".join(sorted(self.parameters)),
            )
        names = [v[1:] for v in block["vars"].split()]
        for n in names:
            # A text parameter matches by containment or equality: empty, it would match
            # every name (or none), never what was meant. Left out, it matches any.
            value = params.get(n)
            if self.parameters[n].kind == "text" and isinstance(value, str) and not value.strip():
                raise KgError(
                    f"parameter {n!r}",
                    None,
                    f"empty text ({value!r}); leave the parameter out to match any value",
                )
        row = " ".join(
            "UNDEF"
            if params.get(n) is None
            else str(to_term(params[n], self.parameters[n].kind, base, n))
            for n in names
        )
        values = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"
        return self.text[: block.start()] + values + self.text[block.end() :], {}


def to_term(value: Any, kind: str | None, base: str, name: str = "") -> Any:
    """An RDF term for a parameter value: converted by the declared kind, or, undeclared, by
    its Python type (strings that look like IRIs or numbers become IRIs or numbers)."""
    if isinstance(value, ox.NamedNode | ox.Literal | ox.BlankNode):
        return value
    what = f"parameter {name!r}" if name else "parameter"
    if kind is None:
        kind = _guess_kind(value)
    if kind == "iri":
        return ox.NamedNode(expand_iri(str(value), base, what))
    if kind == "text":
        return ox.Literal(str(value))
    if kind in ("integer", "decimal"):
        if isinstance(value, bool):
            raise KgError(what, None, f"expected a number, found {value!r}")
        text = str(value).replace(",", "").strip()
        if kind == "integer" and re.fullmatch(r"[+-]?\d+", text):
            return ox.Literal(text, datatype=ox.NamedNode(XSD + "integer"))
        if kind == "decimal" and re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            return ox.Literal(text, datatype=ox.NamedNode(XSD + "decimal"))
        expected = "a whole number" if kind == "integer" else "a number"
        raise KgError(what, None, f"expected {expected}, found {value!r}")
    if kind == "date":
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        for pattern, datatype in (
            (r"\d{4}-\d{2}-\d{2}", "date"),
            (r"\d{4}-\d{2}", "gYearMonth"),
            (r"\d{4}", "gYear"),
        ):
            if re.fullmatch(pattern, text):
                return ox.Literal(text, datatype=ox.NamedNode(XSD + datatype))
        raise KgError(what, None, f"expected a date (2007, 2007-11, 2007-11-15), found {value!r}")
    if isinstance(value, bool):
        return ox.Literal(value)
    raise KgError(what, None, f"unknown parameter kind {kind!r}")


def _guess_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float | Decimal):
        return "decimal"
    if isinstance(value, dt.date):
        return "date"
    text = str(value)
    if re.fullmatch(r"<[^<>\s]*>|(https?|urn|mailto):\S+|id:\S+", text):
        return "iri"
    # Only canonical numbers: "002" is an identifier, not the number 2.
    if re.fullmatch(r"[+-]?(0|[1-9]\d*)", text):
        return "integer"
    if re.fullmatch(r"[+-]?(0|[1-9]\d*)\.\d+", text):
        return "decimal"
    return "text"


def expand_iri(text: str, base: str, what: str = "IRI") -> str:
    """An absolute IRI from `<iri>`, an absolute IRI, or a prefixed name (`id:place/mexico`,
    `kg:Campaign`, `schema:Event`)."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, colon, local = text.partition(":")
    prefixes = prefix_map(base)
    if colon and prefix in prefixes and not local.startswith("//"):
        text = prefixes[prefix] + local
    try:
        return ox.NamedNode(text).value
    except ValueError as exc:
        raise KgError(what, None, f"{text!r} is not an IRI ({exc})") from None


def prefix_map(base: str) -> dict[str, str]:
    """The prefixes a query may use without declaring them, and tables use to shorten IRIs."""
    return {**{p: str(ns) for p, ns in PREFIXES.items()}, "id": f"{base}id/"}


# --------------------------------------------------------------------------------------------
# Named queries
# --------------------------------------------------------------------------------------------


def _queries_folder():
    return resources.files("kg") / "queries"


@cache
def named_queries() -> dict[str, Query]:
    """Every named query shipped with kg, by name (its file name without `.rq`)."""
    out = {}
    for entry in sorted(_queries_folder().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            out[name] = Query.parse(
                entry.read_text(encoding="utf-8"), f"kg/queries/{entry.name}", name
            )
    return out


def named_query(name: str) -> Query:
    queries = named_queries()
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, queries, n=3, cutoff=0.5)
    close += [q for q in queries if name in q and q not in close][: 3 - len(close)]
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise KgError(name, None, f"no such named query{hint} (`kg queries` lists them)")


def competency_map() -> dict[str, str]:
    """Competency question id -> the named query that answers it (from `# answers:` lines)."""
    out: dict[str, str] = {}
    for name, query in named_queries().items():
        for question in query.answers:
            if question in out:
                raise KgError(
                    query.source,
                    None,
                    f"{question} is already answered by {out[question]}; one query per question",
                )
            out[question] = name
    return dict(sorted(out.items()))
