"""Alignment on hand-made split, merge, omit, add and reorder cases (bag-of-words encoder)."""

from __future__ import annotations

from mtaudit.reference import compare
from mtaudit.segment import build_document

REFERENCE = (
    "The river Vltava burst its banks in Prague on Sunday night. "
    "Firefighters evacuated four hundred residents from riverside streets. "
    "The mayor opened three schools as emergency shelters. "
    "Trams across the old town were suspended until further notice. "
    "Forecasters expect the water level to fall by Wednesday."
)


def aligned(text: str, reference: str = REFERENCE, encoder=None, **options):
    doc, ref = build_document(text), build_document(reference)
    return doc, ref, compare(doc, ref, encoder=encoder, **options)


def refs(comparison):
    return [a.reference_sentences for a in comparison.alignment]


def test_identical_texts_align_one_to_one(fake_encoder):
    _, _, comparison = aligned(REFERENCE, encoder=fake_encoder)
    assert refs(comparison) == [(0,), (1,), (2,), (3,), (4,)]
    assert comparison.unaligned_reference == ()
    assert all(a.similarity == 1.0 and a.chrf == 100.0 for a in comparison.alignment)


def test_split_sentence_shares_its_reference(fake_encoder):
    text = REFERENCE.replace(
        "Firefighters evacuated four hundred residents from riverside streets.",
        "Firefighters evacuated four hundred residents. They came from riverside streets.")
    _, _, comparison = aligned(text, encoder=fake_encoder)
    assert refs(comparison) == [(0,), (1,), (1,), (2,), (3,), (4,)]
    assert comparison.alignment[1] == comparison.alignment[2]  # the group's figures, shared


def test_merged_sentences_map_to_both_references(fake_encoder):
    text = REFERENCE.replace("as emergency shelters. Trams", "as emergency shelters, and trams")
    _, _, comparison = aligned(text, encoder=fake_encoder)
    assert refs(comparison) == [(0,), (1,), (2, 3), (4,)]


def test_omitted_sentence_is_unaligned_reference(fake_encoder):
    text = REFERENCE.replace("The mayor opened three schools as emergency shelters. ", "")
    _, _, comparison = aligned(text, encoder=fake_encoder)
    assert refs(comparison) == [(0,), (1,), (3,), (4,)]
    assert comparison.unaligned_reference == (2,)


def test_added_sentence_is_unaligned_with_its_nearest_similarity(fake_encoder):
    text = REFERENCE.replace(
        "Trams across", "A local bakery sold record numbers of pastries during the holiday. Trams across")
    _, _, comparison = aligned(text, encoder=fake_encoder)
    assert refs(comparison) == [(0,), (1,), (2,), (), (3,), (4,)]
    added = comparison.alignment[3]
    assert added.similarity is not None and added.similarity < 0.4


def test_moved_sentence_is_linked_out_of_order(fake_encoder):
    sentences = [s.text for s in build_document(REFERENCE).sentences]
    moved = " ".join([sentences[0], sentences[4], sentences[1], sentences[2], sentences[3]])
    _, _, comparison = aligned(moved, encoder=fake_encoder)
    assert refs(comparison) == [(0,), (4,), (1,), (2,), (3,)]
    assert comparison.unaligned_reference == ()


def test_truncated_sentence_is_linked_by_shared_words(fake_encoder):
    text = REFERENCE.replace("expect the water level to fall by Wednesday.", "expect the wat")
    _, _, comparison = aligned(text, encoder=fake_encoder)
    assert refs(comparison)[-1] == (4,)


def test_empty_reference_leaves_everything_unaligned(fake_encoder):
    doc, _, comparison = aligned(REFERENCE, reference="", encoder=fake_encoder)
    assert all(a.reference_sentences == () and a.similarity is None for a in comparison.alignment)
    assert len(comparison.alignment) == len(doc.sentences)


def test_file_metrics_carry_sacrebleu_signatures(fake_encoder):
    _, _, comparison = aligned(REFERENCE.replace("Sunday", "Monday"), encoder=fake_encoder)
    assert list(comparison.file_metrics) == ["chrf", "bleu", "ter"]
    assert comparison.file_metrics["chrf"]["signature"].startswith("nrefs:1|")
    assert 0 < comparison.file_metrics["bleu"]["score"] < 100


def test_line_aligned_pairs_lines_not_sentences(fake_encoder):
    reference = "The dam held. Engineers were relieved.\nRain stopped at noon.\nRoads reopened in the evening.\n"
    text = "The dam held and engineers were relieved.\nThe rain stopped at midday. It was sunny.\n"
    doc, _, comparison = aligned(text, reference, encoder=fake_encoder, line_aligned=True)
    assert [s.text for s in doc.sentences] == [
        "The dam held and engineers were relieved.", "The rain stopped at midday.", "It was sunny."]
    assert refs(comparison) == [(0, 1), (2,), (2,)]
    assert comparison.unaligned_reference == (3,)


def test_line_aligned_with_an_empty_line_in_the_reference(fake_encoder):
    reference = "Line one is here.\n\nLine three is here.\n"
    text = "Line one is here.\nAn extra line.\nLine three is here.\n"
    _, _, comparison = aligned(text, reference, encoder=fake_encoder, line_aligned=True)
    assert refs(comparison) == [(0,), (), (1,)]
