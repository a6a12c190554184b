"""A later sentence reversing an earlier one: who beat whom, who accepted or rejected what,
whether a vote passed, which way a figure moved, who bought or helped whom.

Sentences are read into small claims with a handful of patterns, then claims about the
same participants are compared:

* **Results**: "The Falcons beat the Rovers 3-1", "Rovers lost to the Falcons", "the
  Falcons' 3-1 win over the Rovers", "the defeat leaves the Falcons ...". A team that won
  in one sentence and lost in another (against the same opponent, or with no other
  opponent named), or one result told with two scores, is a contradiction.
* **Stances**: "the council approved the plan" against "the plan, which the council
  rejected" or "the plan was rejected by the council": one agent, one object, opposite
  verbs (accept/reject, approve/veto, confirm/deny, support/oppose). An object marked as
  one of several (a "revised" plan) is another object.
* **Outcomes**: "the bill passed" against "the bill failed" or "the motion was carried"
  against "the motion was defeated": one subject, no agent, no venue ("failed in the
  Senate" may be another chamber), no other stage ("the first vote").
* **Trends**: "exports rose 4.2%" against "exports fell 4.2%" or "a 4.2% drop in
  exports": the same quantity and the same figure moving both ways. Claims about other
  periods ("in May" against "in June") are not compared.
* **Roles**: "Northwind acquired Baltic Freight" against "Baltic Freight's takeover of
  Northwind"; "Chile sent aid to Peru" against "Peru pledged aid to Chile": an asymmetric
  relation between the same two names, told both ways round.

* **Moves against their own figures**, within one sentence: "rose to 4.1% from 7.6%",
  "4,000 jobs, up from 5,000", "fell from 3% to 5%", "more likely to repeat a year: 4.1%
  did so, compared with 7.6%": the words say one direction, the two figures the other (a
  spun or mistranslated word, or swapped figures). Ranks ("rose from 10th to 3rd") are no
  figures.

All but results and moves are compared only when told as plain facts of one time: a sentence that
marks a change or a correction ("later", "eventually", "reversed", "initially",
"corrected") tells news, not a contradiction; a later sentence that reports someone's
words ("critics said ...", "the minister said ...") may give an opposing view; two dates,
a date only in the later sentence ("On Tuesday, Brent rose 2%") or a year ("after the 2011
tsunami") make two events.

Precision comes first: claims are only read from plain patterns with named agents, and a
name matches another only when equal or a unique shorter form of it ("City" for
"Manchester City"). What is left for sentence embeddings or an entailment model: reversed
roles told in other words ("Vietnam pledged aid to Japan" against "a Japanese relief team
arrived in Vietnam"), swapped figures without a shared frame ("cut erosion by half"
against a table where the restored coast erodes faster), a party's lawyer praising the
ruling against it, contradictions spread over paraphrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from mtaudit.checks.base import Check, CheckContext
from mtaudit.model import Document, Finding, Severity
from mtaudit.thesaurus import word_key


class _lazy:  # noqa: N801 - used like re.compile
    """A regex compiled on its first use: the claim patterns take ~20 ms to compile, and a
    cold `mtaudit check` of an article that gives them nothing to read need not pay it."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0):
        self._source, self._flags, self._compiled = source, flags, None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return getattr(self._compiled, name)

_NAME_WORD = r"[A-Z](?:[\w’'&-]|\.(?=\w))*"  # "Al-Ahly", "U.S." but not a full stop
_NAME = rf"(?:[Tt]he )?{_NAME_WORD}(?: (?:of |de |del |al-)?{_NAME_WORD})*"
_POSSESSIVE = r"(?:'s|’s|'|’)"
_SCORE = r"(?P<score>\d{1,3}[-–]\d{1,3})"
_DET = r"(?:the |a |an |its |their |his |her )?"



def _either(phrases: tuple[str, ...]) -> str:
    return "(?:" + "|".join(phrases) + ")"


def _leading_words(*phrases: str) -> frozenset[str]:
    """The first words of the phrases: a sentence holding none of them as a whole word (see
    `Sentence.word_runs`) holds none of the phrases."""
    return frozenset(phrase.split()[0] for phrase in phrases)


_WIN_VERB_FORMS = ("beat", "beats", "defeated", "defeats", "overcame", "thrashed", "edged", "routed", "crushed",
                   "stunned", "upset", "eliminated", "knocked out")
