"""<id:…> in our URL patterns: a database id, at most 18 digits, so always within the
64-bit integer range of every database.

Django's <int:…> takes any number of digits. Its exact lookups on an integer column stop
an id beyond the range before the query, but a lookup through a relation (an issue page's
page_ptr) hands it on, and SQLite raises OverflowError: a server error for a mistyped or
forged link. With <id:…> such an address is simply not found (404)."""

from django.urls.converters import IntConverter


class IdConverter(IntConverter):
    regex = "[0-9]{1,18}"
