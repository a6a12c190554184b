"""Unit tests of the claims the contradiction check reads and of name matching."""

from __future__ import annotations

from mtaudit.checks.contradiction import NameMatcher, outcomes, results, roles, stances, trends
from mtaudit.segment import build_document


def test_results_read_winner_loser_and_score():
    doc = build_document("The Falcons beat the Rovers 3-1. Osaka Blue, who were beaten 2-0 by Kobe Stars, stay bottom.")
    got = [(r.winner, r.loser, r.score) for r in results(doc)]
    assert got == [("Falcons", "Rovers", (3, 1)), ("Kobe Stars", "Osaka Blue", (2, 0))]


def test_stances_split_coordinated_agents_and_mark_qualified_objects():
    doc = build_document("The plan was rejected by Lima and Quito. Bogotá approved the revised plan.")
    got = [(s.agent, s.polarity, s.object, s.qualified) for s in stances(doc)]
    assert got == [("Lima", -1, "plan", False), ("Quito", -1, "plan", False), ("Bogotá", 1, "plan", True)]


def test_short_name_matches_only_a_unique_longer_name():
    unique = NameMatcher(["Manchester City", "City", "Arsenal"])
    assert unique.same("City", "Manchester City")
    ambiguous = NameMatcher(["Manchester City", "Leicester City", "City"])
    assert not ambiguous.same("City", "Manchester City")
    assert not unique.same("City", None)


def test_trends_read_the_quantity_after_a_reporting_verb_and_normalise_the_figure():
    doc = build_document("The ministry said car exports rose by 4.2 per cent. A 3% drop in imports to Asia hit ports. "
                         "Unemployment fell to 5.1% in May.")
    got = [(t.head, sorted(t.modifiers), t.direction, t.figure, t.level) for t in trends(doc)]
    assert got == [("export", ["car"], 1, "4.2%", False), ("import", [], -1, "3%", False),
                   ("unemployment", [], -1, "5.1%", True)]


def test_outcomes_are_intransitive_and_open_their_clause():
    doc = build_document("The motion was carried on Monday. The task force carried out patrols. "
                         "The bench rejected that account. The motion to close the library was defeated, "
                         "and the levy failed.")
    assert [(o.subject, o.polarity, o.verb) for o in outcomes(doc)] == [("motion", 1, "was carried"), ("levy", -1, "failed")]


def test_roles_read_active_passive_and_nominal_forms_with_coordinated_names():
    doc = build_document("Northwind bought Baltic Freight. Baltic Freight was acquired by Northwind. "
                         "Chile's takeover of Peru Rail surprised analysts. Chile sent aid to Peru and Bolivia.")
    got = [(r.kind, r.agent, r.patient) for r in roles(doc)]
    assert got == [("acquisition", "Northwind", "Baltic Freight"), ("acquisition", "Northwind", "Baltic Freight"),
                   ("acquisition", "Chile", "Peru Rail"), ("aid", "Chile", "Peru"), ("aid", "Chile", "Bolivia")]
