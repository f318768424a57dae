from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from core.menu import PermissionViewSet

from . import admin_views
from .models import CounselContact

urlpatterns = [
    path("", admin_views.RequestListView.as_view(), name="list"),
    path("<uuid:public_id>/", admin_views.RequestDetailView.as_view(), name="detail"),
    path(
        "<uuid:public_id>/files/<id:attachment_id>/",
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
