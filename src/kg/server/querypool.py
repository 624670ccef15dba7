"""The query worker processes of `/sparql` and the pool that admits queries to them.

Each worker is a process that denies itself the network, opens the graph once (the on-disk
store read-only, or the published files into memory) and runs queries with
`kg.server.execution`, under a memory limit; the pool waits for an answer at most the time
limit, and replaces a worker that ran out of time or memory or died. An answer larger than
`kg.server.sparql.HOLD` is streamed to the client as the worker writes it (`ResultStream`), and
cut, saying why, if it then passes a limit (`AnswerCut`). See `kg.server.sparql` for the whole
service and what it refuses.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.server import sandbox, sparql
from kg.server.execution import execute
from kg.server.sparql import (
    DEFAULT_MAX_RESULT_BYTES,
    DEFAULT_QUEUE_WAIT,
    DEFAULT_TIME_LIMIT,
    DEFAULT_WORKER_MEMORY,
    DEFAULT_WORKER_RECYCLE,
    DEFAULT_WORKERS,
    GUARD_RECURSION_LIMIT,
    STREAM_AHEAD,
    Answer,
    QueryRequest,
    busy,
    out_of_memory,
    refused,
)
from kg.store.query import PublishedGraph

# --------------------------------------------------------------------------------------------
# Worker processes
# --------------------------------------------------------------------------------------------


def _open_graph(source: tuple[str, str]) -> PublishedGraph:
    """The graph a worker queries: ("dist", folder) loads the published files into memory,
    ("store", path) opens a store made by `kg load`, read-only."""
    kind, where = source
    if kind == "store":
        from kg.store.embedded import StoreGraph

        return StoreGraph(where)
    return PublishedGraph(where)


def _worker_main(
    conn, source: tuple[str, str], max_result_bytes: int, memory_limit: int, recycle: int = 0
) -> None:
    """A worker process: deny itself the network, open the graph once, bound its memory, then
    answer queries (giving back what each one's evaluation freed) until the pipe closes or it
    holds `recycle` bytes more than when ready (the store's caches): then it asks to be replaced
    with its answer (a new one starts in 0.02 s). A watchdog ends it if the server dies."""
    warning = ""
    try:
        sandbox.deny_network()
    except sandbox.SandboxUnavailable as exc:
        warning = (
            f"query workers are not denied the network ({exc}); the guard alone refuses SERVICE"
        )
    sys.setrecursionlimit(max(sys.getrecursionlimit(), GUARD_RECURSION_LIMIT))
    # An allocation past the memory limit aborts the engine: one line in the log, no backtrace.
    os.environ["RUST_BACKTRACE"] = "0"
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, daemon=True, name="kg-worker-watchdog").start()
    try:
        graph = _open_graph(source)
    except KgError as exc:
        conn.send(("failed", str(exc)))
        return
    sandbox.limit_memory(memory_limit)
    conn.send(("ready", warning))
    baseline = sandbox.resident_size()
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        answer = execute(graph, request, max_result_bytes, memory_limit, emit=conn.send)
        sandbox.release_memory()  # else kept by the allocator, and counted below
        if recycle and baseline and sandbox.resident_size() - baseline > recycle:
            answer.replace_worker = True
        conn.send(answer)
        if answer.replace_worker:
            return


def _worker_context():
    """How workers are started: forked from a process that has imported what a worker needs
    (multiprocessing's forkserver, a single-threaded process started once), so a worker is
    ready, and a stopped one replaced, in the time it takes to open the store; spawned (a new
    interpreter importing kg, most of a second) where there is no forkserver. Never forked
    from the server itself, whose threads may hold locks."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.server.querypool", "kg.store.embedded"])
    return context


class _Worker:
    def __init__(
        self, context, source: tuple[str, str], max_result_bytes: int, memory: int, recycle: int
    ):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, source, max_result_bytes, memory, recycle),
            daemon=True,
            name="kg-query-worker",
        )
        self.process.start()
        child.close()
        self.ready = False
        self.warning = ""
        # The server's start-up and the worker's dispatching thread may both wait for it.
        self._starting = threading.Lock()

    def wait_ready(self, timeout: float = 300.0) -> None:
        with self._starting:
            self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        if not self.conn.poll(timeout):
            raise KgError("kg serve", None, "a query worker did not start in time")
        try:
            status, detail = self.conn.recv()
        except (EOFError, OSError):
            raise KgError("kg serve", None, "a query worker stopped while starting") from None
        if status != "ready":
            raise KgError("kg serve", None, f"a query worker could not load the graph: {detail}")
        self.warning = detail
        self.ready = True

    def ask(self, request: QueryRequest) -> None:
        self.wait_ready()
        self.conn.send(request)

    def receive(self, deadline: float):
        """The worker's next message (an Answer, or a ("start", ...) or ("chunk", bytes) of a
        streamed one), or None when none came before `deadline` (`time.monotonic()`)."""
        if not self.conn.poll(max(0.0, deadline - time.monotonic())):
            return None
        return self.conn.recv()

    def exit_code(self) -> int | None:
        self.process.join(1)
        return self.process.exitcode

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class AnswerCut(Exception):
    """A streamed answer stopped before its end (past the size or time limit, or its worker
    died): the connection is closed before the body's end."""


