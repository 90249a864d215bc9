"""Slow and idle clients against the old serving model and the new one, side by side, in one run.

Old: the serving model before issue 12 (gunicorn, 1 gthread worker, 8 threads, keep-alive 2 s).
New: ``mockdesk serve`` as it is now (gunicorn, 1 gevent worker; see ``mockdesk/serving.py``).
Both serve every vendor with rate limits off. For each, in this order:

1. Throughput of one process: the Sendcloud list with ``wrk`` (16 connections, keep-alive and
   one connection per request), alternating old/new rounds, the median round of each.
2. Latency of normal requests (4 probe threads, a new connection per request, 5 s timeout: a
   timeout counts as 5,000 ms and as a failure): with nothing else open; with 200 slow-header
   connections (a request line, then one header byte per second, reconnecting whenever the
   server closes one); with 200 idle connections (100 that never send a byte, 100 kept alive
   after one request).
3. How long the server keeps those idle connections open: seconds from a connection's last byte
   to the server closing it (capped: "> cap" means still open when the bench gave up).

    python bench/slow_clients.py [--duration 5] [--rounds 3] [--slow 200] [--idle 200]

Needs ``wrk`` for throughput (``apt-get install wrk``; otherwise a bounded Python client). Only
loopback addresses are used; every loop is bounded in time.
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
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mockdesk.vendors.registry import VENDORS  # noqa: E402

PATH = "/api/v3/dsf/tickets"
AUTH = "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="  # mockdesk-key:mockdesk-secret
PROBE_TIMEOUT = 5.0
NO_LIMITS = ",".join(f"{spec.slug}=off" for spec in VENDORS)


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    port: int


@dataclass
class Probes:
    latencies_ms: list[float] = field(default_factory=list)
    failures: int = 0

    def describe(self) -> str:
        if not self.latencies_ms:
            return "no samples"
        cuts = statistics.quantiles(self.latencies_ms, n=100, method="inclusive")
        return (
            f"p50 {cuts[49]:7.1f}  p99 {cuts[98]:7.1f}  max {max(self.latencies_ms):7.1f}  "
            f"fail {self.failures}/{len(self.latencies_ms)}"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(name: str) -> Server:
    port = free_port()
    env = {**os.environ, "MOCKDESK_RATE_LIMIT": NO_LIMITS}
    if name == "old":
        command = [
            sys.executable, "-m", "gunicorn", "mockdesk.wsgi:app",
            "--bind", f"127.0.0.1:{port}", "--workers", "1", "--worker-class", "gthread",
            "--threads", "8", "--preload", "--no-control-socket", "--log-level", "warning",
        ]  # fmt: skip
    else:
        command = [sys.executable, "-m", "mockdesk", "serve", "--port", str(port)]
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} server exited with {process.returncode}")
        try:
            if request(port, "/__mockdesk/health", timeout=1) == 200:
                return Server(name, process, port)
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"{name} server did not become healthy")


def stop(server: Server) -> None:
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def request(port: int, path: str = PATH, timeout: float = PROBE_TIMEOUT) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Authorization": AUTH, "Connection": "close"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


# --- throughput ---------------------------------------------------------------------------


def throughput(port: int, seconds: int, keep_alive: bool) -> float:
    if shutil.which("wrk"):
        command = ["wrk", f"-d{seconds}s", "-c16", "-t1", "-H", f"Authorization: {AUTH}"]
        if not keep_alive:
            command += ["-H", "Connection: close"]
        output = subprocess.run(
            [*command, f"http://127.0.0.1:{port}{PATH}"], capture_output=True, text=True
        ).stdout
        if "Non-2xx" in output:
            raise RuntimeError(f"non-2xx responses under load:\n{output}")
        return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    return _python_throughput(port, seconds, keep_alive)


def _python_throughput(port: int, seconds: int, keep_alive: bool) -> float:
    count = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        nonlocal count
        mine = 0
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = (
            {"Authorization": AUTH}
            if keep_alive
            else {"Authorization": AUTH, "Connection": "close"}
        )
        while time.monotonic() < deadline:
            connection.request("GET", PATH, headers=headers)
            connection.getresponse().read()
            mine += 1
            if not keep_alive:
                connection.close()
        with lock:
            count += mine

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return count / seconds


# --- probes -------------------------------------------------------------------------------


def probe(port: int, seconds: float, threads: int = 4) -> Probes:
    result = Probes()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                ok = request(port) == 200
            except OSError:
                ok = False
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                result.latencies_ms.append(elapsed if ok else max(elapsed, PROBE_TIMEOUT * 1000))
                result.failures += not ok

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return result


class SlowHeaders:
    """``count`` connections that send a request line, then one header byte per second."""

    def __init__(self, port: int, count: int) -> None:
        self.port = port
        self.count = count
        self.reconnects = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> SlowHeaders:
        self._thread.start()
        time.sleep(2)  # every connection open and trickling
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _open(self) -> socket.socket | None:
        try:
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=2)
            sock.sendall(b"GET " + PATH.encode() + b" HTTP/1.1\r\nHost: bench\r\n")
            sock.setblocking(False)
            return sock
        except OSError:
            return None

    def _run(self) -> None:
        sockets: list[socket.socket | None] = [self._open() for _ in range(self.count)]
        while not self._stop.wait(1.0):
            for i, sock in enumerate(sockets):
                if sock is None or not _alive(sock) or not _send(sock, b"X"):
                    if sock is not None:
                        sock.close()
                        self.reconnects += 1
                    sockets[i] = self._open()
        for sock in sockets:
            if sock is not None:
                sock.close()


def _alive(sock: socket.socket) -> bool:
    """Still waiting for our headers: nothing to read. EOF, or any answer (a 400 or 408),
    means the server has let go of the slow request."""
    try:
        sock.recv(1, socket.MSG_PEEK)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


def _send(sock: socket.socket, data: bytes) -> bool:
    try:
        sock.send(data)
        return True
    except OSError:
        return False


@contextmanager
def idle_connections(
    port: int, silent: int, kept: int
) -> Iterator[list[tuple[str, socket.socket, float]]]:
    """``silent`` connections that never send a byte, ``kept`` that stay open after one
    request; yields (kind, socket, time of its last byte)."""
    opened: list[tuple[str, socket.socket, float]] = []
    for _ in range(kept):  # first: once silent ones hold a gthread worker's threads, it stalls
        sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        request = f"GET {PATH} HTTP/1.1\r\nHost: bench\r\nAuthorization: {AUTH}\r\n\r\n"
        sock.sendall(request.encode())
        _read_response(sock)
        opened.append(("kept-alive", sock, time.monotonic()))
    for _ in range(silent):
        sock = socket.create_connection(("127.0.0.1", port), timeout=2)
        opened.append(("silent", sock, time.monotonic()))
    try:
        yield opened
    finally:
        for _, sock, _ in opened:
            sock.close()


def _read_response(sock: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))  # type: ignore[union-attr]
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return
        body += chunk


def closing_times(opened: list[tuple[str, socket.socket, float]], cap: float) -> dict[str, str]:
    """Per kind: median and max seconds until the server closed the connection."""
    pending = {id(sock): (kind, sock, since) for kind, sock, since in opened}
    closed: dict[str, list[float]] = {}
    for _, sock, _ in opened:
        sock.setblocking(False)
    start = time.monotonic()
    while pending and time.monotonic() - start < cap:
        for key, (kind, sock, since) in list(pending.items()):
            try:
                data = sock.recv(65536)
            except BlockingIOError:
                continue
            except OSError:
                data = b""
            if data == b"" or data:  # EOF, or an error page: the server is done with it
                closed.setdefault(kind, []).append(time.monotonic() - since)
                del pending[key]
        time.sleep(0.05)
    report = {}
    for kind in sorted({kind for kind, _, _ in opened}):
        times = closed.get(kind, [])
        still = sum(1 for k, _, _ in pending.values() if k == kind)
        if times:
            text = f"median {statistics.median(times):5.1f} s, max {max(times):5.1f} s"
        else:
            text = "none closed"
        report[kind] = text + (f", {still} still open after {cap:.0f} s" if still else "")
    return report


# --- the run ------------------------------------------------------------------------------


def measure_latency(server: Server, args: argparse.Namespace) -> dict[str, str]:
    rows = {"probe, nothing else open (ms)": probe(server.port, args.probe).describe()}
    with SlowHeaders(server.port, args.slow) as attack:
        result = probe(server.port, args.probe)
    rows[f"probe, {args.slow} slow-header conns (ms)"] = result.describe()
    rows["  slow-header conns the server closed"] = str(attack.reconnects)
    time.sleep(1)
    silent, kept = args.idle // 2, args.idle - args.idle // 2
    with idle_connections(server.port, silent, kept) as opened:
        closing: dict[str, str] = {}
        watcher = threading.Thread(target=lambda: closing.update(closing_times(opened, args.cap)))
        watcher.start()  # from the moment they are open, while the probes run
        rows[f"probe, {args.idle} idle conns (ms)"] = probe(server.port, args.probe).describe()
        watcher.join()
        for kind, text in closing.items():
            rows[f"{kind} conn closed after"] = text
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per throughput round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--probe", type=float, default=5.0, help="seconds of probing per phase")
    parser.add_argument("--slow", type=int, default=200, help="slow-header connections")
    parser.add_argument("--idle", type=int, default=200, help="idle connections (half silent)")
    parser.add_argument("--cap", type=float, default=20.0, help="longest wait for a close, s")
    args = parser.parse_args()
    names = ["old", "new"]
    servers = {name: start(name) for name in names}
    table: dict[str, dict[str, str]] = {name: {} for name in names}
    try:
        for keep_alive in (True, False):
            label = "keep-alive" if keep_alive else "one connection per request"
            runs: dict[str, list[float]] = {name: [] for name in names}
            for _ in range(args.rounds):
                for name in names:
                    runs[name].append(throughput(servers[name].port, args.duration, keep_alive))
            for name in names:
                rounds = ", ".join(f"{r:.0f}" for r in runs[name])
                table[name][f"throughput, {label} (req/s)"] = (
                    f"{statistics.median(runs[name]):.0f}  (rounds {rounds})"
                )
        for name in names:
            table[name].update(measure_latency(servers[name], args))
    finally:
        for server in servers.values():
            stop(server)
    print("old = gunicorn gthread, 1 worker, 8 threads (before); new = mockdesk serve (gevent)")
    for row in table["old"]:
        print(f"{row}\n    old: {table['old'][row]}\n    new: {table['new'][row]}")
    old = float(table["old"]["throughput, keep-alive (req/s)"].split()[0])
    new = float(table["new"]["throughput, keep-alive (req/s)"].split()[0])
    print(f"keep-alive throughput new/old: {new / old:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
