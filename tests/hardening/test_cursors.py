"""Forged cursors: a cursor signed with the right secret (derivable from a seed) but carrying any
other shape is the vendor's cursor error, never a 500."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from mockdesk.core.errors import InvalidCursor
from mockdesk.core.paging.cursor import (
    Position,
    SignedCursorCodec,
    cursor_page,
    fingerprint,
    shaped_like,
)
from mockdesk.testing.live import LiveServer

SECRET = b"0123456789abcdef"
QUERY = {"status": "open"}


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def signed(body: bytes, secret: bytes = SECRET) -> str:
    """A cursor with a valid signature over any body: what anyone who knows the seed can make."""
    return b64(body) + "." + b64(hmac.new(secret, body, hashlib.sha256).digest()[:12])


def payload(fingerprint_: str, **fields: Any) -> bytes:
    return json.dumps({"k": [1, "a"], "r": 0, "q": fingerprint_, **fields}).encode()


Q = fingerprint(QUERY)
FORGED_BODIES = {
    "not JSON": b"\xff\xfe",
    "NaN": b'{"k": NaN, "r": 0, "q": "%s"}' % Q.encode(),
    "a list": b"[1, 2]",
    "a string": b'"k"',
    "null": b"null",
    "deeply nested": b'{"k": ' + b"[" * 5000 + b"]" * 5000 + b', "r": 0, "q": "%s"}' % Q.encode(),
    "huge integer": b'{"k": ' + b"9" * 5000 + b', "r": 0, "q": "%s"}' % Q.encode(),
    "no r": json.dumps({"k": 1, "q": Q}).encode(),
    "extra key": payload(Q, x=1),
    "r is 2": payload(Q, r=2),
    "r is true": payload(Q, r=True),
    "r is a string": payload(Q, r="0"),
    "r is a float": payload(Q, r=0.0),
    "k is an object": payload(Q, k={"a": 1}),
    "k nested in lists": payload(Q, k=[[[[[[1]]]]]]),
    "q is a list": payload(Q, q=[Q]),
    "another query": payload(fingerprint({"status": "closed"})),
}


@pytest.mark.parametrize("case", sorted(FORGED_BODIES))
def test_forged_payloads_are_invalid_cursors(case: str) -> None:
    with pytest.raises(InvalidCursor):
        SignedCursorCodec(SECRET).decode(signed(FORGED_BODIES[case]), QUERY)


@pytest.mark.parametrize(
    "token",
    ["", ".", "a.b.c", "é.x", "x" * 5000, "x.y", signed(payload(Q))[:-1] + "!"],
)
def test_malformed_tokens_are_invalid_cursors(token: str) -> None:
    with pytest.raises(InvalidCursor):
        SignedCursorCodec(SECRET).decode(token, QUERY)


def test_valid_key_checks_the_shape_of_the_key() -> None:
    codec = SignedCursorCodec(SECRET)
    shape = shaped_like([0, ""])
    good = codec.encode(Position([-1790000000000, "7ZZ"], reverse=False), QUERY)
    assert codec.decode(good, QUERY, valid_key=shape) == Position([-1790000000000, "7ZZ"])
    for key in [[1, 2], [1], ["a", "b"], [True, "a"], [1.5, "a"], 5, "x", None, [1, "a", 2]]:
        token = codec.encode(Position(key), QUERY)
        assert codec.decode(token, QUERY) == Position(key)  # plain JSON: shape is the caller's
        with pytest.raises(InvalidCursor):
            codec.decode(token, QUERY, valid_key=shape)

    def broken(key: Any) -> bool:
        raise TypeError("a validator that trips is a no")

    with pytest.raises(InvalidCursor):
        codec.decode(good, QUERY, valid_key=broken)


def test_shaped_like_accepts_what_encode_writes() -> None:
    assert shaped_like(1.5)(2) and shaped_like(1.5)(2.5) and not shaped_like(1.5)(float("inf"))
    assert shaped_like(None)(None) and not shaped_like(None)(0)
    assert shaped_like(True)(False) and not shaped_like(True)(1)
    assert not shaped_like(object())(1)


def test_a_key_that_cannot_be_compared_is_an_invalid_cursor_not_a_type_error() -> None:
    items = [[1, "a"], [2, "b"], [3, "c"]]
    for key in ["x", 5, [1, 2], None]:
        for reverse in (False, True):
            with pytest.raises(InvalidCursor):
                cursor_page(items, lambda item: item, Position(key, reverse), 2)
    assert cursor_page(items, lambda item: item, Position([1, "a"]), 2).items == items[1:]


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    )
)
def test_any_signed_json_decodes_or_is_an_invalid_cursor(body: Any) -> None:
    codec = SignedCursorCodec(SECRET)
    for raw in (body, {"k": body, "r": 0, "q": Q}, {"k": body, "r": body, "q": Q}):
        token = signed(json.dumps(raw).encode())
        try:
            position = codec.decode(token, QUERY)
        except InvalidCursor:
            continue
        assert position.reverse in (False, True)
        items = [[1, "a"], [2, "b"]]
        with contextlib.suppress(InvalidCursor):
            cursor_page(items, lambda item: item, position, 1)


# --- end to end: HostUp on a live server ------------------------------------------------------

HOSTUP = "/api/v2/support/tickets"
BEARER = {"Authorization": "Bearer mockdesk-token"}


@pytest.fixture(scope="module")
def hostup() -> Iterator[tuple[LiveServer, SignedCursorCodec, str]]:
    from mockdesk.settings import Settings

    with LiveServer(Settings(vendors=("hostup",), tickets=30)) as server:
        codec = server.state.datasets["hostup"].catalog.cursors
        first = requests.get(server.url + HOSTUP, params={"limit": 2}, headers=BEARER, timeout=10)
        body = first.json()["nextCursor"].split(".")[0]
        q = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))["q"]
        yield server, codec, q


def test_forged_hostup_cursors_are_its_cursor_error(
    hostup: tuple[LiveServer, SignedCursorCodec, str],
) -> None:
    server, codec, q = hostup
    secret = codec._secret
    forged = [
        signed(body.replace(Q.encode(), q.encode()), secret) for body in FORGED_BODIES.values()
    ]
    forged += [
        signed(json.dumps({"k": key, "r": 0, "q": q}).encode(), secret)
        for key in ["x", 5, None, {"a": 1}, [None, None], ["a", 1], [[1], "x"]]
    ]
    for cursor in forged:
        response = requests.get(
            server.url + HOSTUP, params={"cursor": cursor}, headers=BEARER, timeout=10
        )
        assert response.status_code == 400, (cursor, response.text)
        assert "invalid_cursor" in response.text
    for key in [[1, 2], [0], [-1, "x", 3], [1.5, "x"]]:  # comparable: never a 500
        cursor = signed(json.dumps({"k": key, "r": 0, "q": q}).encode(), secret)
        response = requests.get(
            server.url + HOSTUP, params={"cursor": cursor}, headers=BEARER, timeout=10
        )
        assert response.status_code in (200, 400), (key, response.text)
    server.raise_crashes()
