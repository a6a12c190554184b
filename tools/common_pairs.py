"""Rebuilds mtaudit/data/common-pairs.txt from mtaudit/data/unigrams.txt and bigrams.txt:

    python3 tools/common_pairs.py

The file answers, in memory and without a search, whether two frequent words stand together
in English at least as often as chance predicts (see mtaudit/word_pairs.py). It holds:

* the words that can ever be "unlisted although frequent enough": a pair of them is expected
  at least `MIN_PAIR_COUNT` times when one of them is "the", the most frequent word; only
  alphabetic lower-case words whose listed pairs, on either side, add up to at least
  `MIN_COVERAGE` times their own count. A word seldom written in lower case ("china",
  "march", "university") or a spelling the pair list lacks ("center") has too few pairs on
  record, and its missing pairs would say nothing;
* the listed pairs of two such words that occur more often than chance predicts (a positive
  pointwise mutual information) and whose chance expectation reaches `MIN_PAIR_COUNT`;
* and, after a word ending in "-ing" or "-ed", the determiners and object pronouns
  (`OBJECT_STARTS`): such a word can be a verb taking an object ("warning the user") even when
  the pair list, counting mostly its use as a noun or adjective, has the pair seldom.

A pair of two listed words whose chance expectation reaches `MIN_PAIR_COUNT` but that is not
among these pairs is rarer than chance: unlisted, or listed with a PMI of 0 or less.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "mtaudit" / "data"
MIN_PAIR_COUNT = 6_400_000  # as in mtaudit/bigrams.py
MIN_COVERAGE = 3.0
OBJECT_STARTS = "a an her his it its me my our the their them these this those us your".split()

HEADER = """\
# Frequent English words and the pairs of them that stand together more often than chance
# predicts (log2 of observed over expected count above 0), derived from unigrams.txt and
# bigrams.txt of this folder (SymSpell's Google Books counts; MIT licence, Copyright (c) 2021
# Wolf Garbe; the Google Books Ngram data are free to use with acknowledgement).
# Rebuilt by tools/common_pairs.py (its docstring says which words and pairs are kept).
# One line per word, sorted: word<TAB>count<TAB>the words that follow it more often than chance
# (after a word ending in -ing or -ed also every determiner and object pronoun).
# Word total {word_total}, pair total {pair_total}, least listed pair count {min_pair_count}.
"""


def read_counts(path: Path) -> dict[str, int]:
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {key: int(count) for key, count in rows}


def frequent_words(words: dict[str, int], pairs: dict[str, int], scale: float) -> dict[str, int]:
    """The words that can clash with "the" and whose listed pairs cover them (docstring above)."""
    least_partner = MIN_PAIR_COUNT / (scale * words["the"])
    left, right = Counter(), Counter()
    for key, count in pairs.items():
        first, second = key.split(" ")
        left[first] += count
        right[second] += count
    return {word: count for word, count in words.items()
            if word.isalpha() and word.islower() and count >= least_partner
            and min(left[word], right[word]) >= MIN_COVERAGE * count}


def common_followers(kept: dict[str, int], pairs: dict[str, int], scale: float) -> dict[str, list[str]]:
    """Each kept word → the kept words that follow it more often than chance, sorted."""
    followers: dict[str, list[str]] = {word: [] for word in kept}
    for key, count in sorted(pairs.items()):
        first, second = key.split(" ")
        if first in kept and second in kept:
            expected = scale * kept[first] * kept[second]
            if count > expected >= MIN_PAIR_COUNT:
                followers[first].append(second)
    for word, after in followers.items():
        if word.endswith(("ing", "ed")):
            after += [start for start in OBJECT_STARTS if start in kept and start not in after]
            after.sort()
    return followers


def build() -> str:
    """The text of common-pairs.txt."""
    words, pairs = read_counts(DATA / "unigrams.txt"), read_counts(DATA / "bigrams.txt")
    word_total, pair_total = sum(words.values()), sum(pairs.values())
    scale = pair_total / word_total ** 2  # expected pair count = scale * count(first) * count(second)
    kept = frequent_words(words, pairs, scale)
    followers = common_followers(kept, pairs, scale)
    header = HEADER.format(word_total=word_total, pair_total=pair_total, min_pair_count=MIN_PAIR_COUNT)
    return header + "".join(f"{word}\t{kept[word]}\t{' '.join(followers[word])}\n" for word in sorted(kept))


def main() -> None:
    (DATA / "common-pairs.txt").write_text(build(), encoding="utf-8")


if __name__ == "__main__":
    main()
