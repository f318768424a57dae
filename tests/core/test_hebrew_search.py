"""Hebrew-aware search: a word is found under its other forms, with or without a prefix,
singular or plural (core/hebrew.py), on the site search; English keeps exact matching."""

import pytest

from core.factories import translate
from core.hebrew import keys, normalize, text_keys
from home.factories import StandardPageFactory
from home.models import StandardPage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.html import soup

KIBBUTZ_FORMS = ["קיבוץ", "הקיבוץ", "בקיבוצים", "קיבוצים"]


# The normalizer


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("קִבּוּץ", "קבוצ"),  # points go, the final letter takes its ordinary form
        ("בְּרֵאשִׁ֖ית", "בראשית"),  # cantillation too
        ("צה״ל", "צהל"),  # gershayim
        ('צה"ל', "צהל"),  # typed as an ASCII double quote
        ("ג׳ודו", "גודו"),  # geresh
        ("ג'ודו", "גודו"),
        ("ךםןףץ", "כמנפצ"),
    ],
)
def test_normalize_drops_points_and_quotes_and_final_forms(written, normalized):
    assert normalize(written) == normalized


def test_the_forms_of_a_word_share_a_key():
    (common,) = set.intersection(*(keys(form) for form in KIBBUTZ_FORMS))
    assert common == "קיבוצ"


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("והקיבוץ", "קיבוצ"),  # ו + ה
        ("שבקיבוץ", "קיבוצ"),  # ש + ב
        ("וכשהקיבוץ", "קיבוצ"),  # ו + כש + ה
        ("מהקיבוצים", "קיבוצ"),  # מה, and the plural ים
        ("קבוצות", "קבוצ"),  # plural ות
        ("קבוצה", "קבוצ"),  # feminine ה
        ("קיבוצי", "קיבוצ"),  # construct plural
        ("מדינת", "מדינ"),  # construct feminine ת
        ("השיתופיים", "שיתופ"),  # adjective plural יים
        ("שיתופית", "שיתופ"),  # adjective feminine ית
        ("קִבּוּצִים", "קבוצ"),  # with points
    ],
)
def test_prefixes_and_suffixes_are_taken_off(word, stem):
    assert stem in keys(word)


@pytest.mark.parametrize("word", ["ברית", "משק", "הסכם", "לימוד", "בית", "שבת"])
def test_a_root_that_starts_or_ends_like_an_affix_keeps_its_written_form(word):
    assert normalize(word) in keys(word)


def test_short_words_are_not_stripped():
    assert keys("בית") == {"בית"}  # not ב + "ית", nor "בי" + ת
    assert keys("משק") == {"משק"}  # not מ + "שק"
    assert keys("של") == {"של"}


def test_text_keys_take_the_hebrew_words_only():
    assert text_keys("Kibbutz Hatzerim, הקיבוץ 2025!") == ["הקיבוצ", "קיבוצ"]
    assert text_keys("The kibbutz") == []


# The site search


def _found(client, query, prefix=""):
    return {
        a["href"]
        for a in soup(client.get(f"{prefix}/search/", {"q": query})).select(".search-results a")
    }


@pytest.fixture
def kibbutz_pages(home):
    """A page with each form of "kibbutz", and a word of their own ("זרזיר") that keeps the
    seeded pages, which speak of kibbutzim too, out of the results."""
    return {
        form: StandardPageFactory(parent=home, title=f"זרזיר {index}", introduction=f"על {form}")
        for index, form in enumerate(KIBBUTZ_FORMS)
    }


@pytest.mark.django_db
@pytest.mark.parametrize("query", KIBBUTZ_FORMS)
def test_each_form_finds_the_pages_written_with_the_others(client, kibbutz_pages, query):
    found = _found(client, f"זרזיר {query}")
    assert found == {page.url for page in kibbutz_pages.values()}


