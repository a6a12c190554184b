"""Paragraphs, sentences, tokens and name mentions, with exact code-point offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from syntok import segmenter
from syntok.tokenizer import Tokenizer

from mtaudit.segment import FastTokenizer, build_document, paragraphs
from mtaudit.views.mentions import name_mentions

ARTICLE = (
    "Storm season arrives early on the coast\n"
    "\n"
    "Dr. Amara Okafor of the U.S. Geological Survey said on Tuesday that Gen. Ruiz had left. "
    "\"We are ready,\" she said. \"Are you?\" he asked.\n"
    "\n"
    "Mr. Tanaka arrived at 3 p.m. and the talks went on. No. 10 sent a note.\n"
)


def sentence_texts(text: str) -> list[str]:
    return [s.text for s in build_document(text).sentences]


def assert_offsets_exact(text: str) -> None:
    doc = build_document(text)
    previous_end = 0
    for position, sentence in enumerate(doc.sentences):
        assert sentence.index == position
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start:sentence.end] == sentence.text
        token_end = sentence.start
        for token in sentence.tokens:
            assert token.sentence == sentence.index
            assert token_end <= token.start < token.end <= sentence.end
            assert text[token.start:token.end] == token.text
            token_end = token.end
        assert sentence.tokens[0].start == sentence.start and sentence.tokens[-1].end == sentence.end
        previous_end = sentence.end


def test_article_sentences_and_paragraphs():
    doc = build_document(ARTICLE)
    assert [(s.paragraph, s.text) for s in doc.sentences] == [
        (0, "Storm season arrives early on the coast"),
        (1, "Dr. Amara Okafor of the U.S. Geological Survey said on Tuesday that Gen. Ruiz had left."),
        (1, "\"We are ready,\" she said."),
        (1, "\"Are you?\" he asked."),
        (2, "Mr. Tanaka arrived at 3 p.m. and the talks went on."),
        (2, "No. 10 sent a note."),
    ]
    assert_offsets_exact(ARTICLE)


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_other_line_endings_split_alike(ending):
    text = ARTICLE.replace("\n", ending)
    doc = build_document(text)
    expected = build_document(ARTICLE)
    assert [(s.paragraph, s.text) for s in doc.sentences] == [
        (s.paragraph, s.text.replace("\n", ending)) for s in expected.sentences
    ]
    assert_offsets_exact(text)


def test_headline_without_blank_line_is_its_own_sentence():
    text = "Port workers end strike\nDockers in Rotterdam went back to work on Friday after a deal."
    assert sentence_texts(text) == [
        "Port workers end strike", "Dockers in Rotterdam went back to work on Friday after a deal."
    ]


def test_widget_lines_are_each_a_paragraph():
    doc = build_document("The vote passed.\n\nShare\nTweet\nEmail\n")
    assert [(s.paragraph, s.text) for s in doc.sentences] == [
        (0, "The vote passed."), (1, "Share"), (2, "Tweet"), (3, "Email")
    ]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_hard_wrapped_prose_joins_its_lines(ending):
    lines = [
        "The harbour authority in Valparaíso said on Monday that the",
        "new cranes would arrive in March. Officials expect the first",
        "ships to dock in the spring.",
        "A second paragraph starts after the short line above, and it",
        "runs on as well.",
    ]
    text = ending.join(lines) + ending
    doc = build_document(text)
    assert [(s.paragraph, s.text.split()) for s in doc.sentences] == [
        (0, "The harbour authority in Valparaíso said on Monday that the new cranes would arrive in March.".split()),
        (0, "Officials expect the first ships to dock in the spring.".split()),
        (1, "A second paragraph starts after the short line above, and it runs on as well.".split()),
    ]
    assert_offsets_exact(text)


def test_one_sentence_per_line_stays_apart():
    text = (
        "The committee met in Nairobi for the third time this year.\n"
        "Its chair, Wanjiru Kamau, opened the session at nine o'clock.\n"
        "Delegates from eleven countries attended the whole meeting\n"
        "Nobody spoke against the budget.\n"
    )
    assert sentence_texts(text) == [
        "The committee met in Nairobi for the third time this year.",
        "Its chair, Wanjiru Kamau, opened the session at nine o'clock.",
        "Delegates from eleven countries attended the whole meeting",
        "Nobody spoke against the budget.",
    ]


@pytest.mark.parametrize("text", [
    "Dr. Chen met Prof. Adeyemi and Gen. Ruiz in Washington.",
    "The U.S. economy grew 2.5% in the third quarter.",
    "Voters in St. Louis went to the polls on Nov. 3 at 10 a.m. local time.",
    "She said: \"It's over, isn't it?\" and left the room.",
    "“Ready?” he asked, and walked out into the rain.",
])
def test_no_split_inside(text):
    assert sentence_texts(text) == [text]


def test_closing_quote_belongs_to_its_sentence():
    assert sentence_texts('He said: "It\'s over." Then he left.') == ['He said: "It\'s over."', "Then he left."]
    assert sentence_texts("“It is over.” Then he left.") == ["“It is over.”", "Then he left."]


def test_offsets_are_code_points_after_non_bmp_characters():
    text = "😀 Fans 🎉 cheered. Then 𝒜lice spoke."
    doc = build_document(text)
    assert [s.text for s in doc.sentences] == ["😀 Fans 🎉 cheered.", "Then 𝒜lice spoke."]
    fans = next(t for t in doc.tokens if t.text == "Fans")
    assert (fans.start, fans.end) == (2, 6)
    assert_offsets_exact(text)


def test_tokens_of_a_sentence():
    doc = build_document("Prices rose 4.2% in São Paulo, the agency said.")
    assert [(t.text, t.start, t.end) for t in doc.tokens] == [
        ("Prices", 0, 6), ("rose", 7, 11), ("4.2", 12, 15), ("%", 15, 16), ("in", 17, 19),
        ("São", 20, 23), ("Paulo", 24, 29), (",", 29, 30), ("the", 31, 34), ("agency", 35, 41),
        ("said", 42, 46), (".", 46, 47),
    ]
    assert [t.text for t in doc.sentences[0].words] == [
        "Prices", "rose", "in", "São", "Paulo", "the", "agency", "said"
    ]


def raw_tokens(tokenizer, text: str, offset: int) -> list[tuple[str, str, int]]:
    tokens = [(t.spacing, t.value, t.offset) for t in tokenizer.tokenize(text, offset)]
    padded = " " * offset + text
    assert all(padded[at:at + len(value)] == value for _, value, at in tokens)
    return tokens


# Words and marks the fast path takes or must hand over to syntok: edges, ellipses, inner
# capitals, contractions, hyphens, apostrophe letters, non-ASCII letters and spaces.
PIECES = st.sampled_from([
    "word", "Word", "WORD", "a", "I", "42", "2nd", "McDonald", "iPhone", "don't", "n't", "well-known",
    "U.S.", "e.g.", "São", "ʼabc", "x_y", ".", ",", "...", "…", "\"", "'", "“", "”", "‘", "’", "(", ")",
    "[", "]", "-", "—", "%", "$", "!?", " ", "  ", "\n", "\t", "\u00a0", "\u200b", "\r\n",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.integers(0, 3))
def test_fast_tokenizer_makes_syntoks_tokens(text, offset):
    assert raw_tokens(FastTokenizer(), text, offset) == raw_tokens(Tokenizer(replace_not_contraction=False), text, offset)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.integers(0, 3))
def test_fast_tokenizer_makes_syntoks_tokens_on_any_text(text, offset):
    assert raw_tokens(FastTokenizer(), text, offset) == raw_tokens(Tokenizer(replace_not_contraction=False), text, offset)


def reference_sentences(text: str) -> list[tuple[int, list[tuple[str, int, int, bool]]]]:
    """Our paragraphs, each segmented by plain `segmenter.analyze` with syntok's own tokenizer."""
    sentences = []
    for paragraph, (start, end) in enumerate(paragraphs(text)):
        for part in segmenter.analyze(text[start:end]):
            for sentence in part:
                tokens = [(t.value, start + t.offset, start + t.offset + len(t.value),
                           any(c.isalpha() for c in t.value)) for t in sentence if t.value]
                if tokens:
                    sentences.append((paragraph, tokens))
    return sentences


