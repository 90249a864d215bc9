"""The baseline: a bare Flask endpoint returning a precomputed body (read once at import)."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, Response

BODY = Path(os.environ["BENCH_BODY_FILE"]).read_bytes()
app = Flask(__name__)


@app.get("/bare")
def bare() -> Response:
    return Response(BODY, content_type="application/json")
