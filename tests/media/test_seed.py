"""seed_media builds the media section in Hebrew and English, from pictures and a PDF it
makes itself, and can run again without changing anything."""

import datetime

import pytest
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from core.illustrations import pdf
from media.models import (
    EventKind,
    EventPage,
    GalleryPage,
    MediaIndexPage,
    PublicationKind,
    PublicationPage,
    VideoPage,
)
from media.seed import seed_media

pytestmark = [pytest.mark.django_db, pytest.mark.seeded]


def _state():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "locale_id", "live")),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def test_seed_twice_changes_nothing(seeded_media, home, english):
    before = _state()
    assert seed_media(home, english) == seeded_media
    assert _state() == before


def test_seed_keeps_editors_changes(seeded_media, home, english):
    seeded_media.title = "מדיה"
    seeded_media.save_revision().publish()
    video = seeded_media.get_children().type(VideoPage).get().specific
    video.video_url = "https://vimeo.com/76979871"
    video.save_revision().publish()
    seed_media(home, english)
    seeded_media.refresh_from_db()
    video.refresh_from_db()
    assert seeded_media.title == "מדיה"
    assert video.video_url == "https://vimeo.com/76979871"


def test_the_section_and_its_items(seeded_media, home):
    assert isinstance(seeded_media, MediaIndexPage)
    assert seeded_media.get_parent().specific == home
    assert seeded_media.slug == "media" and seeded_media.title == "מדיה והסברה"
    assert seeded_media.show_in_menus and seeded_media.live
    children = [page.specific for page in seeded_media.get_children().live()]
    assert sorted(type(page).__name__ for page in children) == [
        "EventPage",
        "EventPage",
        "EventPage",
        "GalleryPage",
        "PublicationPage",
        "VideoPage",
    ]
    assert all(page.locale.language_code == "he" and page.introduction for page in children)


def test_an_upcoming_conference_and_workshop_and_a_past_regional_meeting(seeded_media):
    events = {e.kind: e for e in EventPage.objects.child_of(seeded_media)}
    conference = events[EventKind.ANNUAL_CONFERENCE]
    meeting = events[EventKind.REGIONAL_MEETING]
    now = timezone.now()
    assert conference.is_upcoming and events[EventKind.WORKSHOP].is_upcoming
    assert not meeting.is_upcoming
    assert datetime.timedelta(days=50) < conference.starts_at - now < datetime.timedelta(days=70)
    assert datetime.timedelta(days=20) < now - meeting.starts_at < datetime.timedelta(days=40)
    assert conference.starts_at < conference.ends_at
    assert conference.location == "בית התנועה הקיבוצית, תל אביב"


def test_pictures_and_the_journal_are_made_locally(seeded_media, settings):
    gallery = GalleryPage.objects.child_of(seeded_media).get()
    pictures = [item.image for item in gallery.images.all()]
    assert len(pictures) == 4
    width = min(1200, settings.SEED_ILLUSTRATION_WIDTH)  # drawn small in tests
    assert all((p.width, p.height) == (width, round(width * 800 / 1200)) for p in pictures)
    assert all(item.alt_text and item.caption for item in gallery.images.all())
    journal = PublicationPage.objects.child_of(seeded_media).get()
    assert journal.kind == PublicationKind.JOURNAL
    assert "חברה-מפנה" in journal.title
    assert journal.cover is not None and journal.document.file_extension == "pdf"
    with journal.document.open_file() as file:
        content = file.read()
    assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
    assert VideoPage.objects.child_of(seeded_media).get().thumbnail is not None


def test_every_page_has_a_complete_english_translation(seeded_media, english):
    for page in [seeded_media, *seeded_media.get_children()]:
        translation = page.get_translation_or_none(english)
        assert translation is not None and translation.live, page
        record = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=english
        )
        total, translated = record.get_progress()
        assert total == translated > 0, page


def test_english_pages_carry_the_english_text(seeded_media, english):
    media = seeded_media.get_translation(english)
    assert media.title == "Media and outreach"
    conference = EventPage.objects.get(locale=english, slug="annual-conference")
    assert conference.location == "The Kibbutz Movement House, Tel Aviv"
    assert conference.get_parent().specific == media
    gallery = GalleryPage.objects.get(locale=english)
    assert [i.caption for i in gallery.images.all()][0] == (
        "A discussion circle at the regional meeting"
    )
    assert {i.locale_id for i in gallery.images.all()} == {english.pk}


def test_the_generated_pdf_has_a_correct_cross_reference_table():
    content = pdf("חברה-מפנה", ["Hevra-Mifne", "(demo)"])
    start = int(content.rsplit(b"startxref", 1)[1].split()[0])
    assert content[start:].startswith(b"xref")
    entries = content[start:].split(b"\n")[3:9]
    for number, entry in enumerate(entries, start=1):
        offset = int(entry.split()[0])
        assert content[offset:].startswith(b"%d 0 obj" % number)
    assert b"/Title <FEFF" in content, "a Hebrew title is written in UTF-16"
