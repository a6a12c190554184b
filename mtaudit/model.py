"""The one document model every stage shares: Document in, Finding out, reports to render.

This module imports nothing of the package, so every layer can depend on it.
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, NamedTuple, TypeVar

T = TypeVar("T")
_WORD_RUN = re.compile(r"\w+")


class Severity(str, enum.Enum):
    """MQM severities plus `info`, ordered by weight."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    INFO = "info"

    @property
    def weight(self) -> float:
        """MQM penalty weight (Freitag et al. 2021): critical 25, major 5, minor 1."""
        return _WEIGHTS[self]

    @property
    def rank(self) -> int:
        """Higher is more severe; used for `--fail-on` and sorting."""
        return _RANKS[self]


_WEIGHTS = {Severity.CRITICAL: 25.0, Severity.MAJOR: 5.0, Severity.MINOR: 1.0, Severity.INFO: 0.0}
_RANKS = {Severity.CRITICAL: 3, Severity.MAJOR: 2, Severity.MINOR: 1, Severity.INFO: 0}


class Token(NamedTuple):
    """A word, number or punctuation mark; offsets are code points into Document.text.

    A named tuple rather than a dataclass: a document holds one per token, and a tuple is
    built about three times faster than a frozen dataclass."""

    text: str
    start: int
    end: int
    sentence: int
    is_word: bool  # it has a letter

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Sentence:
    """A sentence with its tokens; `paragraph` counts blank-line separated blocks from 0."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    tokens: tuple[Token, ...]

    @functools.cached_property
    def words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.is_word)

    @property
    def word_count(self) -> int:
        return len(self.words)

    @functools.cached_property
    def word_runs(self) -> frozenset[str]:
        """The runs of word characters in the text (`\\w+`, each as long as it goes): a regex
        `\\bword\\b` matches the text exactly when `word` is one of them, so a set lookup tells
        which sentences a regex that needs some whole word cannot match."""
        return frozenset(_WORD_RUN.findall(self.text))


@dataclass(frozen=True)
class Mention:
    """A run of capitalised words read as a name ("Ngozi Okonjo-Iweala", "Red Cross")."""

    text: str
    start: int
    end: int
    sentence: int
    sentence_initial: bool

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.text.split())


@dataclass
class Document:
    """The decoded text of one input and its segmentation.

    Shared views (name mentions, roles, quantities, quotes) are computed on first use
    by `view(compute)` and cached here, so every check sees the same result.
    """

    path: str
    text: str
    sentences: tuple[Sentence, ...]
    language: str = "en"
    _views: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.view(lambda doc: tuple(t for s in doc.sentences for t in s.tokens), "tokens")

    @property
    def word_count(self) -> int:
        return sum(s.word_count for s in self.sentences)

    def view(self, compute: Callable[["Document"], T], name: str | None = None) -> T:
        """Return `compute(self)`, computed once per document and cached by name."""
        key = name or f"{compute.__module__}.{compute.__qualname__}"
        if key not in self._views:
            self._views[key] = compute(self)
        return self._views[key]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing `offset` (or the nearest one before it)."""
        starts = self.view(lambda doc: [s.start for s in doc.sentences], "sentence_starts")
        return max(bisect.bisect_right(starts, offset) - 1, 0)


@dataclass(frozen=True)
class Finding:
    """One suspected problem: a rule's verdict on a span of the text."""

    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    sentence: int
    suggestion: str | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule, self.message)


@dataclass(frozen=True)
class Alignment:
    """How one sentence of the text maps onto the reference (None fields without one)."""

    reference_sentences: tuple[int, ...]
    similarity: float | None
    chrf: float | None


@dataclass(frozen=True)
class SentenceReport:
    index: int
    start: int
    end: int
    line: int
    column: int
    score: float
    flagged: bool
    reference_sentence: int | None = None
    similarity: float | None = None
    chrf: float | None = None


@dataclass(frozen=True)
class LocatedFinding:
    """A Finding with its line/column and fingerprint, derived once when the report is built."""

    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int
    fingerprint: str  # stable across edits elsewhere in the text (see suppress.py)


@dataclass(frozen=True)
class FileReport:
    path: str
    text: str
    language: str
    score: float
    words: int
    sentences: tuple[SentenceReport, ...]
    findings: tuple[LocatedFinding, ...]
    reference: str | None = None
    metrics: Mapping[str, Any] | None = None
    suppressed: int = 0  # findings dropped by the suppressions (see suppress.py)

    @property
    def flagged_sentences(self) -> int:
        return sum(1 for s in self.sentences if s.flagged)


@dataclass(frozen=True)
class InputError:
    path: str
    message: str


@dataclass(frozen=True)
class Report:
    files: tuple[FileReport, ...]
    errors: tuple[InputError, ...]
    tool_version: str
