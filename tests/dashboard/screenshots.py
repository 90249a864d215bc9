"""Take the dashboard screenshots in docs/ (not a test: run it by hand after changing the page).

    .venv/bin/python -m tests.dashboard.screenshots

Starts ``mockdesk serve`` on a free port, plays a short demo (traffic on every vendor, a low
Sendcloud limit run into, an injected 503, a latency rule), and saves 1280x800 screenshots with
Debian's Chromium: ``docs/dashboard.png`` (the live view with a 429's details open),
``docs/dashboard-data-browser.png`` and ``docs/dashboard-large-type.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import requests
from playwright.sync_api import Page, expect, sync_playwright

from mockdesk.vendors.registry import VENDORS, by_slug
from tests.dashboard.test_browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, ready
from tests.support.processes import start_server

DOCS = Path(__file__).parents[2] / "docs"


def demo_traffic(url: str, page: Page) -> None:
    admin = f"{url}/__mockdesk"
    requests.put(f"{admin}/rate-limits/sendcloud", json={"limit": "5/minute"}, timeout=5)
    requests.post(f"{admin}/faults", json={"vendor": "hostup", "error": "unavailable"}, timeout=5)
    requests.post(
        f"{admin}/faults", json={"vendor": "teamwork", "delay_ms": 300, "times": None}, timeout=5
    )
    requests.post(f"{admin}/faults", json={"vendor": "ippanel", "transport": "reset"}, timeout=5)
    for spec in VENDORS:
        if spec.slug != "ippanel":
            requests.get(url + spec.list_path, headers=dict(spec.demo_headers), timeout=10)
    requests.get(url + by_slug()["hostup"].list_path, timeout=5)  # no credentials: 401
    sendcloud = by_slug()["sendcloud"]
    for n in range(1, 8):
        requests.get(
            url + sendcloud.list_path,
            headers=dict(sendcloud.demo_headers),
            params={"page": str(n), "size": "2"},
            timeout=5,
        )
    page.get_by_test_id("inject-29next-unauthenticated").click()
    expect(page.get_by_test_id("gauge-sendcloud")).to_have_attribute("data-full", "true")
    page.locator('[data-testid="feed-entry"][data-status="429"]').first.locator("button").click()
    page.wait_for_timeout(1200)  # one more poll: reset countdowns move on


def main() -> int:
    if not CHROMIUM.exists():
        print(f"needs Debian's chromium at {CHROMIUM}", file=sys.stderr)
        return 1
    server = start_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_context(viewport=VIEWPORT).new_page()  # type: ignore[arg-type]
            page.goto(f"{server.url}/__mockdesk/")
            ready(page)
            demo_traffic(server.url, page)
            page.screenshot(path=DOCS / "dashboard.png")
            page.get_by_role("tab", name="Data browser").click()
            expect(page.locator("#data-status")).not_to_have_text("loading")
            page.select_option("#data-vendor", "hostup")  # Sendcloud is at its limit now
            expect(page.locator("#data-body")).to_contain_text('"subject"')
            expect(page.locator("#data-status")).to_have_text("200 OK")
            page.screenshot(path=DOCS / "dashboard-data-browser.png")
            page.get_by_role("tab", name="Request details").click()
            page.click("#large-type")
            page.wait_for_timeout(300)
            page.screenshot(path=DOCS / "dashboard-large-type.png")
            browser.close()
    finally:
        server.stop()
    for name in ("dashboard.png", "dashboard-data-browser.png", "dashboard-large-type.png"):
        print(DOCS / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
