"""Page queries of the public site that Wagtail makes one at a time and these make at once."""

import functools

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.translation import get_language
from wagtail.models import Locale, Page, PageViewRestriction


def unrestricted(pages):
    """`pages` without those under a view restriction: Wagtail's `pages.public()` in the
    listing's own query, where Wagtail's first loads every view restriction of the site, a
    query each time. A page is private when a restriction is on it or on an ancestor, whose
    path begins its own."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restricted))


def localized(pages):
    """Each of `pages` as Wagtail's `page.localized` gives it (its live translation in the
    reader's language, else the page itself), in one query for them all."""
    pages = list(pages)
    language = get_language()
    if all(_languages_of_locales().get(page.locale_id) == language for page in pages):
        return pages  # already in the reader's language: what page.localized gives too
    translations = Page.objects.live().filter(
        translation_key__in={page.translation_key for page in pages},
        locale__language_code=language,
    )
    by_key = {page.translation_key: page for page in translations}
    return [by_key.get(page.translation_key, page) for page in pages]


@functools.cache
def _languages_of_locales():
    """Locale id → language code, read once per process: a locale's row never changes its
    language, and an id not found here (a locale added later) only costs the query."""
    return dict(Locale.objects.values_list("id", "language_code"))