_LOSE_VERB_FORMS = ("lost", "loses", "fell", "went down", "succumbed")
_WIN_VERBS = _either(_WIN_VERB_FORMS)
_LOSE_VERBS = _either(_LOSE_VERB_FORMS)
_RIVALS = r"(?:(?:their|its|the) )?(?:(?:local|bitter|city|old) )?(?:(?:rivals|neighbours|neighbors|hosts|visitors|champions|leaders) )?"
_RESULT_PATTERNS = [
    # (pattern, which named group won, which lost, the words it holds one of)
    (rf"(?P<w>{_NAME})(?: [a-z]+){{0,5}}? (?:to )?{_WIN_VERBS} {_RIVALS}(?P<l>{_NAME})(?: {_SCORE})?", "w", "l",
     _WIN_VERB_FORMS),
    (rf"(?P<l>{_NAME}),?(?: who| which)? (?:were|was|had been|have been) beaten (?:{_SCORE} )?(?:[a-z]+ ){{0,3}}?by "
     rf"(?P<w>{_NAME})", "w", "l", ("beaten",)),
    (rf"(?P<l>{_NAME}) {_LOSE_VERBS}(?: {_SCORE})? (?:to|against) (?P<w>{_NAME})", "w", "l", _LOSE_VERB_FORMS),
    (rf"(?P<w>{_NAME}){_POSSESSIVE} (?:{_SCORE} )?(?:win|victory|triumph) (?:over|against) (?P<l>{_NAME})", "w", "l",
     ("win", "victory", "triumph")),
    (rf"(?P<l>{_NAME}){_POSSESSIVE} (?:{_SCORE} )?(?:defeat|loss) (?:to|against|by) (?P<w>{_NAME})", "w", "l",
     ("defeat", "loss")),
    (rf"(?P<w>{_NAME}) won (?:(?:the|their|its) \w+ )?{_SCORE}", "w", None, ("won",)),
    (rf"(?P<l>{_NAME}) lost (?:(?:the|their|its) \w+ )?{_SCORE}", None, "l", ("lost",)),
    (rf"\b[Tt]he (?:{_SCORE} )?(?:defeat|loss) (?:leaves|left|puts|put|drops|dropped|sends|sent|keeps|kept) (?P<l>{_NAME})",
     None, "l", ("defeat", "loss")),
    (rf"\b[Tt]he (?:{_SCORE} )?(?:win|victory) (?:leaves|left|puts|put|lifts|lifted|moves|moved|sends|sent|keeps|kept|takes|took) (?P<w>{_NAME})",
     "w", None, ("win", "victory")),
]
# Cheap pre-filters: a pattern only matches sentences holding one of its words.
_RESULTS = [(_lazy(p), w, l, _leading_words(*words)) for p, w, l, words in _RESULT_PATTERNS]
_RESULT_WORDS = frozenset().union(*(words for *_, words in _RESULTS))

# Stance verbs: group → polarity → forms (past, 3rd person, base).
_STANCES = {
    "acceptance": {
        +1: "accepted accepts accept approved approves approve endorsed endorses endorse ratified ratifies ratify backed backs",
        -1: "rejected rejects reject vetoed vetoes veto blocked blocks block opposed opposes oppose refused refuses",
    },
    "confirmation": {+1: "confirmed confirms confirm", -1: "denied denies deny"},
}
_STANCE_OF = {
    form: (group, polarity)
    for group, sides in _STANCES.items()
    for polarity, forms in sides.items()
    for form in forms.split()
}
_STANCE_VERB = "(?P<v>" + "|".join(sorted(_STANCE_OF, key=len, reverse=True)) + ")"
_OBJECT = r"(?P<o>[a-z][a-z-]+(?: [a-z][a-z-]+){0,2})"
_AGENTS = rf"{_NAME}(?:(?:,? and |, ){_NAME})*"
_STANCE_PATTERNS = [
    rf"(?P<a>{_AGENTS}) (?:has |had |have |formally |officially |swiftly |flatly |unanimously )*{_STANCE_VERB} {_DET}{_OBJECT}",
    rf"\b{_DET}{_OBJECT}, (?:which|that) (?P<a>{_AGENTS}) (?:has |had |have |later |formally )*{_STANCE_VERB}\b",
    rf"\b{_DET}{_OBJECT},? (?:which |that )?(?:was|were|has been|had been|have been) (?:\w+ly )?{_STANCE_VERB} by (?P<a>{_AGENTS})",
]
_STANCE_RES = [_lazy(p) for p in _STANCE_PATTERNS]
_STANCE_WORDS = frozenset(_STANCE_OF)
# A sentence naming another fixture: two results in it may be two matches.
_OTHER_FIXTURE = re.compile(
    r"\b(?:last|previous|next|earlier|ago|season|first leg|second leg|return leg|rematch)\b", re.I
)
# A told change of mind or correction: a reversal in such a sentence is news, not a contradiction.
_CHANGE_OF_MIND = re.compile(
    r"\b(?:later|eventually|initially|at first|originally|previously|reversed|u-turn|changed|again|now|then|"
    r"since|no longer|backtracked|overturned|corrected|correction|mistakenly|wrongly|erroneously)\b",
    re.I,
)
# An object marked as one of several ("the revised plan"): not the same object.
_ONE_OF_SEVERAL = re.compile(
    r"\b(?:new|revised|amended|modified|first|second|third|other|another|latest|final|earlier|"
    r"previous|original|initial)\b"
)
_OBJECT_STOP = frozenset("to on in at for from with by of and or but as over under after before".split())