@pytest.mark.django_db
def test_a_word_alone_finds_its_forms_in_titles_and_bodies(client, home):
    index = NewsIndexPageFactory(parent=home)
    singular = StandardPageFactory(parent=home, title="המחלבה של העמק")
    plural = NewsPageFactory(
        parent=index,
        title="עדכון מהשטח",
        body=[("paragraph", "<p>ביקרנו במחלבות האזור.</p>")],
    )
    unrelated = StandardPageFactory(parent=home, title="הרפת של העמק")
    for query in ["מחלבה", "המחלבות", "במחלבה", "מחלבות"]:
        found = _found(client, query)
        assert {singular.url, plural.url} <= found, query
        assert unrelated.url not in found


def _links(client, query):
    return [
        a["href"] for a in soup(client.get("/search/", {"q": query})).select(".search-results a")
    ]


@pytest.mark.django_db
def test_the_exact_form_ranks_first(client, home):
    other = StandardPageFactory(parent=home, title="המחלבות של העמק")
    exact = StandardPageFactory(parent=home, title="מחלבה בעמק")
    assert _links(client, "מחלבה") == [exact.url, other.url]
    assert _links(client, "המחלבות") == [other.url, exact.url]


@pytest.mark.django_db
@pytest.mark.parametrize("words", [1, 2, 3])
def test_the_exact_form_ranks_first_in_a_query_of_several_words(client, home, words):
    marker = " ".join(["זרזיר", "נחליאלי", "דוכיפת"][:words])
    other = StandardPageFactory(parent=home, title=f"{marker} בקיבוצים")
    exact = StandardPageFactory(parent=home, title=f"{marker} קיבוץ")
    assert _links(client, f"{marker} קיבוץ") == [exact.url, other.url]


@pytest.mark.django_db
def test_english_pages_are_not_matched_by_hebrew_keys(client, home, english):
    hebrew_page = StandardPageFactory(parent=home, title="זרזיר ראשון", introduction="על הקיבוץ")
    english_page = translate(
        hebrew_page, english, title="Zarzir", introduction="The word קיבוצים, quoted"
    )
    assert english_page.specific.hebrew_keys() == ""
    assert _found(client, "קיבוץ", prefix="/en") == set()
    # The English search keeps the backend's exact matching.
    assert _found(client, "קיבוצים", prefix="/en") == {english_page.url}
    assert _found(client, "Zarzir", prefix="/en") == {english_page.url}


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["צה״ל", 'צה"ל', "בצה״ל", "וצה״ל"])
def test_abbreviations_match_with_either_quote_and_a_prefix(client, home, query):
    page = StandardPageFactory(parent=home, title="זרזיר", introduction='מפגש עם קציני צה"ל.')
    assert page.url in _found(client, query)


@pytest.mark.django_db
def test_a_pointed_query_finds_the_unpointed_text(client, home):
    page = StandardPageFactory(parent=home, title="זרזיר", introduction="שירה בציבור")
    assert page.url in _found(client, "שִׁירָה")
    assert page.url in _found(client, "וְהַשִּׁירָה")


@pytest.mark.django_db
def test_wagtails_search_api_itself_matches_the_other_forms(home):
    """The backend rewrites the query (core/search_backend.py), not the site's view only."""
    page = StandardPageFactory(parent=home, title="זרזיר בקיבוצים")
    assert page in StandardPage.objects.search("הקיבוץ")


@pytest.mark.django_db
def test_the_editors_admin_search_matches_the_other_forms_too(admin_client, home):
    page = StandardPageFactory(parent=home, title="הזרזיר הנודד")
    edit = f"/admin/pages/{page.pk}/edit/"
    for query in ("זרזירים", "בזרזיר", "הזרז"):  # the last one as the editor is typing
        assert edit in admin_client.get("/admin/pages/search/", {"q": query}).content.decode()
    assert edit not in admin_client.get("/admin/pages/search/", {"q": "דרור"}).content.decode()
