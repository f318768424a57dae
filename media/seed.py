"""The media & outreach section of a new site: the index and one item of each kind — a
video, a photo gallery, the journal "Hevra-Mifne", the coming annual conference and a past
regional meeting — in Hebrew, each translated into English through wagtail-localize.

As in `core.seed.pages`, every page is looked up by its slug first: running the seed again
changes nothing and never overwrites editors' work. Pictures and the PDF are generated here
(`media.generate`), so the seed needs no network.

The English data mirrors the Hebrew string for string (`core/seed/translation.py` pairs
them in order). Change both languages together.
"""

import datetime

from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.seed.translation import translate_once
from core.seed.tree import ensure_child

from . import generate
from .models import (
    EventKind,
    EventPage,
    GalleryImage,
    GalleryPage,
    MediaIndexPage,
    PublicationKind,
    PublicationPage,
    VideoPage,
)

# A placeholder video (any YouTube or Vimeo address works offline in dev and tests):
# editors replace it with one of the association's own.
VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"

INDEX = {
    "slug": "media",
    "he": {
        "title": "מדיה והסברה",
        "introduction": "סרטונים, תמונות, פרסומים ואירועים של התאגדות הקיבוצים השיתופיים: "
        "הכנס השנתי, המפגשים האזוריים, הסדנאות וכתב העת „חברה-מפנה”.",
    },
    "en": {
        "title": "Media and outreach",
        "introduction": "Videos, photos, publications and events of the Association of "
        "Cooperative Kibbutzim: the annual conference, regional meetings, workshops and the "
        "journal “Hevra-Mifne”.",
    },
}

VIDEO = {
    "slug": "cooperative-kibbutz",
    "days_ago": 45,
    "he": {
        "title": "הקיבוץ השיתופי: בית וגם דרך",
        "introduction": "סרטון קצר על ערכי הליבה של הקיבוץ השיתופי-שוויוני: שוויון ערך האדם, "
        "שוויון ערך העבודה וערבות הדדית רחבה.",
        "body": "<p>הסרטון מציג את הקיבוץ השיתופי כקהילה של שותפים ריבוניים, המושתתת על "
        "בעלות משותפת ועל ניהול עצמי דמוקרטי, משתף ושקוף.</p>",
    },
    "en": {
        "title": "The cooperative kibbutz: a home and a way",
        "introduction": "A short film on the core values of the cooperative-egalitarian "
        "kibbutz: the equal worth of every person, the equal worth of work and broad mutual "
        "responsibility.",
        "body": "<p>The film presents the cooperative kibbutz as a community of sovereign "
        "partners, founded on common ownership and on democratic, participatory and "
        "transparent self-management.</p>",
    },
}

GALLERY = {
    "slug": "regional-meeting-photos",
    "days_ago": 28,
    "pictures": ["meeting", "fields", "houses", "path"],
    "he": {
        "title": "תמונות מהמפגשים האזוריים",
        "introduction": "רגעים מהמפגשים האזוריים של המטה השיתופי עם חברי הקיבוצים השיתופיים.",
        "images": [
            ("איור: חברים וחברות יושבים במעגל סביב שולחן", "מעגל שיח במפגש האזורי"),
            ("איור: שמש מעל שדות ירוקים וצהובים", "השדות של הקיבוץ המארח"),
            ("איור: שורת בתים עם גגות אדומים", "שכונת המגורים בקיבוץ"),
            ("איור: שביל בין שתי שורות עצים", "בדרך למפגש"),
        ],
        "body": "<p>המטה השיתופי מקיים קשר רצוף עם החברים והקיבוצים השיתופיים במפגשים "
        "אזוריים קבועים ובביקורים בקיבוצים.</p>",
    },
    "en": {
        "title": "Photos from the regional meetings",
        "introduction": "Moments from the Cooperative HQ's regional meetings with members of "
        "the cooperative kibbutzim.",
        "images": [
            (
                "Illustration: members sitting in a circle around a table",
                "A discussion circle at the regional meeting",
            ),
            ("Illustration: the sun over green and yellow fields", "The host kibbutz's fields"),
            ("Illustration: a row of houses with red roofs", "The kibbutz's homes"),
            ("Illustration: a path between two rows of trees", "On the way to the meeting"),
        ],
        "body": "<p>The Cooperative HQ keeps in steady touch with the members and the "
        "cooperative kibbutzim through regular regional meetings and visits to the "
        "kibbutzim.</p>",
    },
}

