"""The media index: every item of the section on one page."""

from collections import defaultdict

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, prefetch_related_objects
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.models import BasePage, SectionPage
from core.pages import unrestricted
from media import ics

from .events import EVENT_REGIONS, NATIONAL, EventKind, EventPage
from .items import GalleryPage, PublicationPage, VideoPage

#: The media types by the value of the index's ?kind= filter, in the filter's order.
MEDIA_TYPES = {
    model.media_kind: model for model in (VideoPage, GalleryPage, PublicationPage, EventPage)
}


def _sort_date():
    """The date each item is listed by, whatever its type: one expression over the
    reverse one-to-one joins from Page to every media type."""
    dates = []
    for model in MEDIA_TYPES.values():
        lookup = f"{model._meta.model_name}__{model.search_date_field}"
        field = model._meta.get_field(model.search_date_field)
        dates.append(TruncDate(lookup) if isinstance(field, models.DateTimeField) else F(lookup))
    return Coalesce(*dates, output_field=models.DateField())


def prefetch_listing(pages):
    """`pages` (from `media_items()`) as a list of their specific pages, with what their
    cards show fetched in a fixed number of queries: one per type that has prefetches,
    and one for the renditions of all the cards' images."""
    pages = [getattr(page, page.specific_class._meta.model_name) for page in pages]
    by_type = defaultdict(list)
    for page in pages:
        by_type[type(page)].append(page)
    for model, group in by_type.items():
        if lookups := model.listing_prefetches():
            prefetch_related_objects(group, *lookups)
    images = [page.listing_image for page in pages if page.listing_image is not None]
    prefetch_related_objects(images, "renditions")
    return pages


def event_filters(query):
    """The events' own filters read from `query` (a QueryDict): ?region= (its events and
    the national ones, which are every region's) and ?type= (an EventKind), as lookups on
    EventPage; unknown values are ignored. Also the selected values, for the form."""
    region = query.get("region", "")
    region = region if region in dict(EVENT_REGIONS) and region != NATIONAL else ""
    kind = query.get("type", "")
    kind = kind if kind in EventKind.values else ""
    lookups = {}
    if region:
        lookups["region__in"] = [region, NATIONAL]
    if kind:
        lookups["kind"] = kind
    return lookups, {"region": region, "type": kind}


class MediaIndexPage(RoutablePageMixin, SectionPage):
    """The media & outreach section: upcoming events, then every other item, newest
    first, twelve to a page, filtered by kind with ?kind=video|gallery|publication|event,
    and events further by region and type (event_filters()). Its upcoming events are a
    calendar feed too, at calendar/ (?region= for one region's)."""

    PER_PAGE = 12

    template = "media/media_index_page.html"
    subpage_types = [f"media.{model.__name__}" for model in MEDIA_TYPES.values()]
    search_fields = BasePage.search_fields

    class Meta:
        verbose_name = _("media index")
        verbose_name_plural = _("media indexes")

    def upcoming_events(self, now=None, lookups=None):
        """Events that have not ended yet, soonest first, narrowed by EventPage `lookups`."""
        now = now or timezone.now()
        events = unrestricted(EventPage.objects.child_of(self).live()).filter(ends_at__gte=now)
        return events.filter(**(lookups or {})).order_by("starts_at", "pk")

    def media_items(self, kind="", now=None, event_lookups=None):
        """The section's live, public items of `kind` (all kinds if empty), newest first,
        without the upcoming events (the page shows those apart). Each page comes with its
        specific page and that page's `listing_related` joined in, the same query for all
        types (`.specific()` would take one more per type); see prefetch_listing().
        `event_lookups` narrow the events (with kind "event" only)."""
        now = now or timezone.now()
        types = [MEDIA_TYPES[kind]] if kind else list(MEDIA_TYPES.values())
        joined = []
        for model in types:
            name = model._meta.model_name
            joined += [name, *(f"{name}__{field}" for field in model.listing_related)]
        items = (
            unrestricted(Page.objects.child_of(self).live())
            .type(*types)
            .exclude(eventpage__ends_at__gte=now)
            .filter(
                **{f"eventpage__{name}": value for name, value in (event_lookups or {}).items()}
            )
            .select_related(*joined)
        )
        return items.annotate(sort_date=_sort_date()).order_by("-sort_date", "-pk")

    def kind_filters(self, current):
        filters = [{"kind": "", "label": _("All"), "current": not current}]
        for kind, model in MEDIA_TYPES.items():
            label = capfirst(model._meta.verbose_name_plural)
            filters.append({"kind": kind, "label": label, "current": kind == current})
        return filters

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        if kind not in MEDIA_TYPES:
            kind = ""  # an unknown kind shows everything
        now = timezone.now()
        lookups, selected = event_filters(request.GET) if kind == EventPage.media_kind else ({}, {})
        # get_page(): a page that is not a number is the first, one past the end the last.
        items = Paginator(self.media_items(kind, now, lookups), self.PER_PAGE).get_page(
            request.GET.get("page")
        )
        items.object_list = prefetch_listing(items.object_list)
        show_upcoming = kind in ("", EventPage.media_kind) and items.number == 1
        if kind == EventPage.media_kind:
            heading = _("Past events")
        elif kind:
            heading = capfirst(MEDIA_TYPES[kind]._meta.verbose_name_plural)
        else:
            heading = _("Latest")
        context.update(
            kind=kind,
            kind_filters=self.kind_filters(kind),
            items=items,
            items_heading=heading,
            show_upcoming=show_upcoming,
            upcoming_events=list(self.upcoming_events(now, lookups)) if show_upcoming else [],
            event_filter=selected,
            event_regions=EVENT_REGIONS,
            event_kinds=EventKind.choices,
        )
        return context

    # A route, so a child page slugged "calendar" would be hidden: the slug is reserved.
    @path("calendar/", name="calendar")
    def calendar(self, request):
        """The upcoming events as an iCalendar feed that calendar apps subscribe to;
        ?region= gives that region's and the national ones."""
        lookups, selected = event_filters(request.GET)
        lookups.pop("kind", None)  # by region only: a calendar of every kind
        events = self.upcoming_events(lookups=lookups)
        name = self.title
        if selected["region"]:
            name = f"{name}: {dict(EVENT_REGIONS)[selected['region']]}"
        return ics.response(
            [event.as_ics_event(request) for event in events],
            filename=f"{self.slug}-{selected['region'] or 'all'}.ics",
            name=name,
            as_attachment=False,
        )
