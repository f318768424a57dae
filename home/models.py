import logging

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core import ratelimit
from core.blocks import ContentStreamBlock
from core.mail import send_mail
from core.models import BasePage, SectionPage
from news.models import NewsIndexPage

from .blocks import VisionStreamBlock
from .forms import ContactFormBuilder

logger = logging.getLogger(__name__)


class HomePage(BasePage):
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    LATEST_UPDATES = 3

    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.VisionPage",
        "home.StandardPage",
        "home.ContactPage",
        "news.NewsIndexPage",
        "media.MediaIndexPage",
        "media.WorkPlanPage",
        "newsletter.NewsletterIndexPage",
        "legal.LegalRequestPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news_index = NewsIndexPage.objects.child_of(self).live().first()
        context["news_index"] = news_index
        context["latest_updates"] = (
            news_index.updates()[: self.LATEST_UPDATES] if news_index else []
        )
        return context


class VisionPage(SectionPage):
    """The association's vision, written in 2010 and kept as structured content."""

    body = StreamField(VisionStreamBlock(), verbose_name=_("body"))
    written_on = models.DateField(_("written on"), null=True, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("written_on")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    template = "home/vision_page.html"

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


class ContactFormField(TranslatableMixin, AbstractFormField):
    """Translatable, so the English contact page asks its questions in English."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactPage(AbstractEmailForm, SectionPage):
    """The HQ's contact details (from the site settings) and a contact form whose messages
    are kept in the admin and emailed to the HQ. Bots are turned away by a hidden field and
    a signed start time (core/antispam.py), and by a per-address rate limit."""

    RATE_LIMIT = 5  # messages per address per hour
    RATE_WINDOW = 60 * 60

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    thank_you_text = models.TextField(_("thank-you text"), blank=True)

    form_builder = ContactFormBuilder
    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("body"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    template = "home/contact_page.html"
    landing_page_template = "home/contact_page_landing.html"

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and not ratelimit.allow(
            "contact", request, self.RATE_LIMIT, self.RATE_WINDOW
        ):
            context = self.get_context(request)
            context["form"] = self.get_form(request.POST, page=self, user=request.user)
            context["rate_limited"] = True
            return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def send_mail(self, form):
        addresses = [address.strip() for address in self.to_address.split(",")]
        send_mail(self.subject, self.render_email(form), addresses, from_email=self.from_address)

    def process_form_submission(self, form):
        if form.is_bot():
            return None  # thanked as a person is, and nothing kept
        # Kept first, then mailed: if email fails the message waits in the admin.
        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data, page=self
        )
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception:
                logger.exception("Contact form message %s was kept but not emailed", submission.pk)
        return submission
