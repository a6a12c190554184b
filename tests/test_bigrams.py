"""mtaudit/bigrams.py and its data: sorted files, totals, lookups and association."""

from __future__ import annotations

from importlib import resources

import pytest

from mtaudit import bigrams


def rows(name: str) -> list[tuple[str, int]]:
    text = resources.files("mtaudit.data").joinpath(name).read_text(encoding="utf-8")
    return [(key, int(count)) for key, count in
            (line.split("\t") for line in text.splitlines() if not line.startswith("#"))]


@pytest.mark.parametrize("name, total", [("unigrams.txt", bigrams.WORD_TOTAL), ("bigrams.txt", bigrams.PAIR_TOTAL)])
def test_files_are_sorted_unique_and_sum_to_their_totals(name, total):
    keys = [key.encode() for key, _ in rows(name)]
    assert keys == sorted(set(keys))
    assert sum(count for _, count in rows(name)) == total


def test_every_listed_pair_is_found_and_counted_at_least_the_minimum():
    listed = rows("bigrams.txt")
    assert min(count for _, count in listed) == bigrams.MIN_PAIR_COUNT
    for key, count in listed[::997] + listed[:3] + listed[-3:]:
        assert bigrams.pair_count(*key.split(" ")) == count


@pytest.mark.parametrize("first, second", [("chain", "supply"), ("zzz", "chain"), ("supply", ""), ("", "")])
def test_unlisted_pairs_count_zero(first, second):
    assert bigrams.pair_count(first, second) == 0


def test_fixed_expressions_attract_and_function_word_clashes_repel():
    assert bigrams.pmi("supply", "chain") > 8 > bigrams.pmi("energy", "bills") > 6
    assert bigrams.pmi("chain", "supply") is None and bigrams.pmi("qwzx", "chain") is None
    assert bigrams.pmi("the", "is") < -5  # two frequent words rarely side by side
    assert bigrams.pmi_at_most("supply", "chain") is None  # listed
    # unlisted: the bound is lower the more often the words occur on their own
    assert bigrams.pmi_at_most("staff", "walking") < bigrams.pmi_at_most("arranging", "table")
    assert bigrams.word_count("the") > bigrams.word_count("chain") > 0 == bigrams.word_count("qwzx")
