"""One worker, two workers over Redis, and bare Flask on two workers, in the same run.

Each server is a real process on its own port: ``mockdesk serve`` (one gevent worker, memory
state), ``mockdesk serve --workers 1 --state redis://…`` and ``--workers 2 --state redis://…``
(a Debian ``redis-server`` started here on a free port, one database each), and the same gevent
gunicorn running a bare Flask page of the same body size on two workers. They are loaded in
alternating rounds by ``wrk`` with keep-alive (16 connections), rate limits on for mockdesk but
set high enough never to answer 429, so every request pays for its window, its fault check and
its journal entry. Printed: req/s per vendor and the two ratios the issue sets as goals
(2 workers ≥ 1.7 × one worker, and ≥ 0.7 × bare Flask on 2 workers; "one worker" is the memory
one), plus 2 workers over 1 worker both on Redis. ``--pin-wrk CPU`` runs wrk under
``taskset -c CPU`` (on a 2-core machine the load client otherwise competes with both workers
for the same cores).

    python bench/workers.py [--duration 5] [--rounds 3] [--vendor SLUG]... [--pin-wrk CPU]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from run import Load, fetch, free_port, load_with_wrk, stop, verdict, wait_healthy  # noqa: E402

from mockdesk.vendors.registry import VENDORS  # noqa: E402

GOAL_SCALING, GOAL_BARE = 1.7, 0.7
HIGH_LIMIT = "1000000/minute"  # counted on every request, never reached


def redis_server(port: int, directory: str) -> subprocess.Popen[bytes]:
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", directory]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL)


def mockdesk(port: int, *extra: str) -> subprocess.Popen[bytes]:
    limits = ",".join(f"{spec.slug}={HIGH_LIMIT}" for spec in VENDORS)
    command = [sys.executable, "-m", "mockdesk", "serve", "--port", str(port), *extra]
    env = {**os.environ, "MOCKDESK_RATE_LIMIT": limits}
    return subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)


def bare_flask(port: int, body_file: str) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "gunicorn", "bare_app:app", "--bind", f"127.0.0.1:{port}",
        "--workers", "2", "--worker-class", "gevent", "--keep-alive", "5",
        "--no-control-socket", "--log-level", "warning",
    ]  # fmt: skip
    env = {**os.environ, "BENCH_BODY_FILE": body_file}
    return subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL, cwd=HERE)


def keep_alive(
    url: str, headers: dict[str, str], duration: int, connections: int, pin: str | None
) -> Load:
    if pin is None:
        return load_with_wrk(url, headers, duration, connections, keep_alive=True)
    real = shutil.which("wrk")
    with tempfile.TemporaryDirectory() as directory:  # a "wrk" on PATH that pins the real one
        wrapper = Path(directory) / "wrk"
        wrapper.write_text(f'#!/bin/sh\nexec taskset -c {pin} {real} "$@"\n')
        wrapper.chmod(0o755)
        path = os.environ["PATH"]
        os.environ["PATH"] = f"{directory}{os.pathsep}{path}"
        try:
            return load_with_wrk(url, headers, duration, connections, keep_alive=True)
        finally:
            os.environ["PATH"] = path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--vendor", action="append")
    parser.add_argument("--pin-wrk", metavar="CPU", help="run wrk under taskset -c CPU")
    args = parser.parse_args()
    if shutil.which("wrk") is None or shutil.which("redis-server") is None:
        print("needs wrk and redis-server (apt-get install wrk redis-server)", file=sys.stderr)
        return 2
    specs = [spec for spec in VENDORS if not args.vendor or spec.slug in args.vendor]
    ports = {name: free_port() for name in ("one", "redis1", "two", "bare", "redis")}
    with tempfile.TemporaryDirectory() as directory:
        redis = redis_server(ports["redis"], directory)
        state = f"redis://127.0.0.1:{ports['redis']}"
        one = mockdesk(ports["one"])
        redis1 = mockdesk(ports["redis1"], "--workers", "1", "--state", f"{state}/1")
        two = mockdesk(ports["two"], "--workers", "2", "--state", f"{state}/0")
        servers = [redis, one, redis1, two]
        try:
            for name, server in (("one", one), ("redis1", redis1), ("two", two)):
                wait_healthy(f"http://127.0.0.1:{ports[name]}/__mockdesk/health", server)
            pinned = f", wrk pinned to CPU {args.pin_wrk}" if args.pin_wrk else ""
            print(f"{'vendor':<10} {'memory 1w':>10} {'redis 1w':>9} {'redis 2w':>9}"
                  f" {'bare 2w':>8} {'2w/1w':>6} {'2w/bare':>8} {'2w/r1w':>7}   (req/s, "
                  f"keep-alive, median of {args.rounds} alternating rounds{pinned})")  # fmt: skip
            ok = True
            for spec in specs:
                ok &= compare(spec, ports, args)
        finally:
            for server in reversed(servers):
                stop(server)
    return 0 if ok else 1


def compare(spec, ports: dict[str, int], args: argparse.Namespace) -> bool:
    headers = dict(spec.demo_headers)
    urls = {
        name: f"http://127.0.0.1:{ports[name]}{spec.list_path}" for name in ("one", "redis1", "two")
    }
    with tempfile.NamedTemporaryFile(suffix=".json") as body_file:
        body_file.write(fetch(urls["one"], headers))
        body_file.flush()
        bare = bare_flask(ports["bare"], body_file.name)
        try:
            urls["bare"] = f"http://127.0.0.1:{ports['bare']}/bare"
            wait_healthy(urls["bare"], bare)
            rounds: dict[str, list[float]] = {name: [] for name in urls}
            for _ in range(args.rounds):
                for name, url in urls.items():
                    load = keep_alive(url, headers, args.duration, args.connections, args.pin_wrk)
                    rounds[name].append(load.requests_per_second)
        finally:
            stop(bare)
    one, redis1, two, flask = (
        sorted(rounds[n])[len(rounds[n]) // 2] for n in ("one", "redis1", "two", "bare")
    )
    scaling, versus_bare = two / one, two / flask
    print(f"{spec.slug:<10} {one:>10.0f} {redis1:>9.0f} {two:>9.0f} {flask:>8.0f}"
          f" {scaling:>6.2f} {versus_bare:>8.2f} {two / redis1:>7.2f}"
          f"   {verdict(scaling >= GOAL_SCALING)}"
          f" / {verdict(versus_bare >= GOAL_BARE)}")  # fmt: skip
    return scaling >= GOAL_SCALING and versus_bare >= GOAL_BARE


if __name__ == "__main__":
    sys.exit(main())
