"""File bytes for the attachments a mock links to: exactly as long as advertised, the same on
every machine, and a real file of the advertised type where one can be written (PNG, PDF, text).

A client that downloads an attachment checks what a browser or a viewer would: the length
against ``Content-Length`` and the listed size, the signature (``\\x89PNG``, ``%PDF-``), that
the file opens. So every builder here takes the exact length and returns exactly that many
bytes, padding inside the format where the format has room for it (a private PNG chunk, PDF
comment lines, more text lines), never after its end marker.

Everything derives from a caller's ``key`` (say ``"<ticket id>:<attachment id>"``) through
SHAKE-256 and a hand-written stored DEFLATE stream: no ``random`` module, no ``hash()``, and no
zlib compressor, whose output differs between zlib builds (zlib-ng, Chromium's), so the same key
gives the same bytes everywhere. Nothing here knows a vendor: callers pass their own words for
PDF pages and text files.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Iterable, Sequence
from urllib.parse import quote

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Ancillary (lower case), private (lower case), reserved bit clear (upper case), safe to copy
# (lower case): every PNG reader skips a chunk of this kind.
PADDING_CHUNK = b"mdPd"
_CHUNK_OVERHEAD = 12  # length, type and CRC around a chunk's data
_STORED_BLOCK = 65_535  # the largest stored DEFLATE block
_MAX_SIZE = (640, 400)  # the largest picture drawn; the rest of a big file is padding
# A desktop screenshot's few flat colours: background, title bar, text, muted text, alert.
_PALETTE = bytes.fromhex("ffffff 2b5797 333333 b8b8b8 d9534f eef2f7")
IMAGE_TYPES = frozenset({"image/png"})
PDF_TYPES = frozenset({"application/pdf"})


def stream(key: str, length: int) -> bytes:
    """``length`` bytes that look random and are a pure function of ``key``."""
    return hashlib.shake_256(key.encode("utf-8")).digest(length) if length > 0 else b""


def content_disposition(filename: str) -> str:
    """``attachment`` with the file's name, as RFC 6266 writes it: a quoted ASCII ``filename``
    always, plus ``filename*`` in UTF-8 when the name is not plain ASCII."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in filename)
    header = f'attachment; filename="{fallback}"'
    if fallback != filename:
        header += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return header


# --------------------------------------------------------------------------------------- PNG


def png(key: str, length: int) -> bytes:
    """A valid PNG of exactly ``length`` bytes: a small screenshot-like picture drawn from
    ``key``, then a private padding chunk. Below :func:`smallest_png` bytes no PNG fits, and
    the start of the smallest one is returned instead (still exactly ``length`` bytes)."""
    width, height = _picture_size(length)
    if width == 0:
        return _png_file(key, 1, 1, 0)[:length]
    fixed = len(_png_file(key, width, height, 0))
    return _png_file(key, width, height, length - fixed)


def smallest_png() -> int:
    """The length of the smallest PNG :func:`png` writes (a 1×1 picture, empty padding)."""
    return len(_png_file("", 1, 1, 0))


