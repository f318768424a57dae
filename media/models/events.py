"""Events: workshops, regional meetings, the annual conference."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from core.models import BasePage
from core.regions import Region
from core.structured_data import page_data
from media import ics

from .base import MediaItemPage


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("workshop")
    REGIONAL_MEETING = "regional_meeting", _("regional meeting")
    ANNUAL_CONFERENCE = "annual_conference", _("annual conference")
    KIBBUTZ_VISIT = "kibbutz_visit", _("kibbutz visit")
    OTHER = "other", _("other event")


#: An event's region: a kibbutz's, or the whole movement's (the annual conference).
NATIONAL = "national"
EVENT_REGIONS = [*Region.choices, (NATIONAL, _("National"))]


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
    # Chosen, not derived from the kibbutzim: a regional meeting is the region's wherever it
    # is held, and an event with no kibbutz (the conference) still has one.
    region = models.CharField(_("region"), max_length=20, choices=EVENT_REGIONS, default=NATIONAL)
    kibbutzim = ParentalManyToManyField(
        "members.Kibbutz",
        blank=True,
        related_name="events",
        verbose_name=_("kibbutzim"),
        help_text=_("Where it took place: the work plan counts the kibbutzim visited."),
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_(
            "A registration form elsewhere, shown until the event ends. Registration opened "
            "for the event on this site takes its place."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("location"),
                FieldRowPanel([FieldPanel("region"), FieldPanel("kibbutzim")]),
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
        index.FilterField("region"),
    ]

    template = "media/event_page.html"
    media_kind = "event"
    search_type = "event"
    search_date_field = "starts_at"  # also the date the media index sorts by

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

    @cached_property
    def registration_link(self):
        """Where to register while the event is upcoming: the site's own form when an app
        that takes registrations answers the `event_registration_link` hook (registrations
        does, while the event's registration is not closed), else the editor's link."""
        if not self.is_upcoming:
            return None
        for hook in hooks.get_hooks("event_registration_link"):
            link = hook(self)
            if link:
                return link
        return self.registration_url or None

    @property
    def ends_on_its_first_day(self):
        return timezone.localdate(self.starts_at) == timezone.localdate(self.ends_at)

    def structured_data(self, request):
        data = page_data(
            self,
            request,
            "Event",
            by="organizer",
            startDate=timezone.localtime(self.starts_at).isoformat(),
            endDate=timezone.localtime(self.ends_at).isoformat(),
            eventAttendanceMode="https://schema.org/OfflineEventAttendanceMode",
            location={"@type": "Place", "name": self.location, "address": self.location},
        )
        if self.registration_link:
            url = request.build_absolute_uri(self.registration_link) if request else None
            data["offers"] = {"@type": "Offer", "url": url or self.registration_link}
        return data

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
        return ics.response([self.as_ics_event(request)], filename=f"{self.slug}.ics")
