"""An event's registration across its languages: HQ opens registration on one page of the
event (usually the Hebrew), and its places are the event's, whichever language a visitor
registers in; each person reads the event, in pages and emails, in their own language."""

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from .models import RegistrationSetup


def setup_for(page_id):
    """The open setup of the live event page `page_id`'s translation group, and that page;
    (None, None) when there is none."""
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if page is None:
        return None, None
    setup = (
        RegistrationSetup.objects.filter(enabled=True, event__translation_key=page.translation_key)
        .select_related("event")
        .first()
    )
    return (setup, page) if setup is not None else (None, None)


def window(setup, now=None):
    """ "open", or why not: "not_yet" or "closed" (by default when the event starts)."""
    now = now or timezone.now()
    if setup.opens_at and now < setup.opens_at:
        return "not_yet"
    if now >= (setup.closes_at or setup.event.starts_at):
        return "closed"
    return "open"


def in_language(event, language):
    """The event's live page in `language`, or the event itself when it has none."""
    locale = Locale.objects.filter(language_code=language).first()
    translation = event.get_translation_or_none(locale) if locale else None
    return translation if translation is not None and translation.live else event


def registration_link(page):
    """The address of the registration form for an event page, while it can be used; None
    when the event has no registration, or it has closed."""
    setup, _page = setup_for(page.pk)
    if setup is None or window(setup) == "closed":
        return None
    return reverse("registrations:register", args=[page.pk])
