"""Capitalised name mentions: runs of capitalised words, joined across hyphens, name
particles ("Abd al-Rahman", "Ludwig van Beethoven") and glued apostrophe or "Mc" parts
("O'Brien", "McDonald"); the possessive "'s" is left out. A name broken by a no-break
space or a line break is one mention, its `text` written with a plain space."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mtaudit.model import Document, Mention, Sentence, Token

# Lower-case particles that may sit inside a name between capitalised words.
PARTICLES = frozenset(
    "al el bin ibn bint abu da de del della der di du la le van von ter ten dos das do y".split()
)
_APOSTROPHES = "'’"


def _is_name_word(token: Token) -> bool:
    word = token.text.lstrip(_APOSTROPHES) if token.text[:1] in _APOSTROPHES else token.text
    return word[:1].isupper() and word.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _joins(gap: str) -> bool:
    """Whether two name words separated by `gap` belong to one name: a hyphen, one space
    (also a no-break space or a single line break), or nothing at all ("O" + "'Brien")."""
    return gap in ("", "-", "\r\n") or (len(gap) == 1 and gap.isspace())


def _continues(text: str, tokens: tuple[Token, ...], j: int) -> int:
    """How many tokens after `tokens[j]` extend the name (0, 1, or 2 across a particle)."""
    nxt = tokens[j + 1]
    gap = text[tokens[j].end:nxt.start]
    if not _joins(gap):
        return 0
    if _is_name_word(nxt):
        return 1
    if nxt.text.lower() in PARTICLES and gap and j + 2 < len(tokens) and _is_name_word(tokens[j + 2]) \
            and text[nxt.end:tokens[j + 2].start] in (" ", "-"):
        return 2
    return 0


def sentence_mentions(text: str, sentence: Sentence) -> list[Mention]:
    tokens = sentence.tokens
    mentions: list[Mention] = []
    seen_word = False
    i = 0
    while i < len(tokens):
        if not (tokens[i].text[:1].isupper() and _is_name_word(tokens[i])):  # no name starts with "'"
            seen_word = seen_word or tokens[i].is_word
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and (step := _continues(text, tokens, j)):
            j += step
        start, end = tokens[i].start, tokens[j].end
        name = " ".join(text[start:end].split())
        mentions.append(Mention(name, start, end, sentence.index, not seen_word))
        seen_word = True
        i = j + 1
    return mentions


def name_mentions(doc: Document) -> tuple[Mention, ...]:
    """All capitalised runs of the document, in text order."""
    return tuple(m for s in doc.sentences for m in sentence_mentions(doc.text, s))


@dataclass(frozen=True)
class Surname:
    """The last word of a name mention with a particle prefix left out ("Serraj" of
    "al-Serraj"), and the word before it in the same name ("Fayez"), if any. A quoted
    nickname joins the names around it: in 'Robert "Bobby" Okafor' the surname "Okafor" has
    the given name "Robert"."""

    text: str
    start: int
    end: int
    given: str | None
    mention: Mention

    @property
    def key(self) -> str:
        return self.text.casefold()


_PARTICLE_PREFIX = re.compile(r"(?:%s)[-'’](?=\w)" % "|".join(sorted(PARTICLES)), re.IGNORECASE)
_OPENING_QUOTE = re.compile(r"[\"“‘'«]\s*$")
_CLOSING_QUOTE = re.compile(r"\s*[\"”’'»]")
_NICKNAME_CUE = re.compile(r"\b(?:known as|nicknamed|dubbed|alias|a\.?k\.?a\.?)\s+[\"“‘']?\s*$", re.IGNORECASE)
_QUOTED_BETWEEN_NAMES = re.compile(r"\s+[\"“‘']\S+[\"”’']\s+")


def _is_nickname(text: str, mention: Mention) -> bool:
    """A one-word mention in quotes or after "known as", "nicknamed", ...: a nickname."""
    if " " in mention.text:
        return False
    before = text[max(0, mention.start - 16):mention.start]
    quoted = _OPENING_QUOTE.search(before) and _CLOSING_QUOTE.match(text, mention.end)
    return bool(quoted or _NICKNAME_CUE.search(before))


def surname_mentions(doc: Document) -> tuple[Surname, ...]:
    """The surname-like word of every name mention, in text order. Nicknames (quoted, or
    introduced by "known as") are left out, and so is a given name written apart from its
    surname by a quoted nickname."""
    text = doc.text
    mentions = doc.view(name_mentions)
    nicknames = {m.text for m in mentions if _is_nickname(text, m)}
    surnames: list[Surname] = []
    carried_given: str | None = None
    for index, mention in enumerate(mentions):
        if nicknames and index + 2 < len(mentions) and mentions[index + 1].text in nicknames \
                and _nickname_between(text, mention, mentions[index + 2]):
            carried_given = mention.text.split()[-1]
            continue
        if " " not in mention.text and mention.text in nicknames:
            continue
        parts = mention.text.split()
        last = parts[-1]
        start = mention.end - len(last)
        prefix = _PARTICLE_PREFIX.match(last)
        if prefix and len(last) > prefix.end():
            start += prefix.end()
        earlier = [p for p in parts[:-1] if p.lower() not in PARTICLES]
        given = earlier[-1] if earlier else carried_given
        surnames.append(Surname(text[start:mention.end], start, mention.end, given, mention))
        carried_given = None
    return tuple(surnames)


def _nickname_between(text: str, given: Mention, surname: Mention) -> bool:
    """Whether only a quoted word stands between two names: 'Robert "Bobby" Okafor'."""
    return _QUOTED_BETWEEN_NAMES.fullmatch(text, given.end, surname.start) is not None
