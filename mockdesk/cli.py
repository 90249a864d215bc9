"""``mockdesk`` command line: serve, vendors, credentials, and the admin commands of
:mod:`mockdesk.cli_admin` (faults, requests, reset) against a running server.

Every way ``mockdesk serve`` can fail to start (a bad flag or ``MOCKDESK_*`` variable, a fixture
file, the rate-limit storage, the address to listen on, or anything unforeseen while building the
app) prints one line, ``mockdesk: error: …``, and exits with status 2, never a traceback;
``--debug`` shows the traceback of an unforeseen failure instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from flask import Flask

from mockdesk import cli_admin
from mockdesk.core.fixtures import FixtureError
from mockdesk.core.ratelimit import StorageError
from mockdesk.settings import (
    MAX_CONNECTIONS,
    Settings,
    SettingsError,
    parse_epoch,
    parse_int,
    parse_rate_limits,
    split_list,
)
from mockdesk.testing.client import MockdeskAdminError
from mockdesk.vendors.registry import VENDORS

if TYPE_CHECKING:
    from mockdesk.core.state import MockdeskState

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit code 2) like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"mockdesk: error: {one_line(message)} (see --help)\n")


def one_line(message: str) -> str:
    """``message`` on one line, whatever a path or value in it held."""
    return " ".join(message.split())


def _whole_number(name: str) -> Callable[[str], int]:
    def convert(text: str) -> int:
        try:
            return parse_int(name, text)
        except SettingsError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    convert.__name__ = name
    return convert


def _fixture_path(text: str) -> Path:
    """A path; the empty string is refused (``Path("")`` would be the working directory)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("fixtures: an empty path is not a fixture file")
    return Path(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mockdesk",
        description="Emulates vendors' support-ticket APIs at their real paths on one port.",
    )
    parser.add_argument("--version", action="version", version=f"mockdesk {_version()}")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    serve = commands.add_parser(
        "serve",
        help="serve every vendor (or those named) on one port",
        description="Serve vendors at their real paths. Every flag can also be set by a "
        "MOCKDESK_<FLAG> environment variable (e.g. MOCKDESK_SEED=7, "
        "MOCKDESK_VENDOR=sendcloud,hostup, MOCKDESK_RATE_LIMIT=sendcloud=off); flags win.",
    )
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument(
        "--port", type=_whole_number("port"), help="port to listen on (default 8080; 0: any)"
    )
    serve.add_argument(
        "--seed", type=_whole_number("seed"), help="seed of the generated data (default 0)"
    )
    serve.add_argument(
        "--tickets", type=_whole_number("tickets"), help="tickets per vendor (default 250)"
    )
    serve.add_argument(
        "--fixtures", type=_fixture_path, action="append", metavar="PATH",
        help="fixture file or directory of *.json pinning exact tickets (repeatable)",
    )  # fmt: skip
    serve.add_argument(
        "--vendor", action="append", metavar="SLUG[,SLUG]",
        help=f"serve only these vendors (repeatable): {', '.join(s.slug for s in VENDORS)}",
    )  # fmt: skip
    serve.add_argument(
        "--rate-limit", action="append", metavar="SLUG=LIMIT[,…]",
        help="override a vendor's rate limit, e.g. sendcloud=10/minute or hostup=off "
        "(repeatable; one limit per vendor, window at most 1 year)",
    )  # fmt: skip
    serve.add_argument(
        "--connections", type=_whole_number("connections"), metavar="N",
        help=f"connections served at once (default 1000, at most {MAX_CONNECTIONS}); slow or "
        "idle clients each hold one, never a thread",
    )  # fmt: skip
    serve.add_argument(
        "--journal-size", type=_whole_number("journal-size"), metavar="N",
        help="requests the journal keeps per tenant (default 1000)",
    )  # fmt: skip
    serve.add_argument(
        "--state", "--storage-uri", dest="state", metavar="URL",
        help="where run-time state lives (rate-limit windows, tokens, faults, the journal, the "
        "clock, tenants, runtime tickets, the seed): memory:// (default, this process) or "
        "redis://host:port/db (shared by every worker and replica on it; --storage-uri is an "
        "old name)",
    )  # fmt: skip
    serve.add_argument(
        "--workers", type=_whole_number("workers"), metavar="N",
        help="gunicorn workers (default 1); more than one needs --state redis://…",
    )  # fmt: skip
    serve.add_argument(
        "--epoch", metavar="WHEN",
        help="the data's now: now, a date (2026-06-01) or an RFC 3339 date-time with offset "
        "(default 2026-11-01T09:00:00Z, the fixed epoch: the same bytes every run)",
    )  # fmt: skip
    serve.add_argument(
        "--admin-token", metavar="TOKEN",
        help="require Authorization: Bearer TOKEN on every /__mockdesk/ call (without it the "
        "admin API answers loopback clients only)",
    )  # fmt: skip
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
    commands.add_parser("vendors", help="list the vendors: endpoints, auth, rate limit")
    commands.add_parser("credentials", help="print the credentials a fresh server accepts")
    openapi = commands.add_parser(
        "openapi",
        help="print a vendor's OpenAPI 3.1 document (no server needed)",
        add_help=False,
    )
    openapi.add_argument("rest", nargs=argparse.REMAINDER)
    cli_admin.add_commands(commands, cli_admin.common_options())
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    """Environment first, then the flags that were given."""
    settings = Settings.from_env()
    flags = {
        "host": args.host,
        "port": args.port,
        "seed": args.seed,
        "tickets": args.tickets,
        "connections": args.connections,
        "journal_size": args.journal_size,
        "state": args.state,
        "workers": args.workers,
        "epoch": parse_epoch("epoch", args.epoch) if args.epoch is not None else None,
        "admin_token": args.admin_token,
        "fixtures": tuple(args.fixtures) if args.fixtures else None,
        "vendors": split_list("vendor", args.vendor) if args.vendor else None,
        "rate_limits": (
            parse_rate_limits(split_list("rate-limit", args.rate_limit))
            if args.rate_limit
            else None
        ),
    }
    settings = replace(settings, **{k: v for k, v in flags.items() if v is not None})
    return settings.with_credentials(args.token, args.token_noscope, args.basic)


