"""The text of an uploaded document, for search: one text per page of a PDF, one text for a
Word (DOCX) or OpenDocument (ODT) file.

Files come from editors' computers and may be broken or hostile, so every reader is
bounded: pages and characters are capped, a zip member is read as a stream and never past
`MAX_XML_BYTES` (a zip bomb stops there), its XML is parsed as it comes without building a
tree, and an XML document type declaration (where entity bombs and external entities are
declared) is refused."""

import posixpath
import re
import unicodedata
import zipfile
import zlib
from xml.parsers import expat

import pypdf

from core import hebrew

MAX_PAGES = 2000
MAX_CHARS = 2_000_000  # of text kept, all pages together
MAX_XML_BYTES = 20 * 1024 * 1024  # read from the zip member that holds a DOCX's or ODT's text
# Distinct words (and their Hebrew keys) of the text put in the search index, in UTF-8
# bytes: PostgreSQL refuses a page's search vector whose distinct words pass 1 MB, and the
# page's own text shares that megabyte.
MAX_INDEXED_VOCABULARY = 700_000

PAGED = {"pdf"}  # kinds whose texts are pages, numbered as the reader's viewer numbers them
SUPPORTED = {"pdf", "docx", "odt"}

_CHUNK = 64 * 1024
# Control characters (NUL among them: PostgreSQL cannot store it) and zero-width spaces become
# spaces; soft hyphens, bidi marks and joiners go (a word with a mark glued to it would not
# match the word as typed); all other whitespace runs become one space.
_SPACES = [*range(0x20), *range(0x7F, 0xA0), 0x200B]
_DROPPED = [0xAD, 0x61C, *range(0x200C, 0x2010), *range(0x202A, 0x202F), 0x2060, 0xFEFF]
_CONTROLS = dict.fromkeys(_SPACES, " ") | dict.fromkeys([*_DROPPED, *range(0x2066, 0x206A)])


class DocumentTextError(Exception):
    """The document's text cannot be had."""


class UnsupportedDocument(DocumentTextError):
    """A kind of file whose text is not read (a spreadsheet, a presentation...)."""


class UnreadableDocument(DocumentTextError):
    """A file that is not a readable document of its kind: broken, encrypted, or not what
    its name says."""


def kind(name):
    """The kind of a file by its name's extension, as Wagtail's upload form checked it."""
    return posixpath.splitext(name)[1].lstrip(".").lower()


