"""Requests that carry a NUL character are refused with a 400, before any view.

No address, query or form of the site takes a NUL, yet one in the path (a newsletter token),
the query string (a news filter), a form value or a cookie (the session's key) would reach
the database as it is, and PostgreSQL refuses text with NUL in it: a DataError, a server
error, where SQLite simply finds nothing. Django's form fields refuse NUL, but views and
middleware read paths, queries and cookies directly, so the check is made once, here.
"""

from django.core.exceptions import BadRequest

NUL = "\x00"


def _texts(request):
    """Every piece of text the request brings that code may look up or store."""
    yield request.path
    for data in (request.GET, request.POST):
        for name, values in data.lists():
            yield name
            yield from values
    for name, value in request.COOKIES.items():
        yield name
        yield value


class RefuseNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(NUL in text for text in _texts(request)):
            # Answered by the 400 handler (site/templates/400.html), and logged as a warning.
            raise BadRequest("NUL character in the request")
        return self.get_response(request)
