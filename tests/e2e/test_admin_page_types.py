"""An HQ editor (a member of the Editors group, not a superuser) works with every page type of
the project through the Hebrew admin in Chromium: each type is added from the explorer's
"add child page" and the type chooser, filled, published, read on the public site (in Hebrew,
right to left), renamed and published again, then deleted until its address answers 404;
the types allowed once per parent are exercised under a second home page the editor makes at
the root of the tree and deletes at the end. A second test adds an item to a section of the
vision page and finds it in that section's list on the public page. axe checks each form."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site, get_page_models

from core.blocks import ParagraphBlock
from home.models import HomePage, VisionPage
from media.factories import DocumentFactory, ImageFactory

from .admin import log_in
from .axe import assert_accessible

PROJECT_APPS = {"core", "home", "news", "media", "newsletter", "legal"}

# The admin's words, as a Hebrew-speaking editor reads them.
ADD_CHILD_PAGE = "הוספת תת-עמוד"
EXPLORE_CHILDREN = "הצגת תת-העמודים של '{title}'"
MORE_ACTIONS = "פעולות נוספות"
ACTIONS = "פעולות"
EDIT = "עריכה"
DELETE = "מחיקה"
CONFIRM_DELETE = "כן, למחוק"
INSERT_BLOCK = "הכנסת בלוק"
CHOOSE_DOCUMENT = "בחירת מסמך"
CHOOSE_IMAGE = "בחירת תמונה"

NEW_VISION_ITEM = "נקיים מפגש פתוח לחברי הקיבוצים השיתופיים בכל רבעון"


def hebrew(text):
    """A label of the project's code (a page type's name, a block's label) as the Hebrew
    admin shows it."""
    with translation.override("he"):
        return str(text)


def type_name(model):
    return hebrew(model.get_verbose_name())


def label_of(model):
    return model._meta.label


def project_page_models():
    """Every page type of the project's apps: a type added later is covered without
    touching this file (and fails below until it has a recipe)."""
    models = [model for model in get_page_models() if model._meta.app_label in PROJECT_APPS]
    return sorted(models, key=label_of)


# --- Driving the admin --------------------------------------------------------------------


def note_accessibility(page, problems):
    """assert_accessible, noted instead of raised so that one screen's violations do not
    hide what the rest of the run would show; the test fails at its end with all of them."""
    try:
        assert_accessible(page)
    except AssertionError as error:
        problems.append(str(error))


def open_explorer(admin, site_url, parent):
    """Opens the explorer at `parent` the way an editor does: from the tree's top, through
    the "child pages" link of each page on the way down."""
    admin.goto(f"{site_url}/admin/pages/")
    for ancestor in parent.get_ancestors(inclusive=True)[1:]:  # the root is where it starts
        admin.get_by_role("link", name=EXPLORE_CHILDREN.format(title=ancestor.title)).click()
        admin.wait_for_url(re.compile(rf"/admin/pages/{ancestor.pk}/$"))


def add_child(admin, site_url, parent, model):
    """Opens the form for a new page of `model` under `parent`: the parent's explorer (its
    address: the way down is `open_explorer`'s, walked by the other tests), "add child page",
    then the type in the type chooser (Wagtail skips the chooser when only one type fits)."""
    admin.goto(f"{site_url}/admin/pages/{parent.pk}/")
    admin.locator("#w-slim-header-buttons").get_by_role("link", name=ADD_CHILD_PAGE).click()
    admin.wait_for_url(re.compile(r"/admin/pages/(\d+/add_subpage|add/\w+/\w+/\d+)/$"))
    if "/add_subpage/" in admin.url:
        admin.get_by_role("link", name=type_name(model), exact=True).click()
    meta = model._meta
    admin.wait_for_url(
        re.compile(rf"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/$")
    )


# The form's message and each field's error, with the field's path, for a failure message.
FORM_ERRORS_JS = """
() => [...document.querySelectorAll(".messages li, [data-field-errors], .error-message")]
  .filter((element) => element.innerText.trim())
  .map((element) => {
    const paths = [];
    for (let node = element.closest("[data-contentpath]"); node;
         node = node.parentElement.closest("[data-contentpath]")) {
      paths.unshift(node.dataset.contentpath);
    }
    return `${paths.join(".") || "form"}: ${element.innerText.trim()}`;
  })
