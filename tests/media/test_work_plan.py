"""The work plan's progress: per goal, the share of the cooperative kibbutzim that had an
event of its kind between its dates, computed from the events, shown as text, a progress bar
and a table by region, without JavaScript."""

import datetime
import json
import zoneinfo

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import HomePage
from media.factories import EventPageFactory
from media.models import WorkPlanPage
from media.models.work_plan import progress
from members.factories import KibbutzFactory
from tests.html import soup

pytestmark = pytest.mark.django_db

JERUSALEM = zoneinfo.ZoneInfo("Asia/Jerusalem")
START = datetime.date(2030, 1, 1)
DEADLINE = datetime.date(2030, 10, 31)


def _on(day):
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=JERUSALEM)


@pytest.fixture
def kibbutzim(db):
    north = KibbutzFactory.create_batch(2, region="north")
    south = KibbutzFactory.create_batch(2, region="south")
    differential = KibbutzFactory(region="north", status="differential")
    return north, south, differential


@pytest.fixture
def events(media_index, kibbutzim):
    (north_a, north_b), (south_a, south_b), differential = kibbutzim

    def event(kind, day, *where):
        page = EventPageFactory(parent=media_index, kind=kind, starts_at=_on(day))
        page.kibbutzim.set(where)
        page.save_revision().publish()

    event("kibbutz_visit", datetime.date(2030, 3, 1), north_a, north_b)  # one trip, two visits
    event("kibbutz_visit", datetime.date(2030, 4, 1), south_a)
    event("kibbutz_visit", datetime.date(2030, 5, 1), north_a)  # visited again: counted once
    event("kibbutz_visit", datetime.date(2030, 5, 1), differential)  # not cooperative
    event("kibbutz_visit", datetime.date(2030, 11, 1), south_b)  # after the deadline
    event("workshop", datetime.date(2030, 6, 1), south_b)  # another kind


def test_the_share_of_cooperative_kibbutzim_visited(events):
    result = progress("kibbutz_visit", START, DEADLINE)
    assert (result["reached"], result["total"], result["percent"]) == (3, 4, 75)
    assert [(row["region"], row["total"], row["reached"]) for row in result["regions"]] == [
        ("north", 2, 2),
        ("south", 2, 1),
    ]


def test_a_workshop_counts_for_its_own_kind_only(events):
    result = progress("workshop", START, DEADLINE)
    assert (result["reached"], result["percent"]) == (1, 25)


def test_no_cooperative_kibbutz_gives_zero(db):
    assert progress("kibbutz_visit", START, DEADLINE)["percent"] == 0


@pytest.fixture
def work_plan(home):
    goal = {
        "wording": "עד הכנס השנתי לבקר בכל הקיבוצים השיתופיים",
        "kind": "kibbutz_visit",
        "target": 100,
        "start": START.isoformat(),
        "deadline": DEADLINE.isoformat(),
    }
    page = WorkPlanPage(title="תוכנית העבודה", slug="work-plan-test")
    page.goals = json.dumps([{"type": "goal", "value": goal}])
    home.add_child(instance=page)
    return page


def test_the_page_shows_each_goal_without_javascript(client, events, work_plan):
    page = soup(client.get(work_plan.url))
    (goal,) = page.select("[data-goal]")
    assert goal.h2.get_text() == "עד הכנס השנתי לבקר בכל הקיבוצים השיתופיים"
    assert goal["aria-labelledby"] == goal.h2["id"]
    assert goal.select_one("progress")["value"] == "75"
    assert "3" in goal.select_one("[data-goal-summary]").get_text()
    rows = [[cell.get_text() for cell in row.select("th, td")] for row in goal.select("tbody tr")]
    assert [row[1:] for row in rows] == [["2", "2"], ["2", "1"]]


def test_a_kibbutz_that_changes_status_shows_on_the_cached_page_at_once(
    client, events, work_plan, kibbutzim
):
    def percent():
        return soup(client.get(work_plan.url)).select_one("[data-goal] progress")["value"]

    assert percent() == "75"
    assert client.get(work_plan.url)["X-Page-Cache"] == "hit"
    _north, (_south_a, south_b), _differential = kibbutzim
    south_b.status = "differential"  # the one not visited leaves the cooperative kibbutzim
    south_b.save()
    assert percent() == "100"


def test_the_page_takes_a_fixed_number_of_queries(
    client, events, work_plan, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        client.get(work_plan.url)


class TestAdmin(WagtailPageTestCase):
    def test_editor_can_create_a_work_plan_with_a_goal(self):
        self.client.force_login(self.create_superuser("admin"))  # axes: no password login
        home = HomePage.objects.get(locale__language_code="he")
        home.get_children().type(WorkPlanPage).delete()
        goal = {
            "wording": "סדנאות ב-50% מהקיבוצים השיתופיים",
            "kind": "workshop",
            "target": "50",
            "start": "2030-01-01",
            "deadline": "2030-12-31",
        }
        data = {"title": "תוכנית", "slug": "plan", "introduction": ""}
        data["goals"] = streamfield([("goal", goal)])
        self.assertCanCreate(home, WorkPlanPage, nested_form_data(data))
        (saved,) = WorkPlanPage.objects.get(slug="plan").goals
        assert saved.value["target"] == 50
        assert saved.value["deadline"] == datetime.date(2030, 12, 31)
