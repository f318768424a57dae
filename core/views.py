from django.db import connection
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page
from wagtail.search.query import And, Or, PlainText

from . import hebrew, page_cache
from .pagination import page_or_404

SEARCH_PAGE_SIZE = 10
SEARCH_QUERY_MAX = 200  # longer queries are cut, not refused


def _clean_query(text):
    """Printable characters only, and no double quotes: SQLite's full-text engine fails on
    a NUL or an unbalanced quote instead of searching for it."""
    printable = "".join(ch if ch.isprintable() and ch != '"' else " " for ch in text)
    return " ".join(printable.split())[:SEARCH_QUERY_MAX]


def _hebrew_query(query):
    """The query as the Hebrew pages are indexed (core/hebrew.py): each Hebrew word as typed
    or any of its matching keys, and every word of the query (as before: the backends'
    plain-text queries ask for all their words). The word as typed also matches the page's
    own text, so that pages with the exact form rank above those with another form of it.
    A query without Hebrew words is searched as typed."""
    terms = []
    for token in query.split():
        words = hebrew.WORD_RE.findall(token)
        if not words:
            terms.append(PlainText(token))
        for word in words:
            as_typed = hebrew.strip_marks(word)
            forms = [as_typed, *sorted(hebrew.keys(word) - {as_typed})]
            terms.append(Or([PlainText(form) for form in forms]))
    if not any(isinstance(term, Or) for term in terms):
        return query
    if len(terms) == 1:
        return terms[0]
    if connection.vendor == "sqlite" and len(terms) % 2 == 0:
        # On SQLite, django-modelsearch ranks `And(terms)` by (1 + bm25)^len(terms) - 1
        # with FTS5's bm25, which is negative and better the lower: with an even number of
        # terms, that squares away the sign and puts the best matches last. Repeating one
        # term changes nothing to what matches, and makes the power odd.
        terms.append(terms[-1])
    return And(terms)


@require_GET
@page_cache.cacheable
def search(request):
    """Search over the public pages in the reader's language; Hebrew words also match
    their other forms (with or without a prefix, singular or plural: core/hebrew.py)."""
    query = _clean_query(request.GET.get("q", ""))
    results = None
    if query:
        locale = Locale.get_active()
        pages = Page.objects.live().public().filter(locale=locale).specific()
        if locale.language_code.split("-")[0] == "he":
            pages = pages.search(_hebrew_query(query))
        else:
            pages = pages.search(query)
        results = page_or_404(pages, request, SEARCH_PAGE_SIZE)
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
