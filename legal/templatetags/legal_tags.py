"""The request form's address, for the members' pages of the app. A template tag, because
the page model (legal.models) is above legal.views in the import graph: views cannot ask
for it."""

from django import template

from ..models import LegalRequestPage

register = template.Library()


@register.simple_tag(takes_context=True)
def request_form_url(context):
    """The live request page in the reader's language (else in any), or "" if none is live."""
    page = LegalRequestPage.in_active_language()
    return page.get_url(context["request"]) if page else ""
