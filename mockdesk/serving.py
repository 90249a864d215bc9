"""Running the app: gunicorn (one worker, several threads, so in-memory state stays
consistent) for normal use, Flask's debug server for ``--debug``."""

from __future__ import annotations

from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from mockdesk.settings import Settings


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    """gunicorn serving an app that is already built (so bad settings fail before binding)."""

    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self._app = app
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self._app


def run_gunicorn(app: Flask, settings: Settings, *, access_log: bool = False) -> None:
    options: dict[str, Any] = {
        "bind": f"{settings.host}:{settings.port}",
        "workers": 1,
        "worker_class": "gthread",
        "threads": settings.threads,
        "preload_app": True,
        "control_socket_disable": True,  # one fixed path per user: parallel servers would clash
        "errorlog": "-",
        "loglevel": "info",
    }
    if access_log:
        options["accesslog"] = "-"
    _Gunicorn(app, options).run()


def run_debug(app: Flask, settings: Settings) -> None:
    app.run(host=settings.host, port=settings.port, debug=True, use_reloader=False)
