"""One entity spelled several ways in the same text, found without any list of names.

Article spinners and careless translation mangle a name at some of its mentions ("Okonkwo"
becomes "Okonkow", "Okonko" or "the Okonkows"). The check gathers surname-like words (the last
word of each name mention, or the word before it when the text calls the person by that one:
"Quispe" of "Valentina Quispe Mamani"; a particle prefix such as "al-" left out; see
`views.mentions.surname_mentions`), counts their spellings, and clusters similar spellings
greedily: the most frequent spelling (ties: the one written in a full "First Last" name, then
the first seen) is canonical, and a rarer spelling close enough to it is flagged at each of its
mentions. Two spellings seen equally often are reported as minor at the later spelling.

What keeps it quiet on clean text:
- words only: acronyms, words under `min_length` letters and title words ("Mayor") are left
  out, and so are common English words (dictionary words with Zipf >= `common_word_zipf`)
  unless written after a given name ("Maria Costa");
- a variant must not be an established word or name itself: Zipf below `max_variant_zipf`
  (an okina left out: "Hawaiʻi" is "Hawaii") and not a dictionary word ("Austria"/"Australia",
  "Iran"/"Iraq", "Ahmed"/"Ahmad" are all frequent, so none is read as a misspelling of another);
- inflections and derived forms are not variants ("Kenya"/"Kenyan", "Sudan"/"Sudanese",
  "the Okonkwos"), nor is a hyphenated name of its part ("Guinea"/"Guinea-Bissau"), nor a
  name with a capital inside ("PayPal", a brand) of one without. A person's surname (written
  after a given name) has no derived forms but its plural, and only where something makes it
  one ("the Mulengas", "both Mulengas", "Mulengas' farm"): a bare "Mulengas said" and a
  "Cárdena" for "Cárdenas" are variants;
- spellings written with different given names are different people ("Carlos Rodriguez",
  "Ana Rodrigues"), and so are a person named in full and a household word the text never
  writes after a given name ("Grace Chileshe", "Chinese"); the first letter must agree;
- similarity (Jaro-Winkler on lower-cased words without diacritics, a plural "s" of the
  variant optionally dropped) must reach `min_similarity`, or for names of at most five letters
  `short_min_similarity` with a single edit; two words unknown to the lexicon that share
  their first three letters and last letter need only `loose_min_similarity`.

A name written as one word where the text also writes it apart ("Delacruz", "Dela Cruz";
spaces, hyphens and apostrophes left out) is reported at the one-word form when that form is
not the more frequent one.

A misspelling can also land on another real name ("Okonkwo" becoming "Okafor"), which the
tests above let pass. Such a substitute is reported (as minor) only when everything points at
it: it is named once, as a bare surname never introduced by a given name or a title and not
after a preposition of place ("in", "near", ...: places need no introduction); it is no
dictionary word and no household name (Zipf below `substitute_max_zipf`); and it has the shape
of a person the text keeps returning to (a spelling cluster of at least `main_min_mentions`
mentions, one of them with a given name): the same first two letters, a length within one letter and an
Indel similarity of at least `substitute_min_similarity`; or it is quoted ("Ruiz said", "according
to Ruiz", but not "Acme said it": a company) and is close to any person's name introduced with a
given name (both over five letters, the same first letter or both vowels, Indel similarity of at
least `attributed_min_similarity`). News introduces every person it names, and above all every
person it quotes, so an unintroduced one-off like that is most likely the person it resembles.
Left out: a company quoted without "it", whose name resembles a person's, is reported too.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterator

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel, JaroWinkler

from mtaudit.checks.base import Check, CheckContext
from mtaudit.lexicon import in_dictionary, zipf
from mtaudit.model import Document, Finding, Severity, Token
from mtaudit.views.mentions import Surname, name_mentions, surname_mentions
from mtaudit.views.roles import person_given_name
from mtaudit.views.titles import is_title_word

# Endings that make a related word of a name, not a misspelling: plurals and possessives
# ("Okonkwos"), demonyms and adjectives ("Kenyan", "Brazilian", "Iraqi", "Londoner"),
# followers ("Peronist"); some replace a final vowel ("Italian", "Chinese", "Oromia").
DERIVATION_SUFFIXES = ("s", "es", "n", "an", "ans", "ian", "ians", "ean", "ese", "i", "is", "ish", "ic",
                       "er", "ers", "ist", "ists", "ite", "ites", "ism")
VOWEL_REPLACING_SUFFIXES = ("an", "ans", "ian", "ians", "ese", "i", "ish", "ic", "ia")
SHORT_NAME = 5
_NAME_SEPARATORS = re.compile(r"[\s\-]+")
# Letters that Unicode decomposition does not reduce to a base letter plus a mark.
_UNDECOMPOSED_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe",
     "ʻ": None, "ʼ": None, "'": None, "’": None}  # an okina or apostrophe is an optional letter
)


# An okina or glottal mark, which English spelling often leaves out ("Hawaiʻi" is "Hawaii").
_GLOTTAL_MARKS = str.maketrans({"ʻ": None, "ʼ": None})


@dataclass
class Spelling:
    """One spelling of a surname-like word and its mentions in the text."""

    key: str
    folded: str  # the key without diacritics, as compared
    mentions: list[Surname] = field(default_factory=list)
    given_names: set[str] = field(default_factory=set)
    plural_use: bool = False  # a mention reads as a plural: "the Okafors", "both Okafors", "Okafors' farm"
    after_a_name: bool = False  # a mention written after another name, a common word too ("Grace Chileshe")

    @property
    def text(self) -> str:
        return self.mentions[0].text

    @property
    def count(self) -> int:
        return len(self.mentions)

    def priority(self) -> tuple:
        """Sort key: most mentions first, then written in a full name, then first seen."""
        return (-self.count, not self.given_names, self.mentions[0].start)


@dataclass(frozen=True)
class Thresholds:
    min_length: int
    min_similarity: float
    short_min_similarity: float
    loose_min_similarity: float
    max_variant_zipf: float
    common_word_zipf: float
    main_min_mentions: int
    substitute_min_similarity: float
    substitute_max_zipf: float
    attributed_min_similarity: float


class NameVariant(Check):
    """One entity spelled several ways in the same text.

    Flagged: "Chinedu Okonkwo won the seat. Okonkwo thanked voters. Okonkow said ..."
    ('Okonkow' is a misspelling of 'Okonkwo')
    Clean: "Maria Costa and her brother Paulo Costa ... Austria and Australia ... Kenya and the
    Kenyan coast" (one spelling per name; real names that happen to be similar)
    """

    id = "name-variant"
    category = "terminology/inconsistent"
    severity = Severity.MAJOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        limits = Thresholds(
            min_length=context.setting("min_length", 4),
            min_similarity=context.setting("min_similarity", 0.9),
            short_min_similarity=context.setting("short_min_similarity", 0.9),
            loose_min_similarity=context.setting("loose_min_similarity", 0.78),
            max_variant_zipf=context.setting("max_variant_zipf", 2.5),
            common_word_zipf=context.setting("common_word_zipf", 3.5),
            main_min_mentions=context.setting("main_min_mentions", 5),
            substitute_min_similarity=context.setting("substitute_min_similarity", 0.5),
            substitute_max_zipf=context.setting("substitute_max_zipf", 3.5),
            attributed_min_similarity=context.setting("attributed_min_similarity", 0.6),
        )
        canonicals: dict[str, list[Spelling]] = {}  # by first letter: a variant keeps it
        clusters: dict[str, list[Spelling]] = {}  # a canonical spelling's key: it and its variants
        spellings = _spellings(doc, limits)
        yield from self._report_joined(doc, spellings)
        for spelling in sorted(spellings, key=Spelling.priority):
            same_initial = canonicals.setdefault(spelling.folded[0], [])
            match = _best_canonical(spelling, same_initial, limits)
            if match is None:
                same_initial.append(spelling)
                clusters[spelling.key] = [spelling]
                continue
            canonical, similarity = match
            clusters[canonical.key].append(spelling)
            yield from self._report(doc, spelling, canonical, similarity)
        yield from self._report_substitutes(doc, canonicals, clusters, limits)

    def _report(self, doc: Document, variant: Spelling, canonical: Spelling, similarity: float) -> Iterator[Finding]:
        tie = variant.count == canonical.count
        evidence = dict(
            canonical=canonical.text, similarity=round(similarity, 3),
            canonical_mentions=canonical.count, variant_mentions=variant.count,
        )
        for mention in variant.mentions:
            written = doc.text[mention.start:mention.end]
            if tie:
                each = "one mention each" if variant.count == 1 else f"{variant.count} mentions each"
                message = f"'{written}' and '{canonical.text}' look like two spellings of one name ({each})"
            else:
                message = (f"'{written}' looks like a misspelling of '{canonical.text}' "
                           f"({canonical.count} other mentions)")
            yield self.finding(
                doc, mention.start, mention.end, message, suggestion=canonical.text,
                severity=Severity.MINOR if tie else None, **evidence,
            )


    def _report_joined(self, doc: Document, spellings: list[Spelling]) -> Iterator[Finding]:
        """A name written as one word where the text mostly writes it apart ("Delacruz" for
        "Dela Cruz", "Binsalem" for "Bin Salem")."""
        folded = {spelling.folded for spelling in spellings}
        apart: dict[str, list[str]] = {}  # squashed key of a spelling → the ways it is written apart
        for mention in doc.view(name_mentions):
            if " " not in mention.text and "-" not in mention.text:
                continue  # a single part
            parts = _NAME_SEPARATORS.split(mention.text)
            for first in range(len(parts) - 1):
                squashed = _fold("".join(parts[first:]).casefold())
                if squashed in folded:
                    apart.setdefault(squashed, []).append(" ".join(parts[first:]))
        for spelling in spellings:
            written = apart.get(spelling.folded)
            if not written or len(written) < spelling.count or "-" in spelling.key:
                continue
            canonical = max(set(written), key=lambda form: (written.count(form), form))
            for mention in spelling.mentions:
                yield self.finding(
                    doc, mention.start, mention.end,
                    f"'{mention.text}' is written '{canonical}' elsewhere "
                    f"({len(written)} mention{'s' if len(written) > 1 else ''}): one name, two ways",
                    suggestion=canonical, canonical=canonical, canonical_mentions=len(written),
                    variant_mentions=spelling.count,
                )

    def _report_substitutes(self, doc: Document, canonicals: dict[str, list[Spelling]],
                            clusters: dict[str, list[Spelling]], limits: Thresholds) -> Iterator[Finding]:
        """Unintroduced one-off names that look like a person of the text (see the module doc)."""
        sizes = {key: sum(s.count for s in cluster) for key, cluster in clusters.items()}
        people = [s for same_initial in canonicals.values() for s in same_initial
                  if any(variant.given_names for variant in clusters[s.key]) and not _capital_inside(s.text)]
        for spelling in (s for same_initial in canonicals.values() for s in same_initial):
            if not people or not _unintroduced_one_off(doc, spelling, limits):
                continue
            attributed = _attributed(doc, spelling.mentions[0])
            scored = [(similarity, person) for person in people if person is not spelling and (
                similarity := _substitute_similarity(spelling, person, sizes[person.key], attributed, limits))]
            if not scored:
                continue
            similarity, person = max(scored, key=lambda pair: (pair[0], sizes[pair[1].key]))
            mention = spelling.mentions[0]
            yield self.finding(
                doc, mention.start, mention.end,
                f"'{spelling.text}' is named once, never introduced, and looks like '{person.text}' "
                f"({sizes[person.key]} mention{'s' if sizes[person.key] > 1 else ''}): "
                "likely that name turned into another",
                suggestion=person.text, severity=Severity.MINOR, canonical=person.text,
                similarity=round(similarity, 3), canonical_mentions=sizes[person.key], variant_mentions=1,
            )


def _spellings(doc: Document, limits: Thresholds) -> list[Spelling]:
    """Surname-like words worth comparing, grouped by spelling (case-folded)."""
    spellings: dict[str, Spelling] = {}
    name_like: dict[str, bool] = {}
    for surname in doc.view(surname_mentions):
        word = surname.text
        if word not in name_like:
            name_like[word] = _name_like(word, limits)
        if not name_like[word]:
            continue
        given = person_given_name(surname)
        full_name = given is not None and not _common_word(given, limits)
        if not full_name and (_common_word(word, limits) or _sentence_initial_word(surname)):
            continue
        key = surname.key
        if key not in spellings:
            folded = _fold(key)
            if not folded:
                continue
            spellings[key] = Spelling(key, folded)
        spelling = spellings[key]
        spelling.mentions.append(surname)
        if full_name:
            spelling.given_names.add(given.casefold())
        spelling.after_a_name = spelling.after_a_name or (given is not None and not _function_word(given))
        if word.endswith("s") and not spelling.plural_use:
            spelling.plural_use = _read_as_plural(doc, surname)
    return list(spellings.values())


# Words before a surname in the plural that make it a family or a group ("the Okafors").
PLURAL_CUES = frozenset(
    "the both all two three four these those their our my your his her other many several".split()
)


def _read_as_plural(doc: Document, surname: Surname) -> bool:
    """Whether a surname in -s reads as a plural: after an article, a quantifier or a
    possessive ("the Okafors", "both Okafors"), or before a plural possessive ("Okafors' farm")."""
    tokens = doc.sentences[surname.mention.sentence].tokens
    before = _tokens_before(tokens, surname.start)[-1:]
    after = _tokens_after(tokens, surname.end)[:1]
    return bool(before and before[0].text.lower() in PLURAL_CUES
                or after and after[0].start == surname.end and after[0].text in ("'", "’"))


def _name_like(word: str, limits: Thresholds) -> bool:
    """Long enough, letters only, not an acronym or a title."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return len(letters) >= limits.min_length and letters.isalpha() and not word.isupper() and not is_title_word(word)


