"""HQ updates: the index and its filters, an update, feeds; rules of the page tree."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.factories import translate
from home.factories import HomePageFactory
from home.models import HomePage
from media.factories import ImageFactory
from news.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage, NewsPage
from tests.html import html_lang_dir, soup
from tests.seeded import seeded_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def english_index(news_index, english):
    return translate(news_index, english, title="Updates")


def add_update(index, title, days_ago=0, **fields):
    page = NewsPageFactory(parent=index, title=title, days_ago=days_ago, **fields)
    page.save_revision().publish()
    return page


@pytest.fixture
def updates(news_index):
    """Thirteen updates, a day apart: one more than a page of the index."""
    return [NewsPageFactory(parent=news_index, days_ago=n) for n in range(13)]


def test_index_lists_updates_newest_first_in_pages_of_twelve(client, news_index, updates):
    page = soup(client.get(news_index.url))
    titles = [a.get_text() for a in page.select(".card__title a")]
    assert titles == [update.title for update in updates[:12]]
    assert page.select_one("nav.pagination a[rel=next]")["href"].endswith("page=2")
    second = soup(client.get(f"{news_index.url}?page=2"))
    assert [a.get_text() for a in second.select(".card__title a")] == [updates[12].title]


def test_index_filters_by_category_tag_and_year(client, news_index, updates):
    category = NewsCategoryFactory(locale=news_index.locale)
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
def test_hostile_query_strings_never_break_the_index(client, news_index, updates, query, status):
    response = client.get(f"{news_index.url}?{query}")
    assert response.status_code == status
    assert b"<script>alert(1)</script>" not in response.content


def test_update_page_shows_its_parts(client, news_index):
    update = NewsPageFactory(parent=news_index)
    response = client.get(update.url)
    page = soup(response)
    assert page.h1.get_text() == update.title
    published_at = timezone.localtime(update.published_at).isoformat()
    assert page.select_one("header time")["datetime"] == published_at
    assert html_lang_dir(response) == ("he", "rtl")
    assert page.select_one("meta[property='og:type']")["content"] == "article"


def test_english_updates_render_in_english(client, news_index, english_index, english):
    update = translate(NewsPageFactory(parent=news_index), english, title="An update")
    response = client.get(update.url)
    assert html_lang_dir(response) == ("en", "ltr")
    assert soup(response).h1.get_text() == "An update"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_parse_and_carry_the_latest_updates(client, news_index, kind):
    updates = [NewsPageFactory(parent=news_index, days_ago=n) for n in range(21)]
    response = client.get(f"{news_index.url}{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == news_index.title
    assert [e.title for e in feed.entries] == [update.title for update in updates[:20]]
    assert feed.feed.language == "he"


def test_english_feed_lists_english_updates(client, news_index, english_index, english):
    translate(NewsPageFactory(parent=news_index), english, title="An update")
    feed = feedparser.parse(client.get(f"{english_index.url}rss/").content)
    assert [e.title for e in feed.entries] == ["An update"]
    assert feed.entries[0].link.startswith("http://testserver/en/")


@pytest.mark.seeded
def test_home_shows_the_latest_three_updates(client):
    """The home lists the newest updates of its news index, the seeded one."""
    index = seeded_page(NewsIndexPage)
    now = timezone.now()
    latest = [
        NewsPageFactory(parent=index, published_at=now - datetime.timedelta(minutes=n))
        for n in range(4)
    ]
    titles = [a.get_text() for a in soup(client.get("/")).select(".latest-updates .card__title a")]
    assert titles == [update.title for update in latest[:3]]


class TestNewsTree(WagtailPageTestCase):
    def test_where_news_lives(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_an_editor_can_create_an_update(self):
        self.client.force_login(self.create_superuser("admin"))  # axes: no password login
        index = NewsIndexPageFactory(parent=HomePage.objects.get(locale__language_code="he"))
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

    def test_an_editor_can_create_a_news_index_under_a_home_page(self):
        self.client.force_login(self.create_superuser("admin"))  # axes: no password login
        home = HomePageFactory(parent=Page.get_first_root_node())
        self.assertCanCreate(
            home,
            NewsIndexPage,
            nested_form_data({"title": "עדכונים", "slug": "more-updates", "introduction": ""}),
        )


@pytest.fixture
def pictured(news_index):
    """An update with its main image."""
    return NewsPageFactory(parent=news_index, hero_image=ImageFactory(), hero_alt="חברי קיבוץ")


def test_card_images_are_responsive_lazy_and_sized(client, news_index, pictured):
    page = soup(client.get(news_index.url))
    picture = page.select_one(".card picture")
    assert picture.select_one("source[type='image/webp']")["srcset"].count("w,") >= 1
    img = picture.img
    assert img["loading"] == "lazy"
    assert img["width"] and img["height"]
    assert img["alt"] == "חברי קיבוץ"


def test_the_update_image_is_not_lazy(client, pictured):
    img = soup(client.get(pictured.url)).select_one(".figure--hero img")
    assert "loading" not in img.attrs
    assert img["width"] and img["height"]


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


@pytest.mark.parametrize(
    ("address", "language"), [("/", "he"), ("/en/", "en"), ("/search/?q=x", "he")]
)
def test_every_page_announces_the_updates_feeds_in_its_language(client, address, language):
    head = soup(client.get(address)).head
    for kind in ("application/rss+xml", "application/atom+xml"):
        (link,) = head.select(f"link[rel=alternate][type='{kind}']")
        feed = feedparser.parse(client.get(link["href"]).content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.language == language
        assert feed.entries


def test_a_categorys_listing_links_a_feed_of_that_category(client, news_index):
    category = NewsCategoryFactory(name="כלכלה", slug="economy")
    in_category = NewsPageFactory(parent=news_index, title="עדכון כלכלי")
    in_category.categories.add(category)
    in_category.save_revision().publish()
    NewsPageFactory(parent=news_index, title="עדכון אחר")
    listing = soup(client.get(f"{news_index.url}?category=economy"))
    for kind in ("rss", "atom"):
        (link,) = listing.select(f"main a[href$='{kind}/?category=economy']")
        head_link = listing.head.select_one(f"link[href='{link['href']}']")
        assert head_link["title"].startswith(f"{news_index.title}: כלכלה")
        feed = feedparser.parse(client.get(link["href"]).content)
        assert feed.feed.title == f"{news_index.title}: כלכלה"
        assert [entry.title for entry in feed.entries] == ["עדכון כלכלי"]
    assert not soup(client.get(news_index.url)).select("a[href*='rss/?category=']")


@pytest.mark.seeded
def test_the_announced_feeds_follow_a_renamed_updates_index(client):
    index = seeded_page(NewsIndexPage, "he")
    assert f"{index.title} (RSS)" in str(soup(client.get("/")).head)
    index.title = "חדשות המטה"
    index.save_revision().publish()
    assert "חדשות המטה (RSS)" in str(soup(client.get("/")).head)
