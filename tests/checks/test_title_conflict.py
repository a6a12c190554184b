"""title-conflict: the role-word list, the roles view and the conflicts between roles."""

from __future__ import annotations

import json

import pytest

from mtaudit.checks.base import CheckContext
from mtaudit.checks.title_conflict import TitleConflict
from mtaudit.segment import build_document
from mtaudit.views.roles import person_roles
from mtaudit.views.titles import TITLES_FILE


def _roles(text: str) -> list[tuple]:
    doc = build_document(text)
    return [(r.person.text, r.text, r.head, r.former, r.rank, r.body, r.unstable) for r in doc.view(person_roles)]


def test_titles_file_has_a_header_and_is_sorted_unique_lower_case():
    lines = TITLES_FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    entries = [line for line in lines if line and not line.startswith("#")]
    assert entries == sorted(entries) and len(entries) == len(set(entries))
    assert all(entry == entry.lower() == " ".join(entry.split()) for entry in entries)


def test_every_office_of_the_exclusive_tables_is_a_title():
    from mtaudit.checks.title_conflict import (
        CHIEF_OFFICERS, FIELD_OF_PROFESSION, GOVERNING_OFFICES, PORTFOLIO_HEADS, PRESIDING_OFFICES, TREASURER)
    from mtaudit.views.roles import DEPUTY_TITLES
    from mtaudit.views.titles import title_phrases

    titles = {" ".join(phrase) for phrase in title_phrases()}
    assert set(FIELD_OF_PROFESSION) | set(GOVERNING_OFFICES) | PORTFOLIO_HEADS <= titles
    assert set(CHIEF_OFFICERS) | set(PRESIDING_OFFICES) | {TREASURER} | set(DEPUTY_TITLES) <= titles


@pytest.mark.parametrize("text, expected", [
    ("Interior Minister Karim Bashir spoke.", ("Bashir", "Interior Minister", "minister", False, None, None, False)),
    ("She met former mayor Ana Ruiz.", ("Ruiz", "former mayor", "mayor", True, None, None, False)),
    ("Bashir, the interior minister, spoke.", ("Bashir", "interior minister", "minister", False, None, None, False)),
    ("Ruiz, a former member of parliament, spoke.",
     ("Ruiz", "former member of parliament", "member", True, None, "parliament", False)),
    ("The town's mayor, Ana Ruiz, spoke.", ("Ruiz", "mayor", "mayor", False, None, None, False)),
    ("We asked Rojas, the observatory's deputy director, first.",
     ("Rojas", "deputy director", "director", False, "deputy", None, False)),
    ("The bridge was opened by then-mayor Ana Ruiz.", ("Ruiz", "then-mayor", "mayor", False, None, None, True)),
    ("Ruiz, a former minister, now leads the opposition.", ("Ruiz", "former minister", "minister", True, None, None, True)),
    ("Lieutenant General Omar Idris arrived.", ("Idris", "Lieutenant General", "general", False, None, None, False)),
])
def test_role_attached_to_the_name(text, expected):
    assert _roles(text) == [expected]


def test_roles_joined_by_and_attach_to_the_same_name():
    roles = _roles("Parliament speaker and close ally Nuri Hamdan arrived.")
    assert [(r[1], r[2], r[5]) for r in roles] == [("Parliament speaker", "speaker", "parliament"), ("close ally", "ally", None)]


def test_a_title_before_the_next_name_is_no_appositive():
    assert _roles("On Friday, Kenyan President Farid Nour spoke.") == [
        ("Nour", "Kenyan President", "president", False, None, None, False)]


def test_conflict_points_at_the_later_role_and_names_both():
    text = ("Former senator Lucia Ferreyra arrived on Monday. "
            "Senate president Lucia Ferreyra said the vote would be held.")
    doc = build_document(text)
    findings = list(TitleConflict().run(doc, CheckContext()))
    assert [doc.text[f.start:f.end] for f in findings] == ["Senate president"]
    finding = findings[0]
    assert "'Senate president'" in finding.message and "'Former senator'" in finding.message
    assert finding.evidence["roles"] == ["Former senator", "Senate president"]
    assert finding.evidence["person"] == "Lucia Ferreyra"
    json.dumps(finding.evidence)


