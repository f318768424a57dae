"""The page types of media/: they render in both languages, editors can create them in the
admin, and they live only where intended."""

import functools

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.factories import translate
from home.models import HomePage
from media.factories import (
    DocumentFactory,
    EventPageFactory,
    GalleryPageFactory,
    ImageFactory,
    MediaIndexPageFactory,
    PublicationPageFactory,
    VideoPageFactory,
)
from media.models import EventPage, GalleryPage, MediaIndexPage, PublicationPage, VideoPage
from tests.html import html_lang_dir, soup

pytestmark = pytest.mark.django_db

ITEM_TYPES = [VideoPage, GalleryPage, PublicationPage, EventPage]


@pytest.fixture
def english_index(media_index, english):
    return translate(media_index, english, title="Media")


ITEM_FACTORIES = {
    "video": VideoPageFactory,
    "gallery": GalleryPageFactory,
    "publication": PublicationPageFactory,
    "upcoming event": EventPageFactory,
    "past event": functools.partial(EventPageFactory, past=True),
}


@pytest.mark.parametrize("item", [None, *ITEM_FACTORIES], ids=["index", *ITEM_FACTORIES])
def test_page_renders_in_its_language(client, media_index, english_index, english, item):
    hebrew = ITEM_FACTORIES[item](parent=media_index) if item else media_index
    pages = [
        (hebrew, "he", "rtl"),
        (translate(hebrew, english) if item else english_index, "en", "ltr"),
    ]
    for page, language, direction in pages:
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.specific.template in [t.name for t in response.templates]
        assert html_lang_dir(response) == (language, direction)
        document = soup(response)
        assert len(document.select("main h1")) == 1
        levels = [int(h.name[1]) for h in document.select("main h1, main h2, main h3, main h4")]
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_the_media_index_is_in_the_main_menu(client, home, english):
    index = MediaIndexPageFactory(parent=home, show_in_menus=True)
    english_index = translate(index, english, title="Media and outreach")
    menu = soup(client.get("/")).select_one("nav.main-menu")
    assert menu.select_one(f"a[href='{index.url}']").get_text() == index.title
    menu = soup(client.get("/en/")).select_one("nav.main-menu")
    assert menu.select_one(f"a[href='{english_index.url}']").get_text() == "Media and outreach"


def test_english_pages_carry_the_english_text(client, media_index, english_index, english):
    gallery = GalleryPageFactory(parent=media_index)
    translation = translate(gallery, english, title="Photos from the regional meetings")
    translation.images.update(alt_text="Members talking", caption="A discussion circle")
    page = soup(client.get(translation.url))
    assert page.h1.get_text() == "Photos from the regional meetings"
    assert {img["alt"] for img in page.select(".media-gallery img")} == {"Members talking"}
    assert page.select_one(".media-gallery figcaption").get_text() == "A discussion circle"


def test_video_uses_the_click_to_play_player(client, media_index):
    video = VideoPageFactory(parent=media_index, video_url="https://youtu.be/dQw4w9WgXcQ")
    page = soup(client.get(video.url))
    figure = page.select_one("figure[data-video]")
    assert figure.select_one("button[data-video-play]")
    player = figure.select_one("template[data-video-player]").decode_contents()
    assert "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" in player
    assert "<iframe" not in str(page).replace(str(figure.template), ""), "no player before play"


def test_a_video_that_cannot_be_embedded_is_refused(media_index):
    video = VideoPage(title="סרטון", slug="bad-video", video_url="https://example.com/v.mp4")
    with pytest.raises(ValidationError) as error:
        media_index.add_child(instance=video)
    assert "video_url" in error.value.message_dict


def test_gallery_pictures_are_responsive_and_lazy_after_the_first(client, media_index):
    images = [ImageFactory() for _ in range(4)]
    gallery = GalleryPageFactory(parent=media_index, images=images)
    gallery.images.update(caption="במפגש")
    page = soup(client.get(gallery.url))
    pictures = page.select(".media-gallery picture")
    assert len(pictures) == 4
    for i, picture in enumerate(pictures):
        assert picture.select_one("source[type='image/webp']")["srcset"]
        img = picture.img
        assert img["src"].endswith(".jpg")
        assert img["width"] and img["height"]
        assert img["alt"] == f"תיאור תמונה {i + 1}"
        assert img.get("loading") == (None if i == 0 else "lazy")
    assert len(page.select(".media-gallery figcaption")) == 4


def test_publication_offers_its_document_with_type_and_size(
    client, media_index, english_index, english
):
    publication = PublicationPageFactory(parent=media_index)
    translation = translate(publication, english, title="The journal")
    page = soup(client.get(translation.url))
    link = page.select_one(".publication__download a")
    assert link.has_attr("download")
    assert link["href"] == publication.document.url and link["href"].endswith(".pdf")
    text = " ".join(link.get_text().split())
    assert text.startswith("Download: The journal (PDF, ")
    assert text.endswith(("KB)", "bytes)"))
    assert page.select_one("img.publication__cover")["alt"] == "", "the cover is decorative"
    assert client.get(link["href"]).status_code == 200


@pytest.fixture
def one_of_each(media_index):
    return [factory(parent=media_index) for factory in ITEM_FACTORIES.values()]


