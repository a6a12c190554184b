"""Properties over arbitrary text (hypothesis): the pipeline never raises, every finding's
span lies inside the text and is non-empty, sentences and tokens tile the text in order."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtaudit.audit import audit_text
from mtaudit.model import Severity
from mtaudit.segment import build_document
from mtaudit.views.mentions import name_mentions
from test_segment import assert_offsets_exact

# Any code point but surrogates, and a set weighted towards what the checks look at.
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
TRICKY_CHARACTERS = list(" \n\r\t\u00a0.,;:?!\"'“”‘’«»()[]-–—/…%$€£°0123456789aAeEiIoOuUxXyZß"
                         "\u00ad\u200b\ufeff\u0301\u2028\x85😀𝒜")
TRICKY_TEXT = st.text(st.sampled_from(TRICKY_CHARACTERS), max_size=400)
# Newsy fragments: names and their near-misses, titles, numbers with units, repeated words,
# quotes and widget lines, glued in any order with any separator.
FRAGMENTS = [
    "Minister", "former minister", "Prime Minister", "speaker", "Gen.", "Dr.", "U.S.", "said", "the", "the the",
    "Okonkwo", "Okonkow", "Okonkwo's", "Adaeze Okonkwo", "Nakamura", "Nakamora", "van der Berg", "O'Neill",
    "al-Rashid", "Mr", "12 km (7 miles)", "40 kilometres (80 miles)", "3.5 million", "1,200", "%", "°C",
    "\"", "“", "”", "'", "’", "(", ")", "Share", "Read more", "Post a Comment", "passing cost", "and and",
    "recieved", "teh", "quickly", "tank-built", "houser", "Share this article", "on Monday", ".", "?", "!",
    "wee", "…", "—", "[bold]", "<b>", "&amp;", "Ã©", "😀", "𝒜",
]
SEPARATORS = [" ", " ", " ", "", "\n", "\r\n", "\n\n", "\r\n\r\n", "\r", ", ", ". "]
NEWSY_TEXT = st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=80).map(
    lambda parts: "".join(fragment + separator for fragment, separator in parts)
)
TEXTS = ANY_TEXT | TRICKY_TEXT | NEWSY_TEXT
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_segmentation_tiles_the_text(text):
    assert_offsets_exact(text)


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_words_are_the_tokens_with_a_letter(text):
    doc = build_document(text)
    for sentence in doc.sentences:
        assert sentence.words == tuple(t for t in sentence.tokens if any(ch.isalpha() for ch in t.text))
        assert sentence.word_count == len(sentence.words)
    assert doc.word_count == sum(t.is_word for t in doc.tokens)


@FAST
@given(TEXTS)
def test_audit_never_raises_and_spans_lie_inside(text):
    report = audit_text(text, "prop.txt")
    assert 0.0 <= report.score <= 1.0
    assert len(report.sentences) == len(build_document(text).sentences)
    for sentence in report.sentences:
        assert 0.0 <= sentence.score <= 1.0
    for located in report.findings:
        finding = located.finding
        assert 0 <= finding.start < finding.end <= len(text), finding
        assert text[finding.start:finding.end], finding
        assert 0 <= finding.sentence < max(len(report.sentences), 1), finding
        assert isinstance(finding.severity, Severity)
        assert finding.message.strip(), finding
        assert located.line >= 1 and located.column >= 1
        assert (located.end_line, located.end_column) >= (located.line, located.column)
