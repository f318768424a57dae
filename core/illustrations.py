"""Pictures and a PDF for the demo content, made on the spot with Pillow: the seed downloads
nothing. No text and no people in the pictures: compositions in the site's palette.

`make_image(title, motif, seed)` returns the Wagtail image with that title, drawing it only if
there is none yet, so running the seed again adds nothing. The motifs:

    hills     layered green hills under a terracotta sun
    circles   translucent circles gathered in a ring on dark green
    furrows   the furrows of a field running to the horizon, a low sun above
    arches    concentric arches in green and terracotta on a light ground
    fields    sun and sky over bands of fields
    meeting   seats in a circle around a table
    houses    a row of houses with red roofs
    path      a path between two rows of trees
    cover     a journal's cover: arcs over green
    video     the fields with a play button

The first four vary with the seed (it seeds their randomness); the others are fixed.
The setting SEED_ILLUSTRATION_WIDTH caps a picture's width, keeping its proportions: the tests
draw small ones, which is much faster.
"""

import math
import random
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.images import get_image_model

LANDSCAPE = (1600, 900)
SCALE = 2  # drawn at twice the size and scaled down, for smooth edges

GREEN = (0x1D, 0x5E, 0x3A)
DARK_GREEN = (0x13, 0x43, 0x28)
TERRACOTTA = (0x9C, 0x3D, 0x10)
LIGHT = (0xF3, 0xF6, 0xF2)
CREAM = (0xF6, 0xF1, 0xE2)
# Tints of the palette, for depth, and the colours of the countryside.
SAGE = (0x6F, 0x9A, 0x7C)
PALE_GREEN = (0xC9, 0xDB, 0xCD)
MOSS = (0x3E, 0x7D, 0x55)
SAND = (0xE6, 0xB8, 0x93)
STONE = (0xC9, 0xD3, 0xCB)
FIELD = (0x7A, 0xA8, 0x54)
WHEAT = (0xDE, 0xBE, 0x6E)
SKY = (0xB2, 0xD6, 0xEC)
SUN = (0xFF, 0xBF, 0x47)


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _gradient(size, top, bottom):
    """A vertical gradient from `top` to `bottom`."""
    mask = PILImage.linear_gradient("L").resize(size)
    return PILImage.composite(
        PILImage.new("RGB", size, bottom), PILImage.new("RGB", size, top), mask
    )


def _plain(w, h, colour):
    canvas = PILImage.new("RGB", (w, h), colour)
    return canvas, ImageDraw.Draw(canvas)


def _disc(draw, x, y, r, fill, **options):
    draw.ellipse((x - r, y - r, x + r, y + r), fill=fill, **options)


def _glow(canvas, centre, radius, colour, strength=90):
    """A soft halo around a point (a sun, a gathering)."""
    w, h = canvas.size
    layer = PILImage.new("L", (w, h), 0)
    _disc(ImageDraw.Draw(layer), *centre, radius, strength)
    layer = layer.filter(ImageFilter.GaussianBlur(radius / 2))
    canvas.paste(PILImage.new("RGB", (w, h), colour), (0, 0), layer)


def _hills(rnd, w, h):
    canvas = _gradient((w, h), LIGHT, _mix(LIGHT, PALE_GREEN, 0.8))
    sun = (rnd.uniform(0.55, 0.8) * w, rnd.uniform(0.22, 0.34) * h)
    radius = rnd.uniform(0.09, 0.12) * h
    _glow(canvas, sun, radius * 2.2, SAND)
    draw = ImageDraw.Draw(canvas)
    _disc(draw, *sun, radius, TERRACOTTA)
    for i, colour in enumerate([PALE_GREEN, SAGE, MOSS, GREEN, DARK_GREEN]):
        base = h * (0.48 + i * 0.11)
        amplitude = h * rnd.uniform(0.03, 0.07)
        frequency = rnd.uniform(1.2, 2.4)
        phase = rnd.uniform(0, math.tau)
        points = [
            (x, base - amplitude * math.sin(frequency * math.tau * x / w + phase))
            for x in range(0, w + 8, 8)
        ]
        draw.polygon([(0, h), *points, (w, h)], fill=colour)
    return canvas


