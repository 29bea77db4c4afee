"""The article page in a real headless Chromium: offline, under its CSP, every quote focusable with its tooltip.

`ARTICLE_PAGE_SCREENSHOT=docs/article-page.png make test` (or this file alone) also writes the
README's screenshot there.
"""
from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path

import pytest

from app.settings import PROJECT_ROOT
from conftest import ARTICLE_ID
from fixtures.browser import browser, csp_violations, needs_chromium, open_page  # noqa: F401 (a fixture)
from fixtures.server import serving

pytestmark = needs_chromium
A = f"/articles/{ARTICLE_ID}"
VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("page-browser")
    with serving(PROJECT_ROOT / "data" / "articles", tmp / "cache", tmp / "server.log") as url:
        yield url


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


def test_the_article_page_renders_offline_under_its_policy(browser, server, tmp_path):
    page, outside, console = open_page(browser, server + A, viewport=VIEWPORT)
    assert page.evaluate("document.contentType") == "text/html"  # Chromium's own Accept chose the page
    quotes = get_json(server + A + "/quotes")["items"]
    entities = get_json(server + A + "/entities")["items"]
    assert page.locator("[data-quote-id]").count() == len(quotes)
    assert page.locator("[data-entity-id]").count() == sum(len(e["mentions"]) for e in entities)

    painted = page.eval_on_selector_all(
        "[data-speaker-id]", "els => els.map(e => [e.dataset.speakerId, getComputedStyle(e).backgroundColor])")
    colour_of: dict[str, str] = {}
    for speaker, colour in painted:
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
        assert colour_of.setdefault(speaker, colour) == colour  # one colour per speaker, everywhere
    assert len(set(colour_of.values())) == len(colour_of)

    for _ in range(100):  # quotes are reachable from the keyboard, and focus shows who said them
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-quote-id')"):
            break
    focused = page.evaluate("document.activeElement.dataset.quoteId")
    quote = next(q for q in quotes if q["id"] == focused)
    tip = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert f"Speaker: {quote['speaker']['name']}" in tip and f"Cue: {quote['cue']}" in tip
    assert page.evaluate("getComputedStyle(document.activeElement, '::after').position") == "absolute"
    page.screenshot(path=tmp_path / "article-page.png")
    assert (tmp_path / "article-page.png").stat().st_size > 10_000
    wanted = os.environ.get("ARTICLE_PAGE_SCREENSHOT")
    if wanted:  # where several speakers' colours meet, one quote focused
        readme_shot(page, get_json(server + A + "/speakers")["items"], quotes, PROJECT_ROOT / wanted)

    other = next(q for q in quotes if q["id"] != focused)
    page.hover(f"[data-quote-id='{other['id']}']")
    hovered = page.eval_on_selector(f"[data-quote-id='{other['id']}']", "e => getComputedStyle(e, '::after').content")
    assert "Speaker:" in hovered
    page.screenshot(path=tmp_path / "article-page-full.png", full_page=True)

    legend = page.locator("aside a[href*='/quotes?speaker=']")
    assert legend.count() == len(get_json(server + A + "/speakers")["items"])
    assert not outside, outside
    assert not csp_violations(console), console
    assert not [m for m in console if "error" in m.lower()], console
    page.close()


def readme_shot(page, speakers, quotes, path: Path) -> None:
    second = next(q for q in quotes if q["speaker"] and q["speaker"]["id"] == speakers[1]["id"])
    page.evaluate("""id => {
        const quote = document.querySelector(`[data-quote-id="${id}"]`);
        window.scrollTo(0, quote.getBoundingClientRect().top + window.scrollY - 260);
        quote.focus({preventScroll: true});
    }""", second["id"])
    page.screenshot(path=path)


def test_from_the_list_to_the_page_and_on_to_json(browser, server):
    page, outside, console = open_page(browser, server + "/articles")
    assert page.evaluate("document.contentType") == "text/html"
    page.click(f"a[href='{A}']")
    page.wait_for_url(server + A)
    assert page.locator("[data-quote-id]").count() > 0
    page.click("aside a[href$='/speakers']")  # the JSON resources stay JSON in a browser
    page.wait_for_url(server + A + "/speakers")
    assert page.evaluate("document.contentType") == "application/json"
    assert not outside and not csp_violations(console), (outside, console)
    page.close()


def test_swagger_try_it_out_still_shows_json(browser, server):
    page, outside, console = open_page(browser, server + "/docs")
    operation = page.locator("#operations-articles-get_article_articles__article_id__get")
    operation.locator(".opblock-summary").click()
    operation.locator(".try-out__btn").click()
    operation.locator("input[placeholder='article_id']").fill(ARTICLE_ID)
    with page.expect_response(lambda r: r.url.endswith(A)) as answer:
        operation.locator(".execute").click()
    response = answer.value
    assert response.request.headers.get("accept") == "application/json"
    assert response.headers["content-type"] == "application/json"
    body = operation.locator(".live-responses-table .response-col_description pre").first
    body.wait_for(timeout=30_000)
    assert json.loads(body.inner_text())["id"] == ARTICLE_ID
    assert not outside and not csp_violations(console), (outside, console)
    page.close()
