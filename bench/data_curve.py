"""mockdesk at 1 k, 10 k, 100 k and 1 M tickets per vendor: start-up, memory, first and deep page.

For each size, a real ``mockdesk serve --tickets N`` (every vendor, rate limits off) is started
and timed until ``/__mockdesk/health`` answers 200; then, per offset-paged vendor, the first
page and the last page are each fetched once cold (nothing rendered yet) and then ten times
warm; last, a reset to another seed (``POST /__mockdesk/reset {"seed": 1}``) is timed, which
builds every vendor's data again ("worker MB" is the worker's peak before the reset, "after
reset" what it holds once the old seed's data is let go). Printed side by side, with the issue's
goals: healthy in under 3 s and under 300 MB resident at 1 M, and a deep page within 1.3 × the
first.

    python bench/data_curve.py [--sizes 1000,10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import http.client
import math
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from run import children, free_port, rss_mb, stop, verdict, wait_healthy  # noqa: E402

from mockdesk.vendors.registry import VENDORS, by_slug  # noqa: E402

GOAL_STARTUP_S, GOAL_RSS_MB, GOAL_DEEP_RATIO = 3.0, 300.0, 1.3
# (vendor, page size, the query of page P): vendors whose pages can be addressed by number
PAGED = (
    ("sendcloud", 15, "?page={page}"),
    ("ippanel", 10, "?page={page}"),
    ("teamwork", 50, "?page={page}"),
)


def timed_get(port: int, path: str, headers: dict[str, str]) -> float:
    """Milliseconds for one GET on a fresh connection; raises unless it answers 200."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    return (time.perf_counter() - started) * 1000


def resident_mb(pid: int) -> float:
    """Resident set now (VmRSS) of one process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0


def timed_post(port: int, path: str, body: bytes) -> float:
    """Milliseconds for one JSON POST; raises unless it answers 200."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request("POST", path, body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    return (time.perf_counter() - started) * 1000


def measure(size: int) -> dict[str, object]:
    port = free_port()
    no_limits = ",".join(f"{spec.slug}=off" for spec in VENDORS)
    env = {**os.environ, "MOCKDESK_RATE_LIMIT": no_limits}
    command = [sys.executable, "-m", "mockdesk", "serve", "--port", str(port)]
    command += ["--tickets", str(size)]
    started = time.perf_counter()
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(f"http://127.0.0.1:{port}/__mockdesk/health", server, timeout=600)
        ready = time.perf_counter() - started
        pages = {}
        for slug, page_size, query in PAGED:
            spec = by_slug()[slug]
            headers = dict(spec.demo_headers)
            last = max(1, math.ceil(size / page_size))
            first_path = spec.list_path + query.format(page=1)
            deep_path = spec.list_path + query.format(page=last)
            cold = (timed_get(port, first_path, headers), timed_get(port, deep_path, headers))
            warm_first = statistics.median(timed_get(port, first_path, headers) for _ in range(10))
            warm_deep = statistics.median(timed_get(port, deep_path, headers) for _ in range(10))
            pages[slug] = (last, cold, warm_first, warm_deep)
        (worker_pid,) = children(server.pid)
        worker = rss_mb(worker_pid)  # the peak so far: build and pages
        reset = timed_post(port, "/__mockdesk/reset", b'{"seed": 1}') / 1000
        return {
            "ready": ready,
            "reset": reset,
            "master": rss_mb(server.pid),
            "worker": worker,
            "after_reset": resident_mb(worker_pid),
            "pages": pages,
        }
    finally:
        stop(server)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    print(f"{'tickets':>9} {'healthy s':>9} {'reset s':>7} {'master MB':>9} {'worker MB':>9}"
          f" {'after reset':>11}"
          "   vendor  deep page   first ms (cold/warm)   deep ms (cold/warm)"
          "   deep/first")  # fmt: skip
    ok = True
    for size in sizes:
        result = measure(size)
        head = (
            f"{size:>9} {result['ready']:>9.2f} {result['reset']:>7.2f} {result['master']:>9.1f}"
            f" {result['worker']:>9.1f} {result['after_reset']:>11.1f}"
        )
        for slug, (last, cold, warm_first, warm_deep) in result["pages"].items():
            ratio = warm_deep / warm_first
            print(f"{head}   {slug:<10} {last:>9}   {cold[0]:>7.1f} / {warm_first:<7.2f}"
                  f"        {cold[1]:>7.1f} / {warm_deep:<7.2f}      {ratio:5.2f}")  # fmt: skip
            head = " " * len(head)
            ok &= size < 1_000_000 or ratio <= GOAL_DEEP_RATIO
        if size == 1_000_000:
            ok &= result["ready"] < GOAL_STARTUP_S and result["worker"] < GOAL_RSS_MB
            print(f"  goals at 1 M: healthy < {GOAL_STARTUP_S} s "
                  f"{verdict(result['ready'] < GOAL_STARTUP_S)}, worker < {GOAL_RSS_MB:.0f} MB "
                  f"{verdict(result['worker'] < GOAL_RSS_MB)}")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
