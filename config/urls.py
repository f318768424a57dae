from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import health, views
from core.sitemap import TranslatedSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
    # The email provider's tracking webhooks (basic-auth secret, plus signatures where the
    # provider signs): newsletter/tracking.py.
    path("anymail/", include("anymail.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Hebrew is served at "/", English under "/en/".
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("subscription/", include("newsletter.urls")),
    # The links in enrollment's emails; the form itself is on the join page (a Wagtail page).
    path("join/", include("enrollment.urls")),
    # Registration for an event (by the event page's id) and each person's own link.
    path("events/", include("registrations.urls")),
    path("account/requests/", include("legal.urls")),
    path("account/contacts/", include("enrollment.contacts_urls")),
    path("account/", include("members.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
