"""English word frequencies (Zipf scale) from the data wordfreq ships, loaded once, and a
curated English dictionary (SCOWL, `data/english-words.txt`) that tells real words from
the names, misspellings and foreign tokens wordfreq also counts.

Reads wordfreq's `large_en` list directly: importing wordfreq itself pulls in ftfy,
langcodes and regex (~0.25 s), which a cold `mtaudit check` cannot afford.
Zipf 7 is "the"; 3 is a word seen about once per million; 0 means not in the list."""

from __future__ import annotations

import bisect
import functools
import gzip
import importlib.util
import itertools
from pathlib import Path

DATA = Path(__file__).parent / "data"


@functools.cache
def _zipf_table() -> dict[str, float]:
    """Word → Zipf, in descending order of frequency (wordfreq's buckets are ordered)."""
    spec = importlib.util.find_spec("wordfreq")
    folder = Path(next(iter(spec.submodule_search_locations)))
    import msgpack

    with gzip.open(folder / "data" / "large_en.msgpack.gz") as stream:
        header, *buckets = msgpack.load(stream, raw=False)
    if header.get("format") != "cB":
        raise RuntimeError(f"unexpected wordfreq data format {header!r}")
    table: dict[str, float] = {}
    for centibels, words in enumerate(buckets):
        table.update(zip(words, itertools.repeat(round(9 - centibels / 100, 2))))
    return table


def zipf(word: str) -> float:
    """Zipf frequency of `word` (case-folded, curly apostrophes straightened); 0 if unknown."""
    return _zipf_table().get(word.lower().replace("’", "'"), 0.0)


def is_known(word: str, min_zipf: float = 1.0) -> bool:
    return zipf(word) >= min_zipf


def vocabulary() -> dict[str, float]:
    """The whole table, for near-miss search (read-only by convention)."""
    return _zipf_table()


@functools.cache
def _dictionary() -> dict[str, None]:
    """The words as keys of a dict, not a set: the garbage collector never tracks a dict of
    strings, but walks a set's 120,000 words on every full collection (~15 ms each)."""
    lines = (DATA / "english-words.txt").read_text(encoding="utf-8").split("\n")
    header = next(index for index, line in enumerate(lines) if not line.startswith("#"))
    words = dict.fromkeys(lines[header:])
    words.pop("", None)
    return words


def in_dictionary(word: str) -> bool:
    """Whether the lower-cased `word` is an English dictionary word (common nouns, verbs,
    adjectives with their inflections; British, American and Canadian spellings). Proper
    names are not dictionary words: "damage" is, "ramage" is not."""
    return word.lower() in _dictionary()


# Near-miss search looks among words at least this frequent; rarer ones make poor suggestions.
NEAR_WORDS_MIN_ZIPF = 2.0
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


@functools.cache
def _frequent_words_by_length_and_initial() -> dict[tuple[int, str], tuple[list[str], list[float]]]:
    """(length, first letter) → (alphabetic words with Zipf ≥ NEAR_WORDS_MIN_ZIPF, their
    negated Zipf), most frequent first, so a prefix holds the words above any threshold."""
    index: dict[tuple[int, str], tuple[list[str], list[float]]] = {}
    for word, frequency in _zipf_table().items():
        if frequency < NEAR_WORDS_MIN_ZIPF:
            break
        if word.isalpha():
            words, negated = index.setdefault((len(word), word[0]), ([], []))
            words.append(word)
            negated.append(-frequency)
    return index


def _one_edit(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, replacement or insertion of an ASCII
    letter away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(left + right[1:] for left, right in splits if right),
        *(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1),
        *(left + letter + right[1:] for left, right in splits if right for letter in _ALPHABET),
        *(left + letter + right for left, right in splits for letter in _ALPHABET),
    }


def near_words(word: str, max_distance: int, min_zipf: float) -> list[tuple[str, int, float]]:
    """Alphabetic words at most `max_distance` (1 or 2) edits from the lower-cased `word`
    (optimal string alignment: a swap of neighbours is one edit) with Zipf ≥ `min_zipf` and
    ≥ NEAR_WORDS_MIN_ZIPF, as (word, distance, zipf), nearest first, then most frequent.
    One-edit neighbours are generated (ASCII letters); two-edit ones are searched among the
    words that share the first letter."""
    word = word.lower()
    table = _zipf_table()
    floor = max(min_zipf, NEAR_WORDS_MIN_ZIPF)
    found = {
        candidate: 1 for candidate in _one_edit(word)
        if table.get(candidate, 0.0) >= floor and candidate != word
    } if max_distance >= 1 else {}
    if max_distance >= 2 and word:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        index = _frequent_words_by_length_and_initial()
        for length in range(len(word) - 2, len(word) + 3):
            words, negated = index.get((length, word[0]), ((), ()))
            choices = words[: bisect.bisect_right(negated, -floor)]
            for candidate, distance, _ in process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=2, limit=None
            ):
                if candidate != word:
                    found.setdefault(candidate, int(distance))
    return sorted(
        ((candidate, distance, table[candidate]) for candidate, distance in found.items()),
        key=lambda item: (item[1], -item[2], item[0]),
    )
