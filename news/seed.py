"""The news app's demo content: the HQ updates' index in both languages, the categories, and
the updates in Hebrew, two of them translated into English. The text is in
`news/seed_data/` (the format: `core/seed/data.py`): `updates/` holds one update per file,
made oldest first.

Like the rest of the seed, every step looks for what exists (by slug) before it creates
anything: running it again changes nothing and never overwrites editors' changes.
"""

import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from core.illustrations import make_image
from core.seed.data import read_item, read_items
from core.seed.translation import translate_once, translate_page
from core.seed.tree import ensure_child, index_page, link_pages, publish

from .models import NewsCategory, NewsIndexPage, NewsPage

SEED_DATA = Path(__file__).resolve().parent / "seed_data"
PUBLISHED_AT = datetime.time(10, 30)  # local time (Asia/Jerusalem) of every seeded update
# An update's pictures are abstract; the seed of each picks its motif, and so its
# alternative text (seed_data/illustrations.*.md).
MOTIFS = ("hills", "circles", "furrows", "arches")


def _ensure_categories(texts, hebrew, english):
    """The Hebrew categories by slug, each with its English translation (same slug)."""
    categories = {}
    for slug, name in texts["he"].fields.items():
        category = NewsCategory.objects.filter(locale=hebrew, slug=slug).first()
        if category is None:
            category = NewsCategory.objects.create(locale=hebrew, slug=slug, name=name)
        if category.get_translation_or_none(english) is None:
            translation = category.copy_for_translation(english)
            translation.name = texts["en"][slug]
            translation.save()
        categories[slug] = category
    return categories


def _illustration(title, seed, alt_texts):
    """An illustration and its alternative text in the language of `alt_texts`."""
    motif = MOTIFS[int(seed) % len(MOTIFS)]
    return make_image(title, motif, int(seed)), alt_texts[motif]


def _body(blocks, alt_texts, home):
    body = []
    for kind, value in link_pages(blocks, home):
        if kind == "image":
            image, alt = _illustration(value["title"], value["seed"], alt_texts)
            value = {"image": image, "alt_text": alt, "caption": value["caption"]}
        body.append((kind, value))
    return body


def _published_at(days_ago):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return datetime.datetime.combine(day, PUBLISHED_AT, tzinfo=timezone.get_current_timezone())


def _update_page(texts, language, home, alt_texts, categories=()):
    text, source = texts[language], texts["he"]
    hero, hero_alt = _illustration(source["hero_title"], source["hero_seed"], alt_texts)
    page = NewsPage(
        slug=source.name,
        title=text["title"],
        introduction=text["introduction"],
        published_at=_published_at(int(source["days_ago"])),
        hero_image=hero,
        hero_alt=hero_alt,
        body=_body(text.body, alt_texts, home),
        categories=list(categories),
    )
    if language == "he":  # an English update gets its tags from the Hebrew one
        page.tags.add(*source.split("tags"))
    return page


def _use_translated_categories(page_id, english):
    """wagtail-localize leaves many-to-many fields alone, so a new English update still
    points to the Hebrew categories: point it to their English translations instead."""
    page = NewsPage.objects.get(pk=page_id)
    translated = [c.get_translation_or_none(english) or c for c in page.categories.all()]
    page.categories.set(translated)
    publish(page)


def _translate_update(page, texts, home, alt_texts, english):
    if page.get_translation_or_none(english) is not None:
        return
    translation = translate_page(page, _update_page(texts, "en", home, alt_texts), english)
    # wagtail-localize publishes the translation when the transaction commits: fix the
    # categories after that, or the publication would bring the Hebrew ones back.
    transaction.on_commit(lambda: _use_translated_categories(translation.pk, english))


def seed_news(home, english):
    """Create the HQ updates under the Hebrew `home` and return the Hebrew news index."""
    index_texts = read_item(SEED_DATA / "updates")
    index, _created = ensure_child(
        home, "updates", lambda: index_page(NewsIndexPage, index_texts["he"])
    )
    translate_once(index, lambda: index_page(NewsIndexPage, index_texts["en"]), english)
    categories = _ensure_categories(read_item(SEED_DATA / "categories"), home.locale, english)
    alt_texts = read_item(SEED_DATA / "illustrations")

    updates = read_items(SEED_DATA / "updates").values()
    for texts in sorted(updates, key=lambda texts: -int(texts["he"]["days_ago"])):
        page, _created = ensure_child(
            index,
            texts["he"].name,
            lambda texts=texts: _update_page(
                texts,
                "he",
                home,
                alt_texts["he"],
                [categories[slug] for slug in texts["he"].split("categories")],
            ),
        )
        if "en" in texts:
            _translate_update(page, texts, home, alt_texts["en"], english)
    return index
