from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index


def _related_paths(tree, prefix=""):
    """`query.select_related` as a dict of dicts, as the lookups that made it."""
    for name, subtree in tree.items():
        if subtree:
            yield from _related_paths(subtree, f"{prefix}{name}__")
        else:
            yield prefix + name


class BasePageQuerySet(PageQuerySet):
    """Wagtail's and treebeard's own queries ask for a few columns only (`only()`,
    `defer()`), and Django refuses to join a relation whose column is not loaded: those
    queries leave out the joins to relations they do not load."""

    def only(self, *fields):
        def loaded(path):
            return any(field == path or field.startswith(f"{path}__") for field in fields)

        return super(BasePageQuerySet, self._keep_related(loaded)).only(*fields)

    def defer(self, *fields):
        def loaded(path):
            return path.split("__")[0] not in fields

        return super(BasePageQuerySet, self._keep_related(loaded)).defer(*fields)

    def _keep_related(self, keep):
        if not isinstance(self.query.select_related, dict):
            return self
        kept = [path for path in _related_paths(self.query.select_related) if keep(path)]
        unjoined = self.select_related(None)
        return unjoined.select_related(*kept) if kept else unjoined


class BasePageManager(PageManager.from_queryset(BasePageQuerySet)):
    def get_queryset(self):
        # What a page shows wherever it is used, fetched with it: its language (Open
        # Graph, JSON-LD) and the page type's `fetched_with_page`.
        return super().get_queryset().select_related("locale", *self.model.fetched_with_page)


class BasePage(Page):
    """What every page of ours has: a short introduction, shown under the title and used
    as the description for search engines when the editor gives none."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    objects = BasePageManager()
    fetched_with_page = ()  # foreign keys the page's template shows

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's, in one query instead of two: the ancestors' paths are the beginnings
        of our own, so they need not be fetched first. As in Wagtail, an alias is held to
        the restrictions of the page it copies."""
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        pages = Page.objects.filter(path__in=paths).values(target=Coalesce("alias_of", "id"))
        return PageViewRestriction.objects.filter(page__in=pages)

    @property
    def meta_description(self):
        return self.search_description or self.introduction

    # Open Graph: the page's type and its image, where it has one.
    og_type = "website"
    social_image = None


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What the footer shows: the HQ's contact details and the standing pages every visitor
    must be able to reach (accessibility statement, privacy notice)."""

    email = models.EmailField(_("email"), default="shitufi@tkz.co.il")
    phone = models.CharField(_("phone"), max_length=30, default="03-6925418")
    fax = models.CharField(_("fax"), max_length=30, blank=True, default="03-6925417")
    postal_address = models.CharField(
        _("postal address"),
        max_length=200,
        blank=True,
        help_text=_("Printed at the foot of every newsletter, as the law asks of bulk mail."),
    )
    accessibility_coordinator = models.CharField(
        _("accessibility coordinator"),
        max_length=120,
        blank=True,
        help_text=_("Who handles accessibility requests and complaints."),
    )
    accessibility_email = models.EmailField(
        _("accessibility contact email"), blank=True, default="shitufi@tkz.co.il"
    )

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The footer links to both pages on every page: fetched with the settings.
    select_related = ["accessibility_page", "privacy_page"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("postal_address"),
            ],
            heading=_("Headquarters"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_coordinator"), FieldPanel("accessibility_email")],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
