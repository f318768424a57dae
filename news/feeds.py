"""RSS 2.0 and Atom feeds of an index's updates, in the index's language: all of them, or a
category's (`?category=<slug>`, as the listing filters them)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_SIZE = 20


class RssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.updates, active = self.index.filtered_updates(request)
        self.category = self.index.category(active.get("category"))
        return super().__call__(request, *args, **kwargs)

    def title(self):
        if self.category:
            return f"{self.index.title}: {self.category.name}"
        return self.index.title

    def link(self):
        return self.index.get_url(self.request)

    def description(self):
        return self.index.introduction or self.index.title

    def items(self):
        return self.updates[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]


class AtomFeed(RssFeed):
    feed_type = Atom1Feed
    subtitle = RssFeed.description
