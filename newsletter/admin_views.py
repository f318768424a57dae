"""The newsletter in the Wagtail admin: test an issue, send it, and follow the campaign.

Any editor of an issue may mail a test to themselves; only Newsletter senders (permission
newsletter.send_campaign) start, pause, resume or cancel a campaign."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.links import absolute_url
from core.mail import send_mail

from . import control
from .emails import render_issue
from .headers import sender
from .models import Campaign, Delivery, NewsletterIssuePage, Subscriber

SEND_PERMISSION = "newsletter.send_campaign"


class SendTestView(WagtailAdminTemplateMixin, TemplateView):
    """Mail the latest draft to the editor's own address (confirmed by a button: a link
    must never send mail)."""

    template_name = "newsletter/admin/send_test.html"
    page_title = gettext_lazy("Send a test")
    header_icon = "mail"

    def dispatch(self, request, page_id):
        page = get_object_or_404(NewsletterIssuePage, pk=page_id)
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.issue = page.get_latest_revision_as_object()
        return super().dispatch(request, page_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(issue=self.issue, **kwargs)

    def post(self, request, page_id):
        edit_url = reverse("wagtailadmin_pages:edit", args=[page_id])
        if not request.user.email:
            messages.error(request, _("Your account has no email address to send the test to."))
            return redirect(edit_url)
        rendered = render_issue(
            self.issue, unsubscribe_url=absolute_url(reverse("newsletter:subscribe"))
        )
        subject = _("Test: %(subject)s") % {"subject": rendered.subject}
        try:
            send_mail(
                subject,
                rendered.text,
                [request.user.email],
                html=rendered.html,
                from_email=sender(self.issue.locale.language_code),
            )
        except Exception:  # the mail server's failure is reported, not raised
            messages.error(request, _("The test could not be sent: the mail server failed."))
        else:
            messages.success(
                request, _("A test was sent to %(email)s.") % {"email": request.user.email}
            )
        return redirect(edit_url)


class _SenderView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(SEND_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SendView(_SenderView):
    """Confirm, then start: the live version of the issue goes to its language's list."""

    template_name = "newsletter/admin/send.html"
    page_title = gettext_lazy("Send the issue")

    def dispatch(self, request, page_id):
        self.issue = get_object_or_404(NewsletterIssuePage, pk=page_id)
        return super().dispatch(request, page_id)

    def get(self, request, page_id):
        existing = Campaign.objects.filter(issue=self.issue).first()
        if existing is not None:
            return redirect("newsletter_admin:campaign", existing.pk)
        return super().get(request, page_id=page_id)

    def get_context_data(self, **kwargs):
        language = self.issue.locale.language_code
        return super().get_context_data(
            issue=self.issue,
            subject=self.issue.email_subject,
            recipients=Subscriber.objects.filter(
                status=Subscriber.Status.ACTIVE, language=language
            ).count(),
            **kwargs,
        )

    def post(self, request, page_id):
        if not self.issue.live:
            messages.error(request, _("Publish the issue before sending it."))
            return redirect(request.path)
        try:
            campaign = control.start(self.issue, request.user)
        except control.AlreadySent:
            campaign = Campaign.objects.get(issue=self.issue)
        return redirect("newsletter_admin:campaign", campaign.pk)


class CampaignView(_SenderView):
    """A campaign's progress, refreshed while it runs, and what a sender can do to it."""

    template_name = "newsletter/admin/campaign.html"
    ACTIONS = {
        "pause": control.pause,
        "resume": control.resume,
        "cancel": control.cancel,
        "resend": control.resend_unresolved,
    }

    def get_page_title(self):
        return self.campaign.subject

    def dispatch(self, request, pk):
        self.campaign = get_object_or_404(Campaign, pk=pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        progress = self.campaign.progress()
        rows = [(value, label, progress[value]) for value, label in Delivery.Status.choices]
        return super().get_context_data(
            campaign=self.campaign, progress=progress, rows=rows, **kwargs
        )

    def post(self, request, pk):
        action = self.ACTIONS.get(request.POST.get("action"))
        if action is None:
            messages.error(request, _("Unknown action."))
        elif action(self.campaign):
            messages.success(request, _("Done."))
        else:
            messages.warning(request, _("Nothing to do: the campaign has moved on meanwhile."))
        return redirect(request.path)


class CampaignListView(_SenderView):
    template_name = "newsletter/admin/campaigns.html"
    page_title = gettext_lazy("Newsletter")

    def get_context_data(self, **kwargs):
        lists = {
            code: {"language": name, **dict.fromkeys(Subscriber.Status.values, 0)}
            for code, name in settings.LANGUAGES
        }
        counts = Subscriber.objects.order_by().values("language", "status")
        for row in counts.annotate(count=Count("pk")):
            lists[row["language"]][row["status"]] = row["count"]
        # Not `NOT IN` a list holding the NULL of mail that is no issue: that matches nothing.
        sent = Campaign.objects.filter(issue__isnull=False).values("issue_id")
        unsent = NewsletterIssuePage.objects.live().exclude(pk__in=sent)
        return super().get_context_data(
            unsent=unsent.select_related("locale").order_by("-issue_date"),
            campaigns=Campaign.objects.order_by("-created_at")[:50],
            lists=lists.values(),
            **kwargs,
        )
