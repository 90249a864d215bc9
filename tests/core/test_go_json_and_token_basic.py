"""The additive core pieces Go-stack vendors need: Go's JSON escapes and ``token:any`` Basic."""

from __future__ import annotations

import base64
import json

import pytest

from mockdesk.core.auth import AuthPolicy, Credentials
from mockdesk.core.encoding import JsonStyle, encode
from mockdesk.core.errors import Unauthenticated

GO = JsonStyle(escape_html=True, sort_keys=True, trailing_newline=True)


def test_go_style_escapes_html_and_line_separators_but_keeps_utf8() -> None:
    text = encode({"b": "<a href='x'>&</a>\u2028\u2029é", "a": 1}, GO)
    expected = r'{"a":1,"b":"\u003ca href=' + "'x'" + r'\u003e\u0026\u003c/a\u003e\u2028\u2029é"}'
    assert text == expected + "\n"
    assert json.loads(text)["b"] == "<a href='x'>&</a>\u2028\u2029é"


def test_default_style_is_unchanged() -> None:
    assert encode({"b": "<&>", "a": 1}) == '{"b":"<&>","a":1}'


def _basic(pair: str) -> str:
    return "Basic " + base64.b64encode(pair.encode()).decode()


def test_basic_with_token_as_username_accepts_any_password() -> None:
    policy = AuthPolicy(schemes=("bearer", "basic"), basic_username_is_token=True)
    credentials = Credentials()
    assert credentials.authenticate(_basic("mockdesk-token:x"), policy).name == "mockdesk-token"
    with pytest.raises(Unauthenticated):
        credentials.authenticate(_basic("wrong-token:x"), policy)
    with pytest.raises(Unauthenticated):
        credentials.authenticate(_basic("mockdesk-token"), policy)


def test_basic_pairs_still_work_without_the_flag() -> None:
    policy = AuthPolicy(schemes=("basic",))
    credentials = Credentials()
    assert credentials.authenticate(_basic("mockdesk-key:mockdesk-secret"), policy)
    with pytest.raises(Unauthenticated):
        credentials.authenticate(_basic("mockdesk-token:x"), policy)
