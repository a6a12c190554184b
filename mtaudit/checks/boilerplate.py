"""Web-page leftovers: share, subscribe, comment widgets, read-more lines, photo credits,
ad slots, timestamps, bylines, wire datelines and sign-offs, cookie and paywall notices.

Patterns live in `mtaudit/data/boilerplate.txt`, in four kinds (plus named parts):
- `widget`: the whole line is widget vocabulary ("Share this article", "Advertisement",
  "Image copyright Getty Images", "3 min read"); or a sentence of a paragraph is, without final
  punctuation or in brackets ("...said on Monday. Support", "(Photo by Ana Lima/AFP)"); or it
  starts a sentence and a new sentence follows at once ("Advertisement The talks resume.",
  "(AFP) Police said ...");
- `prefix`: a line or such a fragment that starts with a link label and a separator
  ("Read more: ...", "Related | ...", "Photo: Ana Lima/Reuters"), unless what follows the
  separator is a sentence of prose (it starts in lower case and ends in a full stop);
- `opener`: a wire dateline that starts a line after the article has begun ("LONDON
  (Reuters) - ..." below a paragraph); the dateline that opens wire copy is the article's own;
- `sentence`: a sentence holding a notice ("We use cookies ...", "All rights reserved.").
The span is the line (without surrounding whitespace and bullets), the fragment, the leading
label or dateline, or the sentence. Headlines and subheadings ("Moscow talks", "'Important
gains'") are not widget vocabulary, and the same words in running prose ("she declined to
comment", "the photo was copyrighted", "an advertisement for soap") are neither a whole line,
nor a fragment, nor a label before a new sentence. A line that continues a hard-wrapped sentence is no line
of its own.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate, groupby
from typing import Iterator

from mtaudit.checks.base import Check, CheckContext, shorten
from mtaudit.model import Document, Finding, Sentence, Severity

_LINE = re.compile(r"[^\r\n]+")
# What may surround widget words on their line: bullets, pipes, arrows, dashes, a trailing colon.
_LEADING = " \t\f\v•·|>»›*-–—"
_TRAILING = " \t\f\v:|>»›.…!↑→-–—"
# A dash separates a label from a link title only on a line that is no sentence: "More –
# and better – jobs are needed." is prose.
_SEPARATOR = r"\s*[:|»›>]\s*|\s+[-–—]\s+(?![^\r\n]*\.$)"
_TERMINAL = tuple(".!?…\"'”’»)")
# After a label and its separator, prose rather than a link title: "Source: the ministry's
# report, which was published on Monday."
_PROSE_AFTER_LABEL = re.compile(r"[a-z][^\r\n]*[.!?]")
# Notices start at the start of a word: tested first, this rules out most positions of a text
# before any row is tried.
_WORD_START = r"(?<!\w)(?=\w)"
_DEFINED = re.compile(r"\{([A-Z_]+)\}")
# An escape, a bracketed set (both kept as they are) or the "(" that opens a capturing group.
_GROUP_OPENING = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\((?!\?)")
# An escape, a bracketed set (both read past), a bracket or a bar of a regex.
_REGEX_STRUCTURE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]", re.DOTALL)
# An alternative that starts with a letter or digit matched as it is (no quantifier after it).
_PLAIN_FIRST = re.compile(r"([a-z0-9])(?![?*+{])(.*)", re.DOTALL)
# Words that open a sentence right after a widget label glued to it ("Advertisement The ...");
# a name there ("Support Ukraine rallies") would make the label words part of the sentence.
_SENTENCE_OPENERS = frozenset(
    "a according after although an and as at before but by during for from he her his i if in "
    "it its on our she since some that the their there these they this those though under we "
    "when while with".split()
)
_MAX_LABEL_TOKENS = 8
_MIN_PHRASE_WORDS = 3
_MIN_CAPITALS_LABEL = 4  # "AD" may be the era before a name; "VIDEO", "SHARE" are labels

# Matching in folded text (`_fold`). Three letters match an ASCII letter case-insensitively
# yet lower-case to another letter ("ı", "ſ") or to two ("İ"); mapped to that ASCII letter
# first, lower-casing keeps every offset, and each character of the text then matches a
# pattern `_folds` accepts case-sensitively exactly as it matches the pattern
# case-insensitively in the text itself (checked over all of Unicode). Case-sensitive
# matching is the faster: the regex engine rules out a row that starts with another letter at
# a glance.
_CASELESS_ESCAPE = re.compile(r"\\[bBdDsSwW]|\\[^0-9A-Za-z]")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")
_BRACKET_RANGE = re.compile(r"\[\^?(?:\\.|[^\]\\])+-(?:\\.|[^\]\\])|\[\^?\]")


def _fold(text: str) -> str:
    """The text folded for case-sensitive matching (see above), offsets kept."""
    return text.replace("İ", "i").replace("ı", "i").replace("ſ", "s").lower()


def _folds(pattern: str) -> bool:
    """Whether a pattern written for case-insensitive matching may be matched case-sensitively
    in folded text: it holds lower-case ASCII letters, characters without case and escapes
    that name no letter; no inline flags, no backreferences and no ranges in brackets (a
    range may span capital letters: "[!-^]")."""
    plain = _CASELESS_ESCAPE.sub("", pattern)
    return (plain == plain.lower() and "\\" not in plain
            and all(c.isascii() or c.lower() == c.upper() == c for c in pattern)
            and not _INLINE_FLAGS.search(plain) and not _BRACKET_RANGE.search(pattern))


def _alternation(rows: list[str]) -> str:
    # One flat alternation: a start the rows share (the `\b` of notices) is then tested once
    # per position rather than once per row.
    return "|".join(rows) if rows else "(?!)"


def _top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of `pattern`: its parts between the bars outside groups and sets."""
    alternatives, depth, start = [], 0, 0
    for part in _REGEX_STRUCTURE.finditer(pattern):
        if part.group() in ("(", ")"):
            depth += 1 if part.group() == "(" else -1
        elif part.group() == "|" and not depth:
            alternatives.append(pattern[start:part.start()])
            start = part.end()
    return [*alternatives, pattern[start:]]


