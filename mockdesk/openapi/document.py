"""One vendor's OpenAPI 3.1 document, assembled from the running code and the vendor's
``openapi.py`` (:class:`~mockdesk.openapi.model.VendorDocument`).

- paths: the Flask rules the vendor's endpoints are registered under (:mod:`.paths`);
- parameters: the marshmallow query schemas that parse them (:mod:`.fields`), the version
  header from the auth policy;
- error responses: every typed problem rendered by the vendor's ``render_error``
  (:mod:`.problems`), grouped by status and content type, each with its example and headers;
- success responses: the vendor's body schemas, with an example taken from a real response
  of an in-process app (:mod:`.examples`); a response whose status is not the documented one
  is an error here, not a wrong document;
- ``servers[0]``: this server, at the vendor's base path when it has one (every documented
  path is under it), else at its root.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any, Protocol

from mockdesk.core.vendor import RequestUrl, VendorSpec
from mockdesk.openapi.examples import Sample, example_dataset, sample
from mockdesk.openapi.fields import FieldConverter
from mockdesk.openapi.headers import headers_for
from mockdesk.openapi.model import DocumentContext, Operation, Reply, VendorDocument
from mockdesk.openapi.paths import example_values, openapi_path, relative
from mockdesk.openapi.problems import Rendered, problems_of, rendered

OPENAPI_VERSION = "3.1.0"
# Refused by the HTTP server before any vendor code runs (mockdesk/serving.py sets gunicorn's
# limit_request_line to its maximum), so every operation can answer it.
URI_TOO_LONG = {
    "description": "URI Too Long: the request line is over 8190 bytes; the HTTP server "
    "(gunicorn) refuses it before the vendor sees it.",
    "content": {"text/html": {"schema": {"type": "string"}}},
}


class Description(Protocol):
    """A vendor package's ``openapi`` module."""

    def describe(self, context: DocumentContext) -> VendorDocument: ...


def description_of(spec: VendorSpec) -> Description:
    """The vendor package's ``openapi`` module (found beside its ``errors`` module, which the
    package contract gives every vendor)."""
    package = spec.render_error.__module__.rpartition(".")[0]
    module: Description = importlib.import_module(package + ".openapi")
    return module


def server_base(spec: VendorSpec) -> str:
    """The path ``servers[0]`` ends with: the vendor's base path, when it has just one."""
    return spec.base_paths[0] if len(spec.base_paths) == 1 else ""


def build_document(spec: VendorSpec, base_url: str, context: DocumentContext | None = None) -> Any:
    """The OpenAPI document of ``spec`` as served at ``base_url`` (``scheme://host[:port]``)."""
    base_url = base_url.rstrip("/")
    context = context or DocumentContext(base_url, example_dataset(spec))
    vendor = description_of(spec).describe(context)
    converter = FieldConverter(vendor.fields)
    base = server_base(spec)
    paths: dict[str, dict[str, Any]] = {}
    for operation in vendor.operations:
        path, parameters = openapi_path(
            operation.path, operation.path_schemas, operation.path_names
        )
        item = paths.setdefault(relative(path, base), {})
        item[operation.method] = _operation(
            spec, vendor, converter, operation, parameters, base_url
        )
    document: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": vendor.title,
            "version": vendor.version,
            "description": vendor.description,
        },
        "servers": [
            {"url": base_url + base, "description": "This mockdesk server"},
            *vendor.servers,
        ],
        "security": [dict(requirement) for requirement in vendor.security],
        "tags": [dict(tag) for tag in vendor.tags],
        "paths": paths,
        "components": {
            "schemas": dict(vendor.schemas),
            "securitySchemes": dict(vendor.security_schemes),
        },
    }
    if vendor.external_docs:
        document["externalDocs"] = dict(vendor.external_docs)
    return document


