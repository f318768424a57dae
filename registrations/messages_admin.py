"""HQ writes to an event's registrants in the admin (permission
registrations.message_registrants): compose, see how many it will reach, then send
(messages.py). The confirmation carries a one-time key, so a second click sends nothing."""

import secrets
import unicodedata

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.forms import body_too_long

from . import messages as outgoing
from .models import RegistrantMessage, Registration, RegistrationSetup

PERMISSION = "registrations.message_registrants"
MAX_BODY_BYTES = 64 * 1024  # far more than the longest honest message
KEY_LENGTH = 22  # secrets.token_urlsafe(16)


def _one_line(value):
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValidationError(_("Write the subject on one line."), code="control_characters")


def _text(value):
    if any(unicodedata.category(ch) == "Cc" and ch not in "\r\n\t" for ch in value):
        raise ValidationError(_("Remove the characters that are not text."), code="control")


class ComposeForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=RegistrantMessage.Kind.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Practical information (a change of place or time, say) reaches everyone chosen. "
            "An announcement skips those who asked for no more announcements, and offers "
            "them a way to ask."
        ),
    )
    statuses = forms.MultipleChoiceField(
        label=gettext_lazy("To those"),
        choices=[
            (status, Registration.Status(status).label) for status in RegistrantMessage.STATUSES
        ],
        initial=[Registration.Status.CONFIRMED],
        widget=forms.CheckboxSelectMultiple,
    )
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=150, validators=[_one_line])
    body = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"dir": "auto"}),
        validators=[_text],
        help_text=gettext_lazy("Plain text; an empty line starts a new paragraph."),
    )


class ConfirmForm(ComposeForm):
    key = forms.RegexField(regex=rf"\A[A-Za-z0-9_-]{{{KEY_LENGTH}}}\Z", widget=forms.HiddenInput)


class MessageView(WagtailAdminTemplateMixin, View):
    """GET: the form. POST step "review": the confirmation, with how many it will reach;
    step "edit": the form again; step "send": send it."""

    page_title = gettext_lazy("Write to the registrants")
    header_icon = "mail"
    event = None

    def dispatch(self, request, event_id):
        if not request.user.has_perm(PERMISSION):
            # Said here, with a 403: Wagtail would turn PermissionDenied into a redirect to
            # the dashboard, and the organizer's link would seem broken.
            return self._render("registrations/admin/message_refused.html", status=403)
        setups = RegistrationSetup.objects.select_related("event")
        self.event = get_object_or_404(setups, event_id=event_id).event
        return super().dispatch(request, event_id)

    def get_page_subtitle(self):
        return self.event.title if self.event else ""

    def get(self, request, event_id):
        return self._compose(ComposeForm())

    def post(self, request, event_id):
        if body_too_long(request, MAX_BODY_BYTES):
            return self._compose(ComposeForm(), status=400, too_long=True)
        step = request.POST.get("step")
        if step == "send":
            return self._send(ConfirmForm(request.POST))
        form = ComposeForm(request.POST)
        if step == "edit":
            return self._compose(form)
        if not form.is_valid():
            return self._compose(form, status=400)
        return self._confirm(form.cleaned_data)

    def _render(self, template, status=200, **context):
        context = self.get_context_data(event=self.event, **context)
        return TemplateResponse(self.request, template, context, status=status)

    def _compose(self, form, status=200, **context):
        sent = RegistrantMessage.objects.filter(event=self.event).select_related("created_by")
        return self._render(
            "registrations/admin/message_form.html", status, form=form, sent=sent[:20], **context
        )

    def _confirm(self, data):
        by_language = outgoing.recipients(self.event.pk, data["statuses"], data["kind"])
        names = dict(settings.LANGUAGES)
        return self._render(
            "registrations/admin/message_confirm.html",
            form=ConfirmForm(initial={**data, "key": secrets.token_urlsafe(16)}),
            data=data,
            kind=RegistrantMessage.Kind(data["kind"]),
            total=sum(len(people) for people in by_language.values()),
            languages=[
                (names.get(code, code), len(people)) for code, people in by_language.items()
            ],
        )

    def _send(self, form):
        if not form.is_valid():
            return self._compose(form, status=400)
        try:
            message = outgoing.send(self.event, user=self.request.user, **form.cleaned_data)
        except outgoing.AlreadySent:
            messages.warning(self.request, _("This message was sent already."))
        else:
            count = message.recipients
            text = ngettext(
                "The message is on its way to %(count)s person.",
                "The message is on its way to %(count)s people.",
                count,
            )
            messages.success(self.request, text % {"count": count})
        return redirect(self.request.path)


urlpatterns = [path("", MessageView.as_view(), name="new")]
