"""The dashboard in a real browser: Debian's Chromium driven by Playwright, headless, against
``mockdesk serve`` (gunicorn, gevent), as someone demoing mockdesk would use it.

Chromium is Debian's (``.ci/run`` installs it), never one Playwright downloads; it is launched
without network side channels (no QUIC, background networking, component updates or sync).
Every test also checks that the page logged no console error and threw nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from playwright.sync_api import Browser, ConsoleMessage, Error, Page, expect, sync_playwright

from mockdesk.vendors.registry import VENDORS, by_slug
from tests.support.processes import ServerProcess, start_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
KINDS = {  # the admin API's error kinds and the status each one answers with
    "rate_limited": 429,
    "unauthenticated": 401,
    "forbidden": 403,
    "not_found": 404,
    "internal": 500,
    "unavailable": 503,
}
SENDCLOUD = by_slug()["sendcloud"]
HOSTUP = by_slug()["hostup"]
GOLDEN = Path(__file__).parents[1] / "vendors" / "sendcloud" / "golden"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="browser tests need Debian's Chromium at /usr/bin/chromium "
    "(.ci/run installs it: apt-get install -y chromium)",
)


@pytest.fixture(scope="module")
def app_server() -> Iterator[ServerProcess]:
    served = start_server()
    yield served
    served.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


class Problems:
    """Console errors and uncaught exceptions the page produced."""

    def __init__(self, page: Page) -> None:
        self.seen: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.seen.append(f"uncaught: {error}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "assert"):
            self.seen.append(f"console.{message.type}: {message.text}")


@pytest.fixture
def page(app_server: ServerProcess, browser: Browser) -> Iterator[Page]:
    """The dashboard, loaded and live, on a freshly reset server; no console error allowed."""
    admin(app_server, "POST", "/reset")
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    opened = context.new_page()
    problems = Problems(opened)
    opened.goto(f"{app_server.url}/__mockdesk/")
    ready(opened)
    yield opened
    try:
        assert problems.seen == [], problems.seen
    finally:
        context.close()


def ready(page: Page) -> None:
    expect(page.locator("#feed-state")).to_have_text("live", timeout=5000)
    expect(page.locator("#status")).to_contain_text("Ready", timeout=5000)
    expect(page.get_by_test_id("gauge-sendcloud")).to_contain_text("Limit 30 per 1 minute")


def admin(
    app_server: ServerProcess,
    method: str,
    path: str,
    body: Any = None,
    tenant: str | None = None,
) -> Any:
    headers = {} if tenant is None else {"X-Mockdesk-Tenant": tenant}
    response = requests.request(
        method, f"{app_server.url}/__mockdesk{path}", json=body, headers=headers, timeout=5
    )
    response.raise_for_status()
    return response.json() if response.content else None


def vendor_get(
    app_server: ServerProcess, slug: str = "sendcloud", tenant: str | None = None, **params: str
) -> requests.Response:
    spec = by_slug()[slug]
    headers = dict(spec.demo_headers)
    if tenant is not None:
        headers["X-Mockdesk-Tenant"] = tenant
    return requests.get(app_server.url + spec.list_path, headers=headers, params=params, timeout=10)


def last_entry(app_server: ServerProcess) -> dict[str, Any]:
    entries: list[dict[str, Any]] = admin(app_server, "GET", "/requests?tenant=*")["requests"]
    return entries[-1]


def wait_until(check: Callable[[], Any], timeout: float = 3.0) -> Any:
    """``check()``'s first truthy value, retried until ``timeout`` (the page acts async)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        assert time.monotonic() < deadline, f"still false after {timeout} s: {check}"
        time.sleep(0.05)


