"""WSGI entry point for gunicorn: ``gunicorn 'mockdesk.wsgi:app'``, configured by MOCKDESK_*."""

from __future__ import annotations

from mockdesk.app import create_app
from mockdesk.settings import Settings

app = create_app(Settings.from_env())
