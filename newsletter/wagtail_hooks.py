from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.menu import PermissionViewSet

from . import admin_views, subscriptions
from .models import NewsletterIssuePage, Subscriber

urlpatterns = [
    path("", admin_views.CampaignListView.as_view(), name="campaigns"),
    path("campaign/<id:pk>/", admin_views.CampaignView.as_view(), name="campaign"),
    path("issue/<id:page_id>/test/", admin_views.SendTestView.as_view(), name="send_test"),
    path("issue/<id:page_id>/send/", admin_views.SendView.as_view(), name="send"),
]


@hooks.register("register_admin_viewset")
def campaigns():
    return PermissionViewSet(
        "newsletter_admin",
        url_prefix="newsletter",
        urlpatterns=urlpatterns,
        menu_label=_("Newsletter"),
        menu_icon="mail",
        menu_order=350,
        permission=admin_views.SEND_PERMISSION,
    )


@hooks.register("register_page_header_buttons")
def issue_buttons(page, user, view_name, next_url=None):
    if page.specific_class is not NewsletterIssuePage:
        return
    yield Button(
        _("Send a test to me"),
        reverse("newsletter_admin:send_test", args=[page.pk]),
        icon_name="mail",
        priority=80,
    )
    if user.has_perm(admin_views.SEND_PERMISSION):
        yield Button(
            _("Send to subscribers"),
            reverse("newsletter_admin:send", args=[page.pk]),
            icon_name="mail",
            priority=85,
        )


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds or deletes a subscriber in the admin, superusers included: only the
    subscriber's own confirmed consent adds one, and removal is the erasure link, which
    keeps the consent log and the suppression."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)


register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


class SubscriberViewSet(ModelViewSet):
    """The subscribers list, for those with the "view subscriber" permission (Newsletter
    senders), to look an address up; who may change a subscriber may change its language."""

    model = Subscriber
    form_fields = ["language"]
    icon = "group"
    menu_label = _("Newsletter subscribers")
    menu_order = 351
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["email", "language", "status", "created_at", "confirmed_at"]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    search_backend_name = None  # plain database search: subscribers are not indexed
    inspect_view_fields = [
        "email",
        "language",
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]


@hooks.register("register_admin_viewset")
def subscriber_viewset():
    return SubscriberViewSet("newsletter_subscribers")


@hooks.register("register_newsletter_signup")
def newsletter_signup(email, language, request, source):
    """Other apps' forms that offer the newsletter (the enrollment form) sign the address up
    through this hook, without importing this app: the newsletter's own double opt-in."""
    subscriptions.request_subscription(email, language, request, source=source)
