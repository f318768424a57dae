"""What search engines and social networks read: Open Graph, Twitter cards, JSON-LD."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.structured_data import SCHEMA_ORG, absolute, image_url, organization

register = template.Library()

OG_LOCALES = {"he": "he_IL", "en": "en_US"}
# JSON inside <script> must not be able to close the element or open a comment.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


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
        "og:url": absolute(request, page.url),
        "og:site_name": _("Association of Cooperative Kibbutzim"),
        "og:locale": OG_LOCALES.get(page.locale.language_code, ""),
        "og:image": image_url(request, image) if image else "",
        "twitter:card": "summary_large_image" if image else "summary",
    }
    return mark_safe(  # noqa: S308 - every value passes through format_html
        "\n".join(
            format_html('<meta property="{}" content="{}">', key, value)
            for key, value in tags.items()
            if value
        )
    )


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    contact = context["settings"]["core"]["SiteSettings"]
    return json_ld(
        {
            "@context": SCHEMA_ORG,
            **organization(context["request"]),
            "email": contact.email,
            "telephone": contact.phone,
            "faxNumber": contact.fax,
        }
    )


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's own description (its `structured_data`), as JSON-LD."""
    return json_ld(page.structured_data(context["request"]))
