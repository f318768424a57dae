"""Israeli mobile numbers as people write them, to E.164."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from enrollment.phone import normalise_mobile


@pytest.mark.parametrize(
    "written",
    [
        "050-1234567",
        "0501234567",
        "050 123 4567",
        "(050) 123-4567",
        "+972-50-123-4567",
        "+972 50 1234567",
        "972501234567",
        "+972 (0)50-1234567",
        "050.123.4567",
        " 050-1234567 ",
        "\u200e050-1234567",  # a direction mark, as pasted from a right-to-left text
    ],
)
def test_the_ways_a_mobile_number_is_written(written):
    assert normalise_mobile(written) == "+972501234567"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("03-6925418", "not_mobile"),
        ("02-1234567", "not_mobile"),
        ("077-1234567", "not_mobile"),
        ("+972-3-692-5418", "not_mobile"),
        ("050-123456", "invalid"),
        ("050-12345678", "invalid"),
        ("+1-202-555-0123", "not_israeli"),
        ("050-123456a", "invalid"),
        ("٠٥٠١٢٣٤٥٦٧", "invalid"),  # Arabic-Indic digits
        ("", "invalid"),
        ("<script>", "invalid"),
    ],
)
def test_what_is_not_an_israeli_mobile_number(written, code):
    with pytest.raises(ValidationError) as raised:
        normalise_mobile(written)
    assert raised.value.code == code


def test_a_landline_is_refused_saying_why():
    with pytest.raises(ValidationError) as raised:
        normalise_mobile("04-6123456")
    assert raised.value.code == "not_mobile"
    with translation.override("en"):
        assert "landline" in raised.value.messages[0]
    with translation.override("he"):
        assert "קווי" in raised.value.messages[0]
