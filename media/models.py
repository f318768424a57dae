"""The media & outreach section: videos, photo galleries, publications and events, each a
page under one media index that lists them together, newest first, with upcoming events
ahead of the rest."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Prefetch, prefetch_related_objects
from django.db.models.functions import Coalesce, TruncDate
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.blocks import ContentStreamBlock
from core.models import BasePage

from . import ics


def _images_with_renditions():
    """Images with all their renditions, so that cards and galleries ask for none."""
    return get_image_model().objects.prefetch_renditions()


class MediaItemPage(BasePage):
    """What every item of the media section has: a place under the media index, a body,
    and what the index needs to list it."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["media.MediaIndexPage"]
    subpage_types = []

    media_kind = ""  # the value of the index's ?kind= filter that selects this type
    date_field = ""  # the field the index sorts by, newest first

    class Meta:
        abstract = True

    @classmethod
    def listing_prefetches(cls):
        """Lookups that let a list of these pages render without a query per item."""
        return []

    @property
    def listing_image(self):
        return None

    @property
    def kind_label(self):
        return capfirst(self._meta.verbose_name)


class DatedMediaPage(MediaItemPage):
    """An item the index dates by its publication day: a video, a gallery, a publication."""

    published_at = models.DateField(
        _("published on"),
        default=timezone.localdate,
        help_text=_("The media list shows the newest items first."),
    )

    date_field = "published_at"

    class Meta:
        abstract = True


class VideoPage(DatedMediaPage):
    video_url = models.URLField(_("video address"), help_text=_("A YouTube or Vimeo link."))
    thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("thumbnail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the media list."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("video_url"),
        FieldRowPanel([FieldPanel("published_at"), FieldPanel("thumbnail")]),
        FieldPanel("body"),
    ]

    template = "media/video_page.html"
    media_kind = "video"

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def clean(self):
        super().clean()
        if self.video_url and self.embed is None:
            raise ValidationError(
                {"video_url": _("This address cannot be embedded. Use a YouTube or Vimeo link.")}
            )

    @cached_property
    def embed(self):
        """The provider's player for `video_url` (a wagtail Embed), or None."""
        try:
            return get_embed(self.video_url)
        except EmbedException:
            return None

    @classmethod
    def listing_prefetches(cls):
        return [Prefetch("thumbnail", queryset=_images_with_renditions())]

    @property
    def listing_image(self):
        return self.thumbnail

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The shape of a core VideoBlock value, for components/blocks/video.html.
        context["video"] = self.embed and {"video": self.embed, "title": self.title}
        return context


class GalleryPage(DatedMediaPage):
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("published_at"),
        InlinePanel("images", label=_("Images"), min_num=1),
        FieldPanel("body"),
    ]

    template = "media/gallery_page.html"
    media_kind = "gallery"

    class Meta:
        verbose_name = _("photo gallery")
        verbose_name_plural = _("photo galleries")

    @classmethod
    def listing_prefetches(cls):
        image = Prefetch("image", queryset=_images_with_renditions())
        return [Prefetch("images", queryset=GalleryImage.objects.prefetch_related(image))]

    @property
    def listing_image(self):
        first = next(iter(self.images.all()), None)
        return first.image if first else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        images = list(self.images.all())  # in-memory in previews, from the database otherwise
        prefetch_related_objects(images, Prefetch("image", queryset=_images_with_renditions()))
        context["images"] = [item for item in images if item.image is not None]
        return context


class GalleryImage(TranslatableMixin, Orderable):
    """One photo of a gallery. Translatable, so that its description and caption can be
    given in each language."""

    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describe the image for readers who cannot see it. Leave empty only if "
            "the image is decorative."
        ),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")


class PublicationKind(models.TextChoices):
    JOURNAL = "journal", _("journal issue")
    BOOKLET = "booklet", _("booklet")
    OTHER = "other", _("other publication")


class PublicationPage(DatedMediaPage):
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=PublicationKind.choices,
        default=PublicationKind.JOURNAL,
        help_text=_(
            "An issue of the journal “Hevra-Mifne”, a booklet (such as the education "
            "booklet) or another publication."
        ),
    )
    # Required in the form; SET_NULL so that deleting the file never deletes the page.
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publication itself, usually a PDF."),
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("published_at")]),
        FieldRowPanel([FieldPanel("document"), FieldPanel("cover")]),
        FieldPanel("body"),
    ]

    template = "media/publication_page.html"
    media_kind = "publication"

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    @classmethod
    def listing_prefetches(cls):
        return [Prefetch("cover", queryset=_images_with_renditions())]

    @property
    def listing_image(self):
        return self.cover

    @property
    def kind_label(self):
        return capfirst(self.get_kind_display())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        document = self.document
        context["document"] = document
        if document is not None:
            context["document_type"] = document.file_extension.upper()
            context["document_size"] = document.get_file_size()
        return context


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("workshop")
    REGIONAL_MEETING = "regional_meeting", _("regional meeting")
    ANNUAL_CONFERENCE = "annual_conference", _("annual conference")
    OTHER = "other", _("other event")


