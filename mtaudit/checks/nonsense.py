"""Word-salad sentences that no amount of local editing makes read right.

Six signals, all kept narrow because clean news prose must stay quiet:

* **Clashing word pairs**: a stretch of a clause where three of four neighbouring word pairs
  are pairs English does not form: "as teachers the leaving of sick" ("teachers the", "the
  leaving", "leaving of"). A pair clashes when both words are frequent enough that chance
  alone would put them side by side often, yet Google Books has them together no more often
  than chance (mtaudit/word_pairs.py). Only lower-case words separated by a single space
  count, so punctuation, names, numbers and hyphenated or rare words break a stretch; one
  odd word (a modal used as a noun: "its will on others") makes at most two clashes, hence
  three. The clashes must also add up to at least `salad_min_doublings` doublings below
  chance, and the finding is major when four pairs clash or they add up to twice that.
* **Verbless fragment**: a sentence in running text (its paragraph holds other sentences,
  so headlines, captions and list items are left alone) that ends in a full stop yet has
  no finite verb: "Measures to facilitate the UN-backed peace process." Spinners and
  round-trip translation drop or mangle the verb of a clause and leave its noun phrase.
  Without a part-of-speech tagger, "no finite verb" is read conservatively: any
  auxiliary, subject pronoun, common irregular verb, "-ed", "-ing" or "-s" word, or a
  verb-like word opening the sentence (an imperative), right after a name or a plural noun
  or right before a determiner counts as one, so only clearly verbless sentences remain.
  Quotations, sentences made mostly of names, and the journalistic "No immediate comment
  from ..." are left alone.
* **Dangling subordinate clause**: a sentence opened by "Because", "Although", "Unless" ...
  with no comma and a single verb group, so no main clause follows: "Because modern sheep
  farming is getting better." A sentence answering a question ("Why? Because ...") is left
  alone.
* **Dangling concession**: a sentence opened by a concessive marker ("Granted,",
  "Admittedly,", "To be sure,") with no contrast after it, in the sentence or the next
  one ("but", "however", "yet", ...). The marker concedes a point in order to turn
  against it; on its own it is a spinner's substitute for a plain connective.
* **Self-echo**: a sentence ending in "of [determiners] NOUN" whose NOUN turns back on its
  own clause: when possessed ("of its NOUN"), an antonym of the word it qualifies ("the
  weakness of its strength"); when stressed ("of its own NOUN"), a thesaurus synonym of
  an earlier modifier ("the calm evening ... of its own quiet"), unless it is the
  modifier's own noun ("young ... youth"); or a possessed head noun repeated ("moved its
  budget into the shadow of the budget"). Spinners that rewrite a clause word by
  word produce such loops; writers use a pronoun or another word. The phrase's own head
  ("the best of the best"), idioms without a possessive ("the beginning of the end"),
  unstressed synonyms ("the young striker ... the energy of his youth"), synonyms of a
  head noun ("defended the policy as the cornerstone of his own strategy") and repeated
  nouns that are not possessed ("people in the village have never left the boundaries of
  the village") are not echoes.
* **Self-compound**: a hyphenated compound whose first word is the noun it qualifies:
  "drones-launched drone".

What is left for a language model: implausible verb-object pairs ("kept the matter in
worry"), word salad whose words are related only through the world ("the harbour ... the
worry of its own tide"), derived forms ("the secret meeting in fear of secrecy", while "the
democratic movement grew out of a love of democracy" is fine English), and fluent-looking
sentences that mean nothing in context.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from typing import Iterator, Sequence

from mtaudit.checks.base import Check, CheckContext
from mtaudit.checks.meaning_drift import antonyms
from mtaudit.lexicon import in_dictionary
from mtaudit.model import Document, Finding, Sentence, Severity, Token
from mtaudit.thesaurus import are_synonyms, word_key
from mtaudit.word_pairs import clash_strength, clashing_pairs

_FINITE_WORDS = frozenset(
    """is are was were am be been being has have had will would can could may might must shall
    should do does did cannot n't n’t 's 're 've 'd 'll ’s ’re ’ve ’d ’ll
    i we you they he she it there who which
    said told made took went came gave got saw found left held led met paid put set cut hit sent
    spent kept lost won began became brought bought built caught chose drove fell felt fought
    flew grew knew meant ran rose sold sought spoke stood struck taught thought understood wrote
    broke let shut quit spread hurt say tell make take go come give get see find leave hold
    lead meet pay keep lose win begin become bring buy build catch choose drive fall feel fight
    fly grow know mean run rise sell seek speak stand strike teach think understand write break
    remain need want expect believe gone done seen taken given known shown written""".split()
)
_FINITE_WORD_RE = re.compile(
    r"\b(?:" + "|".join(w for w in _FINITE_WORDS if w.isalpha()) + r")\b|n?['’](?:s|re|ve|d|ll|t)\b"
)
# Words after which a verb-looking word is a noun or an infinitive, not a finite verb.
_NOT_BEFORE_VERB = frozenset("a an the this that these those to of for by in on at with from as and or".split())
_PRONOUN_SUBJECTS = frozenset("them us these those others".split())
_DETERMINERS = frozenset("a an the this that these those his her its their our my your some any".split())
_POSSESSIVES = frozenset("his her its their our my your".split())
_OF_DETERMINERS = _DETERMINERS | {"own"}  # words between "of" and its noun: "of its own silence"
_CONVENTIONAL_FRAGMENT_OPENERS = frozenset("no not more also".split())
_QUOTES = re.compile(r"[\"“”‘’«»]|(?<!\w)'|'(?!\w)")
_CONCESSIVE = re.compile(r"(?:Granted|Admittedly|To be sure|Mind you),")
_CONTRAST = re.compile(r"\b(?:but|however|yet|still|though|although|nevertheless|nonetheless|even so)\b", re.I)
_SUBORDINATOR = re.compile(r"(?:Although|Though|Even though|Even if|Because|Whereas|Unless) ")
# Words that open a new clause: an echo is looked for only inside the clause of its noun.
_CLAUSE_OPENERS = frozenset(
    "and but or nor which who whom whose that while whereas because although though when where".split()
)
# Words that end a noun phrase: the word before one is a head noun, not a modifier.
_PHRASE_ENDS = _FINITE_WORDS | _NOT_BEFORE_VERB | _CLAUSE_OPENERS | frozenset(
    "into onto under over through towards toward against about after before without".split()
)


def _is_plural_or_3sg(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _can_be_verb(word: str) -> bool:
    """Whether a content word has a regular past tense, i.e. can be used as a verb."""
    past = word + "d" if word.endswith("e") else word + "ed"
    return word not in _NOT_BEFORE_VERB and in_dictionary(past)


def _finite_verb_cues(doc: Document, words: Sequence[Token]) -> Iterator[int]:
    """Positions of the words that may be a finite verb (deliberately generous: see module
    docstring)."""
    for i, word in enumerate(words):
        lower = word.text.lower()
        if lower in _FINITE_WORDS:
            yield i
            continue
        previous = words[i - 1] if i else None
        if previous and doc.text[previous.end:word.start] == "-":  # "UN-backed", "long-term"
            continue
        if lower.endswith("ed") or (previous is None and _can_be_verb(lower)):  # or an imperative
            yield i
            continue
        if previous is None or previous.text.lower() in _NOT_BEFORE_VERB:
            continue
        if lower.endswith("ing") or _is_plural_or_3sg(lower):
            yield i
            continue
        after_subject = (previous.is_capitalised or _is_plural_or_3sg(previous.text.lower())
                         or previous.text.lower() in _PRONOUN_SUBJECTS)  # "most of them lack"
        before_object = i + 1 < len(words) and words[i + 1].text.lower() in _DETERMINERS
        if word.text.islower() and (after_subject or before_object) and _can_be_verb(lower):
            yield i


def has_finite_verb_cue(doc: Document, words: Sequence[Token]) -> bool:
    return next(_finite_verb_cues(doc, words), None) is not None


def verbless_fragment(doc: Document, sentence: Sentence, paragraph_size: int,
                      min_words: int, max_words: int) -> bool:
    if paragraph_size < 2 or not sentence.text.endswith(".") or len(sentence.tokens) <= min_words:
        return False
    if not _FINITE_WORDS.isdisjoint(sentence.word_runs):  # the quick answer for most sentences
        return False
    words = sentence.words
    if not min_words <= len(words) <= max_words or words[0].text.lower() in _CONVENTIONAL_FRAGMENT_OPENERS:
        return False
    if sum(w.is_capitalised for w in words) * 2 > len(words):
        return False
    if len(sentence.tokens) > 1 and sentence.tokens[1].text in (",", ":"):  # "First, ..."
        return False
    if _QUOTES.search(sentence.text) or _FINITE_WORD_RE.search(sentence.text.lower()):
        return False
    return not has_finite_verb_cue(doc, words)


def dangling_subordinate(doc: Document, sentence: Sentence, previous: Sentence | None, min_words: int) -> bool:
    """A subordinate clause standing as a sentence: one verb group, no comma before a main clause."""
    text = sentence.text
    if not _SUBORDINATOR.match(text) or not text.endswith(".") or re.search(r"[,;:]", text):
        return False
    if _QUOTES.search(text) or len(sentence.words) < min_words:
        return False
    if previous is not None and previous.text.rstrip().endswith("?"):  # "Why? Because ..."
        return False
    cues = list(_finite_verb_cues(doc, sentence.words))
    verb_groups = sum(1 for i, position in enumerate(cues) if not i or position > cues[i - 1] + 1)
    return verb_groups <= 1


@dataclass(frozen=True)
class Echo:
    """The final noun of a sentence and the earlier word of its clause it turns back on."""

    relation: str  # "antonym", "synonym" or "repeated"
    earlier: Token
    noun: Token


def _clause_before(tokens: Sequence[Token], end: int) -> Sequence[Token]:
    start = end
    while start > 0 and tokens[start - 1].is_word and tokens[start - 1].text.lower() not in _CLAUSE_OPENERS:
        start -= 1
    return tokens[start:end]


def _is_content_word(doc: Document, token: Token) -> bool:
    """A lower-case dictionary word standing alone (not part of a hyphenated compound)."""
    return (token.text.isalpha() and token.text.islower() and token.text not in _PHRASE_ENDS
            and in_dictionary(token.text) and doc.text[token.start - 1:token.start] != "-"
            and doc.text[token.end:token.end + 1] != "-")


def self_echo(doc: Document, sentence: Sentence) -> Echo | None:
    """A sentence ending in "of [determiners] NOUN." whose NOUN echoes its own clause (see the
    module docstring for the three relations and what is not an echo)."""
    tokens = sentence.tokens
    if len(tokens) < 6 or tokens[-1].text not in ".!?":
        return None
    noun, i = tokens[-2], len(tokens) - 3
    while i > 0 and tokens[i].text.lower() in _OF_DETERMINERS:
        i -= 1
    if i < 2 or tokens[i].text.lower() != "of" or not _is_content_word(doc, noun) or _QUOTES.search(sentence.text):
        return None
    determiners = {t.text.lower() for t in tokens[i + 1:-2]}
    possessed = bool(determiners & _POSSESSIVES)
    clause = _clause_before(tokens, i)
    for position, word in enumerate(clause):
        if not _is_content_word(doc, word):
            continue
        if position == len(clause) - 1:  # the head of "HEAD of ... NOUN"
            if possessed and noun.text in antonyms().get(word.text, ()):
                return Echo("antonym", word, noun)
            continue
        before, after = clause[position - 1].text.lower() if position else "", clause[position + 1]
        if ("own" in determiners and _is_content_word(doc, after) and are_synonyms(word.text, noun.text)
                and word.text[:3] != noun.text[:3]):
            return Echo("synonym", word, noun)  # a modifier: "the calm evening ... of its own quiet"
        if (determiners and before in _POSSESSIVES and after.text.lower() in _PHRASE_ENDS
                and word_key(word.text) == word_key(noun.text)):
            return Echo("repeated", word, noun)  # a head noun: "its budget into ... of the budget"
    return None


def self_compounds(doc: Document, sentence: Sentence) -> Iterator[tuple[Token, Token]]:
    """(first word, noun) of each "drones-launched drone": a compound made of the noun it qualifies."""
    if "-" not in sentence.text:
        return
    words = sentence.words
    for first, middle, noun in zip(words, words[1:], words[2:]):
        if (doc.text[first.end:middle.start] == "-" and doc.text[middle.end:noun.start] == " "
                and doc.text[noun.end:noun.end + 1] != "-" and first.text.islower() and noun.text.islower()
                and word_key(first.text) == word_key(noun.text)):
            yield first, noun


# Runs of four or more lower-case words separated by single spaces and not glued to other
# word characters, apostrophes, hyphens or slashes: where clashing pairs are looked for.
_LOWER_RUN = re.compile(r"(?<![\w'’/-])[a-z]++(?: [a-z]++){3,}(?![\w'’/-])")


@dataclass(frozen=True)
class Clashes:
    """A stretch of a clause whose neighbouring word pairs English does not form."""

    start: int
    end: int
    pairs: tuple[str, ...]
    doublings: float  # how far below chance the pairs stand together, summed


def _clash_groups(positions: Sequence[int]) -> Iterator[tuple[int, ...]]:
    """The positions of clashing pairs, grouped while at most one fine pair separates two,
    for each group with three clashes among four neighbouring pairs."""
    group: list[int] = []
    for position in [*positions, float("inf")]:
        if group and position - group[-1] > 2:
            if any(group[j + 2] - group[j] <= 3 for j in range(len(group) - 2)):
                yield tuple(group)
            group = []
        group.append(position)


@functools.lru_cache(maxsize=1 << 14)
def _run_clashes(run: str) -> tuple[tuple[int, ...], ...]:
    """The clash groups of a run of lower-case words (cached: runs recur across documents)."""
    positions = clashing_pairs(run.split(" "))
    return tuple(_clash_groups(positions)) if len(positions) >= 3 else ()


def clashing_stretches(text: str) -> Iterator[Clashes]:
    """Each stretch of `text` where three of four neighbouring word pairs clash."""
    for run in _LOWER_RUN.finditer(text):
        groups = _run_clashes(run.group())
        if not groups:
            continue
        words = run.group().split(" ")
        starts = list(accumulate((len(word) + 1 for word in words[:-1]), initial=run.start()))
        for group in groups:
            last = group[-1] + 1
            yield Clashes(starts[group[0]], starts[last] + len(words[last]),
                          tuple(f"{words[i]} {words[i + 1]}" for i in group),
                          -sum(clash_strength(words[i], words[i + 1]) for i in group))


_ECHO_MESSAGES = {
    "antonym": "qualifies '{earlier}' by its opposite '{noun}'",
    "synonym": "ends on '{noun}', a synonym of its own '{earlier}'",
    "repeated": "repeats '{noun}' inside its own clause",
}


class Nonsense(Check):
    """Word-salad sentences: words in an order English does not use, verbless fragments and
    dangling subordinate clauses in running text, dangling concessions, phrases that turn
    back on themselves.

    Flagged: "The school closed early, as teachers the leaving of sick were too many."
    (three word pairs in a row that English avoids); "The talks resumed on Monday. Measures
    to facilitate the UN-backed peace process." (a noun phrase standing as a sentence);
    "Granted, it cut the city's main source of income." (a concession that nothing
    answers); "The market has sent the price comfort into the weakness of its strength."
    (a phrase and its opposite).
    Clean: "The more you practise the better you get." (rare pairs, but not three of four);
    "Talks resume" (a headline); "Granted, the figures are provisional. But they point to a
    recovery."; "No immediate comment from the ministry."; "It was the beginning of the end."

    Settings: `salad_min_doublings` (default 4.5) is how far below chance, in doublings
    summed over the pairs, a stretch of clashing pairs must stand; `fragment_min_words`
    (default 5) and `fragment_max_words` (default 25) bound the sentences read as possible
    fragments; `subordinate_min_words` (default 6) is the least length of a dangling
    subordinate clause.
    """

    id = "nonsense"
    category = "fluency/grammar"
    severity = Severity.MAJOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        min_words = int(context.setting("fragment_min_words", 5))
        max_words = int(context.setting("fragment_max_words", 25))
        subordinate_min_words = int(context.setting("subordinate_min_words", 6))
        salad_min_doublings = float(context.setting("salad_min_doublings", 4.5))
        for stretch in clashing_stretches(doc.text):
            if stretch.doublings >= salad_min_doublings:
                yield self._salad(doc, stretch, salad_min_doublings)
        paragraph_sizes = Counter(sentence.paragraph for sentence in doc.sentences)
        for sentence in doc.sentences:
            previous = doc.sentences[sentence.index - 1] if sentence.index else None
            if verbless_fragment(doc, sentence, paragraph_sizes[sentence.paragraph], min_words, max_words):
                yield self._whole_sentence(
                    doc, sentence, "stands as a sentence but has no finite verb: a clause lost its verb or its subject",
                    kind="verbless-fragment",
                )
            elif dangling_subordinate(doc, sentence, previous, subordinate_min_words):
                yield self._whole_sentence(
                    doc, sentence, "is a subordinate clause standing as a sentence: its main clause is missing",
                    kind="dangling-subordinate",
                )
            echo = self_echo(doc, sentence)
            if echo:
                message = _ECHO_MESSAGES[echo.relation].format(earlier=echo.earlier.text, noun=echo.noun.text)
                yield self._whole_sentence(doc, sentence, f"{message}: the phrase turns back on itself (word salad)",
                                           kind="self-echo", relation=echo.relation)
            for first, noun in self_compounds(doc, sentence):
                yield self.finding(
                    doc, first.start, noun.end,
                    f"'{doc.text[first.start:noun.end]}' qualifies '{noun.text}' by itself: a meaningless compound",
                    severity=Severity.MINOR, kind="self-compound",
                )
            marker = _CONCESSIVE.match(sentence.text)
            if marker and not self._answered(doc, sentence, marker.end()):
                yield self.finding(
                    doc, sentence.start, sentence.start + marker.end() - 1,
                    f"'{marker.group()[:-1]}' concedes a point that nothing in this or the next "
                    "sentence turns against: an odd connective, likely a synonym swap",
                    severity=Severity.MINOR, kind="dangling-concession",
                )

    def _salad(self, doc: Document, stretch: Clashes, min_doublings: float) -> Finding:
        strong = len(stretch.pairs) >= 4 or stretch.doublings >= 2 * min_doublings
        quoted = [f"'{pair}'" for pair in stretch.pairs]
        pairs = ", ".join(quoted[:-1]) + " and " + quoted[-1]
        return self.finding(
            doc, stretch.start, stretch.end,
            f"'{doc.text[stretch.start:stretch.end]}': English words in an order English does not use: "
            f"{pairs} are pairs that English avoids (far rarer in print than chance would make them); "
            "the clause reads as word salad",
            severity=Severity.MAJOR if strong else Severity.MINOR, kind="clashing-pairs",
            pairs=list(stretch.pairs), doublings=round(stretch.doublings, 1),
        )

    def _whole_sentence(self, doc: Document, sentence: Sentence, message: str, **evidence) -> Finding:
        end = sentence.words[-1].end
        return self.finding(doc, sentence.start, end, f"'{doc.text[sentence.start:end]}' {message}", **evidence)

    @staticmethod
    def _answered(doc: Document, sentence: Sentence, after: int) -> bool:
        following = doc.sentences[sentence.index + 1].text if sentence.index + 1 < len(doc.sentences) else ""
        return bool(_CONTRAST.search(sentence.text[after:]) or _CONTRAST.match(following))
