"""The newsletter of a new site: its archive page and a first issue, in Hebrew and
translated into English through wagtail-localize. The founding text ends with
"הרשמה לניוזלטר שלנו" (sign up for our newsletter); this is where that leads.

Pages are looked up by slug first, so running the seed again changes nothing. The English
data mirrors the Hebrew string for string."""

from django.utils import timezone

from core.seed.translation import translate_once
from core.seed.tree import ensure_child

from .models import NewsletterIndexPage, NewsletterIssuePage

INDEX = {
    "slug": "newsletter",
    "he": {
        "title": "הניוזלטר",
        "introduction": "עדכונים מהמטה השיתופי ישירות לתיבת הדואר: הרשמה, וארכיון הגיליונות שיצאו.",
    },
    "en": {
        "title": "Newsletter",
        "introduction": "Updates from the Cooperative HQ straight to your inbox: sign up, "
        "and the archive of past issues.",
    },
}

FIRST_ISSUE = {
    "slug": "issue-1",
    "he": {
        "title": "גיליון 1: עדכונים מהמטה השיתופי",
        "subject": "עדכונים מהמטה השיתופי – גיליון 1",
        "preheader": "החזון, המפגשים האזוריים והכנס השנתי",
        "introduction": "שלום לחברות ולחברים בקיבוצים השיתופיים, זהו הגיליון הראשון של "
        "הניוזלטר של המטה השיתופי.",
        "paragraph": "<p>בגיליון: העדכונים האחרונים מהמטה, ותזכורת לחזון ההתאגדות – "
        "קהילה של שותפים ריבוניים שהיא בית וגם דרך.</p>",
        "updates_heading": "עדכונים מהמטה השיתופי",
    },
    "en": {
        "title": "Issue 1: updates from the Cooperative HQ",
        "subject": "Updates from the Cooperative HQ – issue 1",
        "preheader": "The vision, regional meetings and the annual conference",
        "introduction": "Greetings to the members of the cooperative kibbutzim: this is the "
        "first issue of the Cooperative HQ's newsletter.",
        "paragraph": "<p>In this issue: the latest updates from the HQ, and a reminder of the "
        "association's vision – a community of sovereign partners that is a home and a "
        "way.</p>",
        "updates_heading": "Updates from the Cooperative HQ",
    },
}


def _index(language):
    return NewsletterIndexPage(slug=INDEX["slug"], show_in_menus=True, **INDEX[language])


def _issue(language):
    content = FIRST_ISSUE[language]
    return NewsletterIssuePage(
        slug=FIRST_ISSUE["slug"],
        title=content["title"],
        subject=content["subject"],
        preheader=content["preheader"],
        introduction=content["introduction"],
        issue_date=timezone.localdate(),
        body=[
            ("paragraph", content["paragraph"]),
            ("updates", {"heading": content["updates_heading"], "updates": [], "latest": 3}),
        ],
    )


def seed_newsletter(home, english):
    """Make the archive and the first issue under the Hebrew `home`, translated into
    `english` (a Locale); return the Hebrew archive."""
    archive, _created = ensure_child(home, INDEX["slug"], lambda: _index("he"))
    translate_once(archive, lambda: _index("en"), english)
    issue, _created = ensure_child(archive, FIRST_ISSUE["slug"], lambda: _issue("he"))
    translate_once(issue, lambda: _issue("en"), english)
    return archive
