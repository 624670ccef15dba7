"""The query page's editor (kg.server.editor): the build step that fetches YASQE, the
vocabulary it completes, the assets over HTTP, the chart of results with numbers, and the
editor in a browser.

The build step's tests use tarballs made here (never the network); the HTTP and browser tests
of the editor need the real bundle, which `make install` fetches: without it they skip, saying
so, and on CI (where `CI` is set) they fail."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import http.server
import io
import os
import tarfile
import threading
from pathlib import Path

import httpx
import pytest

from kg.errors import KgError
from kg.server import charts, editor

KG = "https://kg.example.org/def/kg#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCRIPT = b"window.Yasqe = function () {};\n" * 4  # the largest kept member
STYLE = b".yasqe { color: black }\n"
MANIFEST = b'{"name": "@zazuko/yasqe", "version": "4.6.2", "license": "MIT"}\n'
GOOD = {
    "package/build/yasqe.min.js": SCRIPT,
    "package/build/yasqe.min.css": STYLE,
    "package/package.json": MANIFEST,
    # members that are not kept
    "package/build/yasqe.esm.js": b"export {};\n",
    "package/build/yasqe.min.js.map": b"{}\n",
}


def tarball(members: dict[str, bytes], extra: list[tarfile.TarInfo] = ()) -> bytes:
    """A gzipped tarball of `members` (regular files) and `extra` headers (links, devices)."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
        for info in extra:
            tar.addfile(info)
    return out.getvalue()


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def install(tmp_path: Path, data: bytes, pinned: str | None = None) -> Path:
    """`editor.install` of `data` (as a downloaded file) into tmp_path/vendor."""
    source = tmp_path / "yasqe.tgz"
    source.write_bytes(data)
    return editor.install(tmp_path / "vendor", source, pinned or integrity(data))


def written(tmp_path: Path) -> list[str]:
    """What is in the vendor folder: every name, leftovers included."""
    vendor = tmp_path / "vendor"
    return sorted(str(p.relative_to(vendor)) for p in vendor.rglob("*")) if vendor.exists() else []


def refused(tmp_path: Path, data: bytes) -> str:
    """The one-line message of a refused tarball; nothing may have been written."""
    with pytest.raises(KgError) as caught:
        install(tmp_path, data)
    message = str(caught.value)
    assert "\n" not in message
    assert written(tmp_path) == []
    return message


# --------------------------------------------------------------------------------------------
# The build step
# --------------------------------------------------------------------------------------------


def test_the_pin_is_a_sha512_of_the_named_version():
    assert editor.TARBALL == "https://registry.npmjs.org/@zazuko/yasqe/-/yasqe-4.6.2.tgz"
    algorithm, _, digest = editor.INTEGRITY.partition("-")
    assert algorithm == "sha512" and len(base64.b64decode(digest, validate=True)) == 64
    assert editor.FOLDER.removeprefix("yasqe-") == editor.VERSION


def test_a_checked_tarball_gives_the_bundle_and_nothing_else(tmp_path):
    folder = install(tmp_path, tarball(GOOD))
    assert folder == tmp_path / "vendor" / "yasqe-4.6.2"
    assert written(tmp_path) == [
        "yasqe-4.6.2",
        "yasqe-4.6.2/package.json",
        "yasqe-4.6.2/yasqe.min.css",
        "yasqe-4.6.2/yasqe.min.js",
    ]
    assert (folder / "yasqe.min.js").read_bytes() == SCRIPT
    assert (folder / "yasqe.min.css").read_bytes() == STYLE
    assert (folder / "package.json").read_bytes() == MANIFEST
    assert editor.installed(tmp_path / "vendor") == folder
    assert editor.assets(tmp_path / "vendor") == {
        "script": "/static/vendor/yasqe-4.6.2/yasqe.min.js",
        "style": "/static/vendor/yasqe-4.6.2/yasqe.min.css",
    }


