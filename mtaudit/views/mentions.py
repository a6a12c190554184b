"""Capitalised name mentions: runs of capitalised words, joined across hyphens, name
particles ("Abd al-Rahman", "Ludwig van Beethoven") and glued apostrophe or "Mc" parts
("O'Brien", "McDonald"); the possessive "'s" is left out. A name broken by a no-break
space or a line break is one mention, its `text` written with a plain space.

The surname of each mention (`surname_mentions`) is the word the text calls the person by
alone: the last word, or the word before it for two surnames ("Rodrigo Cárdenas Núñez", then
"Cárdenas") or a surname written first ("Zhou Minghui", then "Zhou")."""

from __future__ import annotations

import operator
import re
from itertools import compress, count
from typing import Iterator, NamedTuple

from mtaudit.lexicon import in_dictionary
from mtaudit.model import Document, Mention, Sentence, Token
from mtaudit.views.titles import is_title_word

# Lower-case particles that may sit inside a name between capitalised words.
PARTICLES = frozenset(
    "al el bin ibn bint abu da de del della der di du la le van von ter ten dos das do y".split()
)
_APOSTROPHES = "'’"
_TEXT = operator.attrgetter("text")
_INITIAL = operator.itemgetter(slice(0, 1))


def _is_name_word(word: str) -> bool:
    """A capitalised word of letters, hyphens and apostrophes, an apostrophe before it aside."""
    if word[:1] in _APOSTROPHES:
        word = word.lstrip(_APOSTROPHES)
    return word[:1].isupper() and (
        word.isalpha() or word.replace("-", "").replace("'", "").replace("’", "").isalpha())


def _joins(gap: str) -> bool:
    """Whether two name words separated by `gap` belong to one name: a hyphen, one space
    (also a no-break space or a single line break), or nothing at all ("O" + "'Brien")."""
    return gap in ("", "-", "\r\n") or (len(gap) == 1 and gap.isspace())


def _continues(text: str, tokens: tuple[Token, ...], j: int) -> int:
    """How many tokens after `tokens[j]` extend the name (0, 1, or 2 across a particle)."""
    nxt = tokens[j + 1]
    gap = text[tokens[j].end:nxt.start]
    if gap != " " and not _joins(gap):  # one space, the usual gap, tested first
        return 0
    if _is_name_word(nxt.text):
        return 1
    if nxt.text.lower() in PARTICLES and gap and j + 2 < len(tokens) and _is_name_word(tokens[j + 2].text) \
            and text[nxt.end:tokens[j + 2].start] in (" ", "-"):
        return 2
    return 0


def _capitalised(tokens: tuple[Token, ...]) -> Iterator[int]:
    """The indexes of the tokens that start with a capital letter."""
    return compress(count(), map(str.isupper, map(_INITIAL, map(_TEXT, tokens))))


def sentence_mentions(text: str, sentence: Sentence) -> list[Mention]:
    """The name mentions of a sentence; one is sentence-initial when no word comes before it."""
    tokens = sentence.tokens
    mentions: list[Mention] = []
    last = -1  # the index of the last token of the mention found last
    for i in _capitalised(tokens):  # no name starts with "'"
        if i <= last or not _is_name_word(tokens[i].text):
            continue
        last = i
        while last + 1 < len(tokens) and (step := _continues(text, tokens, last)):
            last += step
        start, end = tokens[i].start, tokens[last].end
        name = " ".join(text[start:end].split())
        initial = not mentions and not any(token.is_word for token in tokens[:i])  # a mention is words
        mentions.append(Mention(name, start, end, sentence.index, initial))
    return mentions


def name_mentions(doc: Document) -> tuple[Mention, ...]:
    """All capitalised runs of the document, in text order."""
    mentions: list[Mention] = []
    for sentence in doc.sentences:
        mentions.extend(sentence_mentions(doc.text, sentence))
    return tuple(mentions)


class Surname(NamedTuple):
    """The word of a name mention that the text uses for the person alone, a particle prefix
    left out ("Serraj" of "al-Serraj"), and the given name written with it ("Fayez"), if any.
    That is the last word, unless the text calls the person by the word before it and never
    by the last: "Quispe" of "Valentina Quispe Mamani" when the text goes on with "Quispe
    said" (two surnames, the first one used), "Zhou" of "Zhou Minghui". A quoted
    nickname joins the names around it: in 'Robert "Bobby" Okafor' the surname "Okafor" has
    the given name "Robert".

    A named tuple rather than a frozen dataclass, like `Token`: one is built per name
    mention, about three times faster."""

    text: str
    start: int
    end: int
    given: str | None
    mention: Mention

    @property
    def key(self) -> str:
        return self.text.casefold()


