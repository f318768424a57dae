"""Wagtail's routing, remembered: a page's address leads to the same page until content
changes, so each process keeps where an address led (core/shell_cache.py) and later
requests fetch that page in one query, where Wagtail asks for the site, the reader's
locale and each level of the path with its specific row (six queries for an update).

It relies on routing depending on the host, the language and the path only, as Wagtail's
`route` and every `route` of ours do (news/models.py). The view restrictions are still
checked on every request (Wagtail's `before_serve_page` hook), and a page unpublished or
moved makes a new generation, which forgets every route.
"""

from django.utils.translation import get_language
from wagtail.models import Site
from wagtail.url_routing import RouteResult

from core import shell_cache

SITE_FIELDS = [field.attname for field in Site._meta.concrete_fields]


class RememberedRoutesMiddleware:
    """After the language is known (LocaleMiddleware): the key holds it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        key = ("route", request.get_host(), get_language(), request.path_info)
        known = shell_cache.get(request, key)
        if known is not None:
            _restore(request, *known)
        response = self.get_response(request)
        if known is None and (route := _wagtail_route(request)) is not None:
            shell_cache.put(request, key, route)
        return response


def _wagtail_route(request):
    """What Wagtail's routing found for this request, as plain values, or None."""
    result = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if result is None or site is None:
        return None
    page, args, kwargs = result
    values = [getattr(site, name) for name in SITE_FIELDS]
    return values, type(page), page.pk, args, kwargs


def _restore(request, site_values, model, pk, args, kwargs):
    page = model._default_manager.filter(pk=pk, live=True).first()
    if page is not None:  # else Wagtail routes the request itself
        request._wagtail_site = Site.from_db("default", SITE_FIELDS, site_values)
        request._wagtail_route_for_request = RouteResult(page, args, kwargs)
