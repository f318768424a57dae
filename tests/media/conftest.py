import pytest

from media.factories import ImageFactory, MediaIndexPageFactory
from media.seed import seed_media


@pytest.fixture(autouse=True)
def _uploads_in_tmp(request, settings, tmp_path):
    """Files made by a test go to its own folder, except where the seeded section is used:
    its pictures live in the ordinary upload folder."""
    if "seeded_media" not in request.fixturenames:
        settings.MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture
def seeded_media(home, english):
    """The media section as the site seed makes it (a no-op once the site seed has)."""
    return seed_media(home, english)


@pytest.fixture
def media_index(home):
    """An empty media index of its own, beside any seeded one."""
    return MediaIndexPageFactory(parent=home, slug="media-test")


@pytest.fixture
def image(db):
    return ImageFactory()
