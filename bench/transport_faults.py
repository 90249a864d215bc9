"""How long a client waits for each injected transport fault, beside a normal request.

Starts ``mockdesk serve`` (gunicorn, every vendor) on a free loopback port, then for each kind
adds a ``times: 1`` rule for Sendcloud and times one request with ``requests`` (a 2 s read
timeout, so ``hang`` shows the client giving up), ``--rounds`` times, and prints the median and
worst wait and what the client saw. Run: ``python bench/transport_faults.py``.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time

import requests

BASIC = {"Authorization": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="}
LIST = "/api/v3/dsf/tickets"
KINDS = (None, "reset", "empty", "malformed", "hang")
CLIENT_TIMEOUT = 2.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start() -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-m", "mockdesk", "serve", "--port", str(port),
               "--rate-limit", "sendcloud=off"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/__mockdesk/health", timeout=2).ok:
                return process, url
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("mockdesk serve did not become healthy")


def one(url: str, kind: str | None) -> tuple[float, str]:
    if kind is not None:
        rule = {"vendor": "sendcloud", "transport": kind, "times": 1}
        requests.post(f"{url}/__mockdesk/faults", json=rule, timeout=5).raise_for_status()
    started = time.perf_counter()
    try:
        response = requests.get(url + LIST, headers=BASIC, timeout=CLIENT_TIMEOUT)
        seen = f"{response.status_code}, {len(response.content)} bytes"
    except requests.RequestException as error:
        seen = type(error).__name__
    return (time.perf_counter() - started) * 1000, seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    process, url = start()
    try:
        print(f"{'fault':<10} {'median ms':>10} {'worst ms':>10}  client saw")
        for kind in KINDS:
            runs = [one(url, kind) for _ in range(args.rounds)]
            waits = [wait for wait, _ in runs]
            seen = sorted({outcome for _, outcome in runs})
            print(
                f"{kind or 'none':<10} {statistics.median(waits):>10.1f} {max(waits):>10.1f}  "
                + "; ".join(seen)
            )
    finally:
        process.terminate()
        process.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
