"""What each process keeps until content changes (core/shell_cache.py): where an address
leads (core/routing.py) and fragments of markup (`{% keep %}`): later requests make fewer
queries, a change shows at once, and a draft's preview never feeds what readers get."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.html import soup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Every request renders its page: what is measured is what rendering keeps."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def update(home):
    return NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="עדכון ראשון")


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_a_known_address_is_routed_in_one_query(client, update):
    first = _queries(client, update.url)
    assert _queries(client, update.url) <= first - 4  # site, locale, home, index rows


def test_an_unpublished_or_renamed_page_is_routed_anew(client, update):
    old_url = update.url
    client.get(old_url)
    update.slug = "renamed"
    update.save_revision().publish()
    update.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(update.url).status_code == 200
    update.unpublish()
    assert client.get(update.url).status_code == 404


def test_kept_fragments_show_a_change_at_once(client, update):
    index_url = update.get_parent().url
    assert "עדכון ראשון" in soup(client.get(index_url)).select_one(".cards").get_text()
    update.title = "עדכון שני"
    update.save_revision().publish()
    assert "עדכון שני" in soup(client.get(index_url)).select_one(".cards").get_text()


def test_a_preview_is_neither_kept_nor_served_what_was_kept(client, update):
    client.get(update.url)  # the live page's fragments kept
    update.body = [("paragraph", "<p>טיוטה שלא פורסמה</p>")]
    preview = update.make_preview_request()
    assert "טיוטה שלא פורסמה" in preview.content.decode()
    public = client.get(update.url).content.decode()
    assert "טיוטה שלא פורסמה" not in public and "פסקה של העדכון" in public
