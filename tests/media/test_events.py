"""Events: upcoming until they end, with a registration link until then, dates and times in
Jerusalem time, and a calendar file for each."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from core.factories import translate
from media.factories import EventPageFactory
from media.models import EventPage
from tests.html import soup

pytestmark = pytest.mark.django_db

JERUSALEM = zoneinfo.ZoneInfo("Asia/Jerusalem")
REGISTER = "https://forms.example/annual-conference"


@pytest.fixture
def upcoming(media_index):
    return EventPageFactory(
        parent=media_index,
        slug="workshop",
        title="סדנת שיח וחשיבה",
        introduction="סדנה לחברי הקיבוצים, כולל הצעירים; בהנחיית המטה השיתופי.",
        location="בית התנועה הקיבוצית, תל אביב",
        starts_at=datetime.datetime(2030, 1, 15, 10, 0, tzinfo=JERUSALEM),
        ends_at=datetime.datetime(2030, 1, 15, 13, 30, tzinfo=JERUSALEM),
        registration_url=REGISTER,
    )


@pytest.fixture
def past(media_index):
    return EventPageFactory(parent=media_index, slug="past", past=True, registration_url=REGISTER)


def test_an_upcoming_event_offers_registration(client, upcoming):
    page = soup(client.get(upcoming.url))
    assert page.select_one("[data-event-status]")["data-event-status"] == "upcoming"
    registration = page.select_one("a[data-event-registration]")
    assert registration["href"] == REGISTER
    assert upcoming.title in registration.get_text(), "the link names the event"
    calendar = page.select_one("a[data-event-calendar]")
    assert calendar["href"] == f"{upcoming.url}ics/"


def test_a_past_event_does_not(client, past):
    assert not past.is_upcoming
    page = soup(client.get(past.url))
    assert page.select_one("[data-event-status]")["data-event-status"] == "past"
    assert not page.select("a[data-event-registration]")
    assert REGISTER not in str(page)


def test_the_event_ends_the_moment_it_is_over(media_index):
    event = EventPageFactory(parent=media_index, past=True)
    event.ends_at = timezone.now() + datetime.timedelta(minutes=1)
    assert event.is_upcoming
    event.ends_at = timezone.now() - datetime.timedelta(minutes=1)
    assert not event.is_upcoming


def test_times_are_shown_in_jerusalem_time(client, upcoming):
    when = soup(client.get(upcoming.url)).select(".event-details time")
    assert [t["datetime"] for t in when] == [
        "2030-01-15T10:00:00+02:00",
        "2030-01-15T13:30:00+02:00",
    ]
    assert when[0].get_text() == "15 בינואר 2030 10:00"
    assert when[1].get_text() == "13:30", "an event ending the same day shows only the time"


def test_an_event_over_several_days_shows_both_dates(client, media_index):
    event = EventPageFactory(
        parent=media_index,
        starts_at=datetime.datetime(2030, 7, 1, 9, 0, tzinfo=JERUSALEM),
        ends_at=datetime.datetime(2030, 7, 2, 16, 0, tzinfo=JERUSALEM),
    )
    when = soup(client.get(event.url)).select(".event-details time")
    assert [t.get_text() for t in when] == ["1 ביולי 2030 09:00", "2 ביולי 2030 16:00"]
    assert when[1]["datetime"] == "2030-07-02T16:00:00+03:00"


def test_an_event_cannot_end_before_it_starts(media_index):
    event = EventPage(
        title="סדנה",
        slug="backwards",
        location="חדר האוכל",
        starts_at=datetime.datetime(2030, 1, 15, 10, 0, tzinfo=JERUSALEM),
        ends_at=datetime.datetime(2030, 1, 15, 9, 0, tzinfo=JERUSALEM),
    )
    with pytest.raises(ValidationError) as error:
        media_index.add_child(instance=event)
    with translation.override("en"):
        assert error.value.message_dict["ends_at"] == ["An event cannot end before it starts."]
    with translation.override("he"):
        assert error.value.message_dict["ends_at"] == ["אירוע אינו יכול להסתיים לפני שהוא מתחיל."]


def test_an_event_may_end_when_it_starts(client, media_index):
    moment = datetime.datetime(2030, 1, 15, 10, 0, tzinfo=JERUSALEM)
    event = EventPageFactory(parent=media_index, starts_at=moment, ends_at=moment)
    assert EventPage.objects.get(pk=event.pk).ends_at == moment, "saved, not refused"
    when = soup(client.get(event.url)).select(".event-details time")
    assert [t["datetime"] for t in when] == ["2030-01-15T10:00:00+02:00"] * 2


def _calendar_event(response):
    """The one VEVENT of a calendar file, as icalendar reads it."""
    assert response.status_code == 200
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    return event


def test_the_calendar_file(client, upcoming):
    response = client.get(f"{upcoming.url}ics/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="workshop.ics"'
    content = response.content
    assert content.endswith(b"\r\n") and b"\n" not in content.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))
    assert any(line.startswith(b" ") for line in content.split(b"\r\n")), "folded"
    event = _calendar_event(response)
    assert event["UID"] == f"event-{upcoming.translation_key}@shitufi"
    assert event.decoded("DTSTART") == datetime.datetime(2030, 1, 15, 8, 0, tzinfo=datetime.UTC)
    assert event.decoded("DTEND") == datetime.datetime(2030, 1, 15, 11, 30, tzinfo=datetime.UTC)
    assert b"DTSTART:20300115T080000Z" in content.split(b"\r\n"), "in UTC"
    assert event.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)
    assert event["SUMMARY"] == "סדנת שיח וחשיבה"
    assert event["LOCATION"] == "בית התנועה הקיבוצית, תל אביב"
    assert event["DESCRIPTION"] == "סדנה לחברי הקיבוצים, כולל הצעירים; בהנחיית המטה השיתופי."
    assert {event[name].params["LANGUAGE"] for name in ("SUMMARY", "LOCATION")} == {"he"}
    assert event["URL"] == f"http://testserver{upcoming.url}"


def test_the_calendar_file_of_a_hebrew_slug(client, media_index):
    event = EventPageFactory(parent=media_index, slug="כנס-שנתי")
    response = client.get(f"{event.url}ics/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%D7%9B%D7%A0%D7%A1-%D7%A9%D7%A0%D7%AA%D7%99.ics"
    )


def test_both_languages_share_the_calendar_uid(client, media_index, english):
    translate(media_index, english, title="Media")
    conference = EventPageFactory(parent=media_index)
    translate(conference, english, title="The annual conference")
    hebrew = _calendar_event(client.get(f"{conference.url}ics/"))
    english_page = conference.get_translation(english)
    english_event = _calendar_event(client.get(f"{english_page.url}ics/"))
    assert hebrew["UID"] == english_event["UID"] == f"event-{conference.translation_key}@shitufi"
    assert english_event["SUMMARY"].startswith("The annual conference")
    assert english_event["SUMMARY"].params["LANGUAGE"] == "en"
    assert english_event["URL"] == f"http://testserver{english_page.url}"
