"""The route of the SPARQL 1.1 Protocol, `/sparql`: GET, POST of a form, POST of
`application/sparql-query`; results negotiated by Accept (or `format=`/`output=`), a Service
Description when asked without a query, the query page for a browser.

A complete answer is kept and given again without a worker, with a strong ETag
(`kg.server.answers`), once the query has passed every check a query passes on its way to a
worker.

What the service refuses and how its workers run queries is `kg.server.sparql`'s; here is
reading the request and sending the answer, whole or streamed.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse

from kg.server import conneg, profiles
from kg.server.answers import AnswerKey, complete, data_version, tag_matches
from kg.server.freshness import precondition_failed, precondition_response
from kg.server.handling import (
    RDF_CONTENT_TYPES,
    FormError,
    charset_refused,
    client_of_request,
    content_type,
    form_items,
    named_node,
    parameters,
    plain_text,
    query_text,
    unknown_format,
)
from kg.server.sparql import (
    FORMAT_PARAMS,
    GRAPH_MEDIA,
    RESULT_MEDIA,
    UPDATE_REFUSED,
    Answer,
    QueryRequest,
    format_override,
    refused,
    service_description,
)


class Endpoint:
    """`/sparql` over a `kg.server.app.Server` (its site, limits, query workers and query
    page)."""

    def __init__(self, server) -> None:
        self.server = server
        self.site = server.site

    async def sparql(self, request: Request) -> Response:
        if request.method == "OPTIONS":
            return Response(status_code=204, headers={"Allow": "GET, HEAD, POST, OPTIONS"})
        try:
            params = parameters(request)
        except FormError as exc:
            return plain_text(400, str(exc))
        # Whether the query is in the request's URI (414 when too long) or its body (413).
        in_uri = any(key == "query" for key, _ in params)
        body_query: str | None = None
        if request.method == "POST":
            media, charset = content_type(request)
            body = await self.server.read_body(request)
            if isinstance(body, Response):
                return body
            if media in ("application/x-www-form-urlencoded", "application/sparql-query"):
                refusal = charset_refused(charset)
                if refusal is not None:
                    return refusal
            if media == "application/x-www-form-urlencoded":
                try:
                    params += form_items(body)
                except FormError as exc:
                    return plain_text(400, str(exc))
            elif media == "application/sparql-query":
                try:
                    body_query = query_text(body)
                except FormError as exc:
                    return plain_text(400, str(exc))
            elif media == "application/sparql-update":
                return answer_response(refused(UPDATE_REFUSED))
            else:
                return plain_text(
                    415,
                    "Unsupported Media Type: POST a query as application/sparql-query or "
                    "as the form field query (application/x-www-form-urlencoded)",
                )
        if any(key == "update" for key, _ in params):
            return answer_response(refused(UPDATE_REFUSED))
        queries = [value for key, value in params if key == "query"]
        if body_query is not None:
            queries.append(body_query)
        if len(queries) > 1:
            return plain_text(400, "Bad Request: give exactly one query")
        named = [v for k, v in params if k in ("format", "output") and v.strip()]
        override = format_override(named)
        if named and override is None:
            # A format asked for and none understood: an answer in another would be taken for
            # the one asked for (the other routes answer 400 too).
            return unknown_format(named[0], FORMAT_PARAMS)
        if not queries:
            if request.method == "POST":
                return plain_text(400, "Bad Request: no query (the form field query is missing)")
            return self.service_description(request, override)
        text = queries[0]
        if len(text) > self.server.max_query_length:
            return plain_text(
                *((414, "URI Too Long") if in_uri else (413, "Payload Too Large")),
                f"the query is {len(text):,} characters long; this endpoint takes queries of "
                f"at most {self.server.max_query_length:,}",
            )
        default_graphs = tuple(v for k, v in params if k == "default-graph-uri")
        named_graphs = tuple(v for k, v in params if k == "named-graph-uri")
        for iri in default_graphs + named_graphs:
            try:
                named_node(iri)
            except ValueError:
                return plain_text(400, f"Bad Request: {iri!r} is not an IRI")
        if override:
            results_format, graph_format = override
        else:
            accept = request.headers.get("accept")
            wanted = conneg.negotiate(
                accept, [*RESULT_MEDIA, *GRAPH_MEDIA, "text/html", "application/xhtml+xml"]
            )
            if wanted in ("text/html", "application/xhtml+xml") and request.method == "GET":
                # The query page, at the address of the results: a cache must not give one
                # for the other.
                page = await self.server.query.page(request, {"query": text})
                page.headers["Vary"] = "Accept"
                return page
            results_format = RESULT_MEDIA.get(conneg.negotiate(accept, RESULT_MEDIA) or "")
            graph_format = GRAPH_MEDIA.get(conneg.negotiate(accept, GRAPH_MEDIA) or "")
        query = QueryRequest(text, default_graphs, named_graphs, results_format, graph_format)
        return await self.answer(request, query)

    async def answer(self, request: Request, query: QueryRequest) -> Response:
        """The answer to a query that passed the endpoint's checks: kept, or from a worker.
        What the pool refuses whether a query needs a worker or not (the client past its
        share, the endpoint stopping) is refused before an answer is looked up; a kept answer
        costs no worker, so is not charged to the client's share (`kg.server.answers`)."""
        pool, client = self.server.pool, client_of_request(request)
        answers = self.server.answers
        refusal = pool.refusal(client, also_waiting=answers.waiting[client])
        if refusal is not None:
            return answer_response(refusal)
        key = AnswerKey.of(data_version(self.server.site, pool), query)
        # Only the answer to a GET is a representation of its URI (RFC 9110 section 9.3.3):
        # a POST's answer has no entity tag, and its If-None-Match names none.
        tag = key.tag if request.method in ("GET", "HEAD") else None
        if tag and precondition_failed(request.headers, tag):
            # If-Match names another answer (of another query, format or data version)
            return precondition_response({"Vary": "Accept"})
        if_none_match = request.headers.get("if-none-match")
        if tag and tag_matches(if_none_match, tag) and answers.known(key) is not None:
            return not_modified(tag, CACHE_HIT)
        run = answers.running(key) if answers.known(key) is None else None
        if run is not None:
            # The same query is running for another request: its answer is this one's.
            answers.waits += 1
            answers.waiting[client] += 1
            try:
                await run.done.wait()
            finally:
                answers.waiting[client] -= 1
                if not answers.waiting[client]:
                    del answers.waiting[client]
            if tag and tag_matches(if_none_match, tag) and answers.known(key) is not None:
                return not_modified(tag, CACHE_HIT)
            if run.failed is not None:
                return answer_response(run.failed)
        kept = answers.get(key)
        if kept is not None:
            headers = {"Vary": "Accept", "Server-Timing": CACHE_HIT, **validators(tag)}
            return Response(kept.body, 200, headers=headers, media_type=kept.media_type)
        run = answers.start(key)
        answer = None
        try:
            answer = await pool.answer(query, client)
            if complete(answer) and not answer.volatile:
                answers.keep(key, answer)
        finally:
            answers.finish(key, run, answer)  # after the keep: those waiting find it kept
        if not complete(answer) or answer.volatile:  # (no tag: a 304 would replay it)
            return answer_response(answer)
        if tag and tag_matches(if_none_match, tag):
            return not_modified(tag, query_timing(answer))
        return answer_response(answer, tag)

    def service_description(self, request: Request, override=None) -> Response:
        """The Service Description, in the RDF format `format=` names (`override`, as
        `format_override` reads it: `format=json` is JSON-LD) or else Accept prefers; a format
        of results only (CSV) is 406. `format=` was not read here: `format=bogus` and
        `format=csv` were answered in Turtle."""
        if override:
            fmt = override[1]
            if fmt is None:
                return plain_text(
                    406, "Not Acceptable: the service description is RDF (format=turtle, ...)"
                )
        else:
            accept = request.headers.get("accept")
            fmt = conneg.negotiate_rdf(accept, ["turtle", "ntriples", "rdfxml", "jsonld", "html"])
        if fmt == "html":
            return RedirectResponse("/query", status_code=303, headers={"Vary": "Accept"})
        if fmt is None:
            return plain_text(406, "Not Acceptable: the service description is RDF")
        # The endpoint's IRI from the configured base (`--base`, else the graph's; it is
        # served at this server's root), never from the request's Host header: the
        # description is RDF, which needs an absolute IRI.
        endpoint = self.site.iri("sparql")
        site = self.site
        triples = service_description(
            endpoint,
            site.dataset().get("ds", f"{site.base}id/dataset/kg"),
            {g: n for g, n in site.graph_sizes.items()},
            site.triples,
            self.server.pool,
            site.dataset().get("title"),
        )
        triples += profiles.service_triples(endpoint)  # the profiles of the descriptions
        return self.server.cached(request, site.rdf(triples, fmt), RDF_CONTENT_TYPES[fmt])


