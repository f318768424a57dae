"""Two-factor authentication (django-otp): an authenticator app (TOTP) plus ten one-time
recovery codes. Required, on every login, of whoever enters the Wagtail admin, counsel
included: the admin holds the legal requests. See RequireTwoFactorMiddleware.

django-otp rather than allauth's MFA: the site has no allauth (Django's own login views
serve it), and django-otp adds just the devices and the "verified" mark on the session."""

import io

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "dir": "ltr"}
        ),
    )


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or "/admin/"
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/admin/"


def _with_next(view_name, target):
    return f"{reverse(view_name)}?{urlencode({'next': target})}"


def _qr_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    # Inline in the page, without the XML declaration; our own SVG, from our own URL.
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308


def _issue_recovery_codes(user):
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    device.token_set.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def setup(request):
    """Pair an authenticator app: scan the code, type the first code it shows; then the
    recovery codes are shown, once."""
    if any(devices_for_user(request.user)):
        return redirect(_with_next("account:two_factor_verify", _next(request)))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = _issue_recovery_codes(request.user)
            otp_login(request, device)
            return TemplateResponse(
                request, "account/two_factor_codes.html", {"codes": codes, "next": _next(request)}
            )
        form.add_error("token", _("The code is wrong or has expired. Type the code shown now."))
    return TemplateResponse(
        request,
        "account/two_factor_setup.html",
        {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "secret": device.key,
            "next": _next(request),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of each login: a code from the app, or one recovery code."""
    if not any(devices_for_user(request.user)):
        return redirect(_with_next("account:two_factor_setup", _next(request)))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip().replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _("You used a recovery code; each works once. %(left)d are left.")
                    % {"left": device.token_set.count()},
                )
            return redirect(_next(request))
        form.add_error("token", _("The code is wrong or has expired."))
    return TemplateResponse(
        request,
        "account/two_factor_verify.html",
        {"form": form, "next": _next(request)},
        status=400 if form.errors else 200,
    )


def needs_two_factor(user):
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


class RequireTwoFactorMiddleware:
    """The admin (and with it counsel's workspace) opens only to a session that passed the
    second step. Its login and logout pages stay open, and TWO_FACTOR_REQUIRED (on by
    default) can be turned off for tests that are about something else."""

    OPEN = ("/admin/login/", "/admin/logout/", "/admin/password_reset/", "/admin/jsi18n/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.TWO_FACTOR_REQUIRED
            and request.path.startswith("/admin/")
            and not request.path.startswith(self.OPEN)
            and needs_two_factor(request.user)
            and not request.user.is_verified()
        ):
            return redirect(_with_next("account:two_factor_verify", request.path))
        return self.get_response(request)