_PARTICLE_PREFIX = re.compile(r"(?:%s)[-'’](?=\w)" % "|".join(sorted(PARTICLES)), re.IGNORECASE)
_OPENING_QUOTES = tuple("\"“‘'«")
_CLOSING_QUOTE = re.compile(r"\s*[\"”’'»]")
_NICKNAME_CUE = re.compile(r"\b(?:known as|nicknamed|dubbed|alias|a\.?k\.?a\.?)\s+[\"“‘']?\s*$", re.IGNORECASE)
_QUOTED_BETWEEN_NAMES = re.compile(r"\s+[\"“‘']\S+[\"”’']\s+")
_NAME_PART = re.compile(r"\S+")


def _is_nickname(text: str, mention: Mention) -> bool:
    """A one-word mention in quotes or after "known as", "nicknamed", ...: a nickname."""
    if " " in mention.text:
        return False
    before = text[max(0, mention.start - 16):mention.start]
    quoted = before.rstrip().endswith(_OPENING_QUOTES) and _CLOSING_QUOTE.match(text, mention.end)
    return bool(quoted or _NICKNAME_CUE.search(before))


def surname_mentions(doc: Document) -> tuple[Surname, ...]:
    """The surname-like word of every name mention, in text order. Nicknames (quoted, or
    introduced by "known as") are left out, and so is a given name written apart from its
    surname by a quoted nickname."""
    text = doc.text
    mentions = doc.view(name_mentions)
    nicknames = {m.text for m in mentions if " " not in m.text and _is_nickname(text, m)}  # one word, if any
    words = [mention.text.split() for mention in mentions]
    total, after = _name_endings(words)
    surnames: list[Surname] = []
    carried_given: str | None = None
    for index, (mention, parts) in enumerate(zip(mentions, words)):
        if nicknames and index + 2 < len(mentions) and mentions[index + 1].text in nicknames \
                and _nickname_between(text, mention, mentions[index + 2]):
            carried_given = parts[-1]
            continue
        if " " not in mention.text and mention.text in nicknames:
            continue
        surnames.append(_surname(text, mention, parts, _surname_position(parts, total, after), carried_given))
        carried_given = None
    return tuple(surnames)


def _surname(text: str, mention: Mention, parts: list[str], position: int, carried_given: str | None) -> Surname:
    """The Surname of `mention` (its words `parts`) at word `position`, its particle prefix
    left out. Its given name is the word before it, or, for a name that opens with its surname
    ("Zhou Minghui", "Foreign Minister Wang Yi"), the word after it."""
    if position == len(parts) - 1:
        start, end = mention.end - len(parts[-1]), mention.end
    else:
        start, end = list(_NAME_PART.finditer(text, mention.start, mention.end))[position].span()
    word = parts[position]
    prefix = None if word.isalpha() else _PARTICLE_PREFIX.match(word)  # "al-Serraj": not all letters
    if prefix and len(word) > prefix.end():
        start += prefix.end()
    given = carried_given
    for part in reversed(parts[:position]):  # the word before the surname, particles aside
        if part.lower() not in PARTICLES:
            given = part
            break
    if position < len(parts) - 1 and (given is None or is_title_word(given)):
        given = parts[position + 1]
    return Surname(text[start:end], start, end, given, mention)


def _name_endings(words: list[list[str]]) -> tuple[dict, dict]:
    """How often each word ends a name mention, in all and after a given word before it
    ((word, word before) → count), of the mentions' `words`."""
    total: dict[str, int] = {}
    after: dict[tuple[str, str], int] = {}
    for parts in words:
        total[parts[-1]] = total.get(parts[-1], 0) + 1
        if len(parts) > 1:
            after[parts[-1], parts[-2]] = after.get((parts[-1], parts[-2]), 0) + 1
    return total, after


def _surname_position(parts: list[str], total: dict, after: dict) -> int:
    """The position of the word the text calls this person by: the last word, unless the text
    never ends a mention with it but after the word before it, and does end one with that
    word: the first of two surnames ("Quispe Mamani") or a surname written first ("Zhou
    Minghui"). Both must be names, not dictionary words ("Chinese Embassy" is not "Chinese")
    nor titles ("Foreign Minister Wang" is not "Minister"). `total` and `after`: see
    `_name_endings`."""
    last = len(parts) - 1
    if last == 0:
        return last
    word, surname = parts[last - 1], parts[last]
    if word not in total or total.get(surname, 0) > after.get((surname, word), 0) or word == surname \
            or word.lower() in PARTICLES or is_title_word(word) or in_dictionary(word) or in_dictionary(surname):
        return last
    return last - 1


def _nickname_between(text: str, given: Mention, surname: Mention) -> bool:
    """Whether only a quoted word stands between two names: 'Robert "Bobby" Okafor'."""
    return _QUOTED_BETWEEN_NAMES.fullmatch(text, given.end, surname.start) is not None
