"""repetition: doubles across breaks and hyphens, rewritten copies, and what is left alone."""

from __future__ import annotations

import pytest

from mtaudit.checks import CheckContext
from mtaudit.checks.repetition import Repetition, _synonyms
from mtaudit.segment import build_document


def _flagged(text: str) -> list[str]:
    doc = build_document(text)
    return [text[f.start:f.end] for f in Repetition().run(doc, CheckContext({}))]


@pytest.mark.parametrize("text, expected", [
    ("The council voted to\nto close the library.", ["to"]),  # a line break cut the sentence
    ("The bridge will be closed for\n\nfor three weeks.", ["for"]),
    ("Officials announced a long-term-term plan.", ["term"]),
    ("It was a well-well-known problem.", ["well"]),
    ("The-the government denied it.", ["the"]),
    ("The The ministry denied it.", ["The"]),  # capitalised, but no name
    ("The company's company's shares fell.", ["company's"]),
    ("The court heard the case in in May.", ["in"]),  # no verb before the particle
    ("“We will rebuild,” he said he said.", ["he said"]),
])
def test_flags_doubles(text, expected):
    assert _flagged(text) == expected


@pytest.mark.parametrize("text", [
    "The judges were sworn in in May.",
    "He said he said nothing wrong.",
    "“Yes yes, we will sign it,” she said.",
    "Team\tWon\tWon\tLost",  # table columns
    "The deal is a win-win, a so-so one for Baden-Baden.",
    "Form guide: Rovers W W W L.",
    "Sirhan Sirhan was denied parole.",
    "The crowd sang “We shall overcome. We shall overcome.” at the gates of the court.",
])
def test_leaves_alone(text):
    assert _flagged(text) == []


@pytest.mark.parametrize("text", [
    # a few words added to the sentence before
    "Hundreds of people gathered in the main square on Sunday. Hundreds of people gathered in the "
    "main square on Sunday, police said.",
    # words swapped for synonyms: a spinner's paraphrase
    "The company said profits rose sharply in the third quarter. The firm said profits increased "
    "sharply in the third quarter.",
])
def test_flags_a_rewritten_copy_of_the_sentence_before(text):
    assert _flagged(text) == [build_document(text).sentences[1].text]


@pytest.mark.parametrize("text", [
    "Trains to the north will run every hour on weekdays. Trains to the south will run every hour on weekdays.",
    "The company said sales rose in Europe. The company said sales fell in Europe.",
    "Trains to Paris will run every hour on weekdays. Trains to Lyon will run every hour on weekdays.",
    # a restatement that adds more than a few words
    "The harbour reopened on Monday after a week. This report says that the harbour reopened on Monday after a week.",
])
def test_parallel_sentences_are_no_copies(text):
    assert _flagged(text) == []


def test_a_pull_quote_is_compared_only_with_display_lines():
    text = ("Maria Santos lost her home in the floods. “We lost everything we had,” she said.\n\n"
            "“We lost everything we had,” she said.\n\nHer neighbours were luckier.")
    assert _flagged(text) == []


def test_a_headline_glued_to_the_body():
    text = ("Storm cuts power to thousands in the north\n\n"
            "Storm cuts power to thousands in the north A storm cut power to 40,000 homes on Sunday.")
    assert _flagged(text) == ["Storm cuts power to thousands in the north"]


@pytest.mark.parametrize("a, b, expected", [
    ("company", "firm", True),
    ("rose", "increased", True),  # irregular base form
    ("north", "south", False),  # one series
    ("rose", "fell", False),  # opposites
    ("clinic", "school", False),
])
def test_synonyms(a, b, expected):
    assert _synonyms(a, b) is expected
