"""The public side of the newsletter: sign up, confirm, unsubscribe, erase.

Links from email are opened by link scanners too, so a GET only ever shows a button; the
change happens on POST. The unsubscribe POST is RFC 8058's one-click: no cookie, login or
CSRF token, and a plain 200.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core import ratelimit

from . import confirmation, subscriptions
from .forms import SubscribeForm
from .models import Subscriber

RATE_LIMIT = 10  # sign-ups per address per hour
RATE_WINDOW = 60 * 60


# No CSRF token: a signup acts on nobody's account (the address's owner must still confirm
# it from the email), and a token would keep every page with the footer form out of the page
# cache. The rate limit, the honeypot and the time check stay.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        return TemplateResponse(request, "newsletter/subscribe.html", {"form": SubscribeForm()})
    if not ratelimit.allow("newsletter", request, RATE_LIMIT, RATE_WINDOW):
        return TemplateResponse(
            request,
            "newsletter/subscribe.html",
            {"form": SubscribeForm(request.POST), "rate_limited": True},
            status=429,
        )
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(request, "newsletter/subscribe.html", {"form": form}, status=400)
    if not form.is_bot():
        subscriptions.request_subscription(
            form.cleaned_data["email"],
            form.cleaned_data["language"],
            request,
            source=request.POST.get("source", "")[:100] or "website",
        )
    return TemplateResponse(request, "newsletter/check_your_email.html")


@require_http_methods(["GET", "POST"])
def confirm(request, code):
    subscriber = confirmation.subscriber_for_confirmation(code)
    if subscriber is None:
        return TemplateResponse(request, "newsletter/link_expired.html", status=404)
    if request.method == "POST":
        subscriptions.confirm(subscriber, request)
        return TemplateResponse(request, "newsletter/confirmed.html", {"subscriber": subscriber})
    return TemplateResponse(request, "newsletter/confirm.html", {"subscriber": subscriber})


def _subscriber(token):
    if len(token) > 64:
        raise Http404
    return get_object_or_404(Subscriber, token=token)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = _subscriber(token)
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber, request, source="unsubscribe link")
        return TemplateResponse(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    return TemplateResponse(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


@require_http_methods(["GET", "POST"])
def erase(request, token):
    subscriber = _subscriber(token)
    if request.method == "POST":
        subscriptions.erase(subscriber, request)
        return TemplateResponse(request, "newsletter/erased.html")
    return TemplateResponse(request, "newsletter/erase.html", {"subscriber": subscriber})
