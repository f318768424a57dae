"""The request form's address, for the members' pages of the app. A template tag, because
the page model (legal.models) is above legal.views in the import graph: views cannot ask
for it."""

from django import template
from django.utils.translation import get_language

from ..models import LegalRequestPage

register = template.Library()


@register.simple_tag(takes_context=True)
def request_form_url(context):
    """The live request page in the reader's language (else in any), or "" if none is live."""
    pages = LegalRequestPage.objects.live().order_by("path")
    page = pages.filter(locale__language_code=get_language()).first() or pages.first()
    return page.get_url(context["request"]) if page else ""
