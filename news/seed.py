"""Seed content for the HQ updates: the news index in both languages, the categories and
the Hebrew updates of news/seed_content.py, two of them translated into English.

Like the rest of the seed, every step looks for what exists (by slug) before it creates
anything: running it again changes nothing and never overwrites editors' changes.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from core.seed.translation import translate_page
from core.seed.tree import ensure_child, publish

from .models import NewsCategory, NewsIndexPage, NewsPage
from .seed_content import CATEGORIES, ILLUSTRATION_ALT, NEWS_INDEX, UPDATES
from .seed_images import make_image, motif

PUBLISHED_AT = datetime.time(10, 30)  # local time (Asia/Jerusalem) of every seeded update


def _index_page(language):
    return NewsIndexPage(slug=NEWS_INDEX["slug"], show_in_menus=True, **NEWS_INDEX[language])


def _ensure_categories(hebrew, english):
    """The Hebrew categories by slug, each with its English translation (same slug)."""
    categories = {}
    for data in CATEGORIES:
        category = NewsCategory.objects.filter(locale=hebrew, slug=data["slug"]).first()
        if category is None:
            category = NewsCategory.objects.create(
                locale=hebrew, slug=data["slug"], name=data["he"]
            )
        if category.get_translation_or_none(english) is None:
            translation = category.copy_for_translation(english)
            translation.name = data["en"]
            translation.save()
        categories[data["slug"]] = category
    return categories


def _image_value(image, language, caption):
    alt = ILLUSTRATION_ALT[language][motif(image["seed"])]
    return {"image": make_image(image["title"], image["seed"]), "alt_text": alt, "caption": caption}


def _body(items, language, home):
    body = []
    for kind, value in items:
        if kind == "image":
            value = _image_value(value["image"], language, value["caption"])
        elif kind == "call_to_action":
            target = home.get_children().get(slug=value["page"])
            value = {"label": value["label"], "page": target, "url": ""}
        body.append((kind, value))
    return body


def _published_at(days_ago):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return datetime.datetime.combine(day, PUBLISHED_AT, tzinfo=timezone.get_current_timezone())


def _update_page(data, language, home, categories=()):
    content = data[language]
    hero = data["hero"]
    page = NewsPage(
        slug=data["slug"],
        title=content["title"],
        introduction=content["introduction"],
        published_at=_published_at(data["days_ago"]),
        hero_image=make_image(hero["title"], hero["seed"]),
        hero_alt=ILLUSTRATION_ALT[language][motif(hero["seed"])],
        body=_body(content["body"], language, home),
        categories=list(categories),
    )
    if language == "he":  # an English update gets its tags from the Hebrew one
        page.tags.add(*data["tags"])
    return page


def _use_translated_categories(page_id, english):
    """wagtail-localize leaves many-to-many fields alone, so a new English update still
    points to the Hebrew categories: point it to their English translations instead."""
    page = NewsPage.objects.get(pk=page_id)
    translated = [c.get_translation_or_none(english) or c for c in page.categories.all()]
    page.categories.set(translated)
    publish(page)


def _translate_update(page, data, home, english):
    if page.get_translation_or_none(english) is not None:
        return
    translation = translate_page(page, _update_page(data, "en", home), english)
    # wagtail-localize publishes the translation when the transaction commits: fix the
    # categories after that, or the publication would bring the Hebrew ones back.
    transaction.on_commit(lambda: _use_translated_categories(translation.pk, english))


def seed_news(home, english):
    """Create the HQ updates under the Hebrew `home` and return the Hebrew news index."""
    hebrew = home.locale
    index, _created = ensure_child(home, NEWS_INDEX["slug"], lambda: _index_page("he"))
    translate_page(index, _index_page("en"), english)
    categories = _ensure_categories(hebrew, english)

    for data in UPDATES:
        page, _created = ensure_child(
            index,
            data["slug"],
            lambda data=data: _update_page(
                data, "he", home, [categories[slug] for slug in data["categories"]]
            ),
        )
        if "en" in data:
            _translate_update(page, data, home, english)
    return index
