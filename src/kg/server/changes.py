"""Releases and what changed between them, on the site: the changelog (`/changes`), one
release's change set (`/changes/VERSION`), what the latest release changed about a thing (on
its page), and an indicator's values across documents and releases (`/indicators/NAME`).

A publish over an earlier release keeps every change set in `dist/changes/VERSION.rdfp`
(RDF Patch, written and read by `kg.publish.releases`):
the quads removed from the release before and
the quads added. Each names its release (`H id`) and the one before (`H prev`), so the files
chain from the release being served (VoID's `dcat:version`) back to the oldest kept. A file
is read once (its rows parsed in bulk by the N-Quads parser) and kept, with an index of the
rows by the IRIs they are about; a change set of more than MAX_ROWS rows is listed with its
counts only (its file has them all).

An indicator's values, and which of them documents disagree on, are read by
`kg.server.indicators`.
"""

from __future__ import annotations

import functools
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response

from kg.publish import releases
from kg.server import paging
from kg.server.indicators import (
    MEASURES,
    IndicatorSummary,
    compared_properties,
    described_values,
    indicator_value,
)
from kg.server.paging import PagingError, PastTheEnd

# A change set of more rows than this is listed by its counts only (about 300 bytes a row
# kept in memory).
MAX_ROWS = 200_000
# Rows of a change set a page shows, unless `limit` asks for fewer.
ROWS_A_PAGE = 200
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
KG = "https://kg.example.org/def/kg#"
QB = "http://purl.org/linked-data/cube#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
INDICATORS = "id/concept/indicators/"


@dataclass
class Row:
    """One row of a change set: ADDED or REMOVED, and the quad."""

    op: str
    quad: ox.Quad

    @property
    def line(self) -> str:
        """The quad as an N-Quads line (without its end)."""
        return str(self.quad) + " ."

    @property
    def graph(self) -> str:
        return releases.graph_of(self.quad)


@dataclass
class Release:
    """A change set kept in dist/changes/: the release it leads to and the one before, its
    counts by named graph, and (unless it is over MAX_ROWS) its rows."""

    name: str  # the file's name
    version: str  # the release's dcat:version
    version_iri: str
    previous_iri: str | None
    added: Counter
    removed: Counter
    rows: list[Row] | None = None  # None: over MAX_ROWS
    about: dict[str, list[int]] = field(default_factory=dict)  # IRI -> rows about it

    @property
    def previous(self) -> str | None:
        return _version_of(self.previous_iri) if self.previous_iri else None

    @property
    def href(self) -> str:
        return "/changes/" + quote(self.version, safe="")

    @property
    def file_href(self) -> str:
        return f"/dist/{releases.CHANGES}/{quote(self.name)}"

    @property
    def total(self) -> int:
        return sum(self.added.values()) + sum(self.removed.values())

    def graphs(self) -> list[tuple[str, int, int]]:
        return [
            (g, self.added[g], self.removed[g]) for g in sorted(set(self.added) | set(self.removed))
        ]


def _version_of(iri: str) -> str:
    return unquote(iri.rpartition("/version/")[2])


def read(path: Path) -> Release:
    """A change set file: its headers, counts and rows (rows left out past MAX_ROWS), as
    `releases.read_patch` reads them (a row kg does not write is a KgError naming its line)."""
    changes, found = releases.read_patch(path.read_bytes(), str(path))
    release = Release(
        name=path.name,
        version=_version_of(changes.version),
        version_iri=changes.version,
        previous_iri=changes.previous,
        added=changes.added,
        removed=changes.removed,
    )
    if len(found) <= MAX_ROWS:
        rows = sorted(
            (Row(op, q) for op, q in found),
            key=lambda r: (r.graph, str(r.quad.subject), r.op != releases.REMOVED, r.line),
        )
        release.rows = rows
        for number, row in enumerate(rows):
            for term in (row.quad.subject, row.quad.object):
                if isinstance(term, ox.NamedNode):
                    release.about.setdefault(term.value, []).append(number)
    return release


@functools.lru_cache(maxsize=8)
def _read_kept(path: str, stamp: tuple[float, int]) -> Release:
    return read(Path(path))


