from wagtail import hooks

from . import page_cache


@hooks.register("before_serve_page")
def pages_are_public(page, request, serve_args, serve_kwargs):
    """Every page may be kept in the page cache. Restricted pages are not: Wagtail answers
    a visitor who may not see one with a redirect or a password form, and one who may with
    never-cache headers, and neither is stored (core/page_cache.py)."""
    page_cache.allow(request)
