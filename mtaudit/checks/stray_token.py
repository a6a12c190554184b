"""Stray tokens: a foreign token fused into a name, a word of another language left in,
function words that cannot follow each other, leftover markup and encoding debris.

Spinners and machine translation glue leftovers into otherwise fluent text:

- a capitalised token fused to a place name the article otherwise uses alone ("the
  outskirts of Qaraz Dunmore" where "Dunmore" stands alone elsewhere and "Qaraz" nowhere):
  flagged when the bare name appears both before and after the fused mention and after a
  locative preposition somewhere, and the fused mention itself follows one. A person's surname used
  alone after the full name ("Maria Costa ... Costa said") is the normal order and passes;
- a word of another language left untranslated: a form of address before a person's full
  name ("Frau Nasreen Akter", `data/foreign-honorifics.tsv`) or joined after a name
  ("Tanaka-san"), in a text that names others plainly; a lower-case word English lacks but
  another language uses a lot (wordfreq's lists) right before a name ("near the centro
  Plaza de Armas") or after one before a comma ("Josefina Abellar guro,"). Loanwords,
  titles English uses ("Sheikh", "Don"), name particles, foreign quotations and a way of
  writing that the text keeps up pass;
- a token in another script (CJK, Cyrillic, Arabic, ...) in English running text outside
  brackets, quotes and hashtags, unless a nearby word presents it as a foreign word ("known
  in Russian as ...", "the characters ... mean"); next to a Latin-script name it is a stray
  copy to delete ("Житикара Zhitikara"), and words after such a pair speak of the name ("Gonio
  გონიო, known to the Romans as ..."). Two or three Greek letters are symbols ("γδ T cells");
- a word spelt with Latin letters and Cyrillic or Greek look-alikes ("Mоscow");
- function words that cannot follow each other: two different articles ("the a"), an
  article before a preposition or conjunction ("the of"), a preposition repeated around an
  article ("to the to"), an article ending a sentence ("in Paris the."). Identical doubled
  words ("the the") are the `repetition` rule's;
- HTML tags, comments and entities (double-escaped, or without their semicolon), shortcodes,
  wiki templates and links, Markdown emphasis, links, images and heading marks, string
  escapes ("\\n", "\\u2019", '\\"') and a backslash glued to a word;
- mojibake (UTF-8 read as Windows-1252: "cafÃ©", "donâ€™t") with ftfy's repair as the
  suggestion, the "â€" left of a curly quote or dash whose last byte was lost, and U+FFFD
  replacement characters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from typing import Iterator, NamedTuple

from mtaudit import lexicon
from mtaudit.checks.base import Check, CheckContext
from mtaudit.model import Document, Finding, Mention, Severity
from mtaudit.views.mentions import PARTICLES, name_mentions
from mtaudit.views.quotes import quotes


class Stray(NamedTuple):
    """One stray a detector found; `kind` goes into the finding's evidence."""

    start: int
    end: int
    message: str
    suggestion: str | None
    kind: str


class StrayToken(Check):
    """A stray token fused into a name or phrase, a word of another language left in,
    clashing function words, markup or encoding debris.

    Flagged: "Rebels reached the outskirts of Qaraz Dunmore" (when "Dunmore" stands alone
    elsewhere and "Qaraz" nowhere), "Señora Lucía Paredes, the treasurer, ... Paredes said",
    "near the centro Plaza Mayor", "trucks moved to the to border", "Smith &amp; Sons",
    "<br>", "cafÃ©", "Hsinchu 新竹", "Mоscow" (Cyrillic "о").
    Clean: "Maria Costa ... Costa said", "New York ... York", "Madame Tussauds", "Sheikh
    Hamdan", "the fiesta in Santa Cruz", "Banco de España", "the the" (repetition's),
    "the in-laws", "Hsinchu (新竹)", "known in Russian as Житикара", "γδ T cells", "AT&T".

    Settings: `min_bare_mentions` (2): how often the bare name must appear elsewhere before
    a token fused to it is called stray.
    """

    id = "stray-token"
    category = "fluency/grammar"
    severity = Severity.MINOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        strays = [
            *_fused_tokens(doc, context.setting("min_bare_mentions", 2)),
            *_foreign_honorifics(doc),
            *_foreign_words(doc),
            *_foreign_script(doc.text),
            *_mixed_scripts(doc.text),
            *_function_word_clashes(doc.text),
            *_markup(doc.text),
            *_mojibake(doc.text),
        ]
        for stray in sorted(strays):
            yield self.finding(doc, stray.start, stray.end, stray.message,
                               suggestion=stray.suggestion, kind=stray.kind)


# -- a token fused to a name ----------------------------------------------------------

