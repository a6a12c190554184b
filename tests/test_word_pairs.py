"""mtaudit/word_pairs.py and its table data/common-pairs.txt (built by tools/common_pairs.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mtaudit import bigrams
from mtaudit.lexicon import DATA
from mtaudit.word_pairs import clash_strength, clashing_pairs

TOOL = Path(__file__).resolve().parent.parent / "tools" / "common_pairs.py"


def test_table_is_what_the_tool_builds_from_the_pair_counts():
    spec = importlib.util.spec_from_file_location("common_pairs", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert (DATA / "common-pairs.txt").read_text(encoding="utf-8") == tool.build()


def test_table_header_names_source_and_licence():
    header = [line for line in (DATA / "common-pairs.txt").read_text(encoding="utf-8").splitlines()
              if line.startswith("#")]
    assert any("SymSpell" in line and "MIT" in line for line in header)
    assert any("tools/common_pairs.py" in line for line in header)


@pytest.mark.parametrize("text, clashing", [
    ("as teachers the leaving of sick", ["teachers the", "the leaving", "leaving of"]),
    ("the teachers of the school were leaving the station", []),
    ("the center of china and march", []),  # words the pair list seldom has in lower case
    ("the smoothies of bacteria", []),  # rare words: an unlisted pair says nothing
    ("officials were warning the public", []),  # a verb in -ing may take an object
])
def test_clashing_pairs(text, clashing):
    words = text.split()
    assert [f"{words[i]} {words[i + 1]}" for i in clashing_pairs(words)] == clashing


def test_clash_strength_is_the_pmi_or_its_bound():
    assert clash_strength("room", "a") == pytest.approx(bigrams.pmi("room", "a"))  # listed
    assert clash_strength("leaving", "of") == pytest.approx(bigrams.pmi_at_most("leaving", "of"))  # unlisted
    assert clash_strength("a", "for") < clash_strength("room", "a") < clash_strength("leaving", "of") < 0
