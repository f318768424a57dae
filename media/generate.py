"""Demo pictures and a demo PDF, made on the spot: the seed downloads nothing.

The pictures are simple compositions of coloured shapes drawn with Pillow; the PDF is
written by hand (one A5 page of Helvetica text, which needs no embedded font).
"""

from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw

GREEN = (29, 94, 58)
DARK_GREEN = (19, 67, 40)
FIELD = (122, 168, 84)
WHEAT = (222, 190, 110)
SKY = (178, 214, 236)
SUN = (255, 191, 71)
RUST = (156, 61, 16)
CREAM = (246, 241, 226)
STONE = (201, 211, 203)


def _fields(draw, width, height):
    draw.rectangle((0, 0, width, height * 0.55), fill=SKY)
    draw.ellipse((width * 0.68, height * 0.1, width * 0.84, height * 0.34), fill=SUN)
    bands = [FIELD, WHEAT, GREEN, FIELD, WHEAT]
    for i, colour in enumerate(bands):
        top = height * (0.5 + i * 0.1)
        draw.polygon(
            [(0, top), (width, top - height * 0.06), (width, height), (0, height)], fill=colour
        )


def _meeting(draw, width, height):
    draw.rectangle((0, 0, width, height), fill=CREAM)
    cx, cy = width / 2, height / 2
    draw.ellipse((cx - 260, cy - 150, cx + 260, cy + 150), fill=WHEAT, outline=RUST, width=8)
    colours = [GREEN, RUST, DARK_GREEN, SUN, FIELD]
    seats = [
        (cx - 360, cy - 40),
        (cx - 230, cy - 230),
        (cx, cy - 280),
        (cx + 230, cy - 230),
        (cx + 360, cy - 40),
        (cx + 230, cy + 170),
        (cx, cy + 220),
        (cx - 230, cy + 170),
    ]
    for i, (x, y) in enumerate(seats):
        draw.ellipse((x - 55, y - 55, x + 55, y + 55), fill=colours[i % len(colours)])


def _houses(draw, width, height):
    draw.rectangle((0, 0, width, height), fill=SKY)
    draw.rectangle((0, height * 0.72, width, height), fill=FIELD)
    for i in range(5):
        left = 60 + i * 230
        top = height * 0.45
        draw.rectangle((left, top, left + 170, height * 0.75), fill=CREAM, outline=STONE, width=4)
        draw.polygon([(left - 20, top), (left + 85, top - 110), (left + 190, top)], fill=RUST)
        draw.rectangle((left + 65, height * 0.6, left + 105, height * 0.75), fill=DARK_GREEN)


def _path(draw, width, height):
    draw.rectangle((0, 0, width, height), fill=FIELD)
    draw.polygon(
        [(width * 0.42, height), (width * 0.58, height), (width * 0.52, 0), (width * 0.48, 0)],
        fill=WHEAT,
    )
    for i in range(6):
        for side in (0.2, 0.8):
            x, y = width * side + (i % 2) * 40, 60 + i * 130
            draw.ellipse((x - 70, y - 70, x + 70, y + 70), fill=DARK_GREEN)


def _cover(draw, width, height):
    draw.rectangle((0, 0, width, height), fill=GREEN)
    for i in range(6):
        inset = 90 + i * 60
        draw.arc(
            (inset - 400, inset, width + 400 - inset, height * 1.6 - inset),
            180,
            360,
            fill=SUN if i % 2 else CREAM,
            width=18,
        )
    draw.rectangle((0, height * 0.82, width, height), fill=DARK_GREEN)


def _video(draw, width, height):
    _fields(draw, width, height)
    cx, cy = width / 2, height / 2
    draw.ellipse((cx - 110, cy - 110, cx + 110, cy + 110), fill=DARK_GREEN)
    draw.polygon([(cx - 35, cy - 60), (cx - 35, cy + 60), (cx + 65, cy)], fill=CREAM)


PAINTERS = {
    "fields": _fields,
    "meeting": _meeting,
    "houses": _houses,
    "path": _path,
    "cover": _cover,
    "video": _video,
}


def picture(kind, size=(1200, 800), name=None):
    """A JPEG of the composition `kind` (one of PAINTERS), as a file for an Image model."""
    canvas = Image.new("RGB", size, CREAM)
    PAINTERS[kind](ImageDraw.Draw(canvas), *size)
    buffer = BytesIO()
    canvas.save(buffer, "JPEG", quality=85, optimize=True)
    return ImageFile(buffer, name=name or f"{kind}.jpg")


def _pdf_text(value):
    """A PDF string literal: ASCII with its delimiters escaped, or else UTF-16 in hex."""
    if value.isascii():
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped})".encode("ascii")
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def pdf(title, lines):
    """A minimal valid PDF 1.4: one A5 page with a green band and `lines` (ASCII) in
    Helvetica; `title` (any language) in the document information."""
    text = [b"BT /F1 20 Tf 48 500 Td 26 TL"]
    text += [_pdf_text(line) + b" Tj T*" for line in lines]
    text.append(b"ET")
    content = b"0.114 0.369 0.227 rg 0 515 420 80 re f\n0 0 0 rg\n" + b"\n".join(text)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Title " + _pdf_text(title) + b" /Producer (shitufi) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (
        len(objects) + 1,
        len(objects),
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def pdf_file(title, lines, name):
    return ContentFile(pdf(title, lines), name=name)
