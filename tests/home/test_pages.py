"""The page types of home/: they render in both languages, editors can create them in the
admin, and they live only where intended."""

import datetime

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.factories import translate
from home.factories import StandardPageFactory, VisionPageFactory
from home.models import ContactPage, HomePage, StandardPage, VisionPage
from legal.models import LegalRequestPage
from media.models import MediaIndexPage, WorkPlanPage
from news.models import NewsIndexPage
from newsletter.models import NewsletterIndexPage
from tests.html import html_lang_dir, soup
from tests.seeded import seeded_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "template"),
    [
        (VisionPageFactory, "home/vision_page.html"),
        (StandardPageFactory, "home/standard_page.html"),
    ],
    ids=["vision", "standard"],
)
def test_page_renders_in_its_language(client, home, english, factory, template):
    page = factory(parent=home)
    translation = translate(page, english, title="In English")
    for shown, lang, direction in [(page, "he", "rtl"), (translation, "en", "ltr")]:
        response = client.get(shown.url)
        assert response.status_code == 200
        assert template in [t.name for t in response.templates]
        assert html_lang_dir(response) == (lang, direction)


@pytest.mark.parametrize(
    ("prefix", "lang", "direction"), [("/", "he", "rtl"), ("/en/", "en", "ltr")]
)
def test_home_renders_in_its_language(client, prefix, lang, direction):
    response = client.get(prefix)
    assert "home/home_page.html" in [t.name for t in response.templates]
    assert html_lang_dir(response) == (lang, direction)


WORK_PLAN = [
    {"text": "חיזוק התנועה.", "sub_items": ["הגדלת הקצבת התנועה.", "מפגשים אזוריים."]},
    {"text": "הקמת צוותים.", "sub_items": []},
]


@pytest.fixture
def vision(home, english):
    """A vision of two sections, the second a numbered work plan with sub-items, written on
    June 30, 2010; and its English translation."""
    page = VisionPageFactory(
        parent=home,
        sections=[("ערכים", ["שוויון", "שותפות", "ערבות הדדית"])],
        written_on=datetime.date(2010, 6, 30),
    )
    page.body.append(
        (
            "item_list",
            {"heading": "תוכנית עבודה", "numbered": True, "items": WORK_PLAN},
        )
    )
    page.save()
    return page, translate(page, english, title="Vision")


def test_vision_is_structured_item_by_item(client, vision):
    page = soup(client.get(vision[0].url))
    sections = page.select("section.item-list")
    assert [len(s.select(":scope > ul > li, :scope > ol > li")) for s in sections] == [3, 2]
    assert sections[-1].find("ol"), "the work plan is a numbered list"
    sub_items = [li.get_text(strip=True) for li in sections[-1].select("ol ul li")]
    assert sub_items == WORK_PLAN[0]["sub_items"]
    assert page.select_one("time[datetime='2010-06-30']").get_text(strip=True) == "30 ביוני 2010"


def test_english_vision_mirrors_the_hebrew(client, vision):
    page = soup(client.get(vision[1].url))
    sections = page.select("section.item-list")
    assert [len(s.select(":scope > ul > li, :scope > ol > li")) for s in sections] == [3, 2]
    assert page.select_one("time[datetime='2010-06-30']").get_text(strip=True) == "June 30, 2010"


@pytest.mark.seeded
def test_home_links_to_the_vision_in_the_readers_language(client):
    for language, prefix in [("he", "/"), ("en", "/en/")]:
        vision = seeded_page(VisionPage, language)
        assert soup(client.get(prefix)).select_one(".call-to-action a")["href"] == vision.url


def list_block(values):
    """Admin form data for a ListBlock (wagtail's helpers cover StreamBlocks only)."""
    data = {str(i): {"value": v, "deleted": "", "order": i, "id": ""} for i, v in enumerate(values)}
    return {**data, "count": len(values)}


class TestPageTreeRules(WagtailPageTestCase):
    def test_home_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                VisionPage,
                StandardPage,
                ContactPage,
                NewsIndexPage,
                MediaIndexPage,
                WorkPlanPage,
                NewsletterIndexPage,
                LegalRequestPage,
            },
        )

    def test_vision_lives_under_home_once(self):
        self.assertAllowedParentPageTypes(VisionPage, {HomePage})
        self.assertAllowedSubpageTypes(VisionPage, set())
        home = HomePage.objects.get(locale__language_code="he")
        self.assertFalse(VisionPage.can_create_at(home), "home already has its vision page")

    def test_standard_pages_nest(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})


class TestAdminCreation(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(self.create_superuser("admin"))  # axes: no password login
        self.home = HomePage.objects.get(locale__language_code="he")

    def test_editor_can_create_a_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "תקנון",
                    "slug": "bylaws",
                    "introduction": "תקנון ההתאגדות",
                    "body": streamfield(
                        [
                            ("heading", {"text": "פרק א", "level": "h2"}),
                            ("paragraph", rich_text("<p>סעיף ראשון.</p>")),
                        ]
                    ),
                }
            ),
        )

    def test_editor_can_create_a_vision_page(self):
        self.home.get_children().type(VisionPage).delete()
        self.assertCanCreate(
            self.home,
            VisionPage,
            nested_form_data(
                {
                    "title": "חזון",
                    "slug": "new-vision",
                    "body": streamfield(
                        [
                            (
                                "item_list",
                                {
                                    "heading": "ערכי הליבה",
                                    "introduction": "",
                                    "numbered": "",
                                    "items": list_block(
                                        [{"text": "שוויון ערך האדם.", "sub_items": list_block([])}]
                                    ),
                                    "closing": "",
                                },
                            ),
                        ]
                    ),
                }
            ),
        )

    def test_a_home_page_can_be_created_at_the_root(self):
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "בית נוסף",
                    "slug": "second-home",
                    "body": streamfield([]),
                }
            ),
        )

    def test_an_editor_can_create_a_contact_page(self):
        self.home.get_children().type(ContactPage).delete()
        self.assertCanCreate(
            self.home,
            ContactPage,
            nested_form_data(
                {
                    "title": "צור קשר",
                    "slug": "new-contact",
                    "introduction": "",
                    "body": streamfield([]),
                    "form_fields": inline_formset(
                        [
                            {
                                "label": "שם",
                                "field_type": "singleline",
                                "required": "on",
                                "choices": "",
                                "default_value": "",
                                "help_text": "",
                            }
                        ]
                    ),
                    "thank_you_text": "תודה",
                    "to_address": "shitufi@tkz.co.il",
                    "from_address": "",
                    "subject": "פנייה",
                }
            ),
        )
