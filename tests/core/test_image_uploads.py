"""Image uploads are checked for type, size and dimensions, with a message saying why."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def _png(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (29, 94, 58)).save(buffer, "PNG")
    return buffer.getvalue()


def _upload(client, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type), "tags": ""},
    )


@pytest.fixture
def editor(admin_client):
    return admin_client


def test_a_good_image_is_accepted(editor):
    before = get_image_model().objects.count()
    response = _upload(editor, "field.png", _png(800, 600))
    assert response.status_code == 302
    assert get_image_model().objects.count() == before + 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.png", b"<script>alert(1)</script>", "אינה תמונת"),
        ("notes.txt", b"just text", "תמונה"),
        ("huge.png", None, "פיקסלים"),
        ("heavy.png", b"\x89PNG" + b"0" * (10 * 1024 * 1024 + 10), "10.0"),
    ],
    ids=["not-an-image", "wrong-extension", "too-many-pixels", "too-large"],
)
def test_bad_uploads_are_refused_with_a_reason(editor, settings, name, content, message):
    if content is None:
        settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
        content = _png(1200, 1000)
    before = get_image_model().objects.count()
    response = _upload(editor, name, content)
    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["form"].errors.get("file", []))
    assert message in errors, errors  # in Hebrew, the admin's language
    assert get_image_model().objects.count() == before
