"""text.safe: learner and link text shown as text, never as markdown, and cut short.

``markup_in`` below is the test's own reading of where markdown (with GitHub's and
Streamlit's extensions) could start in a string: it is used here on the helper's
output, and by tests/ui and tests/pages on what a page really sent.
"""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from text.safe import (
    ECHO_LIMIT,
    WORD_JOINER,
    clip_quotes,
    echo,
    inline_code,
    literal,
    sentence,
)

#: What a link or a learner could send to make a page render markup.
HOSTILE = (
    "![x](http://10.0.0.1/num.png)",
    "<http://10.0.0.1/auto>",
    "\n\n# HACKED",
    "x\n\n# HACKED\n\n![i](http://10.0.0.1/i.png)",
    "`code` ``two`` ```",
    "<b>bold</b><img src=http://10.0.0.1/i.png><script>alert(1)</script>",
    "$x^2$ and $$\\int$$",
    ":red[red text] :blue-background[x]",
    ":material/home: :material_home:",
    ":streamlit: :smile: :+1:",
    "[link](http://10.0.0.1/l) [ref][1]\n\n[1]: http://10.0.0.1/r",
    "www.example.com http://example.com ftp://example.com",
    "mail me: a@b.co",
    "&lt;b&gt; &#60;img&#62;",
    "**bold** *it* _it_ ~~strike~~ ~x~",
    "> quote",
    "1. list",
    "- list",
    "+ list",
    "* list",
    "* :",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "title\n=====",
    "back\\slash\\",
    "line\\\nbreak",
    "    indented code",
    "\x00\x1b[31mred\u202eevil",
)

_ESCAPED = r"(?<!\\)(?:\\\\)*"  # an even number of backslashes before: not escaped
#: Markup a renderer would act on, when not escaped (after code spans are removed).
_MARKUP = re.compile(
    "|".join(
        [
            _ESCAPED + r"!?\[",  # a link or an image
            _ESCAPED + r"<[A-Za-z/!?]",  # HTML or an autolink
            r"(?:^|\n)\s*"
            + _ESCAPED
            + r"(?:#|>|[-+*] |\d+[.)](?:\s|$)|=+\s*$|\|)",  # blocks
            _ESCAPED + r"\$",  # LaTeX
            _ESCAPED + r"`",  # code (a closed code span is removed before)
            _ESCAPED + r":[\w/+-]",  # directives, icons, short codes, URL schemes
            _ESCAPED + r"&[#A-Za-z]",  # entities
            r"[wW]{3}\.",  # a bare www link
            r"[\w.+-]@\w",  # an e-mail link
            _ESCAPED + r"(?:\*|_|~)(?=\S)(?<![A-Za-z0-9]_)",  # emphasis, strike
            r"\n",  # every echo is one line
            r"[\x00-\x08\x0b-\x1f\x7f\u202e]",  # control characters
        ]
    )
)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_TOKEN = re.compile(r"\\[\\`]|(`+)")


def _outside_code(markdown: str) -> str:
    """``markdown`` with each code span a space, and ``\\\\``, ``\\` `` a ``%``.

    Read left to right as CommonMark does: an escaped backtick opens nothing, and
    inside a code span a backslash is only a backslash.
    """
    out, at = [], 0
    for found in _TOKEN.finditer(markdown):
        if found.start() < at:
            continue
        out.append(markdown[at : found.start()])
        at = found.end()
        if found.group(1) is None:
            out.append("%")
            continue
        fence = re.compile(r"(?<!`)" + found.group(1) + r"(?!`)")
        closing = fence.search(markdown, at)
        if closing is None:
            out.append(found.group())
        else:
            out.append(" ")
            at = closing.end()
    return "".join(out) + markdown[at:]


def markup_in(markdown: str) -> list[str]:
    """Pieces of ``markdown`` (code spans aside) that would render as markup."""
    return [found.group() for found in _MARKUP.finditer(_outside_code(markdown))]


def shown(markdown: str) -> str:
    """The text a reader sees for escaped markdown (the escapes read)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_literal_leaves_no_markup(hostile: str) -> None:
    assert markup_in(literal(hostile)) == []
    assert markup_in(echo(hostile)) == []
    assert markup_in(sentence(hostile)) == []
    assert markup_in("Ignored " + echo(hostile) + " from the link.") == []


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_reader_sees_the_characters_that_were_sent(hostile: str) -> None:
    one_line = " ".join(re.sub(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", "", hostile).split())
    assert shown(literal(hostile)) == one_line
    assert shown(sentence(hostile)) == one_line


@pytest.mark.parametrize("hostile", HOSTILE)
def test_inline_code_is_one_closed_code_span(hostile: str) -> None:
    code = inline_code(hostile)
    assert _CODE_SPAN.fullmatch(code), code
    assert "\n" not in code
    assert ":material/" not in code  # Streamlit rewrites that even inside code


def test_markup_in_finds_what_it_must() -> None:
    """The checker itself: raw hostile text is caught (a test that can fail)."""
    for hostile in HOSTILE[:16]:
        assert markup_in(hostile), hostile


def test_echo_is_cut_to_a_short_length() -> None:
    long = "1234567890" * 2000
    assert shown(echo(long)) == long[: ECHO_LIMIT - 1] + "…"
    assert len(shown(echo("a" * ECHO_LIMIT))) == ECHO_LIMIT
    assert shown(echo("a" * ECHO_LIMIT)) == "a" * ECHO_LIMIT
    assert shown(echo("x" + " " * 100_000 + "y")) == "x…"  # a bounded read says so
    assert len(inline_code("k" * 5000)) < ECHO_LIMIT + 4


def test_sentence_keeps_plain_messages_as_written() -> None:
    for message in (
        "needs a < b",
        "y_true has 3 values but y_pred has 2.",
        "P(B) must be at least P(B|A)·P(A) = 0.24, not 0.2.",
        "Line 2, x: 'abc' is not a number.",
        "a * b",
    ):
        assert sentence(message) == message


def test_clip_quotes_cuts_only_long_quotes() -> None:
    message = f"x: {'9' * 500!r} is not a number; use 'a' or \"b\"."
    clipped = clip_quotes(message)
    assert (
        clipped == f"x: '{'9' * (ECHO_LIMIT - 1)}…' is not a number; use 'a' or \"b\"."
    )


@given(st.text(max_size=300))
def test_any_text_is_shown_as_itself_and_never_as_markup(text: str) -> None:
    for markdown in (literal(text), sentence(text)):
        assert markup_in(markdown) == []
        expected = " ".join(
            re.sub(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028-\u202e]", "", text)
            .replace(WORD_JOINER, "")
            .split()
        )
        assert shown(markdown) == expected


@given(st.text(alphabet=string.punctuation + "ab \n", max_size=60))
def test_punctuation_soup_is_never_markup(text: str) -> None:
    assert markup_in(sentence(text)) == []
    assert markup_in(literal(text)) == []
