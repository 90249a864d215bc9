"""Teamwork helpers: the default dataset, built as the server builds it; the shared vendor
client on the server under test; the golden bodies; and desksdkgo's models, field by field.

``SDK_MODELS`` is desksdkgo's ``models/*.go`` at 7bb86a0, written down field by field: Go's
decoder fails the whole response when a value has another JSON type than the struct field
(a string where an ``int`` is modelled), so every field the server writes is checked against it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pytest
import requests

from mockdesk.core.dataset import Dataset, build_dataset
from mockdesk.vendors.teamwork import SPEC
from tests.support.server import ServerUnderTest
from tests.support.vendor_client import Goldens, VendorClient

GOLDENS = Goldens.beside(__file__)
BASE = "/desk/api/v2"
TICKETS = f"{BASE}/tickets.json"
EPOCH = "2026-11-01T09:00:00.000Z"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
NOT_FOUND = b"404 page not found\n"
# Go field types, as desksdkgo declares them: "int", "string", "bool", "time", "ref"
# (EntityRef {id int, type string, meta map}), "userref" ({id int, type string}), "refs",
# "strings", "any", or a nested model's name.
BASE_ENTITY = {
    "id": "int", "type": "any", "createdAt": "time", "updatedAt": "time",
    "createdBy": "userref", "updatedBy": "userref", "state": "string",
}  # fmt: skip
SDK_MODELS: dict[str, dict[str, Any]] = {
    "TicketStatus": {"code": "string", "name": "string", "displayOrder": "int",
                     "isCustom": "bool", "color": "string", "icon": "string"},
    "TicketPriority": {"name": "string", "color": "string", "displayOrder": "int"},
    "TicketType": {"name": "string", "displayOrder": "int", "inboxes": "refs", "default": "bool",
                   "enabledForFutureInboxes": "bool"},
    "TicketSource": {"name": "string", "icon": "string", "displayOrder": "int",
                     "isCustom": "bool"},
    "Tag": {"name": "string", "color": "string"},
    "BusinessHour": {"name": "string", "description": "string", "isDefault": "bool",
                     "timezoneId": "int", "timezone_name": "string"},
    "User": {"email": "string", "firstName": "string", "lastName": "string",
             "avatarURL": "string", "editMethod": "string", "isPartTime": "bool",
             "ticketReplyRedirect": "string", "reviewer": "bool",
             "trainingWheelsEnrollment": "ref", "role": "string",
             "sendPushNotifications": "bool", "sendWebNotifications": "bool",
             "autoFollowOnCC": "bool", "timeFormatId": "int", "timezoneId": "int",
             "projectsCompanyId": "int", "isAppOwner": "bool", "ldKey": "string"},
    "Customer": {"firstName": "string", "lastName": "string", "email": "string",
                 "organization": "string", "extraData": "string", "notes": "string",
                 "verifiedEmail": "bool", "linkedinURL": "string", "facebookURL": "string",
                 "twitterHandle": "string", "numTickets": "int", "jobTitle": "any",
                 "phone": "string", "mobile": "string", "address": "string",
                 "externalId": "string", "avatarURL": "string", "contacts": "refs",
                 "customerwelcomeemails": "any", "trusted": "bool",
                 "welcomeEmailSent": "bool"},
    "Company": {"name": "string", "description": "string", "details": "string",
                "industry": "string", "website": "string", "permission": "string",
                "kind": "string", "domains": "refs", "note": "string"},
    "Domain": {"name": "string", "project": "any", "company": "any",
               "projects_company": "any"},
    "Contact": {"value": "string", "isMain": "bool"},
    "Inbox": {"type": "string", "autoReplyEnabled": "bool", "clientOnly": "bool",
              "displayOrder": "int", "email": "string", "inboxaliases": "refs",
              "inboxcnames": "refs", "languageCode": "string", "localPart": "string",
              "name": "string", "notificationsOnly": "bool", "projects": "refs",
              "signature": "string", "ticketstatus": "ref", "tickettypes": "refs",
              "timeloggingEnabled": "bool", "triggers": "refs", "users": ["InboxUser"]},
    "InboxUser": {"id": "int", "type": "string",
                  "meta": {"access": "string", "isAdmin": "bool", "starred": "bool",
                           "state": "string"}},
    "Message": {"assigningUser": "ref", "bcc": "strings", "cc": "strings", "contact": "ref",
                "delayed": "bool", "editMethod": "string", "isPinned": "bool", "status": "ref",
                "threadType": "string", "ticket": "ref", "viewedByCustomerAt": "time",
                "htmlBody": "string"},
}  # fmt: skip


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return build_dataset(SPEC.data, "teamwork", 0, 250)


@pytest.fixture
def teamwork(server: ServerUnderTest) -> VendorClient:
    return VendorClient.of("teamwork", server.url)


def _conforms(kind: Any, value: Any, where: str) -> None:
    """``value`` decodes into a Go field of ``kind`` (null always does: Go leaves the zero)."""
    if value is None or kind == "any":
        return
    if isinstance(kind, list):
        assert isinstance(value, list), where
        for n, item in enumerate(value):
            _conforms(kind[0], item, f"{where}[{n}]")
    elif isinstance(kind, dict):
        assert isinstance(value, dict), where
        for key, inner in kind.items():
            _conforms(inner, value.get(key), f"{where}.{key}")
    elif kind in SDK_MODELS:
        conforms(kind, value, where)
    elif kind == "int":
        assert isinstance(value, int) and not isinstance(value, bool), (where, value)
    elif kind == "string":
        assert isinstance(value, str), (where, value)
    elif kind == "bool":
        assert isinstance(value, bool), (where, value)
    elif kind == "time":
        assert isinstance(value, str) and RFC3339.fullmatch(value), (where, value)
    elif kind in ("ref", "userref"):
        assert isinstance(value, dict), (where, value)
        _conforms("int", value.get("id"), f"{where}.id")
        _conforms("string", value.get("type"), f"{where}.type")
        if kind == "ref" and value.get("meta") is not None:
            assert isinstance(value["meta"], dict), where
    elif kind == "refs":
        _conforms(["ref"], value, where)
    elif kind == "strings":
        _conforms(["string"], value, where)
    else:
        raise AssertionError(f"unknown kind {kind!r}")


def conforms(model: str, body: Mapping[str, Any], where: str = "") -> None:
    """Every field of ``body`` that desksdkgo's ``model`` declares has the declared Go type."""
    fields = {**BASE_ENTITY, **SDK_MODELS[model]} if model != "InboxUser" else SDK_MODELS[model]
    assert isinstance(body, dict), (where, body)
    for key, kind in fields.items():
        _conforms(kind, body.get(key), f"{where or model}.{key}")
    if "state" in body:
        assert body["state"] in ("active", "deleted"), where


def get(
    teamwork: VendorClient, path: str, params: Any = None, headers: Any = None, **kw: Any
) -> requests.Response:
    """``path`` under the v2 base, ``params`` sent as given (a string is sent as written)."""
    return teamwork.get(f"{BASE}{path}", params, headers, **kw)


def every_row(teamwork: VendorClient, base: str, key: str, **params: Any) -> list[dict[str, Any]]:
    """Every row of a lookup list, page by page (100 a page), checking the paging blocks."""
    rows: list[dict[str, Any]] = []
    for page in range(1, 50):
        response = get(teamwork, f"/{base}.json", {**params, "page": page, "pageSize": 100})
        assert response.status_code == 200, response.text[:300]
        body = response.json()
        rows += body[key]
        if not body["pagination"]["hasMorePages"]:
            assert body["pagination"]["records"] == len(rows)
            return rows
    raise AssertionError("no last page")


Message = dict[str, Any]


def by_customer(message: Message) -> bool:
    return bool(message["createdBy"]["type"] == "customers")
