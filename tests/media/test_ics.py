"""media.ics writes calendar files by RFC 5545, read back here with icalendar's parser: every
property and its value, times in UTC, text escaped and long lines folded at 75 octets without
splitting a character."""

import datetime
import zoneinfo

import icalendar
import pytest

from media import ics

JERUSALEM = zoneinfo.ZoneInfo("Asia/Jerusalem")
HEBREW = "הכנס השנתי של התאגדות הקיבוצים השיתופיים, בבית התנועה הקיבוצית; תל אביב"


def _event(**kwargs):
    values = {
        "uid": "event-1234@shitufi",
        "starts_at": datetime.datetime(2030, 1, 15, 10, 0, tzinfo=JERUSALEM),
        "ends_at": datetime.datetime(2030, 7, 15, 12, 30, tzinfo=JERUSALEM),
        "stamp": datetime.datetime(2029, 12, 1, 8, 0, tzinfo=datetime.UTC),
        "summary": HEBREW,
        "location": "בית התנועה הקיבוצית, תל אביב",
        "description": "שורה ראשונה\nשורה שנייה",
        "url": "https://shitufi.example/media/annual-conference/",
        "language": "he",
    }
    return ics.Event(**{**values, **kwargs})


def _parsed(octets):
    calendar = icalendar.Calendar.from_ical(octets)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_a_calendar_holds_every_property():
    calendar, event = _parsed(ics.calendar([_event()]))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == ics.PRODID
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert event["UID"] == "event-1234@shitufi"
    assert event.decoded("DTSTAMP") == datetime.datetime(2029, 12, 1, 8, 0, tzinfo=datetime.UTC)
    assert event["SUMMARY"] == HEBREW
    assert event["LOCATION"] == "בית התנועה הקיבוצית, תל אביב"
    assert event["DESCRIPTION"] == "שורה ראשונה\nשורה שנייה"
    assert event["URL"] == "https://shitufi.example/media/annual-conference/"
    for name in ("SUMMARY", "LOCATION", "DESCRIPTION"):
        assert event[name].params["LANGUAGE"] == "he"


@pytest.mark.parametrize(
    ("local", "written"),
    [
        (datetime.datetime(2030, 1, 15, 10, 0, tzinfo=JERUSALEM), b"20300115T080000Z"),  # +2
        (datetime.datetime(2030, 7, 15, 10, 0, tzinfo=JERUSALEM), b"20300715T070000Z"),  # +3
    ],
    ids=["winter", "summer"],
)
def test_times_are_written_in_utc(local, written):
    octets = ics.calendar([_event(starts_at=local, ends_at=local)])
    _calendar, event = _parsed(octets)
    for name in ("DTSTART", "DTEND"):
        assert event.decoded(name) == local
        assert event.decoded(name).utcoffset() == datetime.timedelta(0)
        assert not event[name].params, "no TZID: UTC needs no VTIMEZONE"
        assert f"{name}:".encode() + written in octets.split(b"\r\n")


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="aware"):
        ics.calendar([_event(starts_at=datetime.datetime(2030, 1, 15, 10, 0))])


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a,b", rb"a\,b"),
        ("a;b", rb"a\;b"),
        ("a\\b", rb"a\\b"),
        ("a\nb", rb"a\nb"),
        ("a\r\nb", rb"a\nb"),
        ("a\rb", rb"a\nb"),
        ("\\,", rb"\\\,"),  # the backslash is escaped first, then the comma
        ("a:b", b"a:b"),  # colons need no escaping in a value
        ("קיבוץ, תל אביב", "קיבוץ\\, תל אביב".encode()),
    ],
)
def test_text_is_escaped(text, escaped):
    lines = ics.calendar([_event(summary=text, location=text, description=text)]).split(b"\r\n")
    for name in (b"SUMMARY", b"LOCATION", b"DESCRIPTION"):
        assert name + b";LANGUAGE=he:" + escaped in lines


# No backslash before a comma here: icalendar's reader (not our writer) gets that wrong.
@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("a, b; c\\d: e", "a, b; c\\d: e"),
        ("שורה ראשונה, עם פסיק;\nשורה שנייה", "שורה ראשונה, עם פסיק;\nשורה שנייה"),
        ("windows\r\nold mac\rend", "windows\nold mac\nend"),
    ],
)
def test_text_is_read_back(text, read):
    _calendar, event = _parsed(
        ics.calendar([_event(summary=text, location=text, description=text)])
    )
    assert event["SUMMARY"] == event["LOCATION"] == event["DESCRIPTION"] == read


def test_a_calendar_is_crlf_text():
    octets = ics.calendar([_event()])
    assert octets.endswith(b"\r\n")
    assert b"\n" not in octets.replace(b"\r\n", b"")
    assert b"\r" not in octets.replace(b"\r\n", b"")
    lines = octets.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2] == b"END:VCALENDAR"


@pytest.mark.parametrize(
    "text",
    [
        "a" * 300,
        HEBREW * 3,
        "x" + "א" * 100,  # an odd offset: a two-octet letter straddles the 75th octet
        "🎉" * 40,  # four-octet characters
    ],
    ids=["ascii", "hebrew", "odd-offset", "four-octets"],
)
def test_long_lines_are_folded_without_splitting_a_character(text):
    octets = ics.calendar([_event(description=text, language="")])
    physical = octets.removesuffix(b"\r\n").split(b"\r\n")
    start = next(i for i, line in enumerate(physical) if line.startswith(b"DESCRIPTION:"))
    assert physical[start + 1].startswith(b" "), "folded"
    for octets_of_line in physical:
        assert len(octets_of_line) <= 75
        octets_of_line.decode("utf-8")  # a split character would not decode
        assert not octets_of_line.startswith(b"  ")
    _calendar, event = _parsed(octets)
    assert event["DESCRIPTION"] == text


def test_empty_optional_properties_are_left_out():
    _calendar, event = _parsed(
        ics.calendar([_event(location="", description="", url="", language="")])
    )
    assert "LOCATION" not in event and "DESCRIPTION" not in event and "URL" not in event
    assert event["SUMMARY"] == HEBREW
    assert "LANGUAGE" not in event["SUMMARY"].params
