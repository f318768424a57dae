from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from media.models import PublicationPage
from media.signals import is_read
from media.tasks import extract_document_text


class Command(BaseCommand):
    help = (
        "Queue the reading of the text of publications' documents whose current file was not "
        "read (once after the upgrade that brought search inside documents)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="read every publication's document again"
        )

    def handle(self, *args, **options):
        documents = get_document_model().objects.filter(
            pk__in=PublicationPage.objects.values("document")
        )
        queued = 0
        for document in documents.order_by("pk"):
            if options["all"] or not is_read(document):
                extract_document_text.enqueue(document.pk, again=options["all"])
                queued += 1
        self.stdout.write(f"{queued} of {documents.count()} documents queued.")
