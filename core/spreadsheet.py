"""HQ's lists as spreadsheets (Wagtail's CSV and XLSX export, adapted): the columns a view
names, in the reader's language; read a chunk of rows at a time and written as it goes, so
that an export's memory does not grow with the list; a cell that a spreadsheet program would
run as a formula is written as text; times in local time."""

import datetime
import re
import tempfile

from django.db.models import QuerySet
from django.http import FileResponse
from django.utils import timezone, translation
from django.utils.text import capfirst
from wagtail.admin.views.mixins import SpreadsheetExportMixin

CHUNK = 2000  # rows fetched at a time (with their prefetches)
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


class ColumnsExport(SpreadsheetExportMixin):
    """For an index view (before Wagtail's IndexView in its bases): `export_columns` is
    {field: (heading, value of an item)}, in the spreadsheet's order."""

    export_columns = {}
    # Times in Israel's time, as HQ reads them, not in UTC.
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            "xlsx": lambda value: timezone.localtime(value).replace(tzinfo=None),
            "csv": lambda value: timezone.localtime(value).strftime("%Y-%m-%d %H:%M"),
        },
    }

    @property
    def list_export(self):
        return list(self.export_columns)

    def get_heading(self, queryset, field):
        return str(capfirst(self.export_columns[field][0]))

    def to_row_dict(self, item):
        return {field: value(item) for field, (_heading, value) in self.export_columns.items()}

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: _csv_text(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if isinstance(queryset, QuerySet):
            queryset = Chunked(queryset)
        return super().as_spreadsheet(queryset, spreadsheet_format)

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
