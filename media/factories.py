"""factory_boy factories for the media section's pages, for tests."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Collection

from core.factories import page_factory
from core.illustrations import pdf_file

from .models import (
    EventKind,
    EventPage,
    GalleryImage,
    GalleryPage,
    MediaIndexPage,
    PublicationKind,
    PublicationPage,
    VideoPage,
)


def _root_collection():
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    # wagtail-factories would make a new root collection for every image.
    collection = factory.LazyFunction(_root_collection)
    title = factory.Sequence(lambda n: f"תמונה {n}")
    file = factory.django.ImageField(width=120, height=80, color="green")


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(_root_collection)
    title = factory.Sequence(lambda n: f"חוברת {n}")
    file = factory.LazyAttribute(
        lambda document: pdf_file(document.title, ["Booklet"], "booklet.pdf")
    )


MediaIndexPageFactory = page_factory(MediaIndexPage, "מדיה והסברה", "media")
INTRODUCTION = "פריט לדוגמה במדור המדיה."
VideoPageFactory = page_factory(
    VideoPage,
    "סרטון {n}",
    "video",
    introduction=INTRODUCTION,
    video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    published_at=factory.LazyFunction(timezone.localdate),
    thumbnail=factory.SubFactory(ImageFactory),
)
PublicationPageFactory = page_factory(
    PublicationPage,
    "פרסום {n}",
    "publication",
    introduction=INTRODUCTION,
    kind=PublicationKind.BOOKLET,
    published_at=factory.LazyFunction(timezone.localdate),
    document=factory.SubFactory(DocumentFactory),
    cover=factory.SubFactory(ImageFactory),
)


class GalleryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"גלריה {n}")
    slug = factory.Sequence(lambda n: f"gallery-{n}")
    introduction = INTRODUCTION
    published_at = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = GalleryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def images(self, create, extracted, **kwargs):
        """`images=[image, ...]` to choose the pictures; two new ones otherwise."""
        if not create:
            return
        images = extracted if extracted is not None else [ImageFactory(), ImageFactory()]
        for i, image in enumerate(images):
            GalleryImage.objects.create(
                page=self, image=image, alt_text=f"תיאור תמונה {i + 1}", sort_order=i
            )


class EventPageFactory(wagtail_factories.PageFactory):
    """An event a week from now, two hours long; `past=True` for one a month ago."""

    title = factory.Sequence(lambda n: f"סדנה {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    introduction = INTRODUCTION
    kind = EventKind.WORKSHOP
    starts_at = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=2))
    location = "בית התנועה הקיבוצית, תל אביב"

    class Meta:
        model = EventPage

    class Params:
        past = factory.Trait(
            starts_at=factory.LazyFunction(
                lambda: timezone.now().replace(microsecond=0) - datetime.timedelta(days=30)
            )
        )
