"""The media & outreach section: videos, photo galleries, publications and events, each a
page under one media index that lists them together, newest first, with upcoming events
ahead of the rest."""

from .base import DatedMediaPage, MediaItemPage
from .events import EventKind, EventPage
from .index import MEDIA_TYPES, MediaIndexPage, prefetch_listing
from .items import (
    GalleryImage,
    GalleryPage,
    PublicationKind,
    PublicationPage,
    VideoPage,
)
from .texts import DocumentText
from .work_plan import WorkPlanPage

__all__ = [
    "MEDIA_TYPES",
    "DatedMediaPage",
    "DocumentText",
    "EventKind",
    "EventPage",
    "GalleryImage",
    "GalleryPage",
    "MediaIndexPage",
    "MediaItemPage",
    "PublicationKind",
    "PublicationPage",
    "VideoPage",
    "WorkPlanPage",
    "prefetch_listing",
]
