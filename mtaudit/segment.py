"""Split text into paragraphs, sentences and tokens with code-point offsets (syntok)."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from itertools import islice
from operator import length_hint
from typing import Iterator, NamedTuple

import regex
from syntok import segmenter
from syntok._segmentation_states import Begin, InnerToken, State
from syntok.tokenizer import Tokenizer

from mtaudit.model import Document, Sentence, Token

_LINE_BREAK_PATTERN = r"(?:\r\n|\r(?!\n)|\n)"
_LINE_BREAK = re.compile(_LINE_BREAK_PATTERN)
_BLANK_LINES = re.compile(_LINE_BREAK_PATTERN + r"[ \t\f\v]*" + _LINE_BREAK_PATTERN + r"\s*")
_TERMINAL = tuple(".!?:;\"'”’»)…")
# Lines of hard-wrapped prose are at least this long; a shorter line ends its paragraph.
_WRAPPED_LINE = 40


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs: blocks between blank lines (any line ending). A block whose lines
    mostly run on without final punctuation is hard-wrapped prose: its lines join, and a
    short line ends a paragraph. In any other block each line is its own paragraph
    (headlines, list items, widget lines, one sentence per line)."""
    spans: list[tuple[int, int]] = []
    position = 0
    for separator in list(_BLANK_LINES.finditer(text)) + [None]:
        end = separator.start() if separator else len(text)
        _add_block(text, position, end, spans)
        position = separator.end() if separator else end
    return spans


def _add_block(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    lines = _line_spans(text, start, end)
    if not lines:
        return
    runs_on = [len(text[a:b]) >= _WRAPPED_LINE and not text[a:b].endswith(_TERMINAL) for a, b in lines[:-1]]
    if sum(runs_on) * 2 <= len(runs_on):
        spans.extend(lines)
        return
    paragraph_start = lines[0][0]
    for (a, b), following in zip(lines, lines[1:] + [None]):
        if following is None or b - a < _WRAPPED_LINE:
            spans.append((paragraph_start, b))
            paragraph_start = following[0] if following else b


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the lines of `text[start:end]`, surrounding whitespace left out."""
    spans, position = [], start
    for match in [*_LINE_BREAK.finditer(text, start, end), None]:
        line_end = match.start() if match else end
        line = text[position:line_end]
        stripped = line.strip()
        if stripped:
            left = position + line.index(stripped[0])
            spans.append((left, left + len(stripped)))
        position = match.end() if match else end
    return spans


# Marks that may stand before or after a plain word in a chunk the fast path takes.
_WORD_EDGES = ".,;:!?\"'“”‘’()[]"
# A chunk as syntok's tokenizer cuts text (`Tokenizer._spaces`) and the spacing before it
# (the other characters).
_SPACED_CHUNK = regex.compile(r"([\s\u200b]*)([^\s\u200b]+)")


class RawToken(NamedTuple):
    """A token as syntok's segmenter reads it (`spacing`, `value` and `offset` are all it
    asks of syntok's own token class, and a named tuple reads them at C speed), and whether
    it has a letter."""

    spacing: str
    value: str
    offset: int
    is_word: bool


class FastTokenizer(Tokenizer):
    """syntok's tokenizer (as `segmenter.analyze` sets it up), faster. It cuts text into
    chunks between spaces, as syntok does, and syntok cuts each chunk alone, so the tokens
    of a chunk are looked up in a cache, and only a new chunk is cut (`chunk_tokens`). The
    tokens are the same, each value the text at its offset (tests/test_segment.py checks
    both on arbitrary text)."""

    def __init__(self) -> None:
        super().__init__(replace_not_contraction=False)
        self.chunk_tokens = functools.lru_cache(maxsize=1 << 14)(self._chunk_tokens)

    def tokenize(self, text: str, base_offset: int = 0) -> Iterator[RawToken]:
        new = tuple.__new__  # RawToken's own __new__ is a Python function
        position = 0
        for spacing, chunk in _SPACED_CHUNK.findall(text):
            start = position + len(spacing)
            position = start + len(chunk)
            for inner_spacing, value, offset, is_word in self.chunk_tokens(chunk):
                yield new(RawToken, (spacing + inner_spacing, value, base_offset + start + offset, is_word))
                spacing = ""  # the spacing before a chunk goes to its first token
        if position < len(text):
            yield new(RawToken, (text[position:], "", base_offset + len(text), False))

    def _chunk_tokens(self, chunk: str) -> tuple[tuple[str, str, int, bool], ...]:
        """syntok's tokens of one chunk as (spacing inside the chunk, value, offset in the
        chunk, has a letter). A plain ASCII word, marks from `_WORD_EDGES` around it aside, is
        cut on a fast path (a token per mark, the word whole), without syntok's
        per-character loops and sub-splitting regex."""
        word = chunk.strip(_WORD_EDGES)
        if (word.isascii() and word.isalnum()
                # no lower-case letter before a capital: syntok splits "McDonald"
                and (len(word) == 1 or word[1:].islower() or word.isupper() or word.isdigit())):
            if len(word) == len(chunk):
                return (("", word, 0, not word.isdigit()),)
            lead = chunk.index(word)
            tail = lead + len(word)
            if not chunk.startswith("...", tail):
                return (*[("", mark, index, False) for index, mark in enumerate(chunk[:lead])],
                        ("", word, lead, not word.isdigit()),
                        *[("", mark, tail + index, False) for index, mark in enumerate(chunk[tail:])])
        return tuple((token.spacing, token.value, token.offset, _has_letter(token.value))
                     for token in super().tokenize(chunk))


def _has_letter(value: str) -> bool:
    return value.isalpha() or any(map(str.isalpha, value))


_TOKENIZER = FastTokenizer()


def _tokens_of(raw_tokens: list[RawToken], sentence: int) -> tuple[Token, ...]:
    """Our tokens of one sentence of syntok's, built by `tuple.__new__`, as the named
    tuple's own `__new__`, a Python function, would take a third of the time of this loop."""
    new = tuple.__new__
    return tuple(new(Token, (value, at, at + len(value), sentence, is_word))
                 for _, value, at, is_word in raw_tokens if value)


