"""What every newsletter email carries besides its content: a sender named in the reader's
language, and the way to leave (RFC 8058 one-click unsubscribe), from the confirmation on."""

from email.headerregistry import Address

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from core.links import absolute_url
from core.models import SiteSettings

ONE_CLICK = {"List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def sender(language):
    """The From: the newsletter's name in `language` (site settings) and DEFAULT_FROM_EMAIL.

    Address quotes what the name needs quoted and keeps it as text: Django's SMTP message
    encodes it (RFC 2047), and anymail hands it to the provider's API, which encodes it
    itself. An RFC 2047 string here would reach those APIs as literal =?utf-8?…"""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    name = site_settings.newsletter_sender(language)
    return str(Address(display_name=name, addr_spec=settings.DEFAULT_FROM_EMAIL))


def unsubscribe_url(token, language):
    """The subscriber's own unsubscribe page, in the language of their newsletter."""
    with translation.override(language):
        path = reverse("newsletter:unsubscribe", args=[token])
    return absolute_url(path)


def unsubscribe_headers(url):
    return {"List-Unsubscribe": f"<{url}>", **ONE_CLICK}
