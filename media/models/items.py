"""Videos, photo galleries and publications: the items dated by their publication day."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from core.fields import content_link
from core.models import BasePage
from core.search_results import Passage

from ..document_text import PAGED, indexed_text, kind
from ..panels import DocumentTextPanel
from .base import DatedMediaPage, images_with_renditions
from .texts import DocumentText


class VideoPage(DatedMediaPage):
    video_url = models.URLField(_("video address"), help_text=_("A YouTube or Vimeo link."))
    thumbnail = content_link(
        "wagtailimages.Image", _("thumbnail"), help_text=_("Shown in the media list.")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("video_url"),
        FieldRowPanel([FieldPanel("published_at"), FieldPanel("thumbnail")]),
        FieldPanel("body"),
    ]

    template = "media/video_page.html"
    media_kind = "video"

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def clean(self):
        super().clean()
        if self.video_url and self.get_embed() is None:
            raise ValidationError(
                {"video_url": _("This address cannot be embedded. Use a YouTube or Vimeo link.")}
            )

    def get_embed(self):
        """The provider's player for `video_url` (a wagtail Embed, kept in the database
        after the first time), or None."""
        try:
            return get_embed(self.video_url)
        except EmbedException:
            return None

    listing_related = ("thumbnail",)

    @property
    def listing_image(self):
        return self.thumbnail

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The shape of a core VideoBlock value, for components/blocks/video.html.
        embed = self.get_embed()
        context["video"] = embed and {"video": embed, "title": self.title}
        return context


class GalleryPage(DatedMediaPage):
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("published_at"),
        InlinePanel("images", label=_("Images"), min_num=1),
        FieldPanel("body"),
    ]

    template = "media/gallery_page.html"
    media_kind = "gallery"

    class Meta:
        verbose_name = _("photo gallery")
        verbose_name_plural = _("photo galleries")

    @classmethod
    def listing_prefetches(cls):
        return [Prefetch("images", queryset=GalleryImage.objects.select_related("image"))]

    @property
    def listing_image(self):
        first = next(iter(self.images.all()), None)
        return first.image if first else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        images = list(self.images.all())  # in-memory in previews, from the database otherwise
        prefetch_related_objects(images, Prefetch("image", queryset=images_with_renditions()))
        context["images"] = [item for item in images if item.image is not None]
        return context


class GalleryImage(TranslatableMixin, Orderable):
    """One photo of a gallery. Translatable, so that its description and caption can be
    given in each language."""

    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="images")
    image = content_link("wagtailimages.Image", _("image"), required=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describe the image for readers who cannot see it. Leave empty only if "
            "the image is decorative."
        ),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")


class PublicationKind(models.TextChoices):
    JOURNAL = "journal", _("journal issue")
    BOOKLET = "booklet", _("booklet")
    OTHER = "other", _("other publication")


class PublicationPage(DatedMediaPage):
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=PublicationKind.choices,
        default=PublicationKind.JOURNAL,
        help_text=_(
            "An issue of the journal “Hevra-Mifne”, a booklet (such as the education "
            "booklet) or another publication."
        ),
    )
    document = content_link(
        "wagtaildocs.Document",
        _("document"),
        required=True,
        help_text=_("The publication itself, usually a PDF."),
    )
    cover = content_link("wagtailimages.Image", _("cover"))

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("published_at")]),
        FieldRowPanel([FieldPanel("document"), FieldPanel("cover")]),
        DocumentTextPanel(),
        FieldPanel("body"),
    ]
    # The document's text is searched with the publication, and a result shows the page of
    # the document where the words were found (`search_passages`).
    search_fields = [*DatedMediaPage.search_fields, index.SearchField("document_text")]
    passage_fields_elsewhere = ("document_text",)

    template = "media/publication_page.html"
    media_kind = "publication"
    search_type = "publication"

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    # The page shows its document; a search result, the document's text.
    fetched_with_page = ("document__extracted_text",)
    listing_related = ("cover",)

    @property
    def listing_image(self):
        return self.cover

    @property
    def kind_label(self):
        return capfirst(self.get_kind_display())

    def found_text(self):
        """The document's text (a DocumentText whose text was found), or None."""
        text = getattr(self.document, "extracted_text", None)  # None when no document
        return text if text is not None and text.status == DocumentText.Status.DONE else None

    def document_text(self):
        """The document's text for the search index: all its pages, as far as the index
        takes them (media/document_text.py)."""
        text = self.found_text()
        return indexed_text(text.pages) if text else ""

    def search_passages(self):
        """The page's own text, then each page of the document where text was found, with
        a link to that page (PDF viewers open `#page=N` there)."""
        passages = super().search_passages()
        text = self.found_text()
        if text is None:
            return passages
        document = self.document
        if kind(document.filename) not in PAGED:
            label = _("In the document “%(title)s”") % {"title": document.title}
            return [*passages, Passage(" ".join(text.pages), label, document.url)]
        for number, page_text in enumerate(text.pages, start=1):
            if page_text:
                label = _("Page %(number)s of “%(title)s”") % {
                    "number": number,
                    "title": document.title,
                }
                passages.append(Passage(page_text, label, f"{document.url}#page={number}"))
        return passages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        document = self.document
        context["document"] = document
        if document is not None:
            context["document_type"] = document.file_extension.upper()
            context["document_size"] = document.get_file_size()
        return context
