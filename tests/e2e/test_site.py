"""The seeded site in a real browser: language and direction, navigation between pages and
languages, keyboard access, the small-screen layout and WCAG 2.1 AA checks with axe. Pages
are found by type, not by their demo copy."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from home.models import HomePage, VisionPage
from media.models import EventPage, MediaIndexPage, VideoPage, WorkPlanPage
from members.factories import PASSWORD, UserFactory
from news.models import NewsIndexPage
from tests.seeded import seeded_page

from .axe import assert_accessible


def path_of(page):
    return urlsplit(page.url).path


def wait_for_path(page, site_url, path):
    """Waits until the page has navigated to exactly this path of the live site."""
    page.wait_for_url(re.compile(rf"^{re.escape(site_url)}{re.escape(path)}$"))
    assert path_of(page) == path


def expect_language(page, lang, direction):
    html = page.locator("html")
    expect(html).to_have_attribute("lang", lang)
    expect(html).to_have_attribute("dir", direction)


def expect_vision_content(page, vision):
    """The vision's heading, and each of its sections' item lists with items in it."""
    heading = page.locator("main h1")
    expect(heading).to_have_count(1)
    expect(heading).to_have_text(vision.title)
    sections = page.locator("main section.item-list")
    expect(sections).to_have_count(sum(block.block_type == "item_list" for block in vision.body))
    for index in range(sections.count()):
        items = sections.nth(index).locator("li").count()
        assert items > 0, f"item list {index + 1} on {page.url} has no list items"


@pytest.mark.parametrize(
    ("lang", "direction", "other_lang"), [("he", "rtl", "en"), ("en", "ltr", "he")]
)
def test_home_page(site_url, page, lang, direction, other_lang):
    home, other = seeded_page(HomePage, lang), seeded_page(HomePage, other_lang)
    response = page.goto(f"{site_url}{home.url}")
    assert response.status == 200
    expect_language(page, lang, direction)
    expect(page).to_have_title(re.compile(re.escape(home.title)))
    assert other.title not in page.title()
    expect(page.locator("main h1")).to_have_text(home.title)
    assert_accessible(page)


def test_main_menu_leads_to_the_vision(site_url, page):
    vision = seeded_page(VisionPage)
    page.goto(f"{site_url}/")
    link = page.locator(f'nav.main-menu a[href="{vision.url}"]')
    expect(link).to_have_text(vision.title)
    link.click()
    wait_for_path(page, site_url, vision.url)
    expect_language(page, "he", "rtl")
    expect_vision_content(page, vision)
    # The menu marks where the reader is.
    expect(link).to_have_attribute("aria-current", re.compile(".+"))
    assert_accessible(page)


def test_language_switcher_moves_between_the_two_visions(site_url, page):
    hebrew, english = seeded_page(VisionPage, "he"), seeded_page(VisionPage, "en")
    page.goto(f"{site_url}{hebrew.url}")

    page.locator("nav.language-switcher a[hreflang=en]").click()
    wait_for_path(page, site_url, english.url)
    expect_language(page, "en", "ltr")
    expect_vision_content(page, english)
    assert_accessible(page)

    page.locator("nav.language-switcher a[hreflang=he]").click()
    wait_for_path(page, site_url, hebrew.url)
    expect_language(page, "he", "rtl")
    expect_vision_content(page, hebrew)


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(site_url, page):
    page.goto(f"{site_url}/")
    page.keyboard.press("Tab")
    focused = page.locator("*:focus")
    expect(focused).to_have_count(1)
    assert focused.evaluate("element => element.matches('a.skip-link')"), (
        "Tab did not reach the skip link first: " + focused.evaluate("e => e.outerHTML")
    )
    # A skip link that stays off screen when focused helps no sighted keyboard user.
    expect(focused).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


PHONE = {"width": 375, "height": 812}


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_no_horizontal_scroll_on_a_phone(site_url, browser, path):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    phone = context.new_page()
    response = phone.goto(f"{site_url}{path}")
    assert response.status == 200
    scroll_width, inner_width = phone.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    # A mobile browser widens its layout viewport to fit content that overflows (or when the
    # viewport meta tag is missing), so the width must also be the phone's.
    assert inner_width == PHONE["width"], (
        f"{path} is laid out {inner_width}px wide on a {PHONE['width']}px phone"
    )
    assert scroll_width <= inner_width, (
        f"{path} scrolls sideways: {scroll_width}px wide on a {inner_width}px screen"
    )


@pytest.mark.parametrize(
    ("home_path", "lang", "direction"), [("/", "he", "rtl"), ("/en/", "en", "ltr")]
)
def test_pages_in_the_menus_are_accessible(site_url, page, home_path, lang, direction):
    """Every page the main menu and the footer link to, found from the home page."""
    page.goto(f"{site_url}{home_path}")
    hrefs = page.eval_on_selector_all(
        "nav.main-menu a[href], footer a[href]", "links => links.map(link => link.href)"
    )
    urls = sorted(
        {href.split("#")[0] for href in hrefs if href.startswith(f"{site_url}/")}
        - {f"{site_url}{home_path}"}
    )
    for model in (VisionPage, MediaIndexPage):
        assert f"{site_url}{seeded_page(model, lang).url}" in urls, hrefs
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        expect_language(page, lang, direction)
        expect(page.locator("main h1")).to_have_count(1)
        assert_accessible(page)


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [("/no-such-page/", "he", "rtl"), ("/en/no-such-page/", "en", "ltr")],
)
def test_not_found_page(site_url, page, path, lang, direction):
    response = page.goto(f"{site_url}{path}")
    assert response.status == 404
    expect_language(page, lang, direction)
    expect(page.locator("main h1")).to_have_count(1)
    assert_accessible(page)


@pytest.fixture
def superuser(site_url):
    return UserFactory(is_superuser=True, is_staff=True)


def test_admin_accepts_a_login_in_hebrew_with_no_policy_violation(site_url, superuser, page):
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(f"{site_url}/admin/")
    expect_language(page, "he", "rtl")
    page.fill("input[name=username]", superuser.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    wait_for_path(page, site_url, "/admin/")
    expect(page.locator("#wagtail-sidebar, [data-side-panel], .sidebar").first).to_be_attached()
    expect_language(page, "he", "rtl")
    page.goto(f"{site_url}/admin/pages/")
    assert blocked == [], blocked


def test_public_pages_load_with_no_policy_violation(site_url, page):
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for path in ("/", seeded_page(VisionPage).url, "/en/"):
        page.goto(f"{site_url}{path}")
    assert blocked == [], blocked


@pytest.mark.parametrize(("lang", "direction"), [("he", "rtl"), ("en", "ltr")])
def test_news_index_and_an_update(site_url, page, lang, direction):
    page.goto(f"{site_url}{seeded_page(NewsIndexPage, lang).url}")
    expect_language(page, lang, direction)
    expect(page.locator(".card").first).to_be_visible()
    assert_accessible(page)
    first = page.locator(".card__title a").first
    title = first.inner_text().strip()
    first.click()
    expect(page.locator("main h1")).to_have_text(title)
    expect_language(page, lang, direction)
    assert_accessible(page)


# The media index is in the main menu, where test_pages_in_the_menus_are_accessible reads it.
@pytest.mark.parametrize(("lang", "direction"), [("he", "rtl"), ("en", "ltr")])
def test_an_event_page(site_url, page, lang, direction):
    response = page.goto(f"{site_url}{seeded_page(EventPage, lang).url}")
    assert response.status == 200
    expect_language(page, lang, direction)
    expect(page.locator("main h1")).to_have_count(1)
    assert_accessible(page)


@pytest.mark.parametrize(("lang", "direction"), [("he", "rtl"), ("en", "ltr")])
def test_the_events_filters_and_the_work_plan(site_url, page, lang, direction):
    page.goto(f"{site_url}{seeded_page(MediaIndexPage, lang).url}?kind=event&region=north")
    expect_language(page, lang, direction)
    expect(page.locator("form.filters select")).to_have_count(2)
    assert_accessible(page)
    page.goto(f"{site_url}{seeded_page(WorkPlanPage, lang).url}")
    expect_language(page, lang, direction)
    expect(page.locator("[data-goal] progress")).to_have_count(2)
    assert_accessible(page)


def test_a_video_loads_its_player_only_when_asked(site_url, page):
    """No request to the video provider until the reader presses play."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.abort())
    page.goto(f"{site_url}{seeded_page(VideoPage).url}")
    figure = page.locator("figure[data-video]").first
    expect(figure.locator("iframe")).to_have_count(0)
    assert not [url for url in requested if "youtube" in url]
    assert_accessible(page)
    figure.locator("button[data-video-play]").click()
    expect(figure.locator("iframe")).to_have_attribute(
        "src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/")
    )