LOCATIVE = frozenset(
    "of in near outside around from to towards toward at into across through inside "
    "between beyond via on off within".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_WORDS = re.compile(r"[^\W\d_]+")
_COMMON_WORD_ZIPF = 4.5  # a capitalised token this frequent is an ordinary word or first name


def _preceding_word(text: str, start: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return match.group(1).lower() if match else ""


def _after_locative(text: str, start: int) -> bool:
    """Whether a locative preposition comes right before `start` ("according to" is not one)."""
    if _preceding_word(text, start) not in LOCATIVE:
        return False
    return not text[max(0, start - 16):start].lower().rstrip().endswith("according to")


def _fused_tokens(doc: Document, min_bare: int) -> Iterator[Stray]:
    mentions = doc.view(name_mentions)
    if not mentions:
        return
    text = doc.text
    bare: dict[str, list[Mention]] = {}
    for mention in mentions:
        bare.setdefault(mention.text, []).append(mention)
    word_counts: Counter[str] | None = None
    for mention in mentions:
        parts = mention.parts
        if len(parts) < 2:
            continue
        extra, rest = parts[0], " ".join(parts[1:])
        alone = bare.get(rest, ())
        if not (
            len(alone) >= min_bare
            and any(other.start < mention.start for other in alone)
            and any(other.start > mention.start for other in alone)
            and _after_locative(text, mention.start)
            and any(_after_locative(text, other.start) for other in alone)
        ):
            continue
        word_counts = word_counts or Counter(_WORDS.findall(text.lower()))
        if word_counts[extra.lower()] == 1 and _name_like(extra):
            yield Stray(
                mention.start, mention.start + len(extra),
                f"'{extra}' is fused to '{rest}', which appears alone {len(alone)} times; "
                f"'{extra}' appears nowhere else",
                rest, "fused-token",
            )


def _name_like(token: str) -> bool:
    """A capitalised token that is not an English word (titles, directions and common
    words like 'Lake', 'North', 'Old' are)."""
    return (
        token[:1].isupper()
        and not token.isupper()
        and token.isalpha()
        and not lexicon.in_dictionary(token)
        and lexicon.zipf(token) < _COMMON_WORD_ZIPF
    )


# -- a token in another script -------------------------------------------------------

# Latin script: Basic Latin to Latin Extended-B, IPA and modifier letters, phonetic
# extensions, Latin Extended Additional, -C, -D and -E.
_LATIN = "\u0000-\u02FF\u1D00-\u1DBF\u1E00-\u1EFF\u2C60-\u2C7F\uA720-\uA7FF\uAB30-\uAB6F"
_NON_LATIN_LETTER = rf"[^\W\d_{_LATIN}]"
_NON_LATIN_RUN = re.compile(rf"{_NON_LATIN_LETTER}{{2,}}")
_LETTER = re.compile(r"[^\W\d_]")
_BRACKETS = {"(": ")", "[": "]", "«": "»", "“": "”", '"': '"', "「": "」", "『": "』", "（": "）"}
_NEIGHBOUR_BEFORE = re.compile(r"(\w[\w'’.-]*) $")
_NEIGHBOUR_AFTER = re.compile(r" (\w[\w'’.-]*)")
# Words that present a native spelling or a foreign term rather than leave one behind:
# "known in Russian as ...", "the characters ... mean", "a banner reading ...".
_GLOSS_WORDS = frozenset(
    "called calls character characters concept dubbed expression glyph glyphs hangul hanzi hashtag "
    "hiragana inscription kanji katakana known letters literally meaning means meant motto name "
    "named nickname nicknamed phrase pronounced proverb reading reads saying script slogan "
    "spelled spelling spelt term translated translates transliterated word words written".split()
)
# A language named as one ("in Russian", "Arabic:"), not a nationality ("Russian troops").
_LANGUAGES = frozenset(
    "amharic arabic armenian belarusian bengali bulgarian burmese cantonese chinese cyrillic dari "
    "farsi georgian greek gujarati hebrew hindi japanese kannada kazakh khmer korean kurdish kyrgyz "
    "lao macedonian malayalam mandarin marathi mongolian nepali pashto persian punjabi russian "
    "sanskrit serbian sinhala syriac tajik tamil telugu thai tibetan tigrinya ukrainian urdu "
    "uyghur uzbek yiddish".split()
)
_LANGUAGE_NAMED = re.compile(rf"\bin ({'|'.join(_LANGUAGES)})\b|\b({'|'.join(_LANGUAGES)}):", re.IGNORECASE)
_GLOSS_BEFORE, _GLOSS_AFTER = 40, 25  # characters of context searched for a gloss word
_MAX_SYMBOL_GREEK = 3  # "αβ T cells", "γδ": Greek letters as scientific symbols


def _foreign_script(text: str) -> Iterator[Stray]:
    """Runs of non-Latin letters in a text that is mostly Latin, outside brackets and quotes
    (a native spelling in brackets after a name is a gloss, not a stray), hashtags and
    sentences that present a foreign word; a run right next to a Latin-script word is a
    stray copy of it ("Житикара Zhitikara")."""
    runs = list(_NON_LATIN_RUN.finditer(text))
    if not runs or not _mostly_latin(text, runs):
        return
    for run in runs:
        start, end = run.span()
        script = _script(run.group())
        name_before = _latin_name_before(text, start)
        if (
            _enclosed(text, start, end)
            or text[start - 1:start] in ("#", "@")
            or (_CYRILLIC_OR_GREEK.match(run.group()) and _in_mixed_word(text, start, end))
            or _glossed(text, start, end, look_after=name_before is None)
            or (script == "Greek" and len(run.group()) <= _MAX_SYMBOL_GREEK)
        ):
            continue
        neighbour = name_before or _latin_name_after(text, end)
        where = f" next to '{neighbour}'" if neighbour else ""
        yield Stray(start, end,
                    f"'{run.group()}' is {_article(script)} {script}-script token left in the English text{where}",
                    "" if neighbour else None, "foreign-script")


def _mostly_latin(text: str, runs: list[re.Match]) -> bool:
    """Whether the runs of other scripts hold less than a fifth of the letters (more: a
    bilingual text, where they are no leftovers)."""
    return sum(len(r.group()) for r in runs) * 5 <= len(_LETTER.findall(text))


def _script(run: str) -> str:
    script = unicodedata.name(run[0], "another").split(" ")[0]
    return script if len(script) <= 3 else script.title()


def _enclosed(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` sits inside brackets or quotes on its line (inside straight
    quotes when an odd number of them comes before it)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start]
    after = text[end:line_end if line_end >= 0 else len(text)]
    for opening, closing in _BRACKETS.items():
        if closing not in after:
            continue
        if opening == closing:
            if before.count(opening) % 2:
                return True
        elif (open_at := before.rfind(opening)) >= 0 and closing not in before[open_at + 1:]:
            return True
    return False


def _glossed(text: str, start: int, end: int, look_after: bool = True) -> bool:
    """Whether a word near the run presents it as a foreign word or native spelling. Words
    after a run that follows a name ("Gonio გონიო, known to the Romans as ...") speak of the
    name, so they count only when `look_after`."""
    window = text[max(0, start - _GLOSS_BEFORE):start]
    if look_after:
        window += " " + text[end:end + _GLOSS_AFTER]
    return bool({w.lower() for w in _WORDS.findall(window)} & _GLOSS_WORDS or _LANGUAGE_NAMED.search(window))


def _latin_name_before(text: str, start: int) -> str | None:
    """The Latin-script name one space before the run."""
    return _latin_name(_NEIGHBOUR_BEFORE.search(text, max(0, start - 40), start))


def _latin_name_after(text: str, end: int) -> str | None:
    """The Latin-script name one space after the run."""
    return _latin_name(_NEIGHBOUR_AFTER.match(text, end))


def _latin_name(match: re.Match | None) -> str | None:
    if match and _name_like(match.group(1).rstrip(".")) and not re.search(_NON_LATIN_LETTER, match.group(1)):
        return match.group(1).rstrip(".")
    return None


# -- a word mixing scripts -----------------------------------------------------------

_LATIN_LETTERS = "A-Za-z\u00C0-\u024F"
_CYRILLIC_GREEK = "\u0370-\u03FF\u0400-\u04FF"
_CYRILLIC_OR_GREEK = re.compile(f"[{_CYRILLIC_GREEK}]")
_LATIN_LETTER = re.compile(f"[{_LATIN_LETTERS}]")
_MIXED_WORD = re.compile(
    rf"[^\W\d_]*(?:[{_LATIN_LETTERS}][{_CYRILLIC_GREEK}]|[{_CYRILLIC_GREEK}][{_LATIN_LETTERS}])[^\W\d_]*"
)
# Cyrillic and Greek letters drawn like Latin ones; lower-case Greek letters other than
# omicron are scientific symbols ("αB-crystallin", "μg") and are left out.
_LOOK_ALIKES = str.maketrans(
    "аеорсухіјѕԁӏАВЕКМНОРСТУХІЈЅοΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdlABEKMHOPCTYXIJSoABEZHIKMNOPTYX",
)


def _in_mixed_word(text: str, start: int, end: int) -> bool:
    """Whether the run is part of a word with Latin letters (the mixed-script detector's)."""
    return any(_LATIN_LETTER.fullmatch(ch) for ch in (text[start - 1:start], text[end:end + 1]))


def _mixed_scripts(text: str) -> Iterator[Stray]:
    """Words spelt with Latin letters and Cyrillic or Greek look-alikes ("Mоscow" with a
    Cyrillic "о"): spinners use them to slip past copy detectors, and encoding tools leave them."""
    if not _CYRILLIC_OR_GREEK.search(text) or not _mostly_latin(text, list(_NON_LATIN_RUN.finditer(text))):
        return
    for match in _MIXED_WORD.finditer(text):
        word = match.group()
        latin = word.translate(_LOOK_ALIKES)
        if _CYRILLIC_OR_GREEK.search(latin):
            if all("\u0370" <= ch <= "\u03FF" for ch in _CYRILLIC_OR_GREEK.findall(word)):
                continue  # Greek symbols in a Latin word: "kΩ", "γH2AX"
            yield Stray(match.start(), match.end(),
                        f"'{word}' mixes Latin letters with letters of another script", None, "mixed-script")
        else:
            yield Stray(match.start(), match.end(),
                        f"'{word}' is spelt with look-alike letters of another script; it should read '{latin}'",
                        latin, "mixed-script")


# -- function words that cannot follow each other ------------------------------------

ARTICLES = ("the", "a", "an")
# Words an article never directly precedes (outside hyphenated compounds: "the by-election").
_NEVER_AFTER_ARTICLE = ("of", "to", "for", "with", "from", "by", "at", "into", "onto", "and", "or", "but")
PREPOSITIONS = (
    "of in to for on with at by from into onto about over under between through during "
    "against towards toward upon among across after before without within".split()
)
# Each pattern starts with the space before its first word: a literal first character lets
# the regex engine skip ahead fast, and it keeps words inside URLs and handles out.
_END = r"(?![\w'’\-\u2011])"  # a word end that is not followed by a hyphen or apostrophe
# Lower-case only: "Ms An." ends with a surname; a lone "a" is also a label ("options a and b").
_ARTICLE_ENDS_SENTENCE = re.compile(r" (?P<article>the|an)(?=[.!?;:](?:\s|$|[\"”’)]))")
_ARTICLE_CLASH = re.compile(
    r" (?P<article>[Tt]he|an?) (?P<next>" + "|".join(ARTICLES + _NEVER_AFTER_ARTICLE) + ")" + _END
)
_PREPOSITION_AROUND_ARTICLE = re.compile(
    r" (?P<preposition>" + "|".join(PREPOSITIONS) + r") (?P<article>the|an?) (?P=preposition)" + _END
)
_NEXT_WORD = re.compile(r" ([\w'’]+)")
_LAST_WORD = re.compile(r"([\w'’]+) $")


def _function_word_clashes(text: str) -> Iterator[Stray]:
    for match in _ARTICLE_ENDS_SENTENCE.finditer(text):
        yield Stray(match.start("article"), match.end(),
                    f"'{match['article']}' ends the sentence: a stray article", "", "function-words")
    around = set()
    for match in _PREPOSITION_AROUND_ARTICLE.finditer(text):
        start = match.start("preposition")
        if _in_repeated_phrase(text, start, match.end()):
            continue
        around.add(match.start("article"))
        phrase, kept = text[start:match.end()], f"{match['preposition']} {match['article']}"
        yield Stray(start, match.end(),
                    f"'{phrase}' repeats the preposition '{match['preposition']}' around "
                    f"'{match['article']}'", kept, "function-words")
    for match in _ARTICLE_CLASH.finditer(text):
        start = match.start("article")
        if (
            match["next"] == match["article"].lower()  # "the the": the repetition rule's
            or (match["article"] == "a" and match["next"] not in ARTICLES)
            or start in around
            or _in_repeated_phrase(text, start, match.end())
        ):
            continue
        yield Stray(start, match.end(),
                    f"'{text[start:match.end()]}': an article cannot be followed by '{match['next']}'",
                    None, "function-words")


def _in_repeated_phrase(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a word pair repeated at once ("of the of the"),
    which is the repetition rule's."""
    words = text[start:end].split(" ")
    before = _LAST_WORD.search(text, max(0, start - 40), start)
    after = _NEXT_WORD.match(text, end)
    window = [before.group(1)] if before else []
    window += words + ([after.group(1)] if after else [])
    return any(window[k:k + 2] == window[k + 2:k + 4] for k in range(len(window) - 3))


# -- a word of another language ----------------------------------------------------

HONORIFICS_FILE = lexicon.DATA / "foreign-honorifics.tsv"
_MAX_HONORIFIC_USES = 2  # foreign forms of address used more often: the writer's style
_HONORIFIC_NAME_MAX_ZIPF = 4.5  # a name this common in English is a place or firm ("Madame Tussauds London")
_COMMON_NOUN_ZIPF = 3.5  # a dictionary word this common is no name ("Fountain"); rarer ones may be ("Amadou")
# Particles of names, besides those mentions.py joins inside a name ("Sankale ole Nkoitiko").
_NAME_PARTICLES = PARTICLES | frozenset(
    "ap bar bat bte binti ibnu ben ag ould ole wa mac nic ni degli dei delle dello vom zum zur".split()
)
_PARTICLE_PREFIX = re.compile(r"^(?:%s)[-'’](?=\w)" % "|".join(sorted(PARTICLES)), re.IGNORECASE)
_SUFFIX = re.compile(r"[a-z]+(?![\w'’-])")


@functools.cache
def _honorifics() -> tuple[dict[str, str], dict[str, str]]:
    """Forms of address of other languages (`data/foreign-honorifics.tsv`), form → its first
    language: those written before a name, and those joined after it ("-san")."""
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for line in HONORIFICS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, languages, _ = line.split("\t")
            (after if form.startswith("-") else before)[form.lstrip("-")] = languages.split(", ")[0]
    return before, after


def _name_words(parts: tuple[str, ...]) -> list[str]:
    """The words of a name without its particles, particle prefixes left out ("Nuaimi" of "al-Nuaimi")."""
    words = [p for p in parts if p.lower() not in _NAME_PARTICLES]
    return [_PARTICLE_PREFIX.sub("", w) for w in words]


class _Address(NamedTuple):
    """A form of address of another language used in the text, and the name words it goes with."""

    start: int
    end: int
    form: str
    words: list[str]


def _addresses(text: str, mentions: tuple[Mention, ...]) -> tuple[list[_Address], list[_Address]]:
    """Forms of address before a name ("Señora Valentina Quispe", "Mme. Ana Ruiz") with the
    name's words, and forms joined after a name ("Tanaka-san") with that name."""
    before, after = _honorifics()
    leading: list[_Address] = []
    trailing: list[_Address] = []
    for index, mention in enumerate(mentions):
        first = mention.text.partition(" ")[0]
        if first.lower() in before and first[1:].islower():
            end = mention.start + len(first)
            if len(mention.parts) > 1:
                leading.append(_Address(mention.start, end, first, _name_words(mention.parts[1:])))
            elif text.startswith(". ", end) and index + 1 < len(mentions) and mentions[index + 1].start == end + 2:
                leading.append(_Address(mention.start, end, first, _name_words(mentions[index + 1].parts)))
        if text.startswith("-", mention.end) and (suffix := _SUFFIX.match(text, mention.end + 1)) \
                and suffix.group() in after:
            trailing.append(_Address(mention.end, suffix.end(), suffix.group(), [mention.parts[-1]]))
    return leading, trailing


def _foreign_honorifics(doc: Document) -> Iterator[Stray]:
    """A form of address of another language before a person's full name ("Frau Nasreen
    Akter"), or joined after a name the text also uses alone ("Tanaka-san"), in a text that
    names other people plainly: untranslated, since English names people with Mr, Ms or
    nothing. Quiet when the text uses such forms often, or for the same person twice (the
    writer's style), and in quotations of another language. A form English has adopted
    ("Madame") needs the person named elsewhere without it."""
    mentions = doc.view(name_mentions)
    leading, trailing = _addresses(doc.text, mentions)
    if not leading and not trailing or len(leading) + len(trailing) > _MAX_HONORIFIC_USES:
        return
    before, after = _honorifics()
    for use in leading:
        words = use.words
        if (
            len(words) >= 2
            and _person_like(words)
            and not any(set(words) & set(other.words) for other in leading if other is not use)
            and _names_others_plainly(mentions, use.start, words)
            and (not lexicon.in_dictionary(use.form) or _named_without(mentions, use.start, words))
            and not _in_foreign_quotation(doc, use.start)
        ):
            language = before[use.form.lower()]
            yield Stray(use.start, use.end,
                        f"'{use.form}' is {_article(language)} {language} form of address left before a "
                        "person's full name; English names people without it", "", "foreign-word")
    for use in trailing:
        name, language = use.words[0], after[use.form]
        if any(m.parts[-1] == name and not doc.text.startswith("-", m.end) for m in mentions) \
                and not _in_foreign_quotation(doc, use.start):
            yield Stray(use.start, use.end,
                        f"'-{use.form}' is {_article(language)} {language} form of address left after "
                        f"'{name}', whom the text also calls '{name}' alone", "", "foreign-word")


def _person_like(words: list[str]) -> bool:
    """Whether name words read as a person's: no common English word after the given name,
    which may be one ("Ana", "Grace"), as in "Frau Holle Fountain", and the last no common
    name of a place or firm ("Madame Tussauds London")."""
    return (not any(lexicon.in_dictionary(w) and lexicon.zipf(w) >= _COMMON_NOUN_ZIPF for w in words[1:])
            and lexicon.zipf(words[-1]) < _HONORIFIC_NAME_MAX_ZIPF)


def _named_without(mentions: tuple[Mention, ...], start: int, words: list[str]) -> bool:
    """Whether the text also names the person of `words` by a shorter name, without the form
    of address ("Quispe said"). Asked of forms English has adopted ("Madame", "Signora"),
    which it keeps with some names: "Madame Chiang Kai-shek" is the wife of the "Chiang
    Kai-shek" named elsewhere."""
    surnames = set(words[1:])
    for mention in _plain_mentions(mentions, start):
        other = _name_words(mention.parts)
        if surnames & set(other) and len(other) < len(words):
            return True
    return False


def _names_others_plainly(mentions: tuple[Mention, ...], start: int, words: list[str]) -> bool:
    """Whether the text names someone else with a full name and no form of address."""
    for mention in _plain_mentions(mentions, start):
        other = _name_words(mention.parts)
        if len(other) >= 2 and not set(other) & set(words):
            return True
    return False


def _plain_mentions(mentions: tuple[Mention, ...], start: int) -> Iterator[Mention]:
    """The mentions other than the one at `start` that open with no foreign form of address."""
    forms = _honorifics()[0]
    return (m for m in mentions if m.start != start and m.text.partition(" ")[0].lower() not in forms)


# Latin-script languages whose word lists wordfreq ships, in the order their names are given
# (most spoken first).
_OTHER_LANGUAGES = {
    "es": "Spanish", "pt": "Portuguese", "fr": "French", "it": "Italian", "de": "German", "nl": "Dutch",
    "pl": "Polish", "tr": "Turkish", "id": "Indonesian", "ms": "Malay", "vi": "Vietnamese",
    "fil": "Filipino", "ro": "Romanian", "ca": "Catalan", "sv": "Swedish", "nb": "Norwegian",
    "da": "Danish", "fi": "Finnish", "cs": "Czech", "sk": "Slovak", "sl": "Slovene", "sh": "Serbo-Croatian",
    "hu": "Hungarian", "lt": "Lithuanian", "lv": "Latvian", "is": "Icelandic",
}
_FOREIGN_MIN_ZIPF = 4.5  # a word at least this common in another language (Zipf 4.5: 30 per million)
_ENGLISH_MAX_ZIPF = 3.3  # ... and rarer than this in English ("centro" 3.0, "und" 3.9)
_MIN_FOREIGN_LENGTH = 4  # shorter words are name particles and abbreviations ("ole", "bin", "da")
_READ_SIZE = 16384  # read wordfreq's lists in small steps: only their first buckets are needed
_WORD_ENDING_CLAUSE = re.compile(r" ([^\W\d_]+)[,;:.](?!\S)")
_PHRASE_OPENERS = frozenset(
    (*ARTICLES, *PREPOSITIONS, *LOCATIVE, *"and or but nor this that these those his her its their our my your "
     "whose which".split())
)


@functools.cache
def _common_words_by_language() -> dict[str, frozenset[str]]:
    """Language code → its words with Zipf ≥ _FOREIGN_MIN_ZIPF, read from wordfreq's small
    lists on first need: only the buckets above the threshold are decompressed (~0.03 s)."""
    import gzip
    import importlib.util
    from pathlib import Path

    import msgpack

    folder = Path(next(iter(importlib.util.find_spec("wordfreq").submodule_search_locations))) / "data"
    last_bucket = round((9 - _FOREIGN_MIN_ZIPF) * 100)  # bucket i holds the words of Zipf 9 - i/100
    common: dict[str, frozenset[str]] = {}
    for code in _OTHER_LANGUAGES:
        words: set[str] = set()
        with gzip.open(folder / f"small_{code}.msgpack.gz") as stream:
            unpacker = msgpack.Unpacker(stream, raw=False, read_size=_READ_SIZE)
            unpacker.read_array_header()
            next(unpacker)  # the header
            for _ in range(last_bucket + 1):
                words.update(next(unpacker))
        common[code] = frozenset(words)
    return common


def _foreign_languages(word: str) -> list[str]:
    """The names of the languages in which `word` is a common word while English hardly
    uses it and has no such word (empty for English words and names)."""
    lower = word.lower()
    if not _rare_in_english(lower) or lower in _NAME_PARTICLES:
        return []
    return [_OTHER_LANGUAGES[code] for code, words in _common_words_by_language().items() if lower in words]


def _foreign_words(doc: Document) -> Iterator[Stray]:
    """A lower-case word that English does not have but another language uses a lot, right
    before a name ("near the centro Plaza de Armas", "The company, firma Złote Pola") or
    glued after one before a comma ("Josefina Abellar guro, a teacher"): left untranslated.
    Quiet for name particles between names ("Sankale ole Nkoitiko"), words the text uses
    more than once (its way of writing a place: "calle Ocho ... calle Mayor"), phrases of
    another language, and English words and loanwords ("née", "fiesta", "plaza")."""
    text = doc.text
    counts: Counter[str] | None = None
    for mention in doc.view(name_mentions):
        for span, where in ((_word_before(text, mention.start), "before"), (_word_after(text, mention.end), "after")):
            if not span:
                continue
            start, end = span
            word = text[start:end]
            if not _rare_in_english(word) or (where == "before" and not _opens_a_phrase(text, start)):
                continue
            languages = _foreign_languages(word)
            if not languages:
                continue
            counts = counts or Counter(w.lower() for w in _WORDS.findall(text))
            if counts[word.lower()] > 1 or _in_foreign_quotation(doc, start):
                continue
            yield Stray(start, end, f"'{word}' is no English word but a common word of "
                        f"{_listed(languages)}, left {where} '{mention.text}'", None, "foreign-word")


def _word_before(text: str, start: int) -> tuple[int, int] | None:
    """The lower-case word one space before `start`."""
    end = start - 1
    if end < 1 or text[end] != " " or not text[end - 1].islower():
        return None
    word = text[text.rfind(" ", max(0, end - 40), end) + 1:end].rpartition("\n")[2]
    return (end - len(word), end) if word.isalpha() and word[0].islower() else None


def _word_after(text: str, end: int) -> tuple[int, int] | None:
    """The lower-case word one space after `end` that a comma, colon or full stop ends."""
    match = _WORD_ENDING_CLAUSE.match(text, end)
    return match.span(1) if match and match.group(1)[0].islower() else None


@functools.lru_cache(maxsize=8192)
def _rare_in_english(word: str) -> bool:
    """A quick test before the word lists of other languages are read (cached: the words
    next to names repeat)."""
    return len(word) >= _MIN_FOREIGN_LENGTH and lexicon.zipf(word) < _ENGLISH_MAX_ZIPF \
        and not lexicon.in_dictionary(word)


def _opens_a_phrase(text: str, start: int) -> bool:
    """Whether the word at `start` opens a noun phrase: it follows punctuation or an English
    article, preposition, conjunction or possessive ("near the centro", "company, firma"),
    not a name (a particle inside it: "Merisi detto Caravaggio") nor a noun it qualifies
    ("pasta alla Norma")."""
    before = _preceding_word(text, start)
    return not before or before in _PHRASE_OPENERS


def _in_foreign_quotation(doc: Document, offset: int) -> bool:
    """Whether `offset` lies in a quotation of another language (one with a word of another
    language besides the one there: "Guten Tag, Herr Müller") or in a quoted title (only
    capitalised words: a song called "Señora Maria Lopez")."""
    text = doc.text
    for start, end in doc.view(quotes).quoted_spans():
        if start <= offset < end:
            words = [m.group() for m in _WORDS.finditer(text, start, end) if not m.start() <= offset < m.end()]
            return all(w[0].isupper() for w in words) or any(_foreign_languages(w) for w in words)
    return False


def _listed(names: list[str], most: int = 3) -> str:
    """"Spanish", "Spanish and Italian", "Spanish, Italian, German and other languages"."""
    if len(names) > most:
        return ", ".join(names[:most]) + " and other languages"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _article(word: str) -> str:
    return "an" if word[0] in "AEIOU" else "a"


# -- markup --------------------------------------------------------------------------

_HTML_TAGS = (
    "abbr|area|article|aside|audio|big|blockquote|body|br|button|canvas|caption|center|cite|code|dd|"
    "del|details|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|"
    "iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|object|ol|option|picture|pre|"
    "script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|"
    "textarea|th|thead|time|title|tr|tt|ul|video|wbr"
)
_SHORTCODES = "caption|embed|gallery|video|audio|playlist|url|img|youtube|tweet|quote|vc_row|vc_column"
# Entities a page may print without their semicolon ("rose&nbsp4%").
_BARE_ENTITIES = "nbsp|amp|quot|apos|lt|gt|lsquo|rsquo|ldquo|rdquo|ndash|mdash|hellip"
_MARKUP_HINT = re.compile(r"[<&\\]|\[/?[a-z]|\[\[|\[\d|\{\{|\*\*|^#", re.MULTILINE)
_MARKUP_CHARACTERS = "<&\\[{*#"  # each sign of markup holds one: a quicker test than the hint's
_ESCAPED = {"n": "\n", "r": "", "t": " "}


@functools.cache
def _markup_pattern() -> re.Pattern:
    """Compiled on first need (~2 ms): most texts have no sign of markup at all."""
    return re.compile(
        rf"(?P<tag></?(?:(?i:{_HTML_TAGS})|[abipqsu])(?:\s[^<>\n]*)?/?>)"  # one-letter tags in lower case only
        r"|(?P<comment><!--[^\n]*?-->)"
        r"|(?P<entity>&(?:amp;)*(?:(?:[A-Za-z][A-Za-z0-9]{1,7}|#[0-9]{2,6}|#[xX][0-9A-Fa-f]{2,6});"
        rf"|(?:{_BARE_ENTITIES})(?![A-Za-z;])|#[0-9]{{2,5}}(?![0-9;])))"
        rf"|(?P<shortcode>\[/?(?:{_SHORTCODES})(?:\s[^\]\n]*)?\])"  # WordPress shortcodes, BBCode
        r"|(?P<template>\{\{[^{}\n]*\}\})"  # wiki templates
        r"|(?P<wikilink>\[\[(?:[^\[\]|\n]*\|)?(?P<wikilabel>[^\[\]|\n]+)\]\])"
        r"|(?P<emphasis>\*\*(?P<emphasized>[^*\n]+)\*\*)"  # Markdown emphasis
        r"|(?P<image>!\[[^\]\n]*\]\(https?://[^)\s]+\))"  # Markdown image
        r"|(?P<link>\[(?P<label>[^\]\n]+)\]\(https?://[^)\s]+\))"  # Markdown link
        r"|(?P<heading>^#{1,6}[ \t]+(?=\S))"  # Markdown heading marks
        r"|(?P<citation>(?<=[^\W\d_])\[\d{1,3}\](?=[\s,.;:)]|$))"  # a reference number glued to a word
        r"|(?P<escape>\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[nrt](?=[A-Z\s\"“]|$)|[\"'’]))"  # string escapes
        r"|(?P<backslash>(?<=\s)\\(?=[A-Za-z]{2}(?![A-Za-z]*[\\:])))",  # a backslash glued to a word, not a path
        re.MULTILINE,
    )


def _markup(text: str) -> Iterator[Stray]:
    if not any(character in text for character in _MARKUP_CHARACTERS) or not _MARKUP_HINT.search(text):
        return
    for match in _markup_pattern().finditer(text):
        found, kind = match.group(), match.lastgroup
        message, suggestion = f"'{found}' is leftover markup", ""
        if kind == "entity":
            decoded = _decode_entity(found)
            if decoded is None:
                continue  # not an entity HTML knows
            shown = "a space" if decoded.isspace() else f"'{decoded}'"
            decoded = " " if decoded.isspace() else decoded
            message, suggestion = f"'{found}' is an HTML entity left in the text; it stands for {shown}", decoded
        elif kind == "emphasis":
            message, suggestion = f"'{found}' carries Markdown emphasis marks", match["emphasized"]
        elif kind == "link":
            message, suggestion = f"'{found}' is a Markdown link left in the text", match["label"]
        elif kind == "wikilink":
            message, suggestion = f"'{found}' is a wiki link left in the text", match["wikilabel"]
        elif kind == "heading":
            message = f"'{found.strip()}' marks a Markdown heading"
        elif kind == "citation":
            message = f"'{found}' is a reference number (a footnote mark of the source page) glued to the word"
        elif kind == "escape":
            suggestion = _unescape(found)
            message = f"'{found}' is an escape sequence left in the text"
        elif kind == "backslash":
            message = "a stray backslash is glued to the word"
        yield Stray(match.start(), match.end(), message, suggestion, "markup")


def _decode_entity(found: str) -> str | None:
    """What an HTML entity (escaped any number of times, semicolon optional) stands for."""
    import html  # only when an entity is present: html.entities is a large table

    decoded, previous = found if found.endswith(";") else found + ";", None
    while decoded != previous:
        previous, decoded = decoded, html.unescape(decoded)
    return None if decoded in (found, found + ";") else decoded


def _unescape(found: str) -> str:
    """The character a backslash escape (\\n, \\u2019, \\x27, \\") stands for."""
    code = found[1]
    if code in "ux":
        return chr(int(found[2:], 16))
    return _ESCAPED.get(code, code)


# -- mojibake ------------------------------------------------------------------------

# A lead character of UTF-8 read as Windows-1252 (Â-ß for two bytes, â for three) followed
# by what a continuation byte becomes; or the replacement character.
_DEBRIS = re.compile(
    "[\u00c2-\u00df\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|\ufffd"
)
_DEBRIS_START = re.compile("[\u00c2-\u00df\u00e2\ufffd]")  # a quick test: debris starts with one of these
# "Â" glued after a word or figure and before a space: the first byte of a UTF-8 no-break
# space read as Windows-1252, its second byte since turned into a plain space ("29.5Â per cent").
_NO_BREAK_DEBRIS = re.compile("(?<=[^\\s])\u00c2(?= )")
# What the first two bytes of a curly quote, dash or ellipsis become ("â€" of "â€™").
_CUT_PUNCTUATION = "\u00e2\u20ac"
_ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


def _mojibake(text: str) -> Iterator[Stray]:
    if not _DEBRIS_START.search(text):
        return
    seen_end = -1
    for match in _DEBRIS.finditer(text):
        if match.start() < seen_end:
            continue
        start, end = _chunk_around(text, match.start(), match.end())
        seen_end = end
        chunk = text[start:end]
        if "\ufffd" in chunk:
            yield Stray(start, end, f"'{chunk}' contains a replacement character (U+FFFD): "
                        "text lost in a failed decoding", None, "encoding")
            continue
        import ftfy  # only when debris is present: its import costs ~0.06 s

        fixed = ftfy.fix_text(chunk, uncurl_quotes=False)
        if fixed != chunk:
            yield Stray(start, end, f"'{chunk}' is mojibake (UTF-8 read as Windows-1252); "
                        f"it should read '{fixed}'", fixed, "encoding")
        elif _CUT_PUNCTUATION in chunk:
            cut = start + chunk.index(_CUT_PUNCTUATION)
            yield Stray(cut, cut + len(_CUT_PUNCTUATION), f"'{_CUT_PUNCTUATION}' is mojibake of a curly "
                        "quote or dash whose last byte was lost", None, "encoding")
    for match in _NO_BREAK_DEBRIS.finditer(text):
        if match.start() >= seen_end:
            yield Stray(match.start(), match.end(), "'Â' is mojibake of a no-break space (UTF-8 read as "
                        "Windows-1252)", "", "encoding")


def _chunk_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whitespace-delimited chunk around text[start:end], ASCII punctuation at its edges
    left out (debris is never ASCII)."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    while text[start] in _ASCII_PUNCTUATION:
        start += 1
    while text[end - 1] in _ASCII_PUNCTUATION:
        end -= 1
    return start, end
