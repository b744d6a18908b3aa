"""The pure rules: codes, secrets, nicknames, queries, answers (no database)."""

from __future__ import annotations

import string
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classroom import rules


def test_codes_use_letters_nobody_misreads() -> None:
    assert not set("0O1IL") & set(rules.CODE_ALPHABET)
    codes = {rules.new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(
        len(code) == 6 and set(code) <= set(rules.CODE_ALPHABET) for code in codes
    )


def test_a_typed_code_is_forgiven_its_case_spaces_and_dash() -> None:
    assert rules.check_code(" k7q-pxa ") == "K7QPXA"
    assert rules.check_code("k7q pxa") == "K7QPXA"


def test_secrets_are_long_random_and_hashed() -> None:
    secret = rules.new_secret()
    assert len(secret) >= 40
    assert secret != rules.new_secret()
    assert set(secret) <= set(string.ascii_letters + string.digits + "-_")
    assert rules.digest(secret) == rules.digest(secret) != rules.digest(secret + "x")
    assert secret not in rules.digest(secret)


@given(st.text(max_size=400))
def test_a_cleaned_nickname_is_short_printable_text(raw: str) -> None:
    cleaned = rules.clean_nickname(raw)
    if cleaned is None:
        return
    assert 0 < len(cleaned) <= rules.NICKNAME_LENGTH
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    assert not any(unicodedata.category(c).startswith("C") for c in cleaned)
    assert not any(c.isspace() and c != " " for c in cleaned)


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        (None, None),
        ("", None),
        ("   \n\t", None),
        ("\u202eevil\u202c", "evil"),  # a right-to-left override is dropped
        ("a\u200bb", "ab"),  # so is a zero-width space
        ("Ada\nLovelace", "Ada Lovelace"),
        ("<b>Bo</b>", "<b>Bo</b>"),  # markup is kept as data: the page shows text
        ("x" * 100, "x" * 24),
    ],
)
def test_nicknames(raw: str | None, cleaned: str | None) -> None:
    assert rules.clean_nickname(raw) == cleaned


def test_a_query_is_re_encoded() -> None:
    assert rules.check_query("?lr=0.1&w0=3") == "lr=0.1&w0=3"
    assert rules.check_query("a=<script>&b") == "a=%3Cscript%3E&b="
    assert rules.check_query(None) == ""


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6))
def test_a_typed_answer_reads_back_the_number(value: float) -> None:
    assert rules.parse_answer(repr(value)) == value
    assert rules.parse_answer(value) == value


def test_close_forgives_rounding_only() -> None:
    assert rules.is_close(0.3, 0.2, 0.1)
    assert rules.is_close(2.0, 2.0, 0.0)
    assert not rules.is_close(0.30001, 0.2, 0.1)
