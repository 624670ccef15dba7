"""What a query worker of `kg serve` holds once it has answered (issue 21: server plus workers
under 1 GB at 10,000 documents): the memory a query's evaluation freed is given back to the
system, not kept in the worker's heap until a later query reuses it."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from kg.server import sandbox
from kg.server.querypool import QueryPool
from kg.server.sparql import QueryRequest, json_table

# Every triple of the seed graph twenty times, made distinct: the engine holds each of the
# 400,000 rows in an allocation of its own (some 40 MB, freed once it has counted them).
DISTINCT_ROWS = (
    "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o ?x WHERE { ?s ?p ?o . "
    "VALUES ?x { 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 } } }"
)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _anonymous(pid: int) -> int:
    """The private memory a process holds (RssAnon, bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no RssAnon for {pid}")


def _ask(pool: QueryPool, text: str):
    async def run():
        return await pool.answer(QueryRequest(text), stream=False)

    return asyncio.run(run())


@linux_only
def test_a_worker_gives_back_what_a_query_freed_once_it_has_answered(published_store):
    """Before, the ~40 MB the engine freed stayed in the worker's heap after the answer (its
    private memory 40 MB above what it held when ready, until the worker was replaced)."""
    pool = QueryPool(None, 1, 60.0, 10**8, published_store, worker_recycle=0)
    try:
        pool.wait_ready()
        (worker,) = pool._workers
        # One small query first: the guard's parser and the store's first blocks, which stay.
        assert _ask(pool, "ASK { ?s ?p ?o }").status == 200
        before = _anonymous(worker.process.pid)
        answer = _ask(pool, DISTINCT_ROWS)
        assert answer.status == 200
        assert int(json_table(answer.body)[1][0]["n"]["value"]) > 100_000
        assert _anonymous(worker.process.pid) - before < 16 * 2**20
    finally:
        pool.close()


@linux_only
def test_the_allocator_gives_its_free_pages_back():
    assert sandbox.release_memory() is True
