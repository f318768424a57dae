"""Hebrew-aware matching keys for the site search: a small, rule-based normalizer.

Hebrew glues its prefixes to the word (ו ה ב כ ל מ ש and their combinations: "והקיבוץ",
"בקיבוצים") and inflects nouns ("קיבוצים", "חברות", "מדינת"), so the search backends'
"simple" analyzer, which matches exact forms only, misses most of what a reader means.
Instead of a dictionary-based analyzer, each Hebrew word is turned into a few *keys*: its
normalized form as written, plus the forms left once a prefix and/or a suffix is taken off.
Pages are indexed with the keys of their words and a query matches any key of each of its
words. Both sides go through the same rules, so "קיבוץ", "הקיבוץ", "קיבוצים" and
"בקיבוצים" all share the key "קיבוצ".

The rules are conservative on purpose: a stripped form is kept only if at least
`MIN_STEM` letters remain, and the word as written is always one of its keys, since the
first letter of many roots is also a prefix letter ("ברית", "משק", "הסכם", "לימוד").
Wrong guesses only add keys (they never take the written form away); the query's own form
is one of the terms it is searched with, so exact matches still rank first.

Keys are an internal matching vocabulary, never shown: final letters are written in their
ordinary form (ך ם ן ף ץ → כ מ נ פ צ), so that "קיבוץ" and the stem "קיבוצ" of "קיבוצים" are
one key. They are made of Hebrew letters only.
"""

import re

# Points and cantillation marks in U+0591–U+05C7, without the punctuation of that block
# (maqaf U+05BE, paseq U+05C0, sof pasuq U+05C3, nun hafukha U+05C6), which separates words.
_MARKS = "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
_LETTERS = "\u05d0-\u05ea"
# Geresh and gershayim, Hebrew or typed as ASCII quotes: inside a word they mark an
# abbreviation ("צה״ל", "ת\"א") or a foreign sound ("ג׳ודו"), and are dropped.
_QUOTES = "\u05f3\u05f4'\""

# A Hebrew word: letters (with their points), possibly broken by quotes between letters.
# A quote before or after the word is punctuation, not part of it.
WORD_RE = re.compile(
    f"[{_LETTERS}][{_LETTERS}{_MARKS}]*(?:[{_QUOTES}]+[{_LETTERS}][{_LETTERS}{_MARKS}]*)*"
)
_STRIP_RE = re.compile(f"[{_MARKS}{_QUOTES}]")
_FINALS = str.maketrans("ךםןףץ", "כמנפצ")

MIN_STEM = 3  # letters left after a prefix or a suffix is taken off, or no key is made

# The prefix sequences taken off a word's beginning: an optional ו ("and"), then an
# optional ש / כש / מש / לכש ("that", "when", "since", "by the time"), then an optional
# preposition or article ב כ ל מ ה (and מה, בה, לה, כה: a preposition before the article,
# which unpointed text sometimes keeps). At most one sequence per key, longest or shortest:
# each possible reading gives its own key.
_CONJUNCTIONS = ("", "ו")
_RELATIVES = ("", "ש", "כש", "מש", "לכש")
_PARTICLES = ("", "ב", "כ", "ל", "מ", "ה", "מה", "בה", "לה", "כה")
PREFIXES = frozenset(
    c + r + p for c in _CONJUNCTIONS for r in _RELATIVES for p in _PARTICLES if c + r + p
)

# Suffixes taken off a word's end, each giving one key (matched on the normalized word):
# the plurals ים / ות and the dual or adjective plural יים, the adjective feminine ית / יות,
# the feminine ה, and the construct forms: plural י ("קיבוצי הגליל") and feminine ת
# ("מדינת ישראל"). A singular feminine in ה and its plural in ות thus meet on the stem
# ("קבוצה", "קבוצות" → "קבוצ"). The construct ת ends many roots too ("בית", "שבת", "ברית"),
# so it is taken off longer words only (a stem of at least `MIN_STEM + 1` letters).
_SUFFIXES = tuple(
    suffix.translate(_FINALS) for suffix in ("יים", "ים", "יות", "ות", "ית", "ה", "י")
)
_CONSTRUCT_T_MIN_STEM = MIN_STEM + 1


def strip_marks(word):
    """A word without its points, cantillation marks and quotes: as unpointed text writes it."""
    return _STRIP_RE.sub("", word)


def normalize(word):
    """A word's matching form: without points, cantillation or quotes, and with the
    ordinary form of final letters."""
    return strip_marks(word).translate(_FINALS)


def _without_prefixes(word):
    yield word
    for length in range(1, len(word) - MIN_STEM + 1):
        if word[:length] in PREFIXES:
            yield word[length:]


def _without_suffixes(word):
    yield word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            yield word[: -len(suffix)]
    if word.endswith("ת") and not word.endswith("ות") and len(word) > _CONSTRUCT_T_MIN_STEM:
        yield word[:-1]


def keys(word):
    """The matching keys of one Hebrew word: its normalized form as written, and the forms
    left once a known prefix, a known suffix or both are taken off. Empty for a word
    without Hebrew letters."""
    words = [normalize(found) for found in WORD_RE.findall(word)]
    return {
        key
        for found in words
        for stem in _without_prefixes(found)
        for key in _without_suffixes(stem)
    }


def text_keys(text):
    """The keys of every Hebrew word of a text, in order, a word's keys once per occurrence
    of the word (so that a word the text repeats weighs more in the ranking). Words in
    other scripts are left out."""
    return [key for found in WORD_RE.findall(text) for key in sorted(keys(found))]
