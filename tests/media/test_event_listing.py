"""The events of the media index (?kind=event) filter by region (its own and the national
events) and by type, upcoming and past alike; the listing announces the calendar feeds. The
home page shows the next three upcoming events."""

import datetime

import pytest
from django.utils import timezone

from media.factories import EventPageFactory
from media.models import MediaIndexPage
from tests.html import soup

pytestmark = pytest.mark.django_db

UPCOMING = "section[aria-labelledby='upcoming-events'] .media-card__title a"
PAST = "section[aria-labelledby='media-items'] .media-card__title a"


def _in(days):
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)


@pytest.fixture
def events(media_index):
    def event(title, days, region, kind="workshop"):
        return EventPageFactory(
            parent=media_index, title=title, starts_at=_in(days), region=region, kind=kind
        )

    return [
        event("סדנה בצפון", 3, "north"),
        event("ביקור בדרום", 4, "south", "kibbutz_visit"),
        event("הכנס השנתי", 5, "national", "annual_conference"),
        event("סדנה שהייתה בצפון", -10, "north"),
        event("מפגש שהיה בדרום", -20, "south", "regional_meeting"),
    ]


def _listed(client, index, query):
    page = soup(client.get(index.url, {"kind": "event", **query}))
    return [a.get_text() for a in page.select(UPCOMING)], [a.get_text() for a in page.select(PAST)]


def test_every_event_without_a_filter(client, media_index, events):
    upcoming, past = _listed(client, media_index, {})
    assert upcoming == ["סדנה בצפון", "ביקור בדרום", "הכנס השנתי"]
    assert past == ["סדנה שהייתה בצפון", "מפגש שהיה בדרום"]


def test_a_region_shows_its_events_and_the_national_ones(client, media_index, events):
    upcoming, past = _listed(client, media_index, {"region": "north"})
    assert upcoming == ["סדנה בצפון", "הכנס השנתי"]
    assert past == ["סדנה שהייתה בצפון"]


def test_a_type_with_a_region(client, media_index, events):
    assert _listed(client, media_index, {"region": "south", "type": "regional_meeting"}) == (
        [],
        ["מפגש שהיה בדרום"],
    )
    assert _listed(client, media_index, {"type": "kibbutz_visit"}) == (["ביקור בדרום"], [])


@pytest.mark.parametrize("query", [{"region": "atlantis"}, {"type": "x"}, {"region": "national"}])
def test_unknown_values_are_ignored(client, media_index, events, query):
    upcoming, past = _listed(client, media_index, query)
    assert len(upcoming) == 3 and len(past) == 2


def test_the_form_keeps_the_choice_and_works_without_javascript(client, media_index, events):
    page = soup(client.get(media_index.url, {"kind": "event", "region": "south"}))
    form = page.select_one("form.filters")
    assert form["method"] == "get"
    assert form.select_one("input[name=kind]")["value"] == "event"
    assert form.select_one("#filter-region option[selected]")["value"] == "south"
    assert page.select_one("label[for=filter-type]") is not None


def test_the_listing_announces_the_feeds(client, media_index):
    page = soup(client.get(media_index.url, {"kind": "event", "region": "north"}))
    (alternate,) = page.select("link[rel=alternate][type='text/calendar']")
    assert alternate["href"] == f"{media_index.url}calendar/?region=north"
    links = [a["href"] for a in page.select("[data-event-feeds] a")]
    assert links[0] == f"{media_index.url}calendar/"
    assert f"{media_index.url}calendar/?region=south" in links


def test_a_past_event_keeps_its_page_marked_as_past(client, events):
    page = soup(client.get(events[3].url))
    assert page.select_one("[data-event-status]")["data-event-status"] == "past"


@pytest.fixture
def only_index(home, media_index):
    """The home page's media index is its first: the test's own, alone."""
    MediaIndexPage.objects.child_of(home).exclude(pk=media_index.pk).unpublish()
    return media_index


def test_the_home_page_shows_the_next_three_events(client, home, only_index, events):
    EventPageFactory(parent=only_index, title="מאוחר יותר", starts_at=_in(30))
    page = soup(client.get(home.url))
    section = page.select_one("[data-next-events]")
    assert [a.get_text() for a in section.select("li > a")] == [
        "סדנה בצפון",
        "ביקור בדרום",
        "הכנס השנתי",
    ]
    assert section.select_one("a.button")["href"] == f"{only_index.url}?kind=event"


def test_the_home_page_without_upcoming_events_has_no_section(client, home, only_index):
    EventPageFactory(parent=only_index, past=True)
    assert soup(client.get(home.url)).select_one("[data-next-events]") is None