@dataclass(frozen=True)
class _Cut:
    message: str


_END = object()


class ResultStream:
    """The body of an answer too large to hold: what the worker wrote before it was sent
    (`held`), then the chunks a slot thread puts as the worker writes them, read by the
    response on the event loop `loop`. The slot thread waits while STREAM_AHEAD chunks are
    unread (a slow reader slows the worker, within the time limit)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, held: list[bytes]) -> None:
        self._loop = loop
        self._held = held
        self._queue: asyncio.Queue = asyncio.Queue(STREAM_AHEAD)
        self.gone = False  # the client went away: what comes next is dropped

    def put(self, item, deadline: float) -> bool:
        """Hand a chunk (or the end, or a cut) to the reader; False when it went away.
        TimeoutError when it has not made room by `deadline`."""
        if self.gone:
            return False
        try:
            done = asyncio.run_coroutine_threadsafe(self._queue.put(item), self._loop)
        except RuntimeError:  # the event loop is closed: the server stopped
            self.gone = True
            return False
        try:
            done.result(max(0.0, deadline - time.monotonic()))
        except concurrent.futures.TimeoutError:
            done.cancel()
            raise TimeoutError from None
        return not self.gone

    def cut(self, message: str) -> None:
        """End the stream with why it stops, without waiting for room (the reader drops a
        chunk to make it)."""
        if self.gone:
            return

        def put() -> None:
            if self._queue.full():
                self._queue.get_nowait()
            self._queue.put_nowait(_Cut(message))

        with contextlib.suppress(RuntimeError):  # the event loop is closed
            self._loop.call_soon_threadsafe(put)

    async def chunks(self):
        """The body, chunk by chunk; after a cut, a line saying why, then AnswerCut."""
        try:
            while self._held:
                yield self._held.pop(0)
            while True:
                item = await self._queue.get()
                if item is _END:
                    return
                if isinstance(item, _Cut):
                    yield f"\n\nkg serve: the answer is cut here: {item.message}\n".encode()
                    raise AnswerCut(item.message)
                yield item
        finally:
            self.gone = True
            self._held = []
            while not self._queue.empty():  # a slot thread waiting for room goes on
                self._queue.get_nowait()


@dataclass(eq=False)
class _Job:
    """A query waiting for, or running in, a worker."""

    request: QueryRequest
    client: str
    future: Future = field(default_factory=Future)
    state: str = "waiting"  # then "running", "abandoned" when it waited too long, "gone"
    # The event loop that waits for the answer, which a streamed answer is read on (None: the
    # answer is held whole, up to the size limit).
    loop: asyncio.AbstractEventLoop | None = None


class QueryPool:
    """Worker processes that run queries with a time and a memory limit (see the module's
    docstring), on the published files of `dist` or, given `store`, on a store made by
    `kg load`.

    Admission is bounded and fair, and never holds a thread of the web server:

    - each worker has its own dispatching thread; a query waits in a short queue (`queue_size`
      places) for a worker, at most `queue_wait` seconds, then it is refused with 503 and
      Retry-After; a full queue refuses at once;
    - one client (its address) runs at most `per_client` queries at once (by default one fewer
      than the workers, so that a client sending slow queries always leaves a worker to the
      others) and waits with at most as many more; past that it is refused with 429;
    - a free worker takes the oldest waiting query of a client under its share.
    """

    def __init__(
        self,
        dist: Path | str | None,
        workers: int = DEFAULT_WORKERS,
        time_limit: float = DEFAULT_TIME_LIMIT,
        max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
        store: Path | str | None = None,
        *,
        memory_limit: int = DEFAULT_WORKER_MEMORY,
        worker_recycle: int = DEFAULT_WORKER_RECYCLE,
        queue_size: int | None = None,
        queue_wait: float = DEFAULT_QUEUE_WAIT,
        per_client: int | None = None,
    ) -> None:
        if workers < 1:
            raise KgError("--workers", None, "at least one worker is needed")
        if time_limit <= 0:
            raise KgError("--query-timeout", None, "the time limit must be positive")
        if max_result_bytes < 1:
            raise KgError("--max-result-size", None, "the size limit must be positive")
        if memory_limit < 16 * 2**20:
            raise KgError("--worker-memory", None, "give a query at least 16 MiB")
        if worker_recycle < 0:
            raise KgError("--worker-recycle", None, "the memory cannot be negative")
        if queue_size is not None and queue_size < 0:
            raise KgError("--queue", None, "the queue cannot be negative")
        if queue_wait <= 0:
            raise KgError("--queue-wait", None, "the wait must be positive")
        if per_client is not None and per_client < 1:
            raise KgError("--per-client", None, "a client must be able to run one query")
        if store is not None:
            self.source = ("store", str(Path(store).resolve()))
        elif dist is not None:
            self.source = ("dist", str(Path(dist).resolve()))
        else:
            raise KgError("kg serve", None, "give the published folder or a store")
        self.size = workers
        self.time_limit = time_limit
        self.max_result_bytes = max_result_bytes
        self.memory_limit = memory_limit
        self.worker_recycle = worker_recycle
        self.queue_size = 2 * workers if queue_size is None else queue_size
        self.queue_wait = queue_wait
        self.per_client = max(1, workers - 1) if per_client is None else per_client
        self.warnings: list[str] = []
        self._context = _worker_context()
        self._cond = threading.Condition()
        self._waiting: list[_Job] = []
        self._running: Counter[str] = Counter()
        self._idle = 0  # slots whose worker is ready and waits for a job
        self._workers: set[_Worker] = set()
        self._closed = False
        self._slots = []
        for number in range(workers):
            worker = self._start()
            slot = threading.Thread(
                target=self._serve, args=(worker,), daemon=True, name=f"kg-query-slot-{number}"
            )
            self._slots.append(slot)
            slot.start()

    # Workers ----------------------------------------------------------------------------------

    def _start(self) -> _Worker:
        worker = _Worker(
            self._context,
            self.source,
            self.max_result_bytes,
            self.memory_limit,
            self.worker_recycle,
        )
        with self._cond:
            self._workers.add(worker)
        return worker

    def _restart(self, worker: _Worker) -> _Worker:
        with self._cond:
            self._workers.discard(worker)
        worker.stop()
        return self._start()

    def wait_ready(self) -> None:
        with self._cond:
            workers = list(self._workers)
        for worker in workers:
            worker.wait_ready()
            if worker.warning and worker.warning not in self.warnings:
                self.warnings.append(worker.warning)

    def _serve(self, worker: _Worker) -> None:
        """One worker's dispatching thread: take a job, run it, answer, until closed."""
        while True:
            try:
                worker.wait_ready()
            except KgError:
                if self._closed:
                    return
                time.sleep(1)
                worker = self._restart(worker)
                continue
            job = self._next_job()
            if job is None:
                return
            try:
                worker = self._run_on(worker, job)
            finally:
                with self._cond:
                    self._running[job.client] -= 1
                    if self._running[job.client] <= 0:
                        del self._running[job.client]
                    self._cond.notify_all()
                if not job.future.done():  # never left waiting, whatever happened
                    job.future.set_result(Answer.error(500, "The query failed; try again"))

    def _next_job(self) -> _Job | None:
        """The oldest waiting job of a client under its share, once there is one (this slot's
        worker is ready meanwhile: `_idle` counts it); None when the pool closes."""
        with self._cond:
            self._idle += 1
            try:
                while not self._closed:
                    for job in self._waiting:
                        if self._running[job.client] < self.per_client:
                            self._waiting.remove(job)
                            job.state = "running"
                            self._running[job.client] += 1
                            return job
                    self._cond.wait()
                return None
            finally:
                self._idle -= 1

    def _run_on(self, worker: _Worker, job: _Job) -> _Worker:
        """Run `job` on `worker` and give the job its answer (`job.future`): whole, or, past
        HOLD bytes, as a stream the rest of the answer is put into as the worker writes it.
        Returns the worker to use next: a new one when this one ran out of time or memory,
        or died."""
        started = time.perf_counter()
        deadline = time.monotonic() + self.time_limit
        head: tuple[str, str] | None = None  # (media type, form) of a result in chunks
        held: list[bytes] = []
        held_size = 0
        stream: ResultStream | None = None

        def give(answer: Answer) -> None:
            answer.seconds = time.perf_counter() - started
            job.future.set_result(answer)

        def stop(answer: Answer) -> None:
            """The answer ends before its end: refused, or, once streaming, cut."""
            if stream is None:
                give(answer)
            else:
                stream.cut(answer.message)

        try:
            worker.ask(job.request)
            while True:
                message = worker.receive(deadline)
                if message is None:
                    worker = self._restart(worker)
                    stop(
                        refused(
                            f"the query ran longer than the time limit of {self.time_limit:g} "
                            "s and was stopped; make it more selective or add a LIMIT"
                        )
                    )
                    return worker
                if isinstance(message, Answer):
                    if message.replace_worker:
                        worker = self._restart(worker)
                    if head is None:
                        give(message)
                    elif message.status != 200:
                        stop(message)
                    elif stream is None:
                        held.append(message.body)
                        give(Answer(200, b"".join(held), *head, volatile=message.volatile))
                    elif not message.body or stream.put(message.body, deadline):
                        stream.put(_END, deadline)
                    return worker
                if message[0] == "start":
                    head = message[1:]
                    continue
                chunk = message[1]
                if job.state == "gone":  # nobody reads it: the rest is read and dropped
                    held.clear()
                elif stream is None:
                    held.append(chunk)
                    held_size += len(chunk)
                    # sparql.HOLD read here, at each answer: a test lowers it on the module.
                    if held_size > sparql.HOLD and job.loop is not None:
                        stream = ResultStream(job.loop, held)
                        give(Answer(200, media_type=head[0], form=head[1], stream=stream))
                else:
                    stream.put(chunk, deadline)  # dropped if the client went away
        except TimeoutError:  # the client read too slowly for the time limit
            worker = self._restart(worker)
            stop(
                refused(
                    f"the client did not read it within the time limit of {self.time_limit:g} s"
                )
            )
            return worker
        except (EOFError, OSError, KgError):
            code = worker.exit_code()
            worker = self._restart(worker)
            if code == -signal.SIGABRT:  # the engine could not allocate: past the limit
                stop(out_of_memory(self.memory_limit))
            else:
                stop(Answer.error(500, "The query worker stopped unexpectedly; try again"))
            return worker

    # Admission --------------------------------------------------------------------------------

    def submit(
        self,
        request: QueryRequest,
        client: str = "",
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> _Job | Answer:
        """Queue `request` for a worker: its job, or the refusal when there is no room. An
        answer larger than HOLD is streamed on `loop` (without, it is held whole)."""
        with self._cond:
            refusal, in_flight = self._refusal(client)
            if refusal is not None:
                return refusal
            can_start = in_flight < self.per_client and self._idle > len(self._waiting)
            if not can_start and len(self._waiting) >= self.queue_size:
                return busy(
                    f"Service Unavailable: all {self.size} query workers are busy and "
                    f"{len(self._waiting)} queries are waiting; try again",
                    self.time_limit,
                )
            job = _Job(request, client, loop=loop)
            self._waiting.append(job)
            self._cond.notify_all()
            return job

    def refusal(self, client: str = "", also_waiting: int = 0) -> Answer | None:
        """What a query of `client` is refused whether it needs a worker or not (an answer
        the endpoint kept needs none, `kg.server.answers`): the endpoint is stopping (503), or
        the client has its share of queries running and as many waiting (429), counting
        `also_waiting` requests of its that wait elsewhere (for the same query's run). None:
        none."""
        with self._cond:
            return self._refusal(client, also_waiting)[0]

    def _refusal(self, client: str, also_waiting: int = 0) -> tuple[Answer | None, int]:
        """`refusal`, and the client's queries in flight; with `_cond` held."""
        if self._closed:
            return busy("Service Unavailable: the endpoint is stopping", self.time_limit), 0
        in_flight = (
            self._running[client]
            + sum(1 for job in self._waiting if job.client == client)
            + also_waiting
        )
        if in_flight >= 2 * self.per_client:  # it could not start, nor wait
            message = (
                f"Too Many Requests: this client has {in_flight} queries in flight; at most "
                f"{self.per_client} run at once per client"
            )
            return busy(message, self.time_limit, status=429), in_flight
        return None, in_flight

    def abandon(self, job: _Job) -> bool:
        """Take a job that has not started out of the queue; whether it was still waiting."""
        with self._cond:
            if job.state != "waiting":
                return False
            job.state = "abandoned"
            self._waiting.remove(job)
            return True

    def _waited_too_long(self) -> Answer:
        return busy(
            f"Service Unavailable: no query worker became free within {self.queue_wait:g} s; "
            "try again",
            self.time_limit,
        )

    async def answer(self, request: QueryRequest, client: str = "", stream: bool = True) -> Answer:
        """Run a query (without holding a thread of the caller): its answer, or a refusal. An
        answer larger than HOLD is streamed (`Answer.stream`), unless `stream` is False: then
        it is held whole, as a caller that reads `Answer.body` needs it."""
        job = self.submit(request, client, asyncio.get_running_loop() if stream else None)
        if isinstance(job, Answer):
            return job
        result = asyncio.wrap_future(job.future)
        try:
            try:
                return await asyncio.wait_for(asyncio.shield(result), self.queue_wait)
            except TimeoutError:
                if self.abandon(job):
                    return self._waited_too_long()
                return await result
        except asyncio.CancelledError:  # the client went away
            if not self.abandon(job):
                job.state = "gone"  # its answer, whole or streamed, is dropped
            raise

    def close(self) -> None:
        with self._cond:
            self._closed = True
            waiting, self._waiting = self._waiting, []
            workers = list(self._workers)
            self._workers.clear()
            self._cond.notify_all()
        for job in waiting:
            job.state = "abandoned"
            job.future.set_result(busy("Service Unavailable: the endpoint stopped", 1))
        for worker in workers:
            worker.stop()
