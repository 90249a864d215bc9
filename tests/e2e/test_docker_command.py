"""The Docker image's exact serve command, run locally (no Docker engine is needed).

The image sets MOCKDESK_HOST/MOCKDESK_PORT and runs CMD; here the same CMD runs with those two
variables pointed at loopback and a free port, and the HEALTHCHECK's URL must answer.
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

DOCKERFILE = (Path(__file__).parents[2] / "Dockerfile").read_text()


def instruction(name: str) -> str:
    joined = DOCKERFILE.replace("\\\n", " ")
    return re.search(rf"^{name}\s+(.*)$", joined, re.MULTILINE).group(1).strip()


def test_image_runs_gunicorn_as_a_non_root_user_with_a_healthcheck() -> None:
    assert instruction("FROM").startswith("python:3.1") and "slim" in instruction("FROM")
    assert instruction("USER") == "mockdesk"
    assert "/__mockdesk/health" in instruction("HEALTHCHECK")
    assert "MOCKDESK_HOST=0.0.0.0" in instruction("ENV")
    assert "MOCKDESK_PORT=8080" in instruction("ENV")


def test_the_images_cmd_serves_a_healthy_mockdesk() -> None:
    command = json.loads(instruction("CMD"))
    scripts = Path(sys.executable).parent  # the console script beside this interpreter
    command[0] = shutil.which(command[0], path=f"{scripts}{os.pathsep}{os.environ['PATH']}")
    assert command[0], "the console script must be installed"
    port = free_port()
    env = {**os.environ, "MOCKDESK_HOST": "127.0.0.1", "MOCKDESK_PORT": str(port)}
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                health = requests.get(f"http://127.0.0.1:{port}/__mockdesk/health", timeout=1)
                break
            except requests.ConnectionError:
                assert process.poll() is None, process.stderr.read().decode()
                time.sleep(0.05)
        assert health.status_code == 200
        assert b"gthread" in _worker_log(process)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _worker_log(process: subprocess.Popen[bytes]) -> bytes:
    process.terminate()
    process.wait(timeout=10)
    return process.stderr.read()
