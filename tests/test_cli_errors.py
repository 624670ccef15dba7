"""Every command's failures in one line: each subcommand of `kg` run as a process against bad
arguments (missing paths, files where folders are expected and the reverse, output folders
that cannot be made, URLs that are not, servers that answer wrongly or never, numbers out of
range, empty strings, unknown names, malformed files).

For every case: a non-zero exit, stderr holding one line `error: ...` (or argparse's `usage:`
lines and one `kg ...: error: ...` line), no traceback anywhere, no "internal error" (the
last-resort handler of `kg.cli`, which would mean a stage failed in a way nobody foresaw),
the line naming what was wrong, and nothing left half-written.
"""

from __future__ import annotations

import http.server
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SOURCE = next((DATA / "sources").glob("000_*.txt"))
NOWHERE = "/nonexistent-root"  # a folder that does not exist (and that no case may create)
TIMEOUT = 30  # seconds a case may take: a case that would start serving fails on it


# --------------------------------------------------------------------------------------------
# The bad inputs
# --------------------------------------------------------------------------------------------


def case(name: str, *args: str, expect: str | None = None, env=None, absent=(), kept=()):
    """One bad input: `kg ARGS`, where `{placeholder}` stands for a path or port of the
    `bad` fixture. `expect`: a part of the error line (what it must name); `absent`: paths
    that must not exist afterwards; `kept`: paths that must still exist."""
    return pytest.param(list(args), expect, env or {}, absent, kept, id=name)


