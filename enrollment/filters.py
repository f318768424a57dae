"""HQ's filters and search over the list of people, shared by the list, its counts and its
exports (each shows the same people for the same query string)."""

import re

import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from .people import AgeBand, Interest, Person

# members' Kibbutz, reached through the relation: this app does not import members.
Kibbutz = Person._meta.get_field("kibbutz").related_model
MAX_SEARCH_WORDS = 6


def _choices(field_name):
    return Kibbutz._meta.get_field(field_name).choices


class PersonFilterSet(WagtailFilterSet):
    kibbutz = django_filters.ModelChoiceFilter(label=_("kibbutz"), queryset=Kibbutz.objects.all())
    region = django_filters.ChoiceFilter(
        label=_("region"), field_name="kibbutz__region", choices=_choices("region")
    )
    kibbutz_status = django_filters.ChoiceFilter(
        label=_("kibbutz status"), field_name="kibbutz__status", choices=_choices("status")
    )
    # One area in the default language; people who chose it in another language match too.
    interest = django_filters.ModelChoiceFilter(
        label=_("volunteering area"),
        queryset=Interest.objects.filter(locale__language_code=settings.LANGUAGE_CODE),
        method="filter_interest",
    )
    age_band = django_filters.ChoiceFilter(label=_("age"), choices=AgeBand.choices)
    wants_to_be_contact = django_filters.BooleanFilter(
        label=_("willing to be a contact person"), widget=BooleanRadioSelect
    )
    appointed = django_filters.BooleanFilter(
        label=_("appointed contact person"),
        field_name="contact_appointed_at",
        lookup_expr="isnull",
        exclude=True,
        widget=BooleanRadioSelect,
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=Person.Status.choices)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("enrolled on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Person
        fields = []

    def filter_interest(self, people, name, interest):
        # (person, area) pairs are unique: one area never lists a person twice.
        return people.filter(interests__translation_key=interest.translation_key)


def _digits(word):
    """A phone number's digits as stored after +972 (05X → 5X), or "" for a non-number."""
    digits = re.sub(r"[\s\-.()+]", "", word)
    return digits.removeprefix("972").lstrip("0") if digits.isdigit() else ""


def search(people, text):
    """People with every word of `text` in a name, the email, the phone (as people write
    it: 050-1234567) or their kibbutz or community."""
    for word in text.split()[:MAX_SEARCH_WORDS]:
        match = (
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
            | Q(other_community__icontains=word)
            | Q(kibbutz__name_he__icontains=word)
            | Q(kibbutz__name_en__icontains=word)
        )
        if len(digits := _digits(word)) >= 3:
            match |= Q(phone__contains=digits)
        people = people.filter(match)
    return people