# Outcomes: something that passed or failed, told without an agent ("the motion was carried").
_OUTCOME_OF = {
    **dict.fromkeys("passed approved adopted carried".split(), +1),
    **dict.fromkeys("failed defeated rejected".split() + ["voted down"], -1),
}
_PLAIN_WORD = r"(?!(?:is|are|was|were|has|have|had|been)\b)[a-z][a-z-]*"
# An outcome's verb ends its clause or takes an adjunct of manner, time or margin; anything
# else makes it transitive ("failed to", "rejected that account", "carried out") or names an
# agent ("rejected by the council" is a stance).
_OUTCOME_ADJUNCT = (
    r"(?=[,.;:]| (?:unanimously|narrowly|easily|comfortably|overwhelmingly|last|this|yesterday|today|"
    r"after|despite|following|amid|when|because|but)\b| (?:on [A-Z\d]|by \d|with \d))"
)
_OUTCOME_RE = _lazy(  # the subject opens a clause: not "the library" of "the motion to close the library"
    rf"(?:^|[,;:] |\b(?:and|but|that|said|says) )(?P<claim>[Tt]he (?P<s>(?:{_PLAIN_WORD} ){{0,2}}{_PLAIN_WORD}) "
    rf"(?:was |were |has been |had been |have been )?(?P<v>{'|'.join(_OUTCOME_OF)})){_OUTCOME_ADJUNCT}"
)
# A body or place named in an outcome's sentence: "failed in the Senate" may be another chamber.
_VENUE = re.compile(r"\b(?:[Ii]n|[Bb]y|[Aa]t) (?:the )?[A-Z]")

