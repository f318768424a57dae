import re

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.models import Locale, Page

from . import page_cache, search_filters, search_results, shell_cache
from .pagination import page_or_404

SEARCH_PAGE_SIZE = 10
SEARCH_QUERY_MAX = 200  # longer queries are cut, not refused


# A double quote between Hebrew letters marks an abbreviation ('מנכ"ל', 'מנכ"לית'): it is
# the gershayim typed on a keyboard without one.
_ABBREVIATION_QUOTE_RE = re.compile(r'(?<=[\u05d0-\u05ea])"(?=[\u05d0-\u05ea])')


def clean_query(text):
    """Printable characters only, and no double quotes: SQLite's full-text engine fails on
    a NUL or an unbalanced quote instead of searching for it. An abbreviation's quote
    becomes the gershayim, which the search ignores inside a word (core/hebrew.py)."""
    text = _ABBREVIATION_QUOTE_RE.sub("\u05f4", text)
    printable = "".join(ch if ch.isprintable() and ch != '"' else " " for ch in text)
    return " ".join(printable.split())[:SEARCH_QUERY_MAX]


@require_GET
@page_cache.cacheable
def search(request):
    """Search over the public pages in the reader's language; Hebrew words also match
    their other forms (with or without a prefix, singular or plural: core/search_backend.py).
    Each result shows where its words were found, highlighted; a search that finds nothing
    suggests where to look instead."""
    query = clean_query(request.GET.get("q", ""))
    language = Locale.get_active()
    pages = Page.objects.live().public().filter(locale=language)
    filters = search_filters.Filters(request, pages, language.language_code)
    results = None
    if query:
        results = page_or_404(
            filters.apply(pages).specific().search(query), request, SEARCH_PAGE_SIZE
        )
        results.object_list = search_results.present(results.object_list, query)
    context = {"query": query, "results": results, "filters": filters}
    if not results:
        context["suggestions"] = _suggestions(request, language.language_code)
    return TemplateResponse(request, "search.html", context)


def _suggestions(request, language):
    """Where to look when a search found nothing (`register_search_suggestions` hooks:
    functions of the request that give a Suggestion or None), until content changes."""
    return shell_cache.kept(
        request,
        ("search-suggestions", language),
        lambda: [
            found
            for hook in hooks.get_hooks("register_search_suggestions")
            if (found := hook(request)) is not None
        ],
    )


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