"""


def publish(admin):
    """Publishes what the editor has open; fails with the form's errors if Wagtail refused."""
    admin.get_by_role("button", name=MORE_ACTIONS).click()
    with admin.expect_navigation():
        admin.locator("button[name=action-publish]").click()
    success = admin.locator(".messages li.success")
    if not success.count():
        pytest.fail(f"publishing failed on {admin.url}: {admin.evaluate(FORM_ERRORS_JS)}")
    return success


def edit_from_message(admin):
    """Opens the page just saved from the "edit" link in Wagtail's success message."""
    admin.locator(".messages").get_by_role("link", name=EDIT, exact=True).click()
    admin.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))


def delete(admin, title):
    """Deletes the page open in the editor or the explorer: the header's action menu,
    "delete", confirm."""
    admin.locator("#w-slim-header-buttons").get_by_role("button", name=ACTIONS).click()
    admin.get_by_role("link", name=DELETE, exact=True).click()
    admin.wait_for_url(re.compile(r"/admin/pages/\d+/delete/$"))
    confirm_deletion(admin, title)


def confirm_deletion(admin, title):
    admin.get_by_role("button", name=CONFIRM_DELETE).click()
    expect(admin.locator(".messages li.success")).to_contain_text(title)


def add_paragraph(admin, text):
    """Adds a paragraph block at the end of the page's body and types `text` into it."""
    body = admin.locator("[data-contentpath=body]").first
    body.get_by_role("button", name=INSERT_BLOCK).last.click()
    admin.get_by_role("option", name=hebrew(ParagraphBlock().meta.label), exact=True).click()
    editor = body.locator("[contenteditable=true]").last
    editor.click()
    admin.keyboard.type(text)
    expect(editor).to_contain_text(text)
    # Draftail copies what was typed into the form's hidden input a moment later (its save
    # interval); a form sent before that would save an empty paragraph.
    saved = body.locator("input[type=hidden][name^='body-'][name$='-value']").last
    expect(saved).to_have_value(re.compile(re.escape(text)))


def type_title(admin, title):
    """Types the title key by key, as a person does: Wagtail derives the slug from the
    title's key strokes (transliterated from Hebrew), not from a pasted value."""
    field = admin.locator("input[name=title]")
    field.clear()
    field.press_sequentially(title)
    expect(field).to_have_value(title)


def choose(admin, chooser, choice):
    """Picks an item in a chooser's modal: `chooser` opens it, `choice(modal)` is the item."""
    chooser.click()
    modal = admin.locator(".modal-dialog")
    choice(modal).click()
    expect(modal).to_have_count(0)


def future(days, hour):
    """A time `days` from now, as the admin's date-time fields take it."""
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%d %H:%M")


# --- What each page type needs ------------------------------------------------------------
# A recipe fills the fields a type requires beyond its title and returns texts a reader must
# then find on the public page.


def nothing_more(admin):
    return []


def body_paragraph(text):
    def recipe(admin):
        add_paragraph(admin, text)
        return [text]

    return recipe


def news_page(admin):
    expect(admin.locator("input[name=published_at]")).not_to_have_value("")
    return body_paragraph("המטה השיתופי מעדכן על הכנס הקרוב.")(admin)


def event_page(admin):
    admin.locator("select[name=kind]").select_option("regional_meeting")
    admin.locator("input[name=starts_at]").fill(future(30, 18))
    admin.locator("input[name=ends_at]").fill(future(30, 21))
    admin.locator("input[name=location]").fill("קיבוץ לדוגמה, חדר האוכל")
    return ["קיבוץ לדוגמה, חדר האוכל"]


def video_page(admin):
    admin.locator("input[name=video_url]").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    expect(admin.locator("input[name=published_at]")).not_to_have_value("")
    return []


def gallery_page(admin):
    # The chooser opens on the latest images, newest first.
    image = get_image_model().objects.order_by("-created_at", "-pk").first()
    chooser = admin.locator("#id_images-0-image-chooser")
    choose(
        admin,
        chooser.get_by_role("button", name=CHOOSE_IMAGE),
        lambda modal: modal.get_by_title(image.title, exact=True),
    )
    expect(chooser.locator("[data-chooser-title]")).to_have_text(image.title)
    admin.locator("input[name=images-0-alt_text]").fill("חברי קיבוץ בשיחה במפגש")
    admin.locator("input[name=images-0-caption]").fill("המפגש האזורי בצפון")
    return ["המפגש האזורי בצפון"]


