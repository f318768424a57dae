"""What Wagtail's SQLite search backend is given here (core/search_backend.py): titles that
rank first, and a ranking done in one pass. Imported on SQLite only: the backend's modules
refer to the FTS5 table, which exists on SQLite only.

- **Titles first.** The backend ranks the title vector and the body by the same bm25 of
  all columns, and FTS5's column weights scale word counts before bm25 saturates them: no
  weight lets a title match outrank a text that repeats the word. The title vector is
  ranked by the bm25 of the title column alone, times TITLE_WEIGHT, as PostgreSQL's
  weighted ranking puts titles first.
- **One pass.** The backend orders the pages by a correlated subquery that runs the FTS5
  match again for every page found: with a thousand pages found, a search took a second.
  Here the match is ranked once to find the page of results, and only that page's
  objects are scored again to be put in order."""

from django.db.models import CharField, FloatField, OuterRef, Subquery
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import query as fts
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchQueryCompiler,
)
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.query import And, Not, Or, Phrase, PlainText

TITLE_WEIGHT = 10.0  # the title's rank against the whole page's


class TitleBM25(fts.BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        # The table's columns are (autocomplete, body, title).
        return f"bm25({fts.SQLiteFTSIndexEntry._meta.db_table}, 0, 0, 1)", []


class RankedInOnePass:
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if getattr(vector, "name", "") == "index_entry__title" and isinstance(
            query, (Phrase, PlainText, Not)
        ):
            return TitleBM25() * (boost * TITLE_WEIGHT)
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def search(self, config, start, stop, score_field=None):
        query = fts.normalize(self.query)
        if (
            not self.order_by_relevance
            or score_field
            or not isinstance(query, (And, Or, PlainText, Phrase))
        ):
            return super().search(config, start, stop, score_field=score_field)
        matches = self._matches(query, config)
        if start in (None, 0) and stop is None:  # counted, or read whole in no given order
            return self.queryset.filter(pk__in=matches.values("index_entry__object_id"))
        # The FTS5 match with its scores, once, for the objects of the queryset (their ids
        # are stored as text), cut to the page asked for; then the scores of that page's
        # objects alone, to order them.
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        keys = self.queryset.order_by().annotate(key=Cast("pk", CharField())).values("key")
        page = (
            matches.filter(index_entry__object_id__in=keys)
            .annotate(score=rank)
            .order_by("score", "-index_entry__object_id")
            .values("index_entry__object_id")[start:stop]
        )
        own = matches.filter(index_entry__object_id=Cast(OuterRef("pk"), CharField()))
        score = Subquery(own.annotate(score=rank).values("score")[:1], output_field=FloatField())
        return (
            self.queryset.filter(pk__in=page)
            .annotate(_search_score=score)
            .order_by("_search_score", "-pk")
        )

    def _matches(self, query, config):
        """The index entries that match, of the queryset's model and its descendants."""
        match = fts.MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        types = get_descendants_content_types_pks(self.queryset.model)
        return fts.SQLiteFTSIndexEntry.objects.filter(match, index_entry__content_type__in=types)


class SearchQueryCompiler(RankedInOnePass, SQLiteSearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(RankedInOnePass, SQLiteAutocompleteQueryCompiler):
    pass
