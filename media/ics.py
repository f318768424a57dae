"""iCalendar files (RFC 5545) for our events, written with the icalendar package: it escapes
text values and folds lines longer than 75 octets without splitting a UTF-8 character (our
Hebrew letters take two octets each). Times are written in UTC (``...Z``), which every
calendar reads without a VTIMEZONE. One event's file and the media index's feed are both
written by response()."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import icalendar
from django.http import HttpResponse
from django.utils.http import content_disposition_header

PRODID = "-//Association of Cooperative Kibbutzim//shitufi//HE"


@dataclass(frozen=True)
class Event:
    uid: str
    starts_at: datetime
    ends_at: datetime
    stamp: datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    language: str = ""


def _utc(moment):
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("iCalendar times must be timezone-aware")
    return moment.astimezone(UTC)


def _text(value):
    """icalendar escapes CRLF and LF as ``\\n`` but would write a lone CR as it is, which
    ends the content line early."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _vevent(event):
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", _utc(event.stamp))
    vevent.add("dtstart", _utc(event.starts_at))
    vevent.add("dtend", _utc(event.ends_at))
    language = {"LANGUAGE": event.language} if event.language else None
    vevent.add("summary", _text(event.summary), parameters=language)
    for name, value in (("location", event.location), ("description", event.description)):
        if value:
            vevent.add(name, _text(value), parameters=language)
    if event.url:
        vevent.add("url", event.url)
    return vevent


def calendar(events: Iterable[Event], prodid=PRODID, name=""):
    """A complete VCALENDAR holding `events`: UTF-8 bytes with CRLF line endings. `name`
    is what a calendar app subscribed to it calls it (RFC 7986 NAME, and the older
    X-WR-CALNAME that Apple's and Google's calendars read)."""
    cal = icalendar.Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("name", _text(name))
        cal.add("x-wr-calname", _text(name))
    for event in events:
        cal.add_component(_vevent(event))
    return cal.to_ical()


def response(events, filename, name="", as_attachment=True):
    """`events` as a text/calendar response: one event's file to download, or a feed that
    calendar apps subscribe to (not an attachment, so a browser may show it)."""
    http = HttpResponse(calendar(events, name=name), content_type="text/calendar; charset=utf-8")
    http["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return http