def publication_page(admin):
    document = get_document_model().objects.order_by("-created_at", "-pk").first()
    admin.locator("select[name=kind]").select_option("booklet")
    expect(admin.locator("input[name=published_at]")).not_to_have_value("")
    chooser = admin.locator("#id_document-chooser")
    choose(
        admin,
        chooser.get_by_role("button", name=CHOOSE_DOCUMENT),
        lambda modal: modal.get_by_role("link", name=document.title, exact=True),
    )
    expect(chooser.locator("[data-chooser-title]")).to_have_text(document.title)
    return []


def newsletter_issue_page(admin):
    admin.locator("input[name=subject]").fill("הגיליון החודשי של המטה השיתופי")
    expect(admin.locator("input[name=issue_date]")).not_to_have_value("")
    return body_paragraph("שלום לחברות ולחברים, הנה עדכוני החודש.")(admin)


RECIPES = {
    "home.HomePage": nothing_more,
    "home.StandardPage": nothing_more,
    "home.ContactPage": nothing_more,
    "home.VisionPage": body_paragraph("ערכי השוויון והשותפות מנחים את דרכנו."),
    "news.NewsIndexPage": nothing_more,
    "news.NewsPage": news_page,
    "media.MediaIndexPage": nothing_more,
    "media.EventPage": event_page,
    "media.VideoPage": video_page,
    "media.GalleryPage": gallery_page,
    "media.PublicationPage": publication_page,
    "media.WorkPlanPage": nothing_more,
    "newsletter.NewsletterIndexPage": nothing_more,
    "newsletter.NewsletterIssuePage": newsletter_issue_page,
    "legal.LegalRequestPage": nothing_more,
}


# --- What readers see ---------------------------------------------------------------------


@pytest.fixture
def reader(browser):
    """A tab without the editor's cookies: what any visitor (and the page cache) gets."""
    return browser.new_context().new_page()


def expect_public(reader, url, title, texts=()):
    response = reader.goto(url)
    assert response.status == 200, f"{url} answered {response.status}"
    html = reader.locator("html")
    expect(html).to_have_attribute("lang", "he")
    expect(html).to_have_attribute("dir", "rtl")
    expect(reader.locator("main h1")).to_have_text(title)
    for text in texts:
        expect(reader.locator("main")).to_contain_text(text)


def expect_gone(reader, url):
    response = reader.goto(url)
    assert response.status == 404, f"{url} still answers {response.status} after deletion"


def serve_spare_home(home, site_url):
    """A home page at the root is no site's root, so nothing under it has an address. A site
    (which only administrators may create) on the live server's other loopback name gives
    it one: the record is made here, as an administrator would."""
    address = urlsplit(site_url)
    hostname = "127.0.0.1" if address.hostname == "localhost" else "localhost"
    Site.objects.create(hostname=hostname, port=address.port, root_page=home, site_name=home.title)
    return home.specific.full_url


def parent_for(model, spare_home, site_root):
    """Where the editor adds a page of this type: under a Hebrew page of the site that has
    room for it, or under the spare home for the types allowed once per parent."""
    for parent_model in model.allowed_parent_page_models():
        candidates = parent_model.objects.descendant_of(site_root, inclusive=True).filter(
            locale__language_code="he"
        )
        for candidate in candidates.order_by("path"):
            if model.can_create_at(candidate):
                return candidate
    assert model.can_create_at(spare_home), f"nowhere to add a {label_of(model)}"
    return spare_home


