"""What only a person can write about Sendcloud's document; the generator
(:mod:`mockdesk.openapi`) derives the rest (parameters, error bodies, headers, examples).

The ticket schemas, parameter descriptions and security schemes are the vendor's own: read from
the Support spec kept here (``openapi.yaml``, seed 000) and from the merged v3 document
(``sendcloud-v3-support-and-oauth2.yaml``), so a client generated from mockdesk's document has
the vendor's types. Where mockdesk's answer is a decision the documents leave open (the 401
and 403 bodies, ``status`` as a string, as Sendcloud's DRF layer writes them; requested data
``data_type`` without the trailing comma the vendor's enum carries) the schema says what is
sent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mockdesk.core.errors import ResourceNotFound
from mockdesk.core.oauth import OAuthError
from mockdesk.openapi.model import (
    DocumentContext,
    Example,
    Operation,
    Reply,
    Schema,
    VendorDocument,
    json_reply,
    ref,
)
from mockdesk.openapi.problems import replies_of
from mockdesk.openapi.published import load
from mockdesk.vendors.sendcloud import SPEC, query
from mockdesk.vendors.sendcloud.requested import PUBLIC_DATA_TYPE
from mockdesk.vendors.sendcloud.routes import REQUESTED_DATA_PATHS, TOKEN_GRANT, TOKEN_PATHS

HERE = Path(__file__).parent
SEED = HERE / "openapi.yaml"
MERGED = HERE / "sendcloud-v3-support-and-oauth2.yaml"
SECURITY: list[dict[str, list[str]]] = [{"HTTPBasicAuth": []}, {"OAuth2ClientCreds": []}]
# Every data_type the merged document lists, as mockdesk sends them (without its typo's comma).
DATA_TYPES = (
    "sales_invoice", "purchase_invoice", "sales_data", "confirmation_from_intended_receiver",
    "declaration_non_receipt", "pickup_receipt", "recipient_id_scan", "photo_of_parcel_exterior",
    "photo_of_contents", "photo_of_damage", "photo_of_packaging_material_interior",
    "photo_of_shipping_label", "photo_of_parcel_weight", "cellphone", "cn18_form", "cn23_form",
    "cn24_form", "cp72_form", "contact_person", "correct_address", "description_of_contents",
    "description_of_damage", "description_of_parcel", "email_address", "proof_of_delivery",
    "proof_of_shipment", "liability_statement", "iban_bic", "claim_letter", "identity_card",
    "other",
)  # fmt: skip
assert set(PUBLIC_DATA_TYPE.values()) <= set(DATA_TYPES)


def seed() -> Any:
    """Sendcloud's Support spec (seed 000), as published."""
    return load(SEED)


def merged() -> Any:
    """Sendcloud's merged v3 document (the token endpoint and requested data)."""
    return load(MERGED)


def _schemas() -> dict[str, Schema]:
    found: dict[str, Schema] = dict(seed()["components"]["schemas"])
    found["TicketPage"] = seed()["components"]["responses"]["TicketListResponse"]["content"][
        "application/json"
    ]["schema"]
    for name in ("OAuth2TokenExchange", "ErrorOAuth2"):
        found[name] = merged()["components"]["schemas"][name]
    found["AuthErrorsResponse"] = {
        "description": "The 401/403 body of Sendcloud's shared DRF authentication layer, as "
        "every other v3 document shows it: `status` is a string.",
        "type": "object",
        "required": ["errors"],
        "properties": {
            "errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["status", "code", "detail"],
                    "properties": {
                        "status": {"type": "string", "enum": ["401", "403"]},
                        "code": {"type": "string"},
                        "title": {"type": "string"},
                        "detail": {"type": "string"},
                    },
                },
            }
        },
    }
    requested = merged()["paths"]["/support/dsf/tickets/requested-data"]["get"]
    data = requested["responses"]["200"]["content"]["application/json"]["schema"]
    item = dict(data["properties"]["data"]["items"])
    item["properties"] = {
        **item["properties"],
        "data_type": {**item["properties"]["data_type"], "enum": list(DATA_TYPES)},
    }
    found["RequestedData"] = {**data, "properties": {"data": {"type": "array", "items": item}}}
    return found


def _error_schema(status: int, content_type: str) -> Schema | None:
    if content_type != "application/json":
        return None
    return ref("AuthErrorsResponse" if status in (401, 403) else "ErrorsResponseSchema")