def test_without_the_bundle_there_are_no_assets(tmp_path):
    assert editor.installed(tmp_path) is None and editor.assets(tmp_path) is None
    # a folder missing one of the files is not the bundle either
    (tmp_path / "yasqe-4.6.2").mkdir()
    (tmp_path / "yasqe-4.6.2" / "yasqe.min.js").write_bytes(SCRIPT)
    assert editor.assets(tmp_path) is None


def test_an_integrity_mismatch_is_refused_in_one_line(tmp_path):
    data = tarball(GOOD)
    tampered = data[:-1] + bytes([data[-1] ^ 1])
    with pytest.raises(KgError) as caught:
        install(tmp_path, tampered, pinned=integrity(data))
    message = str(caught.value)
    assert "\n" not in message
    assert f"the tarball's SHA-512 is {integrity(tampered)}, the pinned one {integrity(data)}" in (
        message
    )
    assert written(tmp_path) == []


def test_the_command_refuses_a_tarball_that_is_not_the_pinned_one(tmp_path, capsys):
    source = tmp_path / "yasqe.tgz"
    source.write_bytes(tarball(GOOD))  # a good bundle, but not the reviewed one
    status = editor.main(["--vendor", str(tmp_path / "vendor"), "--tarball", str(source)])
    assert status == 1
    err = capsys.readouterr().err
    assert err.startswith(f"editor: error: {source}: integrity mismatch") and err.count("\n") == 1
    assert written(tmp_path) == []


def test_the_command_installs_a_tarball_of_the_pinned_hash(tmp_path, capsys, monkeypatch):
    data = tarball(GOOD)
    source = tmp_path / "yasqe.tgz"
    source.write_bytes(data)
    monkeypatch.setattr(editor, "INTEGRITY", integrity(data))
    status = editor.main(["--vendor", str(tmp_path / "vendor"), "--tarball", str(source)])
    assert status == 0
    folder = tmp_path / "vendor" / "yasqe-4.6.2"
    assert capsys.readouterr().out == f"editor: @zazuko/yasqe 4.6.2 in {folder}\n"
    assert (folder / "yasqe.min.js").read_bytes() == SCRIPT


def _link(name: str, target: str, kind: bytes = tarfile.SYMTYPE) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info


@pytest.mark.parametrize(
    "name",
    [
        "../yasqe.min.js",
        "package/../../yasqe.min.js",
        "package/build/../../../etc/cron.d/x",
        "/etc/passwd",
        "package\\..\\..\\x",
        "",
    ],
)
def test_a_member_escaping_its_folder_is_refused(tmp_path, name):
    message = refused(tmp_path, tarball({**GOOD, name: b"x"}))
    assert message.endswith(f"member {name!r} escapes the package folder")


def test_a_member_outside_the_package_folder_is_refused(tmp_path):
    message = refused(tmp_path, tarball({**GOOD, "other/yasqe.min.js": b"x"}))
    assert message.endswith("member 'other/yasqe.min.js' is outside package/")


@pytest.mark.parametrize(
    "link",
    [
        _link("package/build/yasqe.min.css", "/etc/passwd"),  # a kept member as a link
        _link("package/docs", "../../.."),  # a link that is not kept
        _link("package/build/copy.js", "package/build/yasqe.min.js", tarfile.LNKTYPE),
    ],
    ids=["symbolic-kept", "symbolic-other", "hard"],
)
def test_a_link_is_refused(tmp_path, link):
    members = {k: v for k, v in GOOD.items() if k != link.name}
    message = refused(tmp_path, tarball(members, [link]))
    assert message.endswith(f"member {link.name!r} is a link")


def test_a_device_is_refused(tmp_path):
    device = tarfile.TarInfo("package/build/null")
    device.type = tarfile.CHRTYPE
    message = refused(tmp_path, tarball(GOOD, [device]))
    assert message.endswith("member 'package/build/null' is not a regular file")


