"""What Django registers for legal requests: the records (legal.records) and the page with
the request form. The page is the top of the app, like a URL conf: it serves the form through
legal.views, and nothing of the app imports it back."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage, SectionPage

from .records import (
    Attachment,
    AuditEntry,
    CounselContact,
    LegalRequest,
    Message,
    Notice,
    RefusedAccess,
    Topic,
)
from .views import serve_request_page

__all__ = [
    "Attachment",
    "AuditEntry",
    "CounselContact",
    "LegalRequest",
    "LegalRequestPage",
    "Message",
    "Notice",
    "RefusedAccess",
    "Topic",
]


class LegalRequestPage(SectionPage):
    """The members-only page with the request form (its text is the editors'; the form is
    code). Restricted to the Member kibbutzim and Legal counsel groups in both languages."""

    body = RichTextField(_("text above the form"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    template = "legal/legal_request_page.html"

    class Meta:
        verbose_name = _("legal request page")
        verbose_name_plural = _("legal request pages")

    @classmethod
    def in_active_language(cls):
        """The live request page in the reader's language (else in any), or None."""
        pages = cls.objects.live().order_by("path")
        return pages.filter(locale=Locale.get_active()).first() or pages.first()

    def serve(self, request, *args, **kwargs):
        return serve_request_page(self, request)
