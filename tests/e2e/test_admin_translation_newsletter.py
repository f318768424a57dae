"""Translation and the newsletter through the Wagtail admin, in Chromium, as HQ's people do
them in Hebrew: an editor sends a Hebrew HQ update to translation with wagtail-localize,
which must keep the English page off the site until its translation is published, translates
it segment by segment in an editor that writes English left to right, and publishes it to
/en/; the page editor writes each page's fields in the page's own language and direction;
and a newsletter sender composes an issue (with an "HQ updates" block left as it starts),
publishes it and sends it to the subscribers, whose mail a real SMTP server receives. Each
admin screen used is checked with axe, and the public site is read after each action."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core import groups
from home.factories import StandardPageFactory
from home.models import HomePage
from members.factories import UserFactory
from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from newsletter.models import Campaign, NewsletterIndexPage, Subscriber
from tests.seeded import seeded_page

from .admin import log_in
from .axe import assert_accessible

# The admin's Hebrew labels, from Wagtail's and our catalogs (admin_locale/he/LC_MESSAGES/
# django.po and djangojs.po, locale/he/LC_MESSAGES/django.po).
ACTIONS = "פעולות"  # "Actions": the page header's menu
MORE_ACTIONS = "פעולות נוספות"  # "More actions": the footer's menu
TRANSLATE_THIS_PAGE = "תרגום עמוד זה"  # "Translate this page"
SUBMIT = "שליחה"  # "Submit"
TRANSLATE = "תרגום"  # "Translate": a segment's button
SAVE = "שמירה"  # "Save"
PROMOTE_TAB = "קידום"  # "Promote"
PUBLISH = "פרסום"  # "Publish"
PUBLISH_IN_ENGLISH = "פרסום בשפה: English"  # "Publish in " + the locale's name
SEGMENTS_HEADING = "תרגום מ־עברית ל־English"  # "%(source)s to %(target)s translation"
ADD_CHILD_PAGE = "הוספת תת-עמוד"  # "Add child page"
INSERT_BLOCK = "הכנסת בלוק"  # "Insert a block"
HQ_UPDATES_BLOCK = "עדכוני המטה"  # "HQ updates"
PARAGRAPH_BLOCK = "פסקה"  # "Paragraph"
SEND_TO_SUBSCRIBERS = "שליחה למנויים"  # "Send to subscribers"
SEND_TO_ONE = "שליחה ל־1 מנוי"  # "Send to %(counter)s subscriber", counter = 1
CAMPAIGN_STATUS = "מצב:"  # "Status:"
CAMPAIGN_DONE = "הסתיים"  # Campaign.Status.DONE

HEBREW_UPDATE = {
    "title": "המטה השיתופי מקיים כנס אזורי",
    "slug": "kenes-ezori-e2e",
    "introduction": "הכנס ייערך בצפון בחודש הבא.",
    "paragraph": "כל הקיבוצים השיתופיים מוזמנים להשתתף בכנס.",
}
# The English of each Hebrew segment, the slug included.
ENGLISH_UPDATE = {
    HEBREW_UPDATE["title"]: "The Cooperative HQ holds a regional conference",
    HEBREW_UPDATE["introduction"]: "The conference takes place in the north next month.",
    HEBREW_UPDATE["paragraph"]: "All cooperative kibbutzim are invited to take part.",
    HEBREW_UPDATE["slug"]: "regional-conference-e2e",
}
SUBSCRIBER = "subscriber@example.org"


@pytest.fixture
def hebrew_update(site_url):
    """A published Hebrew HQ update with an introduction and a paragraph."""
    update = NewsPageFactory(
        parent=seeded_page(NewsIndexPage),
        title=HEBREW_UPDATE["title"],
        slug=HEBREW_UPDATE["slug"],
        introduction=HEBREW_UPDATE["introduction"],
        body=[("paragraph", f"<p>{HEBREW_UPDATE['paragraph']}</p>")],
    )
    update.save_revision().publish()
    return update


@pytest.fixture
def standard_pages(site_url):
    """A page of each language's own tree, written there (not a synced translation)."""
    made = {}
    for language, title, text in [
        ("en", "Working groups", "The working groups meet once a month."),
        ("he", "צוותי עבודה", "צוותי העבודה נפגשים פעם בחודש."),
    ]:
        made[language] = StandardPageFactory(
            parent=seeded_page(HomePage, language),
            title=title,
            body=[("paragraph", f"<p>{text}</p>")],
        )
    return made


@pytest.fixture
def sender(site_url):
    """An editor who may also send the newsletter."""
    return UserFactory(groups=[groups.EDITORS, groups.NEWSLETTER_SENDERS])


@pytest.fixture
def subscriber(site_url):
    """A Hebrew subscriber who has confirmed the subscription."""
    return Subscriber.objects.create(
        email=SUBSCRIBER,
        language="he",
        status=Subscriber.Status.ACTIVE,
        confirmed_at=timezone.now(),
    )


def _reader(browser):
    """A tab of a new context: a reader who is not logged in to the admin."""
    return browser.new_context().new_page()


