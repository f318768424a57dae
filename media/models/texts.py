"""The text read from a document, by which search finds the publications that carry it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentText(models.Model):
    """The text of one document (wagtaildocs), read in the background (media/tasks.py) from
    the file whose hash it keeps: a new file is read again, the same one never."""

    class Status(models.TextChoices):
        DONE = "done", _("text found")
        # A PDF of scanned pages without a text layer, or an empty document.
        NO_TEXT = "no_text", _("no text found")
        FAILED = "failed", _("could not be read")
        UNSUPPORTED = "unsupported", _("file type not read")

    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="extracted_text",
    )
    file_hash = models.CharField(_("file hash"), max_length=40)
    pages = models.JSONField(_("pages"), default=list)  # one text per page
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    error = models.CharField(_("error"), max_length=300, blank=True)
    extracted_at = models.DateTimeField(_("read at"), auto_now=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self):
        return f"{self.document_id}: {self.status}"