def answer_response(answer: Answer, tag: str | None = None) -> Response:
    headers = {"Vary": "Accept", **answer.headers, **validators(tag)}
    if answer.stream is not None:  # larger than the server holds: sent as it is written
        return StreamingResponse(
            answer.stream.chunks(), answer.status, headers=headers, media_type=answer.media_type
        )
    if answer.seconds:
        headers["Server-Timing"] = query_timing(answer)
    return Response(answer.body, answer.status, headers=headers, media_type=answer.media_type)


# How an answer was made, in the standard Server-Timing header (which every answer of a worker
# carries): a kept one says so.
CACHE_HIT = 'cache;desc="hit"'


def query_timing(answer: Answer) -> str:
    return f"query;dur={answer.seconds * 1000:.1f}"


def validators(tag: str | None) -> dict[str, str]:
    """The headers of an answer with an entity tag: clients and caches ask again with
    If-None-Match, and have 304 while the data is the same."""
    return {"ETag": tag, "Cache-Control": "no-cache"} if tag else {}


def not_modified(tag: str, timing: str) -> Response:
    """304 for a client whose copy is current (RFC 9110 section 15.4.5: the headers a 200
    would have sent that describe it)."""
    headers = {"Vary": "Accept", "Server-Timing": timing, **validators(tag)}
    return Response(status_code=304, headers=headers)
