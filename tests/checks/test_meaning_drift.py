"""Unit tests of the meaning-drift scale shift and its guards, on one-sentence pairs aligned
by hand (no encoder): which word is read as a degree, how close the pair must be, and which
negations cancel a shift."""

from __future__ import annotations

from mtaudit.checks.base import CheckContext
from mtaudit.checks.meaning_drift import MeaningDrift, _scale_rank
from mtaudit.model import Alignment
from mtaudit.segment import build_document


def drift(reference: str, text: str, **settings) -> list[tuple[str, str, str]]:
    """(flagged text, kind of drift, suggestion) of each finding, the two sentences aligned."""
    doc, ref = build_document(text, "t.txt"), build_document(reference, "r.txt")
    assert len(doc.sentences) == len(ref.sentences) == 1
    context = CheckContext(settings, ref, (Alignment((0,), 0.9, 80.0),))
    return [(text[f.start:f.end], f.evidence["drift"], f.suggestion) for f in MeaningDrift().run(doc, context)]


def rank_of(sentence: str, word: str):
    tokens = build_document(sentence).sentences[0].tokens
    return _scale_rank(tokens, next(i for i, t in enumerate(tokens) if t.text == word))


def test_scale_words_ranked_on_their_scale():
    assert rank_of("Few voters came.", "Few") == ("quantity", 1)
    assert rank_of("It often rains.", "often") == ("frequency", 3)
    assert rank_of("A wider road.", "wider") == ("width", 4)


def test_words_read_otherwise_in_context_have_no_rank():
    assert rank_of("A few voters came.", "few") == ("quantity", 2)
    for sentence, word in [("It holds at most 40.", "most"), ("The most popular song.", "most"),
                           ("After all, it rained.", "all"), ("They saw some 40 people.", "some")]:
        assert rank_of(sentence, word) is None, sentence


def test_a_shift_of_two_ranks_is_flagged_with_the_reference_word():
    assert drift("Most delegates backed the motion.", "Few delegates backed the motion.") == \
        [("Few", "scale", "Most")]
    assert drift("The bakery sometimes opens on Mondays.", "The bakery always opens on Mondays.") == \
        [("always", "scale", "sometimes")]


def test_a_shift_of_one_rank_is_rewording():
    assert drift("Most delegates backed the motion.", "Many delegates backed the motion.") == []
    assert drift("The bakery usually opens on Mondays.", "The bakery always opens on Mondays.") == []


def test_words_of_different_scales_are_not_compared():
    assert drift("The bakery never sells bread.", "The bakery many sells bread.") == []


def test_a_shift_needs_the_rest_of_the_pair_to_match():
    reference, text = "Most residents believed the police account.", "Few residents doubted the official version."
    assert drift(reference, text) == []
    assert drift(reference, text, **{"min-shared-words": 0.0}) == [("Few", "scale", "Most")]


def test_a_shift_needs_the_other_changed_words_to_keep_their_meaning():
    assert drift("Most residents oppose the plan.", "Few inhabitants oppose the plan.") == [("Few", "scale", "Most")]
    assert drift("Most residents oppose the plan.", "Few tourists oppose the plan.") == []


def test_a_negation_elsewhere_on_one_side_cancels_the_shift():
    assert drift("No ward in the hospital was left without a nurse.",
                 "Every ward in the hospital was given a nurse.") == []


def test_a_negated_opposite_is_no_antonym():
    assert drift("The home side won the final.", "The home side lost the final.") == [("lost", "antonym", "won")]
    assert drift("The home side did not win the final.", "The home side lost the final.") == []


def test_a_negation_undone_elsewhere_is_no_drift():
    assert drift("She did not want to travel without her brother.", "She wanted to travel with her brother.") == []
    assert drift("She did not want to travel with her brother.", "She wanted to travel with her brother.") == \
        [("wanted", "negation", "did not want")]


def test_a_moved_negation_is_no_drift():
    assert drift("Analysts do not expect the bank to raise rates.",
                 "Analysts expect the bank not to raise rates.") == []
    assert drift("Analysts expect the bank to raise rates.",
                 "Analysts expect the bank not to raise rates.") == [("bank not to", "negation", "bank to")]