def assert_segmented_as_syntok(text: str) -> None:
    doc = build_document(text)
    assert [(s.paragraph, [(t.text, t.start, t.end, t.is_word) for t in s.tokens]) for s in doc.sentences] \
        == reference_sentences(text)
    assert_offsets_exact(text)


# Pieces around which syntok weighs a sentence end: terminals, abbreviations, initials,
# numbers, months, roman numerals, sentence starters, quotes and brackets (long ones too, to
# pass syntok's limits on bracketed text), lower-case words, line breaks.
BOUNDARY_PIECES = st.sampled_from([
    ".", "!", "?", "?!", "...", "…", ";", ":", ",", "\"", "'", "“", "”", "’", "«", "»", "(", ")", "[", "]",
    "{", "}", "（", "）", "。", "Dr.", "Mr.", "U.S.", "e.g.", "etc.", "No.", "no.", "No. 5", "5", "3.5", "1.",
    "2)", "(a)", "[1]", "J.", "A.", "b.", "IV.", "XII", "Jan.", "Sept. 3", "3 Sept.", "2024", "120",
    "The", "However", "It", "And", "word", "Word", "WORD", "storm", "Ana", "she", "x", "i", "2nd",
    "well-known", "don't", "McDonald", "São", "(Reuters)", "(see above)", "a b c d e f g h i j k l m n o",
    "A B C D E F G H I J K L M N O", "It rained. It", "so. then", " ", "  ", "\n", "\n\n", "\r\n", "\t",
])
BOUNDARY_TEXT = st.lists(BOUNDARY_PIECES, max_size=80).map(" ".join) \
    | st.lists(BOUNDARY_PIECES, max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(BOUNDARY_TEXT)
def test_sentences_and_tokens_are_syntoks(text):
    assert_segmented_as_syntok(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(BOUNDARY_PIECES | st.text(max_size=6), max_size=40).map("".join))
def test_sentences_and_tokens_are_syntoks_on_any_text(text):
    assert_segmented_as_syntok(text)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n", "...", "—", "😀"])
def test_degenerate_texts(text):
    doc = build_document(text)
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)
    assert bool(doc.sentences) == bool(text.strip())


