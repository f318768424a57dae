"""The search results page: ranking, highlighted snippets (escaped), each result's type
and date, the type and year filters, suggestions when nothing is found, pagination."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.search_results import Highlighter, Passage
from home.factories import StandardPageFactory
from media.factories import EventPageFactory, MediaIndexPageFactory, PublicationPageFactory
from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from tests.html import soup

pytestmark = pytest.mark.django_db

MARKER = "זרזיר"  # a word of no seeded page, so that a test sees its own pages only


@pytest.fixture
def news_index(home):
    return NewsIndexPage.objects.live().filter(locale=home.locale).first()


@pytest.fixture
def media_index(home):
    return MediaIndexPageFactory(parent=home, slug="media-search")


def _search(client, query, **params):
    return soup(client.get("/search/", {"q": query, **params}))


def _results(page):
    return page.select(".search-result")


def _titles(page):
    return [result.select_one(".search-result__title").get_text() for result in _results(page)]


# Highlighting (the words the search matched, in any form)


@pytest.mark.parametrize(
    ("query", "text", "marked"),
    [
        (
            "קיבוץ",
            "ביקרנו בקיבוצים ובחרנו בקיבוץ אחד, והקיבוץ שמח.",
            ["בקיבוצים", "בקיבוץ", "והקיבוץ"],
        ),
        ("הקבוצות", "קבוצה אחת ועוד קבוצות.", ["קבוצה", "קבוצות"]),
        ("צה״ל", 'שירתו בצה"ל.', ['בצה"ל']),
        ("kibbutz", "Kibbutzim and a kibbutz, not a kibitzer.", ["Kibbutzim", "kibbutz"]),
        ("meetings", "The regional meeting met.", ["meeting"]),
    ],
)
def test_the_matched_words_are_marked_in_any_of_their_forms(query, text, marked):
    html = BeautifulSoup(str(Highlighter(query).highlight(text)), "html.parser")
    assert [mark.get_text() for mark in html.select("mark")] == marked


def test_the_snippet_is_the_text_around_the_first_match():
    words = [f"מילה{n}" for n in range(100)]
    words[60] = "בקיבוצים"
    snippet, place = Highlighter("קיבוץ").snippet([Passage(" ".join(words))])
    assert str(snippet).startswith("… מילה52 ")
    assert str(snippet).endswith(" …")
    assert "<mark>בקיבוצים</mark>" in str(snippet)
    assert place.label == "" and place.url == ""


def test_the_snippet_comes_from_the_first_passage_that_matched():
    passages = [
        Passage("טקסט הדף עצמו"),
        Passage("עמוד ראשון", "עמוד 1", "/documents/1/a.pdf#page=1"),
        Passage("בעמוד השני מדובר על הקיבוצים", "עמוד 2", "/documents/1/a.pdf#page=2"),
    ]
    snippet, place = Highlighter("קיבוץ").snippet(passages)
    assert "<mark>הקיבוצים</mark>" in str(snippet)
    assert place == passages[2]


def test_a_page_that_matched_by_its_title_shows_the_beginning_of_its_text():
    snippet, place = Highlighter("זרזיר").snippet([Passage("פתיחה של הדף.")])
    assert str(snippet) == "פתיחה של הדף."
    assert place.url == ""


def test_markup_in_the_text_is_escaped_and_words_in_it_still_marked():
    html = str(Highlighter("script").highlight("<script>alert(1)</script> & more"))
    assert html == ("&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; &amp; more")


# The results page


def test_results_show_the_matched_words_highlighted_in_title_and_snippet(client, home):
    StandardPageFactory(
        parent=home,
        title=f"{MARKER}: חיים בקיבוץ",
        introduction="הביקור בקיבוצים של הגליל ובקיבוץ אחד בנגב.",
    )
    result = _results(_search(client, f"{MARKER} קיבוץ"))[0]
    assert [m.get_text() for m in result.select(".search-result__title mark")] == [
        MARKER,
        "בקיבוץ",
    ]
    assert [m.get_text() for m in result.select(".search-result__snippet mark")] == [
        "בקיבוצים",
        "ובקיבוץ",
    ]


def test_a_script_in_the_content_or_the_query_is_shown_as_text(client, home):
    StandardPageFactory(
        parent=home,
        title=f"{MARKER} <script>alert('title')</script>",
        introduction=f"{MARKER} <script>alert('intro')</script> <b>bold</b>",
    )
    for query in [f"{MARKER} <script>", "<script>alert('query')</script>"]:
        response = client.get("/search/", {"q": query})
        assert "<script>alert(" not in response.content.decode()
        assert soup(response).select_one("#search-query")["value"] == query
    result = _results(_search(client, f"{MARKER} <script>"))[0]
    assert "<script>alert('title')</script>" in result.select_one("h2").get_text()
    snippet = result.select_one(".search-result__snippet")
    assert "<b>bold</b>" in snippet.get_text()
    assert [mark.get_text() for mark in snippet.select("mark")] == [MARKER, "script", "script"]


def test_each_result_shows_its_type_and_date(client, home, news_index, media_index):
    update = NewsPageFactory(
        parent=news_index,
        title=f"{MARKER} עדכון",
        published_at=timezone.make_aware(datetime.datetime(2023, 5, 17, 10)),
    )
    event = EventPageFactory(parent=media_index, title=f"{MARKER} סדנה")
    publication = PublicationPageFactory(
        parent=media_index, title=f"{MARKER} חוברת", published_at=datetime.date(2021, 3, 2)
    )
    page = StandardPageFactory(
        parent=home,
        title=f"{MARKER} דף",
        last_published_at=timezone.make_aware(datetime.datetime(2022, 8, 9, 9)),
    )
    meta = {
        result.select_one("h2").get_text(): result.select_one(".search-result__meta")
        for result in _results(_search(client, MARKER))
    }
    expected = {
        update: ("עדכון מהמטה", "2023-05-17", "17 במאי 2023"),
        event: ("סדנה", timezone.localdate(event.starts_at).isoformat(), None),
        publication: ("חוברת", "2021-03-02", "2 במרץ 2021"),
        page: ("דף", "2022-08-09", "9 באוגוסט 2022"),
    }
    for result_page, (label, iso_date, shown) in expected.items():
        found = meta[result_page.title]
        assert found.select_one(".search-result__type").get_text() == label
        assert found.select_one("time")["datetime"] == iso_date
        if shown:
            assert found.select_one("time").get_text() == shown


def test_english_results_are_labelled_in_english(client):
    page = soup(client.get("/en/search/", {"q": "kibbutz"}))
    labels = [label.get_text() for label in page.select(".search-result__type")]
    assert labels and all(label.isascii() for label in labels)


def test_title_matches_rank_before_text_matches(client, home):
    in_text = StandardPageFactory(
        parent=home, title="דף ראשון", introduction=f"{MARKER} {MARKER} בשדה ובגן"
    )
    in_title = StandardPageFactory(parent=home, title=f"{MARKER} בגן", introduction="טקסט")
    assert _titles(_search(client, MARKER)) == [in_title.title, in_text.title]


# Filters


@pytest.fixture
def mixed(home, news_index, media_index):
    """Pages of each type with the marker word, the updates in 2019 and 2024."""
    return {
        "update 2019": NewsPageFactory(
            parent=news_index,
            title=f"{MARKER} 2019",
            published_at=timezone.make_aware(datetime.datetime(2019, 6, 1, 12)),
        ),
        "update 2024": NewsPageFactory(
            parent=news_index,
            title=f"{MARKER} 2024",
            published_at=timezone.make_aware(datetime.datetime(2024, 1, 2, 12)),
        ),
        "event": EventPageFactory(parent=media_index, title=f"{MARKER} אירוע"),
        "publication": PublicationPageFactory(
            parent=media_index, title=f"{MARKER} פרסום", published_at=datetime.date(2019, 2, 2)
        ),
        "page": StandardPageFactory(parent=home, title=f"{MARKER} דף"),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"update 2019", "update 2024", "event", "publication", "page"}),
        ({"type": "update"}, {"update 2019", "update 2024"}),
        ({"type": "event"}, {"event"}),
        ({"type": "publication"}, {"publication"}),
        ({"type": "page"}, {"page"}),
        ({"year": "2019"}, {"update 2019", "publication"}),
        ({"type": "update", "year": "2024"}, {"update 2024"}),
        ({"type": "media"}, set()),
        ({"year": "1990"}, set()),
        # Values that are not a choice are ignored: every result shows.
        (
            {"type": "<script>", "year": "²⁰¹⁹"},
            {"update 2019", "update 2024", "event", "publication", "page"},
        ),
        (
            {"type": "x" * 5000, "year": "-1"},
            {"update 2019", "update 2024", "event", "publication", "page"},
        ),
    ],
)
def test_results_filter_by_type_and_year(client, mixed, params, expected):
    titles = set(_titles(_search(client, MARKER, **params)))
    assert titles == {mixed[name].title for name in expected}


def test_the_filters_offer_the_types_and_the_years_with_content(client, mixed):
    page = _search(client, MARKER, type="update", year="2019")
    types = {option["value"]: option.get_text() for option in page.select("#search-type option")}
    assert types == {
        "": "כל הסוגים",
        "update": "עדכוני המטה",
        "event": "אירועים",
        "publication": "פרסומים",
        "media": "סרטונים וגלריות",
        "page": "דפים",
    }
    years = [option["value"] for option in page.select("#search-year option")]
    assert {"2019", "2024"} <= set(years)
    assert years[1:] == sorted(years[1:], reverse=True)
    assert page.select_one("#search-type option[selected]")["value"] == "update"
    assert page.select_one("#search-year option[selected]")["value"] == "2019"


def test_pagination_keeps_the_filters(client, home):
    for number in range(12):
        StandardPageFactory(parent=home, title=f"{MARKER} {number}")
    page = _search(client, MARKER, type="page")
    next_link = page.select_one(".pagination a[rel=next]")["href"]
    assert "type=page" in next_link and "page=2" in next_link
    assert len(_results(soup(client.get("/search/" + next_link)))) == 2


# Nothing found


@pytest.mark.parametrize("query", ["", "מילהשאינהבשוםדף"])
def test_a_search_without_results_suggests_the_latest_updates(client, news_index, query):
    for days_ago in range(1, 8):
        NewsPageFactory(parent=news_index, title=f"עדכון לפני {days_ago} ימים", days_ago=days_ago)
    page = _search(client, query)
    assert not _results(page)
    suggestion = page.select_one(".search-suggestion")
    latest = [update.title for update in news_index.updates()[:5]]
    assert [a.get_text() for a in suggestion.select("li a")] == latest
    assert suggestion.select("a")[-1]["href"] == news_index.url


def test_results_show_no_suggestions(client, home):
    StandardPageFactory(parent=home, title=MARKER)
    assert not _search(client, MARKER).select(".search-suggestion")


# Queries


def _queries(client, query, **params):
    client.get("/search/", {"q": query, **params})  # fills the cache of years and types
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return len(queries)


def test_a_page_of_results_takes_as_many_queries_for_many_results_as_for_few(
    client, settings, home, news_index, media_index
):
    settings.PAGE_CACHE_SECONDS = 0
    for number in range(2):
        NewsPageFactory(parent=news_index, title=f"{MARKER} מעט {number}")
        PublicationPageFactory(parent=media_index, title=f"{MARKER} מעט {number}")
    few = _queries(client, f"{MARKER} מעט")
    for number in range(15):
        NewsPageFactory(parent=news_index, title=f"{MARKER} הרבה {number}")
        PublicationPageFactory(parent=media_index, title=f"{MARKER} הרבה {number}")
    assert _queries(client, f"{MARKER} הרבה") == few
    assert _queries(client, f"{MARKER} הרבה", page="2") == few


@pytest.mark.parametrize("query", ['מנכ"לית', "מנכ״לית", "המנכלית"])
def test_an_abbreviation_typed_with_a_keyboard_quote_is_one_word(client, home, query):
    page = StandardPageFactory(parent=home, title=f"{MARKER}: דברי המנכ״לית")
    assert _titles(_search(client, f"{MARKER} {query}")) == [page.title]