CASES = [
    # kg (no command) and kg queries
    case("kg-no-command", expect="required"),
    case("kg-unknown-command", "frobnicate", expect="frobnicate"),
    case("queries-extra-argument", "queries", "extra", expect="extra"),
    # kg publish
    case(
        "publish-data-missing",
        *("publish", "--data", "{tmp}/no-data", "--out", "{tmp}/out"),
        expect="no-data",
        absent=["{tmp}/out"],
    ),
    case(
        "publish-data-is-file",
        *("publish", "--data", "{file}", "--out", "{tmp}/out"),
        expect="{file}",
        absent=["{tmp}/out"],
    ),
    case(
        "publish-data-empty-folder",
        *("publish", "--data", "{empty}", "--out", "{tmp}/out"),
        expect="{empty}",
        absent=["{tmp}/out"],
    ),
    case(
        "publish-data-malformed-yaml",
        *("publish", "--data", "{bad_data}", "--out", "{tmp}/out", "--no-cache"),
        expect="000.yaml",
        absent=["{tmp}/out"],
    ),
    case("publish-data-empty-string", "publish", "--data", "", expect="--data"),
    case(
        "publish-out-parent-missing",
        *("publish", "--data", "{data}", "--out", f"{NOWHERE}/dist"),
        expect=NOWHERE,
        absent=[NOWHERE],
    ),
    case(
        "publish-out-under-a-file",
        *("publish", "--data", "{data}", "--out", "{file}/dist"),
        expect="{file}",
    ),
    case(
        "publish-out-is-file",
        *("publish", "--data", "{data}", "--out", "{file}"),
        expect="{file}",
        kept=["{file}"],
    ),
    case(
        "publish-out-is-the-data",
        *("publish", "--data", "{data}", "--out", "{data}"),
        expect="{data}",
        kept=["{data}/README.md"],
    ),
    case(
        "publish-out-is-working-folder",
        *("publish", "--data", "{data}", "--out", "."),
        expect="working folder",
        kept=["{file}"],
    ),
    case("publish-out-empty-string", "publish", "--out", "", expect="--out"),
    case("publish-jobs-zero", "publish", "--jobs", "0", expect="--jobs"),
    case("publish-jobs-negative", "publish", "--jobs", "-2", expect="--jobs"),
    case("publish-jobs-not-a-number", "publish", "--jobs", "many", expect="--jobs"),
    case("publish-part-size-zero", "publish", "--part-size", "0", expect="--part-size"),
    case("publish-part-size-negative", "publish", "--part-size", "-5", expect="--part-size"),
    case("publish-base-not-a-url", "publish", "--base", "not-a-url", expect="--base"),
    case("publish-base-empty-string", "publish", "--base", "", expect="--base"),
    case("publish-base-with-space", "publish", "--base", "https://a b/", expect="--base"),
    case(
        "publish-KG_BASE-not-a-url",
        *("publish", "--data", "{data}", "--out", "{tmp}/out"),
        env={"KG_BASE": "ftp:/nowhere"},
        expect="KG_BASE",
        absent=["{tmp}/out"],
    ),
    case(
        "publish-cache-under-a-file",
        *("publish", "--data", "{data}", "--out", "{tmp}/out", "--cache", "{file}/cache"),
        expect="{file}",
        absent=["{tmp}/out"],
    ),
    case(
        "publish-cache-is-file",
        *("publish", "--data", "{data}", "--out", "{tmp}/out", "--cache", "{file}"),
        expect="{file}",
        absent=["{tmp}/out"],
    ),
    case(
        "publish-cache-parent-missing",
        *("publish", "--data", "{data}", "--out", "{tmp}/out", "--cache", f"{NOWHERE}/c"),
        expect=NOWHERE,
        absent=["{tmp}/out", NOWHERE],
    ),
    # kg synth
    case("synth-documents-zero", "synth", "--documents", "0", "--out", "{tmp}/s", expect="--doc"),
    case("synth-documents-negative", "synth", "--documents", "-3", "--out", "{tmp}/s"),
    case("synth-documents-not-a-number", "synth", "--documents", "x", "--out", "{tmp}/s"),
    case("synth-seed-not-a-number", "synth", "--documents", "1", "--seed", "x", "--out", "{tmp}/s"),
    case("synth-out-missing", "synth", "--documents", "1", expect="--out"),
    case("synth-out-empty-string", "synth", "--documents", "1", "--out", "", expect="--out"),
    case(
        "synth-out-parent-missing",
        *("synth", "--documents", "1", "--out", f"{NOWHERE}/corpus"),
        expect=NOWHERE,
        absent=[NOWHERE],
    ),
    case(
        "synth-out-under-a-file",
        *("synth", "--documents", "1", "--out", "{file}/corpus"),
        expect="{file}",
    ),
    case(
        "synth-out-is-file",
        *("synth", "--documents", "1", "--out", "{file}"),
        expect="{file}",
        kept=["{file}"],
    ),
    case(
        "synth-out-is-not-a-corpus",
        *("synth", "--documents", "1", "--out", "{junk}"),
        expect="{junk}",
        kept=["{junk}/notes.txt"],
    ),
    case(
        "synth-out-is-the-curated-data",
        *("synth", "--documents", "1", "--out", "{data}"),
        expect="{data}",
        kept=["{data}/README.md"],
    ),
    case(
        "synth-out-is-working-folder",
        *("synth", "--documents", "1", "--out", "."),
        expect="working folder",
        kept=["{file}"],
    ),
    # kg load
    case(
        "load-store-parent-missing",
        *("load", "--dist", "{dist}", "--store", f"{NOWHERE}/x/y"),
        expect=NOWHERE,
        absent=[NOWHERE],
    ),
    case(
        "load-store-parent-missing-no-dist",
        *("load", "--store", f"{NOWHERE}/x/y"),
        absent=[NOWHERE],
    ),
    case(
        "load-store-under-a-file",
        *("load", "--dist", "{dist}", "--store", "{file}/store"),
        expect="{file}",
    ),
    case(
        "load-store-is-file",
        *("load", "--dist", "{dist}", "--store", "{file}"),
        expect="{file}",
        kept=["{file}"],
    ),
    case(
        "load-store-is-not-a-store",
        *("load", "--dist", "{dist}", "--store", "{junk}"),
        expect="{junk}",
        kept=["{junk}/notes.txt"],
    ),
    case("load-store-empty-string", "load", "--dist", "{dist}", "--store", "", expect="--store"),
    case("load-store-missing-option", "load", "--dist", "{dist}", expect="--store"),
    case(
        "load-dist-missing",
        *("load", "--dist", "{tmp}/nowhere", "--store", "{tmp}/store"),
        expect="nowhere",
        absent=["{tmp}/store"],
    ),
    case(
        "load-dist-is-file",
        *("load", "--dist", "{file}", "--store", "{tmp}/store"),
        expect="{file}",
        absent=["{tmp}/store"],
    ),
    case(
        "load-dist-empty-folder",
        *("load", "--dist", "{empty}", "--store", "{tmp}/store"),
        expect="{empty}",
        absent=["{tmp}/store"],
    ),
    case(
        "load-dist-malformed-nq",
        *("load", "--dist", "{bad_nq_dist}", "--store", "{tmp}/store"),
        expect="kg.nq",
        absent=["{tmp}/store"],
    ),
    case(
        "load-dist-binary-dumps",
        *("load", "--dist", "{binary_dist}", "--store", "{tmp}/store"),
        expect="kg.nq",
        absent=["{tmp}/store"],
    ),
    case(
        "load-dist-malformed-inferred",
        *("load", "--dist", "{bad_ttl_dist}", "--store", "{tmp}/store"),
        expect="kg-inferred.ttl",
        absent=["{tmp}/store"],
    ),
    # kg push
    case("push-endpoint-not-a-url", "push", "--endpoint", "not-a-url", expect="not-a-url"),
    case(
        "push-endpoint-not-a-url-with-dist",
        *("push", "--endpoint", "not-a-url", "--dist", "{dist}"),
        expect="not-a-url",
    ),
    case("push-endpoint-empty-string", "push", "--endpoint", "", expect="--endpoint"),
    case("push-endpoint-ftp", "push", "--endpoint", "ftp://example.org/q", expect="ftp://"),
    case("push-endpoint-no-host", "push", "--endpoint", "http:///sparql", expect="http:///"),
    case("push-endpoint-bad-port", "push", "--endpoint", "http://127.0.0.1:99999/q"),
    case("push-endpoint-missing", "push", "--dist", "{dist}", expect="--endpoint"),
    case(
        "push-graph-store-not-a-url",
        *("push", "--endpoint", "http://127.0.0.1:{refused}/q", "--graph-store", "store"),
        expect="--graph-store",
    ),
    case(
        "push-connection-refused",
        *("push", "--endpoint", "http://127.0.0.1:{refused}/q", "--dist", "{dist}"),
        *("--retries", "0"),
        expect="127.0.0.1:{refused}",
    ),
    case(
        "push-endpoint-answers-404",
        *("push", "--endpoint", "http://127.0.0.1:{http404}/q", "--dist", "{dist}"),
        expect="HTTP 404",
    ),
    case(
        "push-endpoint-is-not-sparql",
        *("push", "--endpoint", "http://127.0.0.1:{html200}/q", "--dist", "{dist}"),
        expect="127.0.0.1:{html200}/q",
    ),
    case(
        "push-server-speaks-no-http",
        *("push", "--endpoint", "http://127.0.0.1:{garbage}/q", "--dist", "{dist}"),
        *("--retries", "0"),
        expect="127.0.0.1:{garbage}",
    ),
    case(
        "push-server-never-answers",
        *("push", "--endpoint", "http://127.0.0.1:{silent}/q", "--dist", "{dist}"),
        *("--timeout", "0.5", "--retries", "0"),
        expect="0.5 s",
    ),
    case("push-timeout-zero", "push", "--endpoint", "http://h/q", "--timeout", "0", expect="--t"),
    case("push-timeout-negative", "push", "--endpoint", "http://h/q", "--timeout", "-1"),
    case("push-timeout-nan", "push", "--endpoint", "http://h/q", "--timeout", "nan"),
    case("push-timeout-inf", "push", "--endpoint", "http://h/q", "--timeout", "inf"),
    case("push-timeout-not-a-number", "push", "--endpoint", "http://h/q", "--timeout", "soon"),
    case("push-retries-negative", "push", "--endpoint", "http://h/q", "--retries", "-1"),
    case(
        "push-password-variable-unset",
        *("push", "--endpoint", "http://h/q", "--user", "u"),
        *("--password-env", "KG_TEST_NO_SUCH_VARIABLE"),
        expect="KG_TEST_NO_SUCH_VARIABLE",
    ),
    case(
        "push-dist-missing",
        *("push", "--endpoint", "http://127.0.0.1:{refused}/q", "--dist", "{tmp}/nowhere"),
        expect="nowhere",
    ),
    case(
        "push-dist-is-file",
        *("push", "--endpoint", "http://127.0.0.1:{refused}/q", "--dist", "{file}"),
        expect="{file}",
    ),
    case(
        "push-dist-malformed-nq",
        *("push", "--endpoint", "http://127.0.0.1:{refused}/q", "--dist", "{bad_nq_dist}"),
        expect="kg.nq",
    ),
    case(
        "push-dist-binary-dumps",
        *("push", "--endpoint", "http://127.0.0.1:{refused}/q", "--dist", "{binary_dist}"),
        expect="kg.nq",
    ),
    case(
        "push-dist-malformed-inferred",
        *("push", "--endpoint", "http://127.0.0.1:{refused}/q", "--dist", "{bad_ttl_dist}"),
        expect="kg-inferred.ttl",
    ),
    # kg validate
    case("validate-no-files", "validate", expect="files"),
    case("validate-file-missing", "validate", f"{NOWHERE}/x.ttl", expect=NOWHERE),
    case("validate-file-is-folder", "validate", "{empty}", expect="{empty}"),
    case("validate-garbage-turtle", "validate", "{garbage_ttl}", expect="garbage.ttl"),
    case("validate-binary-file", "validate", "{binary}", expect="binary"),
    case("validate-empty-string", "validate", "", expect="files"),
    case("validate-engine-unknown", "validate", "{garbage_ttl}", "--engine", "x", expect="engine"),
    case(
        "validate-one-of-two-missing",
        *("validate", "{garbage_ttl}", "{tmp}/missing.ttl"),
        expect="missing.ttl",
    ),
    # kg search
    case("search-no-index", "search", "trata", "--dist", "{empty}", expect="search.sqlite"),
    case("search-dist-missing", "search", "trata", "--dist", "{tmp}/none", expect="none"),
    case("search-no-words", "search", "*", "--dist", "{dist}", expect="no words"),
    case("search-too-long", "search", "a" * 300, "--dist", "{dist}", expect="200 characters"),
    case("search-page-zero", "search", "trata", "--page", "0", expect="--page"),
    case("search-no-text", "search", expect="text"),
    # kg query
    case("query-nothing-to-run", "query", "--dist", "{dist}", expect="give one query"),
    case("query-unknown-name", "query", "no-such-query", "--dist", "{dist}", expect="no-such"),
    case("query-empty-name", "query", "", "--dist", "{dist}"),
    case(
        "query-name-and-sparql",
        *("query", "campaign-launches", "--sparql", "ASK {}", "--dist", "{dist}"),
        expect="give one query",
    ),
    case("query-file-and-sparql", "query", "--file", "{garbage_rq}", "--sparql", "ASK {}"),
    case("query-file-missing", "query", "--file", "{tmp}/none.rq", expect="none.rq"),
    case("query-file-is-folder", "query", "--file", "{empty}", expect="{empty}"),
    case(
        "query-file-garbage",
        *("query", "--file", "{garbage_rq}", "--dist", "{dist}"),
        expect="garbage.rq",
    ),
    case("query-file-empty", "query", "--file", "{empty_rq}", "--dist", "{dist}"),
    case("query-file-binary", "query", "--file", "{binary}", "--dist", "{dist}", expect="binary"),
    case("query-file-empty-string", "query", "--file", "", expect="--file"),
    case("query-sparql-empty", "query", "--sparql", "", "--dist", "{dist}", expect="--sparql"),
    case("query-sparql-garbage", "query", "--sparql", "SELEKT", "--dist", "{dist}"),
    case(
        "query-sparql-update",
        *("query", "--sparql", "DELETE WHERE { ?s ?p ?o }", "--dist", "{dist}"),
        expect="--sparql",
    ),
    case(
        "query-name-with-markup",
        *("query", "[bold red]no-such[/bold red]", "--dist", "{dist}"),
        expect="[bold red]no-such[/bold red]",
    ),
    case(
        "query-param-without-equals",
        *("query", "campaign-launches", "--param", "place", "--dist", "{dist}"),
        expect="place",
    ),
    case(
        "query-param-empty-key",
        *("query", "campaign-launches", "--param", "=Mexico", "--dist", "{dist}"),
        expect="=Mexico",
    ),
    case(
        "query-param-unknown",
        *("query", "campaign-launches", "--param", "nosuch=1", "--dist", "{dist}"),
        expect="nosuch",
    ),
    case(
        "query-param-not-a-number",
        *("query", "victims-by-exploitation", "--param", "total=abc", "--dist", "{dist}"),
        expect="total",
    ),
    case(
        "query-param-not-a-decimal",
        *("query", "statistic-evidence", "--param", "value=1e999x", "--dist", "{dist}"),
        expect="value",
    ),
    case(
        "query-format-unknown",
        *("query", "campaign-launches", "--format", "pdf", "--dist", "{dist}"),
        expect="--format",
    ),
    case(
        "query-format-rdf-for-a-table",
        *("query", "--sparql", "ASK {}", "--format", "ntriples", "--dist", "{dist}"),
        expect="--format",
    ),
    case(
        "query-format-table-format-for-rdf",
        *("query", "--sparql", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv"),
        *("--dist", "{dist}"),
        expect="--format",
    ),
    case("query-dist-missing", "query", "campaign-launches", "--dist", "{tmp}/nowhere"),
    case("query-dist-is-file", "query", "campaign-launches", "--dist", "{file}", expect="{file}"),
    case("query-dist-empty-folder", "query", "campaign-launches", "--dist", "{empty}"),
    case("query-dist-empty-string", "query", "campaign-launches", "--dist", "", expect="--dist"),
    case(
        "query-dist-malformed-trig",
        *("query", "campaign-launches", "--dist", "{bad_trig_dist}"),
        expect="kg.trig",
    ),
    case(
        "query-dist-binary-trig",
        *("query", "campaign-launches", "--dist", "{binary_dist}"),
        expect="kg.trig",
    ),
    case(
        "query-dist-malformed-inferred",
        *("query", "campaign-launches", "--dist", "{bad_ttl_dist}"),
        expect="kg-inferred.ttl",
    ),
    case(
        "query-store-missing",
        *("query", "campaign-launches", "--store", "{tmp}/nowhere"),
        expect="nowhere",
        absent=["{tmp}/nowhere"],
    ),
    case("query-store-is-file", "query", "campaign-launches", "--store", "{file}"),
    case("query-store-is-not-a-store", "query", "campaign-launches", "--store", "{junk}"),
    case(
        "query-store-asserted",
        *("query", "campaign-launches", "--store", "{store}", "--asserted"),
        expect="--asserted",
    ),
    # kg extract
    case("extract-no-source", "extract", "--data", "{data}", expect="source text"),
    case(
        "extract-source-missing",
        *("extract", "{tmp}/005_x.txt", "--data", "{data}", "--out", "{tmp}/d.yaml"),
        expect="005_x.txt",
        absent=["{tmp}/d.yaml"],
    ),
    case(
        "extract-source-is-folder",
        *("extract", "{empty}", "--data", "{data}", "--out", "{tmp}/d.yaml"),
        expect="{empty}",
        absent=["{tmp}/d.yaml"],
    ),
    case(
        "extract-source-badly-named",
        *("extract", "{file}", "--data", "{data}", "--out", "{tmp}/d.yaml"),
        expect="{file}",
        absent=["{tmp}/d.yaml"],
    ),
    case(
        "extract-source-binary",
        *("extract", "{binary_source}", "--data", "{data}", "--out", "{tmp}/d.yaml"),
        expect="{binary_source}",
        absent=["{tmp}/d.yaml"],
    ),
    case("extract-source-empty-string", "extract", "", "--data", "{data}"),
    case(
        "extract-data-missing",
        *("extract", "{source}", "--data", "{tmp}/nowhere", "--out", "{tmp}/d.yaml"),
        expect="nowhere",
        absent=["{tmp}/d.yaml"],
    ),
    case(
        "extract-data-is-file",
        *("extract", "{source}", "--data", "{file}", "--out", "{tmp}/d.yaml"),
        expect="{file}",
        absent=["{tmp}/d.yaml"],
    ),
    case(
        "extract-out-parent-missing",
        *("extract", "{source}", "--data", "{data}", "--out", f"{NOWHERE}/d.yaml"),
        *("--additions", "{tmp}/a.yaml"),
        expect=NOWHERE,
        absent=[NOWHERE, "{tmp}/a.yaml"],
    ),
    case(
        "extract-out-under-a-file",
        *("extract", "{source}", "--data", "{data}", "--out", "{file}/d.yaml"),
        *("--additions", "{tmp}/a.yaml"),
        expect="{file}",
        absent=["{tmp}/a.yaml"],
    ),
    case(
        "extract-out-is-folder",
        *("extract", "{source}", "--data", "{data}", "--out", "{empty}", "--force"),
        *("--additions", "{tmp}/a.yaml"),
        expect="{empty}",
        absent=["{tmp}/a.yaml"],
        kept=["{empty}"],
    ),
    case(
        "extract-out-exists",
        *("extract", "{source}", "--data", "{data}", "--out", "{file}"),
        *("--additions", "{tmp}/a.yaml"),
        expect="{file}",
        absent=["{tmp}/a.yaml"],
    ),
    case(
        "extract-additions-parent-missing",
        *("extract", "{source}", "--data", "{data}", "--out", "{tmp}/d.yaml"),
        *("--additions", f"{NOWHERE}/a.yaml"),
        expect=NOWHERE,
        absent=[NOWHERE, "{tmp}/d.yaml"],
    ),
    case(
        "extract-additions-is-folder",
        *("extract", "{source}", "--data", "{data}", "--out", "{tmp}/d.yaml"),
        *("--additions", "{empty}", "--force"),
        expect="{empty}",
        absent=["{tmp}/d.yaml"],
    ),
    case(
        "extract-without-unknown-document",
        *("extract", "{source}", "--data", "{data}", "--out", "{tmp}/d.yaml"),
        *("--additions", "{tmp}/a.yaml", "--without", "999"),
        expect="999",
        absent=["{tmp}/d.yaml", "{tmp}/a.yaml"],
    ),
    case(
        "extract-evaluate-data-missing",
        *("extract", "--evaluate", "--data", "{tmp}/nowhere"),
        expect="nowhere",
    ),
    case(
        "extract-evaluate-out-under-a-file",
        *("extract", "--evaluate", "--data", "{data}", "--out", "{file}/e.json"),
        expect="{file}",
    ),
    case(
        "extract-evaluate-out-parent-missing",
        *("extract", "--evaluate", "--data", "{data}", "--out", f"{NOWHERE}/e.json"),
        expect=NOWHERE,
        absent=[NOWHERE],
    ),
    # kg add
    case("add-source-missing", "add", "{tmp}/no-page.html", "--data", "{data}", expect="no-page"),
    case("add-source-is-folder", "add", "{empty}", "--data", "{data}", expect="is a directory"),
    case(
        "add-source-binary",
        *("add", "{binary_source}", "--data", "{data}", "--url", "https://example.org/a"),
        expect="{binary_source}",
    ),
    case("add-source-not-a-release", "add", "{file}", "--data", "{data}", expect="{file}"),
    case(
        "add-text-without-address",
        *("add", "{source}", "--data", "{data}"),
        expect="--url",
    ),
    case(
        "add-data-missing",
        *("add", "{source}", "--data", "{tmp}/nowhere", "--url", "https://example.org/a"),
        expect="nowhere",
        absent=["{tmp}/nowhere"],
    ),
    case(
        "add-retrieved-not-a-date",
        *("add", "{source}", "--data", "{data}", "--url", "https://example.org/a"),
        *("--retrieved", "soon"),
        expect="--retrieved",
    ),
    case("add-source-empty-string", "add", "", "--data", "{data}"),
    # kg serve: only failures before it serves
    case("serve-dist-missing", "serve", "--dist", "{tmp}/nowhere", "--port", "0"),
    case("serve-dist-is-file", "serve", "--dist", "{file}", "--port", "0", expect="{file}"),
    case("serve-dist-empty-folder", "serve", "--dist", "{empty}", "--port", "0"),
    case("serve-dist-empty-string", "serve", "--dist", "", expect="--dist"),
    case("serve-store-missing", "serve", "--store", "{tmp}/nowhere", "--port", "0"),
    case("serve-store-is-file", "serve", "--store", "{file}", "--port", "0"),
    case("serve-store-is-not-a-store", "serve", "--store", "{junk}", "--port", "0"),
    case(
        "serve-port-in-use",
        *("serve", "--dist", "{dist}", "--port", "{silent}"),
        expect="127.0.0.1:{silent}",
    ),
    case("serve-port-negative", "serve", "--dist", "{dist}", "--port", "-1", expect="--port"),
    case("serve-port-too-large", "serve", "--dist", "{dist}", "--port", "70000", expect="--port"),
    case("serve-host-unknown", "serve", "--dist", "{dist}", "--host", "no-such-host.invalid"),
    case("serve-host-empty", "serve", "--dist", "{dist}", "--host", "", expect="--host"),
    case("serve-workers-zero", "serve", "--dist", "{dist}", "--workers", "0", expect="--workers"),
    case("serve-workers-negative", "serve", "--dist", "{dist}", "--workers", "-1"),
    case(
        "serve-worker-memory-tiny",
        "serve",
        "--dist",
        "{dist}",
        "--worker-memory",
        "3",
        expect="--worker-memory",
    ),
    case("serve-queue-negative", "serve", "--dist", "{dist}", "--queue", "-1", expect="--queue"),
    case(
        "serve-queue-wait-nan",
        "serve",
        "--dist",
        "{dist}",
        "--queue-wait",
        "nan",
        expect="--queue-wait",
    ),
    case(
        "serve-queue-wait-zero",
        "serve",
        "--dist",
        "{dist}",
        "--queue-wait",
        "0",
        expect="--queue-wait",
    ),
    case(
        "serve-per-client-zero",
        "serve",
        "--dist",
        "{dist}",
        "--per-client",
        "0",
        expect="--per-client",
    ),
    case("serve-query-timeout-zero", "serve", "--dist", "{dist}", "--query-timeout", "0"),
    case("serve-query-timeout-negative", "serve", "--dist", "{dist}", "--query-timeout", "-2"),
    case("serve-query-timeout-nan", "serve", "--dist", "{dist}", "--query-timeout", "nan"),
    case("serve-max-result-size-zero", "serve", "--dist", "{dist}", "--max-result-size", "0"),
    case("serve-max-result-size-negative", "serve", "--max-result-size", "-1"),
    case("serve-base-not-a-url", "serve", "--dist", "{dist}", "--base", "x", expect="--base"),
]


# --------------------------------------------------------------------------------------------
# What the cases refer to
# --------------------------------------------------------------------------------------------


class _Answer(http.server.BaseHTTPRequestHandler):
    """Answers every request with one status and an HTML page of several lines."""

    status = 404

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = (
            "<!DOCTYPE html>\n<html>\n<head>\n<title>Not here:\n the page you asked for</title>"
            "\n</head>\n<body>\n" + "<p>A long explanation.</p>\n" * 50 + "</body>\n</html>\n"
        ).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args) -> None:
        pass


