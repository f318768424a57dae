"""The home app's demo content: the home page, the vision, and the standing pages (about,
contact, the accessibility statement, the privacy notice), each in Hebrew and translated
into English. The text is in `home/seed_data/` (the format: `core/seed/data.py`).

Every step looks for what exists before it creates anything, so running the seed again
changes nothing, and pages that editors have changed are never overwritten.
"""

from pathlib import Path

from django.utils import timezone
from wagtail.models import Page, Site

from core.models import SiteSettings
from core.seed.data import read_items
from core.seed.translation import translate_once
from core.seed.tree import ensure_child, link_pages, publish

from .models import ContactFormField, ContactPage, HomePage, StandardPage, VisionPage
from .seed_vision import parse_vision, vision_body

SEED_DATA = Path(__file__).resolve().parent / "seed_data"
STANDING_PAGES = ("about", "contact", "accessibility", "privacy")  # in the menu's order


def _home_page(text, language, home=None):
    """The home page. A new one (no `home` yet) goes without its call to action: the page
    it leads to, the vision, is made under it afterwards."""
    if home is None:
        body = [block for block in text.body if block[0] != "call_to_action"]
    else:
        body = link_pages(text.body, home)
    # Both homes are children of the tree's root, so their slugs must differ.
    slug = "home" if language == "he" else f"home-{language}"
    return HomePage(slug=slug, title=text["title"], introduction=text["introduction"], body=body)


def _vision_page(text):
    vision = parse_vision((SEED_DATA / text["paper"]).read_text("utf-8"))
    return VisionPage(
        slug="vision",
        show_in_menus=True,
        title=text["title"],
        introduction=text["introduction"],
        body=vision_body(vision),
        written_on=vision.written_on,
    )


def _contact_page(texts, language, **common):
    """The contact page: a standing page, plus a form mailed to the HQ."""
    text, source = texts[language], texts["he"]
    page = ContactPage(
        **common,
        to_address=source["to_address"],
        subject=text["subject"],
        thank_you_text=text["thank_you_text"],
    )
    fields = [field.split() for field in source.split("form_fields")]
    page.form_fields = [
        ContactFormField(
            label=text[f"label_{name}"],
            field_type=kind,
            required=True,
            clean_name=name,
            sort_order=order,
        )
        for order, (name, kind) in enumerate(fields)
    ]
    return page


def _standing_page(texts, language):
    text, source = texts[language], texts["he"]
    common = {
        "slug": source.name,
        "show_in_menus": source["show_in_menus"] == "yes",
        "title": text["title"],
        "introduction": text["introduction"],
        "body": text.body,
    }
    if "form_fields" in source.fields:
        return _contact_page(texts, language, **common)
    dated = source.get("role") == "accessibility"
    return StandardPage(**common, last_reviewed=timezone.localdate() if dated else None)


def _ensure_home(text):
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    # Wagtail's own placeholder ("Welcome to your new Wagtail site!") makes way for ours;
    # deleting it also deletes the default site, which is made again below.
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    home = publish(root.add_child(instance=_home_page(text, "he")))
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=home.title
    )
    return home


def seed_home(english):
    """Make the Hebrew home page and the pages under it that this app defines, translated
    into `english` (a Locale); return the home page."""
    items = read_items(SEED_DATA)
    home_texts, vision_texts = items["home"], items["vision"]
    home = _ensure_home(home_texts["he"])

    vision, created = ensure_child(home, "vision", lambda: _vision_page(vision_texts["he"]))
    if created:  # the home page's call to action points to the new vision page
        home.body = _home_page(home_texts["he"], "he", home).body
        publish(home)
    translate_once(home, lambda: _home_page(home_texts["en"], "en", home), english)
    translate_once(vision, lambda: _vision_page(vision_texts["en"]), english)

    settings = SiteSettings.for_site(home.get_site())
    for slug in STANDING_PAGES:
        texts = items[slug]
        page, _created = ensure_child(home, slug, lambda texts=texts: _standing_page(texts, "he"))
        translate_once(page, lambda texts=texts: _standing_page(texts, "en"), english)
        role = texts["he"].get("role")
        if role and getattr(settings, f"{role}_page") is None:
            setattr(settings, f"{role}_page", page)
    settings.save()
    return home
