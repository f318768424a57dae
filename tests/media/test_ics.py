"""media.ics writes calendar files by RFC 5545: escaped text, lines folded at 75 octets
without splitting a character, CRLF line endings, times in UTC."""

import datetime
import zoneinfo

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


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a,b", "a\\,b"),
        ("a;b", "a\\;b"),
        ("a\\b", "a\\\\b"),
        ("a\nb", "a\\nb"),
        ("a\r\nb", "a\\nb"),
        ("\\,", "\\\\\\,"),  # the backslash is escaped first, then the comma
        ("קיבוץ, תל אביב", "קיבוץ\\, תל אביב"),
        ("a:b", "a:b"),  # colons need no escaping in a value
    ],
)
def test_text_is_escaped(raw, escaped):
    assert ics.escape_text(raw) == escaped


def test_times_are_utc():
    winter = datetime.datetime(2030, 1, 15, 10, 0, tzinfo=JERUSALEM)  # UTC+2
    summer = datetime.datetime(2030, 7, 15, 10, 0, tzinfo=JERUSALEM)  # UTC+3
    assert ics.format_utc(winter) == "20300115T080000Z"
    assert ics.format_utc(summer) == "20300715T070000Z"


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="aware"):
        ics.format_utc(datetime.datetime(2030, 1, 15, 10, 0))


def test_short_lines_are_not_folded():
    assert ics.fold("SUMMARY:short") == "SUMMARY:short"
    exactly = "X" * 75
    assert ics.fold(exactly) == exactly


@pytest.mark.parametrize(
    "line",
    [
        "DESCRIPTION:" + "a" * 300,
        "SUMMARY;LANGUAGE=he:" + HEBREW * 3,
        "LOCATION:" + "x" + "א" * 100,  # an odd offset: a two-octet letter straddles 75
        "SUMMARY:" + "🎉" * 40,  # four-octet characters
    ],
)
def test_folding_keeps_lines_short_and_characters_whole(line):
    folded = ics.fold(line)
    physical = folded.encode("utf-8").split(b"\r\n")
    assert len(physical) > 1
    for i, octets in enumerate(physical):
        assert len(octets) <= 75
        octets.decode("utf-8")  # a split character would not decode
        if i:
            assert octets.startswith(b" ") and not octets.startswith(b"  ")
    assert ics.unfold(folded) == [line]


def test_a_calendar_is_crlf_text_with_every_property():
    text = ics.calendar([_event()])
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "\r" not in text.replace("\r\n", "")
    lines = ics.unfold(text.removesuffix("\r\n"))
    assert lines[:5] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{ics.PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    assert lines[-1] == "END:VCALENDAR"
    event = lines[lines.index("BEGIN:VEVENT") : lines.index("END:VEVENT") + 1]
    assert event == [
        "BEGIN:VEVENT",
        "UID:event-1234@shitufi",
        "DTSTAMP:20291201T080000Z",
        "DTSTART:20300115T080000Z",
        "DTEND:20300715T093000Z",
        "SUMMARY;LANGUAGE=he:" + ics.escape_text(HEBREW),
        "LOCATION;LANGUAGE=he:בית התנועה הקיבוצית\\, תל אביב",
        "DESCRIPTION;LANGUAGE=he:שורה ראשונה\\nשורה שנייה",
        "URL:https://shitufi.example/media/annual-conference/",
        "END:VEVENT",
    ]
    assert all(len(line) <= 75 for line in text.encode("utf-8").split(b"\r\n"))


def test_empty_optional_properties_are_left_out():
    text = ics.calendar([_event(location="", description="", url="", language="")])
    lines = ics.unfold(text)
    assert not any(line.startswith(("LOCATION", "DESCRIPTION", "URL")) for line in lines)
    assert "SUMMARY:" + ics.escape_text(HEBREW) in lines
