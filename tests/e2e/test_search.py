"""The site search as a reader uses it: from the header's search field on any page, to
results with the words found highlighted in any of their forms, filters, and suggestions
when nothing is found."""

import re

import pytest
from playwright.sync_api import expect

from home.models import HomePage
from tests.seeded import seeded_page

from .axe import assert_accessible


def _search_from_the_header(page, site_url, lang, query):
    page.goto(f"{site_url}{seeded_page(HomePage, lang).url}")
    page.locator("#header-search").fill(query)
    page.locator("#header-search").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    expect(page.locator("#search-query")).to_have_value(query)


def test_a_plain_word_finds_and_highlights_its_other_forms(site_url, page):
    _search_from_the_header(page, site_url, "he", "קיבוץ")
    results = page.locator(".search-result")
    expect(results.first).to_be_visible()
    assert results.count() == 10  # a full first page
    marked = set(page.locator(".search-results mark").all_inner_texts())
    # The two databases rank the seeded pages a little differently: read on until both
    # forms have shown up (the first pages of results).
    for number in (2, 3, 4):
        if {"בקיבוצים", "הקיבוץ"} <= marked or not page.locator("a[rel=next]").count():
            break
        page.locator("a[rel=next]").click()
        page.wait_for_url(re.compile(rf"[?&]page={number}$"))
        marked |= set(page.locator(".search-results mark").all_inner_texts())
    assert {"בקיבוצים", "הקיבוץ"} <= marked, marked
    page.goto(f"{site_url}/search/?q=קיבוץ")
    # Every result shows its type; the marks are real highlights, not the words' markup.
    assert all(text.strip() for text in page.locator(".search-result__type").all_inner_texts())
    expect(page.locator(".search-results mark").first).to_have_css("font-weight", "700")
    assert_accessible(page)

    page.select_option("#search-type", "update")
    page.locator(".search-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"type=update"))
    types = set(page.locator(".search-result__type").all_inner_texts())
    assert types == {"עדכון מהמטה"}, types
    assert_accessible(page)


@pytest.mark.parametrize(("lang", "query"), [("he", "זרזירים"), ("en", "starlings")])
def test_a_search_that_finds_nothing_suggests_the_latest_updates(site_url, page, lang, query):
    _search_from_the_header(page, site_url, lang, query)
    expect(page.locator(".search-result")).to_have_count(0)
    expect(page.locator("[role=status]")).to_contain_text(query)
    suggestion = page.locator(".search-suggestion")
    expect(suggestion.locator("li").first).to_be_visible()
    assert_accessible(page)
    first = suggestion.locator("li a").first
    title = first.inner_text().strip()
    first.click()
    expect(page.locator("main h1")).to_have_text(title)


def test_english_search_highlights_english_words(site_url, page):
    _search_from_the_header(page, site_url, "en", "kibbutz")
    expect(page.locator(".search-result").first).to_be_visible()
    marked = {text.lower() for text in page.locator(".search-results mark").all_inner_texts()}
    assert marked and all(text.startswith("kibbutz") for text in marked), marked
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)
