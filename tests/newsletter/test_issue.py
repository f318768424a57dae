"""The newsletter issue: composed once in Wagtail, shown in the web archive, rendered as
a right-to-left email with a plain-text part."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from core.factories import translate
from home.models import HomePage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from newsletter.blocks import UpdatesBlock
from newsletter.emails import UNSUBSCRIBE_MARKER, html_to_text, render_issue
from newsletter.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from newsletter.models import NewsletterIndexPage, NewsletterIssuePage
from tests.html import html_lang_dir, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(home, english):
    """The archive, and its English translation."""
    archive = NewsletterIndexPageFactory(parent=home)
    translate(archive, english, title="Newsletter")
    return archive


@pytest.fixture
def issue(home, english, archive):
    """An issue with the latest HQ updates (two, in Hebrew and in English), and its English
    translation."""
    news = NewsIndexPageFactory(parent=home)
    translate(news, english, title="Updates")
    for _ in range(2):
        translate(NewsPageFactory(parent=news), english, title="An update")
    issue = NewsletterIssuePageFactory(
        parent=archive,
        introduction="מה חדש החודש במטה השיתופי.",
        preheader="תקציר לתיבת הדואר",
        body=[("paragraph", "<p>שלום לחברות ולחברים.</p>"), _updates_block(latest=3)],
    )
    translate(issue, english, title="Issue 1")
    return issue


def add_issue(archive, title, body, **fields):
    fields = {"subject": title, "issue_date": timezone.localdate()} | fields
    page = archive.add_child(instance=NewsletterIssuePage(title=title, body=body, **fields))
    page.save_revision().publish()
    return page


def test_archive_lists_issues_newest_first_with_the_signup_form(client, archive, issue):
    older = add_issue(archive, "גיליון ישן", [], issue_date=datetime.date(2025, 1, 1))
    page = soup(client.get(archive.url))
    assert [a.get_text() for a in page.select(".issue-list a")] == [issue.title, older.title]
    form = page.select_one("main form[action='/subscription/']")
    assert form.select_one("input[name=consent]:not([checked])") is not None


def test_the_english_archive_and_issue(client, archive, issue, english):
    en_archive = archive.get_translation(english)
    assert html_lang_dir(client.get(en_archive.url)) == ("en", "ltr")
    en_issue = issue.get_translation(english)
    page = soup(client.get(en_issue.url))
    assert page.h1.get_text() == en_issue.title
    assert page.select(".issue-updates .card__title a"), "the issue pulls in HQ updates"


def test_page_tree_rules(home, archive):
    tests = WagtailPageTestCase()
    tests.assertAllowedSubpageTypes(NewsletterIndexPage, {NewsletterIssuePage})
    tests.assertAllowedParentPageTypes(NewsletterIndexPage, {HomePage})
    tests.assertAllowedParentPageTypes(NewsletterIssuePage, {NewsletterIndexPage})
    tests.assertAllowedSubpageTypes(NewsletterIssuePage, set())


def _updates_block(**value):
    return ("updates", {"heading": "", "updates": [], "latest": 0} | value)


def test_updates_are_the_chosen_ones_or_the_latest_up_to_the_issue_date(home, archive):
    news = NewsIndexPageFactory(parent=home)
    issue_day = datetime.date(2026, 3, 1)
    before = NewsPageFactory(
        parent=news, published_at=timezone.make_aware(datetime.datetime(2026, 2, 28, 12))
    )
    after = NewsPageFactory(
        parent=news, published_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 12))
    )
    latest = add_issue(archive, "אחרונים", [_updates_block(latest=1)], issue_date=issue_day)
    chosen = add_issue(archive, "נבחרים", [_updates_block(updates=[after])])
    block = latest.body[0]
    assert block.block.pages(block.value, latest) == [before]
    block = chosen.body[0]
    assert block.block.pages(block.value, chosen) == [after]


def _email(issue, **kwargs):
    rendered = render_issue(issue, **kwargs)
    return rendered, BeautifulSoup(rendered.html, "html.parser")


def test_the_email_is_right_to_left_at_every_level(issue):
    _rendered, email = _email(issue)
    assert (email.html["lang"], email.html["dir"]) == ("he", "rtl")
    levels = email.select("body, table, tr, td")
    assert len(levels) > 6
    assert {element.get("dir") for element in levels} == {"rtl"}


def test_the_email_has_its_css_inlined_and_only_absolute_urls(issue):
    _rendered, email = _email(issue)
    assert email.find("style") is None
    assert "font-family" in email.body["style"]
    assert "background" in email.select_one(".masthead")["style"]
    urls = [a["href"] for a in email.select("a[href]")] + [i["src"] for i in email.select("img")]
    assert len(urls) > 4
    for url in urls:
        assert url.startswith(("http://testserver/", "mailto:", UNSUBSCRIBE_MARKER)), url


def test_the_email_footer_names_the_sender_and_the_way_to_refuse(issue):
    rendered, email = _email(issue, unsubscribe_url="https://example.org/u/1")
    footer = email.select_one(".footer")
    assert "התאגדות הקיבוצים השיתופיים" in footer.get_text()
    assert footer.select_one("a[href='mailto:shitufi@tkz.co.il']")
    assert footer.select_one("a[href='https://example.org/u/1']")
    assert "https://example.org/u/1" in rendered.text


def test_the_text_part_has_the_content_and_links_but_not_the_preheader(issue):
    rendered, _email_html = _email(issue)
    assert issue.title in rendered.text
    assert issue.introduction in rendered.text
    assert issue.preheader not in rendered.text
    assert f"<http://testserver{issue.url}>" in rendered.text
    assert "<" not in rendered.text.replace("<http", "").replace("<shitufi", "")


def test_html_to_text_keeps_lists_and_drops_markup():
    text = html_to_text(
        '<p>שלום <b>לכולם</b></p><ul><li>אחד</li><li><a href="https://x.org/">שתיים</a></li></ul>'
    )
    assert text == "שלום לכולם\n\n- אחד\n\n- שתיים <https://x.org/>\n"


def test_advertising_issues_get_the_legal_prefix(archive):
    page = add_issue(archive, "מבצע", [], subject="כנס בהנחה", is_advertising=True)
    assert render_issue(page).subject == "פרסומת: כנס בהנחה"
    page.is_advertising = False
    assert render_issue(page).subject == "כנס בהנחה"


def test_editors_preview_the_email_in_the_admin(issue, admin_user):
    request = RequestFactory().get("/")
    request.user = admin_user
    response = issue.serve_preview(request, "email")
    email = BeautifulSoup(response.content.decode(), "html.parser")
    assert email.html["dir"] == "rtl"
    assert email.select_one(".content h1").get_text() == issue.title
    assert [mode for mode, _label in issue.preview_modes] == ["", "email"]


def test_a_new_updates_block_is_valid_as_it_starts():
    """The "HQ updates" block of a new issue starts with no slot to fill: left as it is,
    it takes the latest updates, as the editors' guide says."""

    block = UpdatesBlock()
    value = block.get_default()
    assert list(value["updates"]) == []
    block.clean(value)  # raises ValidationError when a required slot is left empty