def test_a_kept_member_twice_is_refused(tmp_path):
    data = tarball(GOOD, [])
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, content in [*GOOD.items(), ("package/./build/yasqe.min.js", b"evil()")]:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    assert out.getvalue() != data
    message = refused(tmp_path, out.getvalue())
    assert message.endswith("member 'package/build/yasqe.min.js' is there twice")


def test_a_missing_member_is_refused(tmp_path):
    members = {k: v for k, v in GOOD.items() if not k.endswith(".css")}
    assert refused(tmp_path, tarball(members)).endswith(
        "the tarball has no package/build/yasqe.min.css"
    )


def test_what_is_not_a_gzipped_tarball_is_refused(tmp_path):
    assert "not a readable gzipped tarball" in refused(tmp_path, b"<html>502 Bad Gateway</html>")


def test_a_member_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(editor, "MAX_MEMBER_BYTES", len(SCRIPT) - 1)
    message = refused(tmp_path, tarball(GOOD))
    assert message.endswith(
        f"member 'package/build/yasqe.min.js' is {len(SCRIPT):,} bytes; at most {len(SCRIPT) - 1}"
    )


def test_a_member_at_the_size_limit_is_taken(tmp_path, monkeypatch):
    monkeypatch.setattr(editor, "MAX_MEMBER_BYTES", len(SCRIPT))
    assert install(tmp_path, tarball(GOOD)).is_dir()


def test_more_unpacked_bytes_than_the_limit_are_refused(tmp_path, monkeypatch):
    # counted over every member, kept or not: a bomb need not be named like the bundle
    monkeypatch.setattr(editor, "MAX_UNPACKED_BYTES", sum(map(len, GOOD.values())) + 99)
    message = refused(tmp_path, tarball({**GOOD, "package/padding": b"0" * 100}))
    assert message.endswith(f"more than {editor.MAX_UNPACKED_BYTES:,} bytes unpacked")


def test_more_members_than_the_limit_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(editor, "MAX_MEMBERS", len(GOOD))
    assert install(tmp_path, tarball(GOOD)).is_dir()
    (tmp_path / "again").mkdir()
    message = refused(tmp_path / "again", tarball({**GOOD, "package/one-more": b""}))
    assert message.endswith(f"more than {len(GOOD)} members")


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    data = tarball(GOOD)
    source = tmp_path / "yasqe.tgz"
    source.write_bytes(data)
    writes = []
    real = Path.write_bytes

    def failing(self, content):
        writes.append(self.name)
        if len(writes) == 2:
            raise OSError(28, "No space left on device")
        return real(self, content)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError):
        editor.install(tmp_path / "vendor", source, integrity(data))
    monkeypatch.undo()
    # one file of the bundle was written, the second failed: the folder went with it
    assert writes == ["package.json", "yasqe.min.css"]
    assert written(tmp_path) == []
    assert editor.assets(tmp_path / "vendor") is None


def test_an_installed_bundle_is_not_fetched_again_and_other_versions_go(tmp_path, monkeypatch):
    install(tmp_path, tarball(GOOD))
    old = tmp_path / "vendor" / "yasqe-4.5.0"
    old.mkdir()
    (old / "yasqe.min.js").write_bytes(b"old")

    def no_network(*args, **kwargs):
        raise AssertionError("downloaded again")

    monkeypatch.setattr(editor, "download", no_network)
    assert editor.install(tmp_path / "vendor") == tmp_path / "vendor" / "yasqe-4.6.2"
    assert not old.exists()


