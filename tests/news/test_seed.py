"""The HQ updates' seed content: enough believable updates, complete, two in English, and
a second run changes nothing."""

import datetime

import pytest
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from news.models import NewsCategory, NewsIndexPage, NewsPage
from news.seed import seed_news
from tests.html import soup

pytestmark = [pytest.mark.django_db, pytest.mark.seeded]


@pytest.fixture
def news_index(home, english, django_capture_on_commit_callbacks):
    # wagtail-localize publishes translations when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        return seed_news(home, english)


@pytest.fixture
def updates(news_index):
    return NewsPage.objects.child_of(news_index).live().specific()


def _state():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "locale_id", "live")),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "categories": list(NewsCategory.objects.values_list("slug", "locale_id", "name")),
        "tags": Tag.objects.count(),
        "translations": Translation.objects.count(),
    }


def test_news_index_in_both_languages(news_index, home, english):
    assert news_index.slug == "updates"
    assert news_index.get_parent().pk == home.pk
    assert news_index.live and news_index.show_in_menus
    assert news_index.locale == home.locale
    english_index = news_index.get_translation(english)
    assert english_index.live
    assert isinstance(english_index.specific, NewsIndexPage)


def test_at_least_twelve_live_hebrew_updates(updates, hebrew):
    assert updates.filter(locale=hebrew).count() >= 12


def test_every_update_is_complete(updates):
    for update in updates:
        assert update.introduction, update
        assert update.hero_image is not None and update.hero_alt, update
        assert update.categories.exists(), update
        assert 1 <= update.tags.count() <= 3, update
        assert timezone.is_aware(update.published_at), update


def test_updates_spread_over_the_last_ten_months(updates):
    dates = sorted(u.published_at for u in updates)
    now = timezone.now()
    assert dates[-1] <= now
    assert now - dates[0] <= datetime.timedelta(days=320)
    assert dates[-1] - dates[0] >= datetime.timedelta(days=240)
    assert len(set(dates)) == len(dates)


def test_bodies_use_every_kind_of_block(updates):
    blocks = [block for update in updates for block in update.body]
    kinds = {block.block_type for block in blocks}
    assert {"paragraph", "quote", "image", "video", "call_to_action"} <= kinds
    for block in blocks:
        if block.block_type == "image":
            assert block.value["image"] and block.value["alt_text"] and block.value["caption"]
        elif block.block_type == "video":
            assert "youtube.com" in block.value["video"].url and block.value["title"]
        elif block.block_type == "call_to_action":
            assert block.value["page"] is not None


def test_categories_have_english_translations(news_index, hebrew, english):
    hebrew_categories = NewsCategory.objects.filter(locale=hebrew)
    assert hebrew_categories.count() >= 5
    for category in hebrew_categories:
        translation = category.get_translation(english)
        assert translation.slug == category.slug
        assert translation.name != category.name


def test_two_updates_have_live_english_translations(updates, english):
    translated = [u for u in updates if u.get_translation_or_none(english) is not None]
    assert len(translated) == 2
    for update in translated:
        english_update = update.get_translation(english).specific
        assert english_update.live
        assert english_update.title != update.title
        assert english_update.hero_alt != update.hero_alt
        assert english_update.hero_image == update.hero_image
        assert english_update.published_at == update.published_at
        assert all(c.locale == english for c in english_update.categories.all())
        assert english_update.categories.count() == update.categories.count()
        translation = Translation.objects.get(
            source__object_id=update.translation_key, target_locale=english
        )
        total, done = translation.get_progress()
        assert total == done > 0, "every string is translated"


def test_index_lists_the_seeded_updates(client, news_index, updates):
    index = soup(client.get(news_index.url))
    titles = [a.get_text(strip=True) for a in index.select(".card__title a")]
    assert titles == [u.title for u in news_index.updates()[:12]]
    in_category = updates.filter(categories__slug="regional-meetings")
    index = soup(client.get(f"{news_index.url}?category=regional-meetings"))
    assert len(index.select(".cards .card")) == in_category.count() > 0


def test_updates_render_in_their_language(client, updates, english):
    for update in updates:
        page = soup(client.get(update.url))
        assert page.h1.get_text(strip=True) == update.title
    english_update = next(u for u in updates if u.get_translation_or_none(english))
    page = soup(client.get(english_update.get_translation(english).url))
    assert page.html["lang"] == "en"
    assert page.select_one(".figure--hero img")["alt"].startswith("Abstract illustration")


def test_running_again_changes_nothing(
    news_index, home, english, django_capture_on_commit_callbacks
):
    before = _state()
    with django_capture_on_commit_callbacks(execute=True):
        again = seed_news(home, english)
    assert again.pk == news_index.pk
    assert _state() == before


def test_running_again_keeps_editors_changes(
    news_index, home, english, django_capture_on_commit_callbacks
):
    update = NewsPage.objects.child_of(news_index).first()
    update.title = "כותרת שעורך שינה"
    update.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        seed_news(home, english)
    update.refresh_from_db()
    assert update.title == "כותרת שעורך שינה"