def create_page(admin, site_url, parent, model, title, problems):
    """Adds and publishes a page of `model` under `parent`; returns it with the texts its
    public page must show."""
    add_child(admin, site_url, parent, model)
    note_accessibility(admin, problems)
    type_title(admin, title)
    # The address is made from the title as it is typed, in Latin letters.
    expect(admin.locator("input[name=slug]")).to_have_value(re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$"))
    texts = RECIPES[label_of(model)](admin)
    publish(admin)
    # Not parent.get_children(): treebeard answers "none" from the parent's cached child
    # count, which the admin changed behind this instance's back.
    children = Page.objects.child_of(parent)
    created = children.filter(title=title).first()
    assert created is not None, (
        f"no page {title!r} under {parent.title!r} after publishing; its children: "
        f"{list(children.values_list('title', 'content_type__model'))}"
    )
    created = created.specific
    assert isinstance(created, model)
    assert created.live
    assert created.locale.language_code == "he"
    return created, texts


def rename_page(admin, new_title, problems):
    """From the message after publishing: edit, change the title, publish."""
    edit_from_message(admin)
    note_accessibility(admin, problems)
    type_title(admin, new_title)
    publish(admin)


# --- The tests ----------------------------------------------------------------------------


@pytest.fixture
def files(site_url):
    """An image and a document: the newest, where the choosers open."""
    return ImageFactory(), DocumentFactory()


def test_an_editor_creates_edits_and_deletes_every_page_type(
    site_url, editor, files, page, reader, settings
):
    # Autosave (tested in test_admin_updates.py) would create each page from its add form
    # while the test presses "publish" on that same form: two pages with one slug.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    models = project_page_models()
    missing = [label_of(model) for model in models if label_of(model) not in RECIPES]
    assert not missing, f"no recipe for page type(s) {missing}: add one to RECIPES"
    problems = []
    site_root = Site.objects.get(is_default_site=True).root_page
    log_in(page, site_url, editor)

    # The spare home, at the root of the tree: the home page type's own run, and the parent
    # of the types the Hebrew home already has.
    title = f"{type_name(HomePage)} לבדיקה"
    spare_home, _texts = create_page(
        page, site_url, Page.get_first_root_node(), HomePage, title, problems
    )
    spare_home_url = serve_spare_home(spare_home, site_url)
    expect_public(reader, spare_home_url, title)
    title = f"{title} – מעודכן"
    rename_page(page, title, problems)
    expect_public(reader, spare_home_url, title)
    spare_home_title = title

    for model in models:
        if model is HomePage:
            continue
        parent = parent_for(model, spare_home, site_root)
        title = f"{type_name(model)} לבדיקה"
        created, texts = create_page(page, site_url, parent, model, title, problems)
        url = created.full_url
        assert url, f"{label_of(model)} under {parent.title} has no address"
        expect_public(reader, url, title, texts)

        title = f"{title} – מעודכן"
        rename_page(page, title, problems)
        expect_public(reader, url, title, texts)

        # The header's menu leads to the deletion as it does for the spare home, at the end.
        page.goto(f"{site_url}/admin/pages/{created.pk}/delete/")
        confirm_deletion(page, title)
        expect_gone(reader, url)
        assert not Page.objects.filter(pk=created.pk).exists()

    # Its children deleted, the spare home is a page without children: the editor may
    # delete it. Its address then falls back to the default site's home.
    open_explorer(page, site_url, spare_home)
    delete(page, spare_home_title)
    assert not Page.objects.filter(pk=spare_home.pk).exists()
    response = reader.goto(spare_home_url)
    assert response.status == 200
    expect(reader.locator("main h1")).to_have_text(site_root.title)

    assert not problems, "\n\n".join(problems)


def test_an_editor_adds_an_item_to_the_vision(site_url, editor, page, reader):
    vision = VisionPage.objects.get(locale__language_code="he")
    sections = [
        (index, block.value)
        for index, block in enumerate(vision.body)
        if block.block_type == "item_list"
    ]
    assert len(sections) > 1, "the seeded vision has fewer than two sections with items"
    index, section = sections[1]  # not the first: the item must land in the section chosen
    heading, count = section["heading"], len(section["items"])
    problems = []

    log_in(page, site_url, editor)
    open_explorer(page, site_url, vision.get_parent())
    page.locator("[data-listing-page-title]").get_by_role("link", name=vision.title).click()
    page.wait_for_url(re.compile(rf"/admin/pages/{vision.pk}/edit/$"))
    expect(page.locator(f"input[name='body-{index}-value-heading']")).to_have_value(heading)

    # The section's own list of items (not an item's sub-items): its last "add" button.
    items = page.locator(
        f"input[name='body-{index}-value-items-count'] ~ [data-streamfield-list-container]"
    )
    items.locator(":scope > button[data-streamfield-list-add]").last.click()
    new_item = page.locator(f"textarea[name='body-{index}-value-items-{count}-value-text']")
    new_item.fill(NEW_VISION_ITEM)
    note_accessibility(page, problems)
    publish(page)

    expect_public(reader, vision.full_url, vision.title)
    public_section = reader.locator("main section.item-list").filter(
        has=reader.get_by_role("heading", name=heading, exact=True)
    )
    expect(public_section).to_have_count(1)
    listed = public_section.locator(":scope > ul > li, :scope > ol > li")
    expect(listed).to_have_count(count + 1)
    expect(listed.last).to_have_text(NEW_VISION_ITEM)
    expect(reader.locator("main li", has_text=NEW_VISION_ITEM)).to_have_count(1)

    assert not problems, "\n\n".join(problems)
