"""Wagtail's database search backend, with Hebrew queries asked for under every form of
their words (core/hebrew.py), wherever Wagtail's search API is used for whole words.

Each Hebrew word of a query becomes "the word as typed, or any of its keys", and the
query asks for all its words, as the backends' plain-text queries do. The form as typed
also matches the page's own text, so pages with the exact form rank first. A query without
Hebrew words, or one asking for any of its words (operator "or"), is searched as typed:
English keeps the backend's own matching."""

from modelsearch.backends import database
from wagtail.search.query import And, Or, PlainText

from . import hebrew


def hebrew_query(text, sqlite=False):
    """The query object for `text`, or `text` itself when it has no Hebrew word."""
    terms = []
    for token in text.split():
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


class HebrewQueries:
    """Whole-word searches only: autocomplete (the admin's page search and choosers) matches
    the beginnings of the words as typed, as before."""

    def search(self, query, model_or_queryset, *args, operator=None, **kwargs):
        if isinstance(query, str) and operator in (None, "and"):
            query = hebrew_query(query, sqlite=self.sqlite)
        return super().search(query, model_or_queryset, *args, operator=operator, **kwargs)


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    """The database backend for this database (PostgreSQL's or SQLite's), with Hebrew
    queries."""
    vendor_backend = type(database.SearchBackend(params))
    backend = type(f"Hebrew{vendor_backend.__name__}", (HebrewQueries, vendor_backend), {})
    backend.sqlite = vendor_backend.__module__.endswith(".sqlite")
    return backend(params)