def _token_operations(context: DocumentContext) -> list[Operation]:
    """The three token paths (routes.TOKEN_PATHS), answered by :mod:`mockdesk.core.oauth`."""
    body = merged()["paths"]["/oauth2/token"]["post"]["requestBody"]["content"][
        "application/x-www-form-urlencoded"
    ]["schema"]
    form: Schema = {
        "type": "object",
        "required": ["grant_type"],
        "properties": {
            "grant_type": {"type": "string", "enum": ["client_credentials"]},
            "client_id": {"type": "string", "description": "With client_secret, instead of Basic."},
            "client_secret": {"type": "string"},
            "scope": {
                "type": "string",
                "enum": ["", *sorted(TOKEN_GRANT.allowed_scopes)],
                "description": "Space-separated; `api` (the default, also when empty) is the "
                "only scope.",
            },
        },
        "description": body.get("description", "client_credentials grant (RFC 6749 §4.4)."),
    }
    errors = {
        "Missing grant_type": OAuthError("invalid_request").response(),
        "Grant type other than client_credentials": OAuthError("unsupported_grant_type").response(),
        "Unknown scope": OAuthError("invalid_scope").response(),
        "Unknown client or wrong secret": OAuthError("invalid_client", 401).response(),
        "Too many token requests": OAuthError("slow_down", 429, 60).response(),
    }
    json_error = {"application/json": ref("ErrorOAuth2")}
    replies = [
        Reply(
            200,
            "OK: a bearer token for the API.",
            {"application/json": ref("OAuth2TokenExchange")},
            {
                "Cache-Control": {"schema": {"type": "string", "const": "no-store"}},
                "Pragma": {"schema": {"type": "string", "const": "no-cache"}},
            },
        ),
        *replies_of(errors, {400: json_error, 401: json_error, 429: json_error}),
    ]
    found = []
    for number, path in enumerate(TOKEN_PATHS):
        found.append(
            Operation(
                path=path,
                method="post",
                operation_id="OAuth2TokenExchange" + ("" if number == 0 else f"_{number}"),
                summary="OAuth 2.0 token (client credentials)",
                description="The client credentials grant: the API key pair as HTTP Basic or as "
                "`client_id`/`client_secret` form fields. Tokens last "
                f"{TOKEN_GRANT.ttl_seconds} s. Served at {', '.join(TOKEN_PATHS)}.",
                replies=replies,
                request_body={
                    "required": True,
                    "content": {"application/x-www-form-urlencoded": {"schema": form}},
                },
                security=[{}, {"HTTPBasicAuth": []}],
                example=Example(
                    path,
                    method="POST",
                    form={"grant_type": "client_credentials"},
                ),
                tags=("oAuth2",),
                admitted=False,
            )
        )
    return found


def describe(context: DocumentContext) -> VendorDocument:
    published = seed()
    listing = published["paths"]["/dsf/tickets"]["get"]
    descriptions = {p["name"]: p.get("description", "") for p in listing["parameters"]}
    requested = merged()["paths"]["/support/dsf/tickets/requested-data"]["get"]
    operations = [
        Operation(
            path=SPEC.listing.path,
            operation_id=listing["operationId"],
            summary=listing["summary"],
            description=listing["description"],
            query=query.TicketQuery,
            parameter_descriptions=descriptions,
            bad_queries=({"status": "invalid_value"}, {"page": "0", "size": "21"}),
            replies=[json_reply(ref("TicketPage"))],
            example=Example("/api/v3/dsf/tickets?size=2"),
            tags=("Support",),
        ),
        Operation(
            path=SPEC.detail.path,
            operation_id="sc-public-v3-dsf-get-ticket",
            summary="Retrieve a support ticket",
            description="One ticket, in the list's `TicketResponse` shape.",
            problems=[ResourceNotFound("ticket", "0")],
            replies=[json_reply(ref("TicketResponse"))],
            example=Example(lambda data: f"/api/v3/dsf/tickets/{data.store.all()[0].id}"),
            tags=("Support",),
        ),
        *(
            Operation(
                path=path,
                operation_id=requested["operationId"] + ("" if number == 0 else f"-{number}"),
                summary=requested["summary"],
                description=requested["description"]
                + f" Served at {' and '.join(REQUESTED_DATA_PATHS)}; no parameters.",
                replies=[json_reply(ref("RequestedData"))],
                example=Example(path),
                tags=("Requested data",),
            )
            for number, path in enumerate(REQUESTED_DATA_PATHS)
        ),
        *_token_operations(context),
    ]
    basic = published["components"]["securitySchemes"]["HTTPBasicAuth"]
    oauth = published["components"]["securitySchemes"]["OAuth2ClientCreds"]
    flows = {"clientCredentials": {**oauth["flows"]["clientCredentials"]}}
    flows["clientCredentials"]["tokenUrl"] = context.url("/oauth2/token/")
    return VendorDocument(
        title=f"{SPEC.name} (mockdesk)",
        version=published["info"]["version"],
        description=published["info"]["description"]
        + "\n\nServed by mockdesk: fake, deterministic data at Sendcloud's real paths. Default "
        "credentials: HTTP Basic `mockdesk-key:mockdesk-secret`, or a Bearer token from "
        "`POST /oauth2/token/` with that pair.",
        operations=operations,
        schemas=_schemas(),
        security_schemes={"HTTPBasicAuth": basic, "OAuth2ClientCreds": {**oauth, "flows": flows}},
        security=SECURITY,
        error_schema=_error_schema,
        servers=({"url": "https://panel.sendcloud.sc", "description": "Sendcloud (the real API)"},),
        tags=(
            {"name": "Support", "description": "Sendcloud's Support API"},
            {"name": "Requested data"},
            {"name": "oAuth2"},
        ),
    )