class _Ok(_Answer):
    status = 200


def _http_server(handler) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _garbage_server() -> socket.socket:
    """A server that answers every connection with a line that is not HTTP, and closes it."""
    listener = socket.create_server(("127.0.0.1", 0))

    def run() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")

    threading.Thread(target=run, daemon=True).start()
    return listener


def silent_socket() -> socket.socket:
    """A socket that accepts connections (the kernel does, from its backlog) and never
    answers."""
    return socket.create_server(("127.0.0.1", 0), backlog=64)


@pytest.fixture(scope="module")
def bad(published_dist: Path, published_store: Path, tmp_path_factory):
    """The paths and ports the cases refer to."""
    tmp = tmp_path_factory.mktemp("bad")
    places = {"tmp": tmp, "dist": published_dist, "store": published_store}
    places["file"] = tmp / "a-file.txt"
    places["empty"] = tmp / "empty"
    places["junk"] = tmp / "junk"
    places["data"] = tmp / "data"
    reset(places)
    nowhere_before = Path(NOWHERE).exists()
    places["garbage_ttl"] = tmp / "garbage.ttl"
    places["garbage_ttl"].write_text("@prefix : <x> .\nthis is { not Turtle @@@\n")
    places["binary"] = tmp / "binary.dat"
    places["binary"].write_bytes(b"\xff\xfe\x00\x81garbage\x00\n" * 4)
    places["garbage_rq"] = tmp / "garbage.rq"
    places["garbage_rq"].write_text("SELEKT ?x WHERE\n")
    places["empty_rq"] = tmp / "empty.rq"
    places["empty_rq"].write_text("")
    places["source"] = places["data"] / "sources" / SOURCE.name
    places["binary_source"] = tmp / "005_0123456789abcdef.txt"
    places["binary_source"].write_bytes(b"\xff\xfe\x00\x81garbage\x00\n" * 4)
    places["bad_data"] = tmp / "bad-data"
    shutil.copytree(DATA, places["bad_data"])
    (places["bad_data"] / "documents" / "000.yaml").write_text("id: [000\n  : : garbage {\n")
    for name, dump in (
        ("bad_nq_dist", "kg.nq"),
        ("bad_trig_dist", "kg.trig"),
        ("bad_ttl_dist", "kg-inferred.ttl"),
    ):
        places[name] = tmp / name
        shutil.copytree(published_dist, places[name])
        path = places[name] / dump
        path.write_text(path.read_text()[:2000] + "\nthis is not RDF @@@ <\n")
    places["binary_dist"] = tmp / "binary_dist"
    shutil.copytree(published_dist, places["binary_dist"])
    for dump in ("kg.nq", "kg.nt", "kg.trig", "kg-inferred.ttl"):
        (places["binary_dist"] / dump).write_bytes(b"\xff\xfe\x00\x81garbage\n" * 4)
    servers = [_http_server(_Answer), _http_server(_Ok)]
    places["http404"], places["html200"] = (s.server_address[1] for s in servers)
    garbage, silent = _garbage_server(), silent_socket()
    places["garbage"] = garbage.getsockname()[1]
    places["silent"] = silent.getsockname()[1]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        places["refused"] = probe.getsockname()[1]
    yield {key: str(value) for key, value in places.items()}
    for server in servers:
        server.shutdown()
        server.server_close()
    garbage.close()
    silent.close()
    if not nowhere_before and Path(NOWHERE).exists():  # made by a case that failed its test
        shutil.rmtree(NOWHERE)


