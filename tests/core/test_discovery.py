"""What search engines read: sitemap with language alternates, robots.txt, structured data."""

import json

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from core.factories import translate
from core.models import SiteSettings
from core.templatetags.seo_tags import json_ld
from home.factories import StandardPageFactory
from media.factories import EventPageFactory, MediaIndexPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.html import soup

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def translated(home, english):
    """A Hebrew page and its English translation, each with a word of its own to search."""
    page = StandardPageFactory(parent=home, title="עמוד על שיתופיות")
    return page, translate(page, english, title="A page on cooperation")


def test_sitemap_lists_both_languages_with_alternates(client, site, translated):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)
    entries = {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in tree.findall("s:url", NS)
    }
    hebrew, english = (page.full_url for page in translated)
    assert entries[hebrew] == {"he": hebrew, "en": english}
    assert entries[english] == {"he": hebrew, "en": english}
    assert f"{site.root_url}/en/" in entries


def test_robots_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def _json_ld(response):
    return [
        json.loads(s.string) for s in soup(response).select("script[type='application/ld+json']")
    ]


def test_home_describes_the_organization(client, site):
    settings = SiteSettings.for_site(site)
    settings.phone = "03-1234567"
    settings.save()
    (data,) = _json_ld(client.get("/"))
    assert data["@type"] == "Organization"
    assert data["telephone"] == "03-1234567"
    assert data["name"] == "התאגדות הקיבוצים השיתופיים"


def test_news_page_is_a_news_article(client, home):
    update = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))
    (data,) = _json_ld(client.get(update.url))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == update.title
    assert data["inLanguage"] == "he"


def test_event_page_is_an_event(client, home):
    event = EventPageFactory(parent=MediaIndexPageFactory(parent=home))
    (data,) = _json_ld(client.get(event.url))
    assert data["@type"] == "Event"
    assert data["startDate"] == timezone.localtime(event.starts_at).isoformat()
    assert data["startDate"].endswith(("+02:00", "+03:00"))
    assert data["location"]["name"] == event.location


def test_json_ld_cannot_close_its_script_element(home, rf):
    html = json_ld({"headline": "</script><script>alert(1)</script>"})
    assert html.count("</script>") == 1


def test_pages_carry_open_graph_and_canonical(client, translated):
    english = translated[1]
    page = soup(client.get(english.url))
    assert page.select_one("link[rel=canonical]")["href"] == english.full_url
    assert page.select_one("meta[property='og:locale']")["content"] == "en_US"
    assert page.select_one("meta[property='og:title']")["content"] == english.title
    assert page.select_one("meta[property='twitter:card']")["content"] == "summary"


@pytest.mark.parametrize(
    ("prefix", "word", "language"), [("", "שיתופיות", 0), ("/en", "cooperation", 1)]
)
def test_search_finds_pages_in_the_readers_language(client, translated, prefix, word, language):
    links = [
        a["href"]
        for a in soup(client.get(f"{prefix}/search/?q={word}")).select(".search-results a")
    ]
    assert translated[language].url in links
    assert all(link.startswith("/en/") == bool(prefix) for link in links), links


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=",
        "q=zzzxqv",
        "q=" + "א" * 5000,
        "q=<script>",
        "q=חזון&page=abc",
        'q="',
        "q='",
        "q=*",
        "q=a OR (b",
        "q=NEAR(",
        "q=%E2%80%AE",
    ],
)
def test_search_handles_empty_odd_and_hostile_queries(client, query):
    response = client.get(f"/search/?{query}")
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"</head>")[1]


def test_search_beyond_the_last_page_is_not_found(client, translated):
    assert client.get("/search/?q=שיתופיות").status_code == 200
    assert client.get("/search/?q=שיתופיות&page=999").status_code == 404
