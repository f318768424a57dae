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

A few more rules each add keys where the spelling changes between forms: the doubled ו of
plene spelling after a prefix ("ועדה", "הוועדה"), the adjective of a feminine noun
("קהילה", "קהילתי"; "פנסיה", "פנסיוני"), a handful of irregular plurals ("בית", "בתים"), and
a pointed word's unpointed spelling ("קִבּוּץ" is written "קיבוץ"); and one takes keys away:
no key made by taking letters off is "every" with a prefix ("לכל"). What each is worth was
measured on the corpus of tests/search/ (bench/search_quality.py, docs/decisions.md).

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

# The adjective of a feminine noun keeps the noun's ת before its own ending: "קהילה" →
# "קהילתי", "קהילתית", "קהילתיים"; "תנועה" → "תנועתי" (and a feminine noun's "my": "עבודתי").
# Taken off, it leaves the noun without its ה ("קהיל"), if at least four letters remain:
# shorter stems are mostly other words ("חברתי", social, is not "חבר", a member; "ערכתי", I
# edited, is not "ערך").
_RELATIONAL_SUFFIXES = tuple(suffix.translate(_FINALS) for suffix in ("תיים", "תיות", "תית", "תי"))
_RELATIONAL_MIN_STEM = MIN_STEM + 1

# The adjective of a noun in יה borrowed with "-ion": "פנסיה" → "פנסיוני", "פנסיונית";
# "טלוויזיה" → "טלוויזיוני". Taken off after the י, it leaves the noun without its ה
# ("פנסי"), if at least four letters remain ("דמיוני", imaginary, is not "דמי", fees).
_ION_SUFFIXES = tuple(suffix.translate(_FINALS) for suffix in ("וניים", "וניות", "ונית", "וני"))

# A few common nouns whose plural changes the stem, which no suffix rule can reach: each
# plural (and construct plural) also gives the singular as a key. After a prefix too
# ("בבתי" → "בתי" → "בית").
IRREGULAR_PLURALS = {
    plural: singular.translate(_FINALS)
    for singular, plurals in {
        "בית": ("בתים", "בתי"),
        "עיר": ("ערים", "ערי"),
        "יום": ("ימים", "ימי"),
        "איש": ("אנשים", "אנשי"),
        "אישה": ("נשים", "נשי"),
    }.items()
    for plural in (form.translate(_FINALS) for form in plurals)
}

# "every" with a preposition or the article: among the commonest words of any text, so a key
# made by taking letters off another word must not be one of them. "כלכלה" (economy) is
# also כ + "לכל" + ה, and would otherwise find every page that says "לכל" (to every).
_NOT_DERIVED = frozenset({"לכל", "בכל", "מכל", "הכל"})

# Pointed text writes vowels with points and leaves out most of the letters that unpointed
# (plene) text writes for them: "קִבּוּץ" is "קבוץ" without its points, but "קיבוץ" in the
# pages. A pointed word also gets the keys of its plene spelling, rebuilt from its points by
# the Academy's main rules: ו for a qubuts ("אֻשַּׁר" → "אושר") and for a holam on another
# letter ("הַחֹק" → "החוק", not before א: "רֹאשׁ" → "ראש"), י for a hiriq before a doubled
# letter ("קִבּוּץ" → "קיבוץ"; on a prefix letter both spellings, "מִכָּל" is "מכל"), and a
# consonantal ו (one with a vowel or a sheva of its own) inside the word doubled
# ("שִׁוְיוֹן" → "שוויון", "הַוַּעֲדָה" → "הוועדה"). Other vowels have no letter to rebuild
# ("אֲסֵפָה" stays "אספה").
_SHEVA, _HIRIQ, _HOLAM, _QUBUTS, _DAGESH = "\u05b0", "\u05b4", "\u05b9", "\u05bb", "\u05bc"
# Hataf vowels, hiriq, tsere, segol, patah, qamats, holam, qubuts, qamats qatan.
_VOWELS = frozenset("\u05b1\u05b2\u05b3\u05b4\u05b5\u05b6\u05b7\u05b8\u05b9\u05bb\u05c7")
_PREFIX_LETTERS = frozenset("ובכלמהש")


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
            stem = word[length:]
            yield stem
            # Plene spelling doubles a consonantal ו inside a word, not at its start:
            # "ועדה", "הוועדה"; "ותיק", "לוותיקים".
            if stem.startswith("וו") and len(stem) > MIN_STEM:
                yield stem[1:]


def _without_suffixes(word):
    yield word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            yield word[: -len(suffix)]
    if word.endswith("ת") and not word.endswith("ות") and len(word) > _CONSTRUCT_T_MIN_STEM:
        yield word[:-1]
    for suffix in _RELATIONAL_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _RELATIONAL_MIN_STEM:
            yield word[: -len(suffix)]
    for suffix in _ION_SUFFIXES:
        if word.endswith("י" + suffix) and len(word) - len(suffix) >= _RELATIONAL_MIN_STEM:
            yield word[: -len(suffix)]
    if word in IRREGULAR_PLURALS:
        yield IRREGULAR_PLURALS[word]


def _vowel_letters(letters, index):
    """The letters plene spelling writes after `letters[index]` for its vowel: each
    possible spelling's ("" for none)."""
    letter, points = letters[index]
    following = letters[index + 1] if index + 1 < len(letters) else ("", "")
    if _QUBUTS in points:
        return ["ו"]
    if _HOLAM in points and letter != "ו" and following[0] not in ("א", "ו"):
        return ["ו"]
    if _HIRIQ in points and following[0] not in ("", "י") and _DAGESH in following[1]:
        if all(prefix in _PREFIX_LETTERS for prefix, _points in letters[: index + 1]):
            return ["", "י"]  # "לִמּוּד" is "לימוד", "מִכָּל" is "מכל"
        return ["י"]
    return [""]


def _plene(word):
    """The plene spellings of a pointed word (the rules above `_SHEVA`), normalized; none
    for a word without points."""
    letters = []  # (letter, its points)
    for char in word:
        if "\u05d0" <= char <= "\u05ea":
            letters.append((char, ""))
        elif letters:
            letters[-1] = (letters[-1][0], letters[-1][1] + char)
    if not any(points for _letter, points in letters):
        return set()
    spellings = [""]
    for index, (letter, points) in enumerate(letters):
        written = letter
        neighbours = {letters[index - 1][0] if index else ""}
        neighbours.add(letters[index + 1][0] if index + 1 < len(letters) else "")
        consonantal = _SHEVA in points or _VOWELS & set(points) - {_HOLAM}
        if letter == "ו" and consonantal and index and "ו" not in neighbours:
            written = "וו"
        spellings = [
            spelling + written + vowel
            for spelling in spellings
            for vowel in _vowel_letters(letters, index)
        ]
    return {normalize(spelling) for spelling in spellings}


def keys(word):
    """The matching keys of one Hebrew word: its normalized form as written (and, pointed,
    as plene text writes it), and the forms left once a known prefix, a known suffix or both
    are taken off. Empty for a word without Hebrew letters."""
    words = set()
    for found in WORD_RE.findall(word):
        words.add(normalize(found))
        words |= _plene(found)
    return {
        key
        for found in words
        for stem in _without_prefixes(found)
        for key in _without_suffixes(stem)
        if key in words or key not in _NOT_DERIVED
    }


def text_keys(text):
    """The keys of every Hebrew word of a text, in order, a word's keys once per occurrence
    of the word (so that a word the text repeats weighs more in the ranking). Words in
    other scripts are left out."""
    return [key for found in WORD_RE.findall(text) for key in sorted(keys(found))]