def _by_first_character(alternatives: list[str]) -> tuple[str, list[str]]:
    """The alternatives that start with a plain letter or digit, grouped under it in their
    order ("ad|also read|ads" becomes "a(?:d|lso read|ds)"), and the others. The regex engine
    then tests each first character once, where it would try every alternative in turn (with
    case ignored, it cannot even rule one out at a glance). At any position only the group of
    the character there can match, and it tries the alternatives in their order: the same
    match as the alternatives one by one."""
    groups: dict[str, list[str]] = {}
    others = []
    for alternative in alternatives:
        if plain := _PLAIN_FIRST.fullmatch(alternative):
            groups.setdefault(plain.group(1), []).append(plain.group(2))
        else:
            others.append(alternative)
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()), others


def _widget_alternation(rows: list[str]) -> str:
    """The widget rows as one alternation, grouped by first character: their order does not
    matter, since they only tell whether a span is widget vocabulary."""
    grouped, others = _by_first_character([a for row in rows for a in _top_level_alternatives(row)])
    return _alternation([grouped, *others] if grouped else others)


def _notice_alternation(rows: list[str]) -> str:
    """The notice rows as one alternation, to follow `_WORD_START`: grouped by first letter
    when every alternative starts with a `\\b` (said again by `_WORD_START`) and a letter."""
    alternatives = [a.removeprefix("\\b") for row in rows for a in _top_level_alternatives(row)]
    grouped, others = _by_first_character(alternatives)
    return grouped if grouped and not others else _alternation(rows)


@dataclass(frozen=True)
class Patterns:
    # The widget rows `_folds` accepts, for folded text, and the rest, for the text as written.
    folded_widget: re.Pattern[str]
    unfolded_widget: re.Pattern[str]
    prefix: re.Pattern[str]
    opener: re.Pattern[str]
    notice: re.Pattern[str]
    notice_folded: bool  # whether `notice` is for folded text (`_folds` accepts all its rows)

    def is_widget(self, text: str, folded: str | None = None, start: int = 0, end: int | None = None) -> bool:
        """Whether text[start:end] is widget vocabulary; `folded` is `_fold(text)`, if made."""
        end = len(text) if end is None else end
        return bool(self.folded_widget.fullmatch(_fold(text) if folded is None else folded, start, end)
                    or self.unfolded_widget.fullmatch(text, start, end))


