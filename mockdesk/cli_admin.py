"""``mockdesk faults|requests|reset``: the admin API of a running server, for shell scripts and
demos. Each is a thin wrapper over :class:`~mockdesk.testing.client.MockdeskClient`, so the CLI,
the Python client and curl drive exactly the same documented endpoints.

The server is ``--url`` (default ``$MOCKDESK_URL``, else ``http://127.0.0.1:8080``); ``--tenant``
and ``--admin-token`` (default ``$MOCKDESK_ADMIN_TOKEN``) go with every call. Output is JSON on
stdout (``requests`` also has a one-line-per-request ``--table``); a refusal or an unreachable
server is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from mockdesk.testing.client import URL_VARIABLE, MockdeskClient

DEFAULT_URL = "http://127.0.0.1:8080"
ERROR_KINDS = ("unauthenticated", "expired", "forbidden", "rate_limited", "not_found",
               "internal", "unavailable")  # fmt: skip
TRANSPORTS = ("reset", "empty", "malformed", "hang")


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """The admin subcommands, on the main parser's ``commands``; ``common`` holds --url etc."""
    faults = commands.add_parser("faults", help="add, list or clear fault rules on a server")
    actions = faults.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", parents=[common], help="add one fault rule")
    add.add_argument("--vendor", metavar="SLUG")
    add.add_argument("--path-prefix", metavar="PATH")
    add.add_argument("--method")
    add.add_argument("--credential", help="only requests carrying this configured credential")
    add.add_argument("--error", choices=ERROR_KINDS)
    add.add_argument("--delay-ms", type=float, metavar="MS")
    add.add_argument("--transport", choices=TRANSPORTS)
    add.add_argument("--times", help="how many requests it hits (default 1; 'always')")
    add.add_argument("--probability", type=float, metavar="P", help="0 to 1 (default 1)")
    actions.add_parser("list", parents=[common], help="the tenant's rules, in the order tried")
    actions.add_parser("clear", parents=[common], help="remove every rule of the tenant")

    journal = commands.add_parser(
        "requests", parents=[common], help="the requests a server received (the journal)"
    )
    for name in ("vendor", "path", "method", "status", "since"):
        journal.add_argument(f"--{name}")
    journal.add_argument("--table", action="store_true", help="one line per request")

    reset = commands.add_parser(
        "reset", parents=[common], help="reset a server (or only --tenant's state)"
    )
    reset.add_argument("--seed", type=int, help="serve another seed's data afterwards")


def common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--url", default=os.environ.get(URL_VARIABLE) or DEFAULT_URL,
        help=f"the server (default ${URL_VARIABLE}, else {DEFAULT_URL})",
    )  # fmt: skip
    common.add_argument("--tenant", help="act in this tenant (X-Mockdesk-Tenant)")
    common.add_argument("--admin-token", help="the server's admin token, if it has one")
    return common


def run(args: argparse.Namespace) -> int:
    """Run one admin command; raises MockdeskAdminError or OSError for the caller to report."""
    client = MockdeskClient(args.url, args.tenant, args.admin_token)
    if args.command == "faults":
        return _faults(client, args)
    if args.command == "requests":
        return _requests(client, args)
    _print(client.reset(args.seed))
    return 0


def _faults(client: MockdeskClient, args: argparse.Namespace) -> int:
    if args.action == "list":
        _print(client.faults())
    elif args.action == "clear":
        client.clear_faults()
        _print({"cleared": True})
    else:
        rule = {
            "vendor": args.vendor,
            "path_prefix": args.path_prefix,
            "method": args.method,
            "credential": args.credential,
            "error": args.error,
            "delay_ms": args.delay_ms,
            "transport": args.transport,
            "probability": args.probability,
        }
        body = {key: value for key, value in rule.items() if value is not None}
        if args.times is not None:
            body["times"] = None if args.times == "always" else _whole(args.times)
        _print(client.fault(**body))
    return 0


def _requests(client: MockdeskClient, args: argparse.Namespace) -> int:
    filters = {
        name: getattr(args, name) for name in ("vendor", "path", "method", "status", "since")
    }
    entries = client.requests(**{k: v for k, v in filters.items() if v is not None})
    if not args.table:
        _print(entries)
        return 0
    for entry in entries:
        query = "&".join(f"{k}={v}" for k, values in entry["query"].items() for v in values)
        target = entry["path"] + (f"?{query}" if query else "")
        fault = f" fault={entry['fault']}" if entry["fault"] is not None else ""
        print(
            f"{entry['id']:>6} {entry['time']} {entry['status']:>3} {entry['method']:<6} "
            f"{entry['vendor'] or '-':<9} {target} {entry['duration_ms']:.1f}ms{fault}"
        )
    return 0


def _whole(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f"--times must be a whole number or 'always' (got {text!r})")
    return int(text)


def _print(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))
