"""Quotation marks: each mark classified as opening, closing, apostrophe or measure (feet,
inches), then paired per paragraph with nesting.

Classification reads the characters on either side of a mark:
- curly marks carry their direction (“ « ‘ open; ” » ’ close), except that ’ and ' inside a word
  (don't, O'Brien), before a decade ('90s) or an elision ('tis, rock 'n' roll) are apostrophes;
- two single marks typed for a double one ('' ’’, and ‘‘ `` as openings) are one double mark,
  except that ’’ or '' closes two single quotations when the innermost open one is single
  (‘He said ‘no’’);
- a straight mark opens after a space, bracket or dash and before a non-space, and closes after
  a non-space and before a space or punctuation; between two non-spaces it toggles;
- a straight mark after a digit is a measure (5'10", a 12" pizza) unless a quotation of its
  kind is open;
- a single closing mark right after a letter (students' union, goin') closes only when a single
  quotation is open; if a later, unambiguous closing mark needs that opening, the earlier one is
  taken back as an apostrophe.

A word-initial ' or ‘ whose quotation would be left unclosed belongs to its word when the word
is a name or foreign word starting with a vowel and the text spells glottal stops so elsewhere
too (inside a word, Hawai'i, or the same word again): the ʻokina of Polynesian names and the
ayn of Arabic ones ('Ulu, ‘Iolani, 'Ali, 'Abd al-Malik). A quotation opening on such a word in
a text that writes no glottal stop ('Europe must act ...) stays a quotation.

A quotation left open at the end of a paragraph continues when the next paragraph opens with a
mark of the same kind (the typographic convention for quotes running over paragraphs).
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from mtaudit.lexicon import in_dictionary
from mtaudit.model import Document

OPEN, CLOSE, APOSTROPHE, MEASURE = "open", "close", "apostrophe", "measure"

# Two single marks (or two backticks) typed for a double mark.
STAND_INS = ("''", "’’", "‘‘", "``")
# Kind of each mark: marks of one kind pair with each other.
KINDS = {'"': "double", "“": "double", "”": "double", "„": "double",
         "'": "single", "‘": "single", "’": "single", "‚": "single",
         "«": "guillemet", "»": "guillemet"} | dict.fromkeys(STAND_INS, "double")
# The closing mark that matches each opening mark.
CLOSING_FOR = {'"': '"', "“": "”", "„": "“", "'": "'", "‘": "’", "‚": "‘", "«": "»",
               "''": "''", "‘‘": "’’", "``": "''"}
_MARK = re.compile("''|’’|‘‘|(?<!`)``(?!`)|[\"“”„'‘’‚«»]")  # not a ``` code fence
_ELISION = re.compile(r"(?:tis|twas|em|n|cause|cos|til|bout|round|nuff|\d\ds?)(?![\w])", re.IGNORECASE)
_SECOND_OF_N = re.compile(r"['‘’]n['’]\Z")  # rock 'n' roll, seen from its second mark
_OPENING_CONTEXT = set("([{<—–-/“‘«") | {""}
_LETTERS = re.compile(r"[^\W\d_]+")
_INNER_APOSTROPHE = re.compile(r"[^\W\d_]{2}['‘’]([^\W\d_])")
_WORD_INITIAL_MARK = re.compile(r"(?<![^\W_])['‘]([^\W\d_]+)")
_OPENINGS = {"“", "„", "«", "‚", "‘‘", "``"}
_PAIRED_OPENINGS = {"‘‘", "``"}  # opening pairs that close when typed after a word: ``code``
_CLOSINGS = {"”", "»", "’’"}


@dataclass(frozen=True)
class Mark:
    start: int
    char: str
    role: str  # OPEN, CLOSE, APOSTROPHE or MEASURE
    certain: bool = True  # False for a closing mark that may be an apostrophe (students')

    @property
    def kind(self) -> str:
        return KINDS[self.char]

    @property
    def end(self) -> int:
        return self.start + len(self.char)

    @property
    def stand_in(self) -> bool:
        return self.char in STAND_INS


@dataclass(frozen=True)
class Quotation:
    """An opening mark and its closing mark (None when unclosed); `mismatched` when the
    closing mark is of another kind (“ ... ') or only one of them is a stand-in (“ ... ’’)."""

    opening: Mark | None
    closing: Mark | None
    mismatched: bool = False


@dataclass
class Quotes:
    paragraphs: list[tuple[int, int]]
    marks: list[Mark] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)

    def paragraph_around(self, offset: int) -> tuple[int, int]:
        """The span of the paragraph holding `offset`."""
        index = bisect.bisect_right(self.paragraphs, (offset, float("inf"))) - 1
        return self.paragraphs[max(index, 0)]

    def quoted_spans(self) -> list[tuple[int, int]]:
        """Text between each opening mark and its closing mark."""
        return [(q.opening.end, q.closing.start) for q in self.quotations if q.opening and q.closing]


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _role(text: str, start: int, end: int, open_kinds: list[str]) -> tuple[str, bool]:
    ch = text[start:end]
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    kind = KINDS[ch]
    if ch in _PAIRED_OPENINGS and not (_is_space(before) or before in _OPENING_CONTEXT) and not after.isalnum():
        return CLOSE, True
    if ch in _OPENINGS:
        return OPEN, True
    if ch == "’’" and before.isalnum() and after.isalnum():
        return APOSTROPHE, True  # a doubled apostrophe (don’’t)
    if ch == "''" and (_is_space(before) or before in _OPENING_CONTEXT) and not after.isalnum():
        return APOSTROPHE, True  # an empty string, f('', x)
    if ch in _CLOSINGS:
        return CLOSE, True
    if kind == "single":
        if before.isalnum() and after.isalnum():
            return (MEASURE if before.isdigit() else APOSTROPHE), True
        if (_is_space(before) or before in _OPENING_CONTEXT) and _ELISION.match(text, end):
            return APOSTROPHE, True
        if _SECOND_OF_N.match(text, max(start - 2, 0), end):
            return APOSTROPHE, True  # the second mark of rock 'n' roll
    if before.isdigit() and kind not in open_kinds:
        return MEASURE, True
    if ch == "‘":
        return OPEN, True
    opens = (_is_space(before) or before in _OPENING_CONTEXT) and not _is_space(after)
    closes = not _is_space(before) and (_is_space(after) or not after.isalnum())
    if opens and not closes:
        return (APOSTROPHE if ch == "’" else OPEN), True  # ’ never opens: ’Twas, ’em
    if closes and not opens:
        if kind == "single" and before.isalpha():
            return (CLOSE, False) if kind in open_kinds else (APOSTROPHE, True)
        return CLOSE, True
    if kind == "single":
        return APOSTROPHE, True
    return (CLOSE if kind in open_kinds else OPEN), True


