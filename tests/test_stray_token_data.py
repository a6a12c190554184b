"""The stray-token rule's list of foreign forms of address: sourced, sorted, unique, well-formed."""

from __future__ import annotations

import re

from mtaudit.checks.stray_token import HONORIFICS_FILE


def _lines() -> tuple[str, list[list[str]]]:
    lines = HONORIFICS_FILE.read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines if line.startswith("#"))
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return header, rows


def test_header_names_source_and_licence():
    header, _ = _lines()
    assert "Authored by the mtaudit developers" in header and "CC0" in header


def test_rows_are_sorted_unique_and_well_formed():
    _, rows = _lines()
    forms = [row[0] for row in rows]
    assert forms and forms == sorted(forms) and len(forms) == len(set(forms))
    for row in rows:
        assert len(row) == 3 and all(cell.strip() == cell and cell for cell in row), row
        assert re.fullmatch(r"-?[^\W\d_]+", row[0]) and row[0] == row[0].lower(), row


def test_forms_english_uses_as_titles_or_names_are_left_out():
    header, rows = _lines()
    left_out = re.search(r"Left out on purpose.*?:\n((?:#.*\n)+?)# Authored", header + "\n", re.S)
    assert left_out
    excluded = {word.lower() for word in re.findall(r"[^\W\d_]+", left_out.group(1))}
    assert {"don", "sheikh", "sri", "pan"} <= excluded
    assert not excluded & {row[0] for row in rows}
