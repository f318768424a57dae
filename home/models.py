from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import ContentStreamBlock
from core.models import BasePage

from .blocks import VisionStreamBlock


class HomePage(BasePage):
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.VisionPage",
        "home.StandardPage",
        "home.ContactPage",
        "news.NewsIndexPage",
        "media.MediaIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class VisionPage(BasePage):
    """The association's vision, written in 2010 and kept as structured content."""

    body = StreamField(VisionStreamBlock(), verbose_name=_("body"))
    written_on = models.DateField(_("written on"), null=True, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("written_on")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    template = "home/vision_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("vision page")
        verbose_name_plural = _("vision pages")


class StandardPage(BasePage):
    """About, contact, the accessibility statement, the privacy notice."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_('Shown as "last updated"; the accessibility statement must carry it.'),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