def _starts_with_vowel(word: str) -> bool:
    return unicodedata.normalize("NFD", word[0])[0].lower() in "aeiou"


@functools.lru_cache(maxsize=8)
def _glottal_spelling(text: str) -> tuple[bool, Counter]:
    """Whether the text writes a glottal stop or ayn with an apostrophe inside a word, before
    a vowel (Hawai'i, Nuku'alofa, Sana'a, Qur'an; English contractions put a consonant there:
    don't, we've), and how often each word follows a word-initial ' or ‘."""
    inside = any(_starts_with_vowel(m.group(1)) for m in _INNER_APOSTROPHE.finditer(text))
    return inside, Counter(m.group(1) for m in _WORD_INITIAL_MARK.finditer(text))


def _part_of_word(text: str, mark: Mark) -> bool:
    """Whether an opening ' or ‘ left unclosed is a letter of the word it starts: the ʻokina
    or ayn before the vowel of a name or foreign word ('Iolani, 'Ali, 'ohana) in a text that
    spells them so elsewhere too."""
    if mark.char not in ("'", "‘"):
        return False
    word = _LETTERS.match(text, mark.end)
    if word is None:
        return False
    word = word.group()
    if not (_starts_with_vowel(word) and (word.istitle() or word.islower()) and not in_dictionary(word)):
        return False
    inside, marked_words = _glottal_spelling(text)
    return inside or marked_words[word] > 1


