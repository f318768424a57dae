"""HQ's side of an event's registrations in the admin: the list (filters, search, counts,
exports, who attended), and the way to it from each event's registration setup.

Who may do what is the model's permissions (the Event organizers group; superusers too):
view for the list and its counts, export_registration to download, change to mark who
attended (attendance.py). Registrations are only added by the public form (booking.py)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.widgets import Button, HeaderButton

from .export import RegistrationsExport, field_label
from .models import Question, Registration, RegistrationSetup

VIEW = "registrations.view_registration"
CHANGE = "registrations.change_registration"
EXPORT = "registrations.export_registration"
MESSAGE = "registrations.message_registrants"
MAX_SEARCH_WORDS = 6
Status = Registration.Status


def registrations():
    """Registrations with their kibbutz (an answer) as a column to sort and search by."""
    return Registration.objects.select_related("event").annotate(kibbutz=KT("answers__kibbutz"))


def by_kibbutz(queryset):
    """By kibbutz, then name; those who named no kibbutz last."""
    return queryset.order_by(F("kibbutz").asc(nulls_last=True), "name", "pk")


def event_url(event_id):
    return reverse("event_registrations:event", args=[event_id])


class Attendance(models.TextChoices):
    """Marks of who attended, in the list's filter and buttons; `attended` is the value of
    Registration.attended that each stands for."""

    YES = "yes", gettext_lazy("Attended")
    NO = "no", gettext_lazy("Did not attend")
    UNKNOWN = "unknown", gettext_lazy("Not marked")

    @property
    def attended(self):
        return {"yes": True, "no": False}.get(self.value)

    @classmethod
    def of(cls, registration):
        return {True: cls.YES, False: cls.NO}.get(registration.attended, cls.UNKNOWN)


class RegistrationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("status"), choices=Status.choices)
    attended = django_filters.ChoiceFilter(
        label=gettext_lazy("attended"),
        choices=Attendance.choices,
        method="filter_attended",
    )

    class Meta:
        model = Registration
        fields = []

    def filter_attended(self, queryset, name, value):
        attended = Attendance(value).attended
        if attended is None:
            return queryset.filter(attended__isnull=True)
        return queryset.filter(attended=attended)


def search(queryset, text):
    """Registrations with every word of `text` in the name, the email or the kibbutz."""
    for word in text.split()[:MAX_SEARCH_WORDS]:
        queryset = queryset.filter(
            Q(name__icontains=word) | Q(email__icontains=word) | Q(kibbutz__icontains=word)
        )
    return queryset


# Above an event's list, in this order: (label, which registrations).
COUNTED = [
    *(
        (status.label, Q(status=status))
        for status in (Status.CONFIRMED, Status.OFFERED, Status.WAITING, Status.CANCELLED)
    ),
    (Attendance.YES.label, Q(attended=True)),
]


def counts(setup):
    """(label, registrations, people) of the event for each of COUNTED, in one query."""
    tallies = {}
    for n, (_label, which) in enumerate(COUNTED):
        tallies[f"registrations_{n}"] = Count("pk", filter=which)
        tallies[f"people_{n}"] = Coalesce(Sum("participants", filter=which), 0)
    totals = Registration.objects.filter(event_id=setup.event_id).aggregate(**tallies)
    return [
        (label, totals[f"registrations_{n}"], totals[f"people_{n}"])
        for n, (label, _which) in enumerate(COUNTED)
    ]


def _phone(registration):
    return format_html('<span dir="ltr">{}</span>', registration.phone)


class AttendedColumn(Column):
    """Who attended, with the buttons that mark it for those who may."""

    cell_template_name = "registrations/admin/_attended_cell.html"

    def __init__(self, *args, can_mark, next_url, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_mark, self.next_url = can_mark, next_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        return {
            **context,
            "can_mark": self.can_mark,
            "next_url": self.next_url,
            "csrf_token": get_token(request) if self.can_mark else None,
            "attendance": Attendance.of(instance),
            "marks": [
                mark
                for mark in (Attendance.YES, Attendance.NO)
                if mark.attended != instance.attended
            ],
        }


class RegistrationIndexView(RegistrationsExport, generic.IndexView):
    """Every event's registrations at /admin/registrations/; one event's, with its counts,
    its attendance sheet and its exports, at /admin/registrations/event/<event_id>/."""

    template_name = "registrations/admin/index.html"
    default_ordering = "created_at"
    any_permission_required = ["view"]

    @cached_property
    def event_setup(self):
        event_id = self.kwargs.get("event_id")
        if event_id is None:
            return None
        return get_object_or_404(
            RegistrationSetup.objects.select_related("event"), event_id=event_id
        )

    def get_base_queryset(self):
        found = registrations()
        return found.filter(event_id=self.event_setup.event_id) if self.event_setup else found

    def search_queryset(self, queryset):
        return search(queryset, self.search_query) if self.is_searching else queryset

    def get_index_url(self):
        return event_url(self.event_setup.event_id) if self.event_setup else super().get_index_url()

    def get_index_results_url(self):
        if self.event_setup:
            return reverse("event_registrations:event_results", args=[self.event_setup.event_id])
        return super().get_index_results_url()

    def get_page_subtitle(self):
        return self.event_setup.event.title if self.event_setup else ""

    def get_filename(self):
        # The event's id, not its slug: a Hebrew slug is no file name for every browser.
        if self.event_setup:
            return f"registrations-{self.event_setup.event_id}"
        return super().get_filename()

    @cached_property
    def columns(self):
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        next_url = f"{self.index_url}?{query.urlencode()}" if query else self.index_url
        event = (
            []
            if self.event_setup
            else [Column("event", label=field_label("event"), accessor=_event)]
        )
        return [
            Column("name", label=field_label("name"), sort_key="name"),
            *event,
            Column("email", label=field_label("email")),
            Column("phone", label=field_label("phone"), accessor=_phone),
            Column("kibbutz", label=Question.KIBBUTZ.label, sort_key="kibbutz"),
            Column("participants", label=field_label("participants")),
            Column("status", label=field_label("status"), accessor="get_status_display"),
            DateColumn("created_at", label=field_label("created_at"), sort_key="created_at"),
            AttendedColumn(
                "attended",
                label=field_label("attended"),
                can_mark=self.request.user.has_perm(CHANGE),
                next_url=next_url,
            ),
        ]

    @cached_property
    def show_export_buttons(self):
        return self.request.user.has_perm(EXPORT)

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if not self.event_setup:
            return buttons
        event_id = self.event_setup.event_id
        sheet = reverse("event_registrations:attendance_sheet", args=[event_id])
        setup = reverse("registration_setups:edit", args=[self.event_setup.pk])
        buttons = [
            *buttons,
            Button(_("Attendance sheet"), url=sheet, icon_name="doc-full", priority=50),
            Button(_("Registration settings"), url=setup, icon_name="cog", priority=60),
        ]
        if self.request.user.has_perm(MESSAGE):
            message = reverse("registration_messages:new", args=[event_id])
            buttons.append(Button(_("Email the registrants"), url=message, icon_name="mail"))
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.event_setup and not self.results_only:
            context["setup"] = self.event_setup
            context["counts"] = counts(self.event_setup)
        return context

    def get(self, request, *args, **kwargs):
        if self.is_export:
            if not request.user.has_perm(EXPORT):
                raise PermissionDenied
            response = self.as_spreadsheet(self.get_queryset(), request.GET["export"])
        else:
            response = super().get(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response


def _event(registration):
    return format_html(
        '<a href="{}">{}</a>', event_url(registration.event_id), registration.event.title
    )


def _registrations_link(setup):
    label = _("Registrations (%(count)s)") % {"count": setup.live_registrations}
    return format_html('<a href="{}">{}</a>', event_url(setup.event_id), label)


# The setups' list: each event's link to its registrations (not those cancelled).
OPEN_COLUMN = Column(
    "enabled",
    label=RegistrationSetup._meta.get_field("enabled").verbose_name,
    accessor=lambda setup: _("yes") if setup.enabled else _("no"),
)
REGISTRATIONS_COLUMN = Column(
    "registrations", label=Registration._meta.verbose_name_plural, accessor=_registrations_link
)


def setups_with_counts():
    live = ~Q(event__registrations__status=Status.CANCELLED)
    return RegistrationSetup.objects.select_related("event").annotate(
        live_registrations=Count("event__registrations", filter=live)
    )


class SetupEditView(generic.EditView):
    @cached_property
    def header_buttons(self):
        url = event_url(self.object.event_id)
        return [
            *super().header_buttons,
            HeaderButton(
                capfirst(Registration._meta.verbose_name_plural), url=url, icon_name="list-ul"
            ),
        ]
