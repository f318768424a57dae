from wagtail import hooks
from wagtail.models import Locale

from core.search_results import Suggestion

from .models import NewsIndexPage

SUGGESTED_UPDATES = 5


def _index_in_active_language():
    return NewsIndexPage.objects.live().filter(locale=Locale.get_active()).order_by("path").first()


@hooks.register("register_feed_links")
def hq_updates_feeds(request):
    """The HQ updates' feeds in the reader's language, which every page's <head> announces
    (core/templatetags/site_tags.py), so that a feed reader given any address finds them."""
    index = _index_in_active_language()
    if index is None:
        return []
    return [
        (f"{index.title} ({name})", kind, index.url + index.reverse_subpage(route))
        for name, kind, route in (
            ("RSS", "application/rss+xml", "rss"),
            ("Atom", "application/atom+xml", "atom"),
        )
    ]


@hooks.register("register_search_suggestions")
def latest_updates(request):
    """A search that finds nothing offers the HQ updates, the latest first
    (core/views.py)."""
    index = _index_in_active_language()
    if index is None:
        return None
    updates = index.updates().select_related(None)[:SUGGESTED_UPDATES]
    items = [(update.title, update.url, update.search_date) for update in updates]
    return Suggestion(index.title, index.url, items)
