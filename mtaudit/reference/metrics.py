"""chrF, BLEU and TER from sacrebleu, per sentence and per file, with sacrebleu's signatures
(default settings: chrF with character 6-grams, BLEU 13a-tokenised, TER tercom)."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from mtaudit.reference.cache import DiskCache


@functools.cache
def _metrics():
    from sacrebleu.metrics import BLEU, CHRF, TER

    return {"chrf": CHRF(), "bleu": BLEU(), "ter": TER()}


def sentence_chrf(hypothesis: str, reference: str) -> float:
    """sacrebleu's sentence chrF in [0, 100], rounded to 2 places."""
    return round(_metrics()["chrf"].sentence_score(hypothesis, [reference]).score, 2)


def corpus_metrics(hypotheses: Sequence[str], references: Sequence[str]) -> dict:
    """{"chrf"|"bleu"|"ter": {"score": float, "signature": str}} over parallel segments
    (an empty string stands for a segment with no counterpart)."""
    out = {}
    for name, metric in _metrics().items():
        score = metric.corpus_score(list(hypotheses), [list(references)]).score
        out[name] = {"score": round(score, 2), "signature": str(metric.get_signature())}
    return out


class FileMetrics(Mapping):
    """The `corpus_metrics` of parallel segments, scored the first time something reads them
    (TER alone can cost more than the rest of a comparison) and kept in `cache` under `key`
    when given, so that a re-check reads them from there."""

    def __init__(self, hypotheses: Sequence[str], references: Sequence[str],
                 cache: DiskCache | None = None, key: bytes | None = None):
        self.hypotheses, self.references = tuple(hypotheses), tuple(references)
        self._cache, self._key = cache, key
        self._scores: dict | None = None

    def _scored(self) -> dict:
        if self._scores is None:
            cached = self._cache.file_metrics(self._key) if self._cache else None
            if cached is not None:
                self._scores = json.loads(cached)
            else:
                self._scores = corpus_metrics(self.hypotheses, self.references)
                if self._cache:
                    self._cache.add_file_metrics(self._key, json.dumps(self._scores))
        return self._scores

    def __getitem__(self, name: str) -> dict:
        return self._scored()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._scored())

    def __len__(self) -> int:
        return len(self._scored())

    def __repr__(self) -> str:
        return f"FileMetrics({'not scored yet' if self._scores is None else self._scores})"
