"""The signup form: an address, a language, an explicit consent box left unticked, and two
quiet checks against bots (a field people never see, and a minimum time to fill it in)."""

import time
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

MIN_SECONDS_TO_FILL = 3
MAX_SECONDS_TO_FILL = 24 * 60 * 60
_STARTED_SALT = "newsletter.form-started"


def validate_plain_address(value):
    """Only plain ASCII addresses: no look-alike letters, no invisible or direction-changing
    characters, no line breaks (which could smuggle in mail headers)."""
    if any(ord(ch) > 127 or unicodedata.category(ch).startswith("C") for ch in value):
        raise ValidationError(
            _("Use an ordinary email address, in Latin letters and without spaces."),
            code="unusual_characters",
        )


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        validators=[validate_plain_address],
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=_(
            "I agree to receive the newsletter of the Association of Cooperative Kibbutzim by "
            "email. I can unsubscribe at any time with the link in every issue."
        ),
        error_messages={"required": _("Tick the box to agree to receive the newsletter.")},
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()
        self.fields["started"].initial = signing.dumps(time.time(), salt=_STARTED_SALT)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def is_bot(self):
        """True when the hidden field was filled, or the form came back faster than a person
        fills it in, or with a start stamp that is missing, forged or a day old. The view
        then answers as usual and keeps nothing."""
        if self.cleaned_data.get("website"):
            return True
        try:
            started = signing.loads(self.cleaned_data.get("started", ""), salt=_STARTED_SALT)
        except signing.BadSignature:
            return True
        return not MIN_SECONDS_TO_FILL <= time.time() - started <= MAX_SECONDS_TO_FILL
