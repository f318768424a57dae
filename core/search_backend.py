"""Wagtail's database search backend, with Hebrew queries asked for under every form of
their words (core/hebrew.py): the site search and the editors' admin search alike.

Each Hebrew word of a query becomes "the word as typed, or any of its keys", and the
query asks for all its words, as the backends' plain-text queries do. The form as typed
also matches the page's own text, so pages with the exact form rank first. A query without
Hebrew words, or one asking for any of its words (operator "or"), is searched as typed:
English keeps the backend's own matching."""

import functools

from modelsearch.backends import database
from wagtail.search.query import And, Or, PlainText

from . import hebrew


def _tokens(text):
    """The words of a query. A Hebrew letter standing alone after a Hebrew word ends an
    abbreviation whose quote is gone: the site search turns `"` into a space (core/views.py),
    so that 'מנכ"ל' arrives as "מנכ ל". The two are one word again, 'מנכ"ל'."""
    tokens = []
    for token in text.split():
        lone_letter = hebrew.WORD_RE.fullmatch(token) and len(hebrew.strip_marks(token)) == 1
        if lone_letter and tokens and hebrew.WORD_RE.fullmatch(tokens[-1]):
            tokens[-1] += f'"{token}'
        else:
            tokens.append(token)
    return tokens


def hebrew_query(text, sqlite=False):
    """The query object for `text`, or `text` itself when it has no Hebrew word."""
    terms = []
    for token in _tokens(text):
        words = hebrew.WORD_RE.findall(token)
        if not words:
            terms.append(PlainText(token))
        for word in words:
            as_typed = hebrew.strip_marks(word)
            forms = [as_typed, *sorted(hebrew.keys(word) - {as_typed})]
            terms.append(Or([PlainText(form) for form in forms]))
    if not any(isinstance(term, Or) for term in terms):
        return text
    if len(terms) == 1:
        return terms[0]
    if sqlite and len(terms) % 2 == 0:
        # SQLite's backend ranks `And(terms)` by (1 + bm25)^len(terms) - 1 with FTS5's bm25,
        # which is negative and better the lower: an even number of terms squares away the
        # sign and puts the best matches last. Repeating one term changes nothing to what
        # matches, and makes the power odd.
        terms.append(terms[-1])
    return And(terms)


def _rewritten(query, operator, sqlite):
    """`query` asked for under its Hebrew words' forms, if it asks for all its words: a
    string (the site search), or the PlainText the admin's page search parses it into."""
    if isinstance(query, str) and operator in (None, "and"):
        return hebrew_query(query, sqlite=sqlite)
    if isinstance(query, PlainText) and query.operator == "and" and query.boost == 1:
        return hebrew_query(query.query_string, sqlite=sqlite)
    return query


class HebrewQueries:
    """Whole-word searches, and autocomplete (the admin's page search and choosers), which
    matches the last word's beginning as typed besides."""

    def search(self, query, model_or_queryset, *args, operator=None, **kwargs):
        query = _rewritten(query, operator, self.sqlite)
        return super().search(query, model_or_queryset, *args, operator=operator, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, operator=None, **kwargs):
        query = _rewritten(query, operator, self.sqlite)
        return super().autocomplete(query, model_or_queryset, *args, operator=operator, **kwargs)


@functools.cache
def _with_hebrew_queries(vendor_backend):
    attributes = {"sqlite": vendor_backend.__module__.endswith(".sqlite")}
    if attributes["sqlite"]:
        from . import sqlite_search  # its imports need SQLite's full-text table

        attributes["query_compiler_class"] = sqlite_search.SearchQueryCompiler
        attributes["autocomplete_query_compiler_class"] = sqlite_search.AutocompleteQueryCompiler
    return type(f"Hebrew{vendor_backend.__name__}", (HebrewQueries, vendor_backend), attributes)


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    """The database backend for this database (PostgreSQL's or SQLite's), with Hebrew
    queries. Wagtail makes one per search: the class is made once per database kind."""
    backend = database.SearchBackend(params)
    backend.__class__ = _with_hebrew_queries(type(backend))
    return backend
