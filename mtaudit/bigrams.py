"""How often English words occur and stand together: SymSpell's counts from Google Books
(`data/unigrams.txt`, `data/bigrams.txt`, see their headers), for rules that ask whether two
words make a fixed expression ("supply chain") or no phrase at all ("lamp the hurried").

Both files are sorted, so a lookup is a binary search in the memory-mapped file and nothing is
loaded up front. Counts are scaled as in the source; only the ratios in `pmi` mean something.
The pair list holds the pairs counted at least `MIN_PAIR_COUNT` times: an unlisted pair is
rarer than that, which says something only when its words are frequent (`pmi_at_most`).
Google Books counts pairs across punctuation, so even "the is" is listed (with a PMI of -7.6).
"""

from __future__ import annotations

import functools
import math
import mmap
from importlib import resources

MIN_PAIR_COUNT = 6_400_000
# Sums of the counts of each file (tests/test_bigrams.py recomputes them).
WORD_TOTAL = 541_808_207_743
PAIR_TOTAL = 12_404_830_571_200


@functools.cache
def mapped(name: str) -> tuple[mmap.mmap, int]:
    """A sorted data file of mtaudit/data, memory-mapped, and the offset of its first row
    (after the `#` header)."""
    with resources.as_file(resources.files("mtaudit.data").joinpath(name)) as path, open(path, "rb") as stream:
        data = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    start = 0
    while data[start:start + 1] == b"#":
        start = data.find(b"\n", start) + 1
    return data, start


def _count(name: str, key: str) -> int:
    """The count of `key` in a sorted `key<TAB>count` file; 0 when it is not listed."""
    data, low = mapped(name)
    wanted, high = key.encode(), len(data)
    while low < high:  # row starts: before `low` keys sort below `wanted`, from `high` on not
        start = data.rfind(b"\n", low - 1, (low + high) // 2) + 1
        tab = data.find(b"\t", start)
        end = data.find(b"\n", tab)
        row_key = data[start:tab]
        if row_key == wanted:
            return int(data[tab + 1:end])
        if row_key < wanted:
            low = end + 1
        else:
            high = start
    return 0


@functools.lru_cache(maxsize=1 << 16)
def word_count(word: str) -> int:
    """How often a lower-case word occurs; 0 when it is not listed."""
    return _count("unigrams.txt", word)


@functools.lru_cache(maxsize=1 << 16)
def pair_count(first: str, second: str) -> int:
    """How often two lower-case words stand together, in this order; 0 when the pair is
    not listed (counted fewer than `MIN_PAIR_COUNT` times)."""
    return _count("bigrams.txt", f"{first} {second}")


def _expected(first: str, second: str) -> float | None:
    """The count two words would have together if they stood side by side by chance."""
    first_count, second_count = word_count(first), word_count(second)
    if not first_count or not second_count:
        return None
    return PAIR_TOTAL * (first_count / WORD_TOTAL) * (second_count / WORD_TOTAL)


def pmi(first: str, second: str) -> float | None:
    """How many doublings more often two words stand together than chance predicts
    (log2 of observed over expected); None when the pair or a word is not listed.
    "energy bills" 6.7, "supply chain" is higher, "high energy" 5.0."""
    count, expected = pair_count(first, second), _expected(first, second)
    return math.log2(count / expected) if count and expected else None


def pmi_at_most(first: str, second: str) -> float | None:
    """For an unlisted pair of listed words, the most its PMI can be (the pair was counted
    fewer than `MIN_PAIR_COUNT` times): very negative for two frequent words that never
    stand together; None when the pair is listed or a word is not."""
    expected = _expected(first, second)
    if expected is None or pair_count(first, second):
        return None
    return math.log2(MIN_PAIR_COUNT / expected)
