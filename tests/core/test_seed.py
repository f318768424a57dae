"""The seed command builds the starting site and can run again without changing it."""

import datetime
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, Revision
from wagtail_localize.models import Translation

from core import groups
from core.models import SiteSettings
from core.seed.data import SeedDataError, read_item
from core.seed.groups import GROUPS
from home.models import StandardPage, VisionPage
from home.seed import SEED_DATA, STANDING_PAGES
from home.seed_vision import parse_vision
from media.models import MediaIndexPage
from news.models import NewsIndexPage

pytestmark = [pytest.mark.django_db, pytest.mark.seeded]
# The site as the seed made it when its content moved from Python into text files.
SEEDED_SITE = json.loads(Path(__file__).with_name("seeded_site.json").read_text("utf-8"))


def _state():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "locale_id", "live")),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "groups": {
            g.name: sorted(g.permissions.values_list("codename", flat=True))
            for g in Group.objects.all()
        },
        "page_permissions": GroupPagePermission.objects.count(),
    }


def test_the_seeded_site_is_as_expected():
    """Every page (language, type, path, title, live) and how many of each record there are;
    after a deliberate change to the demo content, update tests/core/seeded_site.json."""
    tree = (
        Page.objects.filter(depth__gt=1).order_by("path").select_related("locale", "content_type")
    )
    pages = [
        [p.locale.language_code, p.specific_class.__name__, p.url_path, p.title, p.live]
        for p in tree
    ]
    assert pages == SEEDED_SITE["pages"]
    counts = {label: apps.get_model(label).objects.count() for label in SEEDED_SITE["counts"]}
    assert counts == SEEDED_SITE["counts"]


def test_seed_twice_changes_nothing():
    before = _state()
    call_command("seed", verbosity=0)
    assert _state() == before


def test_seed_keeps_editors_changes(home):
    about = home.get_children().get(slug="about").specific
    about.title = "מי אנחנו"
    about.save_revision().publish()
    call_command("seed", verbosity=0)
    about.refresh_from_db()
    assert about.title == "מי אנחנו"


def test_every_standing_hebrew_page_has_a_live_english_translation(english, home):
    """The site's standing pages, that is; only some HQ updates are translated."""
    for page in [home, *home.get_children().not_type(NewsIndexPage, MediaIndexPage)]:
        translation = page.get_translation_or_none(english)
        assert translation is not None and translation.live, page


def test_english_pages_are_wagtail_localize_translations(english, home):
    vision = home.get_children().type(VisionPage).get()
    translation = Translation.objects.get(
        source__object_id=vision.translation_key, target_locale=english
    )
    total, translated = translation.get_progress()
    assert total == translated > 0, "every string of the vision is translated"


def test_footer_settings_point_to_the_standing_pages(site):
    settings = SiteSettings.for_site(site)
    assert settings.accessibility_page.slug == "accessibility"
    assert settings.privacy_page.slug == "privacy"
    assert settings.email == "shitufi@tkz.co.il"
    assert settings.phone == "03-6925418"
    assert settings.fax == "03-6925417"


def test_accessibility_statement_is_dated(home):
    statement = home.get_children().get(slug="accessibility").specific
    assert isinstance(statement, StandardPage)
    assert statement.last_reviewed is not None


def test_groups_and_their_powers():
    assert set(Group.objects.values_list("name", flat=True)) >= set(GROUPS)
    editors = Group.objects.get(name=groups.EDITORS)
    moderators = Group.objects.get(name=groups.MODERATORS)
    editor_page_perms = set(
        GroupPagePermission.objects.filter(group=editors).values_list(
            "permission__codename", flat=True
        )
    )
    moderator_page_perms = set(
        GroupPagePermission.objects.filter(group=moderators).values_list(
            "permission__codename", flat=True
        )
    )
    # Editors publish; only Moderators delete a page with everything under it.
    assert {"add_page", "change_page", "publish_page"} <= editor_page_perms
    assert "bulk_delete_page" not in editor_page_perms
    assert {"publish_page", "bulk_delete_page"} <= moderator_page_perms
    members = Group.objects.get(name=groups.MEMBER_KIBBUTZIM)
    assert not members.permissions.filter(codename="access_admin").exists()


def test_each_app_grants_its_own_models_permissions():
    """Declared on the apps' AppConfigs (`group_permissions`), granted by the seed."""
    for config in apps.get_app_configs():
        for name, permissions in getattr(config, "group_permissions", {}).items():
            granted = {
                f"{app}.{codename}"
                for app, codename in Group.objects.get(name=name).permissions.values_list(
                    "content_type__app_label", "codename"
                )
            }
            assert set(permissions) <= granted, (config.label, name)
    editors = Group.objects.get(name=groups.EDITORS)
    assert editors.permissions.filter(codename="change_newscategory").exists()


