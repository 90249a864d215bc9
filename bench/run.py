"""mockdesk benchmark: throughput against bare Flask, start-up time, peak memory.

For each vendor's list endpoint (rate limits off), mockdesk and a bare Flask endpoint that
returns a precomputed body of the same size are served in turn by the same gunicorn settings
(2 workers, gthread) and loaded by the same client: ``wrk`` when installed (Debian package
``wrk``), otherwise a bounded Python client. Printed: req/s, p50, p99 and the ratio
mockdesk/bare (goal >= 0.7). Then ``mockdesk serve`` with the default data: seconds until
``/__mockdesk/health`` answers (goal < 1.5 s) and peak resident memory (goal < 150 MB).

    python bench/run.py [--duration 5] [--connections 16] [--vendor SLUG]... [--client python]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from mockdesk.vendors.registry import VENDORS  # noqa: E402

GOAL_RATIO, GOAL_STARTUP_S, GOAL_RSS_MB = 0.7, 1.5, 150
# Every request opens its own connection. With keep-alive, gunicorn's gthread workers accept
# greedily, so whether wrk's connections land on one worker or both decided the figure (the
# bare endpoint measured 1,000 or 3,200 req/s from run to run); per-request connections spread
# the load evenly, for mockdesk and the baseline alike.


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 30) -> float:
    """Seconds until ``url`` answers 200."""
    started = time.perf_counter()
    host, port = url.split("//")[1].split("/")[0].split(":")
    path = "/" + url.split("//")[1].split("/", 1)[1]
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stderr.read().decode()[-2000:]}")
        try:
            connection = http.client.HTTPConnection(host, int(port), timeout=1)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return time.perf_counter() - started
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"{url} did not become healthy")


def gunicorn(app: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}",
        "--workers", "2", "--worker-class", "gthread", "--threads", "4",
        "--no-control-socket", "--log-level", "warning",
    ]  # fmt: skip
    return subprocess.Popen(command, env={**os.environ, **env}, stderr=subprocess.PIPE, cwd=HERE)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def load_with_wrk(
    url: str, headers: dict[str, str], duration: int, connections: int, keep_alive: bool = False
) -> Load:
    command = ["wrk", "--latency", f"-d{duration}s", f"-c{connections}", "-t1", url]
    if not keep_alive:
        command += ["-H", "Connection: close"]  # one connection per request: see above
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:
        raise RuntimeError(f"non-2xx responses while loading {url}:\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return Load(rps, _wrk_ms(output, "50%"), _wrk_ms(output, "99%"))


def _wrk_ms(output: str, percentile: str) -> float:
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def load_with_python(url: str, headers: dict[str, str], duration: int, connections: int) -> Load:
    host, rest = url.split("//")[1].split("/", 1)
    hostname, port = host.split(":")
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + duration

    def worker() -> None:
        mine = []
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection = http.client.HTTPConnection(hostname, int(port), timeout=10)
            connection.request("GET", "/" + rest, headers={**headers, "Connection": "close"})
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status != 200:
                raise RuntimeError(f"{url} answered {response.status}")
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100)
    return Load(len(latencies) / duration, cuts[49] * 1000, cuts[98] * 1000)


def fetch(url: str, headers: dict[str, str]) -> bytes:
    host = url.split("//")[1].split("/")[0]
    connection = http.client.HTTPConnection(host, timeout=10)
    connection.request("GET", "/" + url.split("//")[1].split("/", 1)[1], headers=headers)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"{url} answered {response.status}: {body[:300]!r}")
    return body


def compare_vendor(spec, args: argparse.Namespace, load) -> tuple[Load, Load]:
    """Both servers up side by side, loaded in alternating rounds; the median round of each.

    Alternating cancels slow drifts of a shared machine that back-to-back runs would credit
    to whichever server happened to run second.
    """
    headers = dict(spec.demo_headers)
    no_limits = ",".join(f"{s.slug}=off" for s in VENDORS)
    mockdesk_port, bare_port = free_port(), free_port()
    mockdesk = gunicorn("mockdesk.wsgi:app", mockdesk_port, {"MOCKDESK_RATE_LIMIT": no_limits})
    body_file = tempfile.NamedTemporaryFile(suffix=".json")  # noqa: SIM115 (outlives a block)
    bare = None
    try:
        url = f"http://127.0.0.1:{mockdesk_port}{spec.list_path}"
        wait_healthy(f"http://127.0.0.1:{mockdesk_port}/__mockdesk/health", mockdesk)
        body = fetch(url, headers)
        body_file.write(body)
        body_file.flush()
        bare = gunicorn("bare_app:app", bare_port, {"BENCH_BODY_FILE": body_file.name})
        bare_url = f"http://127.0.0.1:{bare_port}/bare"
        wait_healthy(bare_url, bare)
        rounds: dict[str, list[Load]] = {url: [], bare_url: []}
        for _ in range(args.rounds):
            for target in rounds:
                rounds[target].append(load(target, headers, args.duration, args.connections))
    finally:
        stop(mockdesk)
        if bare is not None:
            stop(bare)
        body_file.close()
    print(f"  body {len(body)} bytes, {args.rounds} alternating rounds, median shown")
    return _median(rounds[url]), _median(rounds[bare_url])


def _median(loads: list[Load]) -> Load:
    return sorted(loads, key=lambda item: item.requests_per_second)[len(loads) // 2]


def rss_mb(pid: int) -> float:
    """Peak resident set (VmHWM) of one process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def startup_and_memory(load) -> tuple[float, float, float]:
    """Seconds from `mockdesk serve` to healthy; peak RSS of master and worker after a load."""
    port = free_port()
    command = [sys.executable, "-m", "mockdesk", "serve", "--port", str(port)]
    no_limits = ",".join(f"{s.slug}=off" for s in VENDORS)
    started = time.perf_counter()
    server = subprocess.Popen(
        command, stderr=subprocess.PIPE, env={**os.environ, "MOCKDESK_RATE_LIMIT": no_limits}
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}/__mockdesk/health", server)
        seconds = time.perf_counter() - started
        for spec in VENDORS:  # touch every vendor's pages before reading the peak
            load(f"http://127.0.0.1:{port}{spec.list_path}", dict(spec.demo_headers), 1, 4)
        worker = max((rss_mb(child) for child in children(server.pid)), default=0.0)
        return seconds, rss_mb(server.pid), worker
    finally:
        stop(server)


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per server")
    parser.add_argument("--vendor", action="append", help="only these vendors (repeatable)")
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    args = parser.parse_args()
    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
    load = load_with_wrk if use_wrk else load_with_python
    client = "wrk" if use_wrk else "python"
    print(f"client: {client}; {args.duration}s x {args.connections} connections")
    print(f"{'vendor':<10} {'mockdesk req/s':>15} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'bare req/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6}")  # fmt: skip
    worst = float("inf")
    for spec in VENDORS:
        if args.vendor and spec.slug not in args.vendor:
            continue
        mine, bare = compare_vendor(spec, args, load)
        ratio = mine.requests_per_second / bare.requests_per_second
        worst = min(worst, ratio)
        print(
            f"{spec.slug:<10} {mine.requests_per_second:>15.0f} {mine.p50_ms:>8.2f} "
            f"{mine.p99_ms:>8.2f} {bare.requests_per_second:>11.0f} {bare.p50_ms:>8.2f} "
            f"{bare.p99_ms:>8.2f} {ratio:>6.2f} {verdict(ratio >= GOAL_RATIO)}"
        )
    runs = sorted(startup_and_memory(load) for _ in range(3))
    seconds, master_mb, worker_mb = runs[1]
    print(
        f"start-up to healthy: {seconds:.2f} s, median of 3 ({verdict(seconds < GOAL_STARTUP_S)})"
    )
    print(
        f"peak RSS: master {master_mb:.1f} MB, worker {worker_mb:.1f} MB "
        f"({verdict(max(master_mb, worker_mb) < GOAL_RSS_MB)}; worker pages are shared "
        f"copy-on-write with the master)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