def _expand(pattern: str, defines: dict[str, str]) -> str:
    """`pattern` with each {NAME} replaced by its (expanded) definition."""
    while _DEFINED.search(pattern):
        pattern = _DEFINED.sub(lambda m: f"(?:{defines[m.group(1)]})", pattern)
    return pattern


def _uncaptured(pattern: str) -> str:
    """`pattern` with its capturing groups made non-capturing: nothing reads them, and
    without them the engine gives up on a position sooner (the notice search takes about a
    third of the time)."""
    return _GROUP_OPENING.sub(lambda m: "(?:" if m.group() == "(" else m.group(), pattern)


@functools.cache
def patterns() -> Patterns:
    kinds: dict[str, list[str]] = {"widget": [], "prefix": [], "opener": [], "sentence": []}
    defines: dict[str, str] = {}
    text = resources.files("mtaudit.data").joinpath("boilerplate.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, pattern = line.split("\t", 1)
            if kind == "define":
                name, pattern = pattern.split("\t", 1)
                defines[name] = pattern
            else:
                kinds[kind].append(pattern)

    widget, prefix, opener, notice = ([_uncaptured(_expand(p, defines)) for p in kinds[kind]]
                                      for kind in ("widget", "prefix", "opener", "sentence"))
    notice_folded = all(map(_folds, notice))
    return Patterns(
        folded_widget=re.compile(_widget_alternation([row for row in widget if _folds(row)])),
        unfolded_widget=re.compile(_widget_alternation([row for row in widget if not _folds(row)]), re.IGNORECASE),
        prefix=re.compile(rf"(?:{_alternation(prefix)})(?:{_SEPARATOR})(?=\S)", re.IGNORECASE),
        opener=re.compile(_alternation(opener), re.IGNORECASE),
        notice=re.compile(_WORD_START + f"(?:{_notice_alternation(notice)})", 0 if notice_folded else re.IGNORECASE),
        notice_folded=notice_folded,
    )


@dataclass(frozen=True)
class _Page:
    """A document's text, folded too (`_fold`), with the patterns to match in it."""

    text: str
    folded: str
    patterns: Patterns

    def is_widget(self, start: int, end: int) -> bool:
        return self.patterns.is_widget(self.text, self.folded, start, end)

    def notices(self) -> Iterator[re.Match[str]]:
        """The matches of the `sentence` patterns, in text order."""
        return self.patterns.notice.finditer(self.folded if self.patterns.notice_folded else self.text)


@dataclass(frozen=True)
class Leftover:
    start: int
    end: int
    kind: str  # "widget", "prefix", "opener", "sentence", "fragment" or "label"


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a line without the bullets, pipes and arrows around widget words."""
    line = text[start:end]
    content = line.lstrip(_LEADING).rstrip(_TRAILING)
    if not content:
        return start, start
    offset = start + len(line) - len(line.lstrip(_LEADING))
    return offset, offset + len(content)


def _continues_sentence(doc: Document, line_start: int) -> bool:
    """Whether the line carries on a sentence begun on an earlier line (hard-wrapped prose)."""
    sentence = doc.sentences[doc.sentence_at(line_start)]
    return sentence.start < line_start < sentence.end


def _body_start(doc: Document) -> int:
    """Where the article's prose has begun: the end of its first sentence with final
    punctuation (a headline has none). A dateline further on is not the one that opens it."""
    return next((s.end for s in doc.sentences if s.text.endswith(_TERMINAL)), len(doc.text))


def _unbracketed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the one pair of brackets around it ("(Image credit: Ana Lima)")."""
    if text[start] == "(" and text[end - 1] == ")" and text.count("(", start, end) == 1:
        return start + 1, end - 1
    return start, end


def _is_widget(page: _Page, start: int, end: int) -> bool:
    return page.is_widget(*_unbracketed(page.text, start, end))


def _is_label_line(page: _Page, start: int, end: int) -> bool:
    """Whether text[start:end] is a link or credit label with its title ("Read more: ..."),
    not a label word before a sentence of prose ("Source: the ministry's report, which ...")."""
    label = page.patterns.prefix.match(page.text, start, end)
    return bool(label) and not _PROSE_AFTER_LABEL.fullmatch(page.text, label.end(), end)


def _is_leftover(page: _Page, start: int, end: int) -> bool:
    """Whether text[start:end], brackets around it aside, is widget vocabulary or a label line."""
    return _is_widget(page, start, end) or _is_label_line(page, *_unbracketed(page.text, start, end))


def _fragment(page: _Page, sentence: Sentence, start: int, end: int) -> Leftover | None:
    """A sentence of a paragraph that is a leftover: a widget or label without final
    punctuation or in brackets ("... on Monday. Share", "(Photo: Ana Lima/AFP)"); `start`
    and `end` span it without bullets and the like (`_stripped`)."""
    if start == end:
        return None
    bracketed = page.text[start] == "(" and sentence.text.rstrip().endswith(")")
    if sentence.text.rstrip().endswith(_TERMINAL) and not bracketed:
        return None
    end = sentence.start + len(sentence.text.rstrip()) if bracketed else end
    return Leftover(start, end, "fragment") if _is_leftover(page, start, end) else None


def _label(page: _Page, sentence: Sentence, start: int) -> Leftover | None:
    """A widget label glued before a sentence: "Advertisement The talks resume." The next
    word is capitalised and either opens sentences (after a one-word label in title case,
    the word after it is lower-case: "Follow The Money reported" is a name), or the label is
    a phrase of three words or more ending in a lower-case word ("Story continues below
    advertisement Cyclists can cross"), so that the capitalised word cannot be the rest of
    a name the label ends with; or the label is set apart: in brackets ("(AFP) Police
    said") or in capitals before a word that is not ("ADVERTISEMENT Police said"). The
    label starts at `start`, the sentence's first character that is no bullet or the like."""
    tokens = sentence.tokens[:_MAX_LABEL_TOKENS + 2]
    words_through = list(accumulate(token.is_word for token in tokens))  # words up to each token
    for index in range(min(len(tokens) - 1, _MAX_LABEL_TOKENS) - 1, -1, -1):
        label_end, following = tokens[index], tokens[index + 1]
        if not (following.is_word and following.text[:1].isupper()) or label_end.end <= start:
            continue
        words = words_through[index]
        after = tokens[index + 2] if index + 2 < len(tokens) else None
        opens_sentence = following.text.lower() in _SENTENCE_OPENERS and (
            words > 1 or label_end.text.isupper() or (after is not None and after.text.islower())
        )
        if (
            (opens_sentence or (words >= _MIN_PHRASE_WORDS and not label_end.is_capitalised)
             or _set_apart(page.text[start:label_end.end], following.text))
            and page.text[label_end.end:following.start].isspace()
            and _is_widget(page, start, label_end.end)
        ):
            return Leftover(start, label_end.end, "label")
    return None


def _set_apart(label: str, following: str) -> bool:
    """Whether a label is set apart from the word after it by brackets or capitals."""
    bracketed = label.startswith("(") and label.endswith(")")
    return bracketed or (len(label) >= _MIN_CAPITALS_LABEL and label.isupper() and not following.isupper())


def _may_be_set_apart(sentence: Sentence, start: int) -> bool:
    """Whether the sentence starts with a bracket or a word in capitals (see `_set_apart`)."""
    opening = next((t.text for t in sentence.tokens if t.end > start), "")
    return opening == "(" or (opening.isupper() and len(opening) >= _MIN_CAPITALS_LABEL)


class _Spans:
    """Spans of the text found so far, to tell quickly whether one holds a position."""

    def __init__(self, spans: list[Leftover]):
        ordered = sorted((f.start, f.end) for f in spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))  # the furthest end so far

    def hold(self, position: int) -> bool:
        before = bisect.bisect_right(self.starts, position)
        return before > 0 and self.reach[before - 1] > position


