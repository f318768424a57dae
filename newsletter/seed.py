"""The newsletter app's demo content: its archive page and a first issue, in Hebrew and
translated into English through wagtail-localize. The founding text ends with
"הרשמה לניוזלטר שלנו" (sign up for our newsletter); this is where that leads. The text is in
`newsletter/seed_data/` (the format: `core/seed/data.py`).

Pages are looked up by slug first, so running the seed again changes nothing."""

from pathlib import Path

from django.utils import timezone

from core.seed.data import read_items
from core.seed.translation import translate_once
from core.seed.tree import ensure_child, index_page

from .models import NewsletterIndexPage, NewsletterIssuePage

SEED_DATA = Path(__file__).resolve().parent / "seed_data"


def _issue(text):
    body = []
    for kind, value in text.body:
        if kind == "updates":  # the latest updates, chosen when the issue is sent
            value = {"heading": value["heading"], "updates": [], "latest": int(value["latest"])}
        body.append((kind, value))
    return NewsletterIssuePage(
        slug=text.name,
        title=text["title"],
        subject=text["subject"],
        preheader=text["preheader"],
        introduction=text["introduction"],
        issue_date=timezone.localdate(),
        body=body,
    )


def seed_newsletter(home, english):
    """Make the archive and the first issue under the Hebrew `home`, translated into
    `english` (a Locale); return the Hebrew archive."""
    items = read_items(SEED_DATA)
    index, issue = items["newsletter"], items["issue-1"]
    archive, _created = ensure_child(
        home, "newsletter", lambda: index_page(NewsletterIndexPage, index["he"])
    )
    translate_once(archive, lambda: index_page(NewsletterIndexPage, index["en"]), english)
    page, _created = ensure_child(archive, "issue-1", lambda: _issue(issue["he"]))
    translate_once(page, lambda: _issue(issue["en"]), english)
    return archive