# The only token values at which syntok's segmenter does more than pass a token on: it
# weighs a sentence end only at a terminal or an opening bracket (`next_is_a_terminal`,
# `next_is_an_opening_bracket`).
_DECISION_VALUES = State.terminals | State.opening_brackets


def _segment(tokens: list[RawToken]) -> Iterator[list[RawToken]]:
    """`segmenter.segment(iter(tokens))`, the same sentences, but run through syntok's states
    only around terminals and opening brackets: in a run of other tokens its `InnerToken`
    state moves one token a step into the sentence and stays as it is, and
    `_skip_plain_run` makes all those steps at once."""
    stream = iter(tokens)
    decisions = [index for index, token in enumerate(tokens) if token.value in _DECISION_VALUES]
    for state in Begin(stream):
        if state.at_sentence:
            history = state.collect_history()
            if history and (len(history) > 1 or history[0].value):
                yield history
        elif type(state) is InnerToken and state._queue:
            _skip_plain_run(state, tokens, stream, decisions)


def _skip_plain_run(state: InnerToken, tokens: list[RawToken], stream: Iterator[RawToken],
                    decisions: list[int]) -> None:
    """Leave `state` as syntok's `InnerToken.__next__` would after its steps up to the token
    before the next terminal or opening bracket: each step moves the first token of the
    queue to the history (fetching one from the stream when the queue runs dry) while the
    token after it is neither. The queue holds the tokens between history and stream."""
    queue = state._queue
    first = len(tokens) - length_hint(stream) - len(queue)  # the index of queue[0]
    following = bisect_right(decisions, first)
    last = decisions[following] - 1 if following < len(decisions) else len(tokens) - 1
    steps = last - first
    if steps <= 0:
        return
    state._history.extend(tokens[first:last])
    if steps < len(queue):
        del queue[:steps]
    else:  # the stream moves on to tokens[last]
        queue[:] = [next(islice(stream, steps - len(queue), None))]


def build_document(text: str, path: str = "<text>", language: str = "en") -> Document:
    sentences: list[Sentence] = []
    for paragraph_index, (p_start, p_end) in enumerate(paragraphs(text)):
        for offset, part in segmenter.preprocess_with_offsets(text[p_start:p_end]):
            for raw_sentence in _segment(list(_TOKENIZER.tokenize(part, p_start + offset))):
                tokens = _tokens_of(raw_sentence, len(sentences))
                if tokens:
                    start, end = tokens[0].start, tokens[-1].end
                    sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph_index, tokens))
    return Document(path=path, text=text, sentences=tuple(sentences), language=language)
