"""Running schemathesis (its CLI, pinned in pyproject) against a live server, and reading its
JSON report: how many cases, how long, which failures, and which parameters were sent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.openapi import hooks

ROOT = Path(__file__).resolve().parents[2]
SEED = 1  # fixed, so a failure reproduces (`st run … --seed 1`)
CONFIG = Path(__file__).with_name("schemathesis.toml")


@dataclass(frozen=True)
class Run:
    """What one schemathesis run did."""

    exit_code: int
    report: dict[str, Any]
    sent: dict[str, set[str]]  # operation label → the parameters sent at least once
    output: str

    @property
    def cases(self) -> int:
        return int(self.report["test_cases"]["generated"])

    @property
    def seconds(self) -> float:
        return float(self.report["running_time"])

    def summary(self) -> str:
        return f"{self.cases} cases in {self.seconds:.1f} s"


def run(
    location: str,
    authorization: str,
    server: str,
    work: Path,
    *,
    max_examples: int,
    phases: str = "examples,coverage,fuzzing,stateful",
    checks: str = "all",
    base_url: str | None = None,
) -> Run:
    """``st run location`` with every check, the given credentials and this test's hooks."""
    report = work / "report.json"
    sent_log = work / "sent.jsonl"
    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", str(CONFIG), "run", location,
        "--checks", checks, "--phases", phases,
        "--max-examples", str(max_examples), "--seed", str(SEED),
        "--header", f"Authorization: {authorization}",
        "--report", "json", "--report-json-path", str(report),
        "--report-dir", str(work / "reports"),
        "--warnings", "off", "--no-color",
    ]  # fmt: skip
    if base_url is not None:
        command += ["--url", base_url]
    environment = {
        **os.environ,
        "SCHEMATHESIS_HOOKS": "tests.openapi.hooks",
        "PYTHONPATH": str(ROOT),
        hooks.SERVER: server,
        hooks.AUTHORIZATION: authorization,
        hooks.SENT_LOG: str(sent_log),
        "HYPOTHESIS_STORAGE_DIRECTORY": str(work / "hypothesis"),
    }
    done = subprocess.run(
        command, cwd=work, env=environment, capture_output=True, text=True, timeout=600
    )
    sent: dict[str, set[str]] = defaultdict(set)
    if sent_log.exists():
        for line in sent_log.read_text().splitlines():
            entry = json.loads(line)
            sent[entry["operation"]].update(entry["parameters"])
    return Run(done.returncode, json.loads(report.read_text()), dict(sent), done.stdout)


def parameters(document: dict[str, Any]) -> dict[str, set[str]]:
    """Operation label (``GET /path``) → its documented parameters (``in:name``)."""
    found: dict[str, set[str]] = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            names = {f"{p['in']}:{p['name']}" for p in operation.get("parameters", ())}
            found[f"{method.upper()} {path}"] = names
    return found
