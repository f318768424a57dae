"""The list of people as a spreadsheet (Wagtail's CSV and XLSX export, adapted): the
columns HQ works with, in the reader's language; read a chunk of rows at a time and written
as it goes, so that an export's memory does not grow with the list; a cell that a
spreadsheet program would run as a formula is written as text."""

import datetime
import re
import tempfile

from django.http import FileResponse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.mixins import SpreadsheetExportMixin

CHUNK = 2000  # rows fetched at a time (with their prefetches)


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
# A spreadsheet program runs a cell that starts with these as a formula (CSV injection);
# a phone number in E.164 (+972…) is only digits, and stays as it is.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
E164 = re.compile(r"\+\d{6,15}")


def _csv_text(value):
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not E164.fullmatch(text):
        return "'" + text
    return text


class Chunked:
    """A queryset read CHUNK rows at a time (prefetches included), for Wagtail's
    export, which reads `.model` and iterates."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.model = queryset.model

    def __iter__(self):
        return self.queryset.iterator(chunk_size=CHUNK)


def _streamed_as_now(rows):
    """The CSV's lines are written while the response is sent, after the view has returned
    and the admin's language and time zone for this user are no longer active: they are
    kept for it."""
    language, zone = translation.get_language(), timezone.get_current_timezone()

    def lines():
        yield "\ufeff".encode()  # the BOM: spreadsheet programs then read Hebrew as UTF-8
        with translation.override(language), timezone.override(zone):
            yield from rows

    return lines()


class PeopleExport(SpreadsheetExportMixin):
    """For an index view of people (before Wagtail's IndexView in its bases)."""

    list_export = list(EXPORT_COLUMNS)
    export_filename = "enrolled-people"
    # Times in Israel's time, as HQ reads them, not in UTC.
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            "xlsx": lambda value: timezone.localtime(value).replace(tzinfo=None),
            "csv": lambda value: timezone.localtime(value).strftime("%Y-%m-%d %H:%M"),
        },
    }

    def get_heading(self, queryset, field):
        return str(capfirst(EXPORT_COLUMNS[field][0]))

    def to_row_dict(self, item):
        return {field: value(item) for field, (_heading, value) in EXPORT_COLUMNS.items()}

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: _csv_text(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def stream_csv(self, queryset):
        return _streamed_as_now(super().stream_csv(queryset))

    def write_xlsx_response(self, queryset):
        # As Wagtail's, but into a temporary file rather than memory: the workbook of a long
        # list is not held in the worker's memory while it is sent.
        output = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )
