"""The generated documents themselves: valid OpenAPI 3.1, served as JSON and YAML pointing at
the server that serves them, covering every route the app registers for a vendor, parameters
equal to the query schemas, and examples that validate and match what the server sends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from mockdesk.app import create_app
from mockdesk.core.vendor import VendorSpec
from mockdesk.openapi import cli_main
from mockdesk.openapi.cli import DEFAULT_BASE_URL
from mockdesk.openapi.document import build_document, description_of, server_base
from mockdesk.openapi.examples import example_dataset
from mockdesk.openapi.model import DocumentContext
from mockdesk.openapi.paths import openapi_path
from mockdesk.settings import Settings
from mockdesk.vendors.registry import VENDORS

HOST = "http://docs.example:8123"
SLUGS = [spec.slug for spec in VENDORS]
# Routes a vendor answers that are not operations of its document, and why.
UNDOCUMENTED = {
    # Django's APPEND_SLASH redirects (any method → 301 to the slash form): described in the
    # document's description; a client never calls them on purpose.
    "29next": {"/api/admin/tickets", "/api/admin/tickets/<ticket_id>",
               "/api/admin/tickets/<ticket_id>/comments", "/api/admin/tickettypes",
               "/api/admin/tickettypes/<type_id>"},
}  # fmt: skip
# Members of a rendered error that change with every response (HostUp's request id and time).
VOLATILE = ("requestId", "timestamp")


@pytest.fixture(scope="module")
def app() -> Flask:
    return create_app(Settings())


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="module")
def documents(client: FlaskClient) -> dict[str, Any]:
    found = {}
    for slug in SLUGS:
        response = client.get(f"/__mockdesk/openapi/{slug}.json", base_url=HOST)
        assert response.status_code == 200, slug
        assert response.mimetype == "application/json"
        found[slug] = response.get_json()
    return found


def _responses(document: Any) -> Iterator[tuple[str, str, Any]]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                yield f"{method.upper()} {path}", status, response


@pytest.mark.parametrize("slug", SLUGS)
def test_each_document_is_valid_openapi_3_1(slug: str, documents: dict[str, Any]) -> None:
    validate(documents[slug])
    assert documents[slug]["openapi"] == "3.1.0"


@pytest.mark.parametrize("spec", VENDORS, ids=SLUGS)
def test_servers_0_is_this_server_at_the_vendors_base(
    spec: VendorSpec, documents: dict[str, Any]
) -> None:
    assert documents[spec.slug]["servers"][0]["url"] == HOST + server_base(spec)


@pytest.mark.parametrize("slug", SLUGS)
def test_yaml_is_the_same_document(slug: str, client: FlaskClient) -> None:
    as_yaml = client.get(f"/__mockdesk/openapi/{slug}.yaml", base_url=HOST)
    as_json = client.get(f"/__mockdesk/openapi/{slug}.json", base_url=HOST)
    assert as_yaml.status_code == 200 and as_yaml.mimetype == "application/yaml"
    assert _stable(yaml.safe_load(as_yaml.data)) == _stable(json.loads(as_json.data))


def test_unknown_vendor_or_format_is_404(client: FlaskClient) -> None:
    assert client.get("/__mockdesk/openapi/zendesk.json").status_code == 404
    assert client.get("/__mockdesk/openapi/sendcloud.xml").status_code == 404


def test_the_docs_page_links_every_document(client: FlaskClient) -> None:
    page = client.get("/__mockdesk/docs").get_data(as_text=True)
    for slug in SLUGS:
        for extension in ("json", "yaml"):
            assert f'href="openapi/{slug}.{extension}"' in page


@pytest.mark.parametrize("spec", VENDORS, ids=SLUGS)
def test_every_route_the_app_registers_for_the_vendor_is_documented(
    spec: VendorSpec, app: Flask, documents: dict[str, Any]
) -> None:
    document = documents[spec.slug]
    base = server_base(spec)
    documented = {
        (_shape(base + path), method.upper())
        for path, item in document["paths"].items()
        for method in item
    }
    names = {f"{spec.slug}.list", f"{spec.slug}.detail"}
    served = set()
    for rule in app.url_map.iter_rules():
        owned = rule.endpoint in names or (
            spec.routes is not None and rule.endpoint.startswith(spec.routes.name + ".")
        )
        if not owned or rule.rule in UNDOCUMENTED.get(spec.slug, ()):
            continue
        path, _ = openapi_path(rule.rule, {})
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}:
            served.add((_shape(path), method))
    assert served == documented


@pytest.mark.parametrize("slug", SLUGS)
def test_every_example_validates_against_its_schema(slug: str, documents: dict[str, Any]) -> None:
    document = documents[slug]
    checked = 0
    for operation, status, response in _responses(document):
        for media, content in response.get("content", {}).items():
            bodies = [entry["value"] for entry in content.get("examples", {}).values()]
            if "example" in content:
                bodies.append(content["example"])
            validator = Draft202012Validator(
                {**content["schema"], "components": document["components"]}
            )
            for body in bodies:
                assert [e.message for e in validator.iter_errors(body)] == [], (
                    operation,
                    status,
                    media,
                )
                checked += 1
    assert checked > 10


@pytest.mark.parametrize("slug", SLUGS)
def test_every_success_and_error_has_an_example(slug: str, documents: dict[str, Any]) -> None:
    """A body without an example is one nobody checked (binary files and the HTTP server's
    own 414 page aside)."""
    for operation, status, response in _responses(documents[slug]):
        for media, content in response.get("content", {}).items():
            if media == "text/html" and status == "414":
                continue
            if content["schema"].get("format") == "binary":
                continue
            assert "example" in content or content.get("examples"), (operation, status, media)


@pytest.mark.parametrize("spec", VENDORS, ids=SLUGS)
def test_parameters_are_the_query_schemas_fields(spec: VendorSpec) -> None:
    """Names, required-ness and defaults come from the marshmallow schema that parses them."""
    context = DocumentContext(HOST, example_dataset(spec))
    vendor = description_of(spec).describe(context)
    document = build_document(spec, HOST, context)
    base = server_base(spec)
    for operation in vendor.operations:
        if operation.query is None:
            continue
        path, _ = openapi_path(operation.path, {}, operation.path_names)
        documented = {
            p["name"]: p
            for p in document["paths"][path.removeprefix(base)][operation.method]["parameters"]
            if p["in"] == "query"
        }
        fields = {f.data_key or n: f for n, f in operation.query().fields.items()}
        assert list(documented) == list(fields), operation.operation_id
        for key, field in fields.items():
            assert documented[key].get("required", False) == field.required, key
            default = documented[key].get("schema", {}).get("default")
            if default is not None:
                loaded = field.load_default
                assert default == (list(loaded) if isinstance(loaded, tuple) else loaded), key


@pytest.mark.parametrize("spec", VENDORS, ids=SLUGS)
def test_a_401_the_server_sends_is_one_the_document_shows(
    spec: VendorSpec, client: FlaskClient, documents: dict[str, Any]
) -> None:
    """Examples are rendered by the vendor's own code: a real refused request matches one."""
    document = documents[spec.slug]
    base = server_base(spec)
    path, _ = openapi_path(spec.listing.path, {})
    response = client.get(path, headers={"Authorization": "Bearer wrong"})
    documented = document["paths"][path.removeprefix(base)]["get"]["responses"]["401"]
    assert response.status_code == 401
    media = response.mimetype
    assert media in documented["content"]
    entry = documented["content"][media]
    shown = [e["value"] for e in entry.get("examples", {}).values()]
    body = response.get_json() if media.endswith("json") else response.get_data(as_text=True)
    assert _stable(body) in [_stable(value) for value in shown]
    for name, header in documented["headers"].items():
        if header.get("required"):
            assert name in response.headers, name


def test_cli_prints_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["ippanel"]) == 0
    printed = json.loads(capsys.readouterr().out)
    spec = next(s for s in VENDORS if s.slug == "ippanel")
    assert printed == build_document(spec, DEFAULT_BASE_URL)
    assert cli_main(["teamwork", "--format", "yaml", "--base-url", "http://ci:1"]) == 0
    assert yaml.safe_load(capsys.readouterr().out)["servers"][0]["url"] == "http://ci:1/desk/api/v2"


def _shape(path: str) -> str:
    return "/".join("{}" if part.startswith("{") else part for part in path.split("/"))


def _stable(value: Any) -> Any:
    """``value`` without the members that change per response."""
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_stable(item) for item in value]
    return value
