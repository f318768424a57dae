"""An HQ update's life in the Hebrew admin, driven in Chromium by the people who write them:
an editor adds one from the news index's explorer, fills every part of it (slug in Latin
letters, image, body blocks, category, tag), sees autosave keep it across a reload, previews
it in the side panel, publishes, edits, unpublishes and deletes it; schedules another that
goes live when `publish_scheduled` runs; and submits a third that a moderator approves from
the dashboard. After each step the test reads the public site as an anonymous reader does
(the news index, the update, the RSS feed, the home page) and checks each admin screen with
axe."""

import datetime
import re
from contextlib import contextmanager
from urllib.parse import urljoin, urlsplit

from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from news.models import NewsCategory, NewsIndexPage, NewsPage
from tests.scheduling import go_live_date_passes

from .admin import log_in
from .axe import assert_accessible

UPDATE_TYPE = "עדכון מהמטה"  # NewsPage's verbose name in the admin
SAVED = "נשמר"
LATIN_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_FORMAT = "%Y-%m-%d %H:%M"  # the admin's date-time fields

# Wagtail's editor takes its "nothing changed yet" snapshot of the form 2 s after its
# w-unsaved controller connects (and it connects twice on a page load); edits made before
# that snapshot count as the initial state and are never autosaved. This records when the
# controller connected so that the test types only once the editor is watching.
WATCH_EDITS_JS = """
window.__editor = { connected: 0, watching: 0 };
document.addEventListener("w-unsaved:ready", () => {
  window.__editor.connected = performance.now();
}, true);
document.addEventListener("w-unsaved:watch-edits", () => {
  window.__editor.watching += 1;
}, true);
"""
EDITOR_WATCHES_JS = (
    "() => window.__editor && window.__editor.watching > 0"
    " && performance.now() - window.__editor.connected > 2300"
)
AUTOSAVE_PATH = re.compile(r"^/admin/pages/(add/news/newspage/\d+|\d+/edit)/$")

# On SQLite the live server's request threads share one in-memory database connection, and
# two requests at once can break each other's savepoints (a 500). The editor's steps are
# therefore kept apart: each autosave is awaited before the next edit, and a chooser's
# requests end before the edit they make triggers an autosave.


# --- the public site, as a reader without the admin's cookies sees it (and the page cache
# serves it) ---


def reader_for(browser):
    return browser.new_context().new_page()


def read(reader, site_url, path, status=200):
    response = reader.goto(urljoin(site_url, path))
    assert response.status == status, f"{path} answered {response.status}, not {status}"
    return response


def public_path(update):
    """The update's public address, read from the database (it follows the slug)."""
    return urlsplit(NewsPage.objects.get(pk=update.pk).get_url()).path


def hebrew_index():
    return NewsIndexPage.objects.get(locale__language_code="he")


# --- the editor ---


def explorer_url(site_url, page):
    return f"{site_url}/admin/pages/{page.pk}/"


def editor_watches(page):
    """Waits until the editor has taken its snapshot of the form (see WATCH_EDITS_JS)."""
    page.wait_for_function(EDITOR_WATCHES_JS)


@contextmanager
def autosave(page):
    """Wraps edits: waits until the editor watches, then for the autosave they trigger, and
    checks that it succeeded and that the indicator says so."""
    editor_watches(page)
    with page.expect_response(
        lambda r: r.request.method == "POST" and AUTOSAVE_PATH.match(urlsplit(r.url).path),
        timeout=15_000,
    ) as saved:
        yield
    response = saved.value
    assert response.status == 200, f"autosave answered {response.status}: {response.text()[:2000]}"
    assert response.json()["success"], response.json()
    expect(page.locator("#w-autosave-indicator").get_by_text(SAVED)).to_be_visible()


def open_add_form(page, site_url, index, check_accessibility=False):
    """From the index's explorer, "add child page": the index allows one page type, the HQ
    update, so Wagtail skips the type chooser and opens that type's form."""
    page.goto(explorer_url(site_url, index))
    expect(page.locator("h1")).to_contain_text(index.title)
    if check_accessibility:
        assert_accessible(page)
    page.get_by_role("link", name="הוספת תת-עמוד").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/add/news/newspage/{index.pk}/$"))
    expect(page.locator("h1")).to_contain_text(UPDATE_TYPE)
    if check_accessibility:
        assert_accessible(page)


def updated_id(page):
    """The update's id, from the edit address autosave moved the browser to."""
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    return int(re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1))


