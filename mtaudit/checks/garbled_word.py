"""Non-words and near-misses of real words in lower-case running text.

Article spinners and round trips leave words that are not English ("techology") or that
wordfreq knows only as a name or a rare token and that sit one or two edits from a far more
common word ("ramage" for "damage"). Two sources decide (through `mtaudit.lexicon`):
wordfreq's Zipf frequencies and a curated dictionary (SCOWL), which has "loam" and "wren"
but not the surnames, misspellings and foreign tokens that wordfreq also counts.

A lower-case word is accepted when the dictionary has it or when it is common (Zipf ≥
`max_zipf`). Otherwise it is flagged when a dictionary word much more frequent than it
lies within one edit (two for long words): that word is the suggestion. A word built from
a real one by regular affixes or compounding ("rewilding", "catbus") needs a single edit
and a larger margin. Capitalised words (names, sentence starts), acronyms, numbers, URLs,
handles, contractions, a word next to another that the dictionary lacks, however frequent
("prima facie"), foreign quotations, rare words the article keeps using (twice; three times
for words wordfreq has never seen) and a word cut off at the very end of the text are left
alone.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Iterator

from mtaudit import lexicon
from mtaudit.checks.base import Check, CheckContext
from mtaudit.model import Document, Finding, Severity
from mtaudit.views.mentions import PARTICLES

# A whitespace-delimited chunk that is a lower-case word or hyphenated compound, perhaps
# with a possessive 's and wrapped in quotes, brackets and punctuation.
_LOWER_CHUNK = re.compile(
    r"(?<!\S)[(\"'“‘«\[]*([a-z]+(?:-[a-z]+)*)(?:['’]s)?[)\"'”’»\].,;:!?…—–]*(?!\S)"
)
_NON_SPACE = re.compile(r"\S*")
_NON_SPACE_BEFORE = re.compile(r"\S*$")
_LONGEST_CHUNK = 80  # characters looked back for the start of a chunk
_LETTERS = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([a-z]+)[ -]$")
_WORD_AFTER = re.compile(r"[ -]([a-z]+)(?![^\W\d_])")
_QUOTATION = re.compile(r"[\"“«]([^\"“”«»\n]{3,}?)[\"”»]")
_QUOTED_WORD = re.compile(r"[^\W\d_]+")

# Regular English affixes: a real word with one of them is a real word.
_SUFFIXES = (
    "s", "es", "ed", "ing", "ly", "ness", "ation", "ations", "ment", "ments",
    "ism", "isms", "ist", "ists", "ity", "able", "less", "ful", "ship", "hood",
)
_PREFIXES = (
    "anti", "bio", "co", "counter", "cyber", "de", "dis", "eco", "geo", "hyper", "inter",
    "mega", "micro", "mini", "mis", "multi", "non", "over", "post", "pre", "pro", "re",
    "self", "semi", "sub", "super", "trans", "ultra", "un", "under",
)
_TAKES_ES = ("s", "x", "z", "ch", "sh", "o", "i")
_MIN_STEM = 4
_COMPOUND_PART_ZIPF = 3.5
_REAL_STEM_ZIPF = 4.0
# Zipf more needed of a suggestion for a short word (many real short words lie one edit
# from a common one) and for a word derived from a real one.
_SHORT_WORD = 5
_SHORT_WORD_MARGIN = 1.0
_DERIVED_MARGIN = 0.5
# Words this long may be two edits from their intent.
_TWO_EDITS_MIN_LENGTH = 7
# Zipf more needed of a suggestion two edits away (less for a long word, where two edits
# change a smaller share of it).
_SECOND_EDIT_MARGIN = 1.5
_SECOND_EDIT_MARGIN_LONG = 0.5
_LONG_WORD = 10
# A rare word used this often is a term of the article, not a slip (one wordfreq has never
# seen needs more uses: a garble may be repeated).
_TERM_USES = 2
_TERM_USES_UNKNOWN = 3
# Zipf credited to a suggestion that is the word with two letters swapped (the commonest
# slip) or that ends like it, when choosing among equally near ones.
_SWAP_BONUS = 1.0
_SAME_ENDING_BONUS = 0.75


class GarbledWord(Check):
    """Non-words and near-misses of real words in lower-case running text.

    Flagged: "Officials said the ramage to the harbour was severe." ('ramage' is known as
    a surname, not an English word, one edit from 'damage'), "new techology".
    Clean: "A quokka, a wren and an anemometer on the loam", "co-operative", "rewilding",
    "20 km", "whilst", "bona fide", "prima facie", "Okonkwo" (names are left to other rules).

    Settings: `max_zipf` (3.3): lower-case words at least this frequent are real;
    `min_gap` (2.0): how much more frequent (Zipf) a dictionary word one edit away must be
    to call a word its miss (+1 for words under 5 letters, +1.5 two edits away or +0.5 for
    words of 10+ letters, +0.5 for derived words); `min_length` (4): shorter words are not judged.
    """

    id = "garbled-word"
    category = "fluency/spelling"
    severity = Severity.MAJOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        judge = _Judge(
            max_zipf=context.setting("max_zipf", 3.3),
            min_gap=context.setting("min_gap", 2.0),
            min_length=context.setting("min_length", 4),
        )
        text = doc.text
        uses = Counter(_LETTERS.findall(text))
        suspects = [word for word, count in uses.items() if judge.suspect(word) and not _a_term(word, count)]
        if not suspects:
            return
        text_end = len(text.rstrip())
        foreign_quotes = _foreign_quotations(text, judge)
        verdicts: dict[str, tuple[str, int] | None] = {}
        for start, word in _occurrences(text, suspects):
            end = start + len(word)
            if (
                end == text_end  # cut off at the end: the truncation rule's
                or any(q_start <= start < q_end for q_start, q_end in foreign_quotes)
                or (judge.foreign(word) and any(map(judge.unenglish, _neighbours(text, start, end))))
            ):
                continue
            if word not in verdicts:
                verdicts[word] = judge.verdict(word)
            if verdicts[word] is None:
                continue
            suggestion, distance = verdicts[word]
            frequency = lexicon.zipf(word)
            yield self.finding(
                doc, start, end, _message(word, suggestion, frequency),
                suggestion=suggestion, zipf=frequency, edit_distance=distance,
                suggestion_zipf=lexicon.zipf(suggestion),
            )


def _a_term(word: str, uses: int) -> bool:
    """A rare word the article keeps using is one of its terms, not a slip."""
    return uses >= (_TERM_USES_UNKNOWN if lexicon.zipf(word) == 0 else _TERM_USES)


def _message(word: str, suggestion: str, frequency: float) -> str:
    if frequency == 0:
        known = "is not an English word"
    else:
        known = f"is not a dictionary word and rare in English (Zipf {frequency:.2f})"
    return f"'{word}' {known}; did you mean '{suggestion}'?"


def _occurrences(text: str, words: list[str]) -> Iterator[tuple[int, str]]:
    """(start, word) of `words` where they stand as lower-case words or parts of hyphenated
    compounds in running text (not in names, URLs, handles, numbers or contractions)."""
    pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(words) + r")(?![^\W\d_])")
    for match in pattern.finditer(text):
        start, end = match.span()
        chunk_start = _NON_SPACE_BEFORE.search(text, max(0, start - _LONGEST_CHUNK), start).start()
        chunk_end = _NON_SPACE.match(text, end).end()
        chunk = _LOWER_CHUNK.fullmatch(text, chunk_start, chunk_end)
        if chunk and chunk.start(1) <= start and end <= chunk.end(1) and match.group() not in PARTICLES:
            yield start, match.group()


def _neighbours(text: str, start: int, end: int) -> list[str]:
    """The lower-case words right before and after `text[start:end]` (across a space or
    hyphen only)."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text, end)
    return [m.group(1) for m in (before, after) if m]


