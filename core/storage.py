"""The private file storage (STORAGES["private"]): files that no URL reaches, handed only to
someone a view has already allowed to have them."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateStorage(FileSystemStorage):
    """STORAGES["private"] on one host: files under PRIVATE_ROOT, outside MEDIA_ROOT, with no
    URL; they are only ever served by permission-checked views."""

    def __init__(self, **kwargs):
        super().__init__(location=settings.PRIVATE_ROOT, base_url=None, **kwargs)

    def url(self, name):
        raise ValueError("Private files have no public URL.")


def private_storage():
    # A callable, so the migrations stay the same whichever backend the settings choose.
    return storages["private"]
