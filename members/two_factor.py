"""Two-factor authentication (django-otp): an authenticator app (TOTP) plus ten one-time
recovery codes. Required, on every login, of whoever enters the Wagtail admin, counsel
included: the admin holds the legal requests. See RequireTwoFactorMiddleware.

django-otp rather than allauth's MFA: the site has no allauth (Django's own login views
serve it), and django-otp adds just the devices and the "verified" mark on the session.

The set-up and verify pages come before the admin opens, so they wear the admin's login
look (account/two_factor_layout.html), not the public site's. Once in, the admin's account
page links to two self-service pages (registered in wagtail_hooks.py): pair a new
authenticator app, and make new recovery codes. Each asks for a current code in the same
form, so that an unlocked session left open is not enough to take the account over."""

import base64
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
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

RECOVERY_CODES = 10
# A re-paired app waits under this name until a code from it confirms it.
PENDING = "authenticator (pending)"
WRONG_CODE = gettext_lazy("The code is wrong or has expired.")


def _normalise(code):
    """What people type: "123 456", "ABCD-1234". Recovery codes are stored lower case."""
    return "".join(code.split()).replace("-", "").lower()


class CodeField(forms.CharField):
    """A code from the authenticator app or a recovery code, cleaned to the form in which
    it is checked (its length is checked as typed)."""

    def __init__(self, label, help_text="", numeric=True):
        super().__init__(
            label=label,
            help_text=help_text,
            max_length=16,
            widget=forms.TextInput(
                attrs={
                    "autocomplete": "one-time-code",
                    # Recovery codes have letters: a digits-only keyboard would hide them.
                    "inputmode": "numeric" if numeric else "text",
                    "autocapitalize": "off",
                    "spellcheck": "false",
                    "dir": "ltr",
                }
            ),
        )

    def clean(self, value):
        return _normalise(super().clean(value))


class CodeForm(forms.Form):
    """Each code field points (aria-describedby) at its help and at its error, with the ids
    Wagtail's field template gives them ("<id>-helptext", and "<id>-error" passed to it as
    error_message_id); the first field in error takes the focus, so that a screen reader
    reads its error out when the page comes back."""

    def full_clean(self):
        super().full_clean()
        self._describe()

    def add_error(self, field, error):
        super().add_error(field, error)
        self._describe()

    def _describe(self):
        focused = False
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = [f"{auto_id}-helptext"] if field.help_text else []
            attrs = field.widget.attrs
            attrs.pop("autofocus", None)
            if self._errors and name in self._errors:
                ids.append(f"{auto_id}-error")
                attrs["aria-invalid"] = "true"
                if not focused:
                    attrs["autofocus"] = True
                    focused = True
            if ids:
                attrs["aria-describedby"] = " ".join(ids)
            else:
                attrs.pop("aria-describedby", None)


class TokenForm(CodeForm):
    token = CodeField(gettext_lazy("Code"), numeric=False)


class SetupForm(TokenForm):
    token = CodeField(gettext_lazy("Code"))


CURRENT_HELP = gettext_lazy(
    "The code your authenticator app shows now, or one of your recovery codes."
)