@functools.lru_cache(maxsize=1 << 14)
def _lexicon_entry(word: str) -> tuple[bool, float]:
    """Whether `word` is a dictionary word, and its Zipf frequency: looked up once per word."""
    return in_dictionary(word), zipf(word)


def _common_word(word: str, limits: Thresholds) -> bool:
    known, frequency = _lexicon_entry(word)
    return known and frequency >= limits.common_word_zipf


def _household_word(word: str, limits: Thresholds) -> bool:
    """A frequent word, in the dictionary or not: a nationality, a country, a famous name
    ("Chinese", "Kenya", "Obama")."""
    return zipf(word) >= limits.common_word_zipf


# Dictionary words this frequent ("The", "As", "While") open a name mention as the sentence's
# first word, not as a given name.
FUNCTION_WORD_ZIPF = 5.5


def _function_word(word: str) -> bool:
    known, frequency = _lexicon_entry(word)
    return known and frequency >= FUNCTION_WORD_ZIPF


def _person_name_misread(variant: Spelling, canonical: Spelling) -> bool:
    """Whether a derived-looking spelling is a person's surname misread, not a form of it: the
    canonical is written after a given name, the variant never is, and the variant either
    lacks the name's last letters ("Cárdena" for "Cárdenas") or adds a plural ending where
    nothing reads as a plural ("Mulengas said", not "the Mulengas")."""
    if not canonical.given_names or variant.given_names:
        return False
    a, b = variant.folded, canonical.folded
    if len(a) < len(b):
        return True
    return a in (b + "s", b + "es") and not variant.plural_use


