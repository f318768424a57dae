"""When a document's text is read (media/tasks.py): after a document is saved with a file
whose text was not read yet, and when a publication is published whose document's text
was not (a document uploaded before this existed, or read while the queue was down).
Queued once the change commits; queueing never fails the save or the publishing."""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.signals import page_published

from .models import DocumentText, PublicationPage
from .tasks import extract_document_text


def is_read(document):
    """Whether the text of the document's current file is kept. A document saved in code
    has no hash until the task computes it: it counts as not read."""
    return bool(document.file_hash) and (
        DocumentText.objects.filter(document=document, file_hash=document.file_hash).exists()
    )


def read_later(document_id):
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id), robust=True)


def _document_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:  # loaded from a fixture or a backup
        return
    if update_fields is not None and not {"file", "file_hash"} & set(update_fields):
        return  # Wagtail storing a file's size, or a title changed in code
    if not is_read(instance):
        read_later(instance.pk)


def _publication_published(sender, instance, **kwargs):
    if instance.document_id is not None and not is_read(instance.document):
        read_later(instance.document_id)


def connect():
    """Called from MediaConfig.ready."""
    post_save.connect(_document_saved, sender=get_document_model(), dispatch_uid="document_text")
    page_published.connect(
        _publication_published, sender=PublicationPage, dispatch_uid="document_text"
    )
