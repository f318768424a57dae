"""Reads the demo content: the text files in each app's `seed_data/` folder.

An item is written once per language, in two files side by side: `about.he.md` and its
translation `about.en.md`. A file opens with a header of `key: value` lines, ended by the
first blank line (a line that starts with a space continues the value above it). The rest is
the page's body in Markdown, cut into StreamField blocks:

- a line `## text` is a heading block (`###`, `####` for lower levels);
- a fence ```` ```kind ```` … ```` ``` ```` is a block of that kind, its fields as
  `key: value` lines (```` ```quote ````, ```` ```call_to_action ````, ...);
- the Markdown between them is one rich-text block ("paragraph"); a line `---` ends it and
  starts the next.

The English file mirrors the Hebrew one block for block, and each rich-text block element for
element, because the seed pairs the strings of the two in order to make the wagtail-localize
translation (`core/seed/translation.py`); `read_item` checks that before anything is built.
"""

import re
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

import markdown
from django.core.management.base import CommandError

LANGUAGES = ("he", "en")  # the source language first
HEADING = re.compile(r"^(#{2,4}) (.+)$")
FENCE = "```"
ELEMENT = re.compile(r"<(\w+)")

_markdown = markdown.Markdown(output_format="html")
# No line breaks between elements: the HTML is stored as Wagtail's editor would write it.
_markdown.treeprocessors.deregister("prettify")


class SeedDataError(CommandError):
    pass


@dataclass
class Text:
    """One language of an item: its header fields and its body's blocks."""

    path: Path
    fields: dict[str, str]
    body: list[tuple[str, object]]

    @property
    def name(self):
        """The item's name: the file's, without language and suffix (a page's slug)."""
        return self.path.name.split(".")[0]

    def __getitem__(self, key):
        try:
            return self.fields[key]
        except KeyError:
            raise SeedDataError(f"{self.path}: the header has no “{key}:” line") from None

    def get(self, key, default=None):
        return self.fields.get(key, default)

    @property
    def html(self):
        """The body as one rich text, for a RichTextField."""
        if any(kind != "paragraph" for kind, _value in self.body):
            raise SeedDataError(f"{self.path}: the body is rich text only, without other blocks")
        return "".join(value for _kind, value in self.body)

    def split(self, key):
        """A comma-separated header value, as a list."""
        return [value.strip() for value in self[key].split(",") if value.strip()]


def _rich_text(source):
    html = _markdown.reset().convert(source)
    # Wagtail's editor writes bold as <b>; a line break in the file is only a wrapped line.
    html = html.replace("<strong>", "<b>").replace("</strong>", "</b>")
    return re.sub(r"\s*\n\s*", " ", html)


def _fields(lines, path):
    fields, key = {}, None
    for line in lines:
        if line[:1].isspace() and key is not None:
            fields[key] = f"{fields[key]} {line.strip()}".strip()
            continue
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or not key:
            raise SeedDataError(f"{path}: “{line}” is not a “key: value” line")
        fields[key] = value.strip()
    return fields


def _body(lines, path):
    blocks, text = [], []

    def end_text():
        source = "\n".join(text).strip()
        if source:
            blocks.append(("paragraph", _rich_text(source)))
        text.clear()

    lines = iter(lines)
    for line in lines:
        heading = HEADING.match(line)
        if heading:
            end_text()
            level, title = heading.groups()
            blocks.append(("heading", {"text": title.strip(), "level": f"h{len(level)}"}))
        elif line.startswith(FENCE):
            end_text()
            fence = []
            for inner in lines:
                if inner.strip() == FENCE:
                    break
                fence.append(inner)
            else:
                raise SeedDataError(f"{path}: the block “{line}” is not closed with {FENCE}")
            blocks.append((line[len(FENCE) :].strip(), _fields(fence, path)))
        elif line.strip() == "---":
            end_text()
        else:
            text.append(line)
    end_text()
    return blocks


def _read_text(path):
    lines = path.read_text("utf-8").splitlines()
    end = lines.index("") if "" in lines else len(lines)
    return Text(path=path, fields=_fields(lines[:end], path), body=_body(lines[end:], path))


def _shape(kind, value):
    """What a translation must keep of a block: its kind, and a rich text's elements."""
    if kind == "paragraph":
        return " ".join(["paragraph", *ELEMENT.findall(value)])
    return kind


def _check_mirror(source, translation):
    shapes = zip_longest(
        (_shape(*block) for block in translation.body),
        (_shape(*block) for block in source.body),
        fillvalue="nothing",
    )
    for number, (ours, theirs) in enumerate(shapes, start=1):
        if ours != theirs:
            raise SeedDataError(
                f"{translation.path} does not mirror {source.path.name}: its block {number} is "
                f"“{ours}”, the source's is “{theirs}”."
            )


def read_item(stem):
    """The item `stem` (a path without the language and suffix) in each language it is
    written in: {"he": Text, "en": Text}; "en" is missing for a Hebrew-only item."""
    texts = {}
    for language in LANGUAGES:
        path = stem.with_name(f"{stem.name}.{language}.md")
        if path.exists():
            texts[language] = _read_text(path)
    if "he" not in texts:
        raise SeedDataError(f"{stem}.he.md: no such file")
    if "en" in texts:
        _check_mirror(texts["he"], texts["en"])
    return texts


def read_items(folder):
    """Every item in `folder`, by name."""
    stems = sorted(path.with_name(path.name.split(".")[0]) for path in folder.glob("*.he.md"))
    return {stem.name: read_item(stem) for stem in stems}
