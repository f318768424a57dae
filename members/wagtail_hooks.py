from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.models import PageViewRestriction

from . import two_factor
from .invitations import send_invitation
from .models import Invitation, Kibbutz


class KibbutzViewSet(ModelViewSet):
    model = Kibbutz
    icon = "home"
    form_fields = ["name_he", "name_en", "region", "status"]
    list_display = ["name_he", "name_en", "region", "status"]
    list_filter = ["region", "status"]
    search_fields = ["name_he", "name_en"]
    search_backend_name = None
    copy_view_enabled = False


class InvitationCreateView(CreateView):
    def save_instance(self):
        invitation = self.form.save(commit=False)
        invitation.invited_by = self.request.user
        send_invitation(invitation, self.request.LANGUAGE_CODE)
        return invitation


class InvitationViewSet(ModelViewSet):
    """HQ invites a kibbutz's representative; the email carries a link to set a password."""

    model = Invitation
    icon = "mail"
    add_view_class = InvitationCreateView
    form_fields = ["email", "kibbutz", "role"]
    list_display = ["email", "kibbutz", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["kibbutz", "role"]
    search_fields = ["email"]
    search_backend_name = None
    copy_view_enabled = False


class MembersGroup(ModelViewSetGroup):
    menu_label = _("Member kibbutzim")
    menu_icon = "group"
    menu_order = 360
    items = (KibbutzViewSet("kibbutzim"), InvitationViewSet("invitations"))


@hooks.register("register_admin_viewset")
def members_viewsets():
    return MembersGroup()


# Two-step login, self-service: pages in the admin, linked from the account page's
# "More actions" tab (members/two_factor.py).


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path(
            "two-factor/authenticator/",
            two_factor.RepairView.as_view(),
            name="two_factor_authenticator",
        ),
        path(
            "two-factor/recovery-codes/",
            two_factor.RecoveryCodesView.as_view(),
            name="two_factor_recovery_codes",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_authenticator_item(request):
    return {
        "url": reverse("two_factor_authenticator"),
        "label": _("Pair a new authenticator app"),
        "help_text": _("For a new phone. The old app stops working once the new one is confirmed."),
    }


@hooks.register("register_account_menu_item")
def two_factor_recovery_codes_item(request):
    return {
        "url": reverse("two_factor_recovery_codes"),
        "label": _("New recovery codes"),
        "help_text": _("Replaces your recovery codes; the old ones stop working."),
    }


# Pages restricted to groups (the legal-advice form): a clear answer instead of a loop.

MEMBERS_ONLY = (PageViewRestriction.LOGIN, PageViewRestriction.GROUPS)


@hooks.register("before_serve_page")
def refuse_logged_in_outsiders(page, request, serve_args, serve_kwargs):
    """A logged-in person outside the groups a page is restricted to gets a 403 saying what
    the page is and whom to ask. Wagtail's own check (`check_view_restrictions`, which runs
    after every `before_serve_page` hook) would send them to the login page, and the login
    page sends a logged-in user back to the page: a redirect loop. The anonymous still go to
    the login; password restrictions stay Wagtail's."""
    if not request.user.is_authenticated:
        return None
    if all(
        restriction.accept_request(request)
        for restriction in page.get_view_restrictions()
        if restriction.restriction_type in MEMBERS_ONLY
    ):
        return None
    login = f"{reverse('account:login')}?{urlencode({'next': request.get_full_path()})}"
    context = {"page": page, "switch_account_url": login}
    response = TemplateResponse(request, "account/no_access.html", context, status=403)
    add_never_cache_headers(response)
    return response


@hooks.register("register_page_cache_models")
def page_cache_models():
    """The work plan's page counts the kibbutzim by status and region, and events name them."""
    return [Kibbutz]