def add_block(page, block_label):
    """Appends a block to the body through the StreamField's last "+" inserter."""
    body = page.locator("#body-root")
    body.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=block_label, exact=True).click()
    return body.locator("[data-streamfield-child]").last


def write_paragraph(page, text):
    block = add_block(page, "פסקה")
    editor = block.locator(".public-DraftEditor-content[role=textbox]")
    editor.click()
    editor.press_sequentially(text)
    expect(editor).to_contain_text(text)


def write_heading(page, text):
    block = add_block(page, "כותרת")
    block.locator("input[name$='-value-text']").fill(text)


def fully_shown(dialog):
    """Waits for a Bootstrap modal's fade-in to end: axe measures colours mid-fade wrong."""
    dialog.page.wait_for_function(
        "element => getComputedStyle(element).opacity === '1'", arg=dialog.element_handle()
    )


def action_menu(page):
    """The footer's action menu ("פעולות נוספות"), opened."""
    page.get_by_role("button", name="פעולות נוספות").click()
    return page.locator("footer")


def header_actions(page):
    """The header's "פעולות" menu (move, copy, delete...), opened."""
    page.locator("header").get_by_role("button", name="פעולות", exact=True).click()
    return page.locator("header [data-w-dropdown-target=content]")


def create_update(page, site_url, title, paragraph):
    """Adds an update with only what it needs (a title, a paragraph) and waits for
    autosave to store it as a draft; returns it."""
    open_add_form(page, site_url, hebrew_index())
    with autosave(page):
        # Typed, not pasted: the slug follows the title as keys are released.
        page.locator("#id_title").press_sequentially(title)
    with autosave(page):
        write_paragraph(page, paragraph)
    return NewsPage.objects.get(pk=updated_id(page))