class _Pairing:
    """The marks of one paragraph paired into quotations with a stack of open marks."""

    def __init__(self, text: str, carried: list[Mark], quotes: Quotes):
        self.text, self.quotes = text, quotes
        self.stack = list(carried)
        self.tentative: list[tuple[Mark, int]] = []  # (opening, index in quotes.marks of an uncertain closing)

    def add(self, start: int, end: int) -> None:
        role, certain = _role(self.text, start, end, [m.kind for m in self.stack])
        chars = self.text[start:end]
        if role == CLOSE and chars in ("''", "’’") and self.stack and self.stack[-1].kind == "single":
            self.add(start, start + 1)  # ’’ closing two single quotations (‘He said ‘no’’)
            self.add(start + 1, end)
            return
        mark = Mark(start, chars, role, certain)
        self.quotes.marks.append(mark)
        if role == OPEN:
            self.stack.append(mark)
        elif role == CLOSE:
            self._close(mark)

    def _close(self, mark: Mark) -> None:
        stack, quotes = self.stack, self.quotes
        same = [m for m in stack if m.kind == mark.kind]
        if same:
            opening = same[-1]
            for inner in stack[stack.index(opening) + 1:]:
                self.leave_open(inner)
            del stack[stack.index(opening):]
            quotes.quotations.append(Quotation(opening, mark, mismatched=opening.stand_in != mark.stand_in))
            if not mark.certain:
                self.tentative.append((opening, len(quotes.marks) - 1))
            return
        if self.tentative and mark.kind == "single":
            opening, index = self.tentative.pop()
            quotes.marks[index] = Mark(quotes.marks[index].start, quotes.marks[index].char, APOSTROPHE)
            quotes.quotations = [q for q in quotes.quotations if q.opening is not opening]
            quotes.quotations.append(Quotation(opening, mark))
            return
        while stack and self._take_back(stack[-1]):
            stack.pop()
        if stack:
            quotes.quotations.append(Quotation(stack.pop(), mark, mismatched=True))
        else:
            quotes.quotations.append(Quotation(None, mark))

    def _take_back(self, opening: Mark) -> bool:
        """Turn an opening mark that belongs to its word into an apostrophe; whether it did."""
        if not _part_of_word(self.text, opening):
            return False
        marks = self.quotes.marks
        marks[marks.index(opening)] = Mark(opening.start, opening.char, APOSTROPHE)
        return True

    def leave_open(self, opening: Mark) -> None:
        if not self._take_back(opening):
            self.quotes.quotations.append(Quotation(opening, None))

    def still_open(self) -> list[Mark]:
        """The marks left open at the end of the paragraph, less those taken back."""
        return [m for m in self.stack if not self._take_back(m)]


def _pair_paragraph(text: str, start: int, end: int, carried: list[Mark], quotes: Quotes) -> list[Mark]:
    """Pair the marks of one paragraph; returns the marks still open at its end."""
    pairing = _Pairing(text, carried, quotes)
    for match in _MARK.finditer(text, start, end):
        pairing.add(match.start(), match.end())
    return pairing.still_open()


def _paragraph_spans(doc: Document) -> list[tuple[int, int]]:
    spans = []
    for _, sentences in groupby(doc.sentences, key=lambda s: s.paragraph):
        sentences = list(sentences)
        spans.append((sentences[0].start, sentences[-1].end))
    return spans


def quotes(doc: Document) -> Quotes:
    """Marks and quotations of the document (use via `doc.view(quotes)`)."""
    text = doc.text
    paragraphs = _paragraph_spans(doc)
    result = Quotes(list(paragraphs))
    carried: list[Mark] = []
    for index, (start, end) in enumerate(paragraphs):
        still_open = _pair_paragraph(text, start, end, carried, result)
        carried = []
        following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        continuation = _MARK.match(text, following) if still_open and following is not None else None
        if continuation and KINDS[continuation.group()] == still_open[0].kind \
                and _role(text, continuation.start(), continuation.end(), [])[0] == OPEN:
            carried, still_open = [still_open[0]], still_open[1:]
            result.marks.append(Mark(following, continuation.group(), OPEN))  # the continuation mark
            paragraphs[index + 1] = (continuation.end(), paragraphs[index + 1][1])
        result.quotations.extend(Quotation(m, None) for m in still_open)
    result.marks.sort(key=lambda m: m.start)
    result.quotations.sort(key=lambda q: (q.opening or q.closing).start)
    return result
