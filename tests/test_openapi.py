"""`/openapi.json`: the HTTP interface of `kg serve` in OpenAPI 3.1, checked by a real
validator (openapi-spec-validator), held to the application's real routes (a route added
without a description fails here), and each example address asked over HTTP: it answers with
a status and media type the document gives."""

from __future__ import annotations

import copy
import re

import httpx
import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation import OpenAPIV31SpecValidator
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from starlette.routing import Mount, Route

from kg.publish import search
from kg.server import openapi, paging, profiles
from kg.server.app import Server
from kg.server.site import Site
from kg.server.sparql import DEFAULT_MAX_QUERY_LENGTH

METHODS = {"get", "post", "options", "put", "delete", "patch"}


@pytest.fixture(scope="module")
def http(kg_server):
    with httpx.Client(base_url=kg_server, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def described(http) -> dict:
    response = http.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert (
        http.get("/openapi.json", headers={"If-None-Match": response.headers["etag"]}).status_code
        == 304
    )
    return response.json()


@pytest.fixture(scope="module")
def app_routes(published_dist) -> dict[str, set[str]]:
    """The application's own routes (a Server over the published files, without query
    workers), as OpenAPI paths with their methods."""
    server = Server(Site(published_dist), pool=None)
    found: dict[str, set[str]] = {}
    for route in server.app.routes:
        if isinstance(route, Mount):
            found[route.path + "/{file}"] = {"get"}
        else:
            assert isinstance(route, Route)
            found[openapi.route_path(route.path)] = {m.lower() for m in route.methods} - {"head"}
    return found


def test_the_document_is_valid_openapi_3_1(described):
    assert described["openapi"] == "3.1.0"
    validate(described, cls=OpenAPIV31SpecValidator)
    # the validator is a real one: it refuses a broken copy
    for breaking in (
        lambda d: d.pop("info"),
        lambda d: d["paths"]["/"]["get"]["responses"]["200"].pop("description"),
        lambda d: d["components"]["parameters"]["page"].update({"in": "body"}),
    ):
        broken = copy.deepcopy(described)
        breaking(broken)
        with pytest.raises(OpenAPIValidationError):
            validate(broken, cls=OpenAPIV31SpecValidator)


def test_every_route_is_described_and_nothing_else(described, app_routes):
    paths = described["paths"]
    assert set(app_routes) == set(paths), (
        f"routes without a description: {sorted(set(app_routes) - set(paths))}; "
        f"descriptions of no route: {sorted(set(paths) - set(app_routes))}"
    )
    for path, methods in app_routes.items():
        assert set(paths[path]) & METHODS == methods, path


def test_the_bounds_are_the_server_s(described):
    parameters = described["components"]["parameters"]
    assert parameters["limit"]["schema"]["x-maximum"] == paging.MAX_LIMIT
    assert parameters["page"]["schema"]["x-maximum"] == paging.MAX_PAGE
    assert parameters["query"]["schema"]["maxLength"] == DEFAULT_MAX_QUERY_LENGTH
    assert parameters["profile"]["schema"]["maxLength"] == profiles.MAX_PARAMETER
    q = next(p for p in described["paths"]["/search"]["get"]["parameters"] if p["name"] == "q")
    assert q["schema"]["maxLength"] == search.MAX_QUERY_LENGTH


def _resolve(described: dict, item: dict) -> dict:
    while "$ref" in item:
        kind, name = item["$ref"].split("/")[-2:]
        item = described["components"][kind][name]
    return item


def _address(path: str, parameters: list[dict]) -> str | None:
    """The path with each path parameter's example; None when one has none (a release's
    change set, on a folder that keeps none: tests/test_changes.py asks it there)."""
    for parameter in parameters:
        if parameter["in"] == "path":
            if "example" not in parameter:
                return None
            path = path.replace("{" + parameter["name"] + "}", parameter["example"])
    assert "{" not in path, path
    return path


def _answers_as_described(described, operation, response: httpx.Response, what: str) -> None:
    responses = operation["responses"]
    status = str(response.status_code)
    assert status in responses, (what, status, response.text[:200])
    content = _resolve(described, responses[status]).get("content")
    if content and response.content:
        media = response.headers["content-type"].split(";")[0]
        offered = {m.split(";")[0] for m in content}
        assert media in offered or "*/*" in offered, (what, media, offered)


def test_each_example_answers_as_described(http, described):
    asked = 0
    for path, item in described["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        parameters = [_resolve(described, p) for p in operation.get("parameters", [])]
        address = _address(path, parameters)
        if address is None:
            assert path == "/changes/{version}"
            continue
        response = http.get(address)
        _answers_as_described(described, operation, response, address)
        asked += 1
        # each query parameter's example, one at a time
        for parameter in parameters:
            examples = [parameter["example"]] if "example" in parameter else []
            examples += [e["value"] for e in parameter.get("examples", {}).values()]
            for example in examples:
                if parameter["in"] == "query":
                    response = http.get(address, params={parameter["name"]: example})
                elif parameter["in"] == "header":
                    response = http.get(address, headers={parameter["name"]: example})
                else:
                    continue
                _answers_as_described(described, operation, response, (address, example))
                asked += 1
    assert asked > 40


def test_refusals_are_described_too(http, described):
    for address, status in (
        ("/classes/org:Organization?page=0", "400"),
        ("/classes/org:Organization?page=99", "404"),
        ("/doc/organization/cndh?_profile=a&_profile=b", "400"),
        ("/doc/organization/nobody", "404"),
    ):
        response = http.get(address)
        assert str(response.status_code) == status
        template = re.sub(r"^/(classes|doc)/[^?]+.*", r"/\1/", address)
        path = {"/classes/": "/classes/{name}", "/doc/": "/doc/{path}"}[template]
        _answers_as_described(described, described["paths"][path]["get"], response, address)
