"""Reading the text of documents for search, in the background (inline in dev and tests,
the database queue in production): never in the request that published the publication,
and never failing it. A file that cannot be read is logged and recorded, and its
publication stays as it is, found by its own text."""

import io
import logging

from django.db import transaction
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.search import index
from wagtail.utils.file import hash_filelike

from core import page_cache

from . import document_text
from .models import DocumentText, PublicationPage

logger = logging.getLogger(__name__)
Status = DocumentText.Status


def _read(document):
    """The file's bytes and their hash (Wagtail's, which its upload form stores: documents
    made in code have none until now)."""
    with document.open_file() as file:
        data = file.read()
    return data, hash_filelike(io.BytesIO(data))


def _extract(document, data):
    """(status, pages, error) for the file's bytes."""
    try:
        pages = document_text.extract(io.BytesIO(data), document.filename)
    except document_text.UnsupportedDocument as error:
        logger.warning("Document %s (%s): text not read: %s", document.pk, document.filename, error)
        return Status.UNSUPPORTED, [], str(error)
    except document_text.UnreadableDocument as error:
        logger.error(
            "Document %s (%s) could not be read: %s",
            document.pk,
            document.filename,
            error,
            exc_info=error,
        )
        return Status.FAILED, [], str(error)
    if not any(pages):
        logger.warning(
            "Document %s (%s) has no text: a scanned PDF without a text layer?",
            document.pk,
            document.filename,
        )
        return Status.NO_TEXT, pages, ""
    return Status.DONE, pages, ""


@task()
def extract_document_text(document_id, again=False):
    """Read the document's text unless it was read from this very file (`again` reads it
    anyway), keep it, and index again the publications that carry it, in every language."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    try:
        _update(document, again)
    except Exception:  # a broken storage or database: logged, and the page stays published
        logger.exception("Document %s: its text could not be read or kept", document_id)


def _update(document, again):
    try:
        data, file_hash = _read(document)
    except OSError as error:  # the file is gone from the storage
        logger.error("Document %s: its file cannot be opened: %s", document.pk, error)
        _keep(document, document.file_hash, Status.FAILED, [], str(error))
        return
    if not document.file_hash:  # no signal: saving the document would ask for this task again
        type(document).objects.filter(pk=document.pk).update(file_hash=file_hash)
    known = DocumentText.objects.filter(document=document, file_hash=file_hash).exists()
    if known and not again:
        return
    status, pages, error = _extract(document, data)
    _keep(document, file_hash, status, pages, error)


def _keep(document, file_hash, status, pages, error):
    """Store the text, and index again the publications that carry the document."""
    fields = {"file_hash": file_hash, "pages": pages, "status": status, "error": error[:300]}
    with transaction.atomic():
        DocumentText.objects.update_or_create(document=document, defaults=fields)
        for page in PublicationPage.objects.filter(document=document):
            index.insert_or_update_object(page)
    page_cache.invalidate()  # result pages that showed the publication without its text
