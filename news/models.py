"""HQ updates (עדכונים מהמטה השיתופי): an index per language and the updates under it."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core import shell_cache
from core.blocks import ContentStreamBlock
from core.fields import content_link
from core.models import BasePage, SectionPage
from core.pages import localized, unrestricted
from core.pagination import page_or_404
from core.structured_data import page_data

from .feeds import AtomFeed, RssFeed

PAGE_SIZE = 12


@register_snippet
class NewsCategory(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")

    def __str__(self):
        return self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsIndexPage(RoutablePageMixin, SectionPage):
    """Lists the updates newest first, twelve a page, filtered by category, tag or year."""

    template = "news/news_index_page.html"
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def updates(self):
        # No prefetch of the images' renditions: a card is kept once drawn
        # (components/news_card.html), and drawing it reads Wagtail's renditions cache.
        return (
            unrestricted(NewsPage.objects.child_of(self).live())
            .select_related("hero_image")
            .order_by("-published_at", "-pk")
        )

    def category(self, slug):
        """The category of this index's language with `slug`, if there is one."""
        if not slug:
            return None
        return NewsCategory.objects.filter(locale=self.locale, slug=slug).first()

    def filtered_updates(self, request):
        """The updates and the filters that applied; unknown filter values match nothing,
        malformed ones are ignored (never an error)."""
        updates, active = self.updates(), {}
        category = request.GET.get("category", "")[:80]
        if category:
            updates = updates.filter(categories__slug=category)
            active["category"] = category
        tag = request.GET.get("tag", "")[:100]
        if tag:
            updates = updates.filter(tags__name=tag)
            active["tag"] = tag
        year = request.GET.get("year", "")
        if year.isdecimal() and len(year) == 4:  # isdigit() also passes "²", int() does not
            updates = updates.filter(published_at__year=int(year))
            active["year"] = year
        # Only the joins of a category or tag can repeat an update; DISTINCT over every
        # column of the page would slow the count and the page of updates for nothing.
        joined = "category" in active or "tag" in active
        return (updates.distinct() if joined else updates), active

    def route(self, request, path_components):
        """An update in one query, where Wagtail's route takes two (the page row, then its
        specific row): the index holds nothing but updates. The feeds keep precedence over
        an update's slug, as in RoutablePageMixin."""
        if len(path_components) == 1 and self.live and not self._is_view(path_components[0]):
            update = NewsPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if update is not None:
                update._cached_parent_obj = self
                return update.route(request, [])
        return super().route(request, path_components)

    def _is_view(self, component):
        try:
            self.resolve_subpage(f"/{component}/")
        except Http404:
            return False
        return True

    @path("")
    def index(self, request):
        updates, active = self.filtered_updates(request)
        return self.render(
            request,
            context_overrides={
                "updates": page_or_404(updates, request, PAGE_SIZE),
                "active_filters": active,
                "active_category": self.category(active.get("category")),
                "categories": NewsCategory.objects.filter(locale=self.locale),
                # SQLite truncates every update's date in Python: kept until content changes
                "years": shell_cache.kept(request, ("news-years", self.pk), self._years),
            },
        )

    def _years(self):
        return list(self.updates().dates("published_at", "year", order="DESC"))

    @path("rss/")
    def rss(self, request):
        return RssFeed(self)(request)

    @path("atom/")
    def atom(self, request):
        return AtomFeed(self)(request)


class NewsPageForm(WagtailAdminPageForm):
    """An update's categories are those of its own language: a Hebrew update offers the
    Hebrew ones only (each category exists once per language)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        categories = self.fields["categories"]
        categories.queryset = categories.queryset.filter(locale_id=locale_id)


class NewsPage(BasePage):
    published_at = models.DateTimeField(_("publication date"), default=timezone.now)
    hero_image = content_link("wagtailimages.Image", _("main image"))
    hero_alt = models.CharField(
        _("main image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"))
    categories = ParentalManyToManyField(
        NewsCategory, verbose_name=_("categories"), blank=True, related_name="updates"
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("published_at"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Image")),
        FieldPanel("body"),
        InlinePanel("related_pages", label=_("Related items")),
    ]
    promote_panels = [
        *BasePage.promote_panels,
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]

    base_form_class = NewsPageForm
    template = "news/news_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    og_type = "article"
    fetched_with_page = ("hero_image",)
    search_type = "update"
    search_date_field = "published_at"

    class Meta:
        verbose_name = _("HQ update")
        verbose_name_plural = _("HQ updates")

    @property
    def social_image(self):
        return self.hero_image

    def structured_data(self, request):
        return page_data(
            self,
            request,
            "NewsArticle",
            by="publisher",
            title_key="headline",
            url_key="mainEntityOfPage",
            image=self.hero_image,
            datePublished=self.published_at.isoformat(),
            dateModified=(self.last_published_at or self.published_at).isoformat(),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related = self.related_pages.select_related("related")
        context["related_pages"] = localized(item.related for item in related)
        return context

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt:
            raise ValidationError({"hero_alt": _("Describe the main image.")})


class NewsRelatedPage(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_pages")
    related = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related")]