def rules(app_server: ServerProcess, tenant: str | None = None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = admin(app_server, "GET", "/faults", tenant=tenant)["faults"]
    return found


# the page


def test_the_page_loads_with_every_hook_and_no_console_error(page: Page) -> None:
    expect(page).to_have_title("mockdesk dashboard")
    expect(page.get_by_test_id("feed")).to_be_attached()
    expect(page.get_by_test_id("faults")).to_be_attached()
    expect(page.get_by_test_id("reset")).to_be_visible()
    for spec in VENDORS:
        expect(page.get_by_test_id(f"gauge-{spec.slug}")).to_be_attached()
        for kind in KINDS:
            button = page.get_by_test_id(f"inject-{spec.slug}-{kind}")
            expect(button).to_have_count(1)
            expect(button).to_contain_text(str(KINDS[kind]))
    page.wait_for_timeout(1500)  # a few polls: they must not log errors either


def test_requests_appear_in_the_feed_within_a_second(page: Page, app_server: ServerProcess) -> None:
    calls: list[Callable[[], requests.Response]] = [
        lambda: vendor_get(app_server, page="2", size="5"),
        lambda: requests.get(app_server.url + SENDCLOUD.list_path, timeout=5),  # no credentials
        lambda: vendor_get(app_server, "hostup"),
    ]
    for call in calls:
        started = time.monotonic()
        call()
        entry = last_entry(app_server)
        row = page.locator(f'[data-testid="feed-entry"][data-id="{entry["id"]}"]')
        expect(row).to_be_visible(timeout=1000)
        assert time.monotonic() - started < 1.0
    rows = page.get_by_test_id("feed-entry")
    expect(rows).to_have_count(3)
    newest_first = [rows.nth(i).get_attribute("data-status") for i in range(3)]
    assert newest_first == ["200", "401", "200"]
    first = rows.nth(2)  # the Sendcloud page 2 request
    for text in ("sendcloud", "GET", "/api/v3/dsf/tickets?page=2&size=5", "200", "ms"):
        expect(first).to_contain_text(text)
    ok = page.locator('[data-status="200"] .status-badge').first
    refused = page.locator('[data-status="401"] .status-badge')
    expect(ok).to_have_class("status-badge s2")
    expect(refused).to_have_class("status-badge s4")
    assert _background(ok) != _background(refused)  # coloured by class


def test_clicking_an_entry_shows_its_request_and_response(
    page: Page, app_server: ServerProcess
) -> None:
    answer = vendor_get(app_server, page="2", size="1", client_secret="hunter2")
    entry = last_entry(app_server)
    page.locator(f'[data-testid="feed-entry"][data-id="{entry["id"]}"] button').click()
    details = page.locator("#pane-details")
    expect(details).to_contain_text("Basic [redacted]")  # headers, redacted
    expect(details).to_contain_text("client_secret")
    expect(details).to_contain_text("[redacted]")
    expect(details).not_to_contain_text("hunter2")
    expect(details).not_to_contain_text("bW9ja2Rlc2sta2V5")  # the Basic pair
    expect(details.locator("th", has_text="page")).to_be_visible()
    expect(details).to_contain_text("Response 200")
    shown = details.locator("pre.body").inner_text()
    assert json.loads(shown) == json.loads(entry["response"]["body"])
    assert answer.json()["page"] == json.loads(shown)["page"] == 2


def test_filters_narrow_the_feed_by_vendor_status_and_tenant(
    page: Page, app_server: ServerProcess
) -> None:
    vendor_get(app_server)
    vendor_get(app_server, "hostup")
    requests.get(app_server.url + SENDCLOUD.list_path, timeout=5)  # 401
    vendor_get(app_server, tenant="gw7")
    rows = page.get_by_test_id("feed-entry")
    expect(rows).to_have_count(4)
    page.select_option("#filter-vendor", "hostup")
    expect(rows).to_have_count(1)
    page.select_option("#filter-vendor", "")
    page.select_option("#filter-status", "4")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-status", "401")
    page.select_option("#filter-status", "")
    expect(page.locator("#filter-tenant option[value=gw7]")).to_be_attached()
    page.select_option("#filter-tenant", "gw7")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-tenant", "gw7")
    vendor_get(app_server)  # the default tenant's: not in gw7's feed
    vendor_get(app_server, tenant="gw7")
    expect(rows).to_have_count(2)
    page.select_option("#filter-tenant", "*")
    expect(rows).to_have_count(6)


# gauges


def test_a_429_shows_on_the_gauge(page: Page, app_server: ServerProcess) -> None:
    page.fill("#limit-sendcloud", "3/minute")
    page.press("#limit-sendcloud", "Enter")
    wait_until(lambda: admin(app_server, "GET", "/rate-limits")["sendcloud"] == "3 per 1 minute")
    gauge = page.get_by_test_id("gauge-sendcloud")
    expect(gauge).to_contain_text("Limit 3 per 1 minute")
    statuses = [vendor_get(app_server).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    expect(gauge).to_have_attribute("data-full", "true", timeout=2500)
    expect(gauge).to_have_class("gauge full")
    expect(gauge).to_contain_text("mockdesk-key")
    expect(gauge).to_contain_text("3/3 used · 0 left · resets in")
    expect(gauge).to_contain_text("429s in feed: 1")
    assert _background(gauge) != _background(page.get_by_test_id("gauge-hostup"))
    expect(page.locator('[data-testid="feed-entry"][data-status="429"]')).to_have_count(1)
    # the mock clock moves the window: an hour later the gauge is empty again
    admin(app_server, "POST", "/clock", {"advance": 3600})
    expect(gauge).to_have_attribute("data-full", "false", timeout=2500)


def test_gauges_fill_live(page: Page, app_server: ServerProcess) -> None:
    gauge = page.get_by_test_id("gauge-hostup")
    expect(gauge).to_contain_text("No requests in the current window")
    vendor_get(app_server, "hostup")
    expect(gauge).to_contain_text("1/60 used · 59 left", timeout=2500)
    vendor_get(app_server, "hostup")
    expect(gauge).to_contain_text("2/60 used · 58 left", timeout=2500)


# controls


def test_an_injected_429_is_the_next_request_in_sendclouds_format(
    page: Page, app_server: ServerProcess
) -> None:
    page.get_by_test_id("inject-sendcloud-rate_limited").click()
    faults = page.get_by_test_id("faults")
    expect(faults.locator("li")).to_have_count(1)
    expect(faults).to_contain_text("rate_limited")
    [rule] = rules(app_server)
    assert (rule["vendor"], rule["error"], rule["times"]) == ("sendcloud", "rate_limited", 1)
    refused = vendor_get(app_server)
    assert refused.status_code == 429
    assert refused.content == (GOLDEN / "rate_limited.json").read_bytes()
    assert vendor_get(app_server).status_code == 200  # once only
    entry = page.locator('[data-testid="feed-entry"][data-status="429"]')
    expect(entry).to_contain_text(f"#{rule['id']}")  # the fault applied
    expect(faults.locator("li")).to_have_count(0, timeout=2500)  # used up


def test_reset_clears_injected_faults(page: Page, app_server: ServerProcess) -> None:
    page.get_by_test_id("inject-sendcloud-rate_limited").click()
    page.get_by_test_id("inject-sendcloud-unavailable").click()
    expect(page.get_by_test_id("faults").locator("li")).to_have_count(2)
    vendor_get(app_server, "hostup")
    expect(page.get_by_test_id("feed-entry")).to_have_count(1)
    page.get_by_test_id("reset").click()
    expect(page.locator("#status")).to_contain_text("Reset the whole server")
    expect(page.get_by_test_id("faults").locator("li")).to_have_count(0)
    expect(page.get_by_test_id("feed-entry")).to_have_count(0)
    assert rules(app_server) == []
    assert vendor_get(app_server).status_code == 200


def test_each_inject_button_adds_its_error_kind_once(page: Page, app_server: ServerProcess) -> None:
    for kind in KINDS:
        page.get_by_test_id(f"inject-hostup-{kind}").click()
        expect(page.get_by_test_id("faults")).to_contain_text(kind)
    found = [(r["vendor"], r["error"], r["times"]) for r in rules(app_server)]
    assert found == [("hostup", kind, 1) for kind in KINDS]
    statuses = [vendor_get(app_server, "hostup").status_code for _ in KINDS]
    assert statuses == list(KINDS.values())


def test_latency_slider_connection_reset_and_rule_removal(
    page: Page, app_server: ServerProcess
) -> None:
    slider = page.locator("#latency-hostup")
    slider.focus()
    for key in ("End", "Home", "ArrowRight", "End"):  # quick moves: the last one counts
        page.keyboard.press(key)
    expect(page.locator(".latency", has=slider)).to_have_attribute("aria-busy", "false")
    expect(page.locator("#status")).to_contain_text("waits 5000 ms")
    [rule] = rules(app_server)  # one rule, the last position's
    assert (rule["vendor"], rule["delay_ms"], rule["times"]) == ("hostup", 5000, None)
    expect(page.locator(".latency", has=slider).locator("output")).to_have_text("5000 ms")
    page.keyboard.press("Home")
    expect(page.locator(".latency", has=slider)).to_have_attribute("aria-busy", "false")
    expect(page.locator("#status")).to_contain_text("no added latency")
    assert rules(app_server) == []

    page.get_by_test_id("sever-hostup").click()
    expect(page.get_by_test_id("faults")).to_contain_text("connection reset")
    with pytest.raises(requests.ConnectionError):
        vendor_get(app_server, "hostup")
    expect(page.locator('[data-testid="feed-entry"][data-status="0"]')).to_contain_text("none")

    page.get_by_test_id("inject-hostup-internal").click()
    [internal] = wait_until(lambda: rules(app_server))
    page.get_by_role("button", name=f"Remove fault rule #{internal['id']}").click()
    expect(page.get_by_test_id("faults").locator("li")).to_have_count(0)
    assert rules(app_server) == []


def test_clock_controls(page: Page, app_server: ServerProcess) -> None:
    before = admin(app_server, "GET", "/clock")["now"]
    page.fill("#clock-seconds", "86400")
    page.click("#clock-advance")
    expect(page.locator("#status")).to_contain_text("clock advanced by 86400 s")
    after = admin(app_server, "GET", "/clock")
    assert after["now"][:10] > before[:10] and after["frozen"] is False
    page.click("#clock-freeze")
    expect(page.locator("#clock-state")).to_have_text("frozen")
    expect(page.locator("#clock-freeze")).to_have_attribute("aria-pressed", "true")
    assert admin(app_server, "GET", "/clock")["frozen"] is True
    page.click("#clock-freeze")
    expect(page.locator("#clock-state")).to_have_text("live")


def test_controls_act_on_the_chosen_tenant_and_reset_only_it(
    page: Page, app_server: ServerProcess
) -> None:
    vendor_get(app_server, tenant="demo")
    expect(page.locator("#tenant option[value=demo]")).to_be_attached(timeout=2500)
    admin(app_server, "POST", "/faults", {"vendor": "hostup", "error": "internal"})
    page.select_option("#tenant", "demo")
    page.get_by_test_id("inject-sendcloud-forbidden").click()
    expect(page.get_by_test_id("faults").locator("li")).to_have_count(1)
    assert [r["error"] for r in rules(app_server, tenant="demo")] == ["forbidden"]
    page.select_option("#reset-scope", "tenant")
    page.get_by_test_id("reset").click()
    expect(page.locator("#status")).to_contain_text("Reset tenant demo")
    assert rules(app_server, tenant="demo") == []
    assert [r["error"] for r in rules(app_server)] == ["internal"]  # default's untouched
    # a tenant dropped elsewhere is let go: the page does not make it again by polling it
    admin(app_server, "DELETE", "/tenants/demo")
    expect(page.locator("#tenant")).to_have_value("default", timeout=2500)
    page.wait_for_timeout(1500)
    assert admin(app_server, "GET", "/tenants")["tenants"] == ["default"]


# the data browser


def test_the_data_browser_shows_the_first_page_and_a_curl_that_works(
    page: Page, app_server: ServerProcess
) -> None:
    page.get_by_role("tab", name="Data browser").click()
    expect(page.locator("#data-status")).to_have_text("200 OK")
    body = json.loads(page.locator("#data-body").inner_text())
    assert body == vendor_get(app_server).json()
    curl = page.locator("#data-curl").inner_text()
    assert f"{app_server.url}{SENDCLOUD.list_path}" in curl
    assert "Authorization: Basic " in curl
    if shutil.which("curl"):
        ran = subprocess.run(["bash", "-c", curl], capture_output=True, timeout=10, check=True)
        assert json.loads(ran.stdout) == body
    page.select_option("#data-vendor", "hostup")
    expect(page.locator("#data-url")).to_have_text(f"{app_server.url}{HOSTUP.list_path}")
    expect(page.locator("#data-body")).to_contain_text('"subject"')
    shown = json.loads(page.locator("#data-body").inner_text())
    assert shown == vendor_get(app_server, "hostup").json()


# accessibility and layout


def test_controls_are_keyboard_reachable_and_named(page: Page, app_server: ServerProcess) -> None:
    target = "inject-sendcloud-rate_limited"
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.dataset.testid") == target:
            break
    else:
        pytest.fail(f"Tab never reached {target}")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("faults").locator("li")).to_have_count(1)
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('button, select, input')].filter((el) => {
            const named = el.getAttribute('aria-label') || el.textContent.trim()
              || el.closest('label') || el.labels?.length;
            return !named;
          }).map((el) => el.outerHTML)"""
    )
    assert unnamed == []


def test_readable_at_1280x800_with_a_large_type_toggle(
    page: Page, app_server: ServerProcess
) -> None:
    for slug in ("sendcloud", "hostup"):
        vendor_get(app_server, slug)
    expect(page.get_by_test_id("feed-entry")).to_have_count(2)
    assert _fits(page)
    assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "14px"
    page.click("#large-type")
    expect(page.locator("#large-type")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "18px"
    assert _fits(page)
    page.reload()  # the choice is remembered
    ready(page)
    expect(page.locator("#large-type")).to_have_attribute("aria-pressed", "true")
    page.click("#large-type")
    assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "14px"


def test_the_feed_is_bounded_and_nothing_moves_as_entries_stream_in(
    page: Page, app_server: ServerProcess
) -> None:
    vendor_get(app_server, "teamwork")
    expect(page.get_by_test_id("feed-entry")).to_have_count(1)
    boxes = {name: page.locator(name).bounding_box() for name in ("#feed", "#vendors", "#faults")}
    with requests.Session() as session:
        headers = dict(HOSTUP.demo_headers)
        for n in range(260):
            session.get(f"{app_server.url}{HOSTUP.list_path}?n={n}", headers=headers, timeout=5)
    rows = page.get_by_test_id("feed-entry")
    expect(rows).to_have_count(200)
    expect(rows.first).to_contain_text("n=259")
    for name, box in boxes.items():
        assert page.locator(name).bounding_box() == box, name
    heights = page.evaluate(
        """() => new Set([...document.querySelectorAll('[data-testid=feed-entry]')]
            .map((row) => row.getBoundingClientRect().height)).size"""
    )
    assert heights == 1
    assert _fits(page)


def _fits(page: Page) -> bool:
    """No scrolling of the page itself at this viewport: every panel stays on screen."""
    sizes: dict[str, int] = page.evaluate(
        """() => ({width: document.documentElement.scrollWidth,
            height: document.documentElement.scrollHeight,
            viewWidth: innerWidth, viewHeight: innerHeight})"""
    )
    return sizes["width"] <= sizes["viewWidth"] and sizes["height"] <= sizes["viewHeight"]


def _background(locator: Any) -> str:
    try:
        colour: str = locator.evaluate("(el) => getComputedStyle(el).backgroundColor")
    except Error as error:  # pragma: no cover - a detached element fails the test clearly
        raise AssertionError(f"no element for {locator}") from error
    return colour
