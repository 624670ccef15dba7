"""Request bodies (the queries POSTed to /sparql and the query page): read in chunks, never
past their limit, and never more at once from one client than a few bodies of the largest
size. Each body is held until it has arrived whole, so without a bound per client one
address's connections made the server hold 64 bodies of 1.2 MB each for as long as they
took to arrive.
"""

from __future__ import annotations

import asyncio
from collections import Counter

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from kg.server.handling import plain_text

# How long a request body may take to arrive, whole (a slow body holds a connection).
BODY_SECONDS = 30
# The bodies one client may be sending at once, in bodies of the largest size: each is held
# until it has arrived whole, and one address's 64 connections held 64 of 1.2 MB for 30 s.
BODIES_PER_CLIENT = 4
# ... and all clients: a client is an address, an IPv6 address by its /64, and the clients of
# a /48 (65,536 of them) each sending their four had the server hold a body on each of the
# 1,000 connections it serves at once (1.2 GB).
BODIES_AT_ONCE = 32


class Bodies:
    """The bodies being received, by client, for a server whose queries are at most
    `max_query_length` characters."""

    def __init__(self, max_query_length: int) -> None:
        self.max_query_length = max_query_length
        # A query of `max_query_length` characters, each up to 4 bytes of UTF-8, each byte
        # percent-encoded in a form (3 characters), and the other form fields.
        self.limit = max_query_length * 12 + 64 * 1024
        # The bytes of the bodies each client is sending now, at most BODIES_PER_CLIENT
        # bodies of the largest size; one event loop: no lock needed.
        self.receiving: Counter[str] = Counter()
        self.total = 0  # the sum of `receiving`, at most BODIES_AT_ONCE bodies of that size

    async def read(self, request: Request, client: str) -> bytes | Response:
        """The body of a request, read in chunks and never past `limit`: a larger body
        (announced or sent) is refused with 413 without being kept. A client sends at most
        BODIES_PER_CLIENT bodies of that size at once, counted in bytes (a body's
        Content-Length from its start, a chunked body's bytes as they come): past it, 429
        with Retry-After, the body not read further."""
        codings = [
            coding.strip().lower()
            for field in request.headers.getlist("content-encoding")
            for coding in field.split(",")
        ]
        if any(coding not in ("", "identity") for coding in codings):
            # RFC 9110 section 8.4.1: a body in a content coding the server does not read is
            # 415; a gzipped query was read as its compressed bytes (400, "not UTF-8"), and a
            # body that said `br` and was not, run.
            return plain_text(
                415,
                "Unsupported Media Type: this endpoint reads request bodies without a content "
                f"coding, not {', '.join(codings)[:100]}; send the body as it is",
            )
        limit = self.limit
        too_large = plain_text(
            413,
            f"Payload Too Large: this endpoint takes request bodies of at most {limit:,} bytes "
            f"(queries of at most {self.max_query_length:,} characters)",
        )
        declared = request.headers.get("content-length", "").strip()
        announced = int(declared) if declared.isascii() and declared.isdigit() else 0
        if announced > limit:
            return too_large
        budget = limit * BODIES_PER_CLIENT
        too_many = plain_text(
            429,
            f"Too Many Requests: this client is sending more than {budget:,} bytes of request "
            "bodies at once; send them one after another",
        )
        too_many.headers["Retry-After"] = "10"
        everyone = limit * BODIES_AT_ONCE
        too_many_at_once = plain_text(
            503,
            f"Service Unavailable: the server is receiving more than {everyone:,} bytes of "
            "request bodies at once; send it again in a while",
        )
        too_many_at_once.headers["Retry-After"] = "10"
        counted = announced  # of this body's bytes, in the client's count
        self.receiving[client] += counted
        self.total += counted
        chunks, size = [], 0
        try:
            if self.receiving[client] > budget:
                return too_many
            if self.total > everyone:
                return too_many_at_once
            async with asyncio.timeout(BODY_SECONDS):
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limit:
                        return too_large
                    if size > counted:  # a body without a Content-Length
                        self.receiving[client] += size - counted
                        self.total += size - counted
                        counted = size
                        if self.receiving[client] > budget:
                            return too_many
                        if self.total > everyone:
                            return too_many_at_once
                    chunks.append(chunk)
        except TimeoutError:
            return plain_text(
                408, f"Request Timeout: the body did not arrive within {BODY_SECONDS} s"
            )
        except ClientDisconnect:
            return plain_text(400, "Bad Request: the client went away before its body ended")
        finally:
            self.receiving[client] -= counted
            self.total -= counted
            if self.receiving[client] <= 0:
                del self.receiving[client]
        return b"".join(chunks)
