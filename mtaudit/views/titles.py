"""The role-word list `mtaudit/data/titles.txt`: the words and titles that attach to a
person's name ("Mayor", "interior minister", "Ruiz, a surgeon"). Shared by the name mentions
(a title is no name) and the roles view."""

from __future__ import annotations

import functools
from pathlib import Path

TITLES_FILE = Path(__file__).parent.parent / "data" / "titles.txt"


@functools.cache
def title_phrases() -> frozenset[tuple[str, ...]]:
    """The role words and titles of `titles.txt`, as tuples of lower-case words."""
    lines = TITLES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(tuple(line.split()) for line in lines if line and not line.startswith("#"))


@functools.cache
def title_words() -> frozenset[str]:
    """The last words of the titles: the words a title can end with."""
    return frozenset(phrase[-1] for phrase in title_phrases())


@functools.cache
def longest_title() -> int:
    return max(len(phrase) for phrase in title_phrases())


def is_title_word(word: str) -> bool:
    """Whether `word` can end a title ("Minister", "speaker", "Mayor")."""
    return word.lower() in title_words()
