"""Package data files: sorted, unique, well-formed and sourced."""

from __future__ import annotations


from mtaudit.lexicon import DATA


def _tortured_rows() -> tuple[list[str], list[list[str]]]:
    lines = (DATA / "tortured-phrases.tsv").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return header, rows


def test_tortured_phrases_header_names_sources_and_licences():
    header, rows = _tortured_rows()
    text = "\n".join(header)
    assert "Problematic Paper Screener" in text and "CC BY 4.0" in text
    assert "authored by the mtaudit developers" in text and "CC0" in text
    sources = {row[2] for row in rows if len(row) == 3}
    assert sources <= {"pps", "mtaudit"}
    for source in sources:
        assert f"#   {source} " in text, f"source tag {source!r} is not described in the header"


def test_tortured_phrases_rows_are_well_formed():
    _, rows = _tortured_rows()
    assert rows
    for row in rows:
        assert len(row) == 3 and all(cell.strip() == cell and cell for cell in row), row
        tortured, expected, _ = row
        assert tortured == tortured.lower(), row
        assert tortured.lower() != expected.lower(), f"self-map: {row}"
        assert len(tortured.split()) >= 2 or "-" in tortured, f"single word is no phrase: {row}"


def test_tortured_phrases_sorted_and_unique():
    _, rows = _tortured_rows()
    keys = [row[0] for row in rows]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))


def test_scales_are_sourced_sorted_and_well_formed():
    lines = (DATA / "scales.tsv").read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines if line.startswith("#"))
    assert "authored by the mtaudit developers" in header.lower() and "CC0" in header
    rows = [line for line in lines if line and not line.startswith("#")]
    assert rows == sorted(rows) and len(rows) == len(set(rows))
    ranks: dict[str, set[int]] = {}
    forms: list[str] = []
    for row in rows:
        scale, rank, listed = row.split("\t")
        assert rank in {"0", "1", "2", "3", "4"}, row
        ranks.setdefault(scale, set()).add(int(rank))
        words = listed.split(",")
        assert words == sorted(set(words)) and all(w.isalpha() and w == w.lower() for w in words), row
        forms += words
    assert len(forms) == len(set(forms)), "a form ranked twice"
    assert all(max(held) - min(held) >= 2 for held in ranks.values()), "a scale with no two distant ranks"


def test_scales_and_antonyms_list_no_pair_twice():
    from mtaudit.checks.meaning_drift import antonyms, scales

    opposites, ranked = antonyms(), scales()
    twice = [(a, b) for a in ranked for b in opposites.get(a, ())
             if b in ranked and ranked[a][0] == ranked[b][0] and abs(ranked[a][1] - ranked[b][1]) >= 2]
    assert twice == []


def _rows(name: str) -> tuple[str, list[list[str]]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines if line.startswith("#"))
    return header, [line.split("\t") for line in lines if line and not line.startswith("#")]


def test_spinner_words_are_sourced_attested_and_sorted():
    header, rows = _rows("spinner-words.tsv")
    assert "Problematic Paper Screener" in header and "CC BY 4.0" in header
    assert rows and rows == sorted(rows) and len({tuple(row[:2]) for row in rows}) == len(rows)
    for row in rows:
        assert len(row) == 3, row
        spun, original, attested = row
        assert spun.isalpha() and spun.islower() and original.isalpha() and original.islower(), row
        assert spun != original and spun in attested.split(), row


def test_fixed_expressions_are_sourced_sorted_and_strong():
    from mtaudit import bigrams
    from mtaudit.fixed_expressions import MIN_PMI, left_partners

    header, rows = _rows("fixed-expressions.tsv")
    assert "SymSpell" in header and "MIT" in header and "Google Books" in header
    seconds = [row[0] for row in rows]
    assert seconds and [s.encode() for s in seconds] == sorted({s.encode() for s in seconds})
    for second, firsts in rows[::97]:
        assert firsts.split(" ") == sorted(set(firsts.split(" "))) and left_partners(second) == tuple(firsts.split(" "))
        assert all(bigrams.pmi(first, second) >= MIN_PMI for first in firsts.split(" ")), second


def test_every_spinner_word_original_makes_a_fixed_expression():
    from mtaudit import bigrams
    from mtaudit.checks.tortured_phrase import MIN_COLLOCATION_PMI
    from mtaudit.thesaurus import word_key

    _, swaps = _rows("spinner-words.tsv")
    originals = {original for _, original, _ in swaps}
    in_fixed_expressions = set()
    for line in (DATA / "bigrams.txt").read_text(encoding="utf-8").splitlines():
        pair = line.split("\t")[0].split(" ")
        keys = {word_key(word) for word in pair}
        if not line.startswith("#") and keys & originals and (bigrams.pmi(*pair) or 0) >= MIN_COLLOCATION_PMI:
            in_fixed_expressions |= keys
    for spun, original, _ in swaps:
        assert original in in_fixed_expressions, f"no fixed expression holds {original!r}: {spun!r} is dead"