class Releases:
    """The change sets of a publish folder, in order from the release served back."""

    def __init__(self, site) -> None:
        self.site = site
        self.folder = site.dist / releases.CHANGES
        self._lock = threading.Lock()
        self._list: list[Release] | None = None

    def current(self) -> tuple[str | None, str | None]:
        """The served release's version and the previous one's (VoID's dcat:version)."""
        rows = self.site.void.query(
            f"""SELECT ?version ?previous WHERE {{ GRAPH <urn:x-kg:void> {{
                 ?ds <{DCAT}version> ?version .
                 OPTIONAL {{ ?ds <{DCAT}previousVersion>/<{DCAT}version> ?previous }}
                 FILTER NOT EXISTS {{ ?other <{DCAT}previousVersion> ?ds }} }} }} LIMIT 1"""
        )
        for row in rows:
            return (row["version"].value, row["previous"].value if row["previous"] else None)
        return None, None

    def all(self) -> list[Release]:
        """Every change set, the served release's first, then back along `H prev`; any not
        on that chain after them, by name."""
        with self._lock:
            if self._list is None:
                self._list = self._find()
            return self._list

    def _find(self) -> list[Release]:
        if not self.folder.is_dir():
            return []
        found = {}
        for path in sorted(self.folder.glob("*" + releases.SUFFIX)):
            if path.is_file() and not path.is_symlink():
                stat = path.stat()
                release = _read_kept(str(path), (stat.st_mtime, stat.st_size))
                found[release.version_iri] = release
        version, _ = self.current()
        ordered = []
        at = next((r for r in found.values() if r.version == version), None)
        while at is not None and at not in ordered:
            ordered.append(at)
            at = found.get(at.previous_iri) if at.previous_iri else None
        ordered += sorted((r for r in found.values() if r not in ordered), key=lambda r: r.name)
        return ordered

    def latest(self) -> Release | None:
        """The change set that leads to the served release, if kept."""
        version, _ = self.current()
        found = self.all()
        return found[0] if found and found[0].version == version else None

    def named(self, version: str) -> Release | None:
        return next((r for r in self.all() if r.version == version), None)

    def about(self, iri: str) -> tuple[Release, list[Row]] | None:
        """The rows of the latest change set about `iri` (as subject or object)."""
        latest = self.latest()
        if latest is None or latest.rows is None or iri not in latest.about:
            return None
        return latest, [latest.rows[n] for n in latest.about[iri]]


def history(found: list[Release], indicator: str, observations: set[str]) -> list[dict]:
    """The values of the indicator's observations (those of the served release, and those a
    change set removed whole) that each kept change set removed and added, release by release
    (newest first): what the change sets allow of the indicator's past."""
    out = []
    for release in found:
        if release.rows is None:
            continue
        former = {
            r.quad.subject.value
            for r in release.rows
            if r.quad.predicate.value == KG + "indicator" and r.quad.object.value == indicator
        }
        changed: dict[str, dict] = {}
        for row in release.rows:
            subject = row.quad.subject.value
            if row.quad.predicate.value not in MEASURES:
                continue
            if subject not in observations and subject not in former:
                continue
            entry = changed.setdefault(
                subject, {"observation": subject, "graph": row.graph, "removed": [], "added": []}
            )
            which = "removed" if row.op == releases.REMOVED else "added"
            entry[which].append(row.quad.object.value)
        if changed:
            out.append({"release": release, "changes": [changed[k] for k in sorted(changed)]})
    return out


# --------------------------------------------------------------------------------------------
# The pages
# --------------------------------------------------------------------------------------------


def _text(status: int, message: str) -> Response:
    return Response(message + "\n", status, media_type="text/plain; charset=utf-8")


