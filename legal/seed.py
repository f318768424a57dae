"""The legal app's demo content: the members-only request page, in Hebrew and English,
restricted in both languages to the Member kibbutzim and Legal counsel groups. The text is
in `legal/seed_data/` (the format: `core/seed/data.py`)."""

from pathlib import Path

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from core.groups import LEGAL_COUNSEL, MEMBER_KIBBUTZIM
from core.seed.data import read_item
from core.seed.translation import translate_once
from core.seed.tree import ensure_child

from .models import LegalRequestPage

SEED_DATA = Path(__file__).resolve().parent / "seed_data"


def _page(text):
    return LegalRequestPage(
        slug=text.name,
        show_in_menus=False,
        title=text["title"],
        introduction=text["introduction"],
        body=text.html,
    )


def _restrict(page):
    if PageViewRestriction.objects.filter(page=page).exists():
        return
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[MEMBER_KIBBUTZIM, LEGAL_COUNSEL]))


def seed_legal(home, english):
    texts = read_item(SEED_DATA / "legal-advice")
    page, _created = ensure_child(home, "legal-advice", lambda: _page(texts["he"]))
    translate_once(page, lambda: _page(texts["en"]), english)
    for version in (page, page.get_translation(english)):
        _restrict(version)
    return page
