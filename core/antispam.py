"""Two quiet checks against bots, shared by our public forms: a field people never see (the
honeypot), and the signed time the form was shown, so that a form sent back faster than a
person fills it in, or with a missing or forged stamp, is a bot's. A form sent a day after it
was shown is a person's who left the tab open: they are asked to send it again, and what they
wrote is kept in the form."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"  # site/templates/components/form.html hides the field of this name
STARTED = "started"
MIN_SECONDS_TO_FILL = 3
MAX_SECONDS_TO_FILL = 24 * 60 * 60


class BotChecksMixin:
    """Adds both fields to a form, after its own. Once the form is validated, `is_bot()`
    gives the verdict; the two fields are left out of `cleaned_data`, so that nothing stores
    or mails them. The view answers a bot as it answers a person, and keeps nothing."""

    stale_message = _(
        "This form was open for a long time. Please check what you wrote and send it again."
    )

    # Each form signs its stamps with its own salt, so that one form's stamp passes no other.
    bot_check_salt: str

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[STARTED] = forms.CharField(
            widget=forms.HiddenInput,
            required=False,
            initial=self._stamp(),
        )

    def _stamp(self):
        return signing.dumps(time.time(), salt=self.bot_check_salt)

    def clean(self):
        cleaned_data = super().clean()
        honeypot = cleaned_data.pop(HONEYPOT, "")
        seconds = self._seconds_since_shown(cleaned_data.pop(STARTED, ""))
        self._is_bot = bool(honeypot) or seconds is None or seconds < MIN_SECONDS_TO_FILL
        if not self._is_bot and seconds > MAX_SECONDS_TO_FILL:
            # Shown again with a new stamp, so that sending it again is accepted.
            self.data = self.data.copy()
            self.data[self.add_prefix(STARTED)] = self._stamp()
            raise forms.ValidationError(self.stale_message, code="stale")
        return cleaned_data

    def _seconds_since_shown(self, stamp):
        """None for a missing or forged stamp."""
        try:
            return time.time() - signing.loads(stamp, salt=self.bot_check_salt)
        except signing.BadSignature:
            return None

    def is_bot(self):
        return self._is_bot
