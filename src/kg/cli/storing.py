"""`kg load` (dist/ into an on-disk Oxigraph store) and `kg push` (the graphs onto a SPARQL
1.1 Graph Store Protocol server)."""

from __future__ import annotations

from pathlib import Path

from kg.cli import output
from kg.cli.arguments import path, seconds, whole

DEFAULT_PUSH_TIMEOUT = 30.0
DEFAULT_PUSH_RETRIES = 4


def declare_load(commands) -> None:
    """`kg load` and its arguments."""
    load = commands.add_parser("load", help="bulk-load dist/ into an on-disk Oxigraph store")
    load.add_argument("--store", type=path, required=True, help="store folder (replaced)")
    load.add_argument("--dist", type=path, default=Path("dist"), help="published folder")


def declare_push(commands) -> None:
    """`kg push` and its arguments."""
    push = commands.add_parser(
        "push", help="replace the graphs on a SPARQL 1.1 Graph Store Protocol server"
    )
    push.add_argument("--endpoint", required=True, help="SPARQL query endpoint URL")
    push.add_argument(
        "--graph-store", default=None, help="Graph Store endpoint (default: ENDPOINT/../store)"
    )
    push.add_argument(
        "--user", default=None, help="HTTP user (Basic, or Digest when the server asks for it)"
    )
    push.add_argument("--password-env", default=None, metavar="VAR", help="password variable")
    push.add_argument(
        "--default-graph",
        default=None,
        metavar="IRI",
        help="a named graph to hold the default graph, for stores without one of their own "
        "(Virtuoso); queries name it as their dataset (default: the store's default graph)",
    )
    push.add_argument("--dist", type=path, default=Path("dist"), help="published folder")
    push.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_PUSH_TIMEOUT,
        metavar="SECONDS",
        help=f"how long to wait for the server to connect and to answer each request "
        f"(default {DEFAULT_PUSH_TIMEOUT:g})",
    )
    push.add_argument(
        "--retries",
        type=whole(0),
        default=DEFAULT_PUSH_RETRIES,
        metavar="N",
        help="attempts after the first of a request that meets a network error, a timeout or "
        f"a 5xx answer, with back-off (default {DEFAULT_PUSH_RETRIES})",
    )


def run_load(args) -> int:
    from kg.store.embedded import load

    with output.err.status(f"loading {args.dist}/ into {args.store}") as status:
        figures = load(args.dist, args.store, progress=lambda what: status.update(what))
    output.out.print(
        f"{figures['quads']} quads in {figures['graphs']} named graphs loaded into "
        f"{args.store} in {figures['seconds']:.1f} s",
        highlight=False,
    )
    return 0


def run_push(args) -> int:
    from kg.store.push import Server, password_from, push

    server = Server(
        args.endpoint,
        args.graph_store,
        args.user,
        password_from(args.password_env),
        retries=args.retries,
        timeout=args.timeout,
        default_graph=args.default_graph,
    )
    with output.err.status(f"pushing {args.dist}/ to {server.graph_store}") as status:
        figures = push(args.dist, server, progress=lambda what: status.update(what))
    held = f" (<{args.default_graph}>)" if args.default_graph else ""
    output.out.print(
        f"{figures['triples']} triples in {figures['graphs']} named graphs and "
        f"{figures['default']} in the default graph{held} pushed to {server.graph_store} "
        f"and counted, in {figures['seconds']:.1f} s",
        highlight=False,
    )
    return 0
