"""The vendor suites in server mode, run in the background while the in-process suite runs.

A child pytest with ``MOCKDESK_TEST_BASE_URL`` set runs the suites against a gunicorn-served
``mockdesk serve`` of its own. It starts when collection ends (see ``tests/conftest.py``), so
on a machine with two cores it costs almost no wall time; the test in
``tests/vendors/test_server_mode.py`` waits for it and checks its report.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.processes import ServerProcess, launch_server, without_mockdesk_variables
from tests.support.server import BASE_URL_VARIABLE

ROOT = Path(__file__).parents[2]
SUITES = ("tests/vendors", "tests/properties", "tests/e2e/test_sendcloud_client.py")
TEST_ID = "tests/vendors/test_server_mode.py::test_the_vendor_suites_pass_against_gunicorn"


@dataclass
class Outcome:
    returncode: int
    output: str  # the child's stdout and stderr
    report: Path  # its JUnit XML


@dataclass
class ServerModeRun:
    """gunicorn plus a child pytest against it; :meth:`wait` for the outcome, :meth:`stop`
    to end both (by PID) and remove the scratch directory."""

    scratch: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="server-mode-")))
    server: ServerProcess | None = None
    child: subprocess.Popen[bytes] | None = None
    failure: BaseException | None = None
    _thread: threading.Thread | None = None

    def start(self) -> ServerModeRun:
        self.server = launch_server()
        self._thread = threading.Thread(target=self._run_child, daemon=True)
        self._thread.start()
        return self

    def _run_child(self) -> None:
        try:
            assert self.server is not None
            self.server.wait_healthy()
            environment = without_mockdesk_variables(os.environ)
            with (self.scratch / "output.txt").open("wb") as output:
                self.child = subprocess.Popen(
                    [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                     f"--junitxml={self.scratch / 'report.xml'}", *SUITES],
                    cwd=ROOT,
                    env={**environment, BASE_URL_VARIABLE: self.server.url},
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )  # fmt: skip
        except BaseException as error:  # reported by wait(), in the test
            self.failure = error

    def wait(self, timeout: float = 600) -> Outcome:
        assert self._thread is not None, "not started"
        self._thread.join(timeout)
        if self.failure is not None:
            raise self.failure
        assert self.child is not None
        returncode = self.child.wait(timeout)
        output = (self.scratch / "output.txt").read_text(errors="replace")
        return Outcome(returncode, output, self.scratch / "report.xml")

    def stop(self) -> None:
        if self._thread is not None:
            self._thread.join(30)
        if self.child is not None and self.child.poll() is None:
            self.child.terminate()
            try:
                self.child.wait(10)
            except subprocess.TimeoutExpired:
                self.child.kill()
                self.child.wait()
        if self.server is not None:
            self.server.stop()
        shutil.rmtree(self.scratch, ignore_errors=True)