def _sentence_initial_word(surname: Surname) -> bool:
    """A lone dictionary word opening a sentence ("Officials said ...") is no name."""
    mention = surname.mention
    return mention.sentence_initial and " " not in mention.text and in_dictionary(surname.text)


def _best_canonical(variant: Spelling, canonicals: list[Spelling], limits: Thresholds) -> tuple[Spelling, float] | None:
    """The canonical spelling `variant` most likely misspells, with their similarity."""
    if not canonicals:
        return None
    choices = [canonical.folded for canonical in canonicals]
    near = {
        index
        for query in _forms(variant.folded)
        for _, _, index in process.extract(
            query, choices, scorer=JaroWinkler.normalized_similarity,
            score_cutoff=limits.loose_min_similarity, limit=None,
        )
    }
    best = None
    for index in sorted(near):
        similarity = _variant_similarity(variant, canonicals[index], limits)
        if similarity is not None and (best is None or similarity > best[1]):
            best = (canonicals[index], similarity)
    return best


def _forms(word: str, other: str = "") -> list[str]:
    """`word` and, for a word in -s (unlike `other`), the word without it ("hafters")."""
    return [word, word[:-1]] if word.endswith("s") and not other.endswith("s") else [word]


def _variant_similarity(variant: Spelling, canonical: Spelling, limits: Thresholds) -> float | None:
    """Similarity of `variant` to `canonical` when it reads as a misspelling of it, else None."""
    a, b = variant.folded, canonical.folded
    if a[0] != b[0] or ("-" in a) != ("-" in b) or (_derived(a, b) and not _person_name_misread(variant, canonical)) \
            or _brand_of(variant.text, canonical.text) or _brand_of(canonical.text, variant.text):
        return None
    if variant.given_names and canonical.given_names and variant.given_names.isdisjoint(canonical.given_names):
        return None  # "Carlos Rodriguez" and "Ana Rodrigues": two people
    if variant.after_a_name and not canonical.after_a_name and _household_word(canonical.text, limits):
        return None  # "Grace Chileshe" is no misspelling of "Chinese": a person named in full, and a word
    shortest = min(len(a), len(b))
    if shortest < limits.min_length:
        return None
    forms = _forms(a, b)
    similarity = max(JaroWinkler.normalized_similarity(form, b) for form in forms)
    if similarity < limits.loose_min_similarity:
        return None
    variant_zipf = zipf(variant.text.translate(_GLOTTAL_MARKS))
    if variant_zipf >= limits.max_variant_zipf or in_dictionary(variant.text):
        return None  # an established word or name in its own right
    if shortest <= SHORT_NAME:
        close = similarity >= limits.short_min_similarity and min(OSA.distance(f, b) for f in forms) <= 1
    else:
        close = similarity >= limits.min_similarity or (
            variant_zipf == 0 and zipf(canonical.text) == 0 and a[:3] == b[:3] and a[-1] == b[-1]
        )
    return similarity if close else None


