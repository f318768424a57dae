"""The page cache is emptied by what visitors see, not by editors' work (issue 18): an
editor's autosaves, drafts, revisions, workflow steps and locks leave every stored page
served, and each kind of public change shows at once. Run with the memory cache of the tests
and with Redis, as in production."""

import uuid

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail import hooks
from wagtail.actions.move_page import MovePageAction
from wagtail.models import PageViewRestriction

from core import page_cache
from core.groups import EDITORS
from core.illustrations import pdf_file
from core.models import SiteSettings
from core.seed.groups import ensure_groups
from media.factories import DocumentFactory, ImageFactory, PublicationPageFactory
from members.factories import UserFactory
from news.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage
from tests.news.forms import update_form
from tests.redis_cache import redis_cache, remove_keys

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "טיוטה שהעורך עוד כותב"
NEW_TITLE = "כותרת שפורסמה עכשיו"
CARD_CROP = "format-webp|fill-400x225"  # one of the renditions of a card on the index


@pytest.fixture(autouse=True, params=["memory", "redis"])
def backend(request, settings):
    """Every test twice: in the process's memory, and in Redis under a key prefix of its
    own (its keys are removed after it)."""
    if request.param == "redis":
        prefix = f"page-cache-invalidation-{uuid.uuid4().hex}"
        settings.CACHES = {**settings.CACHES, "default": redis_cache(prefix)}
        yield
        remove_keys(prefix)
    else:
        yield


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def editor(client, home):
    ensure_groups()
    client.force_login(UserFactory(groups=[EDITORS]))
    return client


@pytest.fixture
def index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def update(index):
    return NewsPageFactory(parent=index)


def _warm(visitor, url):
    visitor.get(url)
    assert visitor.get(url)["X-Page-Cache"] == "hit"


def _edit(editor, update, more=None, title=DRAFT_TITLE, **headers):
    """The editor posts the update's form in the admin, with `more` fields (an action)."""
    data = {**update_form(title, update.slug), **(more or {})}
    return editor.post(reverse("wagtailadmin_pages:edit", args=(update.pk,)), data, **headers)


# Editors' work: each returns a check that it did what it says.


def _autosave(editor, update, index):
    """What Wagtail 8's editor does while one types: it posts the form to the edit view for
    JSON half a second after each change, overwriting its own revision after the first."""
    first = _edit(editor, update, HTTP_ACCEPT="application/json").json()
    overwrite = {"overwrite_revision_id": first["revision_id"]}
    again = _edit(editor, update, overwrite, HTTP_ACCEPT="application/json").json()
    assert first["success"] and again["success"]
    assert again["revision_id"] == first["revision_id"]  # overwritten, not a new one
    return lambda page: page.draft_title == DRAFT_TITLE


def _save_draft(editor, update, index):
    assert _edit(editor, update).status_code == 302
    return lambda page: page.draft_title == DRAFT_TITLE and page.has_unpublished_changes


def _revision_in_code(editor, update, index):
    update.title = DRAFT_TITLE
    revision = update.save_revision()
    return lambda page: page.latest_revision == revision


def _submit_to_workflow(editor, update, index):
    assert _edit(editor, update, {"action-submit": "1"}).status_code == 302
    return lambda page: page.current_workflow_state.status == "in_progress"


def _lock(editor, update, index):
    editor.post(reverse("wagtailadmin_pages:lock", args=(update.pk,)))
    return lambda page: page.locked


def _new_draft_page(editor, update, index):
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))
    assert editor.post(add, update_form(DRAFT_TITLE, "new-draft")).status_code == 302
    return lambda page: not NewsPage.objects.get(slug="new-draft").live


EDITORS_WORK = {
    "autosave": _autosave,
    "draft saved in the admin": _save_draft,
    "revision saved in code": _revision_in_code,
    "submitted to the workflow": _submit_to_workflow,
    "locked": _lock,
    "new draft page": _new_draft_page,
}


@pytest.mark.parametrize("work", EDITORS_WORK.values(), ids=EDITORS_WORK.keys())
def test_editors_work_leaves_the_cache_warm(visitor, editor, index, update, work):
    for url in (update.url, index.url):
        _warm(visitor, url)
    did_it = work(editor, update, index)
    assert did_it(NewsPage.objects.get(pk=update.pk))
    for url in (update.url, index.url):
        response = visitor.get(url)
        assert response["X-Page-Cache"] == "hit"
        assert DRAFT_TITLE not in response.content.decode()


