"""stray-token: each kind of stray, its suggestion and evidence, and the lazy ftfy import."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import given, settings, strategies as st

from mtaudit.checks.base import CheckContext
from mtaudit.checks.stray_token import StrayToken
from mtaudit.segment import build_document

PLACE_TEXT = (
    "Floods cut the road to Kassala on Sunday. Aid agencies in Kassala said thousands had lost "
    "their homes. By Tuesday, water had reached the outskirts of Wenlin Kassala. Trucks from "
    "Kassala brought food."
)


def _strays(text: str, **settings_) -> list[tuple[str, str | None, str]]:
    doc = build_document(text)
    return [
        (doc.text[f.start:f.end], f.suggestion, f.evidence["kind"])
        for f in StrayToken().run(doc, CheckContext(settings_))
    ]


def test_fused_token_kind_suggestion_and_message():
    doc = build_document(PLACE_TEXT)
    (finding,) = StrayToken().run(doc, CheckContext())
    assert doc.text[finding.start:finding.end] == "Wenlin"
    assert finding.suggestion == "Kassala"
    assert finding.message == "'Wenlin' is fused to 'Kassala', which appears alone 3 times; 'Wenlin' appears nowhere else"
    json.dumps(dict(finding.evidence))


def test_fused_token_needs_enough_bare_mentions():
    assert _strays(PLACE_TEXT, min_bare_mentions=5) == []


def test_fused_token_needs_the_bare_name_first():
    text = "Water reached the outskirts of Wenlin Kassala. Aid agencies in Kassala helped. Trucks left Kassala."
    assert _strays(text) == []


def test_fused_token_needs_the_bare_name_after_it_too():
    text = "Aid agencies in Kassala helped. Trucks left Kassala. Water reached the outskirts of Wenlin Kassala."
    assert _strays(text) == []


def test_entities_decode_to_their_characters():
    assert _strays("Fish &amp; chips cost &pound;5 at&nbsp;noon; &bogus; stays.") == [
        ("&amp;", "&", "markup"), ("&pound;", "£", "markup"), ("&nbsp;", " ", "markup"),
    ]


def test_entities_escaped_twice_or_without_semicolon():
    assert _strays("Marks &amp;amp; Spencer rose&nbsp4% and the chief&rsquo;s pay; AT&T, R&D and B&Bs stay.") == [
        ("&amp;amp;", "&", "markup"), ("&nbsp", " ", "markup"), ("&rsquo;", "’", "markup"),
    ]


def test_markup_kinds_and_their_suggestions():
    text = "## Results\n[[Lagos|The city]] grew.<BR><!-- ad --> ![map](https://example.org/m.png) He said \\\"no\\\"."
    assert _strays(text) == [
        ("## ", "", "markup"), ("[[Lagos|The city]]", "The city", "markup"), ("<BR>", "", "markup"),
        ("<!-- ad -->", "", "markup"), ("![map](https://example.org/m.png)", "", "markup"),
        ('\\"', '"', "markup"), ('\\"', '"', "markup"),
    ]


def test_string_escapes_and_a_glued_backslash_but_not_paths():
    assert _strays("Prices rose 5\\u0025.\\nThe public \\working together.") == [
        ("\\u0025", "%", "markup"), ("\\n", "\n", "markup"), ("\\", "", "markup"),
    ]
    assert _strays("Files sit in C:\\Users\\Public and C:\\Temp; press <Q> to quit; x < y.") == []


def test_mojibake_of_a_cut_curly_quote():
    assert _strays("“We are sad,â€ the owner said.") == [("â€", None, "encoding")]


def test_mojibake_is_repaired_and_replacement_characters_reported():
    assert _strays("The cafÃ© in ZÃ¼rich, and Pir\ufffdus.") == [
        ("cafÃ©", "café", "encoding"), ("ZÃ¼rich", "Zürich", "encoding"), ("Pir\ufffdus", None, "encoding"),
    ]


def test_foreign_script_outside_brackets_only():
    assert _strays("Engineers from Hsinchu 新竹 arrived.") == [("新竹", "", "foreign-script")]
    assert _strays("Engineers from Hsinchu (新竹) arrived.") == []


def test_a_foreign_copy_next_to_a_name_names_it_and_is_deleted():
    doc = build_document("Житикара Zhitikara lost its water supply on Monday.")
    (finding,) = StrayToken().run(doc, CheckContext())
    assert finding.message == (
        "'Житикара' is a Cyrillic-script token left in the English text next to 'Zhitikara'"
    )
    assert finding.suggestion == ""


def test_a_foreign_token_away_from_a_name_has_no_suggestion():
    assert _strays("The 서울 office will close in June.") == [("서울", None, "foreign-script")]


def test_a_presented_foreign_word_is_no_stray():
    assert _strays("The town is known in Russian as Житикара.") == []
    assert _strays("The characters 新竹 mean new bamboo, and the hashtag #МыВместе trended.") == []
    shelled = "Russian forces shelled Покровськ Pokrovsk overnight."
    assert _strays(shelled) == [("Покровськ", "", "foreign-script")]


def test_greek_letters_as_symbols():
    assert _strays("Levels of γδ T cells, TNF-α and αB-crystallin rose; 5 μg in a 10 kΩ circuit.") == []


def test_look_alike_letters_of_another_script():
    assert _strays("Officials in Mоscow met. Тhe talks went on.") == [
        ("Mоscow", "Moscow", "mixed-script"), ("Тhe", "The", "mixed-script"),
    ]
    assert _strays("The word Zhitikaraжы was garbled.") == [("Zhitikaraжы", None, "mixed-script")]


def test_a_text_mostly_in_another_script_is_not_judged_for_it():
    assert _strays("東京 大阪 京都 名古屋 and Osaka, 札幌 福岡.") == []


def test_ftfy_is_imported_only_when_debris_is_present():
    code = (
        "import sys\n"
        "from mtaudit.checks.base import CheckContext\n"
        "from mtaudit.checks.stray_token import StrayToken\n"
        "from mtaudit.segment import build_document\n"
        "doc = build_document('Prices rose in Zürich and São Paulo on Monday.')\n"
        "assert list(StrayToken().run(doc, CheckContext())) == []\n"
        "print('ftfy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("the of to a an Ã©â€™Â£&amp;<br>[]{}*新竹 .,\n\ufffdKLM\\#!()|-оΩ")), max_size=120))
def test_spans_lie_inside_the_text(text):
    doc = build_document(text)
    for finding in StrayToken().run(doc, CheckContext()):
        assert 0 <= finding.start < finding.end <= len(text)
        assert doc.text[finding.start:finding.end].strip()


HONORIFIC_TEXT = (
    "The mill employs 400 people. Señora Lucía Paredes Condori, its treasurer, said prices had "
    "doubled, and Paredes said members would share the gain. The buyer, Tomás Ibarra, agreed."
)


def test_a_foreign_form_of_address_names_its_language_and_is_deleted():
    doc = build_document(HONORIFIC_TEXT)
    (finding,) = StrayToken().run(doc, CheckContext())
    assert doc.text[finding.start:finding.end] == "Señora"
    assert finding.suggestion == "" and finding.evidence["kind"] == "foreign-word"
    assert finding.message == ("'Señora' is a Spanish form of address left before a person's full name; "
                               "English names people without it")


def test_a_form_of_address_needs_a_full_name():
    assert _strays("The mill employs 400 people. Señora Paredes, its treasurer, spoke to Tomás Ibarra.") == []


def test_a_form_of_address_needs_other_people_named_plainly():
    assert _strays("Señora Lucía Paredes Condori said prices had doubled.") == []


def test_forms_of_address_used_often_are_the_writers_style():
    text = HONORIFIC_TEXT + " Señor Pablo Ortiz Rojas and Señora Elena Vidal Mora agreed."
    assert _strays(text) == []


def test_an_adopted_form_of_address_needs_the_person_named_without_it():
    flagged = "Madame Aminata Diallo, the minister, met Paul Martin. Diallo said aid had arrived."
    assert _strays(flagged) == [("Madame", "", "foreign-word")]
    assert _strays("Madame Aminata Diallo, the minister, met Paul Martin in Dakar.") == []


def test_a_japanese_suffix_needs_the_bare_name_elsewhere():
    assert _strays("Sato-san signed the papers, said Emi Mori. Sato denies it.") == [("-san", "", "foreign-word")]
    assert _strays("Sato-san signed the papers, said Emi Mori.") == []


def test_a_foreign_word_before_a_name_lists_its_languages():
    doc = build_document("Shops reopened near the centro Plaza Mayor, owner Luis Gómez said.")
    (finding,) = StrayToken().run(doc, CheckContext())
    assert doc.text[finding.start:finding.end] == "centro" and finding.suggestion is None
    assert finding.message == ("'centro' is no English word but a common word of Spanish, Portuguese, "
                               "Italian and other languages, left before 'Plaza Mayor'")


def test_a_foreign_word_the_text_repeats_or_that_qualifies_a_noun_is_no_stray():
    assert _strays("Shops on the calle Serrano and the calle Goya reopened, said Luis Gómez.") == []
    assert _strays("The pasta alla Norma sold out, said chef Marta Conti.") == []
    assert _strays("Leader Sankale ole Nkoitiko and Michelangelo Merisi detto Caravaggio.") == []


def test_a_foreign_word_after_a_name_needs_a_clause_end():
    assert _strays("Ana Belén Cruz abogado, said the files were lost.") == [("abogado", None, "foreign-word")]
    assert _strays("Ana Belén Cruz abogado said the files were lost.") == []


def test_word_lists_of_other_languages_are_read_only_for_a_candidate():
    code = (
        "from mtaudit.checks.base import CheckContext\n"
        "from mtaudit.checks import stray_token\n"
        "from mtaudit.segment import build_document\n"
        "doc = build_document('Mayor Ana Ruiz met Luis Gómez in Madrid, said the spokesman Pablo Ortiz.')\n"
        "assert list(stray_token.StrayToken().run(doc, CheckContext())) == []\n"
        "print(stray_token._common_words_by_language.cache_info().currsize)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0"


def test_a_foreign_token_after_closed_straight_quotes_is_not_enclosed():
    text = '"We lost it," said Olena Bondar, who farms near Кременчук Kremenchuk. "We will plant again."'
    assert _strays(text) == [("Кременчук", "", "foreign-script")]
    assert _strays('The sign read "Кременчук" and Olena Bondar smiled.') == []