def _picture_size(length: int) -> tuple[int, int]:
    """The largest 16:10 picture (at most 640×400) whose file leaves room for the padding."""
    if length < smallest_png():
        return 0, 0
    for step in range(_MAX_SIZE[0] // 16, 0, -1):
        width, height = 16 * step, 10 * step
        if _png_length(width, height) <= length:
            return width, height
    return 1, 1


def _png_length(width: int, height: int) -> int:
    raw = height * (1 + width)
    blocks = max(1, -(-raw // _STORED_BLOCK))
    idat = 2 + 5 * blocks + raw + 4
    header = len(PNG_SIGNATURE) + _CHUNK_OVERHEAD + 13 + _CHUNK_OVERHEAD + len(_PALETTE)
    return header + _CHUNK_OVERHEAD + idat + 2 * _CHUNK_OVERHEAD


def _png_file(key: str, width: int, height: int, padding: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8-bit palette, no interlace
    return b"".join(
        (
            PNG_SIGNATURE,
            _chunk(b"IHDR", ihdr),
            _chunk(b"PLTE", _PALETTE),
            _chunk(b"IDAT", _stored_zlib(_pixels(key, width, height))),
            _chunk(PADDING_CHUNK, stream(f"{key}:png-padding", padding)),
            _chunk(b"IEND", b""),
        )
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _stored_zlib(raw: bytes) -> bytes:
    """A zlib stream of stored (uncompressed) DEFLATE blocks: valid, and the same bytes on every
    zlib build, which compressed output is not."""
    out = bytearray(b"\x78\x01")
    pieces = [raw[i : i + _STORED_BLOCK] for i in range(0, len(raw), _STORED_BLOCK)] or [b""]
    for index, piece in enumerate(pieces):
        final = index == len(pieces) - 1
        out += bytes((1 if final else 0,)) + struct.pack("<HH", len(piece), len(piece) ^ 0xFFFF)
        out += piece
    out += struct.pack(">I", zlib.adler32(raw) & 0xFFFFFFFF)
    return bytes(out)


def _pixels(key: str, width: int, height: int) -> bytes:
    """Filter byte 0 then palette indexes, row by row: a title bar, lines of "text" of varying
    length, and sometimes an alert box, all placed by ``key``."""
    noise = stream(f"{key}:png-layout", 64)
    bar = max(1, height // 12)
    line_height = max(1, height // 20)
    alert_row = noise[0] % max(1, height - bar) + bar if noise[1] % 3 == 0 else -1
    rows = []
    for y in range(height):
        if y < bar:
            rows.append(b"\x00" + b"\x01" * width)
            continue
        if alert_row <= y < alert_row + 2 * line_height:
            margin = width // 8
            rows.append(
                b"\x00" + b"\x05" * margin + b"\x04" * (width - 2 * margin) + b"\x05" * margin
            )
            continue
        line = (y - bar) // max(1, 2 * line_height)
        inked = (y - bar) % max(1, 2 * line_height) < line_height
        if not inked:
            rows.append(b"\x00" + b"\x00" * width)
            continue
        indent = width // 16
        span = max(0, min(width - indent, noise[2 + line % 60] * (width - 2 * indent) // 255))
        colour = b"\x02" if line % 4 else b"\x03"
        rows.append(b"\x00" + b"\x00" * indent + colour * span + b"\x00" * (width - indent - span))
    return b"".join(rows)


# --------------------------------------------------------------------------------------- PDF


def pdf(key: str, length: int, lines: Sequence[str]) -> bytes:
    """A one-page PDF of exactly ``length`` bytes showing ``lines`` (Helvetica, WinAnsi; other
    characters become ``?``), with correct ``xref`` offsets. The padding is comment lines
    between the trailer and ``startxref``, where no offset depends on it. Below the length of
    the unpadded file, its start is returned instead."""
    body = _pdf_body(lines)
    tail = b"startxref\n%d\n%%%%EOF\n" % body.index(b"xref\n")
    room = length - len(body) - len(tail)
    if room < 0:
        return (body + tail)[:length]
    return body + _comment_lines(key, room) + tail


def _pdf_body(lines: Sequence[str]) -> bytes:
    text = [b"BT /F1 11 Tf 56 780 Td 14 TL"]
    for line in lines:
        text.append(b"(" + _pdf_string(line) + b") Tj T*")
    text.append(b"ET")
    content = b"\n".join(text) + b"\n"
    objects = (
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    return bytes(out)


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _comment_lines(key: str, room: int) -> bytes:
    """``room`` bytes of PDF comments (``%`` and hex digits, lines of at most 80 bytes)."""
    if room == 0:
        return b""
    if room == 1:
        return b"\n"
    filler = stream(f"{key}:pdf-padding", (room + 1) // 2).hex().encode("ascii")
    out = bytearray()
    while room - len(out) > 0:
        left = room - len(out)
        size = min(80, left)
        if left - size == 1:  # never leave a single byte, which cannot hold a comment line
            size -= 1
        if size == 1:
            out += b"\n"
            continue
        start = len(out) % len(filler)
        out += b"%" + filler[start : start + size - 2].ljust(size - 2, b"0") + b"\n"
    return bytes(out)


# -------------------------------------------------------------------------------------- text


def text(lines: Iterable[str], length: int) -> bytes:
    """UTF-8 ``lines``, one per line, cut to exactly ``length`` bytes and ending in a newline
    (a character the cut would split becomes spaces). Runs out of lines: blank lines."""
    if length <= 0:
        return b""
    wanted = length - 1
    out = bytearray()
    for line in lines:
        out += line.encode("utf-8") + b"\n"
        if len(out) >= wanted:
            break
    kept = bytes(out[:wanted]).decode("utf-8", "ignore").encode("utf-8")
    return kept.ljust(wanted, b" " if len(out) >= wanted else b"\n") + b"\n"


# ------------------------------------------------------------------------------------ choose


def file_bytes(
    key: str,
    content_type: str,
    length: int,
    *,
    lines: Iterable[str] = (),
    page: Sequence[str] = (),
) -> bytes:
    """The file for ``content_type``: a PNG, a PDF showing ``page``, ``lines`` for ``text/*``,
    and :func:`stream` bytes for anything else. Always exactly ``length`` bytes."""
    media = content_type.split(";", 1)[0].strip().lower()
    if media in IMAGE_TYPES:
        return png(key, length)
    if media in PDF_TYPES:
        return pdf(key, length, page)
    if media.startswith("text/"):
        return text(lines, length)
    return stream(key, length)