def _glued(page: _Page, sentences: list[Sentence], covered: _Spans) -> Iterator[Leftover]:
    """The fragments and labels in a paragraph's sentences that no leftover found so far
    covers. A paragraph of one sentence is a line, or hard-wrapped prose: only a label set
    apart may be glued to its start (tested cheaply first: most such paragraphs are prose)."""
    if len(sentences) < 2:
        first = sentences[0]
        start = _stripped(page.text, first.start, first.end)[0]
        if _may_be_set_apart(first, start) and not covered.hold(first.start) and (
                label := _label(page, first, start)):
            yield label
        return
    for previous, sentence in zip([None, *sentences], sentences):
        if covered.hold(sentence.start) or (
            previous is not None
            and not (previous.text.endswith(_TERMINAL) and page.text[previous.end:sentence.start].strip() == "")
        ):
            continue
        start, end = _stripped(page.text, sentence.start, sentence.end)
        leftover = _fragment(page, sentence, start, end) or _label(page, sentence, start)
        if leftover:
            yield leftover


def leftovers(doc: Document) -> tuple[Leftover, ...]:
    """Boilerplate spans of the document in text order (use via `doc.view(leftovers)`)."""
    text, found = doc.text, []
    if not doc.sentences:
        return ()
    page = _Page(text, _fold(text), patterns())
    body_start = _body_start(doc)
    for line in _LINE.finditer(text):
        start, end = _stripped(text, *line.span())
        if start == end or _continues_sentence(doc, line.start()):
            continue
        line_end = line.start() + len(line.group().rstrip())
        if _is_widget(page, start, end):
            found.append(Leftover(start, end, "widget"))
        elif _is_label_line(page, *_unbracketed(text, start, line_end)):
            found.append(Leftover(start, line_end, "prefix"))
        elif start > body_start and (dateline := page.patterns.opener.match(text, start, line_end)):
            found.append(Leftover(start, start + len(dateline.group().rstrip()), "opener"))
    covered = _Spans(found)
    for notice in page.notices():
        sentence = doc.sentences[doc.sentence_at(notice.start())]
        if notice.start() < sentence.end and not covered.hold(sentence.start):
            found.append(Leftover(sentence.start, sentence.end, "sentence"))
    covered = _Spans(found)
    for _, sentences in groupby(doc.sentences, key=lambda s: s.paragraph):
        found.extend(_glued(page, list(sentences), covered))
    return tuple(sorted(set(found), key=lambda f: (f.start, f.end)))


