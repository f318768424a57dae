"""iCalendar files (RFC 5545) for our events: pure functions, no Django.

An ``.ics`` file is a sequence of content lines ``NAME;PARAM=value:value``, each ended by CRLF.
Text values escape backslash, semicolon, comma and newline (RFC 5545 §3.3.11); lines longer
than 75 octets are folded: CRLF and one space, never in the middle of a UTF-8 character
(§3.1) — our Hebrew letters take two octets each. Times are written in UTC (``...Z``).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
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


def escape_text(value):
    """A TEXT value: backslash, semicolon and comma escaped, every newline as ``\\n``."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def format_utc(moment):
    """An aware datetime as a UTC DATE-TIME: 20251015T140000Z."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("iCalendar times must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line):
    """`line` folded into physical lines of at most 75 octets (CRLF not counted), each
    continuation starting with one space; a multi-octet character is never split."""
    lines, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_LINE_OCTETS:
            lines.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    lines.append("".join(current))
    return CRLF.join(lines)


def unfold(text):
    """The content lines of an iCalendar text, folding undone (for reading our output)."""
    return text.replace(CRLF + " ", "").replace(CRLF + "\t", "").split(CRLF)


def _text_property(name, value, language=""):
    params = f";LANGUAGE={language}" if language else ""
    return f"{name}{params}:{escape_text(value)}"


def _event_lines(event):
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{format_utc(event.stamp)}",
        f"DTSTART:{format_utc(event.starts_at)}",
        f"DTEND:{format_utc(event.ends_at)}",
        _text_property("SUMMARY", event.summary, event.language),
    ]
    if event.location:
        lines.append(_text_property("LOCATION", event.location, event.language))
    if event.description:
        lines.append(_text_property("DESCRIPTION", event.description, event.language))
    if event.url:
        lines.append(f"URL:{event.url}")  # a URI value: not escaped
    lines.append("END:VEVENT")
    return lines


def calendar(events: Iterable[Event], prodid=PRODID):
    """A complete VCALENDAR holding `events`, as text with CRLF line endings."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}", "CALSCALE:GREGORIAN"]
    lines.append("METHOD:PUBLISH")
    for event in events:
        lines.extend(_event_lines(event))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
