"""`kg serve`: the published graph on the web (kg.server.app), started and its banner
printed."""

from __future__ import annotations

from pathlib import Path

from kg.cli import output
from kg.cli.arguments import UsageError, base_iri, host, path, port, seconds, whole

# Bounds of the options, far above what one machine serves with, below what breaks: each worker
# is a process of its own, which may take --worker-memory (--workers had no bound), and
# 99,999,999,999,999 MiB of a worker's memory overflowed its limit's C long, so that no worker
# started.
MAX_WORKERS = 64
MAX_MIB = 1024 * 1024  # a tebibyte
MAX_BYTES = 2**40


def declare_serve(commands) -> None:
    """`kg serve` and its arguments."""
    web = commands.add_parser(
        "serve", help="serve the published graph: SPARQL endpoint, linked data pages, downloads"
    )
    web.add_argument(
        "--host",
        type=host,
        default="127.0.0.1",
        help="address to listen on (0.0.0.0: every interface)",
    )
    web.add_argument("--port", type=port, default=8000, help="port to listen on")
    web.add_argument(
        "--base",
        type=base_iri,
        default=None,
        metavar="URI",
        help="base IRI of the graph's IRIs, served at this server's root "
        "(default: the base the graph was published with)",
    )
    web.add_argument(
        "--dist",
        type=path,
        default=None,
        help="published folder (default: dist; with --store: the folder the store was "
        "loaded from), whose files are offered for download; its graph is served from its "
        "store, DIST.store, loaded on the first start after a publish",
    )
    web.add_argument(
        "--store",
        type=path,
        default=None,
        help="serve the graph from this store made by kg load, as it is",
    )
    web.add_argument(
        "--memory",
        action="store_true",
        help="load --dist into memory instead, in the server and in each query worker "
        "(small folders; nothing written beside them)",
    )
    web.add_argument(
        "--query-timeout",
        type=seconds,
        default=10.0,
        metavar="SECONDS",
        help="time limit of one SPARQL query (default 10)",
    )
    web.add_argument(
        "--max-result-size",
        type=whole(1, MAX_BYTES),
        default=16 * 1024 * 1024,
        metavar="BYTES",
        help="size limit of one serialized SPARQL result (default 16 MiB)",
    )
    web.add_argument(
        "--workers",
        type=whole(1, MAX_WORKERS),
        default=2,
        help=f"query worker processes (default 2, at most {MAX_WORKERS})",
    )
    web.add_argument(
        "--worker-memory",
        type=whole(16, MAX_MIB),
        default=1024,
        metavar="MiB",
        help="memory one query may take in a worker, beyond the graph (default 1024)",
    )
    web.add_argument(
        "--worker-recycle",
        type=whole(0, MAX_MIB),
        default=256,
        metavar="MiB",
        help="replace a worker once it holds this much more memory than when it started "
        "(0: never; default 256)",
    )
    web.add_argument(
        "--queue",
        type=whole(0),
        default=None,
        metavar="N",
        help="queries that may wait for a busy worker; more are refused with 503 at once "
        "(default: twice the workers)",
    )
    web.add_argument(
        "--queue-wait",
        type=seconds,
        default=0.5,
        metavar="SECONDS",
        help="longest wait for a worker before a query is refused with 503 (default 0.5)",
    )
    web.add_argument(
        "--per-client",
        type=whole(1),
        default=None,
        metavar="N",
        help="queries one client address may run at once (default: the workers less one, "
        "at least 1); as many more may wait, past that 429",
    )
    web.add_argument(
        "--answer-cache-mib",
        type=whole(0, MAX_MIB),
        default=64,
        metavar="MiB",
        help="memory for complete SPARQL answers, given again without a worker until the "
        "next publish (default 64; 0 keeps none)",
    )
    web.add_argument(
        "--forwarded-allow-ips",
        default=None,
        metavar="ADDRESSES",
        help="proxies (comma-separated addresses, or *) trusted to name the client in "
        "X-Forwarded-For (default: $FORWARDED_ALLOW_IPS, else this machine)",
    )
    web.add_argument(
        "--connections-per-client",
        type=whole(1),
        default=64,
        metavar="N",
        help="connections one client address may hold open at once, the trusted proxies' "
        "not counted; past that 429 (default 64)",
    )
    web.add_argument(
        "--head-timeout",
        type=seconds,
        default=20.0,
        metavar="SECONDS",
        help="time a connection has to send a request's head (line and headers) once opened "
        "or answered; past it, closed (default 20)",
    )


def run_serve(args) -> int:
    from kg.server.app import prepare

    if args.memory and args.store is not None:
        raise UsageError("--memory loads --dist into memory: give --memory or --store, not both")
    if args.store is not None:
        what = f"opening {args.store} and starting {args.workers} query workers"
        dist = args.dist
    elif args.memory:
        dist = args.dist or Path("dist")
        what = f"loading {dist}/ and starting {args.workers} query workers"
    else:
        dist = args.dist or Path("dist")
        what = f"opening the store of {dist}/ and starting {args.workers} query workers"
    with output.err.status(what) as status:
        server = prepare(
            dist,
            store=args.store,
            memory=args.memory,
            progress=lambda step: status.update(f"the store of {dist}/ is loaded once: {step}"),
            host=args.host,
            port=args.port,
            base=args.base,
            workers=args.workers,
            time_limit=args.query_timeout,
            max_result_bytes=args.max_result_size,
            memory_limit=args.worker_memory * 2**20,
            worker_recycle=args.worker_recycle * 2**20,
            queue_size=args.queue,
            queue_wait=args.queue_wait,
            per_client=args.per_client,
            answer_cache_bytes=args.answer_cache_mib * 2**20,
            forwarded_allow_ips=args.forwarded_allow_ips,
            connections_per_client=args.connections_per_client,
            head_seconds=args.head_timeout,
        )
    if server.loaded:
        output.err.print(server.notes()[0], highlight=False, soft_wrap=True, markup=False)
    for warning in server.server.site.warnings + server.server.pool.warnings:
        output.err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
    output.out.print(server.banner(), highlight=False, soft_wrap=True)
    return server.run()
