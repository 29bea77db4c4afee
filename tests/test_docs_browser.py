"""The docs pages render in a real headless Chromium, offline and under their CSP."""
from __future__ import annotations

import json
import shutil
from urllib.parse import urlsplit

import pytest

from conftest import DATA
from fixtures.server import serving

CHROMIUM = next(filter(None, (shutil.which(n) for n in ("chromium", "chromium-browser"))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(scope="module")
def server(tmp_path_factory, library, cache_dir):
    """The demo archive, started warm from the session's parse cache (`library` filled it)."""
    tmp = tmp_path_factory.mktemp("browser")
    with serving(DATA, cache_dir, tmp / "server.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, url: str):
    """A page that refuses and records every request off the loopback, and records CSP complaints."""
    page = browser.new_page()
    outside, console = [], []

    def gate(route):
        scheme, host = urlsplit(route.request.url).scheme, urlsplit(route.request.url).hostname
        if scheme in ("data", "blob") or host in LOOPBACK:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", gate)
    page.on("console", lambda m: console.append(m.text))
    page.goto(url)
    return page, outside, console


def csp_violations(console: list[str]) -> list[str]:
    """CSP refusals that would break the page: scripts, styles, workers, fetches.

    ReDoc always shows a "Redocly" logo from its CDN; the policy refusing that
    outside image is the policy working (nothing leaves the machine), not a breakage.
    """
    return [m for m in console if ("Content Security Policy" in m or "Refused to" in m)
            and not m.startswith("Loading the image 'https://cdn.redoc.ly/")]


def test_swagger_ui_renders_every_operation(browser, server):
    page, outside, console = open_page(browser, server + "/docs")
    page.wait_for_selector(".opblock", timeout=30_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    joined = " ".join(p.replace("\u200b", "") for p in paths)
    for path in ("/articles", "/articles/{article_id}/quotes", "/articles/{article_id}/sections/{ref}",
                 "/articles/{article_id}/entities/{entity_id}", "/health"):
        assert path in joined, paths
    assert page.locator(".opblock", has_text="/articles/{article_id}/quotes").count() >= 1
    assert not outside, outside
    assert not csp_violations(console), console
    page.close()


def test_redoc_renders(browser, server):
    page, outside, console = open_page(browser, server + "/redoc")
    page.locator("h2", has_text="Quotations, with who said them").first.wait_for(timeout=30_000)
    assert "/articles/{article_id}/quotes" in page.inner_text("body")
    assert not outside, outside
    assert not csp_violations(console), console
    page.close()


def test_every_operation_runs_from_swagger_ui_with_its_example_values(browser, server):
    """'Try it out' then 'Execute' with the fields as /docs fills them in: a 200 with something in it."""
    page, outside, console = open_page(browser, server + "/docs")
    page.wait_for_selector(".opblock", timeout=30_000)
    paths = page.locator(".opblock-summary-path").evaluate_all("els => els.map(e => e.dataset.path)")
    assert len(paths) >= 10
    for path in paths:
        operation = page.locator(f".opblock:has(.opblock-summary-path[data-path='{path}'])").first
        operation.locator(".opblock-summary").click()
        operation.locator("button.try-out__btn").click()
        operation.locator("button.execute").click()
        status = operation.locator(".live-responses-table tbody .response-col_status")
        status.wait_for(timeout=10_000)
        body = json.loads(operation.locator(".live-responses-table tbody .response-col_description pre")
                          .first.inner_text())
        assert status.inner_text().strip() == "200", (path, body)
        assert body and body.get("items", [None]), (path, body)  # a list answer is not empty
    assert not outside, outside
    page.close()
