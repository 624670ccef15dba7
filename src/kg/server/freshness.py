"""Whether a client's copy of a page or a file is current by its date (`If-Modified-Since`,
RFC 9110 sections 13.1.3 and 13.2.2), for the pages of `kg serve` and the files it serves
(`Files`, Starlette's static files with the same reading of the header, and `FileAnswer`, a
file's answer reading `Range` as RFC 9110 section 14.2 does)."""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime

from starlette.datastructures import Headers
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.staticfiles import NotModifiedResponse, StaticFiles


def http_date(value: str) -> float | None:
    """The time an HTTP date (`If-Modified-Since`) names, or None when it names none: a
    recipient ignores a value that is not a date (RFC 9110 section 13.1.3). A day, year or time
    too large for a date is none either (`parsedate_to_datetime` raised OverflowError, and
    `If-Modified-Since: 1 Jan 99999999999999999999 00:00:00` made every page 500)."""
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def unmodified_since(value: str | None, modified: float, now: float | None = None) -> bool:
    """Whether a copy of `value`'s date (the header's value, or None) is as new as what was
    `modified` then. A date later than the server's clock is no date (RFC 7232 section 3.3
    called it invalid; servers such as Apache ignore it): taken as a date, it told a client
    that an old copy was current for as long as the date lay ahead, whatever the data became."""
    since = http_date(value) if value else None
    if since is None or since > (time.time() if now is None else now):
        return False
    return int(modified) <= since


def precondition_failed(headers, etag: str, modified: float | None = None) -> bool:
    """Whether `If-Match` or, without it, `If-Unmodified-Since` is false for the current
    representation, of entity tag `etag` (strong) and last `modified` (RFC 9110 section
    13.2.2, steps 1 and 2: the server MUST evaluate them, and answer 412 when false): an
    `If-Match` that names neither the tag (compared strongly: a weak tag matches nothing) nor
    `*`; a date, not later than the server's clock, before the representation's. They were
    ignored: a client that made its request depend on the version it had got the current
    one, 200 or 206, whatever the version."""
    if_match = headers.get("if-match")
    if if_match is not None:
        tags = [tag.strip() for tag in if_match.split(",")]
        return "*" not in tags and etag not in tags
    if modified is None:
        return False
    since = headers.get("if-unmodified-since")
    when = http_date(since) if since else None
    return when is not None and when <= time.time() and int(modified) > when


def precondition_response(headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(
        "Precondition Failed: the representation is not the one If-Match or "
        "If-Unmodified-Since names\n",
        412,
        headers=headers,
    )


class FileAnswer(FileResponse):
    """Starlette's answer of a file, with a `Range` in a unit other than bytes ignored: the
    whole file, 200 (RFC 9110 section 14.2: a server MUST ignore a range unit it does not
    understand; Starlette answered 400, and a client asking for `items=0-9`, or a proxy
    passing on a unit of its own, got no file)."""

    @classmethod
    def _parse_range_header(cls, http_range: str, file_size: int) -> list[tuple[int, int]]:
        unit, _, _ = http_range.partition("=")
        if unit.strip().lower() != "bytes":
            return []  # no range: the whole file
        return super()._parse_range_header(http_range, file_size)


class Files(StaticFiles):
    """Starlette's static files, with `If-Modified-Since` read as the pages read it (Starlette
    answered 304 to any date not before the file's, one in the future too), and `Range` as
    `FileAnswer` reads it."""

    def cache_control(self, scope) -> str | None:
        """The `Cache-Control` of a file's answers (a subclass's choice; none here)."""
        return None

    def file_response(self, full_path, stat_result, scope, status_code=200) -> Response:
        response = FileAnswer(full_path, status_code=status_code, stat_result=stat_result)
        if cache := self.cache_control(scope):
            response.headers["Cache-Control"] = cache
        headers = Headers(scope=scope)
        if precondition_failed(headers, response.headers["etag"], stat_result.st_mtime):
            return precondition_response()
        if self.is_not_modified(response.headers, headers):
            return NotModifiedResponse(response.headers)
        return response

    def is_not_modified(self, response_headers: Headers, request_headers: Headers) -> bool:
        if request_headers.get("if-none-match"):
            return super().is_not_modified(response_headers, request_headers)
        modified = http_date(response_headers.get("last-modified", ""))
        return modified is not None and unmodified_since(
            request_headers.get("if-modified-since"), modified
        )
