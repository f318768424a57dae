"""HQ turns registration on for an event and sets its places, dates and questions."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Question, RegistrationSetup


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
    icon = "date"
    add_to_admin_menu = True
    menu_order = 380
    copy_view_enabled = False
    list_display = ["event", "enabled", "capacity", "opens_at", "closes_at"]
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


@hooks.register("register_admin_viewset")
def registration_setups():
    return RegistrationSetupViewSet("registration_setups")
