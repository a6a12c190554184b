"""Accidentally repeated words ("the the"), phrases ("in the city in the city") and sentences.

Words and phrases: a run of up to `max-phrase-words` (default 12) words followed at once by the
same words, with nothing but a space or a line break between them (also across a break that
cut a sentence: "voted to⏎to close"), or a part doubled inside a hyphenated word
("long-term-term", "the-the"); the span is the second copy and the suggestion drops it. Left
alone:
- repetition across punctuation ("very, very", "no, no", "New York, New York", "lock her up,
  lock her up"), across a tab or wide space (table columns), or a hyphen that makes a word
  of two equal parts ("bye-bye", "Baden-Baden", "win-win");
- grammatical or idiomatic doubles ("had had", "that that", "so so", "bye bye", "many many"),
  spoken ones ("yes yes", "wait wait"), a conjunction before a doubled comparative or adverb
  ("and more and more", "and again and again", "and faster and faster"), and a subject and
  verb that report a clause ("he said he said nothing");
- names, where the second copy is capitalised and no function word ("Walla Walla", "Sirhan
  Sirhan"; but "The The ministry" is flagged);
- chants: a quotation that is nothing but the repeated words ("“Free Tibet Free Tibet”"), or
  three or more copies inside quotation marks.
Sentences: a sentence of at least `min-sentence-words` (default 6) words that repeats an
earlier one exactly or nearly (rapidfuzz ratio of the lower-cased words at least
`sentence-similarity`, default 95, with the same numbers and no word swapped for its
opposite, another of its series or a name: "rose 3.1 per cent" and "rose 3.2 per cent",
"trains to the north" and "trains to the south" are two facts), or a sentence of at least
`min-adjacent-sentence-words` (default 4) that repeats word for word the one just before it
or, in a doubled paragraph, the one after the sentence its predecessor repeats. A sentence
right after another (both of six words or more, sharing most words) is also a copy when it
only adds up to three words to it ("..., police said") or swaps words for their synonyms (a
spinner's paraphrase: "The company said profits rose sharply" / "The firm said profits
increased sharply"; Moby Thesaurus, with opposites and series such as north/south or
Monday/Tuesday never synonyms), or when it opens with all the words of the one before and
goes on (a copy followed by the rest of the original; not in quoted speech). The later copy
is flagged.
Display lines (a paragraph of one sentence in title case or without final punctuation: a
headline, subheading or caption; or one that opens with a quotation: a pull-quote) are
compared only with display lines, since the body of a story often restates its headline;
a headline glued to the start of the body ("Storm cuts power A storm cut...") is flagged.
Sentences repeated inside quotation marks where the paragraph speaks of singing or chanting
(a refrain) are left alone.
Earlier sentences are compared only when they share a word pair that few sentences contain,
so long documents stay linear.
"""

from __future__ import annotations

import difflib
import functools
import operator
import re
from collections import Counter
from typing import Iterator, Sequence

from rapidfuzz import fuzz

from mtaudit import lexicon
from mtaudit.checks.base import Check, CheckContext, shorten
from mtaudit.checks.meaning_drift import antonyms
from mtaudit.checks.truncation import in_title_case
from mtaudit.model import Document, Finding, Sentence, Severity, Token
from mtaudit.views.quotes import quotes

# Words whose doubling is grammatical ("had had", "that that", "what it is is", "gave her her
# keys", "sworn in in May", "carried on on Monday"), an idiom or reduplication ("so so",
# "bye bye", "many many", "ylang ylang", "fifty fifty") or speech ("yes yes", "wait wait").
_DOUBLES = frozenset(
    "had that is do her bye no so very really many much far long knock tut tsk chop night yeah ha ho he "
    "hee hip boo oh now there well bang blah yada go never aye ta ylang mahi cous tom yo chin "
    "yes ok okay wait sorry please hey stop help hurry quick thanks thank bravo encore hello hi la na "
    "ah aah ahh ooh hmm shh hush pooh rah beep choo hear win fifty goody wild bla come run".split()
)
# Reduplications written with a hyphen ("so-so", "win-win"): left alone in a longer compound too.
_HYPHEN_DOUBLES = frozenset(
    "so bye win tom pom yo no tut tsk hush can goody night ha ho hee choo knock chop pooh mahi ylang cous "
    "chin ta blah yada".split())
