"""The media app's demo content: the media & outreach index and one item of each kind — a
video, a photo gallery, the journal "Hevra-Mifne", the coming annual conference and a past
regional meeting — and the work plan's progress page (beside the index, under the home
page), in Hebrew, each translated into English through wagtail-localize. The
text is in `media/seed_data/` (the format: `core/seed/data.py`), one file per page and
language, named by the page's slug.

As in the rest of the seed, every page is looked up by its slug first: running the seed
again changes nothing and never overwrites editors' work. Pictures and the PDF are made on
the spot (`core.illustrations`), so the seed needs no network.
"""

import datetime
from pathlib import Path

from django.utils import timezone
from wagtail.documents import get_document_model

from core.illustrations import make_image, pdf_file
from core.seed.data import read_items
from core.seed.translation import translate_once
from core.seed.tree import ensure_child, index_page

from .models import (
    EventKind,
    EventPage,
    GalleryImage,
    GalleryPage,
    MediaIndexPage,
    PublicationKind,
    PublicationPage,
    VideoPage,
    WorkPlanPage,
)

SEED_DATA = Path(__file__).resolve().parent / "seed_data"
PICTURE, COVER = (1200, 800), (900, 1200)


def _day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def _pictures(text):
    """A gallery's pictures, written as ```picture blocks in its file."""
    return [value for kind, value in text.body if kind == "picture"]


def _common(texts, language):
    """The fields every media page takes from its text."""
    text = texts[language]
    return {
        "slug": texts["he"].name,
        "title": text["title"],
        "introduction": text["introduction"],
        "body": [block for block in text.body if block[0] != "picture"],
    }


def _video(texts, language, thumbnail=None):
    source = texts["he"]
    return VideoPage(
        **_common(texts, language),
        video_url=source["video_url"],
        published_at=_day(-int(source["days_ago"])),
        thumbnail=thumbnail,
    )


def _gallery(texts, language, images):
    pictures = _pictures(texts[language])
    return GalleryPage(
        **_common(texts, language),
        published_at=_day(-int(texts["he"]["days_ago"])),
        images=[
            GalleryImage(image=image, alt_text=pic["alt"], caption=pic["caption"], sort_order=i)
            for i, (image, pic) in enumerate(zip(images, pictures, strict=True))
        ],
    )


def _journal(texts, language, document=None, cover=None):
    return PublicationPage(
        **_common(texts, language),
        kind=PublicationKind.JOURNAL,
        published_at=_day(-int(texts["he"]["days_ago"])),
        document=document,
        cover=cover,
    )


def _event(texts, language):
    source = texts["he"]
    day = _day(int(source["days_from_now"]))
    starts, ends = (
        timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(hour)))
        for hour in (source["starts"], source["ends"])
    )
    return EventPage(
        **_common(texts, language),
        kind=EventKind(source["kind"]),
        region=source["region"],
        starts_at=starts,
        ends_at=ends,
        location=texts[language]["location"],
    )


def _work_plan(texts, language):
    """The work plan's goals, written as ```goal blocks; their kinds, targets and dates
    (days from the seeding, the first deadline the conference's) are the Hebrew file's."""
    goals = [value for kind, value in texts[language].body if kind == "goal"]
    sources = [value for kind, value in texts["he"].body if kind == "goal"]
    return WorkPlanPage(
        slug=texts["he"].name,
        title=texts[language]["title"],
        introduction=texts[language]["introduction"],
        goals=[
            (
                "goal",
                {
                    "wording": goal["wording"],
                    "kind": source["kind"],
                    "target": int(source["target"]),
                    "start": _day(int(source["days_from_now"])),
                    "deadline": _day(int(source["deadline_days_from_now"])),
                },
            )
            for goal, source in zip(goals, sources, strict=True)
        ],
    )


def _new_video(texts):
    thumbnail = make_image(texts["he"]["title"], "video", size=PICTURE)
    return _video(texts, "he", thumbnail=thumbnail)


def _new_gallery(texts):
    title = texts["he"]["title"]
    images = [
        make_image(f"{title} {number}", picture["drawing"], size=PICTURE)
        for number, picture in enumerate(_pictures(texts["he"]), start=1)
    ]
    return _gallery(texts, "he", images)


def _new_journal(texts):
    source = texts["he"]
    name = source["document"]
    lines = (SEED_DATA / f"{name}.txt").read_text("utf-8").splitlines()
    document = get_document_model().objects.create(
        title=source["title"], file=pdf_file(source["title"], lines, name)
    )
    cover = make_image(source["title"], "cover", size=COVER)
    return _journal(texts, "he", document=document, cover=cover)


def seed_media(home, english):
    """Make the media section under the Hebrew `home` and translate it into `english`
    (a Locale); return the Hebrew media index. Pages that exist are left as they are."""
    items = read_items(SEED_DATA)
    texts = items["media"]
    media, _created = ensure_child(home, "media", lambda: index_page(MediaIndexPage, texts["he"]))
    translate_once(media, lambda: index_page(MediaIndexPage, texts["en"]), english)

    video = items["cooperative-kibbutz"]
    page, _created = ensure_child(media, "cooperative-kibbutz", lambda: _new_video(video))
    translate_once(page, lambda: _video(video, "en"), english)

    gallery = items["regional-meeting-photos"]
    page, _created = ensure_child(media, "regional-meeting-photos", lambda: _new_gallery(gallery))
    images = [item.image for item in page.images.all()]
    translate_once(page, lambda: _gallery(gallery, "en", images), english)

    journal = items["hevra-mifne"]
    page, _created = ensure_child(media, "hevra-mifne", lambda: _new_journal(journal))
    translate_once(page, lambda: _journal(journal, "en"), english)

    for slug in ("annual-conference", "dialogue-workshop", "regional-meeting"):
        event = items[slug]
        page, _created = ensure_child(media, slug, lambda event=event: _event(event, "he"))
        translate_once(page, lambda event=event: _event(event, "en"), english)

    plan = items["work-plan"]
    page, _created = ensure_child(home, "work-plan", lambda: _work_plan(plan, "he"))
    translate_once(page, lambda: _work_plan(plan, "en"), english)
    return media
