"""One worker, two workers over Redis, and bare Flask on two workers, in the same run.

Each server is a real process on its own port: ``mockdesk serve`` (one gevent worker, memory
state), ``mockdesk serve --workers 2 --state redis://…`` (a Debian ``redis-server`` started
here on a free port), and the same gevent gunicorn running a bare Flask page of the same body
size on two workers. They are loaded in alternating rounds by ``wrk`` with keep-alive (16
connections), rate limits on for mockdesk but set high enough never to answer 429, so every
request pays for its window, its fault check and its journal entry. Printed: req/s per
vendor and the two ratios the issue sets as goals (2 workers ≥ 1.7 × one worker, and ≥ 0.7 ×
bare Flask on 2 workers).

    python bench/workers.py [--duration 5] [--rounds 3] [--vendor SLUG]...
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


def keep_alive(url: str, headers: dict[str, str], duration: int, connections: int) -> Load:
    return load_with_wrk(url, headers, duration, connections, keep_alive=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--vendor", action="append")
    args = parser.parse_args()
    if shutil.which("wrk") is None or shutil.which("redis-server") is None:
        print("needs wrk and redis-server (apt-get install wrk redis-server)", file=sys.stderr)
        return 2
    specs = [spec for spec in VENDORS if not args.vendor or spec.slug in args.vendor]
    ports = {"one": free_port(), "two": free_port(), "bare": free_port(), "redis": free_port()}
    with tempfile.TemporaryDirectory() as directory:
        redis = redis_server(ports["redis"], directory)
        one = mockdesk(ports["one"])
        two = mockdesk(
            ports["two"], "--workers", "2", "--state", f"redis://127.0.0.1:{ports['redis']}/0"
        )
        servers = [redis, one, two]
        try:
            for name, server in (("one", one), ("two", two)):
                wait_healthy(f"http://127.0.0.1:{ports[name]}/__mockdesk/health", server)
            print(f"{'vendor':<10} {'1 worker':>10} {'2 workers':>10} {'bare x2':>10}"
                  f" {'2w/1w':>7} {'2w/bare':>8}   (req/s, keep-alive, median of "
                  f"{args.rounds} alternating rounds)")  # fmt: skip
            ok = True
            for spec in specs:
                ok &= compare(spec, ports, args)
        finally:
            for server in reversed(servers):
                stop(server)
    return 0 if ok else 1


def compare(spec, ports: dict[str, int], args: argparse.Namespace) -> bool:
    headers = dict(spec.demo_headers)
    urls = {name: f"http://127.0.0.1:{ports[name]}{spec.list_path}" for name in ("one", "two")}
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
                    load = keep_alive(url, headers, args.duration, args.connections)
                    rounds[name].append(load.requests_per_second)
        finally:
            stop(bare)
    one, two, flask = (sorted(rounds[n])[len(rounds[n]) // 2] for n in ("one", "two", "bare"))
    scaling, versus_bare = two / one, two / flask
    print(f"{spec.slug:<10} {one:>10.0f} {two:>10.0f} {flask:>10.0f} {scaling:>7.2f}"
          f" {versus_bare:>8.2f}   {verdict(scaling >= GOAL_SCALING)}"
          f" / {verdict(versus_bare >= GOAL_BARE)}")  # fmt: skip
    return scaling >= GOAL_SCALING and versus_bare >= GOAL_BARE


if __name__ == "__main__":
    sys.exit(main())