def _foreign_quotations(text: str, judge: "_Judge") -> list[tuple[int, int]]:
    """Spans of quotations of two or more words, at least half of them not English."""
    spans = []
    for quote in _QUOTATION.finditer(text):
        quoted = _QUOTED_WORD.findall(quote.group(1))
        foreign = sum(1 for w in quoted if not w.isascii() or (w.islower() and judge.foreign(w)))
        if len(quoted) >= 2 and foreign * 2 >= len(quoted):
            spans.append(quote.span(1))
    return spans


class _Judge:
    """Decides about single lower-case words: cheap tests first, the neighbour search last."""

    def __init__(self, max_zipf: float, min_gap: float, min_length: int):
        self.max_zipf = max_zipf
        self.min_gap = min_gap
        self.min_length = min_length
        self.zipf_of = lexicon.vocabulary().get  # the words judged are lower-case already

    def suspect(self, word: str) -> bool:
        """Rare and not in the dictionary."""
        return (
            len(word) >= self.min_length
            and self.zipf_of(word, 0.0) < self.max_zipf
            and not lexicon.in_dictionary(word)
        )

    def foreign(self, word: str) -> bool:
        """Suspect and not derived from an English word either."""
        return self.suspect(word) and not _derived(word)

    def unenglish(self, word: str) -> bool:
        """Neither a dictionary word nor derived from one, however frequent (wordfreq counts
        the Latin and foreign words that English text borrows: "prima")."""
        return len(word) >= self.min_length and not lexicon.in_dictionary(word) and not _derived(word)

    def verdict(self, word: str) -> tuple[str, int] | None:
        """(suggestion, edit distance) when the suspect `word` is a miss of a much more
        frequent dictionary word, else None."""
        frequency = lexicon.zipf(word)
        derived = _derived(word)
        gap = (
            self.min_gap
            + (_SHORT_WORD_MARGIN if len(word) < _SHORT_WORD else 0.0)
            + (_DERIVED_MARGIN if derived else 0.0)
        )
        for distance in (1, 2) if len(word) >= _TWO_EDITS_MIN_LENGTH and not derived else (1,):
            second_edit = _SECOND_EDIT_MARGIN if len(word) < _LONG_WORD else _SECOND_EDIT_MARGIN_LONG
            min_zipf = frequency + gap + second_edit * (distance - 1)
            qualified = [
                (candidate, candidate_zipf)
                for candidate, candidate_distance, candidate_zipf in lexicon.near_words(word, distance, min_zipf)
                if candidate_distance == distance and lexicon.in_dictionary(candidate)
            ]
            if qualified:
                best = max(qualified, key=lambda item: item[1] + _likeness_bonus(word, item[0]))
                return best[0], distance
        return None


