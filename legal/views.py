"""The members' side of legal requests: the form on the request page, "my requests", one
request with counsel's replies, and its files. A member sees the requests of their own
kibbutz only; anything else is a 404, so nobody learns that a request exists, and is
recorded (legal.refusals)."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from members.models import Kibbutz

from . import submission
from .downloads import serve_attachment
from .forms import LegalRequestForm
from .records import Attachment, AuditEntry, LegalRequest, Message
from .refusals import refuse


def kibbutzim_of(user):
    return Kibbutz.objects.filter(memberships__user=user).distinct()


def _private(response):
    add_never_cache_headers(response)
    return response


def serve_request_page(page, request):
    """GET shows the form, POST stores the request. Wagtail's view restriction has already
    sent the anonymous and those outside the allowed groups to the login page."""
    kibbutzim = (
        kibbutzim_of(request.user) if request.user.is_authenticated else Kibbutz.objects.none()
    )
    form = None
    if kibbutzim:
        form = LegalRequestForm(request.POST or None, request.FILES or None, kibbutzim=kibbutzim)
        if request.method == "POST" and form.is_valid():
            legal_request = submission.submit(form, request.user)
            messages.success(
                request,
                _("Your request was received. Its reference is %(reference)s.")
                % {"reference": legal_request.reference},
            )
            return _private(redirect("legal:detail", legal_request.public_id))
    status = 400 if form is not None and form.errors else 200
    response = TemplateResponse(
        request,
        page.get_template(request),
        {**page.get_context(request), "form": form},
        status=status,
    )
    return _private(response)


def _members_only(view):
    """Not found for the anonymous too (the same answer for every id, so nothing is
    learned), with a way to log in for the member who followed an email link."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return TemplateResponse(request, "legal/login_needed.html", status=404)
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


def _visible_request(request, public_id):
    try:
        return LegalRequest.objects.select_related("kibbutz").get(
            public_id=public_id, kibbutz__in=kibbutzim_of(request.user)
        )
    except LegalRequest.DoesNotExist:
        refuse(request, public_id)


@never_cache
@login_required
def my_requests(request):
    kibbutzim = kibbutzim_of(request.user)
    requests = LegalRequest.objects.filter(kibbutz__in=kibbutzim).select_related("kibbutz")
    return TemplateResponse(
        request,
        "legal/my_requests.html",
        # Someone with no kibbutz (an editor) is told whom to ask, not "no requests yet".
        {"requests": requests, "has_kibbutz": kibbutzim.exists()},
    )


@_members_only
def detail(request, public_id):
    legal_request = _visible_request(request, public_id)
    AuditEntry.record(legal_request, request.user, AuditEntry.Action.VIEWED, "member")
    return TemplateResponse(
        request,
        "legal/request_detail.html",
        {
            "legal_request": legal_request,
            "replies": legal_request.messages.filter(kind=Message.Kind.REPLY),
            "attachments": legal_request.attachments.all(),
        },
    )


@_members_only
def download(request, public_id, file_id):
    legal_request = _visible_request(request, public_id)
    attachment = Attachment.objects.filter(public_id=file_id, request=legal_request).first()
    if attachment is None:
        refuse(request, public_id)
    AuditEntry.record(legal_request, request.user, AuditEntry.Action.DOWNLOADED, attachment.name)
    return serve_attachment(attachment)