def _open_page_action(page, name):
    """The page header's "⋯" menu holds the page's actions (translate, send...)."""
    page.get_by_role("button", name=ACTIONS, exact=True).click()
    page.get_by_role("link", name=name, exact=True).click()


def _segment(editor, source):
    """A segment of the translation editor: the list item with the source text, followed by
    its translation."""
    return editor.locator("li:has(> p + div)").filter(has_text=source)


def _translate_segment(segment, text):
    # Each segment is translated on its own: open it, type, save; it is then complete.
    segment.get_by_role("button", name=TRANSLATE, exact=True).click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name=SAVE, exact=True).click()
    expect(segment).to_have_class(re.compile(r"\bcomplete\b"))
    expect(segment.locator(":scope > div")).to_have_text(text)


def _type_paragraph(page, editor, text):
    """Types into a Draftail editor and waits for its hidden input to hold the text: Draftail
    saves its state there only every 250 ms, and a form sent sooner loses what was typed."""
    editor.click()
    page.keyboard.type(text)
    stored = editor.locator("xpath=ancestor::*[@data-streamfield-widget][1]/input[@type='hidden']")
    expect(stored).to_have_value(re.compile(re.escape(text)))


def test_an_editor_translates_an_update_to_english(site_url, editor, hebrew_update, browser, page):
    english_index = seeded_page(NewsIndexPage, "en")
    reader = _reader(browser)

    log_in(page, site_url, editor, then=f"/admin/pages/{hebrew_update.pk}/edit/")
    assert_accessible(page)
    _open_page_action(page, TRANSLATE_THIS_PAGE)
    expect(page).to_have_url(re.compile(rf"/admin/localize/submit/page/{hebrew_update.pk}/$"))
    assert_accessible(page)
    page.get_by_role("checkbox", name="English").check()
    page.get_by_role("button", name=SUBMIT, exact=True).click()

    # The English page exists, to be translated, but stays off the site until then.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    english_page = hebrew_update.get_translation(english_index.locale)
    assert page.url.endswith(f"/admin/pages/{english_page.pk}/edit/")
    assert not english_page.live, "the untranslated page went live"
    untranslated_url = f"{site_url}{english_index.url}{HEBREW_UPDATE['slug']}/"
    assert reader.request.get(untranslated_url).status == 404

    # The translation editor: each segment's source in Hebrew, its translation in English,
    # under a heading in the admin's language.
    translation_editor = page.locator("[data-props]")
    expect(translation_editor.get_by_role("tab", name=PROMOTE_TAB)).to_be_visible()
    segments = translation_editor.locator("li:has(> p + div)")
    expect(segments.first).to_be_visible()
    # The marks are applied as the editor renders: wait for the first, then read them all.
    expect(segments.first.locator(":scope > div")).to_have_attribute("lang", "en")
    marks = segments.evaluate_all(
        """items => items.map(item => [
            item.querySelector(':scope > p').textContent.trim(),
            item.querySelector(':scope > p').getAttribute('lang'),
            item.querySelector(':scope > p').getAttribute('dir'),
            item.querySelector(':scope > div').getAttribute('lang'),
            item.querySelector(':scope > div').getAttribute('dir'),
        ])"""
    )
    assert len(marks) == len(ENGLISH_UPDATE), marks
    unmarked = [mark for mark in marks if mark[1:] != ["he", "rtl", "en", "ltr"]]
    assert not unmarked, f"segments not marked source he/rtl, translation en/ltr: {unmarked}"
    heading = translation_editor.get_by_role("heading", name=SEGMENTS_HEADING).first
    expect(heading).to_be_visible()
    expect(translation_editor).not_to_contain_text("to English translation")
    # wagtail-localize writes its footer's menu button in English ("More actions").
    more_actions = page.locator("footer [data-w-dropdown-target=toggle]")
    expect(more_actions).to_have_accessible_name(MORE_ACTIONS)
    assert_accessible(page)

    for source in (HEBREW_UPDATE["title"], HEBREW_UPDATE["introduction"]):
        _translate_segment(_segment(translation_editor, source), ENGLISH_UPDATE[source])
    paragraph = HEBREW_UPDATE["paragraph"]
    _translate_segment(_segment(translation_editor, paragraph), ENGLISH_UPDATE[paragraph])
    translation_editor.get_by_role("tab", name=PROMOTE_TAB).click()
    slug_segment = _segment(translation_editor, HEBREW_UPDATE["slug"])
    if slug_segment.count():
        _translate_segment(slug_segment, ENGLISH_UPDATE[HEBREW_UPDATE["slug"]])

    page.get_by_role("button", name=PUBLISH_IN_ENGLISH).click()
    english_title = ENGLISH_UPDATE[HEBREW_UPDATE["title"]]
    expect(page.locator(".messages")).to_contain_text(english_title)
    english_page.refresh_from_db()
    assert english_page.live
    # The slug as published: translated if its segment had shown when the tab was read (a
    # count does not wait for it), as the Hebrew one otherwise.
    english_slug = english_page.slug

    # What an English reader sees.
    response = reader.goto(f"{site_url}{english_index.url}{english_slug}/")
    assert response.status == 200
    expect(reader.locator("html")).to_have_attribute("lang", "en")
    expect(reader.locator("html")).to_have_attribute("dir", "ltr")
    expect(reader.locator("main h1")).to_have_text(english_title)
    expect(reader.locator("main")).to_contain_text(ENGLISH_UPDATE[paragraph])
    reader.goto(f"{site_url}{english_index.url}")
    link = reader.locator(f'main a[href$="{english_index.url}{english_slug}/"]')
    expect(link.first).to_contain_text(english_title)