# "in in", "on on": a particle then a preposition after a verb ("sworn in in May", "carried on
# on Monday"); after anything else a slip ("the case in in May").
_PARTICLES = frozenset("in on".split())
_IRREGULAR_PAST = frozenset(
    "sworn took taken came come went gone put set got gotten sat held kept brought built ran run stood".split())
# Closed-class words: doubled, they are a slip even when capitalised ("The The") or hyphenated
# ("the-the").
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with into onto over under about after before as than and or "
    "but nor if so that this these those which who whom whose what when where while is are was were be "
    "been being has have had will would shall should can could may might must do does did not it its "
    "he she they we i you his her their our my your him them us me".split()
)
# Words that double around "and" ("more and more", "again and again", "over and over"),
# besides comparatives in -er ("faster and faster").
_AND_DOUBLES = frozenset("more less fewer better worse further farther again over on round around by".split())
# A subject and a verb doubled before the clause they report: "he said he said nothing".
_SUBJECTS = frozenset("i you he she we they it".split())
_DIGITS = re.compile(r"\d+")
_FINAL_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’»)\]]*\Z")
_LETTER = re.compile(r"[^\W\d_]")
_COLUMN_GAP = re.compile(r"\t| {2,}")
_OPENING_QUOTES = "“\"‘'«„"
_TEXT = operator.attrgetter("text")
_QUOTE_MARKS = frozenset("\"“”«»")
_ANCHOR_LENGTH = 4
# A word bigram in more sentences than this says nothing about which sentences are copies.
_COMMON_BIGRAM = 10
# A sentence right after another that only adds words to it ("..., police said") adds at
# most this many and this share of them; more is a restatement ("This report says that ...").
_MAX_ADDED, _ADDED_SHARE = 3, 0.4
# A sentence rewritten from the one before it shares at least this share of its words.
_SHARED_WORDS = 0.6
# Words of a paragraph that make a quoted repetition a refrain or a chant.
_SINGING = re.compile(
    r"\b(?:s[iau]ng|singing|songs?|chant(?:s|ed|ing)?|chorus|refrain|lyrics?|anthem|hymn|verse|slogans?)\b",
    re.IGNORECASE)


