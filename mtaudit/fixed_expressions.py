"""Fixed expressions of two words and the words that stand after an article, from SymSpell's
Google Books counts (see mtaudit/bigrams.py), for the tortured-phrase rule.

* `left_partners("chain")` → the words that make a fixed expression with "chain" when they
  stand before it ("supply", ...): `data/fixed-expressions.tsv`, built by
  tools/fixed_expressions.py from the pairs whose PMI is at least `MIN_PMI`, one line per
  second word, found by binary search in the memory-mapped file.
* `words_after_articles()` → the words listed after "the", "a" or "an" (nouns and adjectives
  are; a verb such as "provide" is not): the pairs of bigrams.txt that start with an article
  are one sorted block each, read once.

Functions that bigrams.py does not offer; nothing is loaded before it is first asked for.
"""

from __future__ import annotations

import functools
import mmap
import re

from mtaudit.bigrams import mapped

MIN_PMI = 7.0
ARTICLES = ("the", "a", "an")
_SECOND_WORD = re.compile(r"(?m)^\S+ (\S+)\t")


def _first_row_from(data: mmap.mmap, low: int, key: bytes) -> int:
    """Offset of the first row whose key (text before the tab) sorts at or after `key`."""
    high = len(data)
    while low < high:  # row starts: before `low` keys sort below `key`, from `high` on not
        start = data.rfind(b"\n", low - 1, (low + high) // 2) + 1
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if data[start:data.find(b"\t", start, end)] < key:
            low = end + 1
        else:
            high = start
    return low


@functools.lru_cache(maxsize=1 << 14)
def left_partners(second: str) -> tuple[str, ...]:
    """The words that stand before `second` in a fixed expression (PMI ≥ `MIN_PMI`)."""
    data, start = mapped("fixed-expressions.tsv")
    key = second.encode() + b"\t"
    row = _first_row_from(data, start, second.encode())
    if data[row:row + len(key)] != key:
        return ()
    end = data.find(b"\n", row)
    return tuple(data[row + len(key):end if end >= 0 else len(data)].decode().split(" "))


@functools.cache
def words_after_articles() -> frozenset[str]:
    """The words of every listed pair that starts with an article ("the supply", "an offer")."""
    data, start = mapped("bigrams.txt")
    words = set()
    for article in ARTICLES:
        # "the X" rows sort between "the " and "the!" (the byte after the space)
        block = data[_first_row_from(data, start, f"{article} ".encode()):
                     _first_row_from(data, start, f"{article}!".encode())].decode()
        words.update(_SECOND_WORD.findall(block))
    return frozenset(words)


def follows_articles(word: str) -> bool:
    """Whether a lower-case word is listed after "the", "a" or "an" (nouns and adjectives are;
    a verb such as "provide" is not)."""
    return word in words_after_articles()