def test_an_editor_edits_an_english_page_left_to_right(site_url, editor, standard_pages, page):
    log_in(page, site_url, editor)
    for language, direction in [("en", "ltr"), ("he", "rtl")]:
        page.goto(f"{site_url}/admin/pages/{standard_pages[language].pk}/edit/")
        form = page.locator("form[data-edit-form]")
        title = form.locator("input[name=title]")
        expect(title).to_have_value(standard_pages[language].title)
        body = form.locator("[data-contentpath=body] [contenteditable=true]")
        expect(body).to_have_count(1)
        for field in (title, body):
            expect(field).to_have_attribute("lang", language)
            expect(field).to_have_attribute("dir", direction)
        assert_accessible(page)


def test_a_newsletter_issue_is_composed_and_sent(
    site_url, sender, subscriber, smtp_server, settings, browser, page
):
    settings.WAGTAILADMIN_BASE_URL = site_url  # the links in the email lead here
    # Autosave (tested in test_admin_updates.py) could create the issue from its add form
    # while "publish" is pressed on that same form: two pages with one slug.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    archive = seeded_page(NewsletterIndexPage)
    title, subject = "גיליון נובמבר של המטה השיתופי", "חדשות המטה השיתופי לחודש נובמבר"
    paragraph = "שלום לכל החברות והחברים בקיבוצים השיתופיים."
    reader = _reader(browser)

    log_in(page, site_url, sender, then=f"/admin/pages/{archive.pk}/")
    page.locator("main").get_by_role("link", name=ADD_CHILD_PAGE).first.click()
    # The archive takes only issues: the form of a new issue opens at once.
    expect(page).to_have_url(re.compile(r"/add/newsletter/newsletterissuepage/\d+/$"))
    form = page.locator("form[data-edit-form]")
    form.locator("input[name=issue_date]").fill(timezone.localdate().isoformat())
    # The date picker opens on focus and stays open until a click elsewhere; left open, it
    # would swallow the click on the block inserter.
    date_picker = page.locator(".xdsoft_datetimepicker").filter(visible=True)
    expect(date_picker).to_have_count(1)
    form.locator("input[name=title]").click()
    expect(date_picker).to_have_count(0)
    form.locator("input[name=title]").fill(title)
    form.locator("input[name=subject]").fill(subject)
    form.get_by_role("button", name=INSERT_BLOCK).click()
    page.get_by_role("option", name=HQ_UPDATES_BLOCK).click()
    form.get_by_role("button", name=INSERT_BLOCK).last.click()
    page.get_by_role("option", name=PARAGRAPH_BLOCK).click()
    _type_paragraph(page, form.locator("[contenteditable=true]").last, paragraph)
    assert_accessible(page)
    form.get_by_role("button", name=MORE_ACTIONS).click()
    form.get_by_role("button", name=PUBLISH, exact=True).click()

    # Published with the HQ updates block as it started (no update chosen).
    expect(page.locator(".messages")).to_contain_text(re.compile(rf"{title}.*פורסם"))
    expect(page.locator(".w-field__errors .error-message")).to_have_count(0)
    issue = archive.get_children().get(title=title).specific
    assert issue.live
    response = reader.goto(f"{site_url}{issue.url}")
    assert response.status == 200
    expect(reader.locator("main h1")).to_have_text(title)
    expect(reader.locator("main")).to_contain_text(paragraph)
    reader.goto(f"{site_url}{archive.url}")
    expect(reader.locator(f'main a[href$="{issue.url}"]').first).to_contain_text(title)

    page.goto(f"{site_url}/admin/pages/{issue.pk}/edit/")
    _open_page_action(page, SEND_TO_SUBSCRIBERS)
    expect(page).to_have_url(re.compile(rf"/admin/newsletter/issue/{issue.pk}/send/$"))
    expect(page.locator("main")).to_contain_text(subject)
    assert_accessible(page)
    page.locator("main form").get_by_role("button", name=SEND_TO_ONE).click()

    campaign = Campaign.objects.get(issue=issue)
    expect(page).to_have_url(re.compile(rf"/admin/newsletter/campaign/{campaign.pk}/$"))
    status = page.locator("main p").filter(has_text=CAMPAIGN_STATUS).locator("strong")
    expect(status).to_have_text(CAMPAIGN_DONE)
    expect(page.locator("main td[data-status=sent]")).to_have_text("1")
    assert_accessible(page)

    message = smtp_server.wait_for_message(1)
    assert len(smtp_server.envelopes) == 1
    assert message["To"] == SUBSCRIBER
    assert message["Subject"] == subject
    assert paragraph in message.get_body(("html",)).get_content()
