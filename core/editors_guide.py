"""The editors' guide (docs/editors.md), inside the admin: the Help menu's first item.

The guide is written once, in the repository beside the code it describes, and shown here
as the admin's own page, so editors read the version that matches the screens they use."""

import functools

import markdown
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

GUIDE = settings.BASE_DIR / "docs" / "editors.md"


@functools.cache
def guide_html():
    """The guide as HTML, with its table of contents, made once per process. The file is
    ours, written by developers and reviewed like code: its HTML is trusted."""
    converter = markdown.Markdown(
        extensions=["tables", "toc"], extension_configs={"toc": {"toc_depth": "2"}}
    )
    html = converter.convert(GUIDE.read_text("utf-8"))
    return mark_safe(converter.toc), mark_safe(html)  # noqa: S308


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/editors_guide.html"
    page_title = _("Editors' guide")
    header_icon = "help"
    breadcrumbs_items = []

    def get_context_data(self, **kwargs):
        contents, guide = guide_html()
        return {**super().get_context_data(**kwargs), "contents": contents, "guide": guide}