# Trends: a quantity moving up or down by (or to) a figure.
_TREND_OF = {
    **dict.fromkeys("rose risen rises increased increases grew grown grows climbed climbs jumped jumps "
                    "gained gains surged surges soared soars".split(), +1),
    **dict.fromkeys("fell fallen falls decreased decreases declined declines dropped drops shrank shrunk "
                    "shrinks slumped slumps plunged plunges tumbled tumbles".split(), -1),
}
_TREND_NOUN_OF = {
    **dict.fromkeys("rise increase jump gain growth surge".split(), +1),
    **dict.fromkeys("fall drop decline decrease slump plunge".split(), -1),
}
_FIGURE = r"(?P<figure>\d+(?:\.\d+)?)(?P<unit> ?%| per ?cent| percent| percentage points?| points?)"
# Words that may follow the noun phrase of a quantity ("a 5% rise in exports was ...").
_NOUN_PHRASE_END = "|".join(
    "was were is are has have had will would could may might should and but or to from on at in of for by "
    "since over during last this after compared as while which that said".split()
)
_ABOUT = r"(?:about |almost |nearly |more than |less than |some |around |roughly |over |just |up to )?"
_TREND_RES = [
    # (pattern, direction of each verb or noun (the words it holds one of), whether the
    # quantity comes before the verb)
    (_lazy(rf"(?P<s>(?:[\w’'-]+ ){{1,5}})(?:has |have |had |was |were |is |are )?"
                rf"(?P<v>{'|'.join(_TREND_OF)}) (?P<to>by |to )?{_ABOUT}{_FIGURE}"), _TREND_OF, True),
    (_lazy(rf"\b(?:[Aa]n?|[Tt]he) {_ABOUT}{_FIGURE}[ -](?P<v>{'|'.join(_TREND_NOUN_OF)}) (?P<to>)in "
                rf"(?P<s>(?:{_DET}[\w’'-]+ )?[\w’'-]+)(?=[,.;:)]| (?:{_NOUN_PHRASE_END})\b)"),
     _TREND_NOUN_OF, False),
]
# Words a subject does not reach over ("the ministry said exports rose 5%": "exports").
_SUBJECT_BREAKS = frozenset(
    "said says reported showed shows show found find that and but while as when where which who whose "
    "after before because though although since with than to from on at during over compared last this "
    "year-on-year".split()
)
_SUBJECT_DETERMINERS = frozenset("the a an its their his her our".split())
_PREPOSITIONS = frozenset("of in at for from on among".split())
# Dates and periods: claims told of two different ones are not compared.
_TIME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:19|20)\d\d|(?i:yesterday|today|"
    r"(?:first|second|third|fourth|last|this|next|previous|past) (?:quarter|half|week|month|year|season)))\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A reported claim: a later sentence reporting someone's words may give their opposing view.
_ATTRIBUTION = re.compile(r"\b(?:said|says|say|told|claimed|claims|argued|argues|insisted|insists|according to)\b")

# Roles: asymmetric relations between two names (pattern → kind; groups `a` acts on `p`).
_BUY_FORMS = ("acquired", "acquires", "bought", "buys", "purchased", "took over", "takes over", "absorbed")
_AID_FORMS = ("aid", "assistance", "relief", "supplies", "donations")
_BUY = _either(_BUY_FORMS)
_GIVE = r"(?:pledged|sent|promised|offered|donated|delivered|gave|provided)"
_AID = _either(_AID_FORMS)
_ROLE_PATTERNS = [
    (rf"(?P<a>{_NAME}) (?:has |had |have )?{_BUY} (?P<p>{_NAME})", "acquisition"),
    (rf"(?P<p>{_NAME}),? (?:which |who )?(?:was|were|has been|had been) "
     rf"(?:acquired|bought|purchased|taken over|absorbed) by (?P<a>{_NAME})", "acquisition"),
    (rf"(?P<a>{_NAME}){_POSSESSIVE} (?:[$€£]?[\d.,]+ ?(?:billion |million |bn |m )?)?"
     rf"(?:acquisition|takeover|purchase) of (?P<p>{_NAME})", "acquisition"),
    (rf"(?P<a>{_AGENTS}) (?:has |have |had )?{_GIVE} (?:[\w$€£.,-]+ ){{0,4}}?{_AID} to (?P<p>{_AGENTS})", "aid"),
    (rf"\b{_AID} from (?P<a>{_AGENTS}) to (?P<p>{_AGENTS})", "aid"),
]
_ROLE_RES = [(_lazy(p), kind) for p, kind in _ROLE_PATTERNS]
# Cheap pre-filters: the patterns only match sentences holding one of these words.
_ROLE_WORDS = _leading_words(*_BUY_FORMS, "taken over", "acquisition", "takeover", "purchase", *_AID_FORMS)
_TREND_WORDS = frozenset(_TREND_OF) | frozenset(_TREND_NOUN_OF)
_OUTCOME_WORDS = _leading_words(*_OUTCOME_OF)
_TREND_FIGURE = re.compile(_FIGURE)
# Agents or patients listed in one claim: "Japan, Korea and Chile".
_LIST_SEPARATOR = re.compile(r",? and |, ")


@dataclass(frozen=True)
class Result:
    sentence: int
    start: int
    end: int
    winner: str | None
    loser: str | None
    score: tuple[int, int] | None

    @property
    def names(self) -> tuple[str | None, ...]:
        return self.winner, self.loser


@dataclass(frozen=True)
class Stance:
    sentence: int
    start: int
    end: int
    agent: str
    group: str
    polarity: int
    verb: str
    object: str
    qualified: bool  # the object is marked as one of several ("the revised plan")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.agent,)


@dataclass(frozen=True)
class Outcome:
    sentence: int
    start: int
    end: int
    subject: str  # "bill", "pension reform"
    polarity: int
    verb: str  # as written: "passed", "was defeated"
    names = ()


@dataclass(frozen=True)
class Trend:
    sentence: int
    start: int
    end: int
    head: str  # the quantity's noun, as a word key: "export"
    modifiers: frozenset[str]  # its other words: "in", "europe"
    direction: int
    figure: str  # "4.2%", "3 points"
    level: bool  # "rose to 4.2%" rather than "rose (by) 4.2%"
    names = ()


@dataclass(frozen=True)
class Role:
    sentence: int
    start: int
    end: int
    kind: str  # "acquisition", "aid"
    agent: str
    patient: str

    @property
    def names(self) -> tuple[str, ...]:
        return self.agent, self.patient


def normalise_name(name: str) -> str:
    name = re.sub(r"^[Tt]he ", "", name)
    return re.sub(rf"{_POSSESSIVE}$", "", name)


def _score(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    a, b = (int(x) for x in re.split(r"[-–]", text))
    return max(a, b), min(a, b)


def results(doc: Document) -> list[Result]:
    found = []
    for sentence in doc.sentences:
        if _RESULT_WORDS.isdisjoint(sentence.word_runs):
            continue
        for pattern, won, lost, words in _RESULTS:
            if words.isdisjoint(sentence.word_runs):
                continue
            for match in pattern.finditer(sentence.text):
                found.append(Result(
                    sentence.index, sentence.start + match.start(), sentence.start + match.end(),
                    normalise_name(match.group(won)) if won else None,
                    normalise_name(match.group(lost)) if lost else None,
                    _score(match.groupdict().get("score")),
                ))
    return found


def _object_words(words: str) -> list[str]:
    """The object's words up to its head: cut at the first preposition or conjunction."""
    kept = []
    for word in words.split():
        if word in _OBJECT_STOP:
            break
        kept.append(word)
    return kept


def stances(doc: Document) -> list[Stance]:
    found = []
    for sentence in doc.sentences:
        if _STANCE_WORDS.isdisjoint(sentence.word_runs):
            continue
        for pattern in _STANCE_RES:
            for match in pattern.finditer(sentence.text):
                words = _object_words(match.group("o"))
                if not words:
                    continue
                object_end = match.start("o") + len(" ".join(words))
                start = sentence.start + min(match.start("a"), match.start("o"))
                end = sentence.start + max(object_end, match.end("v"), match.end("a"))
                group, polarity = _STANCE_OF[match.group("v")]
                qualified = bool(_ONE_OF_SEVERAL.search(sentence.text[match.start():object_end]))
                for agent in _LIST_SEPARATOR.split(match.group("a")):
                    found.append(Stance(
                        sentence.index, start, end, normalise_name(agent), group, polarity,
                        match.group("v"), words[-1], qualified,
                    ))
    return found


def outcomes(doc: Document) -> list[Outcome]:
    """Outcomes told without an agent; subjects marked as one of several are left out."""
    found = []
    for sentence in doc.sentences:
        if _OUTCOME_WORDS.isdisjoint(sentence.word_runs):
            continue
        for match in _OUTCOME_RE.finditer(sentence.text):
            if not _ONE_OF_SEVERAL.search(match.group("s")):
                found.append(Outcome(sentence.index, sentence.start + match.start("claim"),
                                     sentence.start + match.end("claim"), match.group("s"),
                                     _OUTCOME_OF[match.group("v")], sentence.text[match.end("s") + 1:match.end()]))
    return found


def _quantity_words(words: list[str], before_verb: bool) -> list[str]:
    """The quantity's words: after the last break before a verb ("the ministry said exports"),
    before the first break after a noun ("exports to China")."""
    breaks = [i for i, word in enumerate(words) if word.lower() in _SUBJECT_BREAKS]
    if not breaks:
        return words
    return words[breaks[-1] + 1:] if before_verb else words[:breaks[0]]


def _quantity(words: list[str]) -> tuple[str, frozenset[str]] | None:
    """(head, other words) of a quantity's noun phrase ("sales in Europe": "sale", {"in", "europe"})."""
    keys = [word_key(w) for w in words if w.lower() not in _SUBJECT_DETERMINERS]
    if not keys or keys[0] in _PREPOSITIONS or not keys[0].isalpha():
        return None  # no subject, or a sentence-opening phrase ("In May exports rose")
    head = next((i - 1 for i, key in enumerate(keys) if i and key in _PREPOSITIONS), len(keys) - 1)
    return keys[head], frozenset(keys[:head] + keys[head + 1:])


def trends(doc: Document) -> list[Trend]:
    found = []
    for sentence in doc.sentences:
        if _TREND_WORDS.isdisjoint(sentence.word_runs) or not _TREND_FIGURE.search(sentence.text):
            continue
        for pattern, directions, before_verb in _TREND_RES:
            if directions.keys().isdisjoint(sentence.word_runs):
                continue
            for match in pattern.finditer(sentence.text):
                words = _quantity_words(match.group("s").split(), before_verb)
                quantity = _quantity(words)
                if quantity is None:
                    continue
                unit = "%" if "%" in match.group("unit") or "cent" in match.group("unit") else " points"
                figure = f"{match.group('figure')}{unit}"
                start = match.end("s") - 1 - len(" ".join(words)) if before_verb else match.start()
                found.append(Trend(sentence.index, sentence.start + start, sentence.start + match.end(),
                                   *quantity, directions[match.group("v")], figure, match.group("to") == "to "))
    return found


def roles(doc: Document) -> list[Role]:
    found = []
    for sentence in doc.sentences:
        if _ROLE_WORDS.isdisjoint(sentence.word_runs):
            continue
        for pattern, kind in _ROLE_RES:
            for match in pattern.finditer(sentence.text):
                patients = _LIST_SEPARATOR.split(match.group("p"))
                for agent in _LIST_SEPARATOR.split(match.group("a")):
                    for patient in patients:
                        found.append(Role(sentence.index, sentence.start + match.start(),
                                          sentence.start + match.end(), kind,
                                          normalise_name(agent), normalise_name(patient)))
    return found


class NameMatcher:
    """Equal names match; a shorter name matches a longer one ending in it ("City",
    "Manchester City") only when no other longer name also ends in it."""

    def __init__(self, names):
        self.names = {n for n in names if n}

    def _expand(self, name: str) -> str:
        longer = {n for n in self.names if n != name and n.endswith(" " + name)}
        return longer.pop() if len(longer) == 1 else name

    def same(self, a: str | None, b: str | None) -> bool:
        return a is not None and b is not None and self._expand(a) == self._expand(b)


def _sentence(doc: Document, claim) -> str:
    return doc.sentences[claim.sentence].text


def _same_time(doc: Document, earlier, later) -> bool:
    """Both sentences told of the same dates ("in May" and "in June" are two claims), or the
    later one undated and the earlier one without a year. A date only in the later sentence
    moves the story on ("On Tuesday, Brent rose 2%"); a year sets another event ("after the
    2011 tsunami")."""
    first, second = (frozenset(t.lower() for t in _TIME.findall(_sentence(doc, c))) for c in (earlier, later))
    return first == second or (not second and not _YEAR.search(" ".join(first)))


def _same_match(doc: Document, earlier: Result, later: Result, names: NameMatcher) -> bool:
    """Both claims plausibly tell one match: no differing opponents, no other fixture
    named in either sentence."""
    if earlier.winner and earlier.loser and later.winner and later.loser:
        pair = {earlier.winner, earlier.loser}
        if not all(any(names.same(n, p) for p in pair) for n in (later.winner, later.loser)):
            return False
    return not any(_OTHER_FIXTURE.search(_sentence(doc, c)) for c in (earlier, later))


def _result_conflict(doc: Document, earlier: Result, later: Result, names: NameMatcher) -> str | None:
    swapped = (names.same(earlier.winner, later.loser) or names.same(earlier.loser, later.winner))
    same_way = (names.same(earlier.winner, later.winner) or names.same(earlier.loser, later.loser))
    if swapped and not same_way:
        if not _same_match(doc, earlier, later, names):
            return None
        if names.same(earlier.winner, later.loser):
            return f"{earlier.winner} won earlier in the text and loses here"
        return f"{earlier.loser} lost earlier in the text and wins here"
    if same_way and earlier.score and later.score and earlier.score != later.score:
        if not _same_match(doc, earlier, later, names):
            return None
        return f"the same result is given as {'-'.join(map(str, earlier.score))} and {'-'.join(map(str, later.score))}"
    return None


def _comparable(doc: Document, earlier, later) -> bool:
    """Two claims told as facts of one time: no change or correction told in either sentence,
    no reported view in the later one, no two dates."""
    sentences = [_sentence(doc, c) for c in (earlier, later)]
    return (not any(_CHANGE_OF_MIND.search(text) for text in sentences)
            and not _ATTRIBUTION.search(sentences[1]) and _same_time(doc, earlier, later))


def _stance_conflict(doc: Document, earlier: Stance, later: Stance, names: NameMatcher) -> str | None:
    if (later.qualified or earlier.qualified or earlier.group != later.group
            or earlier.polarity == later.polarity or earlier.object != later.object
            or not names.same(earlier.agent, later.agent) or not _comparable(doc, earlier, later)):
        return None
    return f"{later.agent} is said to have {earlier.verb} and {later.verb} the same {later.object}"


def _outcome_conflict(doc: Document, earlier: Outcome, later: Outcome, names: NameMatcher) -> str | None:
    if (earlier.subject != later.subject or earlier.polarity == later.polarity
            or any(_VENUE.search(_sentence(doc, c)) for c in (earlier, later)) or not _comparable(doc, earlier, later)):
        return None
    return f"the {later.subject} {earlier.verb} earlier in the text and {later.verb} here"


def _trend_conflict(doc: Document, earlier: Trend, later: Trend, names: NameMatcher) -> str | None:
    fewer, more = sorted((earlier.modifiers, later.modifiers), key=len)
    if (earlier.head != later.head or (earlier.figure, earlier.level) != (later.figure, later.level)
            or earlier.direction == later.direction or not (fewer == more or fewer and fewer < more)
            or not _comparable(doc, earlier, later)):
        return None
    moves, size = {+1: "rise", -1: "fall"}, f"{'to' if later.level else 'of'} {later.figure}"
    return f"earlier in the text a {moves[earlier.direction]} {size}, here a {moves[later.direction]} {size}"


def _role_conflict(doc: Document, earlier: Role, later: Role, names: NameMatcher) -> str | None:
    if (earlier.kind != later.kind or not names.same(earlier.agent, later.patient)
            or not names.same(earlier.patient, later.agent) or not _comparable(doc, earlier, later)):
        return None
    return f"the {later.kind} runs from {earlier.agent} to {earlier.patient} earlier in the text and the other way here"


# --- moves against their own figures (one sentence) --------------------------------------

_UP_WORDS = "rose|rises|risen|rising|increased|increases|climbed|climbs|grew|grows|jumped|jumps|gained|soared|surged"
_DOWN_WORDS = ("fell|falls|fallen|falling|dropped|drops|declined|declines|decreased|decreases|slipped|slid|"
               "shrank|plunged|plummeted|tumbled|sank")
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
# A figure: sign, currency, digits, scale word and unit (a symbol or a plain word: "tonnes");
# no ordinals ("3rd"). Both figures of a move must share the unit, or one names none.
_AMOUNT = (r"(?P<{0}figure>(?P<{0}sign>[-−]|minus )?[$€£¥]?(?P<{0}digits>\d[\d,]*(?:\.\d+)?)"
           r"(?!\d|st\b|nd\b|rd\b|th\b)(?: ?(?P<{0}scale>thousand|million|billion|trillion|bn|m)\b)?"
           r"(?P<{0}unit> ?%| per ?cent\b| percent\b| percentage points?\b| (?!from\b|to\b|in\b)[a-z]+\b)?)")
_PRIOR = (r"(?:(?:a|an|the|its|their) )?(?:(?:revised|previous|earlier|record|initial|peak|high|low)\s+)*"
          r"(?:(?:peak|high|low|level|figure|total|estimate) of )?")
_VERB_WORDS = frozenset(_UP_WORDS.split("|")) | frozenset(_DOWN_WORDS.split("|"))
_RISE_WORDS = frozenset(_UP_WORDS.split("|")) | {"up", "more"}
# "more likely to X: A did so, compared with B": the group compared comes first (`a_`); both
# are percentages, and a figure followed by "of" names some other group ("30% of men") and
# is left alone.
_ABOUT_FIGURE = r"(?:only |just |about |some |around |nearly |almost )?"
_PERCENT = r"(?:(?<=%)|(?<=cent))"  # the figure just read ends in "%", "per cent" or "percent"
# (pattern, words a sentence must hold all of, words it must hold one of). The later figure
# is `a_`, the earlier `b_`: "rose to A from B", "rose from B to A", "A, up from B".
_MOVES = [
    (_lazy(rf"\b(?P<verb>{_UP_WORDS}|{_DOWN_WORDS})(?: by {_AMOUNT.format('by_')})? to "
                rf"{_AMOUNT.format('a_')},? from {_PRIOR}{_AMOUNT.format('b_')}", re.IGNORECASE),
     frozenset({"to", "from"}), _VERB_WORDS),
    (_lazy(rf"\b(?P<verb>{_UP_WORDS}|{_DOWN_WORDS})(?: by {_AMOUNT.format('by_')})? from {_PRIOR}"
                rf"{_AMOUNT.format('b_')} to {_AMOUNT.format('a_')}", re.IGNORECASE),
     frozenset({"to", "from"}), _VERB_WORDS),
    (_lazy(rf"{_AMOUNT.format('a_')}(?: [\w’'-]+){{0,3}}, (?P<verb>up|down) from {_PRIOR}{_AMOUNT.format('b_')}"),
     frozenset({"from"}), frozenset({"up", "down"})),
    (_lazy(rf"\b(?P<verb>more|less) likely\b[^.;:]{{0,80}}?[:,;—–] {_ABOUT_FIGURE}{_AMOUNT.format('a_')}"
                rf"{_PERCENT}(?! of\b)[^.;:]{{0,60}}?\b(?:compared with|compared to|against|versus|vs\.?) "
                rf"{_ABOUT_FIGURE}{_AMOUNT.format('b_')}{_PERCENT}"),
     frozenset({"likely"}), frozenset({"more", "less"})),
]


@dataclass(frozen=True)
class Move:
    start: int
    end: int
    verb: str  # "rose", "up", "more" ...
    later: str  # the two figures as written: the new value and the old (the group compared
    earlier: str  # and the other, for "more likely")


def _amount(match: re.Match[str], side: str) -> tuple[float, str] | None:
    """The value of one figure of a move and its unit ("" for none); None for a figure that
    is no amount."""
    digits, scale, unit = match.group(side + "digits"), match.group(side + "scale"), match.group(side + "unit")
    if re.search(r",\d{1,2}(?!\d)|,\d{4}", digits) or (_YEAR.fullmatch(digits) and not scale and not unit):
        return None  # a decimal comma or a list ("3,5"), a year: not a figure to compare
    value = float(digits.replace(",", "")) * _MULTIPLIERS.get((scale or "").lower(), 1)
    sign = -1 if match.group(side + "sign") else 1
    return sign * value, (unit or "").strip().replace("percent", "%").replace("per cent", "%")


def moves(doc: Document) -> list[Move]:
    """Moves in one sentence whose verb and figures point different ways."""
    found = []
    for sentence in doc.sentences:
        words = sentence.word_runs
        for pattern, needed, one_of in _MOVES:
            if not needed <= words or one_of.isdisjoint(words):
                continue
            for match in pattern.finditer(sentence.text):
                later, earlier = _amount(match, "a_"), _amount(match, "b_")
                if not later or not earlier or later[0] == earlier[0] or (
                        later[1] != earlier[1] and later[1] and earlier[1]):
                    continue
                if (later[0] > earlier[0]) != (match.group("verb").lower() in _RISE_WORDS):
                    start, end = sentence.start + match.start(), sentence.start + match.end()
                    found.append(Move(start, end, match.group("verb"), match.group("a_figure"), match.group("b_figure")))
    return found


# Each kind of claim: how to read it, and what makes a later claim contradict an earlier one.
_CLAIM_KINDS = [
    (results, _result_conflict),
    (stances, _stance_conflict),
    (outcomes, _outcome_conflict),
    (trends, _trend_conflict),
    (roles, _role_conflict),
]


class Contradiction(Check):
    """A later sentence reversing an earlier one: the winner becomes the loser, a result
    changes its score, an agent both accepts and rejects the same thing, a vote both
    passes and fails, a figure both rises and falls, a buyer becomes the bought; and a
    sentence whose verb of change and figures point different ways.

    Flagged: "The Falcons beat the Rovers 3-1 on Saturday. ... the Rovers' victory over
    the Falcons" (roles swapped); "City won 3-1. ... The defeat leaves City fourth.";
    "Exports rose 4.2%. ... Exports fell 4.2% as demand weakened."; "Unemployment rose
    to 4.1% from 7.6%." (the figures fall)
    Clean: "The council rejected the first plan. It approved the revised plan in May."
    (a told change, two objects); "was accepted by the rebels but rejected by the
    government ... was rejected by the government" (consistent); "Exports rose 3% in
    May. Exports fell 3% in June." (two periods); "The club rose from 10th to 3rd."
    (ranks).
    """

    id = "contradiction"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        for move in moves(doc):
            higher = "higher" if move.verb.lower() in _RISE_WORDS else "lower"
            yield self.finding(
                doc, move.start, move.end,
                f"'{move.verb}' says {move.later} is {higher} than {move.earlier}, and it is not: "
                "the words and the figures disagree",
            )
        for read, conflict in _CLAIM_KINDS:
            claims = read(doc)
            names = NameMatcher(name for claim in claims for name in claim.names)
            reported: set[int] = set()
            for later in claims:
                for earlier in claims:
                    if earlier.sentence >= later.sentence or later.start in reported:
                        continue
                    message = conflict(doc, earlier, later, names)
                    if message:
                        reported.add(later.start)
                        yield self._finding(doc, earlier, later, message)

    def _finding(self, doc: Document, earlier, later, message: str) -> Finding:
        told, before = doc.text[later.start:later.end], doc.text[earlier.start:earlier.end]
        return self.finding(doc, later.start, later.end, f"'{told}' contradicts '{before}': {message}",
                            earlier=before, earlier_start=earlier.start)
