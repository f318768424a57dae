"""sitemap.xml: every live public page in both languages, each with its translations as
hreflang alternates."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class TranslatedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_a_tree)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def get_urls(self, page=1, site=None, protocol=None):
        """The entries of one sitemap page, read in one pass: a page's translations are
        found among the other items (both trees are listed), not asked of each page.
        Addresses are full URLs from Wagtail's sites, as Wagtail's own sitemap gives them,
        so `site` and `protocol` are not needed."""
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        pages = list(self.paginator.page(page).object_list)
        locations = defaultdict(dict)
        for item in pages:
            locations[item.translation_key][languages[item.locale_id]] = self.location(item)
        urls = []
        for item in pages:
            translations = locations[item.translation_key]
            urls.append(
                {
                    "item": item,
                    "location": translations[languages[item.locale_id]],
                    "lastmod": self.lastmod(item),
                    "alternates": [
                        {"lang_code": code, "location": url}
                        for code, url in sorted(translations.items())
                    ]
                    if len(translations) > 1
                    else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            # Read by Django's view for the Last-Modified header.
            self.latest_lastmod = max(lastmods)
        return urls
