"""Form pieces that more than one app's public forms use."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _


def validate_plain_address(value):
    """Only plain ASCII addresses: no look-alike letters, no invisible or direction-changing
    characters, no line breaks (which could smuggle in mail headers)."""
    if any(ord(ch) > 127 or unicodedata.category(ch).startswith("C") for ch in value):
        raise ValidationError(
            _("Use an ordinary email address, in Latin letters and without spaces."),
            code="unusual_characters",
        )


def body_too_long(request, max_bytes):
    """Whether a form's POST declares more bytes than `max_bytes` (or a length that is no
    number): answered with the form again, never read."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > max_bytes
    except ValueError:
        return True


def private(response):
    """`response`, marked never to be kept by any cache (Cache-Control: private, no-store…):
    the pages of a flow that takes personal details."""
    add_never_cache_headers(response)
    return response
