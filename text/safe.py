r"""Text from a learner or a link, made safe to put in markdown: shown, never run.

Streamlit renders ``st.markdown``, ``st.caption``, ``st.error`` and their kin as
markdown with its own extensions: ``![x](url)`` fetches an image, ``<http://…>``
and ``www.…`` make links, a ``#`` after a newline makes a heading, ``$…$`` is
LaTeX, ``:red[…]`` colours, and ``:material/…:``, ``:streamlit:`` and emoji short
codes are replaced *after* backslash escapes are read. So learner text goes
through one of these before it reaches a markdown string:

- :func:`literal`: every ASCII punctuation character escaped (CommonMark allows
  that for each one), a colon that could open a short code followed by an
  invisible word joiner, whitespace (newlines too) folded into single spaces;
- :func:`sentence`: the same guarantees for a whole message (a ``ValueError``
  from ``core`` that quotes the input), escaping only where markup could start,
  so ``a < b`` or ``y_true`` stay as they are written;
- :func:`echo`: a quoted piece of input, cut to :data:`ECHO_LIMIT` characters
  with an ellipsis, then :func:`literal`;
- :func:`inline_code`: a name shown as code (a code span is never parsed);
- :func:`clip_quotes`: the long quotes (``'…'``) in a message cut short.

Every function reads a bounded prefix of its input, so a 500 KB link costs no
more than a short one.

>>> literal("![x](http://h/i.png)")
'\\!\\[x\\]\\(http\\:\u2060\\/\\/h\\/i\\.png\\)'
>>> sentence("needs a < b, not <b>")
'needs a < b, not \\<b>'
>>> echo("\n\n# HACKED")
'\\# HACKED'
>>> inline_code("a`b")
'`` a`b ``'
>>> clip_quotes("x: '" + "9" * 50 + "' is not a number.", 8)
"x: '9999999…' is not a number."
"""

from __future__ import annotations

import re
import string

#: Longest piece of learner or link text echoed back in a note or a message.
ECHO_LIMIT = 40
#: Longest message (e.g. from ``core``) shown in one error box.
MESSAGE_LIMIT = 400
#: Invisible, and not a line break: splits ``:name:`` so no short code matches.
WORD_JOINER = "\u2060"

_PUNCTUATION = frozenset(string.punctuation)
_WHITESPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028-\u202e]")
# Where markup can start inside a sentence: each alternative is one character to
# escape (the look-arounds say when it matters).
_MARKUP = re.compile(
    r"[\\`\[\]$]"  # escapes, code, links and images, maths
    r"|^\s*[#>+\-=!|*]"  # a heading, quote, list or table at the start of the line
    r"|^\s*\d+[.)](?=\s|$)"  # "1." / "1)": an ordered list
    r"|(?<=\S)[*~]|[*~](?=\S)"  # emphasis, strike-through (a lone "a * b" is not)
    r"|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"  # emphasis (an inner _ is a letter)
    r"|<(?=[A-Za-z/!?])"  # an HTML tag or an autolink
    r"|&(?=[#A-Za-z])"  # an HTML entity
    r"|(?<=[\w.+\-])@(?=\w)"  # an e-mail address: a link
    r"|:(?=[\w/+\-])"  # a Streamlit directive, icon or emoji short code; a URL
    r"|(?<=[wW]{3})\."  # www.example: a link
)
_QUOTED = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"")


def _one_line(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text`` on one line (``…`` when cut)."""
    whole = str(text)
    head = whole[: limit * 4 + 64]  # bounded work, whatever the input's size
    flat = _WHITESPACE.sub(" ", _CONTROL.sub("", head)).strip()
    if len(flat) > limit or len(head) < len(whole):
        return flat[: max(limit - 1, 0)].rstrip() + "…"
    return flat


def _escape(char: str) -> str:
    return "\\" + char + (WORD_JOINER if char == ":" else "")


def literal(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` as markdown that shows exactly these characters (one line).

    Every ASCII punctuation character gets a backslash; a colon also gets a word
    joiner after it (Streamlit replaces ``:streamlit:`` and icons after escapes).
    """
    return "".join(
        _escape(char) if char in _PUNCTUATION else char
        for char in _one_line(text, limit)
    )


def sentence(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """A message that quotes learner text, as markdown that renders it as written.

    Only the characters that could start markup are escaped, so the source still
    reads like the message (``"needs a < b"``, ``"y_true has 3 values"``).
    """
    return _MARKUP.sub(
        lambda found: found.group()[:-1] + _escape(found.group()[-1]),
        _one_line(text, limit),
    )


def echo(text: str, limit: int = ECHO_LIMIT) -> str:
    """A piece of learner or link text, cut to ``limit`` characters, as markdown."""
    return literal(text, limit)


def inline_code(text: str, limit: int = ECHO_LIMIT) -> str:
    """``text`` (cut to ``limit``) as a markdown code span: shown as typed, never parsed.

    The fence is one backtick longer than the longest run of backticks inside.
    """
    short = _one_line(text, limit).replace(
        ":material/", ":material" + WORD_JOINER + "/"
    )
    longest = max((len(run) for run in re.findall(r"`+", short)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if short.startswith("`") or short.endswith("`") or longest else ""
    return f"{fence}{pad}{short}{pad}{fence}" if short else "` `"


def clip_quotes(message: str, limit: int = ECHO_LIMIT) -> str:
    """``message`` with every quoted piece (``'…'`` or ``"…"``) cut to ``limit``."""

    def clip(found: re.Match[str]) -> str:
        quote, inner = found.group()[0], found.group()[1:-1]
        if len(inner) <= limit:
            return found.group()
        return quote + inner[: max(limit - 1, 0)] + "…" + quote

    # Linear: the two alternatives inside a quote never overlap. A message holds
    # at most what a link or a text box can (Streamlit: 512 KB of query string).
    return _QUOTED.sub(clip, str(message))