class _Registry(http.server.BaseHTTPRequestHandler):
    """A registry answering every request with `body`, with or without Content-Length."""

    body = b""
    status = 200
    length: bool | str = True  # str: the Content-Length sent, whatever the body's

    def do_GET(self) -> None:
        self.send_response(self.status)
        if self.length:
            declared = self.length if isinstance(self.length, str) else str(len(self.body))
            self.send_header("Content-Length", declared)
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def registry():
    """A local registry whose answer each test sets; yields (handler class, address)."""

    class Handler(_Registry):
        pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.protocol_version = "HTTP/1.0"  # without Content-Length the body ends at close
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield Handler, f"http://127.0.0.1:{server.server_address[1]}/yasqe.tgz"
    finally:
        server.shutdown()
        server.server_close()


def test_a_download_is_read_whole_under_the_limit(registry):
    handler, address = registry
    handler.body = b"x" * 1000
    assert editor.download(address, limit=1000) == handler.body


@pytest.mark.parametrize("length", [True, False], ids=["content-length", "until-close"])
def test_a_download_over_the_limit_is_refused(registry, length):
    handler, address = registry
    handler.body, handler.length = b"x" * 1001, length
    with pytest.raises(KgError) as caught:
        editor.download(address, limit=1000)
    said = "the tarball is 1,001 bytes" if length else "the tarball is more than 1,000 bytes"
    assert str(caught.value) == f"{address}: {said}" + ("; at most 1,000" if length else "")


def test_a_content_length_of_other_digits_is_not_read(registry):
    """A "²" is a digit to str.isdigit but not to int() (headers arrive as Latin-1): it is not
    a Content-Length, and the body is read and bounded as without one."""
    handler, address = registry
    handler.body = b"x" * 1000
    for declared in ("²", "1²"):
        handler.length = declared
        assert editor.download(address, limit=1000) == handler.body


def test_a_registry_error_is_one_line(registry):
    handler, address = registry
    handler.status, handler.body = 404, b"Not Found"
    with pytest.raises(KgError) as caught:
        editor.download(address)
    assert str(caught.value) == f"{address}: the registry answered 404 Not Found"


def test_an_unreachable_registry_is_one_line():
    with pytest.raises(KgError) as caught:
        editor.download("http://127.0.0.1:9/yasqe.tgz")
    assert str(caught.value).startswith("http://127.0.0.1:9/yasqe.tgz: cannot download it: ")
    assert "\n" not in str(caught.value)


# --------------------------------------------------------------------------------------------
# The vocabulary
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(published_dist):
    from kg.server.site import Site

    return Site(published_dist)


def test_the_vocabulary_is_the_graphs_own(site):
    vocabulary = editor.site_vocabulary(site)
    assert vocabulary["prefixes"]["kg"] == KG
    assert vocabulary["prefixes"]["id"] == "https://kg.example.org/id/"
    assert vocabulary["prefixes"]["geo"] == "http://www.opengis.net/ont/geosparql#"
    properties, classes = vocabulary["properties"], vocabulary["classes"]
    # the ontology's terms, typed or named by its axioms (imports.ttl) ...
    assert {KG + "signatory", KG + "fundingRecipient", KG + "comesFrom"} <= set(properties)
    assert "http://www.w3.org/ns/org#transitiveSubOrganizationOf" in properties
    assert {KG + "Campaign", "http://www.w3.org/ns/org#FormalOrganization"} <= set(classes)
    # ... then those of the graph: used, though no ontology of kg's declares them
    assert {"https://schema.org/name", "http://www.w3.org/ns/oa#hasTarget"} <= set(properties)
    assert "http://www.w3.org/ns/oa#Annotation" in classes
    assert properties.index(KG + "signatory") < properties.index("https://schema.org/name")
    assert KG + "signatory" not in classes and KG + "Campaign" not in properties
    assert vocabulary["cut"] == []


