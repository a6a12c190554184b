"""Split text into paragraphs, sentences and tokens with code-point offsets (syntok)."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from syntok import segmenter
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


class RawToken(NamedTuple):
    """A token as syntok's segmenter reads it: `spacing`, `value` and `offset` are all it
    asks of syntok's own token class, and a named tuple reads them at C speed."""

    spacing: str
    value: str
    offset: int


class FastTokenizer(Tokenizer):
    """syntok's tokenizer (as `segmenter.analyze` sets it up) with a fast path. A chunk
    between spaces that is a plain ASCII word, marks from `_WORD_EDGES` around it aside, is
    cut into the tokens syntok makes of it (one per mark, the word whole) without syntok's
    per-character loops and sub-splitting regex; syntok itself tokenizes any other chunk.
    The tokens are the same, each value the text at its offset (tests/test_segment.py checks
    both on arbitrary text); segmentation takes a quarter less time."""

    def __init__(self) -> None:
        super().__init__(replace_not_contraction=False)

    def tokenize(self, text: str, base_offset: int = 0) -> Iterator[RawToken]:
        new = tuple.__new__  # RawToken's own __new__ is a Python function
        position = 0
        for chunk in Tokenizer._spaces.finditer(text):
            chunk_text = chunk.group()
            chunk_start = chunk.start()
            start = chunk_start + base_offset
            spacing, position = text[position:chunk_start], chunk.end()
            word = chunk_text.strip(_WORD_EDGES)
            if (word.isascii() and word.isalnum()
                    # no lower-case letter before a capital: syntok splits "McDonald"
                    and (len(word) == 1 or word[1:].islower() or word.isupper() or word.isdigit())):
                if len(word) == len(chunk_text):
                    yield new(RawToken, (spacing, word, start))
                    continue
                lead = chunk_text.index(word)
                tail = lead + len(word)
                if not chunk_text.startswith("...", tail):
                    for index in range(lead):
                        yield new(RawToken, ("" if index else spacing, chunk_text[index], start + index))
                    yield new(RawToken, ("" if lead else spacing, word, start + lead))
                    for index in range(tail, len(chunk_text)):
                        yield new(RawToken, ("", chunk_text[index], start + index))
                    continue
            for index, token in enumerate(super().tokenize(chunk_text)):
                yield new(RawToken, (spacing + token.spacing if index == 0 else token.spacing, token.value,
                                     token.offset + start))
        if position < len(text):
            yield new(RawToken, (text[position:], "", len(text) + base_offset))


_TOKENIZER = FastTokenizer()


def _tokens_of(offset: int, raw_tokens: list[RawToken], sentence: int) -> tuple[Token, ...]:
    """Our tokens of one sentence of syntok's. A token is a word when it has a letter
    (`isalpha` settles most); it is built by `tuple.__new__`, as the named tuple's own
    `__new__`, a Python function, would take a third of the time of this loop."""
    new = tuple.__new__
    return tuple(
        new(Token, (value, offset + at, offset + at + len(value), sentence,
                    value.isalpha() or any(map(str.isalpha, value))))
        for _, value, at in raw_tokens if value
    )


def build_document(text: str, path: str = "<text>", language: str = "en") -> Document:
    sentences: list[Sentence] = []
    for paragraph_index, (p_start, p_end) in enumerate(paragraphs(text)):
        for offset, part in segmenter.preprocess_with_offsets(text[p_start:p_end]):
            for raw_sentence in segmenter.segment(_TOKENIZER.tokenize(part, offset)):
                tokens = _tokens_of(p_start, raw_sentence, len(sentences))
                if tokens:
                    start, end = tokens[0].start, tokens[-1].end
                    sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph_index, tokens))
    return Document(path=path, text=text, sentences=tuple(sentences), language=language)
