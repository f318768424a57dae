"""The members-only request page, in Hebrew and English, restricted in both languages to
the Member kibbutzim and Legal counsel groups."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from core.groups import LEGAL_COUNSEL, MEMBER_KIBBUTZIM
from core.seed.translation import translate_once
from core.seed.tree import ensure_child

from .models import LegalRequestPage

PAGE = {
    "slug": "legal-advice",
    "he": {
        "title": "בקשה לייעוץ משפטי",
        "introduction": "נציגי הקיבוצים החברים בהתאגדות יכולים לפנות כאן לייעוץ המשפטי של "
        "המטה השיתופי.",
        "body": "<p>הבקשה והמסמכים נשמרים בסודיות ומגיעים רק ליועצים המשפטיים של ההתאגדות. "
        "תשובה תגיע אליכם לאזור האישי, ונודיע לכם בדוא״ל כשיש חדש.</p>",
    },
    "en": {
        "title": "Request for legal advice",
        "introduction": "Representatives of the association's member kibbutzim can ask the "
        "Cooperative HQ's legal counsel for advice here.",
        "body": "<p>The request and its documents are kept confidential and reach only the "
        "association's legal counsel. The answer will wait for you in the members' area, "
        "and we will email you when there is news.</p>",
    },
}


def _page(language):
    return LegalRequestPage(slug=PAGE["slug"], show_in_menus=False, **PAGE[language])


def _restrict(page):
    if PageViewRestriction.objects.filter(page=page).exists():
        return
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[MEMBER_KIBBUTZIM, LEGAL_COUNSEL]))


def seed_legal(home, english):
    page, _created = ensure_child(home, PAGE["slug"], lambda: _page("he"))
    translate_once(page, lambda: _page("en"), english)
    for version in (page, page.get_translation(english)):
        _restrict(version)
    return page
