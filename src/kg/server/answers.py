"""The answers `/sparql` keeps, so that a query asked again is answered without a worker.

The data `kg serve` reads never changes while it serves it: a publish is loaded into a new
generation of the store (`kg.store.generations`), and a server reads the generation it opened.
The answer to one query over one generation is therefore always the same bytes, and a
complete one is kept (`AnswerCache`): in memory, least recently used first out, within a bound
of total bytes (`kg serve --answer-cache-mib`, 0 keeps nothing), each answer at most
`MAX_KEPT_ANSWER` bytes.

What is kept: an answer with status 200, held whole (not streamed, so never cut), that the
worker finished within the limits. Refusals, errors, time-outs and 503/429 are never kept.

The key (`AnswerKey`) is everything the bytes depend on: the data version (`data_version`:
the generation opened, the publish, the base IRI and prefixes the workers give the engine),
the exact query text, the protocol's dataset (`default-graph-uri`, `named-graph-uri`, in
order) and the formats content negotiation chose (for SELECT/ASK and for CONSTRUCT/DESCRIBE;
the media type follows from them). A store switched to another generation has another data
version: no answer of the previous one can be found under it.

An answer to a GET carries a strong ETag made from the key (`AnswerKey.tag`); `If-None-Match`
naming it gets 304 Not Modified (RFC 9110 section 13.1.2). The tags of answers too large to keep
are kept too (a few hundred bytes each, counted in the bound), so that 304 is given without a
worker whether the body is kept or not; a tag not known is checked by running the query.

A query asked again while its first asking still runs does not take a second worker: it waits
for that run (`AnswerCache.running`, `start`, `finish`) and is answered with what it keeps, as
a cache in front of a web server coalesces requests. A run that failed for the query's own
sake (a time-out, an error of the engine: any status but 200, 429 and 503) gives the waiting
requests its answer too, as running the same query again would. It waits once: when the run
kept no body otherwise (too large, streamed, or refused for the load or its client's share),
it runs the query itself, as it would have; an answer known to be too large to keep (its tag
kept alone) is never waited for. A waiting request counts in its client's share of queries
in flight (`waiting`, `kg.server.querypool.QueryPool.refusal`), as a request waiting for a
worker does: one client cannot park more requests than it could queue.

The endpoint looks an answer up only after every check a query passes on its way to a worker
(`kg.server.endpoint`): what the guard refuses is never answered 200, so never kept, and its
verdict depends on the key's parts only (text, base, prefixes).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.server.sparql import Answer, QueryRequest

if TYPE_CHECKING:
    from kg.server.querypool import QueryPool
    from kg.server.site import Site

DEFAULT_ANSWER_CACHE_BYTES = 64 * 2**20
# A larger answer is not kept (its tag is): a few large answers would push out many small ones.
MAX_KEPT_ANSWER = 2**20
# What an entry costs beyond its body: the key, the tag, the media type and Python's objects.
ENTRY_OVERHEAD = 256


def data_version(site: Site, pool: QueryPool) -> str:
    """What the answers of `pool` (over `site`) are answers over: the data the workers read
    (the store's generation folder, or the published folder), the publish (its SHA256SUMS),
    when it was published or loaded, and the base IRI and prefixes the engine is given."""
    graph = site.graph
    described = [
        pool.source,
        site.version,
        site.modified,
        getattr(graph, "base", None),
        sorted(getattr(graph, "prefixes", {}).items()),
    ]
    return hashlib.sha256(json.dumps(described).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AnswerKey:
    """Which answer: a digest of the data version and of the query request's every part."""

    digest: bytes

    @classmethod
    def of(cls, version: str, request: QueryRequest) -> AnswerKey:
        if request.window is not None:  # the query page's rows, never asked at /sparql
            raise ValueError("a window of rows is not an answer of the endpoint")
        parts = [
            version,
            request.query,
            list(request.default_graphs),
            list(request.named_graphs),
            request.results_format,
            request.graph_format,
        ]
        # ASCII JSON escapes every character outside ASCII, lone surrogates too: one text,
        # one key.
        return cls(hashlib.sha256(json.dumps(parts).encode("ascii")).digest())

    @property
    def tag(self) -> str:
        """The answer's strong entity tag."""
        return f'"{self.digest.hex()[:40]}"'


def tag_matches(if_none_match: str | None, tag: str) -> bool:
    """Whether an If-None-Match field names `tag` (or is `*`), by the weak comparison that
    RFC 9110 section 13.1.2 prescribes for it."""
    if if_none_match is None:
        return False
    tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
    return "*" in tags or tag in tags


@dataclass(frozen=True)
class KeptAnswer:
    """A complete answer as kept: its body and media type (None: only its tag is kept)."""

    body: bytes | None
    media_type: str = ""

    @property
    def cost(self) -> int:
        return len(self.body or b"") + len(self.media_type) + ENTRY_OVERHEAD


class AnswerCache:
    """Complete answers by key, least recently used first out, within `max_bytes` in all and
    `max_answer` bytes an answer (a larger one keeps its tag only). Used on the event loop
    only: no lock."""

    def __init__(
        self, max_bytes: int = DEFAULT_ANSWER_CACHE_BYTES, max_answer: int = MAX_KEPT_ANSWER
    ) -> None:
        if max_bytes < 0:
            raise ValueError("the bound of the answer cache cannot be negative")
        self.max_bytes = max_bytes
        self.max_answer = max_answer
        self.size = 0
        self.hits = 0
        self.misses = 0
        self.waits = 0  # requests that waited for the same query's run (a count to read)
        self.waiting: Counter[str] = Counter()  # by client: requests waiting for a run now
        self._kept: OrderedDict[bytes, KeptAnswer] = OrderedDict()
        self._running: dict[bytes, Run] = {}

    def __len__(self) -> int:
        return len(self._kept)

    def known(self, key: AnswerKey) -> KeptAnswer | None:
        """What is kept of the answer of `key` (its body, or its tag alone), now the most
        recently used; None when nothing is."""
        kept = self._kept.get(key.digest)
        if kept is not None:
            self._kept.move_to_end(key.digest)
        return kept

    def get(self, key: AnswerKey) -> KeptAnswer | None:
        """The kept body of the answer of `key`, counted as a hit; else None, a miss."""
        kept = self.known(key)
        if kept is None or kept.body is None:
            self.misses += 1
            return None
        self.hits += 1
        return kept

    def keep(self, key: AnswerKey, answer: Answer) -> bool:
        """Keep `answer` if it is complete (200, held whole): its body when within
        `max_answer` bytes, else its tag. Whether anything was kept."""
        if not complete(answer) or self.max_bytes == 0:
            return False
        kept = (
            KeptAnswer(answer.body, answer.media_type)
            if len(answer.body) <= self.max_answer
            else KeptAnswer(None)
        )
        if kept.cost > self.max_bytes:
            return False
        self._drop(key.digest)
        self._kept[key.digest] = kept
        self.size += kept.cost
        while self.size > self.max_bytes:
            self._drop(next(iter(self._kept)))
        return True

    def running(self, key: AnswerKey) -> Run | None:
        """The run of the same query that a request for `key` may wait for: None when there
        is none, when nothing is kept, or when the answer is known to be too large to keep
        (waiting would only put the runs one after the other)."""
        if self.max_bytes == 0 or key.digest in self._kept:
            return None
        return self._running.get(key.digest)

    def start(self, key: AnswerKey) -> Run | None:
        """A run of the query of `key` starts: later requests for it may wait for it (None:
        another run of it is already the one waited for, or nothing is kept)."""
        if self.max_bytes == 0 or key.digest in self._running:
            return None
        run = self._running[key.digest] = Run()
        return run

    def finish(self, key: AnswerKey, run: Run | None, answer: Answer | None = None) -> None:
        """`run` of the query of `key` ended with `answer` (None: it was cancelled): wake
        the requests waiting for it, giving them the answer when it is the query's own
        failure."""
        if run is None:
            return
        if self._running.get(key.digest) is run:
            del self._running[key.digest]
        if answer is not None and shared_failure(answer):
            run.failed = answer
        run.done.set()

    def _drop(self, digest: bytes) -> None:
        kept = self._kept.pop(digest, None)
        if kept is not None:
            self.size -= kept.cost

    def clear(self) -> None:
        self._kept.clear()
        self.size = 0


class Run:
    """A query running for a request, that others asking the same may wait for: `done` is
    set when it ends; `failed`, the answer to give them when it failed for its own sake."""

    def __init__(self) -> None:
        self.done = asyncio.Event()
        self.failed: Answer | None = None


def shared_failure(answer: Answer) -> bool:
    """Whether `answer` is a failure of the query itself, the same for whoever asks it (a
    time-out, a refusal of the guard, an error of the engine), held whole: not 200, nor the
    429 of a client's share or the 503 of a full endpoint, which are about the load."""
    return answer.status not in (200, 429, 503) and answer.stream is None


def complete(answer: Answer) -> bool:
    """Whether `answer` is a whole result: 200, held whole (a streamed one may yet be cut)."""
    return answer.status == 200 and answer.stream is None and answer.total is None