class Pages:
    """The routes of the changelog, a release's change set and the indicators' pages, over
    a `kg.server.app.Server` (its site, templates and caching)."""

    def __init__(self, server) -> None:
        self.server = server
        self.site = server.site
        self.releases = Releases(server.site)
        # Each indicator's summary, made once (the data does not change while it is served):
        # the page of an indicator with 75,357 observations took 30 s and 400 MB a request at
        # 10,000 synthetic documents. Each is made once; a request for it meanwhile waits.
        self._summaries: dict[str, IndicatorSummary] = {}
        self._making: dict[str, threading.Lock] = {}
        self._summarizing = threading.Lock()  # guards `_making`

    def _page(self, request: Request, total: int, what: str, limit: int = paging.DEFAULT_LIMIT):
        try:
            wanted = paging.parse(request.query_params.multi_items(), limit)
            return wanted, paging.page_of(wanted, total, what)
        except PagingError as exc:
            return _text(400, f"Bad Request: {exc}"), None
        except PastTheEnd as exc:
            return _text(404, f"Not Found: {exc}"), None

    def _answer(self, request: Request, template: str, path: str, wanted, page, **context):
        found = paging.links(path, [], wanted, page)
        response = self.server.html(request, template, page=page, pager=found, **context)
        response.headers.update(paging.link_headers(found))
        return response

    def changelog(self, request: Request) -> Response:
        """`/changes`: every kept release, newest first, with its quads added and removed by
        named graph and its change set's file."""
        found = self.releases.all()
        wanted, page = self._page(request, len(found), "the releases")
        if page is None:
            return wanted
        version, previous = self.releases.current()
        return self._answer(
            request,
            "changes.html",
            "/changes",
            wanted,
            page,
            releases=found[page.start : page.end],
            version=version,
            previous=previous,
        )

    def release(self, request: Request) -> Response:
        """`/changes/VERSION`: a release's change set, the quads removed and added by named
        graph, in pages."""
        release = self.releases.named(request.path_params["version"])
        if release is None:
            return self.server.not_found(request, request.url.path)
        rows = release.rows or []
        wanted, page = self._page(request, len(rows), "the rows of this change set", ROWS_A_PAGE)
        if page is None:
            return wanted
        return self._answer(
            request,
            "release.html",
            release.href,
            wanted,
            page,
            release=release,
            rows=shown_rows(self.site, rows[page.start : page.end]),
        )

    def indicators(self, request: Request) -> Response:
        """`/indicators`: every indicator with its number of observations."""
        counted = self.site.select(
            f"""SELECT ?indicator (COUNT(DISTINCT ?o) AS ?n) WHERE {{
                 ?o <{KG}indicator> ?indicator }} GROUP BY ?indicator ORDER BY ?indicator"""
        )
        prefix = self.site.base + INDICATORS
        listed = [
            (
                self.site.term(ox.NamedNode(row["indicator"])),
                row["n"],
                row["indicator"][len(prefix) :],
            )
            for row in counted
            if row["indicator"].startswith(prefix)
        ]
        listed.sort(key=lambda item: (item[0].label.casefold(), item[0].value))
        wanted, page = self._page(request, len(listed), "the indicators")
        if page is None:
            return wanted
        return self._answer(
            request,
            "indicators.html",
            "/indicators",
            wanted,
            page,
            indicators=listed[page.start : page.end],
        )

    def indicator(self, request: Request) -> Response:
        """`/indicators/NAME`: an indicator's values across documents, each with its quotes,
        disagreements flagged, and across the kept releases."""
        name = request.path_params["name"]
        iri = self.site.base + INDICATORS + name
        if "/" in name or not _valid(iri):
            return self.server.not_found(request, request.url.path)
        summary = self._summary(iri)
        if not summary.observations:
            return self.server.not_found(request, iri)
        total = len(summary.observations)
        wanted, page = self._page(request, total, "the values of this indicator")
        if page is None:
            return wanted
        properties = compared_properties(self.site.store)
        values = []
        for observation in summary.observations[page.start : page.end]:
            value = indicator_value(self.site, ox.NamedNode(observation), properties)
            summary.flag(value)
            value.quotes, _ = self.site.evidence(value.observation)
            values.append(value)
        return self._answer(
            request,
            "indicator.html",
            "/indicators/" + quote(name),
            wanted,
            page,
            iri=iri,
            values=values,
            total=total,
            disagreeing=summary.disagreeing,
            history=history(self.releases.all(), iri, set(summary.observations)),
        )

    def _summary(self, iri: str) -> IndicatorSummary:
        """The summary of an indicator's observations, made the first time it is asked for
        (one indicator's at a time: others, made or not, are read meanwhile), and kept for
        an indicator that has observations only (so that no name kg does not know is kept)."""
        kept = self._summaries.get(iri)
        if kept is not None:
            return kept
        with self._summarizing:
            making = self._making.setdefault(iri, threading.Lock())
        with making:
            kept = self._summaries.get(iri)
            if kept is None:
                kept = IndicatorSummary.of(described_values(self.site, iri))
                if kept.observations:
                    self._summaries[iri] = kept
            with self._summarizing:
                self._making.pop(iri, None)
        return kept

    def context(self, iri: str) -> dict:
        """What a resource's page shows of the releases: the rows of the latest change set
        about it, and for an indicator the address of its values' page."""
        out: dict = {}
        about = self.releases.about(iri)
        if about is not None:
            release, rows = about
            out["changed"] = {"release": release, "rows": shown_rows(self.site, rows)}
        if iri.startswith(self.site.base + INDICATORS):
            out["indicator_href"] = "/indicators/" + quote(iri[len(self.site.base + INDICATORS) :])
        return out


def _valid(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def shown_rows(site, rows: list[Row]) -> list[dict]:
    """Rows as a page shows them: what changed (added, removed, or, for a value removed and
    another added to the same subject and property in the same graph, corrected), the quad's
    terms with labels and links, and its N-Quads line."""
    pairs = Counter((r.quad.subject, r.quad.predicate, r.graph, r.op) for r in rows)
    out = []
    for r in rows:
        other = releases.ADDED if r.op == releases.REMOVED else releases.REMOVED
        corrected = pairs[(r.quad.subject, r.quad.predicate, r.graph, other)] > 0
        out.append(
            {
                "op": r.op,
                "kind": ("corrected, was" if r.op == releases.REMOVED else "corrected, now")
                if corrected
                else ("added" if r.op == releases.ADDED else "removed"),
                "subject": site.term(r.quad.subject),
                "predicate": site.term(r.quad.predicate),
                "object": site.term(r.quad.object),
                "graph": site.term(r.quad.graph_name) if r.graph else None,
                "line": r.line,
            }
        )
    return out
