"""Israeli mobile numbers, as people write them, to one form: E.164 (+9725XXXXXXXX).

The list is for reaching people by phone and by text message, so only mobile numbers
(05X) are taken; a landline is refused with a message that says so."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What people put between digits: spaces, dashes, dots, parentheses.
_SEPARATORS = re.compile(r"[\s\-.()\u200e\u200f]")
MAX_INPUT_LENGTH = 30


def normalise_mobile(value):
    """E.164 ("+972501234567") from 050-1234567, 0501234567, +972-50-123-4567,
    972501234567, (050) 123 4567…; ValidationError for anything else."""
    digits = _SEPARATORS.sub("", value or "")
    if digits.startswith("+"):
        digits = digits[1:]
        if not digits.startswith("972"):
            raise ValidationError(
                _("Enter an Israeli mobile number, such as 050-1234567."), code="not_israeli"
            )
    if digits.startswith("972"):
        digits = "0" + digits[3:].removeprefix("0")  # +972 (0)50… is written too
    if not digits.isascii() or not digits.isdigit():
        raise _invalid()
    if digits.startswith("0") and not digits.startswith("05") and len(digits) in (9, 10):
        raise ValidationError(
            _("Enter a mobile number (starting with 05): we do not take landline numbers."),
            code="not_mobile",
        )
    if not digits.startswith("05") or len(digits) != 10:
        raise _invalid()
    return "+972" + digits[1:]


def _invalid():
    return ValidationError(
        _("Enter a mobile number of 10 digits, such as 050-1234567."), code="invalid"
    )
