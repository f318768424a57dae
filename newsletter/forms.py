"""The signup form: an address, a language, an explicit consent box left unticked, and the
checks against bots (core/antispam.py)."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.antispam import BotChecksMixin
from core.forms import validate_plain_address


class SubscribeForm(BotChecksMixin, forms.Form):
    bot_check_salt = "newsletter.form-started"

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
