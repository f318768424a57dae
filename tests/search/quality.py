"""Recall and precision of the site search on the Hebrew corpus (tests/search/corpus.py):
the measurement of tests/search/test_quality.py and bench/search_quality.py.

One live Hebrew page per document, under a page of its own; then, for every family and
every form of it, the search the site runs (core/views.py: the query cleaned as the view
cleans it, `Page.objects.live().public()...search(query)` with the project's backend), kept
to the corpus's pages. For one query:

- relevant: the documents that contain any form of the family (as recorded in
  documents.txt, which is derived from the forms);
- found: the documents whose pages the search returned;
- recall = relevant found / relevant, precision = relevant found / found.

A family's figures pool its forms' queries (micro within the family). The totals are given
three ways: micro (every query of every family pooled), macro over families (the mean of
the families' figures) and macro over forms (the mean of the queries' figures; a query
that finds nothing has no precision and is left out of that mean, not its recall).
"""

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from statistics import fmean

from django.db import connection
from django.db.models.signals import post_save
from modelsearch import signal_handlers
from wagtail.models import Page
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from core import hebrew
from core.views import clean_query
from home.factories import StandardPageFactory
from home.models import StandardPage

from . import corpus

RECALL_TARGET = 0.95
PRECISION_TARGET = 0.90


@dataclass(frozen=True)
class Query:
    form: str  # as the reader types it
    relevant: frozenset  # document indexes
    found: frozenset

    @property
    def hits(self):
        return len(self.found & self.relevant)

    @property
    def recall(self):
        return self.hits / len(self.relevant)

    @property
    def precision(self):
        return self.hits / len(self.found) if self.found else None


def _pooled(queries):
    hits = sum(query.hits for query in queries)
    relevant = sum(len(query.relevant) for query in queries)
    found = sum(len(query.found) for query in queries)
    return hits / relevant, (hits / found if found else None)


@dataclass(frozen=True)
class FamilyResult:
    family: corpus.Family
    queries: tuple

    @property
    def relevant(self):
        return self.queries[0].relevant

    @property
    def recall(self):
        return _pooled(self.queries)[0]

    @property
    def precision(self):
        return _pooled(self.queries)[1]


@dataclass(frozen=True)
class Result:
    families: tuple  # of FamilyResult
    vendor: str  # the database's: "sqlite", "postgresql"

    @property
    def queries(self):
        return [query for family in self.families for query in family.queries]

    @property
    def micro(self):
        return _pooled(self.queries)

    @property
    def macro_families(self):
        return (
            fmean(family.recall for family in self.families),
            fmean(f.precision for f in self.families if f.precision is not None),
        )

    @property
    def macro_forms(self):
        queries = self.queries
        return (
            fmean(query.recall for query in queries),
            fmean(query.precision for query in queries if query.precision is not None),
        )


@contextmanager
def _quiet_page_log():
    """Wagtail logs every page it creates: not for 355 of them."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


@contextmanager
def _indexed_at_the_end(model):
    """Pages of `model` saved meanwhile are indexed together at the end, by the same backend
    and search fields as one by one (`add_bulk` instead of `add` for each save): a third of
    the time of building the corpus."""
    saved = []

    def keep(instance, **kwargs):
        saved.append(instance)

    post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
    post_save.connect(keep, sender=model, weak=False)
    try:
        yield
    finally:
        post_save.disconnect(keep, sender=model)
        post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, saved)


def build(parent):
    """A page for the corpus under `parent` (a Hebrew page), and one live page under it
    per document, the document as its introduction; the pages' ids → document indexes.
    Wagtail's reference index, which the search does not read, is left alone."""
    with (
        _quiet_page_log(),
        disable_reference_index_auto_update(),
        _indexed_at_the_end(StandardPage),
    ):
        root = StandardPageFactory(parent=parent, title="Corpus", introduction="", body=[])
        pages = {}
        for index, document in enumerate(corpus.documents()):
            page = StandardPageFactory(
                parent=root, title=f"Corpus {index}", introduction=document.text, body=[]
            )
            pages[page.pk] = index
    return root, pages


def search(root, pages, text, ordered=True):
    """The indexes of the documents the site search finds for `text`. `ordered=False`
    leaves out the ranking, which orders the pages and does not change which match (the
    query is the same): the test asks so, for speed."""
    query = clean_query(text)
    results = Page.objects.live().descendant_of(root).search(query, order_by_relevance=ordered)
    return frozenset(pages[page.pk] for page in results)


