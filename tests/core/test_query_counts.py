"""Every public page type of the seeded site renders in a few queries, and in as many with
more updates and media items than any listing shows as with a handful."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from home.models import HomePage, VisionPage
from media.factories import (
    DocumentFactory,
    EventPageFactory,
    GalleryPageFactory,
    ImageFactory,
    PublicationPageFactory,
    VideoPageFactory,
)
from media.models import (
    EventPage,
    GalleryPage,
    MediaIndexPage,
    PublicationPage,
    VideoPage,
    WorkPlanPage,
)
from news.feeds import FEED_SIZE
from news.models import NewsIndexPage, NewsPage
from newsletter.models import NewsletterIndexPage

pytestmark = [pytest.mark.django_db, pytest.mark.seeded]

MAX_QUERIES = 15
SEARCH_WORDS = {"he": "קיבוץ", "en": "kibbutz"}


def _queries(client, url):
    """The queries of a warm request: the first one may make renditions and fill Wagtail's
    cache of site root paths."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _seeded(model, locale):
    return model.objects.live().filter(locale=locale).order_by("pk").first()


def _urls(locale):
    """A page of every public type in `locale`, by name."""
    prefix = "" if locale.language_code == "he" else f"/{locale.language_code}"
    news_index = _seeded(NewsIndexPage, locale)
    media_index = _seeded(MediaIndexPage, locale)
    urls = {
        "home": _seeded(HomePage, locale).url,
        "news index": news_index.url,
        "news page": news_index.add_child(instance=NewsPage(title="עדכון", body=[])).url,
        "search": f"{prefix}/search/?q={SEARCH_WORDS[locale.language_code]}",
        "media index": media_index.url,
        "vision": _seeded(VisionPage, locale).url,
        "newsletter archive": _seeded(NewsletterIndexPage, locale).url,
        "work plan": _seeded(WorkPlanPage, locale).url,
        "events of a region and type": f"{media_index.url}?kind=event&region=north&type=workshop",
        "events calendar feed": f"{media_index.url}calendar/?region=north",
    }
    for kind in ("video", "gallery", "publication", "event"):
        urls[f"media index, {kind}s"] = f"{media_index.url}?kind={kind}"
    for model in (VideoPage, GalleryPage, PublicationPage, EventPage):
        urls[model._meta.model_name] = _seeded(model, locale).url
    return urls


def _add_content(locale, updates, media_per_kind):
    """Older updates up to `updates` in all, and `media_per_kind` media items of every
    kind, listed after the seeded ones on the first page of the media index."""
    news_index = _seeded(NewsIndexPage, locale)
    for number in range(updates - news_index.updates().count()):
        published_at = timezone.now() - datetime.timedelta(days=400 + number)
        news_index.add_child(
            instance=NewsPage(title=f"עדכון {number}", published_at=published_at, body=[])
        )
    media_index = _seeded(MediaIndexPage, locale)
    image, document = ImageFactory(), DocumentFactory()
    day = datetime.date(2020, 6, 1)
    for _ in range(media_per_kind):
        VideoPageFactory(parent=media_index, thumbnail=image, published_at=day)
        GalleryPageFactory(parent=media_index, images=[image, image], published_at=day)
        PublicationPageFactory(parent=media_index, cover=image, document=document, published_at=day)
        EventPageFactory(
            parent=media_index, starts_at=datetime.datetime(2020, 6, 1, tzinfo=datetime.UTC)
        )
        EventPageFactory(parent=media_index)  # upcoming


@pytest.mark.parametrize("language", ["he", "en"])
def test_queries_are_few_and_do_not_grow_with_the_content(client, settings, language):
    settings.PAGE_CACHE_SECONDS = 0  # what a page costs when it is not in the page cache
    locale = Locale.objects.get(language_code=language)
    _add_content(locale, updates=10, media_per_kind=3)
    urls = _urls(locale)
    few = {name: _queries(client, url) for name, url in urls.items()}
    # More than any listing shows at once: a page of the index, the feed.
    _add_content(locale, updates=FEED_SIZE + 5, media_per_kind=MediaIndexPage.PER_PAGE + 1)
    many = {name: _queries(client, url) for name, url in urls.items()}
    assert {name: count for name, count in few.items() if count > MAX_QUERIES} == {}
    assert many == few
