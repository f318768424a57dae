"""Reads the 2010 vision paper (as copied from the old site) into structured content.

The text has the old page's chrome around it (links, contact lines) and a plain-text
structure: short lines without a final period are headings, a line holding only "*" ends
an item, "* …" lines are sub-items of the item before them, and the paper ends with
"Written on" and a d/m/yyyy date. The Hebrew original and its English translation share
that structure line for line, so one parser reads both.
"""

import datetime
import re
from dataclasses import dataclass, field

HEADING_MAX_LENGTH = 80
DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass
class Item:
    text: str
    sub_items: list[str] = field(default_factory=list)


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    closing: str = ""


@dataclass
class Vision:
    sections: list[Section]
    written_on: datetime.date | None


def _is_heading(line):
    return (
        bool(line)
        and line != "*"
        and not line.startswith("* ")
        and len(line) < HEADING_MAX_LENGTH
        and not line.endswith(".")
    )


def parse_vision(text):
    lines = [" ".join(line.split()) for line in text.splitlines()]  # also folds no-break spaces
    content = [line for line in lines if line]
    start = next(
        i
        for i, line in enumerate(content[:-1])
        if _is_heading(line) and len(content[i + 1]) >= HEADING_MAX_LENGTH
    )
    sections, pending, written_on = [], [], None

    def flush_items():
        sections[-1].items.extend(Item(text) for text in pending)
        pending.clear()

    def close_section():
        if sections and pending:
            if sections[-1].items:
                sections[-1].closing = "\n".join(pending)
            else:
                sections[-1].paragraphs.extend(pending)
        pending.clear()

    for index, line in enumerate(content[start:], start):
        date = DATE.match(line)
        if date:
            day, month, year = (int(part) for part in date.groups())
            written_on = datetime.date(year, month, day)
            break
        if index + 1 < len(content) and DATE.match(content[index + 1]):
            continue  # the "Written on" label before the date
        if line == "*":
            flush_items()
        elif line.startswith("* "):
            flush_items()
            sections[-1].items[-1].sub_items.append(line[2:].strip())
        elif _is_heading(line):
            close_section()
            sections.append(Section(heading=line.rstrip(":")))
        else:
            pending.append(line)
    close_section()
    return Vision(sections=sections, written_on=written_on)


def vision_body(vision):
    """StreamField data for a VisionPage. The last list is the work plan: it is numbered."""
    last_list = max(i for i, section in enumerate(vision.sections) if section.items)
    body = []
    for index, section in enumerate(vision.sections):
        if section.items:
            body.append(
                (
                    "item_list",
                    {
                        "heading": section.heading,
                        "introduction": "",
                        "numbered": index == last_list,
                        "items": [
                            {"text": item.text, "sub_items": item.sub_items}
                            for item in section.items
                        ],
                        "closing": section.closing,
                    },
                )
            )
        else:
            body.append(("heading", {"text": section.heading, "level": "h2"}))
            body.extend(("paragraph", f"<p>{paragraph}</p>") for paragraph in section.paragraphs)
    return body