def test_one_finding_per_pair_of_offices():
    text = "Former mayor Ana Ruiz spoke. Mayor Ana Ruiz said yes. Mayor Ruiz left. Mayor Ruiz came back."
    doc = build_document(text)
    assert len(list(TitleConflict().run(doc, CheckContext()))) == 1


def test_surname_alone_matches_the_full_name():
    text = "Deputy chairman Hiroshi Tanaka spoke first. Chairman Tanaka closed the meeting."
    doc = build_document(text)
    findings = list(TitleConflict().run(doc, CheckContext()))
    assert [doc.text[f.start:f.end] for f in findings] == ["Chairman"]
    assert findings[0].evidence["person"] == "Hiroshi Tanaka"


@pytest.mark.parametrize("text, expected", [
    ("Accra's councillor for housing, Femi Adebayo, said no.",
     ("Adebayo", "councillor for housing", "councillor", False, None, None, False)),
    ("A spokesman for the rebels, Adam Haroun, denied it.",
     ("Haroun", "spokesman for the rebels", "spokesman", False, None, None, False)),
    ("Tom Baker, the mayor's spokesman, said the pool would reopen.",
     ("Baker", "spokesman", "spokesman", False, None, None, False)),
    ("Kovac, a co-author of the study, spoke.", ("Kovac", "co-author of the study", "author", False, "co", None, False)),
    ("We asked Kovac, the study's lead author.", ("Kovac", "lead author", "author", False, "lead", None, False)),
    ("Kovac, an author, said the team would now sample the reef.", ("Kovac", "author", "author", False, None, None, False)),
    ("Margaret Doyle, a retired nurse, spoke.", ("Doyle", "retired nurse", "nurse", False, None, None, True)),
])
def test_more_roles_attached_to_the_name(text, expected):
    assert _roles(text) == [expected]


def _role(text: str):
    (role,) = build_document(text).view(person_roles)
    return role


@pytest.mark.parametrize("text, portfolios", [
    ("Health Minister Rosa Almeida spoke.", {"health"}),
    ("Almeida, the minister for culture, spoke.", {"culture"}),
    ("Education and Employment Secretary Ruth Adeyemi spoke.", {"education", "labour"}),
    ("Almeida, the minister of finance and health, spoke.", {"finance", "health"}),
    ("Police spokesman Juma Otieno spoke.", {"interior"}),
    ("Mayor Rosa Almeida spoke.", set()),
])
def test_portfolios_of_a_role(text, portfolios):
    assert _role(text).portfolios == portfolios


@pytest.mark.parametrize("text, organisational", [
    ("Party president Ana Ruiz spoke.", True),
    ("UEFA president Ibrahim Bello spoke.", True),
    ("Ruiz, the bank's governor, spoke.", True),
    ("Ruiz, president of the football federation, spoke.", True),
    ("Kenyan President Ana Ruiz spoke.", False),
    ("US President Ana Ruiz spoke.", False),
])
def test_organisational_role(text, organisational):
    assert _role(text).organisational is organisational


@pytest.mark.parametrize("text, concurrent", [
    ("Prime Minister Ivo Radan, who also holds the defence portfolio, spoke.", True),
    ("Ana Ruiz, a surgeon, is also a qualified lawyer.", True),
    ("Mayor Ana Ruiz also said the plan was final.", False),
])
def test_concurrent_role(text, concurrent):
    assert _role(text).concurrent is concurrent


def _conflict_of(text: str) -> str | None:
    doc = build_document(text)
    findings = list(TitleConflict().run(doc, CheckContext()))
    return findings[0].message.split(": ", 1)[1] if findings else None


