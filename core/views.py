from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from . import page_cache
from .pagination import page_or_404

SEARCH_PAGE_SIZE = 10
SEARCH_QUERY_MAX = 200  # longer queries are cut, not refused


def _clean_query(text):
    """Printable characters only, and no double quotes: SQLite's full-text engine fails on
    a NUL or an unbalanced quote instead of searching for it."""
    printable = "".join(ch if ch.isprintable() and ch != '"' else " " for ch in text)
    return " ".join(printable.split())[:SEARCH_QUERY_MAX]


@require_GET
@page_cache.cacheable
def search(request):
    """Search over the public pages in the reader's language; Hebrew words also match
    their other forms (with or without a prefix, singular or plural: core/search_backend.py)."""
    query = _clean_query(request.GET.get("q", ""))
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = page_or_404(pages.search(query), request, SEARCH_PAGE_SIZE)
    return TemplateResponse(request, "search.html", {"query": query, "results": results})


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
