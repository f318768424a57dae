"""Page addresses in Latin letters from Hebrew titles.

A Hebrew slug would be shared, percent-encoded, by the English translation and by every
link to the page (`/%D7%97%D7%96%D7%95%D7%9F/`). So slugs are Latin: the admin's slug
field transliterates the title as the editor types it (the same table as JavaScript
formatters of Wagtail's slug widget, core/wagtail_hooks.py), and a page saved without a slug
gets one (BasePage.full_clean).
The transliteration is of letters, not of pronunciation (Hebrew is written without most
vowels); the editors' guide says to shorten or replace it with English words.
"""

import re

from django.utils.text import slugify

# Vav and yod between letters are mostly vowels (o/u, i); at the start of a word, or
# doubled, they are consonants. Multi-letter rules come first.
RULES = [
    ("וו", "v"),
    ("יי", "y"),
    (r"(?<![\u05d0-\u05ea])ו", "v"),
    (r"(?<![\u05d0-\u05ea])י", "y"),
    ("ו", "o"),
    ("י", "i"),
    *zip(
        "אבגדהזחטכךלמםנןסעפףצץקרשת",
        [
            "a",
            "b",
            "g",
            "d",
            "h",
            "z",
            "ch",
            "t",
            "k",
            "ch",
            "l",
            "m",
            "m",
            "n",
            "n",
            "s",
            "",
            "p",
            "f",
            "tz",
            "tz",
            "k",
            "r",
            "sh",
            "t",
        ],
        strict=True,
    ),
    # Niqqud, cantillation, geresh and gershayim: nothing.
    ("[\u0591-\u05c7\u05f3\u05f4]", ""),
]


def transliterate(text):
    for pattern, latin in RULES:
        text = re.sub(pattern, latin, text)
    return text


def latin_slug(title):
    return slugify(transliterate(title))[:255].strip("-")
