"""Rebuilds mtaudit/data/fixed-expressions.tsv from mtaudit/data/bigrams.txt and unigrams.txt:

    .venv/bin/python tools/fixed_expressions.py

Every listed pair of two alphabetic lower-case words whose words stand together at least
2^MIN_PMI times more often than chance (`mtaudit.bigrams.pmi`) is a fixed expression
("supply chain", "interest rate"). The file indexes them by their second word, one line per
second word, sorted by its UTF-8 bytes so that mtaudit/fixed_expressions.py finds a line by
binary search in the memory-mapped file:

    second<TAB>first first first ...   (first words sorted)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtaudit import bigrams  # noqa: E402
from mtaudit.fixed_expressions import MIN_PMI  # noqa: E402

HEADER = f"""\
# Fixed expressions of two English words, indexed by their second word, for the tortured-phrase
# rule: every pair of SymSpell's English bigram list whose words stand together at least 2^{MIN_PMI:g}
# times more often than their own frequencies predict (PMI >= {MIN_PMI:g}, as mtaudit/bigrams.py
# computes it: "supply chain", "interest rate"), both words alphabetic and lower case.
#   second<TAB>first first ...
# Source: the counts of mtaudit/data/bigrams.txt and unigrams.txt (frequency_bigramdictionary_en_243_342.txt
# and frequency_dictionary_en_82_765.txt of wolfgarbe/SymSpell, as shipped by the symspellpy 6.10.1
# package; MIT licence, Copyright (c) 2021 Wolf Garbe), derived from the Google Books Ngram data
# (free to use for any purpose, with acknowledgement) intersected with SCOWL word lists.
# Rebuilt by tools/fixed_expressions.py; sorted by the UTF-8 bytes of the second word.
"""


def fixed_expressions() -> dict[str, list[str]]:
    """Second word → the first words it makes a fixed expression with."""
    index: dict[str, list[str]] = {}
    lines = (ROOT / "mtaudit" / "data" / "bigrams.txt").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("#"):
            continue
        first, second = line.split("\t")[0].split(" ")
        if not (first.isalpha() and second.isalpha() and first.islower() and second.islower()):
            continue
        strength = bigrams.pmi(first, second)
        if strength is not None and strength >= MIN_PMI:
            index.setdefault(second, []).append(first)
    return index


def main() -> None:
    index = fixed_expressions()
    rows = [f"{second}\t{' '.join(sorted(firsts))}" for second, firsts in
            sorted(index.items(), key=lambda item: item[0].encode())]
    (ROOT / "mtaudit" / "data" / "fixed-expressions.tsv").write_text(HEADER + "\n".join(rows) + "\n",
                                                                    encoding="utf-8")


if __name__ == "__main__":
    main()
