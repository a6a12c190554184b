"""name-variant: the surname view it reads, its spelling tests and its findings."""

from __future__ import annotations

import json

import pytest

from mtaudit.checks.base import CheckContext
from mtaudit.checks.name_variant import NameVariant, _derived, _fold
from mtaudit.model import Severity
from mtaudit.segment import build_document
from mtaudit.views.mentions import surname_mentions


def _surnames(text: str) -> list[tuple[str, str | None]]:
    doc = build_document(text)
    return [(s.text, s.given) for s in doc.view(surname_mentions)]


def _findings(text: str, **settings):
    doc = build_document(text)
    return doc, list(NameVariant().run(doc, CheckContext(settings)))


def test_surnames_drop_particle_prefixes_and_keep_the_given_name():
    assert _surnames("Prime Minister Nawaf al-Salam met Ludwig van Beethoven.") == [
        ("Salam", "Nawaf"), ("Beethoven", "Ludwig")]


def test_surname_spans_are_the_words_in_the_text():
    doc = build_document("talks with Al-Mansouri and Nguyen's team.")
    assert [doc.text[s.start:s.end] for s in doc.view(surname_mentions)] == ["Mansouri", "Nguyen"]


def test_quoted_nickname_joins_given_name_and_surname():
    assert _surnames('Robert "Bobby" Okafor retired. Bobby will coach.') == [("Okafor", "Robert")]


def test_nickname_after_known_as_is_no_surname():
    assert _surnames("Okafor, known as Bobby, retired.") == [("Okafor", None)]


@pytest.mark.parametrize("a, b", [
    ("libya", "libyan"), ("egypt", "egyptian"), ("italy", "italian"), ("china", "chinese"),
    ("iraq", "iraqi"), ("okonkwo", "okonkwos"), ("jones", "joneses"),
])
def test_derived_forms(a, b):
    assert _derived(a, b) and _derived(b, a)


@pytest.mark.parametrize("a, b", [("haftor", "hafto"), ("mwangi", "mwangy"), ("okonkwo", "okonkow")])
def test_misspellings_are_not_derived_forms(a, b):
    assert not _derived(a, b)


def test_fold_removes_diacritics():
    assert _fold("wiśniewska") == "wisniewska" and _fold("yılmaz") == "yilmaz" and _fold("durán") == "duran"


def test_rarer_spelling_is_flagged_with_canonical_suggestion_and_evidence():
    text = ("Nadia Benali won the race. Benali led from the start. Benali thanked the crowd. "
            "Benalli said she would rest.")
    doc, findings = _findings(text)
    assert [doc.text[f.start:f.end] for f in findings] == ["Benalli"]
    finding = findings[0]
    assert finding.severity == Severity.MAJOR and finding.suggestion == "Benali"
    assert finding.message == "'Benalli' looks like a misspelling of 'Benali' (3 other mentions)"
    assert finding.evidence["canonical_mentions"] == 3 and finding.evidence["variant_mentions"] == 1
    json.dumps(finding.evidence)


def test_tie_is_minor_names_both_spellings_and_prefers_the_full_name():
    text = "The report was written by Oksana Hrytsenko. Later, Hrytsenka said it was late."
    doc, findings = _findings(text)
    assert [doc.text[f.start:f.end] for f in findings] == ["Hrytsenka"]
    assert findings[0].severity == Severity.MINOR
    assert "'Hrytsenka' and 'Hrytsenko'" in findings[0].message


def test_a_frequent_word_is_never_a_variant():
    text = "Rodriguez spoke first. Rodriguez said yes. Rodriguez left. Rodrigues arrived."
    assert _findings(text)[1] == []


def test_spellings_with_different_given_names_are_different_people():
    text = "Ivan Sorokin and Olga Sorokina spoke. Sorokin said no. Sorokin left."
    assert _findings(text)[1] == []


def test_thresholds_come_from_settings():
    text = "Kamau won. Kamau said so. Kamua agreed."
    assert len(_findings(text)[1]) == 1
    assert _findings(text, short_min_similarity=0.99)[1] == []


@pytest.mark.parametrize("a, b", [("oromo", "oromia"), ("london", "londoner"), ("peron", "peronist")])
def test_places_people_and_followers_are_derived_forms(a, b):
    assert _derived(a, b)


@pytest.mark.parametrize("text, expected", [
    ("Joaquín Paredes Rojo spoke. Paredes left.", [("Paredes", "Joaquín"), ("Paredes", None)]),
    ("Joaquín Paredes Rojo spoke. Rojo left.", [("Rojo", "Paredes"), ("Rojo", None)]),
    ("Joaquín Paredes Rojo spoke. Paredes left. Rojo stayed.",
     [("Rojo", "Paredes"), ("Paredes", None), ("Rojo", None)]),
    ("Ambassador Liu Wenhao met them. Liu said no.", [("Liu", "Wenhao"), ("Liu", None)]),
    ("The Chilean Embassy said so. Chilean wine sold well.", [("Embassy", "Chilean"), ("Chilean", None)]),
    ("President Ana Ruiz spoke. President said no.", [("Ruiz", "Ana"), ("President", None)]),
])
def test_surname_is_the_word_the_text_calls_the_person_by(text, expected):
    assert _surnames(text) == expected


def test_the_first_of_two_surnames_links_the_later_mentions():
    text = ("Joaquín Paredes Rojo heads the fishermen's association. Paredes said the quotas ignored "
            "local data. Parede said the association would appeal.")
    doc, findings = _findings(text)
    assert [(doc.text[f.start:f.end], f.suggestion) for f in findings] == [("Parede", "Paredes")]


@pytest.mark.parametrize("text, flagged", [
    ("Femi Adebayo runs the ferries. Adebayo blamed diesel. Adebayos said fares would rise.", ["Adebayos"]),
    ("Femi Adebayo runs the ferries. Adebayo blamed diesel. The Adebayos said fares would rise.", []),
    ("Femi Adebayo runs the ferries. Adebayo blamed diesel. Both Adebayos said fares would rise.", []),
    ("Femi Adebayo runs the ferries. Adebayo blamed diesel. Adebayos' boats are new.", []),
    ("Ana Torres runs the bakery. Torres said flour cost more. Torres added that bread would too.", []),
])
def test_a_plural_ending_on_a_person_s_surname(text, flagged):
    doc, findings = _findings(text)
    assert [doc.text[f.start:f.end] for f in findings] == flagged


def test_a_person_named_in_full_is_no_misspelling_of_a_household_word():
    text = ("The Chinese mills have raised prices, and Chinese buyers pay more for cotton. "
            "\"We cannot pass it on,\" said Amaka Chinyere, a tailor.")
    assert _findings(text)[1] == []


def test_an_okina_left_out_is_no_misspelling():
    assert _findings("Hotels across Hawaii were full. The University of Hawaiʻi said so.")[1] == []