# Verbs of attribution: a person quoted by a bare surname has been introduced in news prose.
SPEECH_VERBS = frozenset(
    "said says told added noted explained argued warned insisted wrote stated replied recalled "
    "admitted acknowledged conceded complained announced confirmed denied estimated".split()
)
_VOWELS = frozenset("aeiou")
# Words before a name that make it a place, which news names without introducing it.
PLACE_PREPOSITIONS = frozenset(
    "in at near from to into across outside around towards toward via through off".split()
)


def _unintroduced_one_off(doc: Document, spelling: Spelling, limits: Thresholds) -> bool:
    """A real name (no dictionary word, no household name) named once, bare, and not as a place."""
    if spelling.count != 1 or spelling.given_names:
        return False
    surname = spelling.mentions[0]
    known, frequency = _lexicon_entry(spelling.text)
    if " " in surname.mention.text or _capital_inside(spelling.text) or known \
            or frequency >= limits.substitute_max_zipf:
        return False
    before = _token_before(doc, surname.start)
    return before is None or not (before.text.lower() in PLACE_PREPOSITIONS or is_title_word(before.text))


def _substitute_similarity(spelling: Spelling, person: Spelling, person_mentions: int, attributed: bool,
                           limits: Thresholds) -> float | None:
    """Similarity of an unintroduced one-off to a person's name when it reads as a substitute:
    shaped like a main person's name, or, when it is quoted, close to any person's."""
    a, b = spelling.folded, person.folded
    # The tests that need no similarity first: most pairs fail them.
    may_be_shaped = person_mentions >= limits.main_min_mentions and a[:2] == b[:2] and abs(len(a) - len(b)) <= 1
    may_be_close = attributed and min(len(a), len(b)) > SHORT_NAME and (
        a[0] == b[0] or (a[0] in _VOWELS and b[0] in _VOWELS))
    if not (may_be_shaped or may_be_close) or _derived(a, b) or ("-" in a) != ("-" in b):
        return None
    similarity = Indel.normalized_similarity(a, b)
    shaped = may_be_shaped and similarity >= limits.substitute_min_similarity
    close = may_be_close and similarity >= limits.attributed_min_similarity
    return similarity if shaped or close else None


