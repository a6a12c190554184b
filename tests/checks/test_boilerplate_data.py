"""mtaudit/data/boilerplate.txt: well-formed, sourced, sorted, and its widget vocabulary stays out of prose."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from hypothesis import given, settings, strategies as st

from mtaudit.checks.boilerplate import _expand, leftovers, patterns
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
            assert len(row) == 2 and row[0] in {"widget", "prefix", "sentence"}, row
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
])
def test_prose_and_headings_are_no_widgets(line):
    assert not patterns().is_widget(line)


@pytest.mark.parametrize("line", ["Read more: Floods close schools", "Photo: Lena Berg/AP", "Tags: budget, tax",
                                  "See also › Budget explained", "FILE PHOTO: A ship in port"])
def test_prefix_lines(line):
    assert patterns().prefix.match(line)


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