def test_dates_are_in_time_elements(client, media_index, one_of_each):
    for page in (media_index, *one_of_each):
        times = soup(client.get(page.url)).select("main time")
        assert times and all(t.get("datetime") for t in times), page.url


def test_no_inline_style_or_script(client, media_index, one_of_each):
    for page in (media_index, *one_of_each):
        document = soup(client.get(page.url))
        assert not document.select("main [style], main style")
        inline = [s for s in document.select("script") if not s.get("src")]
        # JSON-LD is data, not script: CSP does not run it.
        assert all(s.get("type") == "application/ld+json" for s in inline), page.url


class TestPageTreeRules(WagtailPageTestCase):
    def test_the_index_lives_under_home_once(self):
        self.assertAllowedParentPageTypes(MediaIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MediaIndexPage, set(ITEM_TYPES))
        home = HomePage.objects.get(locale__language_code="he")
        MediaIndexPageFactory(parent=home, slug="media-rules")
        self.assertFalse(MediaIndexPage.can_create_at(home), "home has its media index")

    def test_items_live_under_the_index_only(self):
        for page_type in ITEM_TYPES:
            self.assertAllowedParentPageTypes(page_type, {MediaIndexPage})
            self.assertAllowedSubpageTypes(page_type, set())

    def test_every_page_type_names_its_template(self):
        for page_type in [MediaIndexPage, *ITEM_TYPES]:
            self.assertTrue(page_type.template.startswith("media/"), page_type)
            self.assertTrue(page_type._meta.verbose_name and page_type._meta.verbose_name_plural)


class TestAdminCreation(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(self.create_superuser("admin"))  # axes: no password login
        self.home = HomePage.objects.get(locale__language_code="he")
        self.index = MediaIndexPageFactory(parent=self.home, slug="media-admin")

    def _item(self, **fields):
        return nested_form_data(
            {
                "title": "פריט חדש",
                "slug": "new-item",
                "introduction": "פריט חדש במדור המדיה",
                "body": streamfield([("paragraph", rich_text("<p>פסקה.</p>"))]),
                **fields,
            }
        )

    def test_editor_can_create_a_media_index(self):
        self.home.get_children().type(MediaIndexPage).delete()
        self.assertCanCreate(
            self.home,
            MediaIndexPage,
            nested_form_data({"title": "מדיה", "slug": "new-media", "introduction": ""}),
        )

    def test_editor_can_create_a_video(self):
        self.assertCanCreate(
            self.index,
            VideoPage,
            self._item(
                video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                published_at="2030-01-15",
                thumbnail=ImageFactory().pk,
            ),
        )

    def test_editor_can_create_a_gallery(self):
        image = ImageFactory()
        self.assertCanCreate(
            self.index,
            GalleryPage,
            self._item(
                published_at="2030-01-15",
                images=inline_formset(
                    [
                        {"id": "", "image": image.pk, "alt_text": "שדות", "caption": "בוקר"},
                        {"id": "", "image": image.pk, "alt_text": "", "caption": ""},
                    ],
                    min=1,
                ),
            ),
        )
        gallery = GalleryPage.objects.get(slug="new-item")
        self.assertEqual([i.alt_text for i in gallery.images.all()], ["שדות", ""])
        self.assertEqual({i.locale_id for i in gallery.images.all()}, {gallery.locale_id})

    def test_editor_can_create_a_publication(self):
        self.assertCanCreate(
            self.index,
            PublicationPage,
            self._item(
                kind="journal",
                published_at="2030-01-15",
                document=DocumentFactory().pk,
                cover="",
            ),
        )

    def test_editor_can_create_an_event(self):
        self.assertCanCreate(
            self.index,
            EventPage,
            self._item(
                kind="regional_meeting",
                starts_at="2030-01-15 18:00",
                ends_at="2030-01-15 20:30",
                location="מועדון החברים",
                region="north",
                registration_url="https://example.com/register",
            ),
        )
        event = EventPage.objects.get(slug="new-item")
        self.assertEqual(event.starts_at.isoformat(), "2030-01-15T16:00:00+00:00")
        self.assertEqual(event.region, "north")

    def test_an_event_ending_before_it_starts_is_refused(self):
        url = reverse("wagtailadmin_pages:add", args=("media", "eventpage", self.index.pk))
        data = self._item(
            kind="workshop",
            starts_at="2030-01-15 18:00",
            ends_at="2030-01-15 17:00",
            location="מועדון החברים",
            region="national",
            registration_url="",
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("ends_at", response.context["form"].errors)
        self.assertFalse(EventPage.objects.filter(slug="new-item").exists())

    def test_a_published_publication_needs_its_document(self):
        url = reverse("wagtailadmin_pages:add", args=("media", "publicationpage", self.index.pk))
        data = self._item(kind="booklet", published_at="2030-01-15", document="", cover="")
        data["action-publish"] = "action-publish"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("document", response.context["form"].errors)


def test_index_pages_are_not_offered_at_the_root():
    assert not MediaIndexPage.can_create_at(Page.get_first_root_node())


def test_a_gallery_photo_without_description_is_decorative(client, media_index, image):
    gallery = GalleryPageFactory(parent=media_index, images=[image])
    gallery.images.update(alt_text="")
    img = soup(client.get(gallery.url)).select_one(".media-gallery img")
    assert img["alt"] == "", "not the image's title"
