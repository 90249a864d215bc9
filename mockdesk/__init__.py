"""mockdesk: real vendors' support-ticket APIs, emulated at their real paths on one port."""

from __future__ import annotations

from mockdesk.app import create_app
from mockdesk.settings import Settings
from mockdesk.testing.live import LiveServer

__version__ = "0.1.0"
__all__ = ["LiveServer", "Settings", "__version__", "create_app"]
