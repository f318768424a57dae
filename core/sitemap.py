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

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        pages = list(self.paginator.page(page).object_list)
        locations = defaultdict(dict)
        for item in pages:
            locations[item.translation_key][languages[item.locale_id]] = item.get_full_url(
                self.request
            )
        urls = []
        for item in pages:
            translations = locations[item.translation_key]
            urls.append(
                {
                    "item": item,
                    "location": translations[languages[item.locale_id]],
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
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
            self.latest_lastmod = max(lastmods)
        return urls
