"""What the publication's edit screen tells editors about the text read from its document:
whether the site's search finds the publication by the words inside it, and if not, why."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

# By DocumentText.Status; None: not read yet (or read from an earlier file).
MESSAGES = {
    None: (
        "info",
        _(
            "The document's text has not been read yet. It is read in the background once "
            "the document is uploaded or the publication is published: reload this page in "
            "a few minutes to see whether the search finds the words inside it."
        ),
    ),
    "done": (
        "info",
        _(
            "The document's text can be searched: the site's search finds this publication "
            "by the words inside it."
        ),
    ),
    "no_text": (
        "warning",
        _(
            "No text was found in the document: the PDF seems to be made of scanned images. "
            "The search finds this publication only by what is written on this page. To "
            "make the document searchable, run text recognition (OCR) on it and upload it "
            "again (see “Search inside publications” in the editors' guide)."
        ),
    ),
    "failed": (
        "warning",
        _(
            "The file could not be read (it may be damaged or protected by a password). The "
            "search finds this publication only by what is written on this page."
        ),
    ),
    "unsupported": (
        "warning",
        _(
            "The text of this type of file is not searched, only that of PDF, Word (DOCX) and "
            "OpenDocument (ODT) files. The search finds this publication by what is written "
            "on this page."
        ),
    ),
}


class DocumentTextPanel(Panel):
    """Read-only: the state of the saved document's text (a document chosen since the page
    was last saved is read once it is saved)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Search inside the document"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "media/admin/document_text_panel.html"

        def is_shown(self):
            return getattr(self.instance, "document_id", None) is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            document = self.instance.document
            text = getattr(document, "extracted_text", None)
            current = text is not None and text.file_hash == (document.file_hash or text.file_hash)
            context["level"], context["message"] = MESSAGES[text.status if current else None]
            return context