@pytest.mark.parametrize("first, second, reason", [
    ("Governor", "Prime Minister", "one person is not both a governor and a prime minister"),
    ("Premier", "Prime Minister", None),
    ("Mayor", "Health Minister", "a mayor does not also hold the health portfolio"),
    ("Health Minister", "Finance Minister", "one person does not hold both the health and the finance portfolio"),
    ("Economy Minister", "Finance Minister", None),
    ("Engineer", "Accountant", "one person is not both an engineer and an accountant"),
    ("Nurse", "Midwife", None),
    ("Radiologist", "Neurologist", "a radiologist is not a neurologist (radiology / neurology)"),
    ("Surgeon", "Urologist", None),
    ("Solicitor", "Barrister", None),
])
def test_offices_that_exclude_each_other(first, second, reason):
    text = f"{first} Lena Hart spoke on Monday. The hall was full. {second} Hart answered questions."
    assert _conflict_of(text) == reason


def test_exclusive_offices_given_in_one_sentence_are_held_together():
    assert _conflict_of("Mayor Lena Hart, the health minister, spoke.") is None


def test_a_capitalised_title_is_no_person():
    text = ("The Director-General of the bureau, Wen Hua, and the Deputy Director-General, Hui Ming, met the "
            "visitors. The Director-General thanked the airline.")
    assert [(r[0], r[1], r[2], r[4]) for r in _roles(text)] == [
        ("Hua", "Director-General of the bureau", "director general", None),
        ("Ming", "Deputy Director-General", "director general", "deputy")]


def test_roles_joined_by_and_in_an_appositive_after_the_name():
    roles = _roles("Tomás Herrera, the start-up's co-founder and chief operating officer, spoke.")
    assert [(r[1], r[2], r[4]) for r in roles] == [
        ("co-founder", "founder", "co"), ("chief operating officer", "chief operating officer", None)]


@pytest.mark.parametrize("text", [
    "Ana Ruiz, the mayor and her deputy, Luis Gomez, opened the fair.",
    "Ana Ruiz, the mayor and deputy, Luis Gomez, opened the fair.",
])
def test_a_role_joined_by_and_that_belongs_to_the_next_name(text):
    assert [(r[0], r[1]) for r in _roles(text)] == [("Ruiz", "mayor"), ("Gomez", "deputy")]


@pytest.mark.parametrize("text, head, rank", [
    ("Education undersecretary Rhea Dizon spoke.", "secretary", "deputy"),
    ("Under-Secretary Rhea Dizon spoke.", "secretary", "deputy"),
    ("Dizon, the assistant chief medical officer, spoke.", "officer", "deputy"),
])
def test_a_deputy_rank_in_the_title_or_before_a_chief(text, head, rank):
    role = _role(text)
    assert (role.head, role.rank) == (head, rank)


def test_under_before_a_capitalised_title_is_a_preposition():
    role = _role("The ward was opened under Secretary Rhea Dizon.")
    assert (role.text, role.head, role.rank, role.unstable) == ("Secretary", "secretary", None, True)


@pytest.mark.parametrize("first, second, reason", [
    ("Chief executive", "Chief operating officer",
     "one person is not both the chief executive and the chief operating officer"),
    ("CEO", "Chief executive", None),
    ("Chief executive officer", "CEO", None),
    ("Club treasurer", "Club president", "one person is not both the treasurer and the president"),
    ("Club treasurer", "Club chairwoman", "one person is not both the treasurer and the chair"),
    ("Club treasurer", "Chief financial officer", None),
    ("Treasurer", "Club president", None),  # a government's treasurer is no club's officer
    ("Chairman", "Chief executive", None),
    ("President", "Chief executive", None),
    ("Vice-president", "Chief executive", "the chief executive is not a vice-president"),
    ("Vice-chairman", "Chief executive", None),
])
def test_officers_of_one_organisation(first, second, reason):
    text = f"{first} Lena Hart spoke on Monday. The hall was full. {second} Hart answered questions."
    assert _conflict_of(text) == reason


def test_officers_of_different_organisations_do_not_conflict():
    text = ("Lena Hart, treasurer of the rowing club, spoke on Monday. The hall was full. "
            "Hart, president of the chess society, answered questions.")
    assert _conflict_of(text) is None


def test_a_person_called_by_the_first_of_two_surnames():
    text = ("Lucía Mendoza Quintero, the mayor of the river town, opened the water plant. "
            "Mendoza said it would serve 40,000 homes. Governor Mendoza thanked the builders.")
    assert _conflict_of(text) == "one person is not both a mayor and a governor"
