"""core/encoding: JSON styles, spliced raw JSON, the render cache."""

from __future__ import annotations

import json
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from mockdesk.core.encoding import JsonStyle, RawJson, RenderCache, encode, encode_value

PHP = JsonStyle(ensure_ascii=True, escape_slashes=True)


GO = JsonStyle(ensure_ascii=True, trailing_newline=True)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)


@dataclass(frozen=True)
class Item:
    id: int
    name: str


GO = JsonStyle(escape_html=True, sort_keys=True, trailing_newline=True)


def test_styles() -> None:
    body = {"b": "a/b", "a": "تیکت"}
    assert encode(body) == '{"b":"a/b","a":"تیکت"}'  # key order kept, compact
    assert encode(body, PHP) == '{"b":"a\\/b","a":"\\u062a\\u06cc\\u06a9\\u062a"}'
    assert encode(body, GO).endswith("}\n")


@given(outer=st.dictionaries(st.text(), json_values, max_size=3), inner=json_values)
def test_raw_json_splices_exactly_what_plain_encoding_gives(outer: dict, inner: object) -> None:
    for style in (JsonStyle(), PHP, GO):
        spliced = encode({**outer, "\x00": RawJson(encode_value(inner, style))}, style)
        assert json.loads(spliced) == {**outer, "\x00": inner}


def test_render_cache_serializes_each_ticket_once() -> None:
    calls: list[int] = []

    def serialize(item: Item) -> dict:
        calls.append(item.id)
        return {"id": item.id, "name": item.name}

    cache, items = RenderCache(), [Item(1, "a"), Item(2, "b/c")]
    first = cache.items(items, serialize)
    second = cache.items(items[::-1], serialize)
    assert json.loads(first.text) == [{"id": 1, "name": "a"}, {"id": 2, "name": "b/c"}]
    assert json.loads(second.text)[0]["id"] == 2
    assert calls == [1, 2]
    assert "\\/" in cache.items(items, serialize, PHP).text


def test_go_style_escapes_html_and_line_separators_but_keeps_utf8() -> None:
    text = encode({"b": "<a href='x'>&</a>\u2028\u2029é", "a": 1}, GO)
    expected = r'{"a":1,"b":"\u003ca href=' + "'x'" + r'\u003e\u0026\u003c/a\u003e\u2028\u2029é"}'
    assert text == expected + "\n"
    assert json.loads(text)["b"] == "<a href='x'>&</a>\u2028\u2029é"


def test_default_style_is_unchanged() -> None:
    assert encode({"b": "<&>", "a": 1}) == '{"b":"<&>","a":1}'
