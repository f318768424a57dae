"""The enrollment form and the form a person corrects their details with. The fields are
code, not editors' (the admin's list and export rely on them); their labels are translated.

The kibbutz is chosen from members' list by id, with "other" for someone who is not a
member of a listed kibbutz, who then names their community: the browser shows both fields,
and the server, not a script, requires the community when "other" is chosen."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.antispam import BotChecksMixin
from core.forms import validate_plain_address

from .people import AgeBand, Interest, Person
from .phone import MAX_INPUT_LENGTH, normalise_mobile

OTHER = "other"
# The consents' wordings, each stored with the consent it records (ConsentEvent.wording),
# in the language the person read it in.
LIST_CONSENT = _(
    "I agree that the Cooperative HQ keep my details on its list of people who joined the "
    "cooperative movement and contact me about its work. I can see, correct or erase my "
    "details at any time with the link in every email."
)
NEWSLETTER_CONSENT = _(
    "Also send me the newsletter of the Association of Cooperative Kibbutzim (we will ask "
    "you to confirm it in a separate email)."
)


def _kibbutz_model():
    # members' Kibbutz, reached through the relation: this app does not import members.
    return Person._meta.get_field("kibbutz").related_model


class PersonDetailsForm(forms.Form):
    """What a person tells about themselves: the enrollment form without the address and
    the consents, and the whole of the correction form."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=100,
        widget=forms.TextInput({"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=100,
        widget=forms.TextInput({"autocomplete": "family-name"}),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=MAX_INPUT_LENGTH,
        help_text=_("An Israeli mobile number, such as 050-1234567."),
        widget=forms.TextInput({"autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}),
    )
    kibbutz = forms.ChoiceField(label=_("Kibbutz"))
    other_community = forms.CharField(
        label=_("Your community"),
        max_length=150,
        required=False,
        help_text=_("Only if you chose “Other / not a kibbutz member”: where you live."),
    )
    age_band = forms.ChoiceField(label=_("Age"), choices=[("", "—"), *AgeBand.choices])
    interests = forms.ModelMultipleChoiceField(
        label=_("Areas you would like to volunteer in"),
        queryset=Interest.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    wants_to_be_contact = forms.BooleanField(
        label=_("I am willing to be a contact person in my kibbutz"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kibbutzim = sorted(_kibbutz_model().objects.all(), key=str)
        self.fields["kibbutz"].choices = [
            ("", _("Choose your kibbutz")),
            *((str(kibbutz.pk), str(kibbutz)) for kibbutz in kibbutzim),
            (OTHER, _("Other / not a kibbutz member")),
        ]
        self.fields["interests"].queryset = Interest.objects.filter(locale=Locale.get_active())

    @classmethod
    def initial_for(cls, person):
        """The form's values for a stored person (the correction form)."""
        return {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "phone": person.phone,
            "kibbutz": str(person.kibbutz_id) if person.kibbutz_id else OTHER,
            "other_community": person.other_community,
            "age_band": person.age_band,
            "interests": list(person.interests.all()),
            "wants_to_be_contact": person.wants_to_be_contact,
        }

    def clean_phone(self):
        return normalise_mobile(self.cleaned_data["phone"])

    def clean(self):
        cleaned_data = super().clean()
        community = cleaned_data.get("other_community", "").strip()
        if cleaned_data.get("kibbutz") == OTHER and not community:
            self.add_error(
                "other_community",
                _("Write the name of your community, or choose your kibbutz in the list."),
            )
        return cleaned_data

    def person_fields(self):
        """The cleaned values, as Person's fields (the interests apart: a relation)."""
        data = self.cleaned_data
        kibbutz = data["kibbutz"]
        return {
            "first_name": data["first_name"].strip(),
            "last_name": data["last_name"].strip(),
            "phone": data["phone"],
            "kibbutz_id": None if kibbutz == OTHER else int(kibbutz),
            "other_community": data["other_community"].strip() if kibbutz == OTHER else "",
            "age_band": data["age_band"],
            "wants_to_be_contact": data["wants_to_be_contact"],
        }


class EnrollmentForm(BotChecksMixin, PersonDetailsForm):
    bot_check_salt = "enrollment.form-started"

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        validators=[validate_plain_address],
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    list_consent = forms.BooleanField(
        label=LIST_CONSENT,
        error_messages={"required": _("Tick the box to agree to be on the Cooperative HQ's list.")},
    )
    newsletter_consent = forms.BooleanField(label=NEWSLETTER_CONSENT, required=False)

    field_order = ["first_name", "last_name", "email", "phone"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
