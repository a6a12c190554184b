"""The language model's disk cache: answers come back exactly as the model gave them, and
the model is created only for texts the cache has not seen. A fake backend stands in for
SmolLM2 (the real model is tested in tests/checks/test_phrase_surprisal.py)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from mtaudit.reference.cache import DiskCache
from mtaudit.reference.surprisal import CachedLanguageModel, WordAlternatives


@dataclass(frozen=True)
class Query:
    start: int
    end: int
    candidates: tuple[str, ...]


class FakeBackend:
    """Surprisals rounded to 4 decimals, as the real model gives them: 10 + the text's
    length + a thousandth of the query's start; candidates of one letter are "not one
    token" and left out, the others get their length + 0.1234."""

    def __init__(self):
        self.texts_seen: list[str] = []

    def word_alternatives(self, texts, queries):
        self.texts_seen.extend(texts)
        return [[WordAlternatives(round(10 + len(text) + q.start / 1000, 4),
                                  {word: round(len(word) + 0.1234, 4) for word in q.candidates if len(word) > 1})
                 for q in text_queries] for text, text_queries in zip(texts, queries)]


TEXTS = ["The senator held a press discussion.", "Drivers sat in a traffic preserve."]
QUERIES = [[Query(25, 35, ("conference", "talk", "x"))], [Query(17, 33, ("jam",)), Query(0, 7, ())]]


def test_answers_are_cached_exactly_and_the_backend_is_not_created_again(tmp_path):
    backend = FakeBackend()
    cache = DiskCache(tmp_path / "cache.sqlite3")
    first = CachedLanguageModel("fake", lambda: backend, cache).word_alternatives(TEXTS, QUERIES)
    assert first == FakeBackend().word_alternatives(TEXTS, QUERIES)

    def no_backend():
        raise AssertionError("the backend was created although every answer is cached")

    again = CachedLanguageModel("fake", no_backend, DiskCache(tmp_path / "cache.sqlite3")).word_alternatives(TEXTS, QUERIES)
    assert again == first
    assert "x" not in again[0][0].candidates


def test_only_unseen_texts_reach_the_backend_once_each(tmp_path):
    cache = DiskCache(tmp_path / "cache.sqlite3")
    CachedLanguageModel("fake", FakeBackend, cache).word_alternatives(TEXTS[:1], QUERIES[:1])
    backend = FakeBackend()
    model = CachedLanguageModel("fake", lambda: backend, cache)
    answers = model.word_alternatives([TEXTS[0], TEXTS[1], TEXTS[1]], [QUERIES[0], QUERIES[1], QUERIES[1]])
    assert backend.texts_seen == [TEXTS[1]]
    assert answers[1] == answers[2] == FakeBackend().word_alternatives(TEXTS[1:], QUERIES[1:])[0]


@pytest.mark.parametrize("changed", [
    [[Query(25, 35, ("conference", "talk", "meeting"))]],  # other candidates
    [[Query(19, 35, ("conference", "talk", "x"))]],  # another span
])
def test_the_cache_key_covers_the_queries(tmp_path, changed):
    cache = DiskCache(tmp_path / "cache.sqlite3")
    CachedLanguageModel("fake", FakeBackend, cache).word_alternatives(TEXTS[:1], QUERIES[:1])
    backend = FakeBackend()
    CachedLanguageModel("fake", lambda: backend, cache).word_alternatives(TEXTS[:1], changed)
    assert backend.texts_seen == TEXTS[:1]
