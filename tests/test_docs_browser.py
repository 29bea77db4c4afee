"""The docs pages render in a real headless Chromium, offline and under their CSP."""
from __future__ import annotations

import pytest

from app.settings import PROJECT_ROOT
from fixtures.browser import browser, csp_violations, needs_chromium, open_page  # noqa: F401 (a fixture)
from fixtures.server import serving

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    with serving(PROJECT_ROOT / "data" / "articles", tmp / "cache", tmp / "server.log") as url:
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
