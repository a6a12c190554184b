"""File-level chrF, BLEU and TER: sacrebleu's corpus scores, scored only when read, and kept
in the disk cache once scored."""

from __future__ import annotations

import pickle

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from mtaudit.reference import compare, metrics
from mtaudit.reference.cache import DiskCache
from mtaudit.reference.metrics import FileMetrics
from mtaudit.segment import build_document

HYPOTHESES = ["The ferry left the harbour an hour late.", "Passengers waited on the pier.", ""]
REFERENCES = ["The ferry sailed an hour behind schedule.", "Passengers were waiting at the pier.",
              "Nobody was hurt."]


@pytest.fixture
def scorings(monkeypatch) -> list[int]:
    """How many times the corpus scores were computed."""
    calls: list[int] = []
    score = metrics.corpus_metrics

    def counted(hypotheses, references):
        calls.append(1)
        return score(hypotheses, references)

    monkeypatch.setattr(metrics, "corpus_metrics", counted)
    return calls


def test_scores_and_signatures_are_sacrebleus():
    scores = FileMetrics(HYPOTHESES, REFERENCES)
    for name, metric in {"chrf": CHRF(), "bleu": BLEU(), "ter": TER()}.items():
        expected = round(metric.corpus_score(HYPOTHESES, [REFERENCES]).score, 2)
        assert scores[name] == {"score": expected, "signature": str(metric.get_signature())}


def test_comparison_scores_its_file_only_when_read(fake_encoder, scorings):
    doc = build_document("The ferry left the harbour an hour late. Passengers waited on the pier.")
    comparison = compare(doc, build_document(" ".join(REFERENCES)), encoder=fake_encoder)
    assert scorings == []
    assert comparison.file_metrics["ter"]["score"] > 0
    assert scorings == [1]


def test_scores_are_kept_in_the_cache_and_survive_pickling(tmp_path, scorings):
    cache = DiskCache(tmp_path / "cache.sqlite3")
    first = FileMetrics(HYPOTHESES, REFERENCES, cache, b"key")
    assert cache.file_metrics(b"key") is None
    copy = pickle.loads(pickle.dumps(first))  # as from a worker process, not scored yet
    assert copy["ter"] == FileMetrics(HYPOTHESES, REFERENCES)["ter"]
    assert scorings == [1, 1]
    assert dict(FileMetrics(HYPOTHESES, REFERENCES, DiskCache(cache.path), b"key")) == dict(copy)
    assert scorings == [1, 1]  # read from the cache
