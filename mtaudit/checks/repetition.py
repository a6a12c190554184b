"""Accidentally repeated words ("the the"), phrases ("in the city in the city") and sentences.

Words and phrases: a run of up to `max-phrase-words` (default 12) words followed at once by the
same words, with nothing but spaces between them; the span is the second copy and the
suggestion drops it. Left alone:
- repetition across punctuation ("very, very", "no, no", "New York, New York", "lock her up,
  lock her up") or a hyphen ("bye-bye", "Baden-Baden");
- grammatical or idiomatic doubles ("had had", "that that", "so so", "bye bye", "many many"),
  and a conjunction before a doubled comparative or adverb ("and more and more", "and again
  and again", "and faster and faster");
- names, where the second copy is capitalised ("Walla Walla", "Bora Bora");
- chants: a quotation that is nothing but the repeated words ("“Free Tibet Free Tibet”"), or
  three or more copies inside quotation marks.
Sentences: a sentence of at least `min-sentence-words` (default 6) words that repeats an
earlier one exactly or nearly (rapidfuzz ratio of the lower-cased words at least
`sentence-similarity`, default 95, and the same numbers: "rose 3.1 per cent" and "rose 3.2
per cent" are two facts), or a sentence of at least `min-adjacent-sentence-words`
(default 4) that repeats the one just before it word for word; the later copy is flagged.
Display lines (a paragraph of one sentence in title case or without final punctuation: a
headline, subheading or caption) are compared only with display lines, since the body of a
story often restates its headline.
Earlier sentences are compared only when they share a word pair that few sentences contain,
so long documents stay linear.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from typing import Iterator, Sequence

from mtaudit import lexicon
from mtaudit.checks.base import Check, CheckContext, shorten
from mtaudit.checks.truncation import in_title_case
from mtaudit.model import Document, Finding, Sentence, Severity, Token
from mtaudit.views.quotes import quotes

# Words whose doubling is grammatical ("had had", "that that", "what it is is", "gave her her
# keys", "sworn in in May", "carried on on Monday") or an idiom or reduplication ("so so",
# "bye bye", "many many", "ylang ylang").
_DOUBLES = frozenset(
    "had that is do her in on bye no so very really many much far long knock tut tsk chop night yeah ha ho he "
    "hee hip boo oh now there well bang blah yada go never aye ta ylang mahi cous tom yo chin".split()
)
# Words that double around "and" ("more and more", "again and again", "over and over"),
# besides comparatives in -er ("faster and faster").
_AND_DOUBLES = frozenset("more less fewer better worse further farther again over on round around by".split())
_DIGITS = re.compile(r"\d+")
_FINAL_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’»)\]]*\Z")
_LETTER = re.compile(r"[^\W\d_]")
_TEXT = operator.attrgetter("text")
_ANCHOR_LENGTH = 4
# A word bigram in more sentences than this says nothing about which sentences are copies.
_COMMON_BIGRAM = 10


def _word_tokens(sentence: Sentence) -> Sequence[Token]:
    """The tokens with a letter, and those with a numeral that is no digit ("½", "²"): such
    numerals tell sentences apart as words do, since the numbers compared are runs of digits."""
    if sentence.text.isascii():
        return sentence.words
    return [t for t in sentence.tokens if t.is_word or _LETTER.search(t.text)]


def _immediate_repeats(words: tuple[str, ...], max_words: int) -> Iterator[tuple[int, int, int]]:
    """(start, n, copies) of each phrase of at most `max_words` words followed at once by
    itself, found by looking back to each word's previous occurrence; non-overlapping."""
    previous: dict[str, int] = {}
    resume = 0
    for j, word in enumerate(words):
        i = previous.get(word)
        previous[word] = j
        if i is None or i < resume or j - i > max_words:
            continue
        n = j - i
        if words[i:j] != words[j:j + n]:
            continue
        copies = 2
        while words[i + copies * n:i + (copies + 1) * n] == words[i:j]:
            copies += 1
        yield i, n, copies
        resume = i + copies * n


