"""The text of a publication's document is read in the background, searched with the
publication, and shown in a search result with the page it was found on; a file that
cannot be read is recorded and logged, and never keeps a publication from being published
or found by its own text."""

import io
import logging
import random

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from media import document_text
from media.factories import PublicationPageFactory
from media.models import DocumentText, PublicationPage
from media.panels import MESSAGES
from media.tasks import extract_document_text
from tests.html import soup

from .documents import document, docx, odt, pdf, zip_bomb

pytestmark = pytest.mark.django_db

# Words no other page of the site has.
ISSUE = [
    ["Quetzalcoatlus soared over the orchards", "שלום לחברי הקיבוצים השיתופיים"],
    [],  # a page with a picture only
    ["The Tamarisk assembly voted", "אספת החברים בקיבוצים הצביעה"],
]
Status = DocumentText.Status


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """What a change queues once it commits (tasks run inline in the tests): the test's
    own transaction never commits."""

    def committed(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return committed


@pytest.fixture
def publication(media_index):
    """A live publication whose document (the issue's PDF) has not been read yet."""
    return PublicationPageFactory(
        parent=media_index,
        title="חברה-מפנה, גיליון הבדיקה",
        document=document(pdf(ISSUE), "issue.pdf"),
    )


def _publish(page):
    page.save_revision().publish()


def _found(words, **filters):
    return list(Page.objects.live().filter(**filters).search(words))


# Reading the files


def test_a_pdf_gives_one_text_per_page_in_hebrew_and_english():
    pages = document_text.extract(io.BytesIO(pdf(ISSUE)), "issue.pdf")
    assert pages == [
        "Quetzalcoatlus soared over the orchards שלום לחברי הקיבוצים השיתופיים",
        "",
        "The Tamarisk assembly voted אספת החברים בקיבוצים הצביעה",
    ]


@pytest.mark.parametrize(
    ("build", "name", "heading"),
    [(docx, "report.docx", ""), (odt, "report.ODT", "כותרת המסמך ")],
    ids=["docx", "odt"],
)
def test_word_and_opendocument_files_give_one_text(build, name, heading):
    pages = document_text.extract(io.BytesIO(build(["פסקה בקיבוצים", "A second paragraph"])), name)
    assert pages == [f"{heading}פסקה בקיבוצים A second paragraph"]


def test_text_is_kept_as_searched():
    """No control characters (PostgreSQL stores no NUL), bidi marks or soft hyphens, which
    would glue to words; ligatures unfolded; one space between words."""
    assert document_text.normalize("a\x00b\u200fקיבוץ\u00ad\tﬁeld\n\n x") == "a bקיבוץ field x"


def test_a_zip_bomb_is_read_no_further_than_the_cap():
    """30 MB of XML in 38 kB: only the first MAX_XML_BYTES are read (a paragraph every
    tenth of a megabyte)."""
    bomb = zip_bomb(30)
    assert len(bomb) < 100_000
    (text,) = document_text.extract(io.BytesIO(bomb), "bomb.docx")
    assert text.split() == ["פצצה"] * (document_text.MAX_XML_BYTES * 10 // 2**20)


def test_xml_that_declares_entities_is_refused():
    """The billion laughs and external entities need a document type declaration, which
    DOCX and ODT files never have."""
    laughs = (
        '<!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<w:p><w:r><w:t>&b;</w:t></w:r></w:p>"
    )
    with pytest.raises(document_text.UnreadableDocument):
        document_text.extract(io.BytesIO(docx([], body=laughs)), "laughs.docx")


@pytest.mark.parametrize("name", ["broken.pdf", "broken.docx", "broken.odt"])
def test_a_broken_file_is_unreadable(name):
    with pytest.raises(document_text.UnreadableDocument):
        document_text.extract(io.BytesIO(b"\x89 not a document \x00" * 50), name)


def test_the_index_gets_the_text_up_to_its_vocabulary_cap():
    """PostgreSQL refuses a search vector whose distinct words pass 1 MB."""
    words = [f"word{n}" for n in range(200_000)]
    text = document_text.indexed_text([" ".join(words)])
    kept = text.split()
    assert 10_000 < len(kept) < len(words) and kept == words[: len(kept)]
    assert document_text.indexed_text(["קיבוץ " * 200_000]) == "קיבוץ " * 200_000


# Reading in the background, and searching


def test_publishing_reads_the_document_and_search_finds_its_words(publication, on_commit):
    assert not _found("Quetzalcoatlus")
    on_commit(_publish, publication)
    text = DocumentText.objects.get(document=publication.document)
    assert (text.status, text.file_hash) == (Status.DONE, publication.document.file_hash)
    assert len(text.pages) == 3
    assert [page.pk for page in _found("Quetzalcoatlus")] == [publication.pk]
    assert publication.pk in [page.pk for page in _found("Tamarisk assembly")]


def test_a_hebrew_word_in_the_document_is_found_under_its_other_forms(publication, on_commit):
    """The document says "בקיבוצים" and "השיתופיים"."""
    on_commit(_publish, publication)
    assert publication.pk in [page.pk for page in _found("קיבוץ שיתופי")]
    assert publication.pk in [page.pk for page in _found("אספת החברים")]


def test_a_document_with_a_vast_vocabulary_is_indexed_as_far_as_the_index_takes_it(
    media_index, on_commit
):
    """40,000 made-up Hebrew words, each with its keys: more than PostgreSQL takes in one
    page's search vector."""
    letters = "אבגדהוזחטיכלמנסעפצקרשת"
    made_up = random.Random(15)  # noqa: S311 (words, not secrets)
    words = ["ובהשתלמות"]
    for _ in range(40_000):
        words.append("וה" + "".join(made_up.choices(letters, k=made_up.randint(4, 7))) + "ים")
    page = PublicationPageFactory(
        parent=media_index, document=document(docx([" ".join(words)]), "lexicon.docx")
    )
    on_commit(_publish, page)
    assert DocumentText.objects.get(document=page.document).pages == [" ".join(words)]
    assert len(page.document_text()) < len(" ".join(words))
    assert page.pk in [found.pk for found in _found("השתלמות")]


def test_a_result_shows_the_pages_of_the_document_where_text_was_found(publication, on_commit):
    on_commit(_publish, publication)
    (result,) = Page.objects.live().specific().search("Quetzalcoatlus")
    url = publication.document.url
    with translation.override("en"):
        own, first, third = result.search_passages()
    assert own.text.startswith(publication.introduction) and not own.label
    assert first == (
        " ".join(ISSUE[0]),
        "Page 1 of “גיליון לדוגמה”",
        f"{url}#page=1",
    )
    assert third.label == "Page 3 of “גיליון לדוגמה”" and third.url == f"{url}#page=3"


def test_a_word_documents_text_is_one_passage_without_a_page(media_index, on_commit):
    page = PublicationPageFactory(
        parent=media_index, document=document(docx(["אסיפה כללית בנושא Ornithopter"]), "a.docx")
    )
    on_commit(_publish, page)
    with translation.override("en"):
        passages = PublicationPage.objects.get(pk=page.pk).search_passages()
    assert passages[1:] == [
        ("אסיפה כללית בנושא Ornithopter", "In the document “גיליון לדוגמה”", page.document.url)
    ]


def test_a_page_of_results_asks_no_more_queries_for_the_documents_text(
    media_index, on_commit, django_assert_num_queries
):
    pages = [
        PublicationPageFactory(parent=media_index, document=document(pdf(ISSUE), f"{n}.pdf"))
        for n in range(3)
    ]
    for page in pages:
        on_commit(_publish, page)
    results = list(Page.objects.live().specific().search("Quetzalcoatlus"))
    assert len(results) == 3
    with django_assert_num_queries(0):
        assert all(len(result.search_passages()) == 3 for result in results)


def test_the_site_search_lists_the_publication(client, publication, on_commit):
    on_commit(_publish, publication)
    response = client.get("/search/", {"q": "Quetzalcoatlus"})
    assert publication.title in soup(response).get_text()


def test_a_new_file_is_read_again_and_the_same_file_is_not(publication, on_commit):
    on_commit(_publish, publication)
    document = publication.document
    first = DocumentText.objects.get(document=document)

    document.title = "שם חדש"  # saved with the same file
    on_commit(document.save)
    on_commit(extract_document_text.enqueue, document.pk)
    assert DocumentText.objects.get(document=document).extracted_at == first.extracted_at

    document.file = ContentFile(pdf([["A Zeppelin over the fields"]]), name="new.pdf")
    document._set_document_file_metadata()
    on_commit(document.save)
    text = DocumentText.objects.get(document=document)
    assert text.file_hash == document.file_hash != first.file_hash
    assert text.pages == ["A Zeppelin over the fields"]
    assert [page.pk for page in _found("Zeppelin")] == [publication.pk]
    assert not _found("Quetzalcoatlus")

    on_commit(extract_document_text.enqueue, document.pk, again=True)
    assert DocumentText.objects.get(document=document).extracted_at > text.extracted_at


def test_a_document_made_in_code_gets_its_hash_and_is_read(media_index, on_commit):
    """The admin's upload form stores a file's hash; code (the seed) does not."""
    page = PublicationPageFactory(parent=media_index)  # its document made by the factory
    assert page.document.file_hash == ""
    on_commit(_publish, page)
    page.document.refresh_from_db()
    text = DocumentText.objects.get(document=page.document)
    assert page.document.file_hash and text.file_hash == page.document.file_hash
    assert text.status == Status.DONE and text.pages == ["Booklet"]


# Files that cannot be read


def test_a_broken_file_is_logged_and_the_publication_stays_published_and_found(
    media_index, on_commit, caplog
):
    page = PublicationPageFactory(
        parent=media_index,
        title="גיליון Wombat",
        document=document(b"\x89 not a PDF at all \x00" * 100, "broken.pdf"),
    )
    with caplog.at_level(logging.WARNING, logger="media"):
        on_commit(_publish, page)
    text = DocumentText.objects.get(document=page.document)
    assert text.status == Status.FAILED and text.error and text.pages == []
    (record,) = [r for r in caplog.records if r.name == "media.tasks"]
    assert record.levelno == logging.ERROR and "broken.pdf" in record.getMessage()
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert [found.pk for found in _found("Wombat")] == [page.pk]


def test_a_file_missing_from_the_storage_is_recorded_and_the_publication_published(
    publication, on_commit, caplog
):
    publication.document.file.storage.delete(publication.document.file.name)
    with caplog.at_level(logging.ERROR, logger="media"):
        on_commit(_publish, publication)
    assert DocumentText.objects.get(document=publication.document).status == Status.FAILED
    assert [r.levelno for r in caplog.records if r.name == "media.tasks"] == [logging.ERROR]
    publication.refresh_from_db()
    assert publication.live and not publication.has_unpublished_changes


@pytest.mark.parametrize(
    ("content", "name", "status"),
    [
        (pdf([[], []]), "scanned.pdf", Status.NO_TEXT),
        (b"PK\x03\x04 a spreadsheet", "figures.xlsx", Status.UNSUPPORTED),
    ],
    ids=["scanned-pdf", "xlsx"],
)
def test_a_scanned_pdf_or_another_kind_of_file_is_recorded_with_a_warning(
    media_index, on_commit, caplog, content, name, status
):
    page = PublicationPageFactory(parent=media_index, document=document(content, name))
    with caplog.at_level(logging.WARNING, logger="media"):
        on_commit(_publish, page)
    assert DocumentText.objects.get(document=page.document).status == status
    assert [r.levelno for r in caplog.records if r.name == "media.tasks"] == [logging.WARNING]
    assert page.specific.document_text() == ""


# Editors and operators


@pytest.mark.parametrize(
    ("content", "status"),
    [(pdf(ISSUE), "done"), (pdf([[]]), "no_text"), (b"broken", "failed")],
    ids=["done", "no_text", "failed"],
)
def test_the_edit_screen_tells_editors_whether_the_text_is_searched(
    admin_client, media_index, on_commit, content, status
):
    page = PublicationPageFactory(parent=media_index, document=document(content, "issue.pdf"))
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    with translation.override("he"):  # the admin's language
        not_read, expected = str(MESSAGES[None][1]), str(MESSAGES[status][1])
    assert not_read in soup(admin_client.get(edit)).get_text()
    on_commit(_publish, page)
    assert expected in soup(admin_client.get(edit)).get_text()


def test_the_command_queues_the_publications_documents_not_read(publication, media_index):
    read = PublicationPageFactory(parent=media_index, document=document(pdf(ISSUE), "read.pdf"))
    extract_document_text.enqueue(read.document_id)
    before = DocumentText.objects.get(document=read.document).extracted_at
    out = io.StringIO()
    call_command("extract_document_texts", stdout=out)
    assert out.getvalue().startswith("1 of ")
    assert DocumentText.objects.get(document=publication.document).status == Status.DONE
    assert DocumentText.objects.get(document=read.document).extracted_at == before

    call_command("extract_document_texts", "--all", stdout=out)
    assert DocumentText.objects.get(document=read.document).extracted_at > before
