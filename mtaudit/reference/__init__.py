"""Reference phrasing: line a text up with the original it was spun from (or the reference
translation of an MT output) and measure how far each sentence moved.

The only package that imports torch, numpy and sacrebleu, each lazily. Every sentence of the
text gets an `Alignment`: the reference sentences it corresponds to, their cosine similarity
and sacrebleu's sentence chrF. Sentences merged or split by the spinner share the figures of
their whole group (the merged text against the reference text it covers). A sentence with
no counterpart has no reference sentences, and its figures are measured against the
nearest reference sentence (line, in line-aligned mode), so low values mean "nothing like it".
The whole file gets chrF, BLEU and TER, scored only when something reads them.

With the default (cached) encoder a whole comparison is cached too, keyed by both texts,
their segmentation, the model and the source of this package, and so are its file metrics
once read, so an unchanged re-check imports neither numpy, sacrebleu nor torch.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

from mtaudit.model import Alignment, Document
from mtaudit.reference.cache import DiskCache
from mtaudit.reference.encoder import Encoder, EncoderError, default_encoder
from mtaudit.reference.metrics import FileMetrics, sentence_chrf

__all__ = ["Comparison", "Encoder", "EncoderError", "compare", "default_encoder"]


@dataclass(frozen=True)
class Comparison:
    alignment: tuple[Alignment, ...]  # one per sentence of the text
    unaligned_reference: tuple[int, ...]  # reference sentences with no counterpart
    file_metrics: FileMetrics  # {"chrf"|"bleu"|"ter": {"score": float, "signature": str}}, lazily


def compare(doc: Document, reference: Document, *, line_aligned: bool = False,
            encoder: Encoder | None = None) -> Comparison:
    """Align `doc` with `reference` (by similarity, or line by line) and measure each sentence."""
    encoder = encoder or default_encoder()
    cache = getattr(encoder, "cache", None)
    digest = _digest(doc, reference, line_aligned, encoder.model_id) if cache else None
    cached = cache.comparison(digest) if cache else None
    if cached is not None:
        return _loads(cached, cache, digest)
    comparison = _compare(doc, reference, line_aligned, encoder, cache, digest)
    if cache:
        cache.add_comparison(digest, _dumps(comparison))
    return comparison


def _compare(doc: Document, reference: Document, line_aligned: bool, encoder: Encoder,
             cache: DiskCache | None, digest: bytes | None) -> Comparison:
    from mtaudit.reference.align import align_lines, align_sentences, span_text

    result = (align_lines if line_aligned else align_sentences)(doc, reference, encoder)
    alignment: list[Alignment] = [Alignment((), None, None)] * len(doc.sentences)
    segments: list[tuple[int, str, str]] = []  # (position, hypothesis, reference) for the file metrics
    for bead in result.beads:
        hypothesis, original = span_text(doc, bead.sentences), span_text(reference, bead.reference_sentences)
        measured = Alignment(bead.reference_sentences, bead.similarity, sentence_chrf(hypothesis, original))
        for i in bead.sentences:
            alignment[i] = measured
        segments.append((doc.sentences[bead.sentences[0]].start, hypothesis, original))
    for i, (unit, cosine) in result.nearest.items():
        nearest_text = span_text(reference, result.reference_units[unit])
        alignment[i] = Alignment((), round(cosine, 4), sentence_chrf(doc.sentences[i].text, nearest_text))
    aligned = {i for bead in result.beads for i in bead.sentences}
    segments += [(s.start, s.text, "") for s in doc.sentences if s.index not in aligned]
    covered = {j for bead in result.beads for j in bead.reference_sentences}
    unaligned_reference = tuple(j for j in range(len(reference.sentences)) if j not in covered)
    segments.sort(key=lambda segment: segment[0])
    hypotheses = [h for _, h, _ in segments] + [""] * len(unaligned_reference)
    references = [r for _, _, r in segments] + [reference.sentences[j].text for j in unaligned_reference]
    return Comparison(tuple(alignment), unaligned_reference, FileMetrics(hypotheses, references, cache, digest))


@functools.cache
def _code_fingerprint() -> str:
    """This package's source and the installed sacrebleu: a change to either invalidates
    cached comparisons."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    spec = importlib.util.find_spec("sacrebleu")
    if spec and spec.origin:
        stat = Path(spec.origin).stat()
        digest.update(f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _digest(doc: Document, reference: Document, line_aligned: bool, model_id: str) -> bytes:
    key = [_code_fingerprint(), model_id, line_aligned,
           doc.text, [(s.start, s.end) for s in doc.sentences],
           reference.text, [(s.start, s.end) for s in reference.sentences]]
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).digest()


def _dumps(comparison: Comparison) -> str:
    return json.dumps({
        "alignment": [[list(a.reference_sentences), a.similarity, a.chrf] for a in comparison.alignment],
        "unaligned_reference": list(comparison.unaligned_reference),
        "segments": [comparison.file_metrics.hypotheses, comparison.file_metrics.references],
    })


def _loads(value: str, cache: DiskCache, digest: bytes) -> Comparison:
    data = json.loads(value)
    return Comparison(
        tuple(Alignment(tuple(refs), similarity, chrf) for refs, similarity, chrf in data["alignment"]),
        tuple(data["unaligned_reference"]), FileMetrics(*data["segments"], cache, digest))
