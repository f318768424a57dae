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


def _share_a_key(first, second):
    return bool(keys(first) & keys(second))


# The rules that rebuild a spelling (measured on tests/search/: docs/decisions.md)


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("הוועדה", "ועדה"),  # plene spelling doubles a consonantal ו after a prefix
        ("בוועדה", "ועדות"),
        ("לוותיקים", "ותיק"),
        ("הוותיקה", "ותיקים"),
    ],
)
def test_the_doubled_vav_after_a_prefix_is_the_words_own(word, other):
    assert _share_a_key(word, other)


@pytest.mark.parametrize(
    ("adjective", "noun"),
    [
        ("קהילתי", "קהילה"),  # the adjective of a feminine noun keeps its ת
        ("הקהילתית", "קהילות"),
        ("הקהילתיים", "בקהילה"),
        ("תנועתי", "התנועה"),
        ("פנסיוני", "פנסיה"),  # -יה borrowed with "-ion"
        ("הפנסיונית", "פנסיות"),
        ("פנסיוניים", "הפנסיה"),
    ],
)
def test_an_adjective_meets_its_feminine_noun(adjective, noun):
    assert _share_a_key(adjective, noun)


@pytest.mark.parametrize(
    ("adjective", "other"),
    [
        ("חברתי", "חבר"),  # social, not a member: three letters are too few
        ("ערכתי", "ערך"),  # I edited, not a value
        ("דמיוני", "דמי"),  # imaginary, not fees
    ],
)
def test_short_stems_of_adjectives_are_not_made(adjective, other):
    assert not _share_a_key(adjective, other)


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("בתים", "בית"), ("בבתי", "הבית"), ("הערים", "עיר"), ("ימי", "יום"), ("לנשים", "אישה")],
)
def test_a_few_irregular_plurals_meet_their_singular(plural, singular):
    assert _share_a_key(plural, singular)


@pytest.mark.parametrize(
    ("pointed", "plene"),
    [
        ("קִבּוּץ", "קיבוץ"),  # י for a hiriq before a doubled letter
        ("בַּקִּבּוּץ", "בקיבוץ"),
        ("הַחֹק", "חוק"),  # ו for a holam
        ("אֻשַּׁר", "אושר"),  # ו for a qubuts
        ("הַשִּׁוְיוֹן", "שוויון"),  # a consonantal ו doubled, no י before a sheva
        ("הַוַּעֲדָה", "ועדה"),
        ("לִמּוּד", "לימוד"),  # a prefix letter's hiriq: both spellings
        ("לִמּוּד", "למוד"),
    ],
)
def test_a_pointed_word_gets_the_keys_of_its_plene_spelling(pointed, plene):
    assert normalize(plene) in keys(pointed)


def test_plene_spelling_writes_no_vav_for_a_holam_before_alef():
    assert keys("רֹאשׁ") == {"ראש"}


def test_unpointed_words_keep_their_spelling():
    assert keys("קבוץ") == {"קבוצ"}  # no plene spelling is guessed without points


def test_a_derived_key_is_never_every_with_a_prefix():
    """ "כלכלה" is also כ + "לכל" + ה: not a key, or it finds every page that says "לכל"."""
    assert "לכל" not in keys("כלכלה")
    assert "לכל" not in keys("כלכלי")
    assert keys("לכל") == {"לכל"}  # the word as written still is its own key
    assert not _share_a_key("כלכלה", "לכל")


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
@pytest.mark.parametrize("query", ['מנכ"ל', "מנכ״ל", 'למנכ"ל', 'זרזיר מנכ"ל'])
def test_an_abbreviation_typed_with_an_ascii_quote_finds_its_prefixed_forms(client, home, query):
    """The view turns `"` into a space ('מנכ"ל' arrives as "מנכ ל"): the backend joins a
    lone letter back to the word before it."""
    page = StandardPageFactory(parent=home, title="זרזיר", introduction="דברי המנכ״ל בכנס.")
    assert page.url in _found(client, query)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("ועדה", "ישיבת הוועדה"),
        ("קהילה", "המרכז הקהילתי"),
        ("פנסיה", "חיסכון פנסיוני"),
        ("בית", "בתי הילדים"),
        ("הַחֹק", "לפי החוק"),
        ("קִבּוּץ", "בקיבוץ שלנו"),
    ],
)
def test_the_rebuilt_spellings_work_on_the_site_search(client, home, query, text):
    page = StandardPageFactory(parent=home, title="זרזיר", introduction=text)
    assert _found(client, f"זרזיר {query}") == {page.url}


@pytest.mark.django_db
def test_economy_does_not_find_every(client, home):
    page = StandardPageFactory(parent=home, title="זרזיר", introduction="לכל חבר יש קול.")
    assert page.url not in _found(client, "כלכלה")


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
