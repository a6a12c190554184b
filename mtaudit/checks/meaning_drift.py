"""Meaning drift: an aligned sentence that says something else than its reference, by one of
four telltale edits (MQM accuracy/mistranslation):

- negation: a negator ("not", "never", "no", "without", "stopped", ...) added or dropped
  while the words around it stay the same verb ("did not confirm" for "confirmed",
  "stopped issuing" for "issued");
- antonym: a word standing where the reference has its opposite ("rose" for "fell"),
  from the hand-compiled pairs in `mtaudit/data/antonyms.tsv`;
- scale shift: a quantifier, frequency or size word standing where the reference has a word
  of the same scale two or more ranks away ("few" for "most", "rarely" for "usually", "some"
  for "all"), from `mtaudit/data/scales.tsv`. Only in a pair whose other words mostly match
  (setting `min-shared-words`, the share of words the two sides have in common), and only
  word for word: an edit of equal length on both sides whose other words are the same or
  synonyms ("few inhabitants" for "most residents");
- role swap: two words that occur once on each side trade places around the same words
  ("the protesters arrested the police" for "the police arrested the protesters").

Rewording is not drift: synonyms, a passive for an active ("was defeated by"), "refused
to" for "did not", a fronted clause or a reordered list change none of these signals,
because each needs the words around the edit to be the same on both sides. Nor is a
negation that moved or is undone by another one elsewhere on one side only ("expect it not
to" for "do not expect it to", "every school got" for "no school went without", "wanted
to stay with" for "did not want to go without"), nor an opposite under a negation ("lost"
for "did not win", "fewer than" for "not more than"); "a few", "at most", "the most",
"after all" and "some 40" are not read as degrees of quantity.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from typing import Iterator

from mtaudit.checks.base import Check, CheckContext
from mtaudit.model import Document, Finding, Severity, Token
from mtaudit.thesaurus import are_synonyms
from mtaudit.views.aligned import WordEdit, aligned_pairs, word_edits, words

NEGATORS = frozenset("not n't never no none nobody nothing neither nor without cannot".split())
# verbs that negate the verb after them ("stopped issuing" for "issued")
CESSATION = frozenset("stop stops stopped ceased cease ceases halt halts halted".split())
NEGATING = NEGATORS | CESSATION
AUXILIARIES = frozenset(
    "do does did is are was were be been being has have had will would can could shall should may might must".split()
)
FUNCTION_WORDS = AUXILIARIES | NEGATORS | frozenset(
    "the and for with from that this these those its his her their our your into onto over than then"
    " also but who whom whose which what when where while said says".split()
)
COORDINATORS = frozenset("and or with".split())  # "A and B met": order carries no role
MAX_SWAP_GAP = 5
MIN_SCALE_DISTANCE = 2  # ranks apart: "few" for "most" (1 and 3) drifts, "several" for "many" (2 and 3) does not
MAX_SCALE_EDIT = 3  # words on each side of a word-for-word edit
# scale words read otherwise after another word: "a few" means some; "at most" is a ceiling,
# "the most" a superlative, "after all" a concession, none of them a degree
READ_AFTER = {("a", "few"): "some", ("a", "little"): "some", ("at", "most"): None, ("the", "most"): None,
              ("above", "all"): None, ("after", "all"): None, ("at", "all"): None}


@functools.cache
def antonyms() -> dict[str, frozenset[str]]:
    """Each listed form → the forms of its opposite."""
    opposite: dict[str, set[str]] = {}
    text = resources.files("mtaudit.data").joinpath("antonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        left, right = (side.split(",") for side in line.split("\t"))
        for form in left:
            opposite.setdefault(form, set()).update(right)
        for form in right:
            opposite.setdefault(form, set()).update(left)
    return {form: frozenset(others) for form, others in opposite.items()}


@functools.cache
def scales() -> dict[str, tuple[str, int]]:
    """Each listed form → its scale and rank (0 for the low end, 4 for the high end)."""
    text = resources.files("mtaudit.data").joinpath("scales.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {form: (scale, int(rank)) for scale, rank, forms in rows for form in forms.split(",")}


def _scale_rank(tokens: tuple[Token, ...], index: int) -> tuple[str, int] | None:
    """The scale and rank of the word at `index`, as the words around it read it: "a few" as
    "some", none for "at most", "the most" or "some 40 people"."""
    word = _fold(tokens[index])
    if word == "some" and index + 1 < len(tokens) and tokens[index + 1].text[0].isdigit():
        return None  # an approximation
    if index:
        word = READ_AFTER.get((_fold(tokens[index - 1]), word), word)
    return scales().get(word) if word else None


def _fold(token: Token) -> str:
    return token.text.lower().replace("’", "'")


def _same_stem(a: str, b: str) -> bool:
    """Inflections of one word ("confirm", "confirmed", "confirming")."""
    return len(os.path.commonprefix([a, b])) >= max(3, min(len(a), len(b)) - 2)


def _negations(tokens: tuple[Token, ...]) -> int:
    return sum(_fold(t) in NEGATING for t in tokens)


def _lexical(tokens: tuple[Token, ...]) -> list[str]:
    return [w for w in map(_fold, tokens) if w not in NEGATING and w not in AUXILIARIES]


class MeaningDrift(Check):
    """An aligned sentence whose meaning moved: negation flipped, antonym, quantity or
    frequency shifted ("few" for "most"), roles swapped.

    Flagged: "The ministry did not confirm the figures." against the reference "The
    ministry confirmed the figures." ('did not confirm').
    Clean: "The ministry declined to confirm the numbers." against "The ministry did not
    confirm the figures." (a rewording).
    """

    id = "meaning-drift"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR
    needs = frozenset({"reference"})

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        reference = context.reference
        if reference is None:
            return
        min_shared = float(context.setting("min-shared-words", 0.6))
        for pair in aligned_pairs(context.alignment):
            ours, theirs = words(doc, pair.sentences), words(reference, pair.reference_sentences)
            edits = word_edits(doc, reference, pair)
            close = _shared_words(ours, theirs, edits) >= min_shared
            for edit in edits:
                # a negator outside the edit on one side only: the negation moved or undoes this edit
                # ("expect it not to" for "do not expect it to", "every school got" for "no school went without")
                rest_agrees = _negations(ours) - _negations(edit.tokens) == \
                    _negations(theirs) - _negations(edit.reference_tokens)
                if rest_agrees:
                    yield from self._negation(doc, reference, ours, theirs, edit)
                    if close:
                        yield from self._scale_shift(doc, ours, theirs, edit)
                yield from self._antonym(doc, edit)
            yield from self._role_swap(doc, reference, ours, theirs)

    def _negation(self, doc, reference, ours, theirs, edit: WordEdit) -> Iterator[Finding]:
        added = sum(_fold(t) in NEGATING for t in edit.tokens)
        dropped = sum(_fold(t) in NEGATING for t in edit.reference_tokens)
        if added == dropped:
            return
        lexical, reference_lexical = _lexical(edit.tokens), _lexical(edit.reference_tokens)
        if len(lexical) != len(reference_lexical) or not all(map(_same_stem, lexical, reference_lexical)):
            return
        first, last = edit.position, edit.position + len(edit.tokens)
        ref_first, ref_last = edit.reference_position, edit.reference_position + len(edit.reference_tokens)
        if not lexical:  # only the negator (and auxiliaries) changed: quote the words around it
            first, last = max(first - 1, 0), min(last + 1, len(ours))
            ref_first, ref_last = max(ref_first - 1, 0), min(ref_last + 1, len(theirs))
        if first >= last or ref_first >= ref_last:
            return
        start, end = ours[first].start, ours[last - 1].end
        original = reference.text[theirs[ref_first].start:theirs[ref_last - 1].end]
        change = "adds a negation" if added > dropped else "drops the negation"
        yield self.finding(
            doc, start, end, f"'{doc.text[start:end]}' {change} of the reference '{original}'",
            suggestion=original, drift="negation", reference=original,
        )

    def _antonym(self, doc, edit: WordEdit) -> Iterator[Finding]:
        if edit.kind != "changed" or len(edit.tokens) > 3 or len(edit.reference_tokens) > 3:
            return
        if bool(_negations(edit.tokens)) != bool(_negations(edit.reference_tokens)):
            return  # a negated opposite says the same: "lost" for "did not win", "fewer" for "not more"
        table = antonyms()
        for token in edit.tokens:
            opposite = next((r for r in edit.reference_tokens if _fold(r) in table.get(_fold(token), ())), None)
            if opposite is not None:
                yield self.finding(
                    doc, token.start, token.end,
                    f"'{token.text}' is the opposite of the reference's '{opposite.text}'",
                    suggestion=opposite.text, drift="antonym", reference=opposite.text,
                )
                return

    def _scale_shift(self, doc, ours, theirs, edit: WordEdit) -> Iterator[Finding]:
        if edit.kind != "changed" or len(edit.tokens) != len(edit.reference_tokens) or len(edit.tokens) > MAX_SCALE_EDIT:
            return
        shifted = []
        for offset, (token, original) in enumerate(zip(edit.tokens, edit.reference_tokens)):
            rank = _scale_rank(ours, edit.position + offset)
            reference_rank = _scale_rank(theirs, edit.reference_position + offset)
            if rank and reference_rank and rank[0] == reference_rank[0] \
                    and abs(rank[1] - reference_rank[1]) >= MIN_SCALE_DISTANCE:
                shifted.append((token, original, rank[0], rank[1] - reference_rank[1]))
            elif not _same_stem(_fold(token), _fold(original)) and not are_synonyms(_fold(token), _fold(original)):
                return  # another word changed its meaning too: a rewording, not the same words at another degree
        for token, original, scale, shift in shifted[:1]:
            direction = "below" if shift < 0 else "above"
            yield self.finding(
                doc, token.start, token.end,
                f"'{token.text}' is far {direction} the reference's '{original.text}' ({scale})",
                suggestion=original.text, drift="scale", reference=original.text,
            )

    def _role_swap(self, doc, reference, ours, theirs) -> Iterator[Finding]:
        our_units, their_units = _units(ours), _units(theirs)

        def unique_positions(units):
            keys = [key for key, _, _ in units]
            return {key: i for i, key in enumerate(keys) if keys.count(key) == 1
                    and len(key) >= 3 and key.replace(" ", "").isalpha() and key not in FUNCTION_WORDS}

        in_ours, in_theirs = unique_positions(our_units), unique_positions(their_units)
        shared = sorted(set(in_ours) & set(in_theirs), key=in_theirs.get)
        swaps = []
        for a_index, x in enumerate(shared):
            for y in shared[a_index + 1:]:
                if in_ours[x] < in_ours[y]:
                    continue  # same order on both sides
                between = [key for key, _, _ in their_units[in_theirs[x] + 1:in_theirs[y]]]
                between_ours = [key for key, _, _ in our_units[in_ours[y] + 1:in_ours[x]]]
                if 0 < len(between) <= MAX_SWAP_GAP and between == between_ours and not set(between) & COORDINATORS:
                    swaps.append((in_theirs[y] - in_theirs[x], x, y))
        for _, x, y in sorted(swaps)[:1]:
            start, end = our_units[in_ours[y]][1].start, our_units[in_ours[x]][2].end
            original = reference.text[their_units[in_theirs[x]][1].start:their_units[in_theirs[y]][2].end]
            yield self.finding(
                doc, start, end,
                f"'{doc.text[start:end]}' swaps the roles of the reference '{original}'",
                suggestion=original, drift="role-swap", reference=original,
            )


def _shared_words(ours: tuple[Token, ...], theirs: tuple[Token, ...], edits: list[WordEdit]) -> float:
    """The share of the pair's words that stand unchanged on both sides (1.0 for a copy)."""
    changed = sum(len(edit.tokens) + len(edit.reference_tokens) for edit in edits)
    total = len(ours) + len(theirs)
    return 1 - changed / total if total else 0.0


def _units(tokens: tuple[Token, ...]) -> list[tuple[str, Token, Token]]:
    """Words, with runs of capitalised words taken as one unit ("Camille Moreau"):
    (case-folded text, first token, last token)."""
    units: list[tuple[str, Token, Token]] = []
    for token in tokens:
        if units and token.is_capitalised and units[-1][2].is_capitalised:
            key, first, _ = units[-1]
            units[-1] = (f"{key} {_fold(token)}", first, token)
        else:
            units.append((_fold(token), token, token))
    return units
