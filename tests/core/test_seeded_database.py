"""The copy of the seeded database that tests which commit put back (tests/seeded_database.py):
every table as the seed left it, whatever the test changed, and new ids past the test's."""

from django.contrib.auth import get_user_model
from wagtail.models import Page, Revision, Site

from home.models import VisionPage
from members.factories import UserFactory
from tests import seeded_database
from tests.seeded import seeded_page


def test_a_test_that_commits_leaves_the_seeded_site_behind(committed_db):
    vision = seeded_page(VisionPage)
    counts = (Page.objects.count(), Revision.objects.count(), get_user_model().objects.count())
    hostname = Site.objects.get(is_default_site=True).hostname
    vision.delete()
    Site.objects.update(hostname="elsewhere.example")
    made = UserFactory()

    seeded_database.restore()

    assert VisionPage.objects.get(pk=vision.pk).title == vision.title
    assert (Page.objects.count(), Revision.objects.count(), get_user_model().objects.count()) == (
        counts
    )
    assert Site.objects.get(is_default_site=True).hostname == hostname
    assert UserFactory().pk > made.pk, "ids are not given twice"
