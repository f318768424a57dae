"""The work plan's progress: each goal is a share of the cooperative kibbutzim that should
have had an event of a kind (a visit, a workshop) between two dates, and the page shows how
many had, from the events HQ records."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.models import BasePage, SectionPage

from .events import EventKind, EventPage

#: members.Kibbutz.Status.COOPERATIVE: the goals count these kibbutzim only.
COOPERATIVE = "cooperative"


def progress(kind, start, deadline):
    """Per region, the cooperative kibbutzim and those among them that had a live event of
    `kind` starting between `start` and `deadline` (dates, both included), in one query; and
    the totals. The model is reached through EventPage.kibbutzim: media imports no members."""
    kibbutz = EventPage._meta.get_field("kibbutzim").related_model
    had_one = Q(
        events__kind=kind,
        events__live=True,
        events__starts_at__date__gte=start,
        events__starts_at__date__lte=deadline,
    )
    rows = list(
        kibbutz.objects.filter(status=COOPERATIVE)
        .values("region")
        .annotate(
            total=Count("pk", distinct=True), reached=Count("pk", filter=had_one, distinct=True)
        )
        .order_by("region")
    )
    labels = dict(kibbutz._meta.get_field("region").choices)
    regions = [{**row, "label": labels.get(row["region"], row["region"])} for row in rows]
    total = sum(row["total"] for row in rows)
    reached = sum(row["reached"] for row in rows)
    return {
        "regions": regions,
        "total": total,
        "reached": reached,
        "percent": round(100 * reached / total) if total else 0,
    }


class GoalBlock(blocks.StructBlock):
    wording = blocks.TextBlock(label=_("goal"), help_text=_("As the work plan words it."))
    kind = blocks.ChoiceBlock(choices=EventKind.choices, label=_("the events counted"))
    target = blocks.IntegerBlock(
        min_value=1,
        max_value=100,
        label=_("target, in percent of the cooperative kibbutzim"),
    )
    start = blocks.DateBlock(label=_("counted from"))
    deadline = blocks.DateBlock(label=_("deadline"))

    class Meta:
        icon = "tasks"
        label = _("goal")
        template = "media/blocks/goal.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["progress"] = progress(value["kind"], value["start"], value["deadline"])
        return context


class WorkPlanPage(SectionPage):
    """The work plan's goals and, for each, how far HQ has come (computed, not typed in)."""

    goals = StreamField([("goal", GoalBlock())], blank=True, verbose_name=_("goals"))

    content_panels = [*BasePage.content_panels, FieldPanel("goals")]

    template = "media/work_plan_page.html"

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
