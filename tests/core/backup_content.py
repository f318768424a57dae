"""Run by tests/core/test_backup.py in a process of its own (`python -m`), with the
database, PRIVATE_ROOT and MEDIA_ROOT of its environment: migrates what the content needs
and makes a page, a legal request with an attachment, and an upload."""

import django

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from legal.models import Attachment, LegalRequest  # noqa: E402
from members.models import Kibbutz  # noqa: E402
from tests.legal.conftest import PDF  # noqa: E402


def main():
    for app in ("legal", "wagtailsearch"):
        call_command("migrate", app, verbosity=0)
    Page.get_first_root_node().add_child(instance=Page(title="גיבוי ושחזור", slug="backup"))
    legal_request = LegalRequest.objects.create(
        reference="LR-2026-0001",
        kibbutz=Kibbutz.objects.create(name_he="קיבוץ א", name_en="Kibbutz A", region="north"),
        topic="bylaws",
        subject="תיקון תקנון",
        description="האם אפשר לתקן את התקנון באסיפה אחת?",
        phone="050-1234567",
        privacy_acknowledged_at=timezone.now(),
    )
    attachment = Attachment(
        request=legal_request, name="contract.pdf", content_type="application/pdf", size=len(PDF)
    )
    attachment.file.save("contract.pdf", ContentFile(PDF))
    default_storage.save("documents/minutes.txt", ContentFile("פרוטוקול".encode()))


main()