def _operation(
    spec: VendorSpec,
    vendor: VendorDocument,
    converter: FieldConverter,
    operation: Operation,
    path_parameters: list[dict[str, Any]],
    base_url: str,
) -> dict[str, Any]:
    policy = operation.policy or spec.auth
    parameters = list(path_parameters)
    if policy.version is not None and operation.admitted:
        version = policy.version
        parameters.append(
            {
                "name": version.name,
                "in": "header",
                "description": f"The API version; {version.default} when absent.",
                "schema": {"type": "string", "enum": list(version.known)},
            }
        )
    if operation.query is not None:
        parameters.extend(
            converter.parameters(
                operation.query, operation.parameter_descriptions, operation.parameter_schemas
            )
        )
    found: dict[str, Any] = {
        "operationId": operation.operation_id,
        "summary": operation.summary,
    }
    if operation.description:
        found["description"] = operation.description
    if operation.tags:
        found["tags"] = list(operation.tags)
    if parameters:
        found["parameters"] = parameters
    if operation.request_body is not None:
        found["requestBody"] = dict(operation.request_body)
    if operation.security is not None:
        found["security"] = [dict(requirement) for requirement in operation.security]
    responses: dict[str, Any] = {}
    answer = None if operation.example is None else sample(spec, operation.example, base_url)
    if answer is not None:
        values = example_values(operation.path, answer.target, operation.path_names)
        _examples_from(parameters, values)
    if answer is not None and answer.status not in {r.status for r in operation.replies}:
        raise AssertionError(
            f"{operation.operation_id}: the example answered {answer.status}, "
            f"which the operation does not document"
        )
    for reply in operation.replies:
        example = answer if answer is not None and answer.status == reply.status else None
        responses[str(reply.status)] = _reply(spec, operation, reply, example)
    scheme, _, host = base_url.partition("://")
    url = RequestUrl(scheme, host, _sample_path(operation.path), "")
    problems = problems_of(
        spec,
        policy,
        operation.query,
        operation.bad_queries,
        operation.problems,
        operation.admitted,
    )
    by_status: dict[int, list[Rendered]] = defaultdict(list)
    for label, error in problems:
        shown = rendered(spec, label, error, url)
        by_status[shown.status].append(shown)
    for status in sorted(by_status):
        responses[str(status)] = _errors(spec, vendor, status, by_status[status])
    responses["414"] = URI_TOO_LONG
    found["responses"] = dict(sorted(responses.items()))
    found.update(operation.extra)
    return found


def _reply(
    spec: VendorSpec, operation: Operation, reply: Reply, answer: Sample | None
) -> dict[str, Any]:
    """A declared reply: its schema, headers, and the real example (or the rendered ones)."""
    found: dict[str, Any] = {"description": reply.description}
    if operation.admitted:
        found["headers"] = headers_for(spec, [], rate_limited=False, extra=reply.headers)
    elif reply.headers:
        found["headers"] = {name: dict(header) for name, header in reply.headers.items()}
    content: dict[str, Any] = {kind: {"schema": schema} for kind, schema in reply.content.items()}
    if answer is not None and answer.body is not None:
        kind = answer.content_type.split(";")[0].strip()
        if kind in content:
            content[kind]["example"] = answer.body
    if reply.examples and content:
        first = next(iter(content.values()))
        first["examples"] = {}
        for label, body in reply.examples.items():
            first["examples"][_key(label, first["examples"])] = {"summary": label, "value": body}
    if content:
        found["content"] = content
    return found


def _errors(
    spec: VendorSpec, vendor: VendorDocument, status: int, answers: list[Rendered]
) -> dict[str, Any]:
    """One error status: its description, headers, and per content type the schema and every
    distinct example."""
    faults_only = all(answer.injected for answer in answers)
    phrase = HTTPStatus(status).phrase
    labels = ", ".join(dict.fromkeys(answer.label for answer in answers))
    description = f"{phrase}: {labels}."
    if faults_only:
        description += " Only when a fault rule injects it (POST /__mockdesk/faults)."
    found: dict[str, Any] = {
        "description": description,
        "headers": headers_for(spec, [a.headers for a in answers], rate_limited=status == 429),
    }
    content: dict[str, dict[str, Any]] = {}
    for answer in answers:
        if answer.content_type is None:
            continue
        kind = answer.content_type.split(";")[0].strip()
        if kind not in content:
            schema = vendor.error_schema(status, kind)
            if schema is None:
                raise AssertionError(f"{spec.slug}: no schema for a {status} in {kind}")
            content[kind] = {"schema": schema, "examples": {}}
        examples = content[kind]["examples"]
        if all(known["value"] != answer.body for known in examples.values()):
            examples[_key(answer.label, examples)] = {"summary": answer.label, "value": answer.body}
    if content:
        found["content"] = content
    return found


def _examples_from(parameters: list[dict[str, Any]], values: dict[str, Any]) -> None:
    """Give each parameter the value a real request sent it, typed as its schema says."""
    for parameter in parameters:
        value = values.get(parameter["name"])
        if value is None or "schema" not in parameter or parameter["in"] == "header":
            continue
        kind = parameter["schema"].get("type")
        if kind == "array":
            value = [item for item in str(value).split(",") if item]
        elif kind == "integer" and isinstance(value, str) and value.lstrip("-").isdigit():
            value = int(value)
        parameter["example"] = value


def _key(label: str, taken: Mapping[str, Any]) -> str:
    key = "".join(c if c.isalnum() else "_" for c in label).strip("_")
    number = 2
    found = key
    while found in taken:
        found, number = f"{key}_{number}", number + 1
    return found


def _sample_path(rule: str) -> str:
    """A concrete path for ``instance`` members of rendered problems."""
    path, _ = openapi_path(rule, {})
    return path.replace("{", "").replace("}", "")
