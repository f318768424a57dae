"""The site search's filters: the type of a result (an update, an event, a publication…)
and its year.

A page type says which type of result it is (`search_type`) and which of its dates a
result shows and the year filter reads (`search_date_field`): core/models.py BasePage."""

import itertools

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.utils.translation import pgettext_lazy
from wagtail.models import Page, get_page_models

from . import shell_cache

# The types a reader can search in, as the filter lists them, and as a result names its
# type (where the page type has no more precise name of its own, see BasePage.search_label).
TYPES = {
    "update": (
        pgettext_lazy("search result type", "HQ updates"),
        pgettext_lazy("search result type", "HQ update"),
    ),
    "event": (
        pgettext_lazy("search result type", "Events"),
        pgettext_lazy("search result type", "Event"),
    ),
    "publication": (
        pgettext_lazy("search result type", "Publications"),
        pgettext_lazy("search result type", "Publication"),
    ),
    "media": (
        pgettext_lazy("search result type", "Videos and galleries"),
        pgettext_lazy("search result type", "Video or gallery"),
    ),
    "page": (
        pgettext_lazy("search result type", "Pages"),
        pgettext_lazy("search result type", "Page"),
    ),
}


def _is_page_field(name):
    return any(field.name == name for field in Page._meta.get_fields())


def _models(search_type=None):
    """Our page types (those with a `search_type`), all or of one type."""
    return [
        model
        for model in get_page_models()
        if getattr(model, "search_type", None) and search_type in (None, model.search_type)
    ]


def _content_types(models):
    return list(ContentType.objects.get_for_models(*models).values())


def _by_date_field(models):
    def field(model):
        return model.search_date_field

    return itertools.groupby(sorted(models, key=field), key=field)


def _in_year(models, year):
    """Pages of `models` whose date is in `year`: one condition for the types dated by a
    field of every page (such as its last publication), a subquery per other type."""
    condition = Q()
    for field, group in _by_date_field(models):
        group = list(group)
        if _is_page_field(field):
            types = _content_types(group)
            condition |= Q(content_type__in=types, **{f"{field}__year": year})
        else:
            for model in group:
                dated = model.objects.filter(**{f"{field}__year": year}).values("pk")
                condition |= Q(pk__in=dated)
    return condition


def _years(pages):
    """The years of the pages of `pages`' kind, newest first (one query per dated type)."""
    years = set()
    for field, group in _by_date_field(_models()):
        group = list(group)
        if _is_page_field(field):
            dated = [pages.filter(content_type__in=_content_types(group))]
        else:
            dated = [model.objects.filter(pk__in=pages.values("pk")) for model in group]
        for queryset in dated:
            found = queryset.annotate(year=ExtractYear(field)).values_list("year", flat=True)
            years.update(year for year in found.distinct().order_by() if year)
    return sorted(years, reverse=True)


class Filters:
    """The type and year a reader chose, from the query string. Values that are not one of
    the choices are ignored, never an error: a reader who follows an old or mangled link
    still gets results."""

    def __init__(self, request, pages, language):
        self.years = shell_cache.kept(request, ("search-years", language), lambda: _years(pages))
        params = request.GET
        self.types = [(value, labels[0]) for value, labels in TYPES.items() if _models(value)]
        chosen_type = params.get("type", "")
        self.type = chosen_type if chosen_type in dict(self.types) else ""
        year = params.get("year", "")
        # isdecimal() and a length of 4: isdigit() also passes "²", which int() refuses.
        self.year = int(year) if year.isdecimal() and len(year) == 4 else None

    def __bool__(self):
        return bool(self.type or self.year)

    def apply(self, pages):
        models = _models(self.type or None)
        if self.type:
            pages = pages.filter(content_type__in=_content_types(models))
        if self.year:
            pages = pages.filter(_in_year(models, self.year))
        return pages
