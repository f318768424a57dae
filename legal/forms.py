"""The legal-advice request form, written in code: what counsel needs and nothing more."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from . import uploads
from .records import LegalRequest


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


PHONE = re.compile(r"^\+?[0-9][0-9\- ()]{6,18}$")


class LegalRequestForm(forms.ModelForm):
    kibbutz = forms.ModelChoiceField(label=_("Kibbutz"), queryset=None, empty_label=None)
    attachments = MultipleFileField(
        label=_("Documents"),
        required=False,
        help_text=_(
            "Up to 5 files, 10 MB each and 25 MB together: PDF, Word (DOCX), OpenDocument "
            "(ODT), Excel (XLSX), JPEG or PNG."
        ),
        widget=MultipleFileInput(
            attrs={"accept": ",".join(uploads.ALLOWED)},
        ),
    )
    privacy = forms.BooleanField(
        label=_(
            "I have read the privacy notice: the request and its documents are kept "
            "confidential, seen only by the association's legal counsel and by my kibbutz's "
            "representatives, and deleted seven years after the request is closed."
        ),
        error_messages={"required": _("Confirm that you have read the privacy notice.")},
    )

    class Meta:
        model = LegalRequest
        fields = ["kibbutz", "topic", "subject", "description", "urgency", "phone"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "phone": forms.TextInput(
                attrs={"autocomplete": "tel", "dir": "ltr", "inputmode": "tel"}
            ),
        }
        help_texts = {
            "description": _(
                "What happened, what you are asking, and by when. Write only what counsel "
                "needs: avoid ID numbers and medical details unless they are the question."
            ),
        }

    def __init__(self, *args, kibbutzim, **kwargs):
        super().__init__(*args, **kwargs)
        if len(kibbutzim) == 1:  # nothing to choose
            del self.fields["kibbutz"]
            self.instance.kibbutz = kibbutzim[0]
        else:
            self.fields["kibbutz"].queryset = kibbutzim

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not PHONE.match(phone):
            raise forms.ValidationError(
                _("Enter a phone number of digits, for example 050-1234567."), code="phone"
            )
        return phone

    def clean_attachments(self):
        return uploads.check(self.cleaned_data["attachments"])