def _likeness_bonus(word: str, candidate: str) -> float:
    if sorted(word) == sorted(candidate):
        return _SWAP_BONUS
    return _SAME_ENDING_BONUS if candidate[-1] == word[-1] else 0.0


def _real(word: str) -> bool:
    return lexicon.in_dictionary(word) or lexicon.zipf(word) >= _REAL_STEM_ZIPF


def _stems(word: str) -> Iterator[str]:
    """Candidate stems of `word` under the regular suffixes, spelled as English inflects:
    -es after a sibilant, o or i (for y), a restored e, an undoubled consonant."""
    for suffix in _SUFFIXES:
        base = word[: -len(suffix)]
        if not word.endswith(suffix) or len(base) < _MIN_STEM:
            continue
        if suffix == "es" and not base.endswith(_TAKES_ES):
            continue
        yield base
        if base.endswith("i"):
            yield base[:-1] + "y"
        if suffix[0] in "aei" and suffix != "es":
            yield base + "e"
            if base[-1] == base[-2] and base[-1] not in "aeiou":
                yield base[:-1]


@functools.lru_cache(maxsize=8192)
def _derived(word: str, depth: int = 2) -> bool:
    """Whether `word` is a real word plus regular affixes (up to `depth` of them), or two
    common words run together."""
    if depth == 0:
        return False
    if any(_real(stem) or _derived(stem, depth - 1) for stem in _stems(word)):
        return True
    for prefix in _PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= _MIN_STEM and (_real(rest) or _derived(rest, depth - 1)):
            return True
    return any(_common(word[:cut]) and _common(word[cut:]) for cut in range(3, len(word) - 2))


def _common(word: str) -> bool:
    return lexicon.in_dictionary(word) and lexicon.zipf(word) >= _COMPOUND_PART_ZIPF
