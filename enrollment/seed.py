"""The enrollment app's demo content: the join page under each language's home page, in
the main menu, and the volunteering areas in Hebrew and English. No people: the list holds
only those who joined and confirmed. The text is in `enrollment/seed_data/` (the format:
`core/seed/data.py`); the page's text follows the founding text's work plan.

Pages are looked up by slug and areas by name first, so running the seed again changes
nothing."""

from pathlib import Path

from wagtail.models import Locale

from core.seed.data import read_item
from core.seed.translation import translate_once
from core.seed.tree import ensure_child

from .models import EnrollmentPage, Interest

SEED_DATA = Path(__file__).resolve().parent / "seed_data"


def _page(text):
    return EnrollmentPage(
        slug="join",
        show_in_menus=True,
        title=text["title"],
        introduction=text["introduction"],
        body=text.html,
        thank_you_text=f"<p>{text['thank_you_text']}</p>",
    )


def _interests(english):
    names = read_item(SEED_DATA / "interests")
    hebrew = Locale.get_default()
    pairs = zip(names["he"].split("names"), names["en"].split("names"), strict=True)
    for order, (he_name, en_name) in enumerate(pairs):
        source, _created = Interest.objects.get_or_create(
            locale=hebrew, name=he_name, defaults={"sort_order": order}
        )
        Interest.objects.get_or_create(
            locale=english,
            translation_key=source.translation_key,
            defaults={"name": en_name, "sort_order": order},
        )


def seed_enrollment(home, english):
    texts = read_item(SEED_DATA / "join")
    page, _created = ensure_child(home, "join", lambda: _page(texts["he"]))
    translate_once(page, lambda: _page(texts["en"]), english)
    _interests(english)
    return page