def test_an_editor_writes_publishes_edits_unpublishes_and_deletes_an_update(
    site_url, editor, browser, page
):
    index = hebrew_index()
    category = NewsCategory.objects.filter(locale=index.locale).order_by("name").first()
    title, new_title = "עדכון בדיקה: מפגש קיבוצים בגליל", "עדכון בדיקה: מפגש קיבוצים בגליל ובגולן"
    introduction = "סיכום קצר של המפגש האזורי."
    paragraph = "נציגי הקיבוצים השיתופיים נפגשו ודנו בעבודה המשותפת."
    heading = "מה הוחלט"
    alt = "משתתפי המפגש יושבים במעגל"
    tag = "מפגש-בדיקה"
    published_at = timezone.localtime() - datetime.timedelta(hours=1)
    page.add_init_script(WATCH_EDITS_JS)
    reader = reader_for(browser)

    log_in(page, site_url, editor)
    open_add_form(page, site_url, index, check_accessibility=True)

    # The first autosave creates the draft and moves the browser to its edit address.
    with autosave(page):
        page.locator("#id_title").press_sequentially(title)
    update_id = updated_id(page)
    slug = page.locator("#id_slug")
    expect(slug).to_have_value(LATIN_SLUG)
    slug_value = slug.input_value()
    with autosave(page):
        page.locator("#id_introduction").fill(introduction)
        page.locator("#id_published_at").fill(published_at.strftime(DATE_FORMAT))
        page.locator("#id_published_at").press("Escape")
    # The description first (an image without one does not validate), then the image alone
    # (see the note on SQLite above AUTOSAVE_PATH).
    with autosave(page):
        page.locator("#id_hero_alt").fill(alt)
    with autosave(page):
        page.get_by_role("button", name="בחירת תמונה").click()
        chooser = page.locator(".modal")
        expect(chooser.locator("h1")).to_have_text("בחירת תמונה")
        chooser.locator("#search-results a[data-chooser-modal-choice]").first.click()
        expect(chooser).to_be_hidden()
    image_title = page.locator("#id_hero_image-title").inner_text()
    assert image_title
    with autosave(page):
        write_paragraph(page, paragraph)
    with autosave(page):
        write_heading(page, heading)
    page.get_by_role("tab", name="קידום").click()
    expect(slug).to_be_visible()
    expect(slug).to_have_value(slug_value)
    # A Hebrew update offers the Hebrew categories, the ones its index filters by.
    offered = page.locator("input[name=categories]")
    expect(offered).to_have_count(NewsCategory.objects.filter(locale=index.locale).count())
    with autosave(page):
        page.get_by_label(category.name, exact=True).check()
    with autosave(page):
        page.locator("#id_tags + ul.tagit input").fill(tag)
        page.keyboard.press("Enter")

    # Reopened, the draft has everything autosave stored.
    page.reload()
    expect(page.locator("#id_title")).to_have_value(title)
    expect(page.locator("#id_introduction")).to_have_value(introduction)
    expect(page.locator("#id_published_at")).to_have_value(published_at.strftime(DATE_FORMAT))
    expect(page.locator("#id_hero_image-title")).to_have_text(image_title)
    expect(page.locator("#id_hero_alt")).to_have_value(alt)
    body = page.locator("#body-root")
    expect(body.locator(".public-DraftEditor-content")).to_contain_text(paragraph)
    expect(body.locator("input[name$='-value-text']")).to_have_value(heading)
    expect(page.get_by_label(category.name, exact=True)).to_be_checked()
    expect(page.locator("#id_tags")).to_have_value(tag)
    expect(slug).to_have_value(slug_value)
    assert_accessible(page)

    # The preview panel shows the draft as readers will see it.
    page.get_by_role("button", name="הצגה/הסתרה של התצוגה המקדימה").click()
    # Wagtail loads each preview in a second iframe (the "proxy") and then swaps it in.
    preview = page.frame_locator("[data-side-panel=preview] iframe:not(.w-preview__proxy)")
    expect(preview.locator("main h1")).to_have_text(title)
    expect(preview.locator("main")).to_contain_text(paragraph)
    assert_accessible(page)
    page.get_by_role("button", name="הצגה/הסתרה של התצוגה המקדימה").click()

    read(reader, site_url, hebrew_index().url)
    expect(reader.locator("main")).not_to_contain_text(title)

    # Published, it is on the news index, its own page, the feed and the home page.
    action_menu(page).get_by_role("button", name="פרסום", exact=True).click()
    expect(page).to_have_url(explorer_url(site_url, index))
    expect(page.locator(".messages")).to_contain_text(title)
    update = NewsPage.objects.get(pk=update_id)
    assert update.live
    assert update.slug == slug_value
    read(reader, site_url, hebrew_index().url)
    expect(reader.locator("main").get_by_role("link", name=title)).to_be_visible()
    read(reader, site_url, public_path(update))
    article = reader.locator("main article")
    expect(article.locator("h1")).to_have_text(title)
    expect(article).to_contain_text(introduction)
    expect(article).to_contain_text(paragraph)
    expect(article.get_by_role("heading", name=heading)).to_be_visible()
    expect(article.get_by_role("link", name=category.name)).to_be_visible()
    expect(article.get_by_role("link", name=tag)).to_be_visible()
    expect(article.locator("time")).to_have_attribute(
        "datetime", re.compile(rf"^{published_at:%Y-%m-%d}")
    )
    hero = article.locator("figure img")
    expect(hero).to_have_attribute("alt", alt)
    assert hero.evaluate("image => image.complete && image.naturalWidth > 0")
    feed = reader.request.get(urljoin(site_url, f"{index.url}rss/"))
    assert feed.status == 200
    assert title in feed.text()
    read(reader, site_url, "/")
    expect(reader.locator(".latest-updates").get_by_role("link", name=title)).to_be_visible()

    # Edited and published again, the public page shows the new title.
    page.locator("main").get_by_role("link", name=title).first.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{update_id}/edit/"))
    with autosave(page):
        page.locator("#id_title").fill(new_title)
    action_menu(page).get_by_role("button", name="פרסום", exact=True).click()
    expect(page).to_have_url(explorer_url(site_url, index))
    read(reader, site_url, public_path(update))
    expect(reader.locator("main h1")).to_have_text(new_title)
    read(reader, site_url, hebrew_index().url)
    expect(reader.locator("main").get_by_role("link", name=new_title)).to_be_visible()

    # Unpublished, its address answers 404 and the index no longer lists it.
    path = public_path(update)
    page.goto(f"{site_url}/admin/pages/{update_id}/edit/")
    action_menu(page).get_by_role("link", name="ביטול פרסום").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{update_id}/unpublish/"))
    assert_accessible(page)
    page.get_by_role("button", name="כן, לבטל את הפרסום").click()
    expect(page.locator(".messages")).to_contain_text(new_title)
    assert not NewsPage.objects.get(pk=update_id).live
    read(reader, site_url, path, status=404)
    read(reader, site_url, hebrew_index().url)
    expect(reader.locator("main")).not_to_contain_text(new_title)

    # Deleted, it is gone from the explorer and the database.
    page.goto(f"{site_url}/admin/pages/{update_id}/edit/")
    header_actions(page).get_by_role("link", name="מחיקה").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{update_id}/delete/"))
    assert_accessible(page)
    page.get_by_role("button", name="כן, למחוק").click()
    expect(page).to_have_url(explorer_url(site_url, index))
    expect(page.locator("main table")).not_to_contain_text(new_title)
    assert not Page.objects.filter(pk=update_id).exists()