class EventPage(RoutablePageMixin, MediaItemPage):
    """A workshop, a regional meeting, the annual conference: shown as upcoming until it
    ends, with a registration link until then, and offered as a calendar file."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.WORKSHOP
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(
        _("location"), max_length=200, help_text=_("For example: the kibbutz and the hall.")
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Shown until the event ends."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("location"),
                FieldPanel("registration_url"),
            ],
            heading=_("The event"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *MediaItemPage.search_fields,
        index.SearchField("location"),
        index.FilterField("starts_at"),
    ]

    template = "media/event_page.html"
    media_kind = "event"
    date_field = "starts_at"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An event cannot end before it starts.")})

    @property
    def kind_label(self):
        return capfirst(self.get_kind_display())

    @property
    def is_upcoming(self):
        """True until the event ends."""
        return self.ends_at >= timezone.now()

    @property
    def ends_on_its_first_day(self):
        return timezone.localdate(self.starts_at) == timezone.localdate(self.ends_at)

    def as_ics_event(self, request=None):
        return ics.Event(
            uid=f"event-{self.translation_key}@shitufi",
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            stamp=self.last_published_at or timezone.now(),
            summary=self.title,
            location=self.location,
            description=self.introduction,
            url=self._absolute_url(request),
            language=self.locale.language_code,
        )

    def _absolute_url(self, request=None):
        """The page's address on the host the reader used (like the canonical link)."""
        if request is not None:
            return request.build_absolute_uri(self.get_url(request))
        return self.get_full_url() or ""

    # The address has no dot: Wagtail serves only paths made of [\w-]+/ segments.
    @path("ics/", name="ics")
    def ics_file(self, request):
        response = HttpResponse(
            ics.calendar([self.as_ics_event(request)]).encode("utf-8"),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{self.slug}.ics"
        )
        return response


#: The media types by the value of the index's ?kind= filter, in the filter's order.
MEDIA_TYPES = {
    model.media_kind: model for model in (VideoPage, GalleryPage, PublicationPage, EventPage)
}


def _sort_date():
    """The date each item is listed by, whatever its type: one expression over the
    reverse one-to-one joins from Page to every media type."""
    dates = []
    for model in MEDIA_TYPES.values():
        lookup = f"{model._meta.model_name}__{model.date_field}"
        field = model._meta.get_field(model.date_field)
        dates.append(TruncDate(lookup) if isinstance(field, models.DateTimeField) else F(lookup))
    return Coalesce(*dates, output_field=models.DateField())


def prefetch_listing(pages):
    """`pages` (specific pages of any media type) as a list, with what their cards show
    fetched in a fixed number of queries per type."""
    pages = list(pages)
    by_type = defaultdict(list)
    for page in pages:
        by_type[type(page)].append(page)
    for model, group in by_type.items():
        if lookups := getattr(model, "listing_prefetches", list)():
            prefetch_related_objects(group, *lookups)
    return pages


class MediaIndexPage(BasePage):
    """The media & outreach section: upcoming events, then every other item, newest
    first, twelve to a page, filtered by kind with ?kind=video|gallery|publication|event."""

    PER_PAGE = 12

    template = "media/media_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = [f"media.{model.__name__}" for model in MEDIA_TYPES.values()]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("media index")
        verbose_name_plural = _("media indexes")

    def upcoming_events(self, now=None):
        """Events that have not ended yet, soonest first."""
        now = now or timezone.now()
        events = EventPage.objects.child_of(self).live().public().filter(ends_at__gte=now)
        return events.order_by("starts_at", "pk")

    def media_items(self, kind="", now=None):
        """The section's live, public items of `kind` (all kinds if empty), newest first,
        without the upcoming events (the page shows those apart). Specific pages."""
        now = now or timezone.now()
        types = [MEDIA_TYPES[kind]] if kind else list(MEDIA_TYPES.values())
        items = (
            Page.objects.child_of(self)
            .live()
            .public()
            .type(*types)
            .exclude(eventpage__ends_at__gte=now)
        )
        return items.annotate(sort_date=_sort_date()).order_by("-sort_date", "-pk").specific()

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
        # get_page(): a page that is not a number is the first, one past the end the last.
        items = Paginator(self.media_items(kind, now), self.PER_PAGE).get_page(
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
            upcoming_events=list(self.upcoming_events(now)) if show_upcoming else [],
        )
        return context
