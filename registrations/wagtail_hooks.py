"""HQ's event organizers in the admin, in one menu: each event's registration setup (its
places, dates and questions) and the registrations (lists, counts, exports, attendance);
writing to an event's registrants; and the link from an event's page to its form."""

from django import forms
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import NullAdminURLFinder
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views, attendance, events, messages_admin
from .models import Question, Registration, RegistrationSetup


class RegistrationSetupForm(WagtailAdminModelForm):
    # The questions are kept as a list of Question values; here they are boxes to tick.
    questions = forms.MultipleChoiceField(
        label=_("questions"),
        choices=Question.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Besides name, email and phone, which every form asks."),
    )


class RegistrationSetupViewSet(ModelViewSet):
    model = RegistrationSetup
    icon = "cog"
    menu_label = _("Registration settings")
    menu_order = 100
    copy_view_enabled = False
    edit_view_class = admin_views.SetupEditView
    list_display = [
        "event",
        admin_views.OPEN_COLUMN,
        "capacity",
        "opens_at",
        "closes_at",
        admin_views.REGISTRATIONS_COLUMN,
    ]
    ordering = "-event__starts_at"
    # The event's chooser offers only events: the field is a key to media's EventPage.
    edit_handler = ObjectList(
        [
            FieldPanel("event"),
            FieldPanel("enabled"),
            FieldPanel("capacity"),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            FieldPanel("questions"),
            FieldPanel("max_participants"),
            FieldPanel("reminder_hours"),
        ],
        base_form_class=RegistrationSetupForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=admin_views.setups_with_counts(), **kwargs)


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds or deletes a registration in the admin, superusers included: only the
    public form adds one, and cancelling frees its place for the waiting list (booking.py)."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)


register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))


class RegistrationViewSet(ModelViewSet):
    """Lists only: a registration's status moves through booking.py, never by a form
    here, so there is no edit, add or delete view."""

    model = Registration
    icon = "list-ul"
    menu_order = 200
    index_view_class = admin_views.RegistrationIndexView
    search_fields = ["name"]  # turns the search box on; admin_views searches more
    search_backend_name = None
    filterset_class = admin_views.RegistrationFilterSet
    list_per_page = 100
    export_filename = "registrations"  # the whole list's; an event's names the event
    url_finder_class = NullAdminURLFinder

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        sheet = attendance.AttendanceSheetView.as_view()
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("event/<id:event_id>/", self.index_view, name="event"),
            path("event/<id:event_id>/results/", self.index_results_view, name="event_results"),
            path("event/<id:event_id>/attendance-sheet/", sheet, name="attendance_sheet"),
            path("attended/<id:pk>/", attendance.MarkAttendedView.as_view(), name="attended"),
        ]


class EventsGroup(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 380
    items = [
        RegistrationSetupViewSet("registration_setups"),
        RegistrationViewSet("event_registrations", url_prefix="registrations"),
    ]


@hooks.register("register_admin_viewset")
def events_admin():
    return EventsGroup()


@hooks.register("register_admin_urls")
def registrant_messages():
    return [
        path(
            "registrations/event/<id:event_id>/message/",
            include((messages_admin.urlpatterns, "registration_messages")),
        )
    ]


@hooks.register("event_registration_link")
def event_registration_link(page):
    """The event page's "register" button (media's EventPage.registration_link)."""
    return events.registration_link(page)


@hooks.register("register_page_cache_models")
def page_cache_models():
    """An event's page shows its register button while registration is open."""
    return [RegistrationSetup]
