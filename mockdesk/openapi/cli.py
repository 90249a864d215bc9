"""``mockdesk openapi <slug>``: a vendor's document on standard output, without a server, for
code generators in CI. The document is the one a server at ``--base-url`` serves."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from mockdesk.openapi.document import build_document
from mockdesk.openapi.output import to_json, to_yaml
from mockdesk.vendors.registry import by_slug

DEFAULT_BASE_URL = "http://127.0.0.1:8080"


class _OneLineParser(argparse.ArgumentParser):
    """A usage error is one line and exit status 2, like every mockdesk command's."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"mockdesk openapi: error: {' '.join(message.split())} (see --help)\n")


def parser() -> argparse.ArgumentParser:
    known = by_slug()
    found = _OneLineParser(
        prog="mockdesk openapi",
        description="Print a vendor's OpenAPI 3.1 document (as GET /__mockdesk/openapi/<slug>.json "
        "serves it).",
    )
    found.add_argument("slug", choices=sorted(known), help="the vendor")
    found.add_argument(
        "--format", choices=("json", "yaml"), default="json", help="output format (json)"
    )
    found.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        help=f"the server the document points at (servers[0]); default {DEFAULT_BASE_URL}",
    )
    return found


def cli_main(argv: Sequence[str] | None = None) -> int:
    """Entry point for ``mockdesk openapi``; returns the exit status."""
    arguments = parser().parse_args(argv)
    document = build_document(by_slug()[arguments.slug], arguments.base_url)
    text = to_yaml(document) if arguments.format == "yaml" else to_json(document)
    sys.stdout.write(text)
    return 0
