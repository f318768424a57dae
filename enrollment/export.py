"""The list of people as a spreadsheet: the columns HQ works with (core/spreadsheet.py
writes them)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.spreadsheet import ColumnsExport


def interests(person):
    return ", ".join(interest.name for interest in person.interests.all())


def _yes_no(value):
    return _("yes") if value else _("no")


# What an export holds, in this order: (heading, value of a person).
EXPORT_COLUMNS = {
    "first_name": (gettext_lazy("first name"), lambda p: p.first_name),
    "last_name": (gettext_lazy("last name"), lambda p: p.last_name),
    "email": (gettext_lazy("email"), lambda p: p.email),
    "phone": (gettext_lazy("mobile phone"), lambda p: p.phone),
    "kibbutz": (gettext_lazy("kibbutz"), lambda p: str(p.kibbutz or "")),
    "region": (
        gettext_lazy("region"),
        lambda p: p.kibbutz.get_region_display() if p.kibbutz else "",
    ),
    "kibbutz_status": (
        gettext_lazy("kibbutz status"),
        lambda p: p.kibbutz.get_status_display() if p.kibbutz else "",
    ),
    "other_community": (gettext_lazy("other community"), lambda p: p.other_community),
    "age_band": (gettext_lazy("age"), lambda p: p.get_age_band_display()),
    "interests": (gettext_lazy("volunteering areas"), interests),
    "wants_to_be_contact": (
        gettext_lazy("willing to be a contact person"),
        lambda p: _yes_no(p.wants_to_be_contact),
    ),
    "contact_appointed_at": (
        gettext_lazy("appointed contact person"),
        lambda p: p.contact_appointed_at,
    ),
    "status": (gettext_lazy("status"), lambda p: p.get_status_display()),
    "created_at": (gettext_lazy("enrolled on"), lambda p: p.created_at),
    "confirmed_at": (gettext_lazy("confirmed"), lambda p: p.confirmed_at),
}


class PeopleExport(ColumnsExport):
    """For an index view of people (before Wagtail's IndexView in its bases)."""

    export_columns = EXPORT_COLUMNS
    export_filename = "enrolled-people"