_START = operator.attrgetter("start")
_END = operator.attrgetter("end")


def _token_before(doc: Document, offset: int) -> Token | None:
    tokens = _tokens_before(doc.sentences[doc.sentence_at(offset)].tokens, offset)
    return tokens[-1] if tokens else None


def _tokens_before(tokens: tuple[Token, ...], offset: int) -> tuple[Token, ...]:
    """The tokens (of a sentence, in text order) that end at or before `offset`."""
    return tokens[:bisect.bisect_right(tokens, offset, key=_END)]


def _tokens_after(tokens: tuple[Token, ...], offset: int) -> tuple[Token, ...]:
    """The tokens (of a sentence, in text order) that start at or after `offset`."""
    return tokens[bisect.bisect_left(tokens, offset, key=_START):]


def _attributed(doc: Document, surname: Surname) -> bool:
    """Whether a person is quoted by this name: "Ruiz said", "said Ruiz", "according to Ruiz";
    not "Acme said it ..." (a company speaks as "it")."""
    tokens = doc.sentences[surname.mention.sentence].tokens
    after = [t.text.lower() for t in _tokens_after(tokens, surname.end)[:3]]
    before = [t.text.lower() for t in _tokens_before(tokens, surname.start)[-2:]]
    if after[:1] and after[0] in SPEECH_VERBS:
        return "it" not in after[1:]
    return bool(before[-1:] and before[-1] in SPEECH_VERBS) or before == ["according", "to"]


