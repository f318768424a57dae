"""The admin's form of an HQ update, as the browser posts it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def update_form(title, slug, go_live_at="", body="<p>טקסט.</p>"):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "introduction": "",
            "published_at": "2026-11-01 10:00",
            "go_live_at": go_live_at,
            "hero_alt": "",
            "body": streamfield([("paragraph", rich_text(body))]),
            "related_pages": inline_formset([]),
            "tags": "",
        }
    )
