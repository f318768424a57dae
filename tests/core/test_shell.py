"""The site shell around every page: language, navigation, footer, errors, styles."""

import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

from core.factories import translate
from core.models import SiteSettings
from home.factories import StandardPageFactory
from tests.html import html_lang_dir, soup

pytestmark = pytest.mark.django_db
STATIC = Path(__file__).resolve().parents[2] / "site" / "static"


@pytest.fixture
def translated(home, english):
    """A page of the Hebrew site, in the menu, and its English translation."""
    page = StandardPageFactory(parent=home, show_in_menus=True)
    return page, translate(page, english, title="In English")


def test_language_switcher_links_each_page_to_its_translation(client, translated):
    hebrew, english = translated
    page = soup(client.get(hebrew.url))
    link = page.select_one("nav.language-switcher a[hreflang='en']")
    assert link["href"] == english.url
    assert link["lang"] == "en"
    assert page.select_one("nav.language-switcher [aria-current]")["lang"] == "he"
    alternates = {
        link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")
    }
    assert alternates == {"he": hebrew.full_url, "en": english.full_url}


def test_a_page_without_translation_offers_the_other_home(client, home):
    page = StandardPageFactory(parent=home)
    switcher = soup(client.get(page.url)).select_one("nav.language-switcher")
    assert switcher.select_one("a[hreflang='en']")["href"] == "/en/"
    assert not soup(client.get(page.url)).select("link[rel=alternate][hreflang='en']")


def test_main_menu_comes_from_the_page_tree(client, home, translated):
    page = translated[0]
    hidden = StandardPageFactory(parent=home, show_in_menus=False)
    menu = soup(client.get(page.url)).select_one("nav.main-menu")
    links = {a["href"]: a for a in menu.select("a")}
    assert links[page.url].get_text() == page.title
    assert links[page.url]["aria-current"] == "page"
    assert hidden.url not in links, "pages not marked for menus stay out of it"


@pytest.fixture
def footer_pages(home, english, site):
    """The standing pages the footer links to (the site settings), in both languages."""
    settings = SiteSettings.for_site(site)
    settings.accessibility_page = StandardPageFactory(parent=home)
    settings.privacy_page = StandardPageFactory(parent=home)
    settings.phone, settings.fax = "03-1234567", "03-7654321"
    settings.save()
    return {
        "he": [settings.accessibility_page, settings.privacy_page],
        "en": [
            translate(page, english)
            for page in (settings.accessibility_page, settings.privacy_page)
        ],
    }


def test_footer_shows_the_editable_contact_details(client, footer_pages):
    footer = soup(client.get("/")).select_one("footer")
    assert footer.select_one("a[href='mailto:shitufi@tkz.co.il']")
    assert footer.select_one("a[href='tel:+97231234567']").get_text() == "03-1234567"
    assert "03-7654321" in footer.get_text()
    assert {a["href"] for a in footer.select("nav a")} == {p.url for p in footer_pages["he"]}


def test_footer_links_follow_the_language(client, footer_pages):
    footer = soup(client.get("/en/")).select_one("footer")
    assert {a["href"] for a in footer.select("nav a")} == {p.url for p in footer_pages["en"]}


def test_skip_link_targets_main(client):
    page = soup(client.get("/"))
    skip = page.select_one("body > a.skip-link")
    assert skip["href"] == "#main"
    assert page.select_one("main#main")


@pytest.mark.parametrize(
    ("path", "lang", "direction", "heading"),
    [
        ("/no-such-page/", "he", "rtl", "הדף לא נמצא"),
        ("/en/no-such-page/", "en", "ltr", "Page not found"),
    ],
)
def test_not_found_page_speaks_the_readers_language(client, path, lang, direction, heading):
    response = client.get(path)
    assert response.status_code == 404
    assert html_lang_dir(response) == (lang, direction)
    assert heading in response.content.decode()


def test_server_error_page_is_hebrew_and_needs_no_database(django_assert_num_queries):
    with translation.override("he"), django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert '<html lang="he" dir="rtl">' in html
    assert "משהו השתבש" in html


@override_settings(DEBUG=False)
def test_server_error_is_served_with_the_500_page(client):
    client.raise_request_exception = False
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("home.models.HomePage.serve", lambda *a, **k: 1 / 0)
        response = client.get("/")
    assert response.status_code == 500
    assert "משהו השתבש" in response.content.decode()


PHYSICAL = re.compile(
    r"(?<![\w-])(margin|padding|border)-(left|right)\b|(?<![\w-])(left|right)\s*:"
    r"|text-align\s*:\s*(left|right)|float\s*:\s*(left|right)"
)


def test_stylesheets_use_logical_properties_only():
    for css in STATIC.rglob("*.css"):
        found = [m.group(0) for m in PHYSICAL.finditer(css.read_text())]
        assert not found, f"{css.name} uses physical properties: {found}"


def test_public_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
