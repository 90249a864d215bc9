"""``mockdesk`` command line: serve, vendors, credentials.

Configuration errors print one line and exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

from mockdesk.core.fixtures import FixtureError
from mockdesk.settings import Settings, SettingsError, parse_rate_limits
from mockdesk.vendors.registry import VENDORS

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit code 2) like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"mockdesk: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mockdesk",
        description="Emulates vendors' support-ticket APIs at their real paths on one port.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = commands.add_parser(
        "serve",
        help="serve every vendor (or those named) on one port",
        description="Serve vendors at their real paths. Every flag can also be set by a "
        "MOCKDESK_<FLAG> environment variable (e.g. MOCKDESK_SEED=7, "
        "MOCKDESK_VENDOR=sendcloud,hostup, MOCKDESK_RATE_LIMIT=sendcloud=off); flags win.",
    )
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default 8080)")
    serve.add_argument("--seed", type=int, help="seed of the generated data (default 0)")
    serve.add_argument("--tickets", type=int, help="tickets per vendor (default 250)")
    serve.add_argument(
        "--fixtures", type=Path, action="append", metavar="PATH",
        help="fixture file or directory of *.json pinning exact tickets (repeatable)",
    )  # fmt: skip
    serve.add_argument(
        "--vendor", action="append", metavar="SLUG",
        help=f"serve only this vendor (repeatable): {', '.join(s.slug for s in VENDORS)}",
    )  # fmt: skip
    serve.add_argument(
        "--rate-limit", action="append", metavar="SLUG=LIMIT",
        help="override a vendor's rate limit, e.g. sendcloud=10/minute or hostup=off (repeatable)",
    )  # fmt: skip
    serve.add_argument("--threads", type=int, help="request threads in the worker (default 8)")
    serve.add_argument(
        "--storage-uri",
        help="rate-limit counter storage of the `limits` library (default memory://; "
        "redis://host:port shares counters between workers, needs `pip install redis`)",
    )
    serve.add_argument("--token", help="the token with every scope (default mockdesk-token)")
    serve.add_argument(
        "--token-noscope", help="a valid token with no scopes (default mockdesk-token-noscope)"
    )
    serve.add_argument(
        "--basic", metavar="KEY:SECRET", help="the Basic / OAuth client pair "
        "(default mockdesk-key:mockdesk-secret)"
    )  # fmt: skip
    serve.add_argument("--access-log", action="store_true", help="log every request to stderr")
    serve.add_argument(
        "--debug",
        action="store_true",
        help="use Flask's debug server (tracebacks in responses), not gunicorn",
    )
    commands.add_parser("vendors", help="list the vendors: slug, base path, auth, rate limit")
    commands.add_parser("credentials", help="print the credentials a fresh server accepts")
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    """Environment first, then the flags that were given."""
    settings = Settings.from_env()
    flags = {
        "host": args.host,
        "port": args.port,
        "seed": args.seed,
        "tickets": args.tickets,
        "threads": args.threads,
        "storage_uri": args.storage_uri,
        "fixtures": tuple(args.fixtures) if args.fixtures else None,
        "vendors": tuple(args.vendor) if args.vendor else None,
        "rate_limits": parse_rate_limits(args.rate_limit) if args.rate_limit else None,
    }
    settings = replace(settings, **{k: v for k, v in flags.items() if v is not None})
    return settings.with_credentials(args.token, args.token_noscope, args.basic)


def serve(args: argparse.Namespace) -> int:
    from mockdesk.app import create_app
    from mockdesk.serving import run_debug, run_gunicorn

    settings = settings_from(args)
    app = create_app(settings)
    if args.debug:
        run_debug(app, settings)
    else:
        run_gunicorn(app, settings, access_log=args.access_log)
    return 0


def list_vendors() -> int:
    rows = [("SLUG", "VENDOR", "LIST PATH", "AUTH", "RATE LIMIT")]
    rows += [
        (s.slug, s.name, s.list_path, s.auth_description, s.rate_limit.default) for s in VENDORS
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return 0


def print_credentials() -> int:
    """The credentials a server started with the same environment accepts."""
    d = Settings.from_env().credentials
    print(f"token (every scope):      {d.token}")
    print(f"token (no scopes, 403s):  {d.token_without_scopes}")
    print(f"basic (Sendcloud, OAuth): {d.basic_username}:{d.basic_password}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "serve":
            return serve(args)
        if args.command == "vendors":
            return list_vendors()
        return print_credentials()
    except (SettingsError, FixtureError) as error:
        print(f"mockdesk: error: {error}", file=sys.stderr)
        return USAGE_ERROR


if __name__ == "__main__":
    sys.exit(main())