def _word_tokens(sentence: Sentence) -> Sequence[Token]:
    """The tokens with a letter, and those with a numeral that is no digit ("½", "²"): such
    numerals tell sentences apart as words do, since the numbers compared are runs of digits."""
    if sentence.text.isascii():  # a list is built faster than `sentence.words`, cached for every sentence
        return [t for t in sentence.tokens if t.is_word]
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
        yield from self._hyphen_doubles(doc)
        yield from self._doubles_across_breaks(doc, words, lowered)
        yield from self._repeated_sentences(
            doc, words, lowered,
            int(context.setting("min-sentence-words", 6)),
            int(context.setting("min-adjacent-sentence-words", 4)),
            float(context.setting("sentence-similarity", 95)),
        )

    def _phrase_finding(self, doc: Document, first: Sequence[Token], second: Sequence[Token], **evidence) -> Finding:
        text, start, end = doc.text, second[0].start, second[-1].end
        phrase = text[first[0].start:first[-1].end]
        return self.finding(doc, start, end, f"'{phrase}' is repeated: '{text[first[0].start:end]}'",
                            suggestion="", **evidence)

    def _repeated_phrases(self, doc: Document, sentence_words: list[Sequence[Token]],
                          lowered: list[tuple[str, ...]], max_words: int) -> Iterator[Finding]:
        text, quoted = doc.text, None
        for tokens, words in zip(sentence_words, lowered):
            if len(set(words)) == len(words):
                continue
            for i, n, count in _immediate_repeats(words, max_words):
                first, copies = tokens[i:i + n], tokens[i + n:i + count * n]
                gaps = [text[a.end:b.start] for a, b in zip(first + copies, first[1:] + copies)]
                if any(gap.strip() or _COLUMN_GAP.search(gap) for gap in gaps):
                    continue  # punctuation between ("very, very") or table columns
                quoted = doc.view(quotes).quoted_spans() if quoted is None else quoted
                if self._accidental(doc, tokens, i, n, count, quoted):
                    yield self._phrase_finding(doc, first, copies, words=n, copies=count)

    @staticmethod
    def _accidental(doc: Document, tokens: Sequence[Token], i: int, n: int, count: int,
                    quoted: list[tuple[int, int]]) -> bool:
        first, copies = tokens[i:i + n], tokens[i + n:i + count * n]
        words = [t.text.lower() for t in first]
        if n == 1 and (words[0] in _DOUBLES or words[0] in _PARTICLES and i and _after_verb(tokens[i - 1].text)):
            return False
        if n == 2 and words[0] == "and" and _doubles_around_and(words[1]):
            return False  # "and more and more": "and" before "more and more"
        if n == 2 and words[0] in _SUBJECTS and i + count * n < len(tokens):
            return False  # "he said he said nothing": the second reports a clause
        if all(t.is_capitalised for t in copies[:n]) and not all(w in _FUNCTION_WORDS for w in words):
            return False  # a name: "Walla Walla", "Sing Sing"
        start, end = first[0].start, copies[-1].end
        for q_start, q_end in quoted:
            if q_start <= start and end <= q_end:
                chant = not doc.text[q_start:start].strip(" ,.!?") and not doc.text[end:q_end].strip(" ,.!?")
                if chant or count > 2:
                    return False
        return True

    def _hyphen_doubles(self, doc: Document) -> Iterator[Finding]:
        """A part doubled inside a hyphenated word: "long-term-term", "well-well-known", "the-the"."""
        text = doc.text
        if "-" not in text:
            return
        for sentence in doc.sentences:
            if "-" not in sentence.text:
                continue
            for parts in _hyphenated_words(text, sentence.words):
                yield from self._doubled_parts(doc, parts)

    def _doubled_parts(self, doc: Document, parts: list[Token]) -> Iterator[Finding]:
        lowered = [p.text.lower() for p in parts]
        if len(set(lowered)) == 1 and lowered[0] not in _FUNCTION_WORDS:
            return  # "bye-bye", "win-win", "no-no-no"
        for a, b in zip(parts, parts[1:]):
            word = a.text.lower()
            if word != b.text.lower() or word in _HYPHEN_DOUBLES or b.is_capitalised and word not in _FUNCTION_WORDS:
                continue
            yield self._phrase_finding(doc, [a], [b], words=1, copies=2)

    def _doubles_across_breaks(self, doc: Document, sentence_words: list[Sequence[Token]],
                               lowered: list[tuple[str, ...]]) -> Iterator[Finding]:
        """Words doubled across a line break that cut a sentence: "voted to⏎to close". The
        first part has no final punctuation and the second starts in lower case."""
        for index, sentence in enumerate(doc.sentences[:-1]):
            if not sentence.tokens[-1].is_word:
                continue  # ends with punctuation
            before, after = sentence_words[index], sentence_words[index + 1]
            if not before or not after or not after[0].text[:1].islower() or sentence.tokens[-1] is not before[-1]:
                continue
            before_words, after_words = lowered[index], lowered[index + 1]
            n = _overlap(before_words, after_words)
            if n and not (n == 1 and after_words[0] in _DOUBLES):
                yield self._phrase_finding(doc, before[-n:], after[:n], words=n, copies=2)

    def _repeated_sentences(self, doc: Document, sentence_words: list[Sequence[Token]],
                            lowered: list[tuple[str, ...]], min_words: int, min_adjacent_words: int,
                            similarity: float) -> Iterator[Finding]:
        copies = {display: _Copies(similarity) for display in (False, True)}
        displays = _display_lines(doc)
        headlines: dict[tuple[str, ...], int] = {}  # display lines of four words or more
        first_words: set[str] = set()  # the first words of `headlines`
        previous: tuple = ()
        seen: list[tuple] = []  # (key, display) of each sentence so far
        copied = None  # the index of the sentence the one before copies, if it does
        for sentence, tokens, words in zip(doc.sentences, sentence_words, lowered):
            display = sentence.index in displays
            key = (words, tuple(_DIGITS.findall(sentence.text)))
            earlier, score = None, 100.0
            if len(words) >= min_adjacent_words:
                earlier = _next_copy(seen, copied, (key, display))
            if earlier is None and len(words) >= min_words:
                earlier, score = copies[display].earlier_copy(sentence.index, key)
                if earlier is None and previous and not display:
                    earlier, score = _rewritten_copy(doc, sentence.index, previous, key, min_words)
            if earlier is None and previous and not display and not previous[1]:
                yield from self._extended_copy(doc, sentence.index, tokens, words, previous[0][0], min_words)
            previous = (key, display)
            seen.append(previous)
            copied = earlier
            if display and len(words) >= _ANCHOR_LENGTH:
                headlines.setdefault(words, sentence.index)
                first_words.add(words[0])
            elif not display and words and words[0] in first_words:
                yield from self._glued_headline(doc, tokens, words, headlines)
            if earlier is None or _in_refrain(doc, sentence):
                continue
            how = "repeats" if score == 100 else f"nearly repeats (similarity {score:.0f})"
            yield self.finding(
                doc, sentence.start, sentence.end,
                f"this sentence {how} an earlier one: '{shorten(doc.sentences[earlier].text, 60)}'",
                suggestion="",
                earlier_sentence=earlier, similarity=round(score, 1),
            )

    def _extended_copy(self, doc: Document, index: int, tokens: Sequence[Token], words: tuple[str, ...],
                       before: tuple[str, ...], min_words: int) -> Iterator[Finding]:
        """A sentence that opens with every word of the sentence before and goes on: the copy
        of a sentence with the rest of the original after it ("He said X. He said X, at a cost
        of ..."). Quoted speech may repeat itself on purpose ("We will rebuild. We will
        rebuild, and ..."), so sentences with quotation marks pass."""
        n = len(before)
        if n >= min_words and len(words) > n and words[:n] == before and not any(
                _QUOTE_MARKS.intersection(doc.sentences[i].text) for i in (index - 1, index)):
            yield self.finding(
                doc, tokens[0].start, tokens[n - 1].end,
                f"this sentence opens with a copy of the one before: '{shorten(doc.sentences[index - 1].text, 60)}'",
                suggestion="", earlier_sentence=index - 1, similarity=100.0,
            )

    def _glued_headline(self, doc: Document, tokens: Sequence[Token], words: tuple[str, ...],
                        headlines: dict[tuple[str, ...], int]) -> Iterator[Finding]:
        """The start of a body sentence that is a copy of a headline, with the body going on
        in a new capitalised sentence: "Storm cuts power to thousands A storm cut..."."""
        for headline, index in headlines.items():
            n = len(headline)
            if len(words) > n and words[:n] == headline and tokens[n].is_capitalised and \
                    doc.text[tokens[n - 1].end:tokens[n].start].isspace():
                headline_text = shorten(doc.sentences[index].text, 60)
                yield self.finding(
                    doc, tokens[0].start, tokens[n - 1].end,
                    f"the headline is repeated at the start of this sentence: '{headline_text}'",
                    suggestion="", earlier_sentence=index, similarity=100.0,
                )
                return