def reset(places) -> None:
    """The file, the folders and the copy of the curated data as they were (a case that fails
    its test may have replaced them)."""
    for path in (places["file"], places["empty"], places["junk"], places["data"]):
        path = Path(path)
        if path.is_dir():
            shutil.rmtree(path)
        path.unlink(missing_ok=True)
    shutil.copytree(DATA, places["data"])
    Path(places["file"]).write_text("a file, not a folder\n")
    Path(places["empty"]).mkdir()
    Path(places["junk"]).mkdir()
    (Path(places["junk"]) / "notes.txt").write_text("someone's notes\n")


def fill(text: str, places: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: places.get(m[1], m[0]), text)


def run_kg(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """`kg ARGS` in a process of its own, as a user runs it."""
    environment = {k: v for k, v in os.environ.items() if k != "KG_BASE"}
    environment.update(env or {})
    command = [sys.executable, "-m", "kg.cli", *args]
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the query workers of a serve too
    )
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"kg {' '.join(args)} did not end in {TIMEOUT} s (serving?)")
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def assert_one_line_error(result: subprocess.CompletedProcess) -> str:
    """The error line of a failed `kg` run, after checking that there is exactly one."""
    output = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode != 0, output
    assert "Traceback" not in result.stdout + result.stderr, output
    assert "internal error" not in result.stderr, output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, output
    if lines[0].startswith("usage: kg"):  # argparse: usage lines, then one error line
        errors = [line for line in lines if re.match(r"kg( [\w-]+)?: error: \S", line)]
        assert len(errors) == 1 and lines[-1] == errors[0], output
        return errors[0]
    assert len(lines) == 1, output
    assert re.match(r"error: \S", lines[0]), output
    return lines[0]


