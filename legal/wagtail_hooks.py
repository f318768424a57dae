import django_filters
from django.contrib.auth import get_user_model
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.menu import PermissionViewSet

from . import admin_views
from .models import CounselContact, LegalRequestPage, RefusedAccess

urlpatterns = [
    path("", admin_views.RequestListView.as_view(), name="list"),
    path("<uuid:public_id>/", admin_views.RequestDetailView.as_view(), name="detail"),
    path(
        "<uuid:public_id>/files/<uuid:file_id>/",
        admin_views.DownloadView.as_view(),
        name="download",
    ),
]


@hooks.register("register_admin_viewset")
def legal_requests():
    return PermissionViewSet(
        "legal_admin",
        url_prefix="legal",
        urlpatterns=urlpatterns,
        menu_label=_("Legal requests"),
        menu_icon="form",
        menu_order=370,
        permission=admin_views.PERMISSION,
    )


class CounselContactViewSet(ModelViewSet):
    """HQ decides which counsel hears of new requests on each topic."""

    model = CounselContact
    icon = "user"
    form_fields = ["topic", "counsel"]
    list_display = ["topic", "counsel"]
    copy_view_enabled = False
    add_to_admin_menu = True
    menu_order = 371


@hooks.register("register_admin_viewset")
def counsel_contacts():
    return CounselContactViewSet("counsel_contacts")


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Nobody adds, changes or deletes a refused attempt, superusers included: the list is
    a record of what happened (legal.refusals writes it)."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(
            user, action
        )


register_permission_policy(RefusedAccess, ReadOnlyPolicy(RefusedAccess))


class RefusedAccessFilterSet(WagtailFilterSet):
    user = django_filters.ModelChoiceFilter(
        label=_("person"),
        # Only those with refused attempts, not every account of the site.
        queryset=get_user_model()
        .objects.filter(pk__in=RefusedAccess.objects.values("user"))
        .order_by("username"),
    )
    at = django_filters.DateFromToRangeFilter(label=_("date"), widget=DateRangePickerWidget)

    class Meta:
        model = RefusedAccess
        fields = ["user", "at"]


class RefusedAccessViewSet(ModelViewSet):
    """HQ sees who was refused a legal request, a file or counsel's screens, newest first
    (for those with "view refused attempt": the Moderators group)."""

    model = RefusedAccess
    icon = "warning"
    form_fields = []  # there is no form: ReadOnlyPolicy refuses adding and changing
    list_display = ["at", "user", "address", "kind", "path", "reference"]
    filterset_class = RefusedAccessFilterSet
    ordering = "-at"
    copy_view_enabled = False
    add_to_admin_menu = True
    menu_order = 372

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=RefusedAccess.objects.select_related("user"), **kwargs
        )


@hooks.register("register_admin_viewset")
def refused_attempts():
    return RefusedAccessViewSet("legal_refusals", url_prefix="legal-refusals")


@hooks.register("register_members_menu_item")
def members_menu_items(request):
    """The members' menu on the account home (members/menu.py, which cannot import legal):
    the request form in the reader's language, for whoever its view restriction admits,
    and "my requests" for a kibbutz's representatives."""
    items = []
    page = LegalRequestPage.in_active_language()
    if page and all(r.accept_request(request) for r in page.get_view_restrictions()):
        items.append((page.title, page.get_url(request)))
    if request.user.memberships.exists():
        items.append((_("My kibbutz’s requests"), reverse("legal:my_requests")))
    return items