def _next_copy(seen: list[tuple], copied: int | None, sentence: tuple) -> int | None:
    """The index of the sentence that `sentence` ((key, display)) copies word for word when it
    is the one just before it, or the one after the sentence its predecessor copies (a doubled
    paragraph goes on); None otherwise."""
    if seen and seen[-1] == sentence:
        return len(seen) - 1
    if copied is not None and seen[copied + 1] == sentence:
        return copied + 1
    return None


def _after_verb(word: str) -> bool:
    """A past form a particle may follow ("sworn", "moved", "carried")."""
    word = word.lower()
    return word in _IRREGULAR_PAST or word.endswith(("ed", "en"))


def _hyphenated_words(text: str, words: Sequence[Token]) -> Iterator[list[Token]]:
    """The parts of each word written with hyphens ("long-term-term": long, term, term)."""
    parts: list[Token] = []
    for token in words:
        if parts and text[parts[-1].end:token.start] == "-":
            parts.append(token)
            continue
        if len(parts) > 1:
            yield parts
        parts = [token]
    if len(parts) > 1:
        yield parts


def _overlap(before: tuple[str, ...], after: tuple[str, ...], longest: int = 4) -> int:
    """The number of words that end `before` and begin `after` alike (at most `longest`)."""
    for n in range(min(longest, len(before), len(after)), 0, -1):
        if before[-n:] == after[:n]:
            return n
    return 0


