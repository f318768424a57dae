"""Checking the files a member attaches: how many, how big, what they really are, and
what they are called. A file is judged by its extension *and* its first bytes, so an HTML
page or a program renamed ".pdf" is refused."""

import unicodedata
import zipfile
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_TOTAL_SIZE = 25 * 1024 * 1024
MAX_NAME_LENGTH = 120


def _zip_has(upload, *names):
    try:
        with zipfile.ZipFile(upload) as archive:
            present = set(archive.namelist())
            return all(name in present for name in names)
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _is_odt(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            first = archive.infolist()[0]
            return (
                first.filename == "mimetype"
                and first.file_size < 100
                and archive.read(first) == b"application/vnd.oasis.opendocument.text"
            )
    except (zipfile.BadZipFile, OSError, ValueError, IndexError, KeyError):
        return False


def _starts_with(prefix):
    def check(upload):
        return upload.read(len(prefix)) == prefix

    return check


# extension: (MIME type served back, content check)
ALLOWED = {
    ".pdf": ("application/pdf", _starts_with(b"%PDF-")),
    ".jpg": ("image/jpeg", _starts_with(b"\xff\xd8\xff")),
    ".jpeg": ("image/jpeg", _starts_with(b"\xff\xd8\xff")),
    ".png": ("image/png", _starts_with(b"\x89PNG\r\n\x1a\n")),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda upload: _zip_has(upload, "[Content_Types].xml", "word/document.xml"),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda upload: _zip_has(upload, "[Content_Types].xml", "xl/workbook.xml"),
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", _is_odt),
}


def clean_name(name):
    """The file's own name, made safe to show and to send back in a header: no folders,
    no control, invisible or direction-changing characters, no leading dots, not too long."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in ("C", "Z") or ch == " ")
    name = " ".join(name.split()).lstrip(".").strip()
    path = PurePosixPath(name or "file")
    suffix = path.suffix.lower()[:10]
    stem = path.stem[: MAX_NAME_LENGTH - len(suffix)] or "file"
    return f"{stem}{suffix}"


def check(uploads):
    """Raises ValidationError, with every problem named, unless all the files are fine.
    Returns [(upload, clean name, MIME type)]."""
    errors, accepted = [], []
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            _("Attach at most %(count)d files.") % {"count": MAX_FILES}, code="too_many"
        )
    total = 0
    for upload in uploads:
        name = clean_name(upload.name)
        suffix = PurePosixPath(name).suffix.lower()
        total += upload.size
        if suffix not in ALLOWED:
            errors.append(
                ValidationError(
                    _(
                        "“%(name)s”: only PDF, Word (DOCX), OpenDocument (ODT), Excel (XLSX), "
                        "JPEG and PNG files can be attached."
                    )
                    % {"name": name},
                    code="type",
                )
            )
            continue
        if upload.size > MAX_FILE_SIZE:
            errors.append(
                ValidationError(_("“%(name)s” is larger than 10 MB.") % {"name": name}, code="size")
            )
            continue
        content_type, looks_right = ALLOWED[suffix]
        upload.seek(0)
        matches = looks_right(upload)
        upload.seek(0)
        if not matches:
            errors.append(
                ValidationError(
                    _("“%(name)s” is not really a %(kind)s file.")
                    % {"name": name, "kind": suffix[1:].upper()},
                    code="content",
                )
            )
            continue
        accepted.append((upload, name, content_type))
    if total > MAX_TOTAL_SIZE:
        errors.append(ValidationError(_("The files together are larger than 25 MB."), code="total"))
    if errors:
        raise ValidationError(errors)
    return accepted
