"""The contact form: Wagtail's form builder plus a honeypot field that people never see."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

HONEYPOT = "website"


class ContactFormBuilder(FormBuilder):
    def get_form_class(self):
        form_class = super().get_form_class()
        honeypot = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return type(form_class.__name__, (form_class,), {HONEYPOT: honeypot})
