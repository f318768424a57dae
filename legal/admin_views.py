"""Counsel's workspace in the Wagtail admin: the requests, one request with its files, and
what counsel does to it. Only users with legal.work_on_requests (the Legal counsel group)
get in; to anyone else these URLs do not exist (404), and the attempt is recorded
(legal.refusals). Every look and every change is written to the audit log."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Case, Count, Q, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.groups import LEGAL_COUNSEL
from members.models import Kibbutz

from . import submission
from .downloads import serve_attachment
from .records import Attachment, AuditEntry, LegalRequest, Message, Topic
from .refusals import refuse

PERMISSION = "legal.work_on_requests"
# Waiting on counsel or the kibbutz: everything but answered and closed.
OPEN_STATUSES = [
    LegalRequest.Status.NEW,
    LegalRequest.Status.ASSIGNED,
    LegalRequest.Status.IN_PROGRESS,
    LegalRequest.Status.AWAITING_KIBBUTZ,
]
URGENCY_RANK = Case(
    When(urgency=LegalRequest.Urgency.URGENT, then=Value(0)),
    When(urgency=LegalRequest.Urgency.SOON, then=Value(1)),
    default=Value(2),
)
ORDERINGS = {
    "newest": ["-created_at", "-pk"],
    "oldest": ["created_at", "pk"],
    "urgency": [URGENCY_RANK.asc(), "created_at", "pk"],  # the most urgent, oldest first
}
PER_PAGE = 50


def counsel_users():
    return get_user_model().objects.filter(groups__name=LEGAL_COUNSEL, is_active=True)


class _CounselOnly:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            refuse(request, kwargs.get("public_id"))
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response


class RequestFilter(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search"),
        help_text=gettext_lazy("Reference, kibbutz, subject or description"),
        required=False,
        max_length=200,
        widget=forms.SearchInput,
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", "—"), *LegalRequest.Status.choices],
    )
    topic = forms.ChoiceField(
        label=gettext_lazy("Topic"), required=False, choices=[("", "—"), *Topic.choices]
    )
    urgency = forms.ChoiceField(
        label=gettext_lazy("Urgency"),
        required=False,
        choices=[("", "—"), *LegalRequest.Urgency.choices],
    )
    kibbutz = forms.ModelChoiceField(
        label=gettext_lazy("Kibbutz"), required=False, queryset=Kibbutz.objects.all()
    )
    mine = forms.BooleanField(label=gettext_lazy("Assigned to me"), required=False)
    order = forms.ChoiceField(
        label=gettext_lazy("Sort"),
        required=False,
        choices=[
            ("newest", gettext_lazy("Newest first")),
            ("oldest", gettext_lazy("Oldest first")),
            ("urgency", gettext_lazy("Most urgent first")),
        ],
    )


def search(requests, text):
    """The requests whose reference, kibbutz (either name) or text contains `text`."""
    return requests.filter(
        Q(reference__icontains=text)
        | Q(kibbutz__name_he__icontains=text)
        | Q(kibbutz__name_en__icontains=text)
        | Q(subject__icontains=text)
        | Q(description__icontains=text)
    )


class RequestListView(_CounselOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "legal/admin/list.html"
    page_title = gettext_lazy("Legal requests")
    header_icon = "form"

    def get_context_data(self, **kwargs):
        form = RequestFilter(self.request.GET or None)
        requests = LegalRequest.objects.select_related("kibbutz", "assigned_to")
        order = "newest"
        if form.is_valid():
            data = form.cleaned_data
            for field in ("status", "topic", "urgency", "kibbutz"):
                if data[field]:
                    requests = requests.filter(**{field: data[field]})
            if data["mine"]:
                requests = requests.filter(assigned_to=self.request.user)
            if data["q"].strip():
                requests = search(requests, data["q"].strip())
            order = data["order"] or order
        paginator = WagtailPaginator(requests.order_by(*ORDERINGS[order]), PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))  # a bad number: the first/last
        return super().get_context_data(
            filter_form=form,
            page=page,
            elided_page_range=paginator.get_elided_page_range(page.number),
            workload=self.workload(),
            unassigned=LegalRequest.objects.filter(
                status__in=OPEN_STATUSES, assigned_to=None
            ).count(),
            **kwargs,
        )

    @staticmethod
    def workload():
        """Each counsel with the number of open requests assigned to them, in one query."""
        return (
            counsel_users()
            .annotate(
                open_requests=Count(
                    "assigned_legal_requests",
                    filter=Q(assigned_legal_requests__status__in=OPEN_STATUSES),
                    distinct=True,
                )
            )
            .order_by("first_name", "last_name", "username")
        )


class ActionForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"), choices=LegalRequest.Status.choices, required=False
    )
    assigned_to = forms.ModelChoiceField(
        label=gettext_lazy("Assigned to"), queryset=None, required=False
    )
    note = forms.CharField(
        label=gettext_lazy("Internal note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=10000,
    )
    reply = forms.CharField(
        label=gettext_lazy("Reply to the kibbutz"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=10000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = counsel_users()


class RequestDetailView(_CounselOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "legal/admin/detail.html"
    header_icon = "form"

    @cached_property
    def legal_request(self):
        # Looked up on first use, after _CounselOnly let the user in: someone else is refused
        # (and recorded) whether the request exists or not.
        return get_object_or_404(
            LegalRequest.objects.select_related("kibbutz", "submitted_by", "assigned_to"),
            public_id=self.kwargs["public_id"],
        )

    def get_page_title(self):
        return f"{self.legal_request.reference}: {self.legal_request.subject}"

    def get(self, request, *args, **kwargs):
        AuditEntry.record(self.legal_request, request.user, AuditEntry.Action.VIEWED, "counsel")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        legal_request = self.legal_request
        return super().get_context_data(
            legal_request=legal_request,
            attachments=legal_request.attachments.all(),
            conversation=legal_request.messages.select_related("author"),
            audit=legal_request.audit.select_related("user")[:50],
            form=kwargs.pop("form", None)
            or ActionForm(
                initial={"status": legal_request.status, "assigned_to": legal_request.assigned_to}
            ),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = ActionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        changes = apply_actions(self.legal_request, request.user, form.cleaned_data)
        if changes:
            messages.success(request, _("Saved."))
        return redirect(request.path)


@transaction.atomic
def apply_actions(legal_request, user, data):
    """Each change is saved and audited; the kibbutz is told (content-free) when the status
    changes or counsel replies."""
    changes, tell_kibbutz = [], False
    if data["status"] and data["status"] != legal_request.status:
        legal_request.status = data["status"]
        # The retention period runs from the closing; reopening stops it.
        closing = data["status"] == LegalRequest.Status.CLOSED
        legal_request.closed_at = timezone.now() if closing else None
        changes.append((AuditEntry.Action.STATUS, legal_request.get_status_display()))
        tell_kibbutz = True
    if data["assigned_to"] != legal_request.assigned_to:
        legal_request.assigned_to = data["assigned_to"]
        if legal_request.status == LegalRequest.Status.NEW and data["assigned_to"]:
            legal_request.status = LegalRequest.Status.ASSIGNED
        changes.append((AuditEntry.Action.ASSIGNED, str(data["assigned_to"] or "—")))
    if changes:
        legal_request.save()
    for kind, action in (
        (Message.Kind.NOTE, AuditEntry.Action.NOTE),
        (Message.Kind.REPLY, AuditEntry.Action.REPLY),
    ):
        text = data[kind].strip()
        if text:
            Message.objects.create(request=legal_request, author=user, kind=kind, text=text)
            changes.append((action, ""))
            tell_kibbutz |= kind == Message.Kind.REPLY
    for action, detail in changes:
        AuditEntry.record(legal_request, user, action, detail)
    if tell_kibbutz:
        submission.notify_kibbutz_of_status(legal_request)
    return changes


class DownloadView(_CounselOnly, TemplateView):
    def get(self, request, public_id, file_id):
        attachment = get_object_or_404(
            Attachment.objects.select_related("request"),
            public_id=file_id,
            request__public_id=public_id,
        )
        AuditEntry.record(
            attachment.request, request.user, AuditEntry.Action.DOWNLOADED, attachment.name
        )
        return serve_attachment(attachment)
