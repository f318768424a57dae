"""The newsletter's pages: the public archive of issues, and the issue an editor composes
once and which is both a web page and the email that is sent."""

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.models import BasePage, SectionPage
from core.pages import unrestricted
from core.pagination import page_or_404

from ..blocks import NewsletterStreamBlock
from ..emails import render_issue
from ..forms import SubscribeForm

ISSUES_PER_PAGE = 12


class NewsletterIndexPage(SectionPage):
    """The archive of past issues, newest first, with the signup form."""

    template = "newsletter/newsletter_index_page.html"
    subpage_types = ["newsletter.NewsletterIssuePage"]

    class Meta:
        verbose_name = _("newsletter archive")
        verbose_name_plural = _("newsletter archives")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["signup_form"] = SubscribeForm()
        issues = unrestricted(NewsletterIssuePage.objects.child_of(self).live()).order_by(
            "-issue_date", "-pk"
        )
        context["issues"] = page_or_404(issues, request, ISSUES_PER_PAGE)
        return context


class NewsletterIssuePage(BasePage):
    subject = models.CharField(
        _("email subject"),
        max_length=150,
        help_text=_("The subject line subscribers see in their inbox."),
    )
    preheader = models.CharField(
        _("preheader"),
        max_length=150,
        blank=True,
        help_text=_("A short line that inboxes show after the subject."),
    )
    is_advertising = models.BooleanField(
        _("advertising"),
        default=False,
        help_text=_(
            "Tick when the issue promotes something (an event with a fee, a product, a "
            "fundraising call): the law then requires the word “פרסומת” at the start of "
            "the subject."
        ),
    )
    issue_date = models.DateField(_("issue date"), default=timezone.localdate)
    body = StreamField(NewsletterStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldPanel("preheader"),
                FieldPanel("is_advertising"),
                FieldPanel("issue_date"),
            ],
            heading=_("Email"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    search_date_field = "issue_date"

    template = "newsletter/newsletter_issue_page.html"
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []

    # Editors preview the issue as a web page and as the email subscribers will get.
    preview_modes = [("", _("Web page")), ("email", _("Email"))]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    @property
    def email_subject(self):
        # The prefix the Communications Law (§30A) requires of advertising, in Hebrew in
        # both editions as the law words it.
        return f"פרסומת: {self.subject}" if self.is_advertising else self.subject

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            rendered = render_issue(self, unsubscribe_url="#")
            return HttpResponse(rendered.html)
        return super().serve_preview(request, mode_name)
