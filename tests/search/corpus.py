"""The corpus of the Hebrew search measurement (issue 15, "Measured, not guessed"): word
families with their forms, and short documents written for it, with the look-alike words
among them. Data only: nothing here uses the search rules it measures (core/hebrew.py).

- `families.txt`, one family a line: `lemma (gloss): form form ...`. The forms are those a
  page may be written with and a reader may type: singular and plural, construct, feminine,
  adjective, with the prefixes glued on (ו ה ב כ ל מ ש and their combinations), a few
  pointed, abbreviations with gershayim or ASCII quotes. No two families share a form.
- `documents.txt`, one document a line: `text | lemma lemma ...`, the families whose forms
  the text contains (`-`: none). That list is derived, not judged: a text contains a family
  when one of its words *is* one of the family's forms, compared without points and quotes
  (the pointed "שַׁבָּת" is the form "שבת"). tests/search/test_corpus.py checks that every
  line's list is that derivation, so the ground truth stays explicit and checkable when
  either file changes.
- `distractors.txt`: `word | lemma | why`, words of the documents that look like a family's
  forms (they share its letters, or a prefix letter makes them so) and are not of it. They
  are there on purpose: a page that has one must not be found for that family.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Points and cantillation (U+0591–U+05C7, without the punctuation of that block), and the
# quotes of abbreviations: a word is compared without them.
_MARKS = "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
_QUOTES = "\u05f3\u05f4'\""
_WORD_RE = re.compile(f"[\u05d0-\u05ea][\u05d0-\u05ea{_MARKS}{_QUOTES}]*")
_PLAIN_RE = re.compile(f"[{_MARKS}{_QUOTES}]")


def plain(word):
    """A word as compared: without its points and quotes (final letters are kept)."""
    return _PLAIN_RE.sub("", word)


def words(text):
    """The Hebrew words of a text, as compared; a quote after a word is punctuation."""
    return [plain(word.rstrip(_QUOTES)) for word in _WORD_RE.findall(text)]


@dataclass(frozen=True)
class Family:
    lemma: str
    gloss: str
    forms: tuple  # as written in families.txt: what the reader types

    @property
    def plain_forms(self):
        return frozenset(plain(form) for form in self.forms)


@dataclass(frozen=True)
class Document:
    text: str
    families: tuple  # the lemmas recorded for it in documents.txt


@dataclass(frozen=True)
class Distractor:
    word: str
    lemma: str
    why: str


def _lines(name):
    for line in (HERE / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


@cache
def families():
    found = []
    for line in _lines("families.txt"):
        head, forms = line.split(": ", 1)
        lemma, gloss = head.split(" (", 1)
        found.append(Family(lemma, gloss.removesuffix(")"), tuple(forms.split())))
    return tuple(found)


@cache
def documents():
    found = []
    for line in _lines("documents.txt"):
        text, lemmas = line.rsplit(" | ", 1)
        found.append(Document(text, () if lemmas == "-" else tuple(lemmas.split())))
    return tuple(found)


@cache
def distractors():
    return tuple(Distractor(*line.split(" | ")) for line in _lines("distractors.txt"))


def families_in(text):
    """The lemmas of the families whose forms `text` contains, in families.txt's order."""
    present = set(words(text))
    return tuple(family.lemma for family in families() if family.plain_forms & present)
