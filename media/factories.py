"""factory_boy factories for the media section's pages, for tests.

factory_boy and wagtail-factories are development dependencies: nothing the site runs (the
seed included) imports this module.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Collection

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


class MediaIndexPageFactory(wagtail_factories.PageFactory):
    title = "מדיה והסברה"
    slug = factory.Sequence(lambda n: f"media-{n}")

    class Meta:
        model = MediaIndexPage


class _MediaItemFactory(wagtail_factories.PageFactory):
    slug = factory.Sequence(lambda n: f"item-{n}")
    introduction = "פריט לדוגמה במדור המדיה."

    class Meta:
        abstract = True


class VideoPageFactory(_MediaItemFactory):
    title = factory.Sequence(lambda n: f"סרטון {n}")
    video_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    published_at = factory.LazyFunction(timezone.localdate)
    thumbnail = factory.SubFactory(ImageFactory)

    class Meta:
        model = VideoPage


class GalleryPageFactory(_MediaItemFactory):
    title = factory.Sequence(lambda n: f"גלריה {n}")
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


class PublicationPageFactory(_MediaItemFactory):
    title = factory.Sequence(lambda n: f"פרסום {n}")
    kind = PublicationKind.BOOKLET
    published_at = factory.LazyFunction(timezone.localdate)
    document = factory.SubFactory(DocumentFactory)
    cover = factory.SubFactory(ImageFactory)

    class Meta:
        model = PublicationPage


class EventPageFactory(_MediaItemFactory):
    """An event a week from now, two hours long; `past=True` for one a month ago."""

    title = factory.Sequence(lambda n: f"סדנה {n}")
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
