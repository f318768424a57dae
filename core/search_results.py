"""What a search result shows besides its title: a snippet of the text where the query's
words were found, with those words highlighted, and where that text is.

A word of the text is highlighted when the search matched it: a Hebrew word when it shares
a matching key with a word of the query (core/hebrew.py), so that "קיבוץ" lights up
"בקיבוצים"; another word when it has the query word's stem or begins with it."""

import re
from typing import NamedTuple

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.rich_text import get_text_for_indexing

from . import hebrew

SNIPPET_WORDS = 32  # the words a snippet shows around the first match
WORDS_BEFORE = 8  # of which before it

# A word, with its Hebrew points and the quotes of abbreviations ("צה״ל"): split() with this
# group gives separators at even and words at odd positions.
_WORD_SPLIT_RE = re.compile(r"([\w\u0591-\u05c7]+(?:['\"\u05f3\u05f4][\w\u0591-\u05c7]+)*)")
_ENGLISH_SUFFIXES = ("ing", "ed", "es", "s")


class Passage(NamedTuple):
    """A text a result's snippet may be taken from. `label` and `url` say where it is when
    it is not the page's own text (e.g. "page 4 of the PDF" and the PDF's address)."""

    text: str
    label: str = ""
    url: str = ""


def _stem(word):
    """A rough English stem, the same for "meeting", "meetings" and "meet": enough to tell
    which words a stemming search engine matched."""
    word = word.lower()
    for suffix in _ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return _stem(word[: -len(suffix)])
    return word


class Highlighter:
    """Which words of a text the query matched, and the text with those words marked."""

    def __init__(self, query):
        words = _WORD_SPLIT_RE.findall(query)
        self.keys = set().union(*(hebrew.keys(word) for word in words))
        others = [word.lower() for word in words if not hebrew.WORD_RE.search(word)]
        self.stems = {_stem(word) for word in others}
        # A word as typed also matches the words it begins ("cooperat" lights "cooperative").
        self.beginnings = tuple(word for word in others if len(word) >= 3)

    def matches(self, word):
        if hebrew.WORD_RE.search(word):
            # Each key is a part of the normalized word: a cheap test before the keys.
            normalized = hebrew.normalize(word)
            return any(key in normalized for key in self.keys) and bool(
                hebrew.keys(word) & self.keys
            )
        lowered = word.lower()
        return _stem(lowered) in self.stems or lowered.startswith(self.beginnings)

    def mark(self, tokens):
        """Escaped HTML of `tokens` (as split by _WORD_SPLIT_RE), matched words in <mark>."""
        return mark_safe(  # noqa: S308 (every piece of text is escaped)
            "".join(
                f"<mark>{escape(token)}</mark>"
                if position % 2 and self.matches(token)
                else escape(token)
                for position, token in enumerate(tokens)
            )
        )

    def highlight(self, text):
        return self.mark(_WORD_SPLIT_RE.split(text))

    def snippet(self, passages):
        """The first passage with a matched word and the words around the first match,
        highlighted; or, when only the title matched, the beginning of the first passage."""
        for passage in passages:
            tokens = _WORD_SPLIT_RE.split(passage.text)
            first = next((i for i in range(1, len(tokens), 2) if self.matches(tokens[i])), None)
            if first is not None:
                return self._window(tokens, first // 2), passage
        own = passages[0] if passages else Passage("")
        return self._window(_WORD_SPLIT_RE.split(own.text), 0), Passage(own.text)

    def _window(self, tokens, word):
        """SNIPPET_WORDS words from a little before the `word`-th, with an ellipsis where the
        text goes on."""
        words = len(tokens) // 2
        start = max(0, min(word - WORDS_BEFORE, words - SNIPPET_WORDS))
        end = min(words, start + SNIPPET_WORDS)
        if start == end:
            return ""
        # From the separator before the first word (a word keeps its odd position) to the
        # last word, or to the end of the text if that is shown.
        shown = tokens[2 * start : 2 * end + (1 if end == words else 0)]
        before = "… " if start > 0 else ""
        after = " …" if end < words else ""
        return mark_safe(f"{before}{self.mark(shown).strip()}{after}")  # noqa: S308 (marked)


def stream_text(stream):
    """The prose of a stream field's value, as the search index reads it, from its stored
    form: without loading the images, documents and pages its blocks choose, which would
    take queries for every result."""
    return " ".join(_block_text(stream.stream_block, stream.raw_data))


def _block_text(block, raw):
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            if child["type"] in block.child_blocks:
                yield from _block_text(block.child_blocks[child["type"]], child["value"])
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _block_text(child, raw.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            value = item["value"] if isinstance(item, dict) and "value" in item else item
            yield from _block_text(block.child_block, value)
    elif isinstance(block, blocks.RichTextBlock):
        yield get_text_for_indexing(raw)
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        yield str(raw)


class Suggestion(NamedTuple):
    """Where to look when a search finds nothing: a section (`title` and `url`) and its
    latest items, as (title, url, date) triples, plain data to be kept in the cache."""

    title: str
    url: str
    items: list


class Result(NamedTuple):
    """One search result as the results page shows it."""

    page: object
    title: str  # HTML, highlighted
    snippet: str  # HTML, highlighted
    place: Passage  # where the snippet is from: `label` and `url` empty for the page itself


def present(pages, query):
    """The results page's view of `pages`, found by `query`."""
    highlighter = Highlighter(query)
    results = []
    for page in pages:
        snippet, place = highlighter.snippet(page.search_passages())
        results.append(Result(page, highlighter.highlight(page.title), snippet, place))
    return results