_WHY = {
    "widget": "is a web-page widget or label (share, comment, subscribe, advertising) left in the text",
    "prefix": "is a link or caption line ('Read more:', 'Related:', 'Photo:') left from the web page",
    "opener": "is a wire-service dateline ('LONDON (Reuters) -') left at the start of the paragraph",
    "sentence": "is a site notice (cookies, copyright, subscription) left from the web page",
    "fragment": "is a web-page widget, link or credit stuck into the paragraph",
    "label": "is a web-page label glued to the start of the sentence",
}


class Boilerplate(Check):
    """Web-page leftovers: share, subscribe, comment widgets, read-more lines, photo credits,
    ad slots, timestamps, cookie notices.

    Flagged: a line "Share this article", "Read more: Floods close schools in Dhaka",
    "Image copyright Getty Images" or "Reporting by Ana Lima; Editing by Tom Berg"; "(Photo
    by Ana Lima/AFP)" between two sentences; "You've read 3 of 5 free articles this month."
    Clean: "Shareholders voted to share the profits, and she declined to comment."
    """

    id = "boilerplate"
    category = "source/boilerplate"
    severity = Severity.MINOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        for leftover in doc.view(leftovers):
            yield self.finding(
                doc, leftover.start, leftover.end,
                f"'{shorten(doc.text[leftover.start:leftover.end], 60)}' {_WHY[leftover.kind]}",
                suggestion="",
                kind=leftover.kind,
            )
