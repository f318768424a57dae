"""The public side: the registration form of an event, and each person's own link (see
the registration, cancel it, take an offered place). Nothing here is cached: every answer
is private and no-store. Links from email are opened by link scanners too, so a GET only
shows a button; cancelling and accepting are POSTs."""

import functools

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_http_methods

from core import ratelimit
from core.forms import body_too_long, private

from . import booking, events
from .forms import RegistrationForm
from .models import Registration

RATE_LIMIT = 10  # registrations per visitor's address per hour
RATE_WINDOW = 60 * 60
MAX_BODY_BYTES = 16 * 1024  # far more than the longest honest form
TOKEN_LENGTH = 64  # Registration.token's column


@require_http_methods(["GET", "POST"])
def register(request, page_id):
    setup, event = events.setup_for(page_id)
    if setup is None:
        raise Http404
    context = {"event": event, "setup": setup}
    window = events.window(setup)
    if window != "open":
        context["window"] = window
        return private(TemplateResponse(request, "registrations/not_open.html", context))
    status = 200
    if request.method != "POST":
        form = RegistrationForm(setup)
    elif body_too_long(request, MAX_BODY_BYTES):
        form, context["too_long"], status = RegistrationForm(setup), True, 400
    elif not ratelimit.allow("registration", request, RATE_LIMIT, RATE_WINDOW):
        form, context["rate_limited"], status = RegistrationForm(setup, request.POST), True, 429
    else:
        form = RegistrationForm(setup, request.POST)
        if form.is_valid():
            if not form.is_bot():  # a bot is thanked as a person is, and nothing is kept
                booking.register(setup.event_id, form.details(), translation.get_language())
            return private(TemplateResponse(request, "registrations/check_your_email.html"))
        status = 400
    context["form"], context["places_left"] = form, booking.places_left(setup)
    return private(TemplateResponse(request, "registrations/register.html", context, status=status))


def with_registration(view):
    """The view of one person's link: their token in the URL, else a 404 page."""

    @functools.wraps(view)
    def wrapper(request, token):
        registration = None
        if len(token) <= TOKEN_LENGTH:
            registration = Registration.objects.filter(token=token).select_related("event").first()
        if registration is None:
            return private(TemplateResponse(request, "registrations/unknown_link.html", status=404))
        return private(view(request, registration))

    return require_http_methods(["GET", "POST"])(wrapper)


def _context(registration, **extra):
    event = events.in_language(registration.event, translation.get_language())
    return {"registration": registration, "event": event, **extra}


def _show(request, registration, **extra):
    return TemplateResponse(
        request, "registrations/registration.html", _context(registration, **extra)
    )


@with_registration
def registration(request, registration):
    return _show(request, registration)


@with_registration
def cancel(request, registration):
    if request.method == "POST":
        booking.cancel(registration)
        return _show(request, registration, just_cancelled=True)
    return TemplateResponse(request, "registrations/cancel.html", _context(registration))


@with_registration
def accept(request, registration):
    if request.method == "POST":
        taken = booking.accept(registration)
        return _show(request, registration, offer_gone=not taken)
    return _show(request, registration)
