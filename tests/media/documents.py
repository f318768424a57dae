"""Real documents for the tests of reading their text: PDFs with Hebrew and English pages,
DOCX and ODT files, a broken file and a zip bomb, made on the spot."""

import io
import zipfile

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection


def _visual(line):
    """A Hebrew line as PDF producers write it: glyphs placed left to right on the page,
    so in reverse order (text readers turn it back, as pypdf does)."""
    return line[::-1] if any("\u05d0" <= ch <= "\u05ea" for ch in line) else line


def pdf(pages):
    """A PDF whose pages show `pages` (each a list of lines, Hebrew or English; an empty list
    for a page without text, as a scanned page is). One simple font: codes 1..n stand for
    the characters used, and its ToUnicode map gives them back, as an embedded subset
    font's does."""
    chars = sorted({ch for page in pages for line in page for ch in line})
    code = {ch: number for number, ch in enumerate(chars, start=1)}
    cmap = "\n".join(f"<{code[ch]:02X}> <{ord(ch):04X}>" for ch in chars)
    to_unicode = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Test def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{cmap}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(pages)))
    widths = " ".join(["500"] * len(chars))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 "
        f"/LastChar {max(len(chars), 1)} /Widths [{widths or '500'}] /ToUnicode 4 0 R >>".encode(),
        _stream(to_unicode),
    ]
    for number, lines in enumerate(pages):
        ops = ["0.5 g 40 40 515 760 re f 0 g"]  # a grey page, as a scan would be
        if lines:
            ops += ["BT /F1 12 Tf 40 780 Td 16 TL"]
            ops += [f"<{bytes(code[ch] for ch in _visual(line)).hex()}> Tj T*" for line in lines]
            ops.append("ET")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
            b"<< /F1 3 0 R >> >> /Contents %d 0 R >>" % (6 + 2 * number)
        )
        objects.append(_stream("\n".join(ops).encode()))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(content):
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(paragraphs, body=None):
    """A Word document with `paragraphs`, each in two runs (as Word cuts text), or with the
    XML `body` given."""
    if body is None:
        body = "".join(
            f"<w:p><w:r><w:t>{text[: len(text) // 2]}</w:t></w:r>"
            f'<w:r><w:t xml:space="preserve">{text[len(text) // 2 :]}</w:t></w:r></w:p>'
            for text in paragraphs
        )
    document = f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
    return _zip(
        {
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "word/document.xml": document,
        }
    )


def odt(paragraphs):
    """An OpenDocument text with a heading and `paragraphs`, the heading and the last
    paragraph with a styled span in them."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    *plain, last = paragraphs
    body = "".join(f"<text:p>{text}</text:p>" for text in plain)
    first, _space, rest = last.partition(" ")
    body += f'<text:p><text:span text:style-name="T1">{first}</text:span><text:s/>{rest}</text:p>'
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {ns}>"
        "<office:body><office:text>"
        '<text:h text:outline-level="1">כותרת<text:tab/>המסמך</text:h>'
        f"{body}</office:text></office:body></office:document-content>"
    )
    return _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


def zip_bomb(megabytes, words_per_megabyte=10):
    """A DOCX whose text part unpacks to `megabytes` MB: a paragraph "פצצה" every tenth of a
    megabyte, the rest an XML comment (a few kB on disk)."""
    unit = "<w:p><w:r><w:t>פצצה</w:t></w:r></w:p><!--" + "0" * (2**20 // words_per_megabyte) + "-->"
    return docx([], body=unit * (megabytes * words_per_megabyte))


def document(content, name, title="גיליון לדוגמה"):
    """A Wagtail document with the file `content` named `name`, its hash stored as the
    admin's upload form stores it."""
    document = get_document_model()(
        title=title,
        file=ContentFile(content, name=name),
        collection=Collection.get_first_root_node(),
    )
    document._set_document_file_metadata()
    document.save()
    return document
