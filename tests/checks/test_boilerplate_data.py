"""mtaudit/data/boilerplate.txt: well-formed, sourced, sorted, and its widget vocabulary stays out of prose."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from hypothesis import given, settings, strategies as st

from mtaudit.checks.boilerplate import (
    _WORD_START, _by_first_character, _expand, _fold, _folds, _top_level_alternatives, _uncaptured, leftovers, patterns,
)
from mtaudit.segment import build_document


def _lines() -> list[str]:
    return resources.files("mtaudit.data").joinpath("boilerplate.txt").read_text(encoding="utf-8").splitlines()


def _rows() -> list[list[str]]:
    return [line.split("\t") for line in _lines() if line.strip() and not line.startswith("#")]


def _defines() -> dict[str, str]:
    return {row[1]: row[2] for row in _rows() if row[0] == "define"}


def test_header_names_its_source_and_licence():
    header = "\n".join(line for line in _lines() if line.startswith("#"))
    assert "authored by the mtaudit developers" in header.lower() and "CC0" in header


def test_rows_are_kind_and_pattern():
    rows = _rows()
    assert rows
    defines = _defines()
    for row in rows:
        if row[0] == "define":
            assert len(row) == 3 and re.fullmatch(r"[A-Z_]+", row[1]), row
        else:
            assert len(row) == 2 and row[0] in {"widget", "prefix", "opener", "sentence"}, row
        re.compile(_expand(row[-1], defines))


def test_every_define_is_used():
    text = "\n".join(row[-1] for row in _rows())
    for name in _defines():
        assert "{" + name + "}" in text, name


def test_rows_sorted_within_sections_and_unique():
    section: list[str] = []
    for line in [*_lines(), ""]:
        if line and not line.startswith("#"):
            section.append(line)
            continue
        assert section == sorted(section), section
        section = []
    patterns_ = [row[-1] for row in _rows()]
    assert len(patterns_) == len(set(patterns_))


@pytest.mark.parametrize("line", [
    "Share this article", "Post a Comment", "ADVERTISEMENT", "Read more", "Subscribe to our weekly climate newsletter",
    "Comments (14)", "Image copyright Getty Images", "Media caption, Firefighters tackle the blaze",
    "Lena Berg/Reuters", "REUTERS/Lena Berg", "(Photo by Lena Berg/AFP via Getty Images)", "Getty Images",
    "Advertisement - Continue Reading Below", "Article continues after this ad", "Click to play",
    "Listen to this story (4 min)", "6 min read", "Reading time: 5 minutes", "Updated 2 hours ago",
    "Last updated: 14 May 2024", "Posted on May 14, 2024 at 9:30 am", "Facebook Twitter LinkedIn Copy link",
    "Gift this article", "12 comments", "You may also like", "Accept all cookies", "Manage preferences",
    "About Us | Careers | Privacy Policy", "Home › World › Europe", "© 2024 Northern Press",
    "Already a subscriber? Sign in",
    "Share this with Email Facebook Messenger Twitter", "Follow our coverage on Facebook, X and Instagram",
    "Follow Priya Nair on X: @priyanair", "Stay updated with the latest news on our Telegram channel",
    "#Budget2024", "pic.twitter.com/x7Ks9QwP2a", "Get it on Google Play", "Read this story in our app",
    "Editor’s Picks", "People also read", "Most read in Business", "Subscriber Exclusive", "Start your free trial",
    "Register for free to continue reading", "Thank you for reading", "Video player loading", "Replay video",
    "Duration 2:31", "PTI Photo", "(ANI Photo)", "Photo by Ana Lima on Unsplash", "Express Photo by Ravi Menon",
    "Image for representation", "Edited By: Ravi Menon", "Story by Ana Lima", "By Tom Berg and Ana Lima",
    "Ana Lima | Published: May 14, 2024", "Mon 14 May 2024 10.32 BST", "Updated 14 May 2024, 10:32am",
    "May 14, 2024 / 10:32 AM / Updated 2 hours ago", "Updated - May 14, 2024 at 10:32 AM",
    "Reporting by Ana Lima; Editing by Tom Berg", "Additional reporting by Ravi Menon", "With agency inputs",
    "with AAP", "(IANS)", "Bloomberg News", "###", "Originally published at example.com",
    "Have a news tip? Email us at tips@example.com", "Start the conversation", "Tell us what you think",
    "Sponsored Content by Taboola", "Live TV", "Skip Twitter post, 1", "after newsletter promotion",
])
def test_widget_lines(line):
    assert patterns().is_widget(line)


@pytest.mark.parametrize("line", [
    "Moscow talks", "Support for the plan grew", "Print media in decline", "Related cases are pending",
    "Share prices fell", "Pictures by children were displayed", "Image copyright laws are changing",
    "Published in 1998, the novel sold well", "Updated guidance was issued on Thursday", "Reading time for children",
    "Full access was restored", "Copyright 2023 was a difficult year", "Five years ago", "Today", "Monday",
    "Decline", "Home | Away", "Accessibility", "Careers", "Reuters reported the deal",
    "Photos by the family were shown",
    "Follow the leader", "Share of the spoils", "Get the app right and customers will follow",
    "Sign up for the scheme closes on Friday", "Published in 1998", "An hour ago the river was rising",
    "By the numbers", "By Friday most roads had reopened", "Reporting by the BBC revealed the abuse",
    "Edited by Ana Lima, the anthology includes 20 stories", "The season ends in May", "2024", "May 2024",
    "The vote was 5:2 in favour", "Premium fuel prices rose", "Tell us what happened, the judge said",
    "Updated maps of the flood zone", "Live and let live", "Support Ukraine",
])
def test_prose_and_headings_are_no_widgets(line):
    assert not patterns().is_widget(line)


@pytest.mark.parametrize("line", ["Read more: Floods close schools", "Photo: Lena Berg/AP", "Tags: budget, tax",
                                  "See also › Budget explained", "FILE PHOTO: A ship in port",
                                  "Also Watch: Floodwaters swamp the old town",
                                  "Disclaimer: The views are the author's own",
                                  "In Pictures: Lanterns light up the harbour", "Pic: Ravi Menon",
                                  "BREAKING: Earthquake shakes the capital", "Video above: Crowds cheer the team"])
def test_prefix_lines(line):
    assert patterns().prefix.match(line)


@pytest.mark.parametrize("text, dateline", [
    ("Output rose.\n\nLONDON (Reuters) - Britain's economy grew.", "LONDON (Reuters) -"),
    ("Output rose.\n\nNEW DELHI, May 14 (PTI): The bill was tabled.", "NEW DELHI, May 14 (PTI):"),
    ("Output rose.\n\n(Bloomberg) -- Oil prices fell.", "(Bloomberg) --"),
    ("Index opens higher\n\nWASHINGTON (AP) — The Senate voted.", None),  # the dateline of the article itself
    ("Output rose.\n\nLONDON (the capital) - is busy.", None),
])
def test_datelines_after_the_lead(text, dateline):
    found = [text[f.start:f.end] for f in leftovers(build_document(text))]
    assert found == ([dateline] if dateline else [])


def test_capturing_groups_become_non_capturing_outside_sets_and_escapes():
    assert _uncaptured(r"(a|b)\(c\)[(x](?:y)(?=z)") == r"(?:a|b)\(c\)[(x](?:y)(?=z)"


def test_top_level_alternatives_split_outside_groups_sets_and_escapes():
    assert _top_level_alternatives(r"a|b(?:c|d)|[|(]|\||e") == ["a", "b(?:c|d)", "[|(]", r"\|", "e"]


def test_alternatives_grouped_by_first_character_in_their_order():
    grouped, others = _by_first_character(["ad", "also read", r"\d+ min", "ads", "a?b", "x"])
    assert grouped == "a(?:d|lso read|ds)|x(?:)"
    assert others == [r"\d+ min", "a?b"]


def _rows_of(kind: str) -> list[str]:
    defines = _defines()
    return [_uncaptured(_expand(row[1], defines)) for row in _rows() if row[0] == kind]


_TEXTS = [
    "Share this article", "Read more: Floods close schools", "(Photo by Lena Berg/AFP via Getty Images)",
    "Ana Lima | Published: May 14, 2024", "Advertisement The talks resume.", "Support Ukraine", "Moscow talks",
    "We use cookies to improve your experience. Click here to accept. All rights reserved.",
    "Share your thoughts in the comments below. This video is not available. Follow us on X @news",
    "You've read 3 of 5 free articles this month. Subscribe to our weekly climate newsletter.",
]


def test_grouped_widget_rows_decide_as_the_rows_one_by_one():
    rows = _rows_of("widget")
    flat = [re.compile("|".join(row for row in rows if _folds(row))),
            re.compile("|".join(row for row in rows if not _folds(row)), re.IGNORECASE)]
    for text in _TEXTS:
        folded = _fold(text)
        for end in range(1, len(text) + 1):
            expected = bool(flat[0].fullmatch(folded, 0, end) or flat[1].fullmatch(text, 0, end))
            assert patterns().is_widget(text, folded, 0, end) == expected, text[:end]


def test_grouped_notice_rows_find_the_same_notices():
    assert patterns().notice_folded
    flat = re.compile(_WORD_START + f"(?:{'|'.join(_rows_of('sentence'))})")
    for text in map(_fold, _TEXTS):
        assert [m.span() for m in patterns().notice.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_sentence_rows_start_with_a_word():
    """The notices are searched only at the starts of words (see the data file's header)."""
    for row in _rows():
        if row[0] == "sentence":
            for alternative in re.split(r"\|(?=\\b)", row[1]):
                assert alternative.startswith("\\b") and alternative[2:3].isalpha(), alternative


def test_leftover_kinds_in_a_paragraph():
    text = ("Police closed the bridge. (Photo: Lena Berg/AFP) Traffic was diverted. ADVERTISEMENT The bridge "
            "reopens on Friday. Read more: Bridges under strain")
    doc = build_document(text)
    assert [(text[f.start:f.end], f.kind) for f in leftovers(doc)] == [
        ("(Photo: Lena Berg/AFP)", "fragment"), ("ADVERTISEMENT", "label"),
        ("Read more: Bridges under strain", "fragment"),
    ]


@pytest.mark.parametrize("text", [
    "Crowds gathered in the square. Support Ukraine rallies were held in four cities.",
    "The ruling came late. Follow The Money reported the deal first.",
])
def test_a_label_before_a_name_stays_prose(text):
    assert leftovers(build_document(text)) == ()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["Share", "Advertisement", "The", "said", ".", "(", ")", "Photo", ":", "by", "Ana",
                                 "/", "AFP", "\n", "\n\n", "Read more", "Updated", "2 hours ago", "—", "|", "?"]),
                max_size=30))
def test_spans_lie_inside_the_text(words):
    text = " ".join(words)
    for leftover in leftovers(build_document(text)):
        assert 0 <= leftover.start < leftover.end <= len(text)
        assert text[leftover.start:leftover.end].strip()