def test_a_release_gives_existing_groups_the_permissions_a_new_version_grants():
    moderators = Group.objects.get(name=groups.MODERATORS)
    moderators.permissions.remove(*moderators.permissions.filter(codename="view_refusedaccess"))
    call_command("ensure_groups")
    assert moderators.permissions.filter(codename="view_refusedaccess").exists()


@pytest.mark.parametrize("language", ["he", "en"])
def test_vision_text_parses_into_sections(language):
    vision = parse_vision((SEED_DATA / f"vision_2010.{language}.txt").read_text("utf-8"))
    assert vision.written_on == datetime.date(2010, 6, 30)
    assert [len(s.paragraphs) for s in vision.sections] == [2, 0, 0, 0, 0]
    assert [len(s.items) for s in vision.sections] == [0, 6, 4, 13, 12]
    assert vision.sections[1].closing, "the core values end with a closing paragraph"
    funding = vision.sections[4].items[1]
    assert len(funding.sub_items) == 4
    assert all(s.heading and not s.heading.endswith(":") for s in vision.sections)


def test_vision_parser_ignores_the_old_page_chrome():
    vision = parse_vision((SEED_DATA / "vision_2010.he.txt").read_text("utf-8"))
    assert vision.sections[0].heading == "מבוא"
    every_text = [s.heading for s in vision.sections] + [
        i.text for s in vision.sections for i in s.items
    ]
    assert not any("shitufi@tkz.co.il" in t or "הרשמה לניוזלטר" in t for t in every_text)


def _text(html):
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def _body_texts(body):
    texts = []
    for block in body:
        if block.block_type == "heading":
            texts.append(_text(block.value["text"]))
        elif block.block_type == "paragraph":
            texts.append(_text(block.value.source))
        elif block.block_type == "item_list":
            texts.append(_text(block.value["heading"]))
            texts.extend(_text(item["text"]) for item in block.value["items"])
    return texts


@pytest.mark.parametrize("slug", STANDING_PAGES)
def test_english_standing_pages_carry_their_own_text(slug, home, english):
    text = read_item(SEED_DATA / slug)["en"]
    page = home.get_children().get(slug=slug).get_translation(english).specific
    assert page.title == text["title"]
    assert page.introduction == text["introduction"]
    expected = [_text(value) if kind == "paragraph" else value["text"] for kind, value in text.body]
    assert _body_texts(page.body) == expected


def test_english_vision_carries_the_english_text(home, english):
    vision = parse_vision((SEED_DATA / "vision_2010.en.txt").read_text("utf-8"))
    page = home.get_children().type(VisionPage).get().get_translation(english).specific
    expected = []
    for section in vision.sections:
        expected.append(section.heading)
        expected.extend(section.paragraphs or [item.text for item in section.items])
    assert _body_texts(page.body) == expected


def test_seed_data_files_are_read_into_blocks(tmp_path):
    (tmp_path / "page.he.md").write_text(
        "title: עמוד\n"
        "introduction: שורה ראשונה\n"
        "    ושורה שנייה\n"
        "\n"
        "## כותרת\n"
        "\n"
        "פסקה **מודגשת** עם [קישור](https://example.org/),\n"
        "בשתי שורות.\n"
        "\n"
        "- פריט\n"
        "\n"
        "---\n"
        "\n"
        "פסקה שנייה.\n"
        "\n"
        "```quote\n"
        "quote: ציטוט\n"
        "attribution: מישהו\n"
        "```\n",
        "utf-8",
    )
    text = read_item(tmp_path / "page")["he"]
    assert text.name == "page"
    assert text["introduction"] == "שורה ראשונה ושורה שנייה"
    assert text.body == [
        ("heading", {"text": "כותרת", "level": "h2"}),
        (
            "paragraph",
            '<p>פסקה <b>מודגשת</b> עם <a href="https://example.org/">קישור</a>, בשתי שורות.</p>'
            "<ul><li>פריט</li></ul>",
        ),
        ("paragraph", "<p>פסקה שנייה.</p>"),
        ("quote", {"quote": "ציטוט", "attribution": "מישהו"}),
    ]


@pytest.mark.parametrize(
    ("english_body", "error"),
    [
        ("## Heading\n\nText\n\n```quote\nquote: Q\n```\n", "block 3 is “quote”"),
        (
            "## Heading\n\n- Text\n",
            "block 2 is “paragraph ul li”, the source's is “paragraph p”",
        ),
        ("## Heading\n", "block 2 is “nothing”"),
    ],
)
def test_a_translation_must_mirror_its_source(tmp_path, english_body, error):
    (tmp_path / "page.he.md").write_text("title: עמוד\n\n## כותרת\n\nטקסט\n", "utf-8")
    (tmp_path / "page.en.md").write_text(f"title: Page\n\n{english_body}", "utf-8")
    with pytest.raises(SeedDataError, match=f"page.en.md does not mirror page.he.md: its {error}"):
        read_item(tmp_path / "page")
