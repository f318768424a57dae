"""The media index's calendar feed (calendar/): every upcoming event, read back with the
icalendar package as a calendar app would; ?region= for a region's and the national ones."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from media.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(media_index):
    soon = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    return {
        "north": EventPageFactory(parent=media_index, title="סדנה בצפון", region="north"),
        "south": EventPageFactory(parent=media_index, title="ביקור בדרום", region="south"),
        "national": EventPageFactory(
            parent=media_index, title="הכנס השנתי", region="national", starts_at=soon
        ),
        "past": EventPageFactory(parent=media_index, title="שהיה", region="north", past=True),
    }


def _feed(client, index, **query):
    response = client.get(f"{index.url}calendar/", query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline")
    return icalendar.Calendar.from_ical(response.content)


def test_the_feed_holds_every_upcoming_event(client, media_index, events):
    calendar = _feed(client, media_index)
    assert calendar["VERSION"] == "2.0"
    assert calendar["X-WR-CALNAME"] == media_index.title
    vevents = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in vevents] == [
        "הכנס השנתי",
        "סדנה בצפון",
        "ביקור בדרום",
    ]
    by_summary = {str(event["SUMMARY"]): event for event in vevents}
    north = events["north"]
    event = by_summary["סדנה בצפון"]
    assert event["UID"] == f"event-{north.translation_key}@shitufi"
    assert event.decoded("DTSTART") == north.starts_at
    assert event.decoded("DTEND") == north.ends_at
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
    assert event.decoded("DTSTAMP") is not None
    assert event["LOCATION"] == north.location
    assert event["URL"] == f"http://testserver{north.url}"


def test_a_region_feed_has_its_events_and_the_national_ones(client, media_index, events):
    calendar = _feed(client, media_index, region="south")
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == [
        "הכנס השנתי",
        "ביקור בדרום",
    ]
    assert str(calendar["X-WR-CALNAME"]).startswith(media_index.title + ": ")


def test_an_unknown_region_gives_the_whole_feed(client, media_index, events):
    assert len(_feed(client, media_index, region="nowhere").walk("VEVENT")) == 3


def test_one_events_file_is_still_a_download(client, events):
    response = client.get(f"{events['north'].url}ics/")
    assert response["Content-Disposition"].startswith("attachment")
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert event["SUMMARY"] == "סדנה בצפון"


def test_the_feed_takes_a_fixed_number_of_queries(
    client, media_index, events, django_assert_max_num_queries
):
    for _ in range(5):
        EventPageFactory(parent=media_index, region="north")
    with django_assert_max_num_queries(15):
        _feed(client, media_index, region="north")