def measure(root, pages, vendor, ordered=True):
    documents = corpus.documents()
    results = []
    for family in corpus.families():
        relevant = frozenset(
            index for index, document in enumerate(documents) if family.lemma in document.families
        )
        queries = tuple(
            Query(form, relevant, search(root, pages, form, ordered)) for form in family.forms
        )
        results.append(FamilyResult(family, queries))
    return Result(tuple(results), vendor)


def run(parent, ordered=True):
    """Build the corpus under `parent` and measure; the caller rolls the pages back."""
    root, pages = build(parent)
    return measure(root, pages, connection.vendor, ordered)


# Reports


def _figure(value):
    return "-" if value is None else f"{value:.3f}"


def table(result):
    """Per family: its forms, the documents that contain one, the pages found over all its
    queries, recall and precision; then the totals. The Hebrew lemma comes last, so that
    the columns stay in place in a left-to-right terminal."""
    documents = len(corpus.documents())
    forms = sum(len(family.family.forms) for family in result.families)
    lines = [
        f"Hebrew search quality on {result.vendor}: {len(result.families)} families, "
        f"{forms} forms (one query each), {documents} documents",
        "",
        f"{'family':<34} {'forms':>5} {'docs':>5} {'found':>6} {'recall':>7} "
        f"{'precision':>9}  lemma",
        f"{'-' * 34} {'-' * 5} {'-' * 5} {'-' * 6} {'-' * 7} {'-' * 9}  {'-' * 8}",
    ]
    for family in result.families:
        found = sum(len(query.found) for query in family.queries)
        lines.append(
            f"{family.family.gloss[:34]:<34} {len(family.family.forms):>5} "
            f"{len(family.relevant):>5} {found:>6} {_figure(family.recall):>7} "
            f"{_figure(family.precision):>9}  {family.family.lemma}"
        )
    lines.append("")
    for name, (recall, precision) in [
        ("micro (all queries pooled)", result.micro),
        ("macro over families", result.macro_families),
        ("macro over forms", result.macro_forms),
    ]:
        lines.append(f"{name:<34} {'':>5} {'':>5} {'':>6} {recall:>7.3f} {precision:>9.3f}")
    recall, precision = result.micro
    met = {True: "yes", False: "NO"}
    lines.append(
        f"\nTargets (micro): recall >= {RECALL_TARGET}: {met[recall >= RECALL_TARGET]}; "
        f"precision >= {PRECISION_TARGET}: {met[precision >= PRECISION_TARGET]}"
    )
    return "\n".join(lines)


def _matching_words(form, text):
    """The words of `text` that share a matching key with `form` (core/hebrew.py): why the
    search found a page it should not have."""
    wanted = hebrew.keys(form) | {hebrew.strip_marks(form)}
    return sorted(
        {
            word
            for word in hebrew.WORD_RE.findall(text)
            if (hebrew.keys(word) | {hebrew.strip_marks(word)}) & wanted
        }
    )


def details(result):
    """For each family with a miss or a wrong page: the forms that missed documents (and
    the family's words in those documents), and the words that made wrong pages match."""
    documents = corpus.documents()
    lines = []
    for family in result.families:
        missed, wrong = [], {}
        for query in family.queries:
            lost = query.relevant - query.found
            if lost:
                in_lost = sorted(
                    {
                        word
                        for index in lost
                        for word in corpus.words(documents[index].text)
                        if word in family.family.plain_forms
                    }
                )
                missed.append(f"{query.form} ({len(lost)}: {' '.join(in_lost)})")
            for index in query.found - query.relevant:
                for word in _matching_words(query.form, documents[index].text) or ["?"]:
                    wrong.setdefault(word, set()).add(query.form)
        if missed or wrong:
            lines.append(f"{family.family.gloss} — {family.family.lemma}")
            if missed:
                lines.append(f"  missed: {'; '.join(missed)}")
            if wrong:
                found_by = [f"{word} ← {' '.join(sorted(forms))}" for word, forms in wrong.items()]
                lines.append(f"  wrong pages, through: {'; '.join(sorted(found_by))}")
    return "\n".join(lines)
