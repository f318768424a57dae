"""HQ updates: the index and its filters, an update, feeds; rules of the page tree."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import NewsCategory, NewsIndexPage, NewsPage
from tests.html import html_lang_dir, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home):
    return NewsIndexPage.objects.child_of(home).get()


def add_update(index, title, days_ago=0, **fields):
    published_at = timezone.now() - datetime.timedelta(days=days_ago)
    page = index.add_child(
        instance=NewsPage(title=title, published_at=published_at, body=[], **fields)
    )
    page.save_revision().publish()
    return page


def test_index_lists_updates_newest_first_in_pages_of_twelve(client, news_index):
    page = soup(client.get(news_index.url))
    titles = [a.get_text() for a in page.select(".card__title a")]
    expected = [p.title for p in news_index.updates()[:12]]
    assert titles == expected
    assert page.select_one("nav.pagination a[rel=next]")["href"].endswith("page=2")


def test_index_filters_by_category_tag_and_year(client, news_index):
    category = NewsCategory.objects.create(name="בדיקה", slug="test-cat", locale=news_index.locale)
    tagged = add_update(news_index, "עדכון מתויג", days_ago=400)
    tagged.categories.add(category)
    tagged.tags.add("מיוחד")
    tagged.save_revision().publish()
    year = str(tagged.published_at.year)
    for query in (f"category={category.slug}", "tag=מיוחד", f"year={year}&tag=מיוחד"):
        titles = [
            a.get_text()
            for a in soup(client.get(f"{news_index.url}?{query}")).select(".card__title a")
        ]
        assert titles == ["עדכון מתויג"], query


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("page=abc", 200),
        ("page=-1", 404),
        ("page=99999", 404),
        ("tag=<script>alert(1)</script>", 200),
        ("category=" + "x" * 5000, 200),
        ("year=abcd", 200),
        ("year=99999999999999999999", 200),
    ],
)
def test_hostile_query_strings_never_break_the_index(client, news_index, query, status):
    response = client.get(f"{news_index.url}?{query}")
    assert response.status_code == status
    assert b"<script>alert(1)</script>" not in response.content


def test_update_page_shows_its_parts(client, news_index):
    update = news_index.updates().first()
    response = client.get(update.url)
    page = soup(response)
    assert page.h1.get_text() == update.title
    published_at = timezone.localtime(update.published_at).isoformat()
    assert page.select_one("header time")["datetime"] == published_at
    assert html_lang_dir(response) == ("he", "rtl")
    assert page.select_one("meta[property='og:type']")["content"] == "article"


def test_english_updates_render_in_english(client, news_index, english):
    translated = [p for p in news_index.updates() if p.get_translation_or_none(english)]
    assert len(translated) >= 2
    response = client.get(translated[0].get_translation(english).url)
    assert html_lang_dir(response) == ("en", "ltr")


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_parse_and_carry_the_latest_updates(client, news_index, kind):
    response = client.get(f"{news_index.url}{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == news_index.title
    assert [e.title for e in feed.entries] == [p.title for p in news_index.updates()[:20]]
    assert feed.feed.language == "he"


def test_english_feed_lists_english_updates(client, news_index, english):
    index = news_index.get_translation(english)
    feed = feedparser.parse(client.get(f"{index.url}rss/").content)
    assert feed.entries and all(e.link.startswith("http://testserver/en/") for e in feed.entries)


def test_home_shows_the_latest_three_updates(client, news_index):
    titles = [a.get_text() for a in soup(client.get("/")).select(".latest-updates .card__title a")]
    assert titles == [p.title for p in news_index.updates()[:3]]


class TestNewsTree(WagtailPageTestCase):
    def test_where_news_lives(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_an_editor_can_create_an_update(self):
        self.client.force_login(self.create_superuser("admin"))  # axes: no password login
        index = NewsIndexPage.objects.get(locale__language_code="he")
        self.assertCanCreate(
            index,
            NewsPage,
            nested_form_data(
                {
                    "title": "מפגש אזורי בצפון",
                    "slug": "north-meeting",
                    "introduction": "נפגשנו עם מזכירויות הקיבוצים.",
                    "published_at": "2026-11-01 10:00",
                    "hero_alt": "",
                    "body": streamfield([("paragraph", rich_text("<p>היה מפגש טוב.</p>"))]),
                    "related_pages": inline_formset([]),
                    "tags": "",
                }
            ),
        )


def test_card_images_are_responsive_lazy_and_sized(client, news_index):
    page = soup(client.get(news_index.url))
    picture = page.select_one(".card picture")
    assert picture.select_one("source[type='image/webp']")["srcset"].count("w,") >= 1
    img = picture.img
    assert img["loading"] == "lazy"
    assert img["width"] and img["height"]
    assert img["alt"]


def test_the_update_image_is_not_lazy(client, news_index):
    update = news_index.updates().first()
    img = soup(client.get(update.url)).select_one(".figure--hero img")
    assert "loading" not in img.attrs
    assert img["width"] and img["height"]

    def test_an_editor_can_create_a_news_index_under_a_home_page(self):
        self.client.force_login(self.create_superuser("admin"))  # axes: no password login
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="בית שני", slug="second-home")
        )
        self.assertCanCreate(
            home,
            NewsIndexPage,
            nested_form_data({"title": "עדכונים", "slug": "more-updates", "introduction": ""}),
        )


def test_routing_an_update_keeps_wagtails_rules(client, news_index):
    """The index's one-query route: a live update answers, an unpublished one is a 404, and
    an update whose slug is a feed's name does not hide the feed."""
    update = add_update(news_index, "עדכון לבדיקת ניתוב")
    assert client.get(update.url).status_code == 200
    update.unpublish()
    assert client.get(update.url).status_code == 404
    add_update(news_index, "rss", slug="rss")
    response = client.get(f"{news_index.url}rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