def test_the_vocabulary_is_cut_at_its_limit():
    ontology = {"property": {KG + "b", KG + "a"}, "class": {KG + "C"}}
    used = {"property": {f"http://example.org/p{i:04}" for i in range(3000)} | {KG + "a"}}
    vocabulary = editor.vocabulary({"kg": KG}, ontology, used, limit=2000)
    assert len(vocabulary["properties"]) == 2000
    assert vocabulary["properties"][:3] == [KG + "a", KG + "b", "http://example.org/p0000"]
    assert vocabulary["properties"][-1] == "http://example.org/p1997"
    assert vocabulary["classes"] == [KG + "C"]
    assert vocabulary["cut"] == ["properties"]
    exactly = editor.vocabulary({}, {}, {"class": {f"c{i}" for i in range(5)}}, limit=5)
    assert len(exactly["classes"]) == 5 and exactly["cut"] == []


# --------------------------------------------------------------------------------------------
# Over HTTP
# --------------------------------------------------------------------------------------------


def _pages(site, path: str, **headers) -> httpx.Response:
    """One request to the server's pages, in this process (no query workers)."""
    from kg.server.app import Server

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=Server(site, pool=None).app)
        async with httpx.AsyncClient(transport=transport, base_url="http://kg") as client:
            return await client.get(path, headers=headers)

    return asyncio.run(get())


def test_without_the_bundle_the_query_page_is_the_plain_form(site, monkeypatch):
    monkeypatch.setattr(editor, "assets", lambda vendor=None: None)
    page = _pages(site, "/query")
    assert page.status_code == 200
    assert '<textarea class="code" name="query" id="query"' in page.text
    assert 'action="/query" method="get" id="query-form"' in page.text
    for absent in ("yasqe", "/static/query.js", "<datalist", "editor-help"):
        assert absent not in page.text


def test_static_files_are_cached_by_whether_their_address_is_versioned(tmp_path):
    from starlette.applications import Starlette
    from starlette.routing import Mount

    (tmp_path / "vendor" / "yasqe-4.6.2").mkdir(parents=True)
    (tmp_path / "vendor" / "yasqe-4.6.2" / "yasqe.min.js").write_bytes(SCRIPT)
    (tmp_path / "vendor" / ".yasqe-4.6.2.lock").write_text("1234\n")
    (tmp_path / "kg.js").write_text("// kg\n")
    app = Starlette(routes=[Mount("/static", editor.StaticAssets(directory=tmp_path))])

    async def get(path: str, **headers) -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://kg") as client:
            return await client.get(path, headers=headers)

    bundle = asyncio.run(get("/static/vendor/yasqe-4.6.2/yasqe.min.js"))
    assert bundle.content == SCRIPT
    assert bundle.headers["cache-control"] == "public, max-age=31536000, immutable"
    again = asyncio.run(
        get("/static/vendor/yasqe-4.6.2/yasqe.min.js", **{"If-None-Match": bundle.headers["etag"]})
    )
    assert again.status_code == 304
    assert again.headers["cache-control"] == "public, max-age=31536000, immutable"
    own = asyncio.run(get("/static/kg.js"))
    assert own.status_code == 200 and own.headers["cache-control"] == "no-cache"
    assert asyncio.run(get("/static/vendor/.yasqe-4.6.2.lock")).status_code == 404