def _doubles_around_and(word: str) -> bool:
    """A word of "more and more" or a comparative: one in -er whose superlative in -est is a
    word ("bigger": "biggest"; not "paper")."""
    return word in _AND_DOUBLES or (word.endswith("er") and lexicon.in_dictionary(word[:-2] + "est"))


def _display_lines(doc: Document) -> set[int]:
    """Indexes of the sentences that are a paragraph of their own, in title case, without
    final punctuation, or opening with a quotation (a pull-quote)."""
    per_paragraph = Counter(s.paragraph for s in doc.sentences)
    return {s.index for s in doc.sentences if per_paragraph[s.paragraph] == 1
            and (in_title_case(s) or not _FINAL_PUNCTUATION.search(s.text.rstrip()) or _opens_with_a_quotation(s))}


def _opens_with_a_quotation(sentence: Sentence) -> bool:
    return sentence.text[:1] in _OPENING_QUOTES


def _in_refrain(doc: Document, sentence: Sentence) -> bool:
    """The sentence is inside quotation marks in a paragraph that speaks of singing or chanting."""
    if not any(q_start <= sentence.start and sentence.end <= q_end + 1
               for q_start, q_end in doc.view(quotes).quoted_spans()):
        return False
    return any(_SINGING.search(s.text) for s in doc.sentences if s.paragraph == sentence.paragraph)


def _rewritten_copy(doc: Document, index: int, previous: tuple, key: tuple,
                    min_words: int) -> tuple[int | None, float]:
    """(index - 1, similarity) when sentence `index` copies the one before it with a few words
    added ("..., police said") or words swapped for synonyms; (None, 100) otherwise."""
    (earlier_words, earlier_numbers), earlier_display = previous
    words, numbers = key
    if earlier_display or numbers != earlier_numbers or len(earlier_words) < min_words:
        return None, 100.0
    if words[0] != earlier_words[0] and words[-1] != earlier_words[-1]:
        return None, 100.0  # a copy keeps the first or the last word
    shared = len(set(earlier_words) & set(words))  # a glance before the word-by-word comparison
    if shared < _SHARED_WORDS * min(len(set(earlier_words)), len(set(words))):
        return None, 100.0
    matcher = difflib.SequenceMatcher(None, earlier_words, words, autojunk=False)
    if matcher.ratio() < _SHARED_WORDS or in_title_case(doc.sentences[index - 1]):
        return None, 100.0
    swapped, added = [], 0
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation in ("insert", "delete"):
            added += (a2 - a1) + (b2 - b1)
        elif operation == "replace":
            if a2 - a1 != b2 - b1:
                return None, 100.0
            swapped += zip(earlier_words[a1:a2], words[b1:b2])
    shorter = min(len(earlier_words), len(words))
    if added > min(_MAX_ADDED, _ADDED_SHARE * shorter) or (swapped and added > 1):
        return None, 100.0
    if not all(_synonyms(a, b) for a, b in swapped):
        return None, 100.0
    return index - 1, round(matcher.ratio() * 100, 1)