def _circles(rnd, w, h):
    canvas = _gradient((w, h), DARK_GREEN, GREEN)
    centre = (w * rnd.uniform(0.42, 0.58), h * rnd.uniform(0.45, 0.55))
    _glow(canvas, centre, h * 0.45, MOSS, strength=120)
    overlay = PILImage.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    count = rnd.randint(7, 10)
    ring = h * rnd.uniform(0.27, 0.32)
    start = rnd.uniform(0, math.tau)
    for i in range(count):
        angle = start + math.tau * i / count
        r = h * rnd.uniform(0.09, 0.13)
        x, y = centre[0] + ring * math.cos(angle), centre[1] + ring * math.sin(angle)
        _disc(draw, x, y, r, (*(TERRACOTTA, SAND, LIGHT, PALE_GREEN)[i % 4], 215))
    _disc(draw, *centre, h * 0.11, (*LIGHT, 210))
    canvas.paste(overlay, (0, 0), overlay)
    return canvas


def _furrows(rnd, w, h):
    horizon = h * rnd.uniform(0.38, 0.46)
    canvas = _gradient((w, h), LIGHT, _mix(SAND, LIGHT, 0.3))
    draw = ImageDraw.Draw(canvas)
    sun_x, radius = w * rnd.uniform(0.2, 0.8), h * rnd.uniform(0.08, 0.11)
    sun_y = horizon - radius * rnd.uniform(0.9, 1.6)
    _glow(canvas, (sun_x, sun_y), radius * 2.5, SAND, strength=110)
    _disc(draw, sun_x, sun_y, radius, TERRACOTTA)
    draw.rectangle((0, horizon, w, h), fill=GREEN)
    vanish = w * rnd.uniform(0.35, 0.65)
    stripes = rnd.randint(14, 20)
    spread = w * 2.4
    for i in range(stripes):
        left = vanish - spread / 2 + spread * i / stripes
        right = vanish - spread / 2 + spread * (i + 0.5) / stripes
        draw.polygon([(vanish, horizon), (left, h), (right, h)], fill=(MOSS, DARK_GREEN)[i % 2])
    # a strip of trees along the horizon
    x = 0.0
    while x < w:
        size = h * rnd.uniform(0.015, 0.035)
        draw.ellipse((x, horizon - size * 1.6, x + size * 2, horizon + size * 0.4), DARK_GREEN)
        x += size * rnd.uniform(1.2, 2.0)
    return canvas


def _arches(rnd, w, h):
    canvas = _gradient((w, h), LIGHT, _mix(LIGHT, SAND, 0.35))
    draw = ImageDraw.Draw(canvas)
    x = w * rnd.choice((rnd.uniform(0.25, 0.4), rnd.uniform(0.6, 0.75)))
    colours = [DARK_GREEN, GREEN, MOSS, TERRACOTTA, SAND, SAGE, PALE_GREEN]
    outer = h * rnd.uniform(0.7, 0.85)
    band = outer / (len(colours) + 1)
    for i, colour in enumerate(colours):
        _disc(draw, x, h, outer - i * band, colour)
    _disc(draw, x, h, outer - len(colours) * band, LIGHT)
    for _ in range(rnd.randint(2, 3)):  # small echoes of the arch, further away
        ex, er = rnd.uniform(0.05, 0.95) * w, h * rnd.uniform(0.12, 0.2)
        if abs(ex - x) < outer + er:
            continue
        _disc(draw, ex, h, er, SAGE)
        _disc(draw, ex, h, er * 0.6, LIGHT)
    return canvas


# The fixed compositions were laid out in pixels of a 1200-pixel-wide picture (the cover:
# 900 wide); `u` is that pixel at the size drawn.


def _draw_fields(draw, w, h):
    draw.rectangle((0, 0, w, h * 0.55), fill=SKY)
    draw.ellipse((w * 0.68, h * 0.1, w * 0.84, h * 0.34), fill=SUN)
    for i, colour in enumerate([FIELD, WHEAT, GREEN, FIELD, WHEAT]):
        top = h * (0.5 + i * 0.1)
        draw.polygon([(0, top), (w, top - h * 0.06), (w, h), (0, h)], fill=colour)


def _fields(rnd, w, h):
    canvas, draw = _plain(w, h, CREAM)
    _draw_fields(draw, w, h)
    return canvas