def normalize(text):
    """One line of searchable text: compatibility forms folded (ligatures such as "ﬁ",
    Hebrew presentation forms), control characters and soft hyphens gone, whitespace
    collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_CONTROLS).split())


def extract(file, name=None):
    """The texts of `file` (a binary file object; its kind from `name`, or its own name):
    one per page of a PDF, a single one for a DOCX or ODT, each normalized, all together
    at most MAX_CHARS. Raises UnsupportedDocument or UnreadableDocument."""
    file_kind = kind(name or file.name)
    if file_kind not in SUPPORTED:
        raise UnsupportedDocument(f"no text is read from .{file_kind} files")
    reader = {"pdf": _pdf_pages, "docx": _docx_pages, "odt": _odt_pages}[file_kind]
    pages, room = [], MAX_CHARS
    for text in reader(file):
        text = normalize(text)[:room]
        pages.append(text)
        room -= len(text)
        if room <= 0 or len(pages) == MAX_PAGES:
            break
    return pages


def _pdf_pages(file):
    # pypdf raises more than its own errors on broken files (ValueError, KeyError...): any
    # error while reading the file's structure means the file is unreadable.
    try:
        reader = pypdf.PdfReader(file)
        # Many PDFs are encrypted only to restrict printing or copying, with no password
        # to open them.
        locked = reader.is_encrypted and not reader.decrypt("")
        pages = [] if locked else list(reader.pages[:MAX_PAGES])
    except Exception as error:
        raise UnreadableDocument(f"not a readable PDF: {error}") from error
    if locked:
        raise UnreadableDocument("the PDF asks for a password")
    failures = 0
    texts = []
    for page in pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # one broken page: the others can still be read
            failures += 1
            texts.append("")
    if pages and failures == len(pages):
        raise UnreadableDocument("no page of the PDF could be read")
    return texts


# What reading a zip member may raise on a broken or hostile file: a bad archive or checksum,
# broken compressed data, an unknown compression method, an encrypted member (RuntimeError).
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, EOFError)


def _zip_member(file, member):
    try:
        return zipfile.ZipFile(file).open(member)
    except (*_ZIP_ERRORS, KeyError) as error:  # KeyError: no such member
        raise UnreadableDocument(f"not a readable document: {error}") from error


class _Paragraphs:
    """An expat handler that keeps the text of each paragraph as it ends, building no tree:
    memory holds the paragraphs not yet taken and the open ones only.

    `text_in`: the elements whose character data is text (DOCX: w:t, and not w:instrText,
    w:delText...), or None for all the data inside a paragraph (ODT). `spaces`: elements
    that stand for a space (a tab, a line break). `skipped`: elements whose data is not the
    reader's (an ODT note's number). A paragraph inside another (a text box, a note's body)
    is a paragraph of its own."""

    def __init__(self, paragraphs, spaces, text_in=None, skipped=frozenset()):
        self.tags = paragraphs, spaces, text_in, skipped
        self.open = []  # the text of each open paragraph, innermost last, as a list of parts
        self.ended = []
        self.chars = 0
        self.in_text = self.in_skipped = 0

    def start(self, name, attributes):
        paragraphs, spaces, text_in, skipped = self.tags
        if name in paragraphs:
            self.open.append([])
        elif name in spaces and self.open:
            self.open[-1].append(" ")
        self.in_skipped += name in skipped
        self.in_text += text_in is not None and name in text_in

    def end(self, name):
        paragraphs, _spaces, text_in, skipped = self.tags
        if name in paragraphs:
            self.ended.append("".join(self.open.pop()))
        self.in_skipped -= name in skipped
        self.in_text -= text_in is not None and name in text_in

    def data(self, text):
        if self.open and not self.in_skipped and (self.tags[2] is None or self.in_text):
            self.open[-1].append(text)
            self.chars += len(text)

    def taken(self, everything=False):
        """The paragraphs ended since the last call; `everything`: the open ones' text too."""
        texts = self.ended + ["".join(parts) for parts in self.open if everything]
        self.ended = []
        return texts


def _refuse_doctype(*args):
    # DOCX and ODT files have no document type declaration: one can only declare entities
    # (expansion bombs, external files), so it is refused before any is read.
    raise UnreadableDocument("the document's XML declares a document type")


def _paragraph_texts(stream, handler):
    """The paragraphs' texts of an XML stream, read in chunks up to MAX_XML_BYTES and
    MAX_CHARS (what is past them is left out)."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True  # character data in one piece, not cut at every line
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.data
    read = 0
    try:
        while True:
            chunk = stream.read(min(_CHUNK, MAX_XML_BYTES - read))
            read += len(chunk)
            parser.Parse(chunk, not chunk)
            full = read >= MAX_XML_BYTES or handler.chars >= MAX_CHARS
            yield from handler.taken(everything=full)
            if not chunk or full:
                return
    except (expat.ExpatError, *_ZIP_ERRORS) as error:
        # Not well-formed XML, or the member's compressed data broken.
        raise UnreadableDocument(f"the document's text is broken: {error}") from error


def _docx_pages(file):
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main "
    handler = _Paragraphs({w + "p"}, {w + "tab", w + "br", w + "cr"}, text_in={w + "t"})
    with _zip_member(file, "word/document.xml") as stream:
        yield "\n".join(_paragraph_texts(stream, handler))


def _odt_pages(file):
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0 "
    handler = _Paragraphs(
        {text + "p", text + "h"},
        {text + "s", text + "tab", text + "line-break"},
        skipped={text + "note-citation"},  # a note's number, glued to the word before it
    )
    with _zip_member(file, "content.xml") as stream:
        yield "\n".join(_paragraph_texts(stream, handler))


def indexed_text(pages):
    """The pages' text as the search index gets it: all of it, or its beginning up to the
    word with which its vocabulary passes MAX_INDEXED_VOCABULARY bytes. The vocabulary is
    counted as the index stores it, each distinct form once: the words (generously: with
    their punctuation, in each letter case) and their Hebrew keys."""
    text = "\n".join(pages)
    seen, size = set(), 0
    for match in re.finditer(r"\S+", text):
        word = match.group()
        if word in seen:
            continue
        forms = {word, *hebrew.keys(word)} - seen
        seen |= forms
        size += sum(len(form.encode()) for form in forms)
        if size > MAX_INDEXED_VOCABULARY:
            return text[: match.start()]
    return text
