"""The page tree a new site starts with: home, vision, about, contact, the accessibility
statement and the privacy notice — in Hebrew, each translated into English.

Every step looks for what exists before it creates anything, so running the seed again
changes nothing, and pages that editors have changed are never overwritten.
"""

import functools
from pathlib import Path

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from core.models import SiteSettings
from home.models import ContactFormField, ContactPage, HomePage, StandardPage, VisionPage
from legal.seed import seed_legal
from media.seed import seed_media
from news.seed import seed_news
from newsletter.seed import seed_newsletter

from .standing_pages import STANDING_PAGES
from .translation import translate_page
from .tree import ensure_child, publish
from .vision import parse_vision, vision_body

SEED_DATA = Path(__file__).resolve().parent.parent / "seed_data"

HOME = {
    "he": {
        "title": "התאגדות הקיבוצים השיתופיים",
        "introduction": "תנועה של קיבוצים שיתופיים-שוויוניים, על בסיס הערכים של צדק, חירות "
        "ואחווה אנושית.",
        "paragraph": "<p>כאן תמצאו את עדכוני המטה השיתופי, את חזון ההתאגדות ואת דרכי הקשר "
        "אלינו.</p>",
        "call_to_action": "לחזון ההתאגדות",
    },
    "en": {
        "title": "Association of Cooperative Kibbutzim",
        "introduction": "A movement of cooperative-egalitarian kibbutzim, founded on the values "
        "of justice, liberty and human fellowship.",
        "paragraph": "<p>Here you will find updates from the Cooperative HQ, the "
        "association's vision and how to reach us.</p>",
        "call_to_action": "Read our vision",
    },
}
VISION = {
    "he": {
        "title": "חזון ההתאגדות",
        "introduction": "נייר החזון של התאגדות הקיבוצים "
        "השיתופיים, שנכתב בעקבות סדנת המטה השיתופי באפריל 2010.",
    },
    "en": {
        "title": "Our vision",
        "introduction": "The vision paper of the Association of "
        "Cooperative Kibbutzim, written after the Cooperative HQ's workshop in April 2010.",
    },
}


def _home_page(language, vision=None):
    content = HOME[language]
    body = [("paragraph", content["paragraph"])]
    if vision is not None:
        body.append(
            ("call_to_action", {"label": content["call_to_action"], "page": vision, "url": ""})
        )
    # Both homes are children of the tree's root, so their slugs must differ.
    slug = "home" if language == "he" else f"home-{language}"
    return HomePage(
        title=content["title"], slug=slug, introduction=content["introduction"], body=body
    )


def _vision_page(language):
    vision = parse_vision((SEED_DATA / f"vision_2010.{language}.txt").read_text("utf-8"))
    return VisionPage(
        slug="vision",
        show_in_menus=True,
        body=vision_body(vision),
        written_on=vision.written_on,
        **VISION[language],
    )


CONTACT_FORM = {
    "he": {
        "subject": "פנייה מהאתר",
        "thank_you_text": "תודה! פנייתך הגיעה למטה השיתופי, ונשיב בהקדם.",
        "fields": [("שם מלא", "singleline"), ("דואר אלקטרוני", "email"), ("ההודעה", "multiline")],
    },
    "en": {
        "subject": "A message from the website",
        "thank_you_text": "Thank you! Your message has reached the Cooperative HQ; "
        "we will reply soon.",
        "fields": [("Full name", "singleline"), ("Email", "email"), ("Message", "multiline")],
    },
}
CONTACT_FIELD_NAMES = ["name", "email", "message"]


def _contact_page(data, language, body):
    """The contact page: its text from the standing pages, plus a form mailed to the HQ."""
    form = CONTACT_FORM[language]
    page = ContactPage(
        slug=data["slug"],
        show_in_menus=data["show_in_menus"],
        title=data[language]["title"],
        introduction=data[language]["introduction"],
        body=body,
        to_address="shitufi@tkz.co.il",
        subject=form["subject"],
        thank_you_text=form["thank_you_text"],
    )
    page.form_fields = [
        ContactFormField(
            label=label, field_type=kind, required=True, clean_name=name, sort_order=order
        )
        for order, ((label, kind), name) in enumerate(
            zip(form["fields"], CONTACT_FIELD_NAMES, strict=True)
        )
    ]
    return page


def _standing_page(data, language):
    content = data[language]
    body = [
        ("heading", {"text": value, "level": "h2"}) if kind == "heading" else (kind, value)
        for kind, value in content["body"]
    ]
    if data["slug"] == "contact":
        return _contact_page(data, language, body)
    last_reviewed = timezone.localdate() if data["role"] == "accessibility" else None
    return StandardPage(
        slug=data["slug"],
        show_in_menus=data["show_in_menus"],
        title=content["title"],
        introduction=content["introduction"],
        body=body,
        last_reviewed=last_reviewed,
    )


def _ensure_home():
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    # Wagtail's own placeholder ("Welcome to your new Wagtail site!") makes way for ours;
    # deleting it also deletes the default site, which is made again below.
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    home = publish(root.add_child(instance=_home_page("he")))
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name=HOME["he"]["title"],
    )
    return home


def seed_pages():
    english = Locale.objects.get(language_code="en")
    home = _ensure_home()

    vision, created = ensure_child(home, "vision", lambda: _vision_page("he"))
    if created:  # the home page's call to action points to the new vision page
        home.body = _home_page("he", vision).body
        publish(home)
    translate_page(home, _home_page("en", vision), english)
    translate_page(vision, _vision_page("en"), english)

    settings = SiteSettings.for_site(home.get_site())
    for data in STANDING_PAGES:
        page, _created = ensure_child(
            home, data["slug"], functools.partial(_standing_page, data, "he")
        )
        translate_page(page, _standing_page(data, "en"), english)
        if data["role"] and getattr(settings, f"{data['role']}_page") is None:
            setattr(settings, f"{data['role']}_page", page)
    settings.save()
    seed_news(home, english)
    seed_media(home, english)
    seed_newsletter(home, english)
    seed_legal(home, english)
    return home
