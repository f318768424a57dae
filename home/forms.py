"""The contact form: Wagtail's form builder plus the checks against bots (core/antispam.py)."""

from wagtail.contrib.forms.forms import FormBuilder

from core.antispam import BotChecksMixin


class ContactFormBuilder(FormBuilder):
    def get_form_class(self):
        form_class = super().get_form_class()
        return type(
            form_class.__name__,
            (BotChecksMixin, form_class),
            {"bot_check_salt": "home.contact-form-started"},
        )
