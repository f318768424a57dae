"""The way into the members' area in Chromium, in both languages: the header's "Members'
login", logging in to "my kibbutz" and its menu, the header's log-out button, all at a
phone's narrowest width too; and the page a logged-in outsider gets instead of the
members-only form. axe checks each page."""

import re

import pytest
from playwright.sync_api import expect

from core.groups import EDITORS
from legal.models import LegalRequestPage
from members.factories import PASSWORD, MembershipFactory, UserFactory
from tests.seeded import seeded_page

from .axe import assert_accessible

LANGUAGES = pytest.mark.parametrize(
    ("prefix", "lang"), [("", "he"), ("/en", "en")], ids=["he", "en"]
)
NARROWEST = {"width": 320, "height": 640}  # WCAG 1.4.10 reflow: 320 CSS pixels
MIN_TARGET = 24  # WCAG 2.5.8, AA in 2.2; ours are 44


def _log_in(page, user):
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()


def _expect_usable(control):
    """Visible, on screen, and large enough to hit with a finger."""
    expect(control).to_be_visible()
    box = control.bounding_box()
    assert box["height"] >= MIN_TARGET and box["width"] >= MIN_TARGET, box


def _expect_no_sideways_scroll(page):
    scroll_width, inner_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, f"{page.url}: {scroll_width}px on {inner_width}px"


@LANGUAGES
def test_a_member_goes_in_and_out_through_the_header(site_url, browser, prefix, lang):
    member = MembershipFactory(user__first_name="רות", user__last_name="כהן").user
    form_page = seeded_page(LegalRequestPage, lang)
    page = browser.new_context(viewport=NARROWEST).new_page()
    page.goto(f"{site_url}{prefix}/")
    header = page.locator("header.site-header")
    login = header.locator(f'a[href="{prefix}/account/login/"]')
    _expect_usable(login)
    _expect_no_sideways_scroll(page)
    assert_accessible(page)

    login.click()
    expect(page).to_have_url(f"{site_url}{prefix}/account/login/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    _log_in(page, member)
    expect(page).to_have_url(f"{site_url}{prefix}/account/")
    expect(header).to_contain_text("רות כהן")
    _expect_usable(header.locator(f'a[href="{prefix}/account/"]'))
    logout = header.locator("form[method=post] button[type=submit]")
    _expect_usable(logout)
    menu = page.locator("main nav")
    expect(menu.locator(f'a[href="{form_page.url}"]')).to_have_text(form_page.title)
    expect(menu.locator(f'a[href="{prefix}/account/requests/"]')).to_be_visible()
    _expect_no_sideways_scroll(page)
    assert_accessible(page)

    # The log-out button shows where the keyboard is.
    logout.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(logout).to_be_focused()
    outline = logout.evaluate("button => getComputedStyle(button).outlineStyle")
    assert outline not in ("", "none"), outline

    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}{prefix}/")
    expect(header.locator(f'a[href="{prefix}/account/login/"]')).to_be_visible()
    expect(header).not_to_contain_text("רות כהן")


@LANGUAGES
def test_a_logged_in_outsider_is_told_whom_to_ask(site_url, page, prefix, lang):
    editor = UserFactory(groups=[EDITORS])
    form_page = seeded_page(LegalRequestPage, lang)
    page.goto(f"{site_url}{prefix}/account/login/")
    _log_in(page, editor)
    expect(page).to_have_url(re.compile(rf"{re.escape(prefix)}/account/$"))
    response = page.goto(f"{site_url}{form_page.url}")
    assert response.status == 403
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("main h1")).to_have_count(1)
    expect(page.locator("main a[href^='mailto:']")).to_be_visible()
    assert_accessible(page)
