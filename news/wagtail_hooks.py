from wagtail import hooks
from wagtail.models import Locale

from .models import NewsIndexPage


@hooks.register("register_feed_links")
def hq_updates_feeds(request):
    """The HQ updates' feeds in the reader's language, which every page's <head> announces
    (core/templatetags/site_tags.py), so that a feed reader given any address finds them."""
    index = NewsIndexPage.objects.live().filter(locale=Locale.get_active()).order_by("path").first()
    if index is None:
        return []
    return [
        (f"{index.title} ({name})", kind, index.url + index.reverse_subpage(route))
        for name, kind, route in (
            ("RSS", "application/rss+xml", "rss"),
            ("Atom", "application/atom+xml", "atom"),
        )
    ]