def test_an_editor_schedules_an_update_that_goes_live_when_publish_scheduled_runs(
    site_url, editor, browser, page
):
    title = "עדכון מתוזמן לשעה הבאה"
    go_live_at = timezone.localtime() + datetime.timedelta(hours=1)
    page.add_init_script(WATCH_EDITS_JS)
    reader = reader_for(browser)
    log_in(page, site_url, editor)
    update = create_update(page, site_url, title, "הפסקה של העדכון המתוזמן.")

    page.get_by_role("button", name="הצגה/הסתרה של המצב").click()
    status = page.locator("[data-side-panel=status]")
    status.get_by_role("button", name="קביעת תזמון").click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    assert_accessible(page)
    dialog.locator("#id_go_live_at").fill(go_live_at.strftime(DATE_FORMAT))
    dialog.get_by_role("button", name="שמירת התזמון").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{update.pk}/edit/"))
    action_menu(page).get_by_role("button", name="תזמון פרסום").click()

    expect(page.locator(".messages")).to_contain_text(title)
    update = NewsPage.objects.get(pk=update.pk)
    assert not update.live
    revision = update.get_latest_revision()
    assert revision.approved_go_live_at is not None
    assert abs(revision.approved_go_live_at - go_live_at) < datetime.timedelta(minutes=1)
    page.goto(explorer_url(site_url, hebrew_index()))
    row = page.locator("main tr", has=page.get_by_role("link", name=title))
    expect(row).to_contain_text("מתוזמן")
    read(reader, site_url, hebrew_index().url)
    expect(reader.locator("main")).not_to_contain_text(title)

    go_live_date_passes(update)  # an hour passes
    assert Page.objects.get(pk=update.pk).live
    read(reader, site_url, hebrew_index().url)
    expect(reader.locator("main").get_by_role("link", name=title)).to_be_visible()


def test_an_editor_submits_for_approval_and_a_moderator_approves(
    site_url, editor, moderator, browser, page
):
    title = "עדכון שממתין לאישור"
    page.add_init_script(WATCH_EDITS_JS)
    reader = reader_for(browser)
    log_in(page, site_url, editor)
    update = create_update(page, site_url, title, "הפסקה של העדכון שנשלח לאישור.")
    # "שליחה לתהליך האישור אישור" on a loaded page, "שליחה לאישור" right after the first
    # autosave re-rendered the menu: found by its name.
    submit = action_menu(page).locator("button[name=action-submit]")
    expect(submit).to_contain_text("שליחה ל")
    submit.click()
    expect(page.locator(".messages")).to_contain_text(title)
    update = NewsPage.objects.get(pk=update.pk)
    assert not update.live
    assert update.current_workflow_state.status == "in_progress"
    read(reader, site_url, hebrew_index().url)
    expect(reader.locator("main")).not_to_contain_text(title)

    moderator_page = browser.new_context().new_page()
    log_in(moderator_page, site_url, moderator)
    awaiting = moderator_page.locator("#awaiting-review-section")
    expect(awaiting).to_contain_text("ממתינים לבדיקתך")
    row = awaiting.locator("tr", has=moderator_page.get_by_role("link", name=title))
    expect(row).to_be_visible()
    assert_accessible(moderator_page)
    row.get_by_role("button", name="פעולות").click()
    row.get_by_role("button", name="אישור עם הערה").click()
    dialog = moderator_page.locator(".modal")
    expect(dialog.locator("textarea[name=comment]")).to_be_visible()
    fully_shown(dialog)
    assert_accessible(moderator_page)
    dialog.locator("textarea[name=comment]").fill("מאושר, תודה.")
    dialog.locator("form button[type=submit]").click()
    expect(dialog).to_be_hidden()

    expect(row).to_be_hidden()
    update = NewsPage.objects.get(pk=update.pk)
    assert update.live
    read(reader, site_url, hebrew_index().url)
    expect(reader.locator("main").get_by_role("link", name=title)).to_be_visible()