class Repetition(Check):
    """Accidentally repeated words, phrases and sentences.

    Flagged: "The minister visited the the flooded district." (the second "the").
    Clean: "She had had enough, and the crowd chanted “Out, out, out!” in Walla Walla."
    """

    id = "repetition"
    category = "fluency/grammar"
    severity = Severity.MINOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        words = [_word_tokens(s) for s in doc.sentences]
        lowered = [tuple(map(str.lower, map(_TEXT, tokens))) for tokens in words]
        yield from self._repeated_phrases(doc, words, lowered, int(context.setting("max-phrase-words", 12)))
        yield from self._repeated_sentences(
            doc, lowered,
            int(context.setting("min-sentence-words", 6)),
            int(context.setting("min-adjacent-sentence-words", 4)),
            float(context.setting("sentence-similarity", 95)),
        )

    def _repeated_phrases(self, doc: Document, sentence_words: list[Sequence[Token]],
                          lowered: list[tuple[str, ...]], max_words: int) -> Iterator[Finding]:
        text, quoted = doc.text, None
        for tokens, words in zip(sentence_words, lowered):
            if len(set(words)) == len(words):
                continue
            for i, n, count in _immediate_repeats(words, max_words):
                first, copies = tokens[i:i + n], tokens[i + n:i + count * n]
                if not all(text[a.end:b.start].isspace() for a, b in zip(first + copies, first[1:] + copies)):
                    continue  # punctuation between: "very, very", "New York, New York"
                quoted = doc.view(quotes).quoted_spans() if quoted is None else quoted
                if not self._accidental(doc, first, copies, count, quoted):
                    continue
                start, end = copies[0].start, copies[-1].end
                phrase = text[first[0].start:first[-1].end]
                yield self.finding(
                    doc, start, end,
                    f"'{phrase}' is repeated: '{text[first[0].start:end]}'",
                    suggestion="",
                    words=n, copies=count,
                )

    @staticmethod
    def _accidental(doc: Document, first: Sequence[Token], copies: Sequence[Token], count: int,
                    quoted: list[tuple[int, int]]) -> bool:
        if len(first) == 1 and first[0].text.lower() in _DOUBLES:
            return False
        if len(first) == 2 and first[0].text.lower() == "and" and _doubles_around_and(first[1].text.lower()):
            return False  # "and more and more": "and" before "more and more"
        if all(t.is_capitalised for t in copies[:len(first)]):
            return False  # a name: "Walla Walla", "Sing Sing"
        start, end = first[0].start, copies[-1].end
        for q_start, q_end in quoted:
            if q_start <= start and end <= q_end:
                chant = not doc.text[q_start:start].strip(" ,.!?") and not doc.text[end:q_end].strip(" ,.!?")
                if chant or count > 2:
                    return False
        return True

    def _repeated_sentences(self, doc: Document, lowered: list[tuple[str, ...]], min_words: int,
                            min_adjacent_words: int, similarity: float) -> Iterator[Finding]:
        copies = {display: _Copies(similarity) for display in (False, True)}
        displays = _display_lines(doc)
        previous: tuple = ()
        for sentence, words in zip(doc.sentences, lowered):
            display = sentence.index in displays
            key = (words, tuple(_DIGITS.findall(sentence.text)))
            earlier, score = None, 100.0
            if (key, display) == previous and len(words) >= min_adjacent_words:
                earlier = sentence.index - 1
            elif len(words) >= min_words:
                earlier, score = copies[display].earlier_copy(sentence.index, key)
            previous = (key, display)
            if earlier is None:
                continue
            how = "repeats" if score == 100 else f"nearly repeats (similarity {score:.0f})"
            yield self.finding(
                doc, sentence.start, sentence.end,
                f"this sentence {how} an earlier one: '{shorten(doc.sentences[earlier].text, 60)}'",
                suggestion="",
                earlier_sentence=earlier, similarity=round(score, 1),
            )


def _doubles_around_and(word: str) -> bool:
    """A word of "more and more" or a comparative: one in -er whose superlative in -est is a
    word ("bigger": "biggest"; not "paper")."""
    return word in _AND_DOUBLES or (word.endswith("er") and lexicon.in_dictionary(word[:-2] + "est"))


def _display_lines(doc: Document) -> set[int]:
    """Indexes of the sentences that are a paragraph of their own, in title case or without
    final punctuation."""
    per_paragraph = Counter(s.paragraph for s in doc.sentences)
    return {s.index for s in doc.sentences if per_paragraph[s.paragraph] == 1
            and (in_title_case(s) or not _FINAL_PUNCTUATION.search(s.text.rstrip()))}


class _Copies:
    """The sentences seen so far, to find an earlier copy of the next one: the same words and
    numbers, or nearly the same words (rapidfuzz ratio at least `similarity`) and the same
    numbers. Near copies are looked for only among sentences that share a word pair few
    sentences contain (pairs led by a word of four letters or more, when there are such), so
    the search stays linear."""

    def __init__(self, similarity: float):
        self.similarity = similarity
        self.exact: dict[tuple, int] = {}
        self.keys: dict[int, tuple] = {}
        self.by_bigram: dict[tuple[str, str], list[int]] = {}

    def earlier_copy(self, index: int, key: tuple) -> tuple[int | None, float]:
        """(index of the earlier copy or None, similarity); then remembers this sentence."""
        words, numbers = key
        bigrams = {b for b in zip(words, words[1:]) if len(b[0]) >= _ANCHOR_LENGTH} or set(zip(words, words[1:]))
        candidates = set()  # the earlier sentences that share a rare word pair with this one
        for bigram in bigrams:
            indexes = self.by_bigram.get(bigram)
            if indexes is None:
                self.by_bigram[bigram] = [index]
                continue
            if len(indexes) <= _COMMON_BIGRAM:
                candidates.update(indexes)
            indexes.append(index)
        found = self.exact.get(key), 100.0
        if found[0] is None:
            found = self._near_copy(words, numbers, candidates)
        self.exact.setdefault(key, index)
        self.keys[index] = key
        return found

    def _near_copy(self, words: tuple[str, ...], numbers: tuple[str, ...],
                   candidates: set[int]) -> tuple[int | None, float]:
        if not candidates:
            return None, 100.0
        from rapidfuzz import fuzz  # only when some sentences share a rare word pair

        text = " ".join(words)
        for index in sorted(candidates):
            other_words, other_numbers = self.keys[index]
            if other_numbers != numbers:
                continue
            score = fuzz.ratio(text, " ".join(other_words), score_cutoff=self.similarity)
            if score:
                return index, score
        return None, 100.0
