"""The media index lists its live, public items, newest first, with upcoming events apart;
it filters by kind, pages by twelve and survives any query string. (Its number of queries:
tests/core/test_query_counts.py.)"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from media.factories import (
    DocumentFactory,
    EventPageFactory,
    GalleryPageFactory,
    PublicationPageFactory,
    VideoPageFactory,
)
from tests.html import soup

pytestmark = pytest.mark.django_db


def _days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def _titles(page, section):
    return [a.get_text() for a in page.select(f"{section} .media-card__title a")]


LIST = "section[aria-labelledby='media-items']"
UPCOMING = "section[aria-labelledby='upcoming-events']"


@pytest.fixture
def one_of_each(media_index, image):
    document = DocumentFactory()
    return {
        "video": VideoPageFactory(
            parent=media_index, title="סרטון", thumbnail=image, published_at=_days_ago(10)
        ),
        "gallery": GalleryPageFactory(
            parent=media_index, title="גלריה", images=[image], published_at=_days_ago(5)
        ),
        "publication": PublicationPageFactory(
            parent=media_index,
            title="חוברת",
            cover=image,
            document=document,
            published_at=_days_ago(20),
        ),
        "past": EventPageFactory(
            parent=media_index,
            title="מפגש שהיה",
            starts_at=timezone.now() - datetime.timedelta(days=7),
        ),
        "soon": EventPageFactory(
            parent=media_index,
            title="סדנה קרובה",
            starts_at=timezone.now() + datetime.timedelta(days=3),
        ),
        "later": EventPageFactory(
            parent=media_index, title="כנס", starts_at=timezone.now() + datetime.timedelta(days=40)
        ),
    }


def test_items_are_listed_newest_first_with_upcoming_events_apart(client, media_index, one_of_each):
    page = soup(client.get(media_index.url))
    assert _titles(page, UPCOMING) == ["סדנה קרובה", "כנס"]
    assert _titles(page, LIST) == ["גלריה", "מפגש שהיה", "סרטון", "חוברת"]
    assert page.select_one(f"{UPCOMING} h2")
    assert page.select(f"{LIST} .media-card--video img[alt='']"), "card pictures are decorative"


def test_an_event_under_way_is_still_upcoming(client, media_index):
    EventPageFactory(
        parent=media_index,
        title="כנס עכשיו",
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    page = soup(client.get(media_index.url))
    assert _titles(page, UPCOMING) == ["כנס עכשיו"]
    assert _titles(page, LIST) == []


def test_drafts_and_private_items_are_not_listed(client, media_index, one_of_each):
    one_of_each["video"].unpublish()
    PageViewRestriction.objects.create(
        page=one_of_each["gallery"], restriction_type="password", password="secret"
    )
    page = soup(client.get(media_index.url))
    assert _titles(page, LIST) == ["מפגש שהיה", "חוברת"]


@pytest.mark.parametrize(
    ("kind", "upcoming", "listed"),
    [
        ("video", None, ["סרטון"]),
        ("gallery", None, ["גלריה"]),
        ("publication", None, ["חוברת"]),
        ("event", ["סדנה קרובה", "כנס"], ["מפגש שהיה"]),
    ],
)
def test_filter_by_kind(client, media_index, one_of_each, kind, upcoming, listed):
    page = soup(client.get(f"{media_index.url}?kind={kind}"))
    assert _titles(page, LIST) == listed
    if upcoming is None:
        assert not page.select(UPCOMING)
    else:
        assert _titles(page, UPCOMING) == upcoming
    current = page.select_one(".media-filter a[aria-current='page']")
    assert current["href"] == f"{media_index.url}?kind={kind}"


@pytest.mark.parametrize(
    "query", ["?kind=<script>alert(1)</script>", "?kind=", "?kind=Video", "?kind[]=video"]
)
def test_an_unknown_kind_shows_everything(client, media_index, one_of_each, query):
    response = client.get(media_index.url + query)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    page = soup(response)
    assert len(_titles(page, LIST)) == 4
    assert page.select_one(".media-filter a[aria-current='page']")["href"] == media_index.url


@pytest.fixture
def thirteen_videos(media_index, image):
    return [
        VideoPageFactory(
            parent=media_index, title=f"סרטון {n:02}", thumbnail=image, published_at=_days_ago(n)
        )
        for n in range(13)
    ]


def test_twelve_items_to_a_page(client, media_index, thirteen_videos):
    first = soup(client.get(media_index.url))
    assert len(_titles(first, LIST)) == 12
    assert _titles(first, LIST)[0] == "סרטון 00"
    next_link = first.select_one(".pagination a[rel='next']")
    assert next_link["href"] == "?page=2"
    second = soup(client.get(media_index.url + next_link["href"]))
    assert _titles(second, LIST) == ["סרטון 12"]
    assert second.select_one(".pagination a[rel='prev']")["href"] == "?page=1"
    assert not second.select(UPCOMING), "upcoming events are shown on the first page only"


def test_pagination_keeps_the_kind(client, media_index, thirteen_videos):
    page = soup(client.get(media_index.url + "?kind=video"))
    assert page.select_one(".pagination a[rel='next']")["href"] == "?kind=video&page=2"


@pytest.mark.parametrize(
    ("query", "first_title"),
    [
        ("?page=abc", "סרטון 00"),
        ("?page=", "סרטון 00"),
        ("?page=99999", "סרטון 12"),
        ("?page=-1", "סרטון 12"),
        ("?page=1.5", "סרטון 00"),
        ("?page=2&page=x", "סרטון 00"),
    ],
)
def test_bad_page_numbers_never_fail(client, media_index, thirteen_videos, query, first_title):
    response = client.get(media_index.url + query)
    assert response.status_code == 200
    assert _titles(soup(response), LIST)[0] == first_title


def test_an_empty_index_says_so(client, media_index):
    page = soup(client.get(media_index.url))
    assert page.select_one(f"{LIST} .media-section__empty")
    assert page.select_one(f"{UPCOMING} .media-section__empty")