def _meeting(rnd, w, h):
    canvas, draw = _plain(w, h, CREAM)
    u = w / 1200
    cx, cy = w / 2, h / 2
    draw.ellipse(
        (cx - 260 * u, cy - 150 * u, cx + 260 * u, cy + 150 * u),
        fill=WHEAT,
        outline=TERRACOTTA,
        width=round(8 * u),
    )
    colours = [GREEN, TERRACOTTA, DARK_GREEN, SUN, FIELD]
    seats = [(-360, -40), (-230, -230), (0, -280), (230, -230), (360, -40)]
    seats += [(230, 170), (0, 220), (-230, 170)]
    for i, (x, y) in enumerate(seats):
        _disc(draw, cx + x * u, cy + y * u, 55 * u, colours[i % len(colours)])
    return canvas


def _houses(rnd, w, h):
    canvas, draw = _plain(w, h, SKY)
    u = w / 1200
    draw.rectangle((0, h * 0.72, w, h), fill=FIELD)
    top = h * 0.45
    for i in range(5):
        left = (60 + i * 230) * u
        draw.rectangle(
            (left, top, left + 170 * u, h * 0.75), fill=CREAM, outline=STONE, width=round(4 * u)
        )
        roof = [(left - 20 * u, top), (left + 85 * u, top - 110 * u), (left + 190 * u, top)]
        draw.polygon(roof, fill=TERRACOTTA)
        draw.rectangle((left + 65 * u, h * 0.6, left + 105 * u, h * 0.75), fill=DARK_GREEN)
    return canvas


def _path(rnd, w, h):
    canvas, draw = _plain(w, h, FIELD)
    u = w / 1200
    draw.polygon([(w * 0.42, h), (w * 0.58, h), (w * 0.52, 0), (w * 0.48, 0)], fill=WHEAT)
    for i in range(6):
        for side in (0.2, 0.8):
            _disc(draw, w * side + (i % 2) * 40 * u, (60 + i * 130) * u, 70 * u, DARK_GREEN)
    return canvas


def _cover(rnd, w, h):
    canvas, draw = _plain(w, h, GREEN)
    u = w / 900
    for i in range(6):
        inset = (90 + i * 60) * u
        draw.arc(
            (inset - 400 * u, inset, w + 400 * u - inset, h * 1.6 - inset),
            180,
            360,
            fill=SUN if i % 2 else CREAM,
            width=round(18 * u),
        )
    draw.rectangle((0, h * 0.82, w, h), fill=DARK_GREEN)
    return canvas


def _video(rnd, w, h):
    canvas, draw = _plain(w, h, CREAM)
    u = w / 1200
    _draw_fields(draw, w, h)
    cx, cy = w / 2, h / 2
    _disc(draw, cx, cy, 110 * u, DARK_GREEN)
    draw.polygon([(cx - 35 * u, cy - 60 * u), (cx - 35 * u, cy + 60 * u), (cx + 65 * u, cy)], CREAM)
    return canvas


MOTIFS = {
    "hills": _hills,
    "circles": _circles,
    "furrows": _furrows,
    "arches": _arches,
    "fields": _fields,
    "meeting": _meeting,
    "houses": _houses,
    "path": _path,
    "cover": _cover,
    "video": _video,
}


def _capped(size):
    width, height = size
    cap = settings.SEED_ILLUSTRATION_WIDTH
    return size if width <= cap else (cap, round(height * cap / width))


def _jpeg(motif, seed, size):
    rnd = random.Random(seed)  # noqa: S311 — a drawing, not a secret
    width, height = size
    large = MOTIFS[motif](rnd, width * SCALE, height * SCALE)
    image = large.resize(size, PILImage.Resampling.LANCZOS)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def illustration(motif, seed=0, size=LANDSCAPE):
    """The JPEG bytes of `motif` drawn with `seed` (the same seed draws the same picture)."""
    return _jpeg(motif, seed, _capped(size))


def make_image(title, motif, seed=0, size=LANDSCAPE):
    """The image titled `title`; drawn and saved only if no image has that title yet."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing
    content = illustration(motif, seed, size)
    image = Image(title=title)
    image.file = ImageFile(BytesIO(content), name=f"{motif}-{seed:03d}.jpg")
    image.save()
    return image


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
