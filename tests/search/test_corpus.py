"""The corpus of the search measurement is what tests/search/corpus.py says it is: enough
families, no form in two of them, and each document's families derived from the forms."""

import pytest

from . import corpus


def test_there_are_at_least_forty_families_with_their_forms():
    families = corpus.families()
    assert len(families) >= 40
    assert all(len(family.forms) >= 5 for family in families)
    assert len({family.lemma for family in families}) == len(families)


def test_no_form_belongs_to_two_families():
    seen = {}
    for family in corpus.families():
        for form in family.plain_forms:
            assert seen.setdefault(form, family.lemma) == family.lemma, form


@pytest.mark.parametrize(
    # Roots whose first letter is also a prefix letter.
    "lemma",
    ["ברית", "משק", "הסכם", "לימוד", "מועצה", "בית", "שבת", "הון"],
)
def test_roots_that_start_like_a_prefix_are_in(lemma):
    assert lemma in {family.lemma for family in corpus.families()}


def test_each_documents_families_are_those_whose_forms_it_contains():
    documents = corpus.documents()
    assert len(documents) >= 150
    for document in documents:
        assert document.families == corpus.families_in(document.text), document.text


def test_every_family_is_in_several_documents():
    for family in corpus.families():
        count = sum(family.lemma in document.families for document in corpus.documents())
        assert count >= 5, family.lemma


def test_pointed_and_abbreviated_forms_are_in():
    forms = [form for family in corpus.families() for form in family.forms]
    assert any(form != corpus.plain(form) and "״" not in form for form in forms)  # points
    assert any("״" in form for form in forms)
    assert any('"' in form for form in forms)


def test_the_distractors_are_in_the_documents_and_of_no_family():
    words = {word for document in corpus.documents() for word in corpus.words(document.text)}
    forms = set().union(*(family.plain_forms for family in corpus.families()))
    lemmas = {family.lemma for family in corpus.families()} | {"-"}
    assert len(corpus.distractors()) >= 30
    for distractor in corpus.distractors():
        assert distractor.word in words, distractor
        assert distractor.word not in forms, distractor
        assert distractor.lemma in lemmas, distractor
