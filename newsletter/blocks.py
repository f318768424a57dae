"""The body of a newsletter issue. Each block renders twice: on the web archive (the
site's own block templates) and in the email (newsletter/email/blocks/<block type>.html)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import CallToActionBlock, HeadingBlock, ImageBlock, ParagraphBlock
from news.models import NewsPage


class UpdatesBlock(blocks.StructBlock):
    """HQ updates pulled into the issue: the ones the editor chose, or else the latest
    ones published up to the issue's date (so the archived issue never changes)."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    # Starts empty (no required slot to remove): left empty, the latest updates are used.
    updates = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="news.NewsPage", required=False),
        label=_("Chosen updates"),
        default=[],
        min_num=0,
        max_num=12,
    )
    latest = blocks.IntegerBlock(
        label=_("Or the latest updates"),
        min_value=0,
        max_value=12,
        default=3,
        required=False,
        help_text=_("When no update is chosen: how many of the newest updates to include."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("HQ updates")
        template = "newsletter/blocks/updates.html"

    @staticmethod
    def pages(value, issue):
        chosen = [page for page in value["updates"] if page is not None]
        if chosen:
            localized = [page.specific.localized for page in chosen]
            return [page for page in localized if page.live]
        count = value.get("latest") or 0
        if not count:
            return []
        until = datetime.datetime.combine(issue.issue_date, datetime.time.max)
        return list(
            NewsPage.objects.live()
            .public()
            .filter(locale=issue.locale, published_at__lte=timezone.make_aware(until))
            .select_related("hero_image")
            .order_by("-published_at", "-pk")[:count]
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        issue = (parent_context or {}).get("page")
        context["updates"] = self.pages(value, issue) if issue is not None else []
        return context


class NewsletterStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    updates = UpdatesBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
