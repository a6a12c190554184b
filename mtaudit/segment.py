"""Split text into paragraphs, sentences and tokens with code-point offsets (syntok)."""

from __future__ import annotations

import re

from syntok import segmenter

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


def _tokens_of(text: str, offset: int, raw_tokens, sentence: int) -> tuple[Token, ...]:
    """Map syntok tokens onto exact offsets in `text`; syntok may normalise a value, so the
    text between offsets is authoritative. A token is a word when it has a letter (`isalpha`
    settles most); it is built by `tuple.__new__`, as the named tuple's own `__new__`, a
    Python function, would take a third of the time of this loop."""
    out = []
    for raw in raw_tokens:
        value = raw.value
        if not value:
            continue
        start = offset + raw.offset
        if not text.startswith(value, start):
            start = text.find(value, start - len(value), start + 2 * len(value) + 2)
            if start < 0:
                continue
        is_word = value.isalpha() or any(ch.isalpha() for ch in value)
        out.append(tuple.__new__(Token, (value, start, start + len(value), sentence, is_word)))
    return tuple(out)


def build_document(text: str, path: str = "<text>", language: str = "en") -> Document:
    sentences: list[Sentence] = []
    for paragraph_index, (p_start, p_end) in enumerate(paragraphs(text)):
        for paragraph in segmenter.analyze(text[p_start:p_end]):
            for raw_sentence in paragraph:
                tokens = _tokens_of(text, p_start, raw_sentence, len(sentences))
                if tokens:
                    start, end = tokens[0].start, tokens[-1].end
                    sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph_index, tokens))
    return Document(path=path, text=text, sentences=tuple(sentences), language=language)
