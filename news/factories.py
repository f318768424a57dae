"""factory_boy factories for HQ updates, for tests."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from core.factories import page_factory

from .models import NewsCategory, NewsIndexPage, NewsPage

NewsIndexPageFactory = page_factory(NewsIndexPage, "עדכונים מהמטה", "updates")


class NewsPageFactory(wagtail_factories.PageFactory):
    """An update published a day ago; `days_ago=` for another date."""

    title = factory.Sequence(lambda n: f"עדכון {n}")
    slug = factory.Sequence(lambda n: f"update-{n}")
    introduction = "סיכום קצר של העדכון."
    published_at = factory.LazyAttribute(
        lambda update: timezone.now() - datetime.timedelta(days=update.days_ago)
    )
    body = factory.LazyFunction(lambda: [("paragraph", "<p>פסקה של העדכון.</p>")])

    class Meta:
        model = NewsPage

    class Params:
        days_ago = 1


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"קטגוריה {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = NewsCategory