# --------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "expect", "env", "absent", "kept"), CASES)
def test_bad_input_fails_in_one_line(bad, tmp_path, args, expect, env, absent, kept):
    cwd = tmp_path  # where relative defaults (data, dist, .kg-cache) lead nowhere
    reset(bad)
    result = run_kg([fill(a, bad) for a in args], cwd, env)
    line = assert_one_line_error(result)
    # The rule of kg.cli's exit statuses: 2 for a wrong command line (said after its usage
    # line), 1 for an error in the data or the request.
    usage = result.stderr.lstrip().startswith("usage: kg")
    assert result.returncode == (2 if usage else 1), (result.returncode, line)
    if expect is not None:
        assert fill(expect, bad) in line
    for path in absent:
        assert not Path(fill(path, bad)).exists(), f"{fill(path, bad)} was written: {line}"
    for path in kept:
        assert Path(fill(path, bad)).exists(), f"{fill(path, bad)} was removed: {line}"
    assert list(cwd.iterdir()) == [], "a failed command wrote into the working folder"


def test_the_cases_cover_every_command():
    result = run_kg(["--help"], ROOT)
    listed = re.search(r"\{([\w,]+)\}", result.stdout)[1].split(",")
    tried = {p.values[0][0] if p.values[0] else "" for p in CASES}
    assert set(listed) <= tried