def serve(args: argparse.Namespace) -> int:
    from mockdesk import serving

    settings = settings_from(args)
    if args.debug:
        from mockdesk.app import create_app

        serving.run_debug(create_app(settings), settings)
        return 0
    # Bind first (a port in use is a one-line error before any data is built), then make the
    # standard library cooperative before the app creates its locks and sockets.
    listener = serving.bind(settings.host, settings.port)
    serving.patch()
    from mockdesk.app import create_app

    app = create_app(settings)
    print(startup_summary(app, listener.getsockname()[1]), file=sys.stderr, flush=True)
    serving.run_gunicorn(app, settings, access_log=args.access_log, listener=listener)
    return 0


def startup_summary(app: Flask, port: int) -> str:
    """One screen: where to point a client, what data is served, with which credentials."""
    state: MockdeskState = app.extensions["mockdesk"]
    settings = state.settings
    host = settings.host if settings.host not in ("0.0.0.0", "::") else "127.0.0.1"
    base = f"http://{host}:{port}"
    credentials = settings.credentials
    lines = [
        f"mockdesk {_version()} on {base}  (seed {state.seed})",
        "",
    ]
    for slug, spec in state.vendors.items():  # counted, not built: the workers build the data
        count = settings.tickets + state.shelf.pinned(slug)
        lines.append(f"  {slug:<10} {count:>7} tickets  {base}{spec.list_path}")
    lines += [
        "",
        f"  token {credentials.token}  ·  no-scope token {credentials.token_without_scopes}  "
        f"·  basic {credentials.basic_username}:{credentials.basic_password}",
        f"  admin {base}/__mockdesk/  "
        + ("(bearer admin token required)" if settings.admin_token else "(loopback only)"),
    ]
    return "\n".join(lines)


def list_vendors() -> int:
    """Every vendor with every endpoint it serves (from the app's own routes), auth and limit."""
    from mockdesk.app import create_app

    app = create_app(Settings(tickets=0))
    state: MockdeskState = app.extensions["mockdesk"]
    endpoints: dict[str, list[str]] = {spec.slug: [] for spec in VENDORS}
    for rule in sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule):
        spec = state.vendor_for_path(rule.rule)
        methods = sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
        if spec is None or not methods:
            continue
        if "append_slash" in rule.endpoint:  # Django's APPEND_SLASH: not an endpoint of its own
            endpoints[spec.slug].append(f"{'ANY':<5} {rule.rule}  (301 to {rule.rule}/)")
        else:
            endpoints[spec.slug].append(f"{','.join(methods):<5} {rule.rule}")
    for spec in VENDORS:
        print(f"{spec.slug}: {spec.name}")
        print(f"  auth:       {spec.auth_description}")
        print(f"  rate limit: {spec.rate_limit.default}")
        for endpoint in endpoints[spec.slug]:
            print(f"  {endpoint}")
        print()
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
        if args.command == "credentials":
            return print_credentials()
        if args.command == "openapi":
            from mockdesk.openapi import cli_main

            return cli_main(args.rest)
        return cli_admin.run(args)
    except (SettingsError, FixtureError, StorageError, ValueError) as error:
        return fail(str(error))
    except MockdeskAdminError as error:
        return fail(f"the server refused: {error}")
    except OSError as error:
        return fail(f"cannot reach {getattr(args, 'url', 'the server')}: {error}")
    except Exception as error:
        if getattr(args, "debug", False):
            raise
        return fail(f"could not start: {type(error).__name__}: {error} (--debug shows where)")


def _version() -> str:
    try:
        return metadata.version("mockdesk")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


def fail(message: str) -> int:
    """The one line every start-up failure prints; status 2."""
    print(f"mockdesk: error: {one_line(message)[:1000]}", file=sys.stderr)
    return USAGE_ERROR


if __name__ == "__main__":
    sys.exit(main())
