"""Form pieces that more than one app's public forms use."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_plain_address(value):
    """Only plain ASCII addresses: no look-alike letters, no invisible or direction-changing
    characters, no line breaks (which could smuggle in mail headers)."""
    if any(ord(ch) > 127 or unicodedata.category(ch).startswith("C") for ch in value):
        raise ValidationError(
            _("Use an ordinary email address, in Latin letters and without spaces."),
            code="unusual_characters",
        )