def test_push_to_a_server_that_never_answers_names_it_and_the_timeout(bad):
    endpoint = f"http://127.0.0.1:{bad['silent']}/sparql"
    args = ["push", "--endpoint", endpoint, "--dist", bad["dist"], "--timeout", "0.3"]
    result = run_kg([*args, "--retries", "1"], Path(bad["tmp"]))
    line = assert_one_line_error(result)
    assert f"127.0.0.1:{bad['silent']}" in line
    assert "no answer in 0.3 s" in line and "--timeout" in line, line


def test_push_reports_an_error_page_in_one_short_line(bad):
    endpoint = f"http://127.0.0.1:{bad['http404']}/sparql"
    result = run_kg(["push", "--endpoint", endpoint, "--dist", bad["dist"]], Path(bad["tmp"]))
    line = assert_one_line_error(result)
    assert "HTTP 404 Not Found" in line and "Not here: the page you asked for" in line, line
    assert "explanation" not in line and len(line) < 400, line


def test_debug_shows_the_traceback(bad):
    result = run_kg(
        ["--debug", "load", "--dist", bad["dist"], "--store", f"{bad['file']}/store"],
        Path(bad["tmp"]),
    )
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_kg_cli_runs_as_a_module():
    result = run_kg(["--version"], ROOT)
    assert result.returncode == 0 and result.stdout.startswith("kg ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
@pytest.mark.parametrize(
    "args",
    [
        ["publish", "--data", "{data}", "--out", "{locked}/dist"],
        ["synth", "--documents", "1", "--out", "{locked}/corpus"],
        ["load", "--dist", "{dist}", "--store", "{locked}/store"],
        ["extract", "{source}", "--data", "{data}", "--out", "{locked}/d.yaml"],
    ],
    ids=["publish", "synth", "load", "extract"],
)
def test_a_folder_that_cannot_be_written_is_named(bad, tmp_path, args):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = run_kg([fill(a, {**bad, "locked": str(locked)}) for a in args], tmp_path)
        line = assert_one_line_error(result)
        assert str(locked) in line
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_an_unforeseen_failure_is_one_line_with_a_hint_and_its_own_status(monkeypatch, capsys):
    from kg import cli

    def broken(args):
        raise ValueError("a bug in a stage\nand a second line")

    monkeypatch.setattr("kg.cli.querying.run_queries", broken)
    assert cli.main(["queries"]) == cli.INTERNAL_ERROR != 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: internal error: ValueError: a bug in a stage (")
    assert "--debug" in lines[0]
    with pytest.raises(ValueError, match="a bug in a stage"):
        cli.main(["--debug", "queries"])


def test_an_os_error_is_said_as_the_system_says_it(monkeypatch, capsys):
    from kg import cli

    def denied(args):
        raise PermissionError(13, "Permission denied", "/srv/kg/dist/kg.nq")

    monkeypatch.setattr("kg.cli.querying.run_queries", denied)
    assert cli.main(["queries"]) == 1
    assert capsys.readouterr().err == "error: /srv/kg/dist/kg.nq: Permission denied\n"
