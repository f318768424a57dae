"""The default site's address is the configured base URL (WAGTAILADMIN_BASE_URL).

Wagtail builds a page's full URL from its Site record (page.full_url), and its notification
emails link to pages by it: a record left at another host or port gives dead links. The
seed runs at every `make run`, so a new PORT moves the record too. A Site record has no
scheme of its own: port 443 means https, any other port http.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def point_default_site_at_base_url():
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (address.hostname, port):
        site.hostname, site.port = address.hostname, port
        site.save()  # through save(): Wagtail then forgets its cached site addresses
