"""Pairs of frequent English words that English does not form ("teachers the", "a for"),
answered in memory from `data/common-pairs.txt` (built by tools/common_pairs.py from the
counts of mtaudit/bigrams.py).

Two words clash when they are frequent enough that chance alone would put them side by side
at least as often as the least pair the Google Books list holds, yet they stand together no
more often than that: the pair is unlisted, or listed with a PMI of 0 or less. Only words
the pair list knows well in lower case take part, so names ("china"), words mostly written
capitalised ("march") and spellings the pair list lacks ("center") never clash, nor does a
word in -ing or -ed before a determiner or an object pronoun (a verb and its object: "warning
the public"). Most clashes involve a function word in a slot it cannot fill ("teachers the",
"leaving of").

The table is read once, on first use (10 to 20 ms), so a run that never asks pays nothing.
"""

from __future__ import annotations

import functools
import math
from importlib import resources
from typing import Sequence

from mtaudit import bigrams

# Two words whose counts multiply to this are expected MIN_PAIR_COUNT times side by side.
_CHANCE_PRODUCT = bigrams.MIN_PAIR_COUNT * bigrams.WORD_TOTAL ** 2 / bigrams.PAIR_TOTAL


@functools.cache
def _table() -> tuple[dict[str, float], dict[str, dict[str, None]]]:
    """(word → its count over the square root of `_CHANCE_PRODUCT`, so that two words are
    frequent enough to clash when theirs multiply to 1 or more; word → the words that follow
    it more often than chance, as dict keys: the garbage collector does not walk such dicts)."""
    text = resources.files("mtaudit.data").joinpath("common-pairs.txt").read_text(encoding="utf-8")
    scale = math.sqrt(_CHANCE_PRODUCT)
    weights, followers = {}, {}
    for line in text.splitlines():
        if not line.startswith("#"):
            word, count, after = line.split("\t")
            weights[word], followers[word] = int(count) / scale, dict.fromkeys(after.split(" "))
    return weights, followers


def clashing_pairs(words: Sequence[str]) -> list[int]:
    """The positions i at which `words[i]` and `words[i + 1]`, neighbouring lower-case words,
    form a pair English avoids (see the module docstring). Tuned for speed: most pairs are
    settled by the product of two weights, only frequent ones by a lookup of the pair."""
    weights, followers = _table()
    weight = [weights.get(word, 0.0) for word in words]
    return [i for i, (first, second) in enumerate(zip(weight, weight[1:]))
            if first * second >= 1.0 and words[i + 1] not in followers[words[i]]]


def clash_strength(first: str, second: str) -> float:
    """How far below chance a clashing pair stands together, in doublings (0 or less): its
    PMI if listed, else the most its PMI can be."""
    weights, _ = _table()
    expected = weights[first] * weights[second] * bigrams.MIN_PAIR_COUNT
    return math.log2(max(bigrams.pair_count(first, second), bigrams.MIN_PAIR_COUNT) / expected)
