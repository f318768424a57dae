"""The media section's parts shown on other apps' pages (their templates load these, so
no app imports media)."""

from django import template

from media.models import MediaIndexPage

register = template.Library()

NEXT_EVENTS = 3


@register.simple_tag
def next_events(parent):
    """The media index under `parent` (the home page) and its next upcoming events, in two
    queries whatever their number; (None, []) without a live index."""
    index = MediaIndexPage.objects.child_of(parent).live().first()
    if index is None:
        return None, []
    return index, list(index.upcoming_events()[:NEXT_EVENTS])
