"""The text stops mid-word or mid-sentence.

Reads the last sentence of the body: trailing web-page leftovers (the `boilerplate` view:
"Post a Comment", "Share this article") and blank lines are skipped. It is unfinished when it
lacks final punctuation (. ! ? … : or a closing quote or bracket) or ends with a comma or
semicolon, and is not a heading, byline, credit line, list item or sign-off. An ending on an
ellipsis counts as deliberate unless the word before it is cut ("the governm..."). The span is
the whole unfinished sentence; the message names the cut word when the text stops mid-word
(a single letter other than "a"/"I", or a rare lower-case word with a far more frequent
completion: "softw" → "software").
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Iterator

from mtaudit.checks.base import Check, CheckContext
from mtaudit.checks.boilerplate import leftovers
from mtaudit.model import Document, Finding, Sentence, Severity

_FINISHED = tuple(".!?…:\"'”’»)]")
_ELLIPSIS = re.compile(r"(?P<word>\w+)\s*(?:\.\.\.|…)\W*\Z")
_LIST_ITEM = re.compile(r"\s*(?:[-*•–—]|\d{1,2}[.)])\s")
_CREDIT = re.compile(
    r"\(?\s*(?:(?:additional )?reporting|writing|editing|edited|compiled|written|produced|"
    r"translated|photos?|images?|source|sources|by)\b|.*(?:@|https?://|www\.)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"(?:thanks|thank you)(?: for reading)?|ends?|more to follow|(?:this is a )?(?:developing|breaking)(?: story| news)?"
    r"|(?:this )?story (?:is )?developing|updated?\b.*",
    re.IGNORECASE,
)
# A cut word is rare (Zipf below 3.5: under ~3 per million words) and its most frequent
# completion is at least 300 times as frequent (2.5 on the Zipf scale).
_KNOWN_WORD_ZIPF = 3.5
_CUT_WORD_GAP = 2.5
# A title has at least this share of its other words capitalised ("Bridge of Sighs reopens").
_TITLE_CASE_SHARE = 0.75
# Lower-case words that do not count against a line being a title.
_MINOR_WORDS = frozenset("a an and as at but by for from in into of on or over the to up with vs".split())


def _is_heading(doc: Document, sentence: Sentence) -> bool:
    """A line of its own that is short or in title case ("Next steps", "Lagos, 12 March 2024")."""
    alone = all(s.paragraph != sentence.paragraph for s in doc.sentences[max(sentence.index - 1, 0):sentence.index])
    words = [t.text for t in sentence.words]
    if not alone or len(words) > 12:
        return False
    if len(words) <= 3 and words[-1].lower() not in _MINOR_WORDS:
        return True
    return in_title_case(sentence)


def in_title_case(sentence: Sentence) -> bool:
    """Most of its words other than articles, conjunctions and short prepositions are
    capitalised ("Bridge of Sighs reopens", "Talks Resume In Geneva")."""
    content = [t.text for t in sentence.tokens if t.text.lower() not in _MINOR_WORDS and t.text[:1].isalnum()]
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return bool(content) and capitalised / len(content) >= _TITLE_CASE_SHARE


def _is_cut_word(word: str) -> bool:
    """A single letter other than "a"/"I", or a lower-case word that is rare next to its most
    frequent completion ("governm" → "government")."""
    if len(word) == 1:
        return word.isalpha() and word not in ("a", "A", "I")
    if not word.isalpha() or not word.islower():
        return False
    from mtaudit.lexicon import zipf  # loaded only for an unfinished last line

    own = zipf(word)
    if own >= _KNOWN_WORD_ZIPF:
        return False
    words, frequencies = _completable_words()
    first = bisect.bisect_right(words, word)  # past `word` itself
    last = bisect.bisect_left(words, word + "\uffff")
    return max(frequencies[first:last], default=0.0) - own >= _CUT_WORD_GAP


@functools.cache
def _completable_words() -> tuple[list[str], list[float]]:
    """Alphabetic words frequent enough to be the completion of a cut word, sorted, with their
    Zipf frequencies."""
    from mtaudit.lexicon import vocabulary

    pairs = sorted((w, z) for w, z in vocabulary().items() if z >= _CUT_WORD_GAP and w.isalpha())
    return [w for w, _ in pairs], [z for _, z in pairs]


def _last_body_sentence(doc: Document) -> Sentence | None:
    covered = [(f.start, f.end) for f in doc.view(leftovers)]
    for sentence in reversed(doc.sentences):
        if not any(start <= sentence.start < end for start, end in covered):
            return sentence
    return None


class Truncation(Check):
    """The text stops mid-word or mid-sentence.

    Flagged: a news story whose last line reads "But at the same t".
    Clean: a story ending "... the ministry said." followed by "(Reporting by Ana Lima; Editing by Tom Reyes)".
    """

    id = "truncation"
    category = "source/truncation"
    severity = Severity.MAJOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        sentence = _last_body_sentence(doc)
        if sentence is None or not sentence.words:
            return
        text = sentence.text.rstrip()
        last_word = sentence.words[-1].text
        ellipsis = _ELLIPSIS.search(text)
        if ellipsis:
            if not _is_cut_word(ellipsis["word"]):
                return
        elif text.endswith(_FINISHED):
            return
        elif not text.endswith((",", ";")) and (
            _LIST_ITEM.match(text) or _CREDIT.match(text) or _SIGN_OFF.fullmatch(text) or _is_heading(doc, sentence)
        ):
            return
        cut = _is_cut_word(ellipsis["word"] if ellipsis else last_word)
        where = f"mid-word, on '{ellipsis['word'] if ellipsis else last_word}'" if cut else "mid-sentence"
        shown = text if len(text) <= 60 else "…" + text[-57:]
        yield self.finding(
            doc, sentence.start, sentence.start + len(text),
            f"the text stops {where}: '{shown}' is unfinished",
            cut_word=cut,
        )
