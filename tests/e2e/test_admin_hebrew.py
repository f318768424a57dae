"""The admin speaks Hebrew: an editor walks the screens of their daily work (with their side
panels, dialogs and menus open), then a moderator who sends the newsletter walks theirs, then
a member of HQ's enrollment team walks the list of people and the network, then an event
organizer an event's registrations, and every piece of interface text on them is Hebrew.
Content (titles, names, file names) may be in any language; a few names stay in Latin
letters (tests/e2e/admin.py). The test prints the coverage, and writes the Latin texts it
found to test-results/admin-hebrew.txt."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from core import groups
from enrollment.factories import InterestFactory, KibbutzMeetingFactory, PersonFactory
from enrollment.models import Interest, Person
from legal.models import RefusedAccess
from media.models import EventKind
from members.factories import KibbutzFactory, UserFactory
from members.models import Kibbutz
from news.models import NewsCategory, NewsPage
from newsletter.models import NewsletterIssuePage
from registrations.models import Registration, RegistrationSetup

from .admin import latin_interface_text, log_in
from .axe import assert_accessible

REPORT = Path("test-results") / "admin-hebrew.txt"


def _content():
    """Everything that is content rather than interface: what editors and users wrote."""
    strings = [
        *Page.objects.values_list("title", flat=True),
        *Page.objects.values_list("draft_title", flat=True),
        *get_image_model().objects.values_list("title", flat=True),
        *get_document_model().objects.values_list("title", flat=True),
        *Tag.objects.values_list("name", flat=True),
        *Collection.objects.values_list("name", flat=True),
        *[str(category) for category in NewsCategory.objects.all()],
        *[locale.get_display_name() for locale in Locale.objects.all()],
        *get_user_model().objects.values_list("username", flat=True),
        *get_user_model().objects.values_list("first_name", flat=True),
        *Person.objects.values_list("email", flat=True),
        *Kibbutz.objects.values_list("name_he", flat=True),
        *Kibbutz.objects.values_list("name_en", flat=True),
        *Interest.objects.values_list("name", flat=True),
    ]
    # Longest first, so that a title is removed before a shorter one inside it.
    return sorted({text for text in strings if text}, key=len, reverse=True)


def _screens(update):
    """The screens of an editor's day, and what to open on each (a side panel, a tab, a
    dialog, a menu): (address, [CSS selectors of controls to click in turn])."""
    index = update.get_parent()
    revisions = list(update.revisions.order_by("created_at").values_list("pk", flat=True))
    edit = reverse("wagtailadmin_pages:edit", args=(update.pk,))
    english = update.get_translation(Locale.objects.get(language_code="en"))
    return [
        (reverse("wagtailadmin_home"), []),
        (reverse("wagtailadmin_explore", args=(index.pk,)), []),
        (reverse("wagtailadmin_pages:add_subpage", args=(index.pk,)), []),
        (reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk)), []),
        (edit, []),
        (edit, ["a[role=tab]:nth-of-type(2)"]),  # the Promote tab
        (edit, ["button[data-side-panel-toggle=status]"]),
        (
            edit,
            [
                "button[data-side-panel-toggle=status]",
                "button[data-a11y-dialog-show=schedule-publishing-dialog]",
            ],
        ),
        (edit, ["button[data-side-panel-toggle=preview]"]),
        (edit, ["button[data-side-panel-toggle=checks]"]),
        (edit, ["footer button[data-w-dropdown-target=toggle]"]),  # the publishing menu
        (reverse("wagtailadmin_pages:history", args=(update.pk,)), []),
        (reverse("wagtailadmin_pages:revisions_index", args=(update.pk,)), []),
        (
            reverse(
                "wagtailadmin_pages:revisions_compare",
                args=(update.pk, revisions[0], revisions[-1]),
            ),
            [],
        ),
        (reverse("wagtailadmin_pages:unpublish", args=(update.pk,)), []),
        (reverse("wagtailadmin_pages:delete", args=(update.pk,)), []),
        (reverse("wagtail_localize:submit_page_translation", args=(update.pk,)), []),
        (reverse("wagtailadmin_pages:edit", args=(english.pk,)), []),  # translation editor
        (reverse("wagtailimages:index"), []),
        (reverse("wagtailimages:add_multiple"), []),
        (reverse("wagtailimages:edit", args=(get_image_model().objects.first().pk,)), []),
        (reverse("wagtaildocs:index"), []),
        (reverse("wagtailsnippets:index"), []),
        (reverse("wagtailsnippets_news_newscategory:list"), []),
        (reverse("wagtailadmin_pages:search") + "?q=קיבוץ", []),
        (reverse("wagtailadmin_account"), []),
        (reverse("editors_guide"), []),
    ]


def _moderator_screens(in_moderation, issue):
    """What a moderator who also sends the newsletter opens: the page awaiting approval and
    its approval menu, the workflow's history, the site settings, the refused looks at legal
    requests, the newsletter's sending."""
    edit = reverse("wagtailadmin_pages:edit", args=(in_moderation.pk,))
    return [
        (reverse("wagtailadmin_home"), []),
        (edit, []),
        (edit, ["footer button[data-w-dropdown-target=toggle]"]),
        (reverse("wagtailadmin_pages:workflow_history", args=(in_moderation.pk,)), []),
        (reverse("wagtailadmin_reports:workflow"), []),
        (reverse("wagtailsettings:edit", args=("core", "sitesettings")), []),
        (reverse("legal_refusals:index"), []),
        (reverse("newsletter_admin:campaigns"), []),
        (reverse("newsletter_admin:send", args=(issue.pk,)), []),
    ]