def _capital_inside(word: str) -> bool:
    """A capital letter inside a word part, other than after "Mc" ("PayPal", not "McKenzie")."""
    if word[1:].islower():
        return False  # no capital after the first letter
    return any(ch.isupper() and not part[:i].startswith("Mc") for part in re.split(r"[-'’]", word)
               for i, ch in enumerate(part) if i)


def _brand_of(word: str, name: str) -> bool:
    """Whether `word` is a brand written with a capital inside ("KenGen") next to a plain
    `name`, rather than the name glued to itself or another word ("OkaforOkafor")."""
    if not _capital_inside(word) or _capital_inside(name):
        return False
    return name.casefold() not in {part.casefold() for part in re.findall(r"[A-Z][^A-Z]*", word)}


@functools.lru_cache(maxsize=1 << 14)
def _fold(word: str) -> str:
    """`word` without diacritics ("wiśniewska" → "wisniewska", "yılmaz" → "yilmaz")."""
    if word.isascii():  # nothing to decompose; of `_UNDECOMPOSED_LETTERS`, only the apostrophe
        return word.replace("'", "")
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _derived(a: str, b: str) -> bool:
    """Whether one word is an inflection or derivation of the other ("kenya"/"kenyan",
    "italy"/"italian", "okonkwo"/"okonkwos"); one changed last letter ("mwangi"/"mwangy") is
    no derivation."""
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) == len(longer):
        return False
    if shorter.endswith("s") and _derived(shorter[:-1], longer):
        return True  # two derivations of one stem: "faroes"/"faroese"
    if longer.startswith(shorter) and longer[len(shorter):] in DERIVATION_SUFFIXES:
        return True
    return shorter[-1] in "aeiouy" and longer.startswith(shorter[:-1]) \
        and longer[len(shorter) - 1:] in VOWEL_REPLACING_SUFFIXES