JOURNAL = {
    "slug": "hevra-mifne",
    "days_ago": 14,
    "file": "hevra-mifne.pdf",
    "pdf_lines": [
        "Hevra-Mifne",
        "Journal of the Association of",
        "Cooperative Kibbutzim",
        "",
        "Sample issue: replace this file",
        "with the journal's own PDF.",
    ],
    "he": {
        "title": "„חברה-מפנה” – כתב העת העיוני",
        "introduction": 'כתב העת העיוני של הקיבוצים השיתופיים: מחשבות, התנסויות ומו"פ '
        "שיתופי, לחברי הקיבוצים ולציבור.",
        "body": "<p>חיזוק כלי התקשורת השיתופיים, ובהם כתב העת „חברה-מפנה”, הוא אחד מתפקידי "
        "המטה השיתופי. לצדו מכין המטה חוברת הדרכה לרכזי החינוך הבלתי פורמלי בקיבוצים.</p>",
    },
    "en": {
        "title": "“Hevra-Mifne”, the journal",
        "introduction": "The journal of the cooperative kibbutzim: ideas, experience and "
        "cooperative research and development, for kibbutz members and the public.",
        "body": "<p>Strengthening the cooperative media, the journal “Hevra-Mifne” among them, "
        "is one of the Cooperative HQ's tasks. Alongside it, the HQ is preparing a guidance "
        "booklet for the kibbutzim's informal-education coordinators.</p>",
    },
}

CONFERENCE = {
    "slug": "annual-conference",
    "kind": EventKind.ANNUAL_CONFERENCE,
    "days_from_now": 60,
    "hours": (datetime.time(16, 30), datetime.time(21, 0)),
    "he": {
        "title": "הכנס השנתי של התאגדות הקיבוצים השיתופיים",
        "introduction": "חברי הקיבוצים השיתופיים והמתלבטים נפגשים לדיון בהמלצות סדנת המטה "
        "השיתופי ובתוכנית העבודה לשנה הקרובה.",
        "location": "בית התנועה הקיבוצית, תל אביב",
        "body": "<p>לקראת הכנס מבקרים אנשי המטה השיתופי בקיבוצים, ונפגשים עם המזכירויות ועם "
        "אסיפות החברים. בכנס נסכם את המפגשים ונציג את היעדים לתקופה הקרובה.</p>",
    },
    "en": {
        "title": "The annual conference of the Association of Cooperative Kibbutzim",
        "introduction": "Members of the cooperative kibbutzim, and of kibbutzim still "
        "deciding, meet to discuss the recommendations of the Cooperative HQ's workshop and "
        "the work plan for the coming year.",
        "location": "The Kibbutz Movement House, Tel Aviv",
        "body": "<p>Ahead of the conference, the Cooperative HQ visits the kibbutzim and meets "
        "their secretariats and general assemblies. At the conference we will sum up those "
        "meetings and present the goals for the coming period.</p>",
    },
}

REGIONAL_MEETING = {
    "slug": "regional-meeting",
    "kind": EventKind.REGIONAL_MEETING,
    "days_from_now": -30,
    "hours": (datetime.time(19, 0), datetime.time(21, 30)),
    "he": {
        "title": "מפגש אזורי עם חברי הקיבוצים השיתופיים",
        "introduction": "מפגש ושיח ערכי על המלצות סדנת המטה השיתופי, כחלק מהקשר הרצוף של המטה "
        "עם החברים והקיבוצים.",
        "location": "מועדון החברים בקיבוץ המארח",
        "body": "<p>במפגש דנו בחיזוק ערכי הליבה בקיבוצים השיתופיים-שוויוניים ובסדנאות השיח "
        "והחשיבה שיתקיימו בקיבוצים במהלך השנה.</p>",
    },
    "en": {
        "title": "A regional meeting with members of the cooperative kibbutzim",
        "introduction": "A meeting and a discussion of values around the recommendations of the "
        "Cooperative HQ's workshop, part of the HQ's steady contact with members and kibbutzim.",
        "location": "The members' club of the host kibbutz",
        "body": "<p>The meeting discussed strengthening the core values in the "
        "cooperative-egalitarian kibbutzim, and the discussion workshops to be held in the "
        "kibbutzim during the year.</p>",
    },
}


