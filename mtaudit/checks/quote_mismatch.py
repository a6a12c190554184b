"""Unclosed or mismatched quotation marks, read from the shared quotes view
(`mtaudit.views.quotes`): a quotation opened and never closed in its paragraph (unless the
next paragraph opens with a mark of the same kind, the convention for quotes running over
paragraphs), a closing mark with no opening one, and a quotation closed by a mark of another
kind (“ ... ').

The span is one quotation mark: the opening mark of a quotation left unclosed or closed by a
mark of another kind, or the closing mark of one never opened; the message quotes the words
that follow or precede it. Apostrophes (O'Brien, the '90s, students' union, rock 'n' roll,
'tis, the ʻokina of 'Iolani in a text that writes Hawai'i) and measures (5'10", a 12" pizza) are
not quotation marks; two single marks typed for a double one ('' ’’) count as one double mark,
mismatched only against a real double mark (“ ... ’’).

A single mark left open after a space inside a name (Xi 'an, Tian 'An Men: a capitalised word
inside a sentence before it, a word that ends the name or runs on in capitalised words after
it) reads as an apostrophe after a stray space, and the message says so.
"""

from __future__ import annotations

import re
from typing import Iterator

from mtaudit.checks.base import Check, CheckContext
from mtaudit.model import Document, Finding, Severity
from mtaudit.views.quotes import CLOSING_FOR, Mark, quotes

_EXCERPT_WORDS = 5
_WORD_AND_SPACE = re.compile(r"([^\W\d_]+) \Z")
_WORD = re.compile(r"[^\W\d_]+")
_NEXT_LETTER = re.compile(r"\s+([^\W\d_])")


def _words_after(text: str, position: int, paragraph_end: int) -> str:
    words = text[position:paragraph_end].split()
    excerpt = " ".join(words[:_EXCERPT_WORDS])
    return excerpt + ("…" if len(words) > _EXCERPT_WORDS else "")


def _words_before(text: str, position: int, paragraph_start: int) -> str:
    words = text[paragraph_start:position].split()
    excerpt = " ".join(words[-_EXCERPT_WORDS:])
    return ("…" if len(words) > _EXCERPT_WORDS else "") + excerpt


def _named(mark: Mark) -> str:
    return f"{mark.char} (two single marks typed for a double one)" if mark.stand_in else mark.char


def _name_around_stray_space(doc: Document, mark: Mark) -> tuple[str, str] | None:
    """The word before and the word after a single mark typed after a space inside a name
    (Xi 'an, Tian 'An Men): a capitalised word that does not start its sentence, one space,
    the mark, then a word that ends the name or runs on in capitalised words (a quotation
    runs on in lower case: told Reuters 'the talks ...)."""
    text = doc.text
    after = _WORD.match(text, mark.end)
    if mark.kind != "single" or after is None:
        return None
    next_word = _NEXT_LETTER.match(text, after.end())
    if next_word and next_word.group(1).islower():
        return None
    sentence_start = doc.sentences[doc.sentence_at(mark.start)].start
    before = _WORD_AND_SPACE.search(text, sentence_start, mark.start)
    if before is None or before.start() == sentence_start or not before.group(1).istitle():
        return None
    return before.group(1), after.group()


class QuoteMismatch(Check):
    """Unclosed or mismatched quotation marks.

    Flagged: 'The mayor said: "We will rebuild the market.' (the quotation is never closed).
    Clean: 'She called it a “fair deal” and said ‘no’ was not an option.'
    """

    id = "quote-mismatch"
    category = "fluency/punctuation"
    severity = Severity.MINOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        text = doc.text
        found = doc.view(quotes)
        for quotation in found.quotations:
            opening, closing = quotation.opening, quotation.closing
            if closing is None:
                yield self._unclosed(doc, found.paragraph_around(opening.start)[1], opening)
            elif opening is None:
                preceding = _words_before(text, closing.start, found.paragraph_around(closing.start)[0])
                yield self.finding(
                    doc, closing.start, closing.end,
                    f"closing quotation mark {closing.char} after '{preceding}' has no opening mark",
                    problem="unopened",
                )
            elif quotation.mismatched:
                quoted = _words_after(text, opening.end, closing.start)
                other = "kind" if opening.kind != closing.kind else "form"
                yield self.finding(
                    doc, opening.start, opening.end,
                    f"quotation opened with {_named(opening)} before '{quoted}' is closed with "
                    f"{_named(closing)}, a mark of another {other} (expected {CLOSING_FOR[opening.char]})",
                    problem="mismatched", closing=closing.char, closing_offset=closing.start,
                )

    def _unclosed(self, doc: Document, paragraph_end: int, opening: Mark) -> Finding:
        name = _name_around_stray_space(doc, opening)
        if name:
            before, after = name
            return self.finding(
                doc, opening.start, opening.end,
                f"the space before the apostrophe {opening.char} in {before} {opening.char}{after} looks "
                f"stray ({before}{opening.char}{after}); read as a quotation mark, it opens a quotation "
                "never closed in its paragraph",
                problem="space before apostrophe",
            )
        following = _words_after(doc.text, opening.end, paragraph_end)
        return self.finding(
            doc, opening.start, opening.end,
            f"quotation mark {opening.char} before '{following}' opens a quotation "
            "that is never closed in its paragraph",
            problem="unclosed",
        )
