"""Attachment files: exactly the advertised length, the same bytes for the same key, and files
a reader accepts. The readers here are written from the formats' specifications (PNG chunks
and CRCs, zlib, PDF cross-reference offsets), not from the module under test."""

from __future__ import annotations

import re
import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockdesk.core import attachments

LENGTHS = st.integers(min_value=0, max_value=300_000)


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and chunk types of a PNG; fails on any structural error."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, kinds, idat = 8, [], b""
    width = height = 0
    while position < len(data):
        (size,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + size]
        (crc,) = struct.unpack(">I", data[position + 8 + size : position + 12 + size])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, kind
        kinds.append(kind)
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 3)
        if kind == b"IDAT":
            idat += body
        position += 12 + size
    assert position == len(data), "bytes after the last chunk"
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND"
    assert all(k == b"IEND" or k[0:1].islower() or k in (b"PLTE", b"IDAT", b"IHDR") for k in kinds)
    pixels = zlib.decompress(idat)
    assert len(pixels) == height * (1 + width)
    assert all(pixels[row * (1 + width)] == 0 for row in range(height))  # filter type None
    return width, height, kinds


def read_pdf(data: bytes) -> list[bytes]:
    """The strings a one-page PDF shows; fails unless every xref offset points at its object
    and ``startxref`` at the table."""
    assert data.startswith(b"%PDF-1.4\n") and data.endswith(b"%%EOF\n")
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", data).group(1))
    assert data[start : start + 5] == b"xref\n"
    table = data[start:].split(b"trailer")[0].split(b"\n")
    count = int(table[1].split()[1])
    for number, entry in enumerate(table[3 : 2 + count], start=1):
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj\n" % number), number
    stream = re.search(rb"<< /Length (\d+) >>\nstream\n", data)
    assert stream is not None
    content = data[stream.end() : stream.end() + int(stream.group(1))]
    assert data[stream.end() + int(stream.group(1)) :].startswith(b"endstream")
    return re.findall(rb"\(((?:[^()\\]|\\.)*)\) Tj", content)


@settings(max_examples=60, deadline=None)
@given(length=LENGTHS, key=st.text(max_size=20))
def test_png_is_exact_and_valid_from_its_smallest_size(length: int, key: str) -> None:
    data = attachments.png(key, length)
    assert len(data) == length
    assert data == attachments.png(key, length)
    if length >= attachments.smallest_png():
        width, height, kinds = read_png(data)
        assert width >= 1 and height >= 1
        assert attachments.PADDING_CHUNK in kinds
    else:
        assert data == attachments.png("other", attachments.smallest_png())[:length]


def test_png_pictures_grow_with_the_file_and_stop_at_640_by_400() -> None:
    assert read_png(attachments.png("k", 800))[:2] == (32, 20)
    assert read_png(attachments.png("k", 2_400_000))[:2] == (640, 400)
    assert attachments.png("a", 5000) != attachments.png("b", 5000)


@settings(max_examples=60, deadline=None)
@given(length=st.integers(min_value=0, max_value=100_000), key=st.text(max_size=20))
def test_pdf_is_exact_and_its_offsets_are_right(length: int, key: str) -> None:
    lines = ["Invoice 2026-1", "Tack för (din) betalning \\ 199,00 kr", "ünïcode ✓"]
    data = attachments.pdf(key, length, lines)
    assert len(data) == length
    assert data == attachments.pdf(key, length, lines)
    if length < 800:  # these lines make a file of under 800 bytes before padding
        assert attachments.pdf(key, 800, lines).startswith(data.split(b"trailer")[0])
        return
    assert read_pdf(data) == [
        b"Invoice 2026-1",
        "Tack för \\(din\\) betalning \\\\ 199,00 kr".encode("cp1252"),
        "ünïcode ?".encode("cp1252"),
    ]


def test_pdf_padding_leaves_the_body_alone() -> None:
    small, big = attachments.pdf("k", 700, ["x"]), attachments.pdf("k", 50_000, ["x"])
    assert small.split(b"trailer")[0] == big.split(b"trailer")[0]
    padding = big[big.rindex(b">>\n") + 3 : big.index(b"startxref")]  # trailer to startxref
    assert padding and all(
        line.startswith(b"%") and len(line) <= 79 for line in padding.split(b"\n")[:-1]
    )


@settings(max_examples=80, deadline=None)
@given(
    length=st.integers(min_value=0, max_value=5000),
    lines=st.lists(st.text(max_size=30), min_size=0, max_size=40),
)
def test_text_is_exact_utf8_ending_in_a_newline(length: int, lines: list[str]) -> None:
    data = attachments.text(lines, length)
    assert len(data) == length
    if length:
        assert data.endswith(b"\n")
        data.decode("utf-8")


def test_text_keeps_whole_lines_and_cuts_only_the_last() -> None:
    data = attachments.text((f"line {n}" for n in range(10**9)), 40)
    assert data == b"line 0\nline 1\nline 2\nline 3\nline 4\nline\n"
    assert attachments.text(["å" * 10], 4) == b"\xc3\xa5 \n"  # no half character
    assert attachments.text(["a"], 5) == b"a\n\n\n\n"  # out of lines: blank ones


@pytest.mark.parametrize(
    ("content_type", "signature"),
    [
        ("image/png", b"\x89PNG"),
        ("application/pdf", b"%PDF-"),
        ("text/plain; charset=utf-8", b"hello"),
        ("application/zip", None),
    ],
)
def test_file_bytes_by_content_type(content_type: str, signature: bytes | None) -> None:
    data = attachments.file_bytes("k", content_type, 1000, lines=["hello"], page=["p"])
    assert len(data) == 1000
    if signature is None:
        assert data == attachments.stream("k", 1000)
    else:
        assert data.startswith(signature)


def test_stream_is_stable_across_machines() -> None:
    """SHAKE-256 is specified bit for bit: this digest is the same everywhere."""
    assert attachments.stream("mockdesk", 8).hex() == "6189310013a7f7d1"
    assert attachments.stream("k", 0) == b""


def test_png_bytes_are_pinned() -> None:
    """No zlib compressor is involved, so the bytes cannot change with the zlib build."""
    import hashlib

    digest = hashlib.sha256(attachments.png("pinned", 5000)).hexdigest()
    assert digest == PINNED_PNG


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("invoice.pdf", 'attachment; filename="invoice.pdf"'),
        ("a\"b\\c.txt", 'attachment; filename="a_b_c.txt"; filename*=UTF-8\'\'a%22b%5Cc.txt'),
        ("skärm bild.png", "attachment; filename=\"sk_rm bild.png\"; "
         "filename*=UTF-8''sk%C3%A4rm%20bild.png"),
    ],
)  # fmt: skip
def test_content_disposition_as_rfc_6266(name: str, header: str) -> None:
    assert attachments.content_disposition(name) == header


PINNED_PNG = "3319120cc08433aa9fdac73716ffff8c9a8f01a73601d4e44d62341ce4cc349f"
