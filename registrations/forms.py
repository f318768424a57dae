"""The registration form: name, email, an optional phone, the questions the event's setup
chose (Question), and an explicit consent, never ticked in advance."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.antispam import BotChecksMixin
from core.forms import validate_plain_address

from .models import Question

CONSENT = _(
    "I agree that the Cooperative HQ keep these details to manage my registration for this "
    "event and email me about it. I can cancel at any time with the link in every email."
)
TEXT_QUESTIONS = {
    Question.KIBBUTZ: 150,
    Question.DIETARY: 300,
    Question.ACCESSIBILITY: 300,
    Question.NOTE: 1000,
}


class RegistrationForm(BotChecksMixin, forms.Form):
    bot_check_salt = "registrations.form-started"

    name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput({"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        validators=[validate_plain_address],
        widget=forms.EmailInput({"autocomplete": "email", "dir": "ltr"}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=30,
        required=False,
        widget=forms.TextInput({"autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}),
    )

    def __init__(self, setup, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = [q for q in Question if q in setup.questions]
        for question in self.questions:
            if question == Question.PARTICIPANTS:
                self.fields[question.value] = forms.IntegerField(
                    label=question.label,
                    min_value=1,
                    max_value=setup.max_participants,
                    initial=1,
                    help_text=_("Including you."),
                )
            else:
                self.fields[question.value] = forms.CharField(
                    label=question.label,
                    max_length=TEXT_QUESTIONS[question],
                    required=question == Question.KIBBUTZ,
                    widget=forms.Textarea({"rows": 3})
                    if question != Question.KIBBUTZ
                    else forms.TextInput,
                )
        self.fields["consent"] = forms.BooleanField(label=CONSENT, required=True)
        # The bot checks last, as BotChecksMixin puts them, after the fields added here.
        for name in ("website", "started"):
            self.fields[name] = self.fields.pop(name)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def details(self):
        """What register() stores: the answers to the chosen questions, the number of
        participants apart."""
        data = self.cleaned_data
        answers = {
            question.value: data[question.value]
            for question in self.questions
            if question != Question.PARTICIPANTS and data[question.value]
        }
        return {
            "name": data["name"],
            "email": data["email"],
            "phone": data["phone"],
            "participants": data.get(Question.PARTICIPANTS.value) or 1,
            "answers": answers,
        }
