"""Unit tests of the finite-verb cues behind the verbless-fragment and dangling-subordinate
signals, of the self-echo reading and of the clashing-pair stretches."""

from __future__ import annotations

import pytest

from mtaudit.checks.base import CheckContext
from mtaudit.checks.nonsense import (
    Nonsense,
    _clash_groups,
    clashing_stretches,
    dangling_subordinate,
    has_finite_verb_cue,
    self_echo,
)
from mtaudit.model import Severity
from mtaudit.segment import build_document


@pytest.mark.parametrize("text, expected", [
    ("Measures to facilitate the UN-backed peace process.", False),
    ("Funding for the northern bypass and the harbour footbridge.", False),
    ("Residents fear a drop in trade.", True),  # verb after a plural noun
    ("Click here to read the full report.", True),  # imperative
    ("Ghana and Nigeria share a border.", True),  # verb after a name
    ("Prices rose again in May.", True),  # irregular past
    ("The UN-backed talks in Geneva.", True),  # '-s' word: conservatively a possible verb
])
def test_finite_verb_cues(text, expected):
    doc = build_document(text)
    assert has_finite_verb_cue(doc, doc.sentences[0].words) is expected


@pytest.mark.parametrize("text, expected", [
    ("Although prices have been rising for months in the north.", True),  # one verb group
    ("Because the bridge was closed the buses were diverted.", False),  # a main clause follows
    ("Although prices rose the bank expects growth this year.", False),  # '-s' verb of the main clause
    ("Because of the strike, trains were cancelled on Monday.", False),  # a comma before the main clause
])
def test_dangling_subordinate_counts_verb_groups(text, expected):
    doc = build_document(text)
    assert dangling_subordinate(doc, doc.sentences[0], None, min_words=6) is expected


@pytest.mark.parametrize("text, relation, earlier", [
    ("The storm has left the harbour town in the noise of its own silence.", "antonym", "noise"),
    ("The orchestra has placed the calm evening in the fear of its own quiet.", "synonym", "calm"),
    ("The ministry has moved its budget into the shadow of the budget.", "repeated", "budget"),
    ("It was the beginning of the end.", None, None),  # no possessive
    ("The minister defended the policy as the cornerstone of his strategy.", None, None),  # a head noun
    ("The young striker impressed with the energy of his youth.", None, None),  # an unstressed synonym
    ("The young striker impressed with the energy of his own youth.", None, None),  # the modifier's own noun
    ("Officials from the village met the mayor. The road is the pride of the village.", None, None),  # other clause
    ("The club sold its stadium to the owner of the stadium, a property group.", None, None),  # not the last word
])
def test_self_echo(text, relation, earlier):
    doc = build_document(text)
    echo = self_echo(doc, doc.sentences[-1])
    assert (echo and (echo.relation, echo.earlier.text)) == (relation and (relation, earlier))


@pytest.mark.parametrize("positions, groups", [
    ([2, 3, 4], [(2, 3, 4)]),  # three in a row
    ([0, 2, 3], [(0, 2, 3)]),  # three of four
    ([0, 2, 4], []),  # three of five: too spread out
    ([0, 1, 5, 6], []),  # two pairs of clashes apart
    ([0, 1, 2, 5, 6, 7], [(0, 1, 2), (5, 6, 7)]),
    ([1, 2, 4, 6, 7], [(1, 2, 4, 6, 7)]),  # a chain with one fine pair between its clashes
])
def test_clash_groups(positions, groups):
    assert list(_clash_groups(positions)) == groups


def test_clashing_stretch_spans_its_clashing_pairs_and_stops_at_punctuation():
    text = "The school closed early on Friday, as teachers the leaving of sick were too many."
    (stretch,) = clashing_stretches(text)
    assert text[stretch.start:stretch.end] == "teachers the leaving of"
    assert stretch.pairs == ("teachers the", "the leaving", "leaving of") and stretch.doublings > 4.5
    assert list(clashing_stretches("As teachers, the leaving of sick were many.")) == []  # broken by a comma


@pytest.mark.parametrize("text, severity", [
    ("The school closed early on Friday, as teachers the leaving of sick were too many.", Severity.MINOR),
    ("The bakery sold out by noon, because customers the buying of bread the early.", Severity.MAJOR),
])
def test_four_clashing_pairs_make_a_major_finding(text, severity):
    (finding,) = Nonsense().run(build_document(text), CheckContext())
    assert finding.severity is severity and finding.evidence["kind"] == "clashing-pairs"


def test_salad_min_doublings_setting():
    doc = build_document("The school closed early on Friday, as teachers the leaving of sick were too many.")
    assert list(Nonsense().run(doc, CheckContext({"salad_min_doublings": 8.0}))) == []