def test_paragraph_spans_leave_out_surrounding_whitespace():
    text = "  Title  \n\n   Body text here.   \n"
    assert [text[a:b] for a, b in paragraphs(text)] == ["Title", "Body text here."]


def mention_texts(text: str) -> list[tuple[str, bool]]:
    doc = build_document(text)
    mentions = name_mentions(doc)
    assert all(" ".join(text[m.start:m.end].split()) == m.text for m in mentions)
    return [(m.text, m.sentence_initial) for m in mentions]


@pytest.mark.parametrize("text, expected", [
    ("Ludwig van Beethoven met Abd al-Rahman in Vienna.",
     [("Ludwig van Beethoven", True), ("Abd al-Rahman", False), ("Vienna", False)]),
    ("Sean O'Brien and Massimo D’Alema ate at McDonald's with Jean-Luc Moreau.",
     [("Sean O'Brien", True), ("Massimo D’Alema", False), ("McDonald", False), ("Jean-Luc Moreau", False)]),
    ("Ngozi Okonjo-Iweala's speech.", [("Ngozi Okonjo-Iweala", True)]),
    ("\"Kamala is here,\" said Priya.", [("Kamala", True), ("Priya", False)]),
    ("(Angela Merkel) left. “Olaf Scholz came.”", [("Angela Merkel", True), ("Olaf Scholz", True)]),
    ("Talks with Mr\u00a0Okafor ended.", [("Talks", True), ("Mr Okafor", False)]),
    ("The UN-backed council and NATO met.", [("The UN", True), ("NATO", False)]),
])
def test_name_mentions(text, expected):
    assert mention_texts(text) == expected


def test_name_broken_across_a_wrapped_line_is_one_mention():
    text = ("Negotiators for the northern provinces met the envoy Fatima\n"
            "Al-Zahra again on Thursday to discuss the new border crossings.")
    assert ("Fatima Al-Zahra", False) in mention_texts(text)
