"""The bare trivial view of pages.py, as the issue defines it: a Django view answering a
constant 20 KB with no middleware, served by the same gunicorn workers as the site.

Requests to BARE go to a second Django handler built with an empty middleware list (URL
resolving and the view, nothing else); every other request goes to the site's application
unchanged. Served by the same processes as the pages, it is measured under the same load, in
the same run, with no second server competing for the two cores.
"""

from django.core.handlers.wsgi import WSGIHandler
from django.test.utils import override_settings

from config.wsgi import application as site

BARE = "/bench/bare/"  # the bench URLconf's constant view (benchsite.URLS)

with override_settings(MIDDLEWARE=[]):  # the handler reads its middleware once, here
    bare = WSGIHandler()


def application(environ, start_response):
    if environ.get("PATH_INFO") == BARE:
        return bare(environ, start_response)
    return site(environ, start_response)
