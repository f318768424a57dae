"""What search engines read: sitemap with language alternates, robots.txt, structured data."""

import json

import pytest
from defusedxml import ElementTree

from tests.html import soup

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_both_languages_with_alternates(client, site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)
    entries = {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in tree.findall("s:url", NS)
    }
    vision_he, vision_en = f"{site.root_url}/vision/", f"{site.root_url}/en/vision/"
    assert entries[vision_he] == {"he": vision_he, "en": vision_en}
    assert entries[vision_en] == {"he": vision_he, "en": vision_en}
    assert f"{site.root_url}/en/" in entries


def test_robots_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def _json_ld(response):
    return [
        json.loads(s.string) for s in soup(response).select("script[type='application/ld+json']")
    ]


def test_home_describes_the_organization(client):
    (data,) = _json_ld(client.get("/"))
    assert data["@type"] == "Organization"
    assert data["telephone"] == "03-6925418"
    assert data["name"] == "התאגדות הקיבוצים השיתופיים"


def test_news_page_is_a_news_article(client, home):
    from news.models import NewsIndexPage

    update = NewsIndexPage.objects.child_of(home).get().updates().first()
    (data,) = _json_ld(client.get(update.url))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == update.title
    assert data["inLanguage"] == "he"


def test_event_page_is_an_event(client):
    (data,) = _json_ld(client.get("/media/annual-conference/"))
    assert data["@type"] == "Event"
    assert data["startDate"].endswith("+02:00") or data["startDate"].endswith("+03:00")
    assert data["location"]["name"]


def test_json_ld_cannot_close_its_script_element(home, rf):
    from core.templatetags.seo_tags import json_ld

    html = json_ld({"headline": "</script><script>alert(1)</script>"})
    assert html.count("</script>") == 1


def test_pages_carry_open_graph_and_canonical(client):
    page = soup(client.get("/en/vision/"))
    assert page.select_one("link[rel=canonical]")["href"] == "http://testserver/en/vision/"
    assert page.select_one("meta[property='og:locale']")["content"] == "en_US"
    assert page.select_one("meta[property='og:title']")["content"] == "Our vision"
    assert page.select_one("meta[property='twitter:card']")["content"] == "summary"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/search/?q=חזון", "/vision/"),
        ("/en/search/?q=vision", "/en/vision/"),
    ],
)
def test_search_finds_pages_in_the_readers_language(client, url, expected):
    links = [a["href"] for a in soup(client.get(url)).select(".search-results a")]
    assert expected in links
    english = url.startswith("/en/")
    assert all(link.startswith("/en/") == english for link in links), links


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


def test_search_beyond_the_last_page_is_not_found(client):
    assert client.get("/search/?q=חזון&page=999").status_code == 404