# Base forms of irregular verbs common in news, for the synonym lookup ("rose": rise).
_IRREGULAR_BASES = dict(pair.split(":") for pair in (
    "said:say rose:rise risen:rise fell:fall fallen:fall grew:grow grown:grow took:take taken:take made:make "
    "gave:give given:give held:hold told:tell won:win lost:lose began:begin begun:begin went:go gone:go "
    "came:come saw:see seen:see found:find thought:think brought:bring bought:buy sold:sell built:build "
    "left:leave kept:keep met:meet ran:run spoke:speak spoken:speak wrote:write written:write "
    "struck:strike sought:seek led:lead paid:pay sent:send spent:spend fought:fight stood:stand "
    "became:become chose:choose chosen:choose drove:drive driven:drive broke:break broken:break "
    "knew:know known:know drew:draw drawn:draw shown:show done:do did:do").split())


def _stems(word: str) -> tuple[str, ...]:
    """The word and its likely base forms ("increased": increase, increas; "rose": rise)."""
    stems = [word, _IRREGULAR_BASES[word]] if word in _IRREGULAR_BASES else [word]
    for ending, replacement in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                                ("d", ""), ("ing", ""), ("ing", "e"), ("ly", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stems.append(word[:-len(ending)] + replacement)
    return tuple(stems)


@functools.lru_cache(maxsize=4096)
def _synonyms(a: str, b: str) -> bool:
    """`a` and `b` are Moby synonyms (either way, in a base form) and no pair of opposites or
    of one series ("north"/"south", "rose"/"fell", "Monday"/"Tuesday")."""
    if _contrasting(a, b) or not a.isalpha() or not b.isalpha():
        return False
    from mtaudit.thesaurus import thesaurus_entry  # only for sentences that may be rewritten

    for x, y in ((a, b), (b, a)):
        entries = [thesaurus_entry(stem) for stem in _stems(x)]
        if any(stem in entry for entry in entries for stem in _stems(y)):
            return True
    return False


# Words of series whose members stand for one another in parallel sentences ("trains to the
# north ... trains to the south"): two of them are never synonyms here.
_SERIES = frozenset((
    "north south east west northern southern eastern western northeast northwest southeast southwest "
    "left right up down top bottom upper lower inner outer front back first last next previous early "
    "late earlier later old new young morning afternoon evening night day week month year "
    "spring summer autumn winter fall monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december "
    "men women man woman boys girls boy girl male female public private domestic foreign "
    "home away urban rural city country local national state federal buy sell bought sold "
    "import export imports exports win lose won lost high low higher lowest highest"
).split())


def _contrasting(a: str, b: str) -> bool:
    """Two words of the series or a pair of `antonyms.tsv`."""
    return (a in _SERIES and b in _SERIES) or b in antonyms().get(a, ())


class _Copies:
    """The sentences seen so far, to find an earlier copy of the next one: the same words and
    numbers, or nearly the same words (rapidfuzz ratio at least `similarity`, no word swapped
    for its opposite, one of its series or a name) and the same numbers. Near copies are looked for only among
    sentences that share a word pair few sentences contain (pairs led by a word of four
    letters or more, when there are such), so the search stays linear."""

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
        text = " ".join(words)
        for index in sorted(candidates):
            other_words, other_numbers = self.keys[index]
            if other_numbers != numbers:
                continue
            score = fuzz.ratio(text, " ".join(other_words), score_cutoff=self.similarity)
            if score and not _swaps_content_word(other_words, words):
                return index, score
        return None, 100.0


def _swaps_content_word(earlier: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """A word of `earlier` stands replaced by its opposite, another of its series or a name:
    "north" by "south", "rose" by "fell", "Paris" by "Lyon" (but not "kept" by "left")."""
    matcher = difflib.SequenceMatcher(None, earlier, words, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation != "replace" or all(w in _FUNCTION_WORDS for w in earlier[a1:a2] + words[b1:b2]):
            continue
        if a2 - a1 != b2 - b1:
            return True
        for a, b in zip(earlier[a1:a2], words[b1:b2]):
            if _contrasting(a, b) or not (lexicon.in_dictionary(a) and lexicon.in_dictionary(b)):
                return True
    return False
