"""The quotes view: marks classified and paired."""

from __future__ import annotations

import pytest

from mtaudit.checks.base import CheckContext
from mtaudit.checks.quote_mismatch import QuoteMismatch
from mtaudit.segment import build_document
from mtaudit.views.quotes import APOSTROPHE, CLOSE, MEASURE, OPEN, quotes


def _roles(text: str) -> list[tuple[str, str]]:
    doc = build_document(text)
    return [(m.char, m.role) for m in doc.view(quotes).marks]


@pytest.mark.parametrize("text, roles", [
    ("O'Brien", [("'", APOSTROPHE)]),
    ("the '90s", [("'", APOSTROPHE)]),
    ("rock 'n' roll", [("'", APOSTROPHE), ("'", APOSTROPHE)]),
    ("'Tis true.", [("'", APOSTROPHE)]),
    ("the students' union", [("'", APOSTROPHE)]),
    ("5'10\" tall", [("'", MEASURE), ('"', MEASURE)]),
    ("a 12\" pizza", [('"', MEASURE)]),
    ('He said "no" twice.', [('"', OPEN), ('"', CLOSE)]),
    ("“He said ‘no’.”", [("“", OPEN), ("‘", OPEN), ("’", CLOSE), ("”", CLOSE)]),
    ("'Important gains'", [("'", OPEN), ("'", CLOSE)]),
    ("``Fine,'' she said.", [("``", OPEN), ("''", CLOSE)]),
    ("‘‘Fine,’’ she said.", [("‘‘", OPEN), ("’’", CLOSE)]),
    ("a 14'' screen", [("''", MEASURE)]),
    ("‘They said ‘no’’ twice.", [("‘", OPEN), ("‘", OPEN), ("’", CLOSE), ("’", CLOSE)]),
    ("Run ``make test`` first.", [("``", OPEN), ("``", CLOSE)]),
    ("```\nmake test\n```", []),
    ("Call split('', 2) twice.", [("''", APOSTROPHE)]),
])
def test_classifies_marks(text, roles):
    assert _roles(text) == roles


def test_plural_possessive_inside_single_quotes_is_taken_back():
    text = "‘The students’ union is closed,’ he said."
    doc = build_document(text)
    found = doc.view(quotes)
    assert [q.closing.start for q in found.quotations] == [text.index(",’") + 1]
    assert found.marks[1].role == APOSTROPHE


def test_quotation_over_paragraphs_is_one_quotation():
    text = '"First part.\n\n"Second part.\n\n"Last part," she said.'
    found = build_document(text).view(quotes)
    assert len(found.quotations) == 1
    quotation = found.quotations[0]
    assert (quotation.opening.start, quotation.closing.start) == (0, text.index(',"') + 1)


def test_quoted_spans():
    text = "They chanted “Free Tibet” loudly."
    found = build_document(text).view(quotes)
    assert [text[a:b] for a, b in found.quoted_spans()] == ["Free Tibet"]


@pytest.mark.parametrize("text, mismatched", [
    ("“We will appeal,’’ the lawyer said.", True),
    ("\"We will appeal,'' the lawyer said.", True),
    ("``We will appeal,'' the lawyer said.", False),
    ("''We will appeal,'' the lawyer said.", False),
    ("“We will appeal,\" the lawyer said.", False),
])
def test_two_single_marks_are_one_double_mark_of_another_form(text, mismatched):
    found = build_document(text).view(quotes)
    assert [(q.opening.start, q.mismatched) for q in found.quotations] == [(0, mismatched)]


def test_quoted_span_starts_after_both_marks_of_a_stand_in():
    text = "Critics called it ``a tax on farmers'' at the hearing."
    found = build_document(text).view(quotes)
    assert [text[a:b] for a, b in found.quoted_spans()] == ["a tax on farmers"]


def _unclosed(text: str) -> list[str]:
    found = build_document(text).view(quotes)
    return [text[q.opening.start:q.opening.start + 12] for q in found.quotations if q.closing is None]


def test_glottal_mark_of_a_name_is_an_apostrophe_in_a_text_that_spells_glottal_stops():
    assert _unclosed("The canoe left Nuku'alofa at dawn; 'Ulu, the navigator, steered north.") == []
    assert _unclosed("'Umar opened the clinic. Later 'Umar hired two nurses.") == []


def test_quotation_opening_on_a_name_stays_open_in_a_text_without_glottal_stops():
    assert _unclosed("The envoy said 'Ukraine needs the grain corridor.") == ["'Ukraine nee"]


def test_word_initial_mark_before_an_english_word_stays_a_quotation():
    text = "In Hawai'i the governor said 'Our schools will open on time this year."
    assert _unclosed(text) == ["'Our schools"]


def test_glottal_mark_inside_a_closed_quotation_is_not_reported():
    text = "“We sailed from Ha'apai to 'Eua in a day,” the captain said."
    found = build_document(text).view(quotes)
    assert [(q.opening.char, q.closing.char) for q in found.quotations] == [("“", "”")]


def _messages(text: str) -> list[str]:
    doc = build_document(text)
    return [f.message for f in QuoteMismatch().run(doc, CheckContext())]


def test_stray_space_before_an_apostrophe_inside_a_name_is_described_as_such():
    [message] = _messages("The night market on Yan 'an Road stays open until two.")
    assert message.startswith("the space before the apostrophe ' in Yan 'an looks stray (Yan'an)")


@pytest.mark.parametrize("text", [
    "The spokesman told Reuters 'the talks have failed and will not resume.",
    "The spokesman told Reuters 'The talks have failed and will not resume.",
    "Yesterday 'we won the vote,' she wrote, and 'that is enough for now.",
])
def test_unclosed_quotation_after_a_word_keeps_the_quotation_message(text):
    assert all(m.startswith("quotation mark ' before") for m in _messages(text))
