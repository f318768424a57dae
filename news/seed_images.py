"""Illustrations for the seed content, drawn here with Pillow: no downloads, no text, no
people — abstract compositions in the site's palette.

`make_image(title, seed)` returns a Wagtail image with that title, drawing it only if no
image of that title exists yet, so running the seed again adds nothing. The seed picks
the motif (seed % 4) and varies the composition within it:

    0  layered green hills under a terracotta sun
    1  translucent circles gathered in a ring on dark green
    2  the furrows of a field running to the horizon, a low sun above
    3  concentric arches in green and terracotta on a light ground
"""

import functools
import math
import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1600, 900
SCALE = 2  # drawn at twice the size and scaled down, for smooth edges

GREEN = (0x1D, 0x5E, 0x3A)
DARK_GREEN = (0x13, 0x43, 0x28)
TERRACOTTA = (0x9C, 0x3D, 0x10)
LIGHT = (0xF3, 0xF6, 0xF2)
# Tints of the palette, for depth.
SAGE = (0x6F, 0x9A, 0x7C)
PALE_GREEN = (0xC9, 0xDB, 0xCD)
SAND = (0xE6, 0xB8, 0x93)
MOSS = (0x3E, 0x7D, 0x55)

MOTIFS = ("hills", "circles", "furrows", "arches")


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _gradient(size, top, bottom):
    """A vertical gradient from `top` to `bottom`."""
    mask = PILImage.linear_gradient("L").resize(size)
    return PILImage.composite(
        PILImage.new("RGB", size, bottom), PILImage.new("RGB", size, top), mask
    )


def _glow(canvas, centre, radius, colour, strength=90):
    """A soft halo around a point (a sun, a gathering)."""
    w, h = canvas.size
    layer = PILImage.new("L", (w, h), 0)
    x, y = centre
    ImageDraw.Draw(layer).ellipse((x - radius, y - radius, x + radius, y + radius), fill=strength)
    layer = layer.filter(ImageFilter.GaussianBlur(radius / 2))
    canvas.paste(PILImage.new("RGB", (w, h), colour), (0, 0), layer)


def _hills(rnd, w, h):
    canvas = _gradient((w, h), LIGHT, _mix(LIGHT, PALE_GREEN, 0.8))
    sun = (rnd.uniform(0.55, 0.8) * w, rnd.uniform(0.22, 0.34) * h)
    radius = rnd.uniform(0.09, 0.12) * h
    _glow(canvas, sun, radius * 2.2, SAND)
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((sun[0] - radius, sun[1] - radius, sun[0] + radius, sun[1] + radius), TERRACOTTA)
    layers = [PALE_GREEN, SAGE, MOSS, GREEN, DARK_GREEN]
    for i, colour in enumerate(layers):
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
        colour = (TERRACOTTA, SAND, LIGHT, PALE_GREEN)[i % 4]
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, 215))
    r = h * 0.11
    draw.ellipse((centre[0] - r, centre[1] - r, centre[0] + r, centre[1] + r), fill=(*LIGHT, 210))
    canvas.paste(overlay, (0, 0), overlay)
    return canvas


def _furrows(rnd, w, h):
    horizon = h * rnd.uniform(0.38, 0.46)
    canvas = _gradient((w, h), LIGHT, _mix(SAND, LIGHT, 0.3))
    draw = ImageDraw.Draw(canvas)
    sun_x, radius = w * rnd.uniform(0.2, 0.8), h * rnd.uniform(0.08, 0.11)
    sun_y = horizon - radius * rnd.uniform(0.9, 1.6)
    _glow(canvas, (sun_x, sun_y), radius * 2.5, SAND, strength=110)
    draw.ellipse((sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius), TERRACOTTA)
    draw.rectangle((0, horizon, w, h), fill=GREEN)
    vanish = w * rnd.uniform(0.35, 0.65)
    stripes = rnd.randint(14, 20)
    spread = w * 2.4
    for i in range(stripes):
        left = vanish - spread / 2 + spread * i / stripes
        right = vanish - spread / 2 + spread * (i + 0.5) / stripes
        colour = (MOSS, DARK_GREEN)[i % 2]
        draw.polygon([(vanish, horizon), (left, h), (right, h)], fill=colour)
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
        r = outer - i * band
        draw.ellipse((x - r, h - r, x + r, h + r), fill=colour)
    r = outer - len(colours) * band
    draw.ellipse((x - r, h - r, x + r, h + r), fill=LIGHT)
    for _ in range(rnd.randint(2, 3)):  # small echoes of the arch, further away
        ex, er = rnd.uniform(0.05, 0.95) * w, h * rnd.uniform(0.12, 0.2)
        if abs(ex - x) < outer + er:
            continue
        draw.ellipse((ex - er, h - er, ex + er, h + er), fill=SAGE)
        draw.ellipse((ex - er * 0.6, h - er * 0.6, ex + er * 0.6, h + er * 0.6), fill=LIGHT)
    return canvas


DRAW = {"hills": _hills, "circles": _circles, "furrows": _furrows, "arches": _arches}


def motif(seed):
    return MOTIFS[seed % len(MOTIFS)]


@functools.cache
def draw_illustration(seed):
    """The JPEG bytes of illustration number `seed` (the same seed draws the same image).
    Kept for the process's life: drawing all of them takes ~15 s, and the end-to-end tests
    seed the site once per test."""
    rnd = random.Random(seed)  # noqa: S311 — a drawing, not a secret
    large = DRAW[motif(seed)](rnd, WIDTH * SCALE, HEIGHT * SCALE)
    image = large.resize((WIDTH, HEIGHT), PILImage.Resampling.LANCZOS)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def make_image(title, seed):
    """The image titled `title`; drawn and saved only if no image has that title yet."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing
    image = Image(title=title)
    image.file = ImageFile(BytesIO(draw_illustration(seed)), name=f"illustration-{seed:03d}.jpg")
    image.save()
    return image