def _enrollment_screens(person):
    """What HQ's enrollment team opens: the list of people (filtered), its counts, a
    person's record and appointment, the network, the meetings and the volunteering areas."""
    people = reverse("enrollment_people:index")
    return [
        (reverse("wagtailadmin_home"), []),
        (people, []),
        (f"{people}?region=north&status=confirmed", []),
        (reverse("enrollment_people:counts"), []),
        (reverse("enrollment_people:edit", args=(person.pk,)), []),
        (reverse("enrollment_people:history", args=(person.pk,)), []),
        (reverse("enrollment_people:appoint", args=(person.pk,)), []),
        (reverse("enrollment_network:index"), []),
        (reverse("enrollment_meetings:index"), []),
        (f"{reverse('enrollment_meetings:add')}?kibbutz={person.kibbutz_id}", []),
        (reverse("wagtailsnippets_enrollment_interest:list"), []),
        (reverse("wagtailsnippets_enrollment_interest:add"), []),
    ]


def _enrollment_data():
    """A kibbutz with an appointed contact person, a volunteer and a meeting."""
    kibbutz = KibbutzFactory(region="north")
    interest = InterestFactory(name="חינוך")
    now = timezone.now()
    contact = PersonFactory(
        kibbutz=kibbutz, created_at=now, contact_appointed_at=now, interests=[interest]
    )
    PersonFactory(kibbutz=kibbutz, created_at=now, wants_to_be_contact=True)
    KibbutzMeetingFactory(kibbutz=kibbutz)
    return contact


def _event_screens(setup):
    """What HQ's event organizers open: the registration settings, an event's registrations
    (filtered), its attendance sheet, and the form to write to its registrants."""
    event = setup.event_id
    registrations = reverse("event_registrations:event", args=(event,))
    return [
        (reverse("registration_setups:index"), []),
        (reverse("registration_setups:edit", args=(setup.pk,)), []),
        (reverse("event_registrations:index"), []),
        (registrations, []),
        (f"{registrations}?status=confirmed", []),
        (reverse("event_registrations:attendance_sheet", args=(event,)), []),
        (reverse("registration_messages:new", args=(event,)), []),
    ]


def _event_data():
    """The seeded workshop's registration, with one person registered and one waiting."""
    setup = RegistrationSetup.objects.get(event__kind=EventKind.WORKSHOP)
    for name, status in (("רות כהן", "confirmed"), ("דן לוי", "waiting")):
        Registration.objects.create(
            event=setup.event,
            name=name,
            email=f"{status}@example.org",
            status=status,
            language="he",
            answers={"kibbutz": "קיבוץ משמר"},
        )
    return setup


def _walk(page, site_url, screens, content, report):
    """Opens each screen (and its controls in turn), noting its interface texts and the
    Latin ones, and checks it with axe."""
    for url, controls in screens:
        # The admin remembers open side panels in local storage: each screen starts closed.
        page.evaluate("() => localStorage.clear()")
        response = page.goto(f"{site_url}{url}")
        assert response.status == 200, url
        # Not sent back to the dashboard ("no permission"): the screen itself.
        home = reverse("wagtailadmin_home")
        assert url == home or page.url != f"{site_url}{home}", f"{url} led to the dashboard"
        for control in controls:
            page.locator(f"{control} >> visible=true").first.click()
        if controls:  # what a control opens may load its content after the click
            page.wait_for_load_state("networkidle")
        report[" → ".join([url, *controls])] = latin_interface_text(page, content)
        if not controls:
            assert_accessible(page)


def test_every_screen_of_an_editors_day_is_in_hebrew(site_url, editor, moderator, page, capsys):
    update = NewsPage.objects.filter(locale__language_code="he").order_by("path").first()
    update.save_revision().publish()  # a second revision, for the comparison
    awaiting = NewsPage.objects.filter(locale__language_code="he").order_by("path").last()
    awaiting.get_workflow().start(awaiting, editor)
    moderator.groups.add(Group.objects.get(name=groups.NEWSLETTER_SENDERS))
    RefusedAccess.objects.create(
        user=editor, address="203.0.113.5", method="GET", path="/account/requests/x/"
    )
    issue = NewsletterIssuePage.objects.get(locale__language_code="he")
    person = _enrollment_data()
    setup = _event_data()
    content = _content()

    # The login page comes first, before anyone is logged in.
    page.goto(f"{site_url}{reverse('wagtailadmin_login')}")
    report = {"login": latin_interface_text(page, content)}
    assert_accessible(page)
    log_in(page, site_url, editor)
    _walk(page, site_url, _screens(update), content, report)
    page.context.clear_cookies()
    log_in(page, site_url, moderator)
    _walk(page, site_url, _moderator_screens(awaiting, issue), content, report)
    page.context.clear_cookies()
    log_in(page, site_url, UserFactory(groups=[groups.ENROLLMENT]))
    _walk(page, site_url, _enrollment_screens(person), content, report)
    page.context.clear_cookies()
    log_in(page, site_url, UserFactory(groups=[groups.EVENT_ORGANIZERS]))
    _walk(page, site_url, _event_screens(setup), content, report)

    texts = sum(total for total, _latin in report.values())
    untranslated = sorted({text for _total, latin in report.values() for text in latin})
    lines = [
        f"Hebrew coverage of the admin: {texts - len(untranslated)}/{texts} interface texts "
        f"on {len(report)} screens; in Latin letters: {len(untranslated)}",
        *(f"  {screen}: {text}" for screen, (_total, latin) in report.items() for text in latin),
    ]
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n", "utf-8")
    with capsys.disabled():
        print("\n" + lines[0])  # noqa: T201 (the coverage figure, in the CI log)
    assert not untranslated, "\n".join(lines)
