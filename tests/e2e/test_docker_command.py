"""The Docker image's exact serve and health commands, run locally (no Docker engine is needed).

The image sets MOCKDESK_HOST/MOCKDESK_PORT and runs CMD; here the same CMD runs with those two
variables pointed at loopback and a free port, and the HEALTHCHECK's own command must pass
against it, on whatever port MOCKDESK_PORT names.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.conftest import free_port

ROOT = Path(__file__).parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def instruction(name: str) -> str:
    joined = DOCKERFILE.replace("\\\n", " ")
    match = re.search(rf"^{name}\s+(.*)$", joined, re.MULTILINE)
    assert match, f"no {name} in the Dockerfile"
    return match.group(1).strip()


def healthcheck_command() -> list[str]:
    command: list[str] = json.loads(instruction("HEALTHCHECK").split("CMD", 1)[1].strip())
    return command


def test_image_runs_gunicorn_as_a_non_root_user_with_a_healthcheck() -> None:
    assert instruction("FROM").startswith("python:3.1") and "slim" in instruction("FROM")
    assert instruction("USER") == "mockdesk"
    assert "/__mockdesk/health" in instruction("HEALTHCHECK")
    assert "MOCKDESK_HOST=0.0.0.0" in instruction("ENV")
    assert "MOCKDESK_PORT=8080" in instruction("ENV")
    assert "MOCKDESK_ADMIN_TOKEN" in DOCKERFILE  # documented where the image binds 0.0.0.0
    start_period = re.search(r"--start-period=(\d+)s", instruction("HEALTHCHECK"))
    assert start_period and int(start_period.group(1)) >= 120  # data is built before the port


def test_the_build_context_leaves_out_local_state() -> None:
    ignored = {
        line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines() if line.strip()
    }
    assert {".git", ".venv", "**/__pycache__", ".pytest_cache", ".hypothesis"} <= ignored
    for needed in ["mockdesk", "fixtures", "pyproject.toml", "README.md"]:
        assert needed not in ignored


def test_the_images_cmd_serves_and_its_healthcheck_follows_the_port() -> None:
    command = json.loads(instruction("CMD"))
    scripts = Path(sys.executable).parent  # the console script beside this interpreter
    command[0] = shutil.which(command[0], path=f"{scripts}{os.pathsep}{os.environ['PATH']}")
    assert command[0], "the console script must be installed"
    port = free_port()
    env = {**os.environ, "MOCKDESK_HOST": "127.0.0.1", "MOCKDESK_PORT": str(port)}
    probe = healthcheck_command()
    probe[0] = sys.executable
    assert subprocess.run(probe, env=env, capture_output=True, timeout=30).returncode != 0
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                health = requests.get(f"http://127.0.0.1:{port}/__mockdesk/health", timeout=1)
                break
            except requests.ConnectionError:
                assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
                time.sleep(0.05)
        assert health.status_code == 200
        checked = subprocess.run(probe, env=env, capture_output=True, timeout=30)
        assert checked.returncode == 0, checked.stderr
        assert b"Using worker: MockdeskGeventWorker" in _worker_log(process)
    finally:
        process.terminate()
        process.wait(timeout=15)


def _worker_log(process: subprocess.Popen[bytes]) -> bytes:
    process.terminate()
    process.wait(timeout=15)
    assert process.stderr is not None
    return process.stderr.read()
