"""What every item of the media section shares."""

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.search import index

from core.blocks import ContentStreamBlock
from core.models import BasePage


def images_with_renditions():
    """Images with all their renditions, so that galleries ask for none."""
    return get_image_model().objects.prefetch_renditions()


class MediaItemPage(BasePage):
    """What every item of the media section has: a place under the media index, a body,
    and what the index needs to list it."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["media.MediaIndexPage"]
    subpage_types = []

    media_kind = ""  # the value of the index's ?kind= filter that selects this type
    listing_related = ()  # foreign keys the card shows, fetched with the list
    search_type = "media"

    class Meta:
        abstract = True

    @classmethod
    def listing_prefetches(cls):
        """Lookups that let a list of these pages render without a query per item, for
        what `listing_related` cannot join."""
        return []

    @property
    def listing_image(self):
        return None

    @property
    def kind_label(self):
        return capfirst(self._meta.verbose_name)

    @property
    def search_label(self):
        return self.kind_label


class DatedMediaPage(MediaItemPage):
    """An item the index dates by its publication day: a video, a gallery, a publication."""

    published_at = models.DateField(
        _("published on"),
        default=timezone.localdate,
        help_text=_("The media list shows the newest items first."),
    )

    search_date_field = "published_at"  # also the date the media index sorts by

    class Meta:
        abstract = True