def _bundle_or_skip() -> None:
    if editor.installed() is None:
        reason = "the editor's bundle is not fetched (make editor)"
        if os.environ.get("CI"):
            pytest.fail(f"the editor must be tested on CI: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def served(kg_server):
    _bundle_or_skip()
    with httpx.Client(base_url=kg_server, timeout=30) as client:
        yield client


def test_the_query_page_links_the_editor_and_carries_its_vocabulary(served):
    page = served.get("/query").text
    assert '<link rel="stylesheet" href="/static/vendor/yasqe-4.6.2/yasqe.min.css">' in page
    assert '<script src="/static/vendor/yasqe-4.6.2/yasqe.min.js" defer></script>' in page
    assert '<script src="/static/query.js" defer></script>' in page
    assert f'<option value="{KG}" label="kg"></option>' in page
    assert f'<option value="{KG}signatory"></option>' in page
    assert f'<option value="{KG}Campaign"></option>' in page
    # the link to the query shown: the page that runs it
    assert 'id="share" href="/query?query=PREFIX%20rdfs%3A%20%3Chttp%3A//www.w3.org/' in page


@pytest.mark.parametrize(
    "path, media, cache",
    [
        (
            "/static/vendor/yasqe-4.6.2/yasqe.min.js",
            "text/javascript; charset=utf-8",
            "public, max-age=31536000, immutable",
        ),
        (
            "/static/vendor/yasqe-4.6.2/yasqe.min.css",
            "text/css; charset=utf-8",
            "public, max-age=31536000, immutable",
        ),
        ("/static/query.js", "text/javascript; charset=utf-8", "no-cache"),
        ("/static/kg.css", "text/css; charset=utf-8", "no-cache"),
    ],
)
def test_the_editor_assets_are_served_with_their_types_and_caching(served, path, media, cache):
    response = served.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == media
    assert response.headers["cache-control"] == cache
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in response.headers["content-security-policy"]
    current = served.get(path, headers={"If-None-Match": response.headers["etag"]})
    assert current.status_code == 304 and current.headers["cache-control"] == cache


def test_the_served_bundle_is_yasqe(served):
    script = served.get("/static/vendor/yasqe-4.6.2/yasqe.min.js").text
    assert "registerAutocompleter" in script and "forkAutocompleter" in script
    manifest = served.get("/static/vendor/yasqe-4.6.2/package.json").json()
    assert (manifest["name"], manifest["version"], manifest["license"]) == (
        "@zazuko/yasqe",
        "4.6.2",
        "MIT",
    )


# --------------------------------------------------------------------------------------------
# Results as a chart
# --------------------------------------------------------------------------------------------


class _Site:
    """What results_chart asks of a site: names and addresses of IRIs."""

    def label(self, iri: str) -> str:
        return "label of " + iri.rpartition("/")[2]

    def href(self, iri: str) -> str:
        return "/id/" + iri.rpartition("/")[2]


def _number(value: str, datatype: str = "integer") -> dict:
    return {"type": "literal", "value": value, "datatype": XSD + datatype}


def _rows(*values: dict) -> list[dict]:
    return [
        {"thing": {"type": "uri", "value": f"https://kg.example.org/id/t{i}"}, "n": value}
        for i, value in enumerate(values)
    ]


def test_results_with_numbers_are_drawn_as_bars():
    chart = charts.results_chart(
        _Site(), ["thing", "n"], _rows(_number("54"), _number("2.5", "decimal"), _number("-3"))
    )
    assert chart.title == "n by thing" and (chart.bars, chart.total) == (3, 3)
    svg = str(chart.svg)
    assert svg.count('class="chart-bar"') == 3
    assert '<a href="/id/t0" aria-label="label of t0">' in svg
    assert ">54</text>" in svg and ">2.5</text>" in svg and ">-3</text>" in svg
    assert 'class="chart-zero"' in svg  # the negative value drawn to the left of zero


@pytest.mark.parametrize(
    "values",
    [
        [_number("54"), _number("abc")],  # ill-typed
        [_number("54"), _number("NaN", "double")],
        [_number("54"), _number("INF", "double")],
        [_number("54"), {"type": "literal", "value": "7"}],  # a string
        [_number("54")],  # one row: nothing to compare
    ],
    ids=["ill-typed", "nan", "infinite", "string", "one-row"],
)
def test_results_without_a_column_of_numbers_get_no_chart(values):
    assert charts.results_chart(_Site(), ["thing", "n"], _rows(*values)) is None


def test_a_chart_of_results_draws_the_first_rows_only():
    rows = _rows(*[_number(str(i)) for i in range(charts.MAX_BARS + 7)])
    chart = charts.results_chart(_Site(), ["thing", "n"], rows)
    assert (chart.bars, chart.total) == (charts.MAX_BARS, charts.MAX_BARS + 7)
    assert chart.title == f"n by thing: the first {charts.MAX_BARS} of {charts.MAX_BARS + 7} rows"
    assert str(chart.svg).count('class="chart-bar"') == charts.MAX_BARS
    at_limit = charts.results_chart(_Site(), ["thing", "n"], rows[: charts.MAX_BARS])
    assert at_limit.title == "n by thing" and at_limit.bars == charts.MAX_BARS


def test_the_query_page_draws_a_chart_of_counts(kg_server):
    query = (
        "SELECT ?class (COUNT(*) AS ?n) WHERE { ?s a ?class "
        "FILTER(?class IN (kg:City, kg:Country)) } GROUP BY ?class ORDER BY ?class"
    )
    page = httpx.get(kg_server + "/query", params={"query": query}, timeout=30).text
    figure = page[page.index('<figure id="chart">') :]
    figure = figure[: figure.index("</figure>")]
    assert "<h3>n by class</h3>" in figure
    assert figure.count('class="chart-bar"') == 2
    assert '<a href="/def/kg#City" aria-label="city">' in figure


# --------------------------------------------------------------------------------------------
# In a browser
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from test_browser import chromium

    _bundle_or_skip()
    yield from chromium(tmp_path_factory, console=True)


def _editor_value(driver) -> str:
    return driver.execute_script("return window.kgEditor.getValue()")


def _fresh_editor(driver, address: str, text: str = ""):
    """The query page with the editor ready and holding `text`; returns its input."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from test_browser import wait_for

    driver.get(address)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return !!window.kgEditor"))
    driver.execute_script("window.kgEditor.setValue(arguments[0])", text)
    wait_for(driver, ".CodeMirror textarea")
    return driver.find_element(By.CSS_SELECTOR, ".CodeMirror textarea")


def _hints(driver, timeout: float = 10) -> list[str]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".CodeMirror-hint")
    )
    return [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".CodeMirror-hint")]


def test_typing_a_query_completes_a_property_and_runs_it(browser, kg_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from test_browser import wait_for, wait_for_new_document

    typing = _fresh_editor(browser, kg_server + "/query")
    old_page = browser.find_element(By.TAG_NAME, "html")
    # kg: is one of the prefixes the endpoint takes undeclared: no PREFIX line is needed
    typing.send_keys("SELECT ?agreement ?who WHERE { ?agreement kg:signa")
    assert _hints(browser) == ["kg:signatory"]
    typing.send_keys(Keys.ENTER, " ?who }")
    query = "SELECT ?agreement ?who WHERE { ?agreement kg:signatory ?who }"
    assert _editor_value(browser) == query
    # highlighted: its keywords, variables and prefixed name by kind, and no error marked
    kinds = browser.execute_script(
        "return Array.from(document.querySelectorAll('.CodeMirror-code span[class^=cm-]'))"
        ".map(s => [s.className, s.textContent])"
    )
    assert ["cm-keyword", "SELECT"] in kinds and ["cm-atom", "?who"] in kinds
    assert ["cm-string-2", "kg:signatory"] in kinds
    assert not browser.find_elements(By.CSS_SELECTOR, ".parseErrorIcon")

    browser.find_element(By.ID, "run").click()
    wait_for_new_document(browser, old_page)
    table = wait_for(browser, "#results")
    assert [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")] == [
        "agreement",
        "who",
    ]
    cells = [
        [td.text for td in row.find_elements(By.TAG_NAME, "td")]
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")
    ]
    assert cells == [
        ["Cooperation agreement between IOM and the National Human Rights Commission", "IOM Mexico"]
    ]
    # the address of the results holds the query: the editor shows it again
    WebDriverWait(browser, 15).until(lambda d: d.execute_script("return !!window.kgEditor"))
    assert _editor_value(browser) == query


def test_a_class_is_completed_after_a(browser, kg_server):
    from selenium.webdriver.common.keys import Keys

    typing = _fresh_editor(browser, kg_server + "/query")
    typing.send_keys("SELECT ?c WHERE { ?c a kg:Camp")
    assert _hints(browser) == ["kg:Campaign"]
    typing.send_keys(Keys.ENTER, " }")
    assert _editor_value(browser) == "SELECT ?c WHERE { ?c a kg:Campaign }"


def test_a_prefix_the_endpoint_does_not_know_is_marked(browser, kg_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    _fresh_editor(browser, kg_server + "/query", "SELECT * WHERE { ?s foaf:name ?o }")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".parseErrorIcon"))
    browser.execute_script(
        "window.kgEditor.setValue(arguments[0])", "SELECT * WHERE { ?s schema:name ?o }"
    )
    WebDriverWait(browser, 10).until(
        lambda d: not d.find_elements(By.CSS_SELECTOR, ".parseErrorIcon")
    )


def test_the_link_to_a_query_restores_it(browser, kg_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from test_browser import wait_for

    query = (
        "SELECT ?place WHERE {\n  ?place a kg:City ; rdfs:label ?name .\n"
        '  FILTER(?name = "Tapachula"@en)\n}'
    )
    _fresh_editor(browser, kg_server + "/query", query)
    # the link follows the text as it is typed
    link = browser.find_element(By.ID, "share").get_attribute("href")
    assert link.startswith(kg_server + "/query?query=")
    browser.get("about:blank")
    browser.get(link)
    WebDriverWait(browser, 15).until(lambda d: d.execute_script("return !!window.kgEditor"))
    assert _editor_value(browser) == query
    assert browser.find_element(By.ID, "query").get_attribute("value") == query
    rows = wait_for(browser, "#results").find_elements(By.CSS_SELECTOR, "tbody tr")
    assert [row.text for row in rows] == ["Tapachula"]


def test_a_named_query_loads_into_the_editor_and_ctrl_enter_runs_it(browser, kg_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait

    from test_browser import wait_for, wait_for_new_document

    _fresh_editor(browser, kg_server + "/query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    page = browser.find_element(By.TAG_NAME, "html")
    Select(browser.find_element(By.ID, "example")).select_by_value("victims-assisted-over-time")
    wait_for_new_document(browser, page)
    WebDriverWait(browser, 15).until(lambda d: d.execute_script("return !!window.kgEditor"))
    text = _editor_value(browser)
    assert "victims-assisted" in text and text.startswith("# ")
    page = browser.find_element(By.TAG_NAME, "html")
    typing = browser.find_element(By.CSS_SELECTOR, ".CodeMirror textarea")
    typing.send_keys(Keys.CONTROL, Keys.END)
    typing.send_keys("\n# again")
    typing.send_keys(Keys.CONTROL, Keys.ENTER)
    wait_for_new_document(browser, page)
    assert len(wait_for(browser, "#results").find_elements(By.CSS_SELECTOR, "tbody tr")) == 4
    assert "example=" not in browser.current_url and "%23+again" in browser.current_url


def test_the_editor_needs_nothing_the_policy_refuses_nor_another_host(browser, kg_server):
    from selenium.webdriver.support.ui import WebDriverWait

    _fresh_editor(browser, kg_server + "/query?example=funders")
    browser.get_log("browser")  # start afresh
    browser.get(kg_server + "/query?example=funders")
    WebDriverWait(browser, 15).until(lambda d: d.execute_script("return !!window.kgEditor"))
    messages = [
        entry["message"]
        for entry in browser.get_log("browser")
        if "favicon.ico" not in entry["message"]
    ]
    assert messages == []
    names = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert names and all(name.startswith(kg_server + "/") for name in names), names
    # and nothing kept in the browser (a shared link shows its query, not a remembered one)
    assert browser.execute_script("return localStorage.length") == 0
