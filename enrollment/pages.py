"""The join page: where HQ asks people to join the cooperative movement. Editors place it
and word it (title, introduction, the text above the form, the thank-you); the form is code
(forms.py), as the list and its export rely on its fields."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage, SectionPage

from .views import serve_enrollment_page


class EnrollmentPage(SectionPage):
    body = RichTextField(_("text above the form"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown after the form is sent, above the request to confirm by email."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("thank_you_text")]

    template = "enrollment/enrollment_page.html"

    class Meta:
        verbose_name = _("join page")
        verbose_name_plural = _("join pages")

    def serve(self, request, *args, **kwargs):
        return serve_enrollment_page(self, request)