def _image(title, kind, size=(1200, 800)):
    return get_image_model().objects.create(
        title=title, file=generate.picture(kind, size=size, name=f"{kind}.jpg")
    )


def _day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def _body(content):
    return [("paragraph", content["body"])]


def _index(language):
    return MediaIndexPage(slug=INDEX["slug"], show_in_menus=True, **INDEX[language])


def _video(language, published_at=None, thumbnail=None):
    content = VIDEO[language]
    return VideoPage(
        slug=VIDEO["slug"],
        title=content["title"],
        introduction=content["introduction"],
        body=_body(content),
        video_url=VIDEO_URL,
        published_at=published_at or _day(-VIDEO["days_ago"]),
        thumbnail=thumbnail,
    )


def _gallery(language, images):
    content = GALLERY[language]
    return GalleryPage(
        slug=GALLERY["slug"],
        title=content["title"],
        introduction=content["introduction"],
        body=_body(content),
        published_at=_day(-GALLERY["days_ago"]),
        images=[
            GalleryImage(image=image, alt_text=alt, caption=caption, sort_order=i)
            for i, (image, (alt, caption)) in enumerate(zip(images, content["images"], strict=True))
        ],
    )


def _journal(language, document=None, cover=None):
    content = JOURNAL[language]
    return PublicationPage(
        slug=JOURNAL["slug"],
        title=content["title"],
        introduction=content["introduction"],
        body=_body(content),
        kind=PublicationKind.JOURNAL,
        published_at=_day(-JOURNAL["days_ago"]),
        document=document,
        cover=cover,
    )


def _event(data, language):
    content = data[language]
    day = _day(data["days_from_now"])
    starts, ends = (
        timezone.make_aware(datetime.datetime.combine(day, hour)) for hour in data["hours"]
    )
    return EventPage(
        slug=data["slug"],
        kind=data["kind"],
        starts_at=starts,
        ends_at=ends,
        body=_body(content),
        **{key: content[key] for key in ("title", "introduction", "location")},
    )


def _new_video():
    thumbnail = _image(VIDEO["he"]["title"], "video")
    return _video("he", thumbnail=thumbnail)


def _new_gallery():
    images = [
        _image(f"{GALLERY['he']['title']} {number}", kind)
        for number, kind in enumerate(GALLERY["pictures"], start=1)
    ]
    return _gallery("he", images)


def _new_journal():
    title = JOURNAL["he"]["title"]
    document = get_document_model().objects.create(
        title=title, file=generate.pdf_file(title, JOURNAL["pdf_lines"], JOURNAL["file"])
    )
    return _journal("he", document=document, cover=_image(title, "cover", size=(900, 1200)))


def seed_media(home, english):
    """Make the media section under the Hebrew `home` and translate it into `english`
    (a Locale); return the Hebrew media index. Pages that exist are left as they are."""
    media, _created = ensure_child(home, INDEX["slug"], lambda: _index("he"))
    translate_once(media, lambda: _index("en"), english)

    video, _created = ensure_child(media, VIDEO["slug"], _new_video)
    translate_once(video, lambda: _video("en"), english)

    gallery, _created = ensure_child(media, GALLERY["slug"], _new_gallery)
    images = [item.image for item in gallery.images.all()]
    translate_once(gallery, lambda: _gallery("en", images), english)

    journal, _created = ensure_child(media, JOURNAL["slug"], _new_journal)
    translate_once(journal, lambda: _journal("en"), english)

    for event in (CONFERENCE, REGIONAL_MEETING):
        page, _created = ensure_child(media, event["slug"], lambda event=event: _event(event, "he"))
        translate_once(page, lambda event=event: _event(event, "en"), english)
    return media
