"""The docs pages render in a real headless Chromium, offline and under their CSP."""
from __future__ import annotations

import json

import pytest

from conftest import DATA
from fixtures.browser import browser, csp_violations, needs_chromium, open_page  # noqa: F401 (a fixture)
from fixtures.server import serving

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def server(tmp_path_factory, library, cache_dir):
    """The demo archive, started warm from the session's parse cache (`library` filled it)."""
    tmp = tmp_path_factory.mktemp("browser")
    with serving(DATA, cache_dir, tmp / "server.log") as url:
        yield url


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