class RecoveryCodesForm(CodeForm):
    """A current code (app or recovery) unlocks a new set of recovery codes."""

    current_token = CodeField(gettext_lazy("Current code"), CURRENT_HELP, numeric=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        if not self.errors and match_token(self.user, cleaned["current_token"]) is None:
            self.add_error("current_token", WRONG_CODE)
        return cleaned


class RepairForm(RecoveryCodesForm):
    """A code from the new app confirms it; a current code (old app or recovery) shows it is
    the account's owner asking. The new app's code is checked first: a wrong one then
    costs no recovery code."""

    new_token = CodeField(
        gettext_lazy("Code from the new app"),
        gettext_lazy("The six-digit code the new app shows now."),
    )
    field_order = ["new_token", "current_token"]

    def __init__(self, *args, pending, **kwargs):
        super().__init__(*args, **kwargs)
        self.pending = pending

    def clean(self):
        if not self.errors and not self.pending.verify_token(self.cleaned_data["new_token"]):
            self.add_error("new_token", WRONG_CODE)
        return super().clean()


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or "/admin/"
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/admin/"


def _with_next(view_name, target):
    return f"{reverse(view_name)}?{urlencode({'next': target})}"


def _qr_svg(url):
    # With a white background: the admin has a dark theme, and a QR code needs contrast.
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    # Inline in the page, without the XML declaration; our own SVG, from our own URL.
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308


def typed_key(device):
    """The key as authenticator apps take it typed in: base32 (django-otp keeps it in hex),
    in blocks of four for the eye; apps ignore the spaces."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _pairing(device):
    key = typed_key(device)
    # Each block spelled out for screen readers, which would read "JBSW" as a word.
    spelled = [" ".join(block) for block in key.split()]
    return {"qr": _qr_svg(device.config_url), "secret": key, "spelled": spelled}


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
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                device.name, device.confirmed = "authenticator", True
                device.save(update_fields=["name", "confirmed"])
                codes = _issue_recovery_codes(request.user)
            otp_login(request, device)
            return TemplateResponse(
                request, "account/two_factor_codes.html", {"codes": codes, "next": _next(request)}
            )
        form.add_error("token", _("The code is wrong or has expired. Type the code shown now."))
    return TemplateResponse(
        request,
        "account/two_factor_setup.html",
        {"form": form, "next": _next(request), **_pairing(device)},
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
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _("You used a recovery code; each works once. %(left)d are left.")
                    % {"left": device.token_set.count()},
                )
            return redirect(_next(request))
        form.add_error("token", WRONG_CODE)
    return TemplateResponse(
        request,
        "account/two_factor_verify.html",
        {"form": form, "next": _next(request)},
        status=400 if form.errors else 200,
    )


# The self-service pages, inside the admin (so behind its login and the second step).


@method_decorator([never_cache, require_http_methods(["GET", "POST"])], name="dispatch")
class _SelfServiceView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        # Nothing to prove yourself with yet (two-step login off, or a superuser's first
        # visit): the first set-up comes first.
        if not any(devices_for_user(request.user)):
            return redirect(_with_next("account:two_factor_setup", request.path))
        return super().dispatch(request, *args, **kwargs)

    def respond(self, status=200, **context):
        return self.render_to_response(self.get_context_data(**context), status=status)


class RepairView(_SelfServiceView):
    """Pair a new authenticator app. The old one keeps working until the new one is
    confirmed; then it is removed, and other sessions verified with it must verify again."""

    page_title = gettext_lazy("Pair a new authenticator app")
    template_name = "account/two_factor_repair.html"

    def new_pending(self):
        TOTPDevice.objects.filter(user=self.request.user, confirmed=False, name=PENDING).delete()
        return TOTPDevice.objects.create(user=self.request.user, name=PENDING, confirmed=False)

    def get(self, request):
        # A fresh key on each visit: a key someone else saw earlier (in this session, left
        # open) is never the one the owner goes on to confirm.
        return self.respond(form=RepairForm(user=request.user, pending=self.new_pending()))

    def post(self, request):
        pending = (
            TOTPDevice.objects.filter(user=request.user, confirmed=False, name=PENDING).first()
            or self.new_pending()
        )
        form = RepairForm(request.POST, user=request.user, pending=pending)
        if not form.is_valid():
            return self.respond(form=form, status=400)
        with transaction.atomic():
            TOTPDevice.objects.filter(user=request.user).exclude(pk=pending.pk).delete()
            pending.name = "authenticator"
            pending.confirmed = True
            pending.save(update_fields=["name", "confirmed"])
        otp_login(request, pending)  # the session's device was the old one
        messages.success(
            request, _("Your new authenticator app is paired. The old one no longer works.")
        )
        return redirect("wagtailadmin_account")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **_pairing(kwargs["form"].pending))


class RecoveryCodesView(_SelfServiceView):
    """New recovery codes, shown once; the old ones stop working."""

    page_title = gettext_lazy("New recovery codes")
    template_name = "account/two_factor_recovery.html"

    def get(self, request):
        return self.respond(form=RecoveryCodesForm(user=request.user), left=self.left())

    def post(self, request):
        form = RecoveryCodesForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.respond(form=form, left=self.left(), status=400)
        with transaction.atomic():
            codes = _issue_recovery_codes(request.user)
        self.template_name = "account/two_factor_new_codes.html"
        return self.respond(codes=codes)

    def left(self):
        return StaticToken.objects.filter(
            device__user=self.request.user, device__confirmed=True
        ).count()


def needs_two_factor(user):
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


def _admin_language(user):
    """The language the admin speaks to this user, so that the second step speaks it too."""
    profile = getattr(user, "wagtail_userprofile", None)
    language = profile and profile.preferred_language
    return language if language in dict(settings.LANGUAGES) else translation.get_language()


class RequireTwoFactorMiddleware:
    """The admin (and with it counsel's workspace) opens only to a session that passed the
    second step. Its login and logout pages stay open, as do the scripts' translations and
    the icons the two-step pages (in the admin's look) load; TWO_FACTOR_REQUIRED (on by
    default) can be turned off for tests that are about something else."""

    OPEN = (
        "/admin/login/",
        "/admin/logout/",
        "/admin/password_reset/",
        "/admin/jsi18n/",
        "/admin/sprite/",
    )

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
            with translation.override(_admin_language(request.user)):
                return redirect(_with_next("account:two_factor_verify", request.path))
        return self.get_response(request)