# Public changes: each takes the news index and an editor, makes what it changes, and returns
# the address to keep warm, the change, and what the fresh page shows.


def _publish(index, editor):
    update = NewsPageFactory(parent=index)

    def change():
        assert _edit(editor, update, {"action-publish": "1"}, title=NEW_TITLE).status_code == 302

    return update.url, change, lambda response: NEW_TITLE in response.content.decode()


def _unpublish(index, editor):
    update = NewsPageFactory(parent=index)
    return update.url, update.unpublish, lambda response: response.status_code == 404


def _move(index, editor):
    update = NewsPageFactory(parent=index, title=NEW_TITLE)
    other = NewsIndexPageFactory(parent=index.get_parent())

    def change():
        MovePageAction(update, other, pos="last-child").execute()

    return index.url, change, lambda response: NEW_TITLE not in response.content.decode()


def _delete(index, editor):
    update = NewsPageFactory(parent=index)
    return update.url, update.delete, lambda response: response.status_code == 404


def _snippet(index, editor):
    category = NewsCategoryFactory(name="שם ישן")
    update = NewsPageFactory(parent=index)
    update.categories.add(category)
    update.save_revision().publish()

    def change():
        category.name = NEW_TITLE
        category.save()

    return update.url, change, lambda response: NEW_TITLE in response.content.decode()


def _site_setting(index, editor):
    settings = SiteSettings.for_site(index.get_site())

    def change():
        settings.phone = "04-7654321"
        settings.save()

    return "/", change, lambda response: "04-7654321" in response.content.decode()


def _image(index, editor):
    """A new focal point crops the update's card on the index anew."""
    image = ImageFactory()
    NewsPageFactory(parent=index, hero_image=image, hero_alt="תיאור")

    def change():
        image.focal_point_x, image.focal_point_y = 10, 10
        image.focal_point_width = image.focal_point_height = 20
        image.save()

    def shows(response):
        return image.get_rendition(CARD_CROP).url in response.content.decode()

    return index.url, change, shows


def _document(index, editor):
    """A new file for the publication's document. Rendering the page records the file's size
    (`get_file_size` saves it) and stays cached: the size of an unchanged file is no change."""
    document = DocumentFactory()
    publication = PublicationPageFactory(parent=index.get_parent(), document=document)

    def change():
        document.file = pdf_file(document.title, ["Second edition"], "second-edition.pdf")
        document.file_size = None
        document.save()

    return publication.url, change, lambda response: "second-edition" in response.content.decode()


def _view_restriction(index, editor):
    update = NewsPageFactory(parent=index)

    def change():
        PageViewRestriction.objects.create(page=update, restriction_type=PageViewRestriction.LOGIN)

    return update.url, change, lambda response: response.status_code == 302


PUBLIC_CHANGES = {
    "published": _publish,
    "unpublished": _unpublish,
    "moved": _move,
    "deleted": _delete,
    "snippet": _snippet,
    "site setting": _site_setting,
    "image": _image,
    "document": _document,
    "view restriction": _view_restriction,
}


@pytest.mark.parametrize("case", PUBLIC_CHANGES.values(), ids=PUBLIC_CHANGES.keys())
def test_a_public_change_shows_at_once(visitor, editor, index, case):
    url, change, shows = case(index, editor)
    _warm(visitor, url)
    change()
    response = visitor.get(url)
    assert response.get("X-Page-Cache") != "hit"
    assert shows(response)


def test_an_app_declares_what_else_public_pages_show_with_a_hook(visitor, update):
    _warm(visitor, update.url)
    Group.objects.create(name="לא מוצג באתר")
    assert visitor.get(update.url)["X-Page-Cache"] == "hit"

    with hooks.register_temporarily(page_cache.MODELS_HOOK, lambda: [Group]):
        page_cache._public_models.cache_clear()
        try:
            Group.objects.create(name="מוצג באתר")
        finally:
            page_cache._public_models.cache_clear()
    assert visitor.get(update.url)["X-Page-Cache"] == "miss"
