"""What search engines and social networks read: Open Graph, Twitter cards, JSON-LD."""

import json

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError

register = template.Library()

OG_LOCALES = {"he": "he_IL", "en": "en_US"}
# JSON inside <script> must not be able to close the element or open a comment.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def _image_url(request, image):
    try:
        return _absolute(request, image.get_rendition("fill-1200x630|format-jpeg").url)
    except SourceImageIOError:
        return ""


@register.simple_tag
def json_ld(data):
    payload = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.simple_tag(takes_context=True)
def social_meta(context):
    """Open Graph and Twitter card tags for the page being shown."""
    request, page = context["request"], context.get("page")
    if page is None:
        return ""
    image = getattr(page, "social_image", None)
    tags = {
        "og:type": getattr(page, "og_type", "website"),
        "og:title": page.seo_title or page.title,
        "og:description": getattr(page, "meta_description", ""),
        "og:url": _absolute(request, page.url),
        "og:site_name": _("Association of Cooperative Kibbutzim"),
        "og:locale": OG_LOCALES.get(page.locale.language_code, ""),
        "og:image": _image_url(request, image) if image else "",
        "twitter:card": "summary_large_image" if image else "summary",
    }
    return mark_safe(  # noqa: S308 - every value passes through format_html
        "\n".join(
            format_html('<meta property="{}" content="{}">', key, value)
            for key, value in tags.items()
            if value
        )
    )


def _organization(request):
    return {
        "@type": "Organization",
        "name": _("Association of Cooperative Kibbutzim"),
        "url": _absolute(request, "/"),
    }


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    contact = context["settings"]["core"]["SiteSettings"]
    return json_ld(
        {
            "@context": "https://schema.org",
            **_organization(context["request"]),
            "email": contact.email,
            "telephone": contact.phone,
            "faxNumber": contact.fax,
        }
    )


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, page):
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.introduction,
        "datePublished": page.published_at.isoformat(),
        "dateModified": (page.last_published_at or page.published_at).isoformat(),
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": _absolute(request, page.url),
        "publisher": _organization(request),
    }
    if page.hero_image:
        data["image"] = _image_url(request, page.hero_image)
    return json_ld(data)


@register.simple_tag(takes_context=True)
def event_json_ld(context, page):
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.introduction,
        "startDate": timezone.localtime(page.starts_at).isoformat(),
        "endDate": timezone.localtime(page.ends_at).isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": page.location, "address": page.location},
        "inLanguage": page.locale.language_code,
        "url": _absolute(request, page.url),
        "organizer": _organization(request),
    }
    if page.registration_url and page.is_upcoming:
        data["offers"] = {"@type": "Offer", "url": page.registration_url}
    return json_ld(data)
