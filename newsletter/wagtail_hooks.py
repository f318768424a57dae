from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import admin_views
from .models import NewsletterIssuePage

urlpatterns = [
    path("", admin_views.CampaignListView.as_view(), name="campaigns"),
    path("campaign/<int:pk>/", admin_views.CampaignView.as_view(), name="campaign"),
    path("issue/<int:page_id>/test/", admin_views.SendTestView.as_view(), name="send_test"),
    path("issue/<int:page_id>/send/", admin_views.SendView.as_view(), name="send"),
]


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [path("newsletter/", include((urlpatterns, "newsletter_admin")))]


class SenderMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.SEND_PERMISSION)


@hooks.register("register_admin_menu_item")
def newsletter_menu_item():
    return SenderMenuItem(
        _("Newsletter"), reverse("newsletter_admin:campaigns"), icon_name="mail", order=350
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
