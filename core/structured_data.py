"""schema.org structured data (JSON-LD): the association, and the skeleton a page's own
description is built on. Each page model that describes itself has a
`structured_data(request)` method; seo_tags only renders what it returns."""

from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError

SCHEMA_ORG = "https://schema.org"


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def image_url(request, image):
    """The image as social networks and search engines take it, or "" without its file."""
    try:
        return absolute(request, image.get_rendition("fill-1200x630|format-jpeg").url)
    except SourceImageIOError:
        return ""


def organization(request):
    return {
        "@type": "Organization",
        "name": _("Association of Cooperative Kibbutzim"),
        "url": absolute(request, "/"),
    }


def page_data(
    page,
    request,
    schema_type,
    *,
    by,
    title_key="name",
    url_key="url",
    image=None,
    **properties,
):
    """`page` as a schema.org `schema_type`: its title, introduction, language and address,
    the association as `by` (publisher, organizer), an image if it has one, and the type's
    own `properties`. The key names differ by type (a NewsArticle has a headline)."""
    data = {
        "@context": SCHEMA_ORG,
        "@type": schema_type,
        title_key: page.title,
        "description": page.introduction,
        **properties,
        "inLanguage": page.locale.language_code,
        url_key: absolute(request, page.url),
        by: organization(request),
    }
    if image:
        data["image"] = image_url(request, image)
    return data
