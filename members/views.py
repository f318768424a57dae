"""The members' side of the site: log in and out, reset a password, accept an invitation,
and the "my kibbutz" page. Every page here is private: never cached, never indexed."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from core.groups import MEMBER_KIBBUTZIM

from .forms import AcceptInvitationForm, PasswordResetForm, SiteLoginForm
from .menu import menu_items
from .models import Invitation, Membership
from .sessions import IDLE_ENDED


@never_cache
@login_required
def home(request):
    memberships = request.user.memberships.select_related("kibbutz")
    context = {"memberships": memberships, "menu": menu_items(request)}
    return TemplateResponse(request, "account/home.html", context)


class LoginView(auth_views.LoginView):
    template_name = "account/login.html"
    authentication_form = SiteLoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        # Said once: the previous login ended after a while without activity.
        idle_ended = self.request.session.pop(IDLE_ENDED, False)
        return super().get_context_data(**kwargs, idle_ended=idle_ended)


class LogoutView(auth_views.LogoutView):
    def get_default_redirect_url(self):
        """The home page in the reader's language."""
        return Site.find_for_request(self.request).root_page.localized.url


@method_decorator(never_cache, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "account/password_reset_form.html"
    form_class = PasswordResetForm
    email_template_name = "account/email/password_reset.txt"
    subject_template_name = "account/email/password_reset_subject.txt"
    success_url = reverse_lazy("account:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "account/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "account/password_reset_confirm.html"
    success_url = reverse_lazy("account:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "account/password_reset_complete.html"


@never_cache
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    """Set a password and become the kibbutz's representative. The link works once, until
    it expires; an address that already has an account is told to log in first."""
    invitation = Invitation.open_for(token)
    if invitation is None:
        return TemplateResponse(request, "account/invitation_invalid.html", status=404)
    User = get_user_model()
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None and request.user != existing:
        messages.info(request, _("You already have an account: log in to accept the invitation."))
        return redirect(f"{reverse('account:login')}?{urlencode({'next': request.path})}")
    form = AcceptInvitationForm(request.POST or None, needs_password=existing is None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = existing or form.create_user(invitation.email)
            Membership.objects.get_or_create(
                user=user, kibbutz=invitation.kibbutz, defaults={"role": invitation.role}
            )
            user.groups.add(Group.objects.get_or_create(name=MEMBER_KIBBUTZIM)[0])
            invitation.accepted_at = timezone.now()
            invitation.save(update_fields=["accepted_at"])
        if existing is None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("account:home")
    return TemplateResponse(
        request, "account/invitation.html", {"invitation": invitation, "form": form}
    )
