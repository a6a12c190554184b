"""Roles and titles attached to the names they qualify, read from the words around a name
mention with the role-word list `mtaudit/data/titles.txt`:

- before the name, inside its capitalised run or just before it: "Interior Minister Karim
  Haddad", "former mayor Ana Ruiz", and roles joined by "and" ("party leader and close ally
  Ana Ruiz");
- as an appositive before it: "the town's mayor, Ana Ruiz," "their captain, Marta Nowak,";
- as an appositive after it: "Haddad, the interior minister," "Ruiz, a former member of
  parliament," "Rojas, the observatory's deputy director", and roles joined by "and" ("Nair,
  the company's co-founder and chief executive,").

Each role knows whether it was held ("former", "ex-"), its rank ("deputy", "vice" below the
office, also in the title itself: an "undersecretary" is a deputy secretary; "chief" above it:
"Chief Justice"; "co-" and "lead" author), the words that qualify
it ("interior", "parliament") with an "of" or "for" complement ("councillor for culture"),
the portfolios they name ("finance" for "treasury secretary"), the body it belongs to when
one can be read, whether an organisation qualifies it ("party president", "UEFA president"),
whether it is unstable to compare: dated ("then-mayor", "the late president",
"president-elect", "under President Ruiz", "retired") or near words that tell of a career
change or a date ("now", "became", "since", "in 2019", "turned"), and whether words near it
say that the person holds another role as well ("who is also finance minister").
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass

from mtaudit.model import Document, Sentence, Token
from mtaudit.views.mentions import Surname, surname_mentions
from mtaudit.views.titles import is_title_word, longest_title, title_phrases, title_words

FORMER_MARKERS = frozenset({"former", "ex", "formerly", "erstwhile", "onetime"})
# Rank markers: anywhere among a role's modifiers ("deputy foreign minister")...
LOWER_RANK_MARKERS = frozenset({"deputy", "vice", "assistant", "lieutenant"})
# ... or in the title itself, which then names the office it is below.
DEPUTY_TITLES = {"undersecretary": "secretary", "under secretary": "secretary"}
# "Chief" right before the head makes another office only for some heads: a Chief Justice is
# no ordinary justice, but a chief negotiator or chief prosecutor is also called "negotiator".
CHIEF_OFFICES = frozenset({"justice", "minister", "secretary", "superintendent"})
# Shared ranks, right before the head: a co-author is one of several, a lead author the first;
# both are also called "author", so they oppose each other only.
SHARED_RANK_MARKER = "co"
LEAD_RANK_MARKER = "lead"
# Ranks whose holders are addressed by the base rank: a lieutenant general is "General Ruiz".
ADDRESSED_BY_BASE_RANK = frozenset({"admiral", "colonel", "commander", "general", "marshal"})
# Roles read at another time than the text's present: not comparable with current roles.
DATED_MARKERS = frozenset(
    {"then", "late", "elect", "designate", "incoming", "future", "acting", "interim", "retired", "new", "newly"})
# "served under President Ruiz": a role seen from another time or rank.
DATING_PREPOSITIONS = frozenset({"under"})
# Modifiers that say when or at what rank, not which office.
NOT_QUALIFIERS = FORMER_MARKERS | LOWER_RANK_MARKERS | DATED_MARKERS | {"chief", SHARED_RANK_MARKER, LEAD_RANK_MARKER}
# Words near a role that tell of a change of role or date it.
# Verbs of a move from one role to another ("was moved to the foreign ministry").
CAREER_MOVE_WORDS = frozenset(
    "became become becomes becoming elected appointed appoint appoints named nominated promoted demoted "
    "succeeded succeeding replace replaced replaces replacing resigned turned moved moving transferred switched "
    "reshuffle reshuffled sworn retire retires retiring stepped quit quits ousted sacked dismissed".split()
)
CAREER_CHANGE_WORDS = CAREER_MOVE_WORDS | frozenset(
    "now later since returned until previously formerly trained".split())
# "now" after a modal times an action, not a role ("her team would now study the reefs").
MODALS = frozenset("would will can could should shall must may might".split())
# Words that say a person holds a role besides another, when a role word follows them closely
# ("who is also foreign minister", "doubles as the town's treasurer").
CONCURRENCY_WORDS = frozenset({"also", "both", "concurrently", "simultaneously", "doubles", "additionally"})
CONCURRENT_ROLE_DISTANCE = 4
_YEAR = re.compile(r"(?:19|20)\d\d")
# Tokens before and after a role and its name searched for career-change words.
CAREER_WINDOW_BEFORE = 4
CAREER_WINDOW_AFTER = 10
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "your"})
# Words that end a role's noun phrase: conjunctions, prepositions ("served under President
# Ruiz" makes no under-president), pronouns and common verbs.
PHRASE_BREAKS = DETERMINERS | frozenset(
    "and or but nor with by for to from at on in into of as than like under over about against "
    "between among during without via per including alongside behind through towards toward "
    "upon within across who whom whose which while when where after before said says told is "
    "was are were be been has had have not also met".split()
)
_VERB_ENDINGS = ("ed", "ing")
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
MAX_MODIFIERS = 4
MAX_APPOSITIVE_WORDS = 6
MAX_COMPLEMENT_WORDS = 3
COMPLEMENT_PREPOSITIONS = frozenset({"of", "for"})
COORDINATORS = frozenset({"and", "&", ","})

# Bodies, as they qualify a role ("parliament speaker") or are implied by a member's title.
BODY_WORDS = {
    "parliament": "parliament", "parliamentary": "parliament", "senate": "senate",
    "congress": "congress", "council": "council", "assembly": "assembly", "board": "board",
    "committee": "committee", "commission": "commission", "legislature": "legislature",
}
MEMBER_BODIES = {
    "mp": "parliament", "parliamentarian": "parliament", "senator": "senate",
    "congressman": "congress", "congresswoman": "congress", "councillor": "council",
    "councilor": "council", "councilman": "council", "councilwoman": "council",
    "assemblyman": "assembly", "assemblywoman": "assembly", "assemblymember": "assembly",
}
PRESIDING_HEADS = frozenset({"speaker", "chair", "chairman", "chairwoman", "chairperson", "president"})
# Nouns that make a role an organisation's ("party president", "central bank governor").
ORGANISATION_WORDS = frozenset(
    "party club team school prison bank company firm university college association federation union league "
    "cooperative "
    "foundation group society institute corporation church agency authority fund network movement "
    "alliance front organisation organization chamber academy court tribunal hospital museum".split()
)
# Acronyms this long name organisations ("UEFA president"); shorter ones are mostly countries ("US").
MIN_ORGANISATION_ACRONYM = 3
# Government portfolios, each with the words that name it in a role ("treasury secretary",
# "minister for culture"). Portfolios often merged into one ministry share a family, so that
# "economy minister" and "finance minister" stay one office; a word may name two.
PORTFOLIO_FAMILIES = {
    "finance": "finance financial economy economic treasury budget fiscal trade commerce industry industrial "
               "investment",
    "foreign affairs": "foreign external",
    "interior": "interior home internal security police policing immigration",
    "defence": "defence defense military army navy veterans security",
    "health": "health hospitals",
    "education": "education schools universities skills",
    "justice": "justice",
    "agriculture": "agriculture agricultural farming fisheries livestock",
    "energy": "energy petroleum mining mines electricity",
    "environment": "environment environmental climate forestry forests",
    "transport": "transport transportation roads infrastructure aviation railways",
    "labour": "employment pensions welfare",  # not "Labour": a party ("Labour councillor")
    "culture": "culture cultural arts heritage tourism sport sports youth",
    "housing": "housing",
}
_PORTFOLIOS_OF_WORD = {
    word: frozenset(family for family, words in PORTFOLIO_FAMILIES.items() if word in words.split())
    for word in " ".join(PORTFOLIO_FAMILIES.values()).split()
}


@dataclass(frozen=True)
class Role:
    """A role or title given to a person: `text` is `doc.text[start:end]`, its modifiers,
    head and complement ("Former Chilean parliamentarian", "member of parliament")."""

    text: str
    start: int
    end: int
    sentence: int
    head: str
    person: Surname
    former: bool
    rank: str | None  # "deputy" (deputy, vice, ...), "chief", "co" or "lead"; None for the office itself
    qualifiers: frozenset[str]
    portfolios: frozenset[str]  # families of PORTFOLIO_FAMILIES named by the role's words
    body: str | None
    organisational: bool  # qualified by an organisation ("party president", "UEFA president")
    unstable: bool
    concurrent: bool  # near words saying the person holds another role as well

    @property
    def member_of(self) -> str | None:
        return MEMBER_BODIES.get(self.head) or (self.body if self.head == "member" else None)

    @property
    def presides_over(self) -> str | None:
        return self.body if self.head in PRESIDING_HEADS else None


def person_given_name(surname: Surname) -> str | None:
    """The given name written with a surname, a title before it not counted ("Mayor Ruiz")."""
    return None if surname.given is None or is_title_word(surname.given) else surname.given


_TEXT = operator.attrgetter("text")
_START = operator.attrgetter("start")
_END = operator.attrgetter("end")


def _lowered_tokens(doc: Document) -> dict[int, list[str]]:
    """The tokens in lower case of each sentence that names someone, by sentence index."""
    named = {surname.mention.sentence for surname in doc.view(surname_mentions)}
    return {index: list(map(str.lower, map(_TEXT, doc.sentences[index].tokens))) for index in named}


def people_changing_roles(doc: Document) -> frozenset[str]:
    """Keys of the surnames named in a sentence that tells of a move from one role to another
    ("Berg was moved to the foreign ministry on Thursday"), with or without a role."""
    moves = {index for index, lowered in doc.view(_lowered_tokens).items()
             if not CAREER_MOVE_WORDS.isdisjoint(lowered)}
    return frozenset(surname.key for surname in doc.view(surname_mentions) if surname.mention.sentence in moves)


def person_roles(doc: Document) -> tuple[Role, ...]:
    """Every role attached to a name mention, in text order."""
    by_sentence: dict[int, list[Surname]] = {}
    for surname in doc.view(surname_mentions):
        by_sentence.setdefault(surname.mention.sentence, []).append(surname)
    roles: list[Role] = []
    lowered = doc.view(_lowered_tokens)
    for index, surnames in by_sentence.items():
        if title_words().isdisjoint(lowered[index]):
            continue
        reader = _SentenceReader(doc.text, doc.sentences[index], lowered[index])
        for surname in surnames:
            if not all(is_title_word(part) for part in surname.text.split("-")):  # "Director-General"
                roles.extend(reader.roles_of(surname))
    return tuple(sorted(roles, key=lambda role: (role.start, role.end)))


def _office_and_rank(head: str, modifiers: list[str]) -> tuple[str, str | None]:
    """The office a role's head names and the role's rank in it ("undersecretary": a deputy
    of the secretary)."""
    if head in DEPUTY_TITLES:
        return DEPUTY_TITLES[head], "deputy"
    return head, _rank(head, modifiers)


def _rank(head: str, modifiers: list[str]) -> str | None:
    """ "deputy" for a deputy, vice, assistant... of the office, "chief" for a chief of it."""
    if head in ADDRESSED_BY_BASE_RANK:
        return None
    if any(word in LOWER_RANK_MARKERS for word in modifiers):
        return "deputy"
    last_modifier = modifiers[-1] if modifiers else None
    if last_modifier == "chief" and head in CHIEF_OFFICES:
        return "chief"
    if last_modifier in (SHARED_RANK_MARKER, LEAD_RANK_MARKER):
        return last_modifier
    return None


class _SentenceReader:
    """Finds role phrases around the name mentions of one sentence (token indices)."""

    def __init__(self, text: str, sentence: Sentence, lower: list[str]):
        self.text = text
        self.sentence = sentence
        self.tokens: tuple[Token, ...] = sentence.tokens
        self.lower = lower  # the tokens in lower case

    def roles_of(self, surname: Surname) -> list[Role]:
        first = self._index(surname.mention.start, _START)
        last = self._index(surname.mention.end, _END)
        if first is None or last is None:
            return []
        heads = self._heads_before(first, last) + self._head_in_appositive_before(first, last) \
            + self._heads_in_appositive_after(last)
        return [self._role(surname, first, last, head_end, floor) for head_end, floor in heads]

    def _index(self, offset: int, edge: operator.attrgetter) -> int | None:
        """The index of the token whose start (or end: `edge`) is at `offset`, if any."""
        i = bisect.bisect_left(self.tokens, offset, key=edge)
        return i if i < len(self.tokens) and edge(self.tokens[i]) == offset else None

    def _heads_before(self, first: int, last: int) -> list[tuple[int, int | None]]:
        """Heads of roles right before the name, as (index, modifier floor): inside the
        mention ("Interior Minister Karim Haddad") or just before it ("former mayor Ana
        Ruiz"), with any joined by "and"."""
        head_end = next((i for i in range(last - 1, first - 1, -1) if self._title_ends_at(i)), None)
        if head_end is None and first > 0 and self._plain_gap(first - 1) and self._title_ends_at(first - 1):
            head_end = first - 1
        if head_end is None:
            return []
        heads = [(head_end, None)]
        while True:
            start = self._modifiers_start(head_end - self._title_ends_at(head_end) + 1, None)
            conjunction, previous = start - 1, start - 2
            if previous < 0 or self.lower[conjunction] != "and" or not self._plain_gap(previous) \
                    or not self._title_ends_at(previous):
                return heads
            head_end = previous
            heads.append((head_end, None))

    def _head_in_appositive_before(self, first: int, last: int) -> list[tuple[int, int | None]]:
        """ "the town's mayor, Ana Ruiz, said", "the city's councillor for housing, Femi
        Adebayo, said": a role, with any complement, closed by a comma before the name, with
        the name closed by a comma or the sentence's end."""
        after = self.lower[last + 1] if last + 1 < len(self.tokens) else "."
        if first < 2 or self.lower[first - 1] != "," or after not in {",", ".", ";", ")"}:
            return []
        if self._title_ends_at(first - 2):
            return [(first - 2, None)]
        # Back over the complement's words to its preposition: "for culture", "of the city".
        lowest = max(1, first - 3 - MAX_COMPLEMENT_WORDS)
        preposition = first - 2
        while preposition > lowest and (self._phrase_word(preposition) or self.lower[preposition] == "the"):
            preposition -= 1
        if preposition < first - 2 and self.lower[preposition] in COMPLEMENT_PREPOSITIONS \
                and self._title_ends_at(preposition - 1):
            return [(preposition - 1, None)]
        return []

    def _heads_in_appositive_after(self, last: int) -> list[tuple[int, int | None]]:
        """ "Haddad, the interior minister," "Rojas, the observatory's deputy director": the
        last title among the phrase's words, not a possessor ("the mayor's spokesman") nor
        followed by a name it would belong to; and a title joined to it by "and" without a
        determiner ("Nair, the company's co-founder and chief executive,", not "Ruiz, the
        mayor and her deputy, Luis Gomez")."""
        i = last + 1
        if i >= len(self.tokens) or self.tokens[i].text != ",":
            return []
        heads: list[tuple[int, int | None]] = []
        found = self._appositive_head(i + 1)
        while found is not None:
            head_end, floor, after = found
            heads.append((head_end, floor))
            if after + 1 >= len(self.tokens) or self.lower[after] != "and" or self.lower[after + 1] in DETERMINERS:
                break
            found = self._appositive_head(after + 1)
            if found is not None and self._before_a_name(found[2]):
                break  # "Ruiz, the mayor and deputy, Luis Gomez": a title of the next name
        return heads

    def _before_a_name(self, i: int) -> bool:
        """Whether token `i` is a comma followed by a capitalised word."""
        return i + 1 < len(self.tokens) and self.lower[i] == "," and self.tokens[i + 1].is_capitalised

    def _appositive_head(self, i: int) -> tuple[int, int, int] | None:
        """The head of the role phrase of an appositive starting at token `i`, with the first
        index its modifiers may reach and the index of the token after the phrase."""
        if i < len(self.tokens) and self.lower[i] in DETERMINERS:
            i += 1
        if i + 1 < len(self.tokens) and self.lower[i + 1] in _POSSESSIVE and self._phrase_word(i):
            i += 2  # a possessor: "the observatory's"
        head_end = None
        j, limit = i, min(i + MAX_APPOSITIVE_WORDS, len(self.tokens))
        while j < limit and (self.lower[j] in _POSSESSIVE or self._phrase_word(j)):
            if self.lower[j] in _POSSESSIVE:
                head_end = None  # "Ruiz, the mayor's spokesman": the mayor is another person
            elif self._title_ends_at(j):
                head_end = j
            j += 1
        if head_end is None or (head_end + 1 < len(self.tokens) and self.tokens[head_end + 1].is_capitalised):
            return None  # "On Friday, Kenyan President William Ruto": a title of the next name
        return head_end, i, j

    def _role(self, surname: Surname, first: int, last: int, head_end: int, floor: int | None) -> Role:
        head_start = head_end - self._title_ends_at(head_end) + 1
        if head_start < head_end and self.tokens[head_start].text in DATING_PREPOSITIONS \
                and self.text[self.tokens[head_start].end:self.tokens[head_start + 1].start].isspace():
            head_start += 1  # "served under Secretary Ruiz": a preposition, not an under-secretary
        start = self._modifiers_start(head_start, floor)
        modifiers = self.lower[start:head_start]
        complement = self._complement(head_end, first, last)
        end = head_end + len(complement)
        if complement:
            end += 1 + (self.lower[head_end + 2] == "the")  # "of", "of the"
        after_head = self.lower[head_end + 1] if head_end + 1 < len(self.tokens) else ""
        before_role = self.lower[start - 1] if start > 0 else ""
        head, rank = _office_and_rank(" ".join(self.lower[head_start:head_end + 1]), modifiers)
        window = range(max(0, min(start, first) - CAREER_WINDOW_BEFORE),
                       min(len(self.tokens), max(end, last) + CAREER_WINDOW_AFTER + 1))
        described_by = modifiers + complement + self._coordinated_words(start, end)
        qualifying = [i for i in [*range(start, head_start), *range(end - len(complement) + 1, end + 1)]
                      if self.lower[i] not in NOT_QUALIFIERS]
        return Role(
            text=self.text[self.tokens[start].start:self.tokens[end].end],
            start=self.tokens[start].start,
            end=self.tokens[end].end,
            sentence=self.sentence.index,
            head=head,
            person=surname,
            former=any(word in FORMER_MARKERS for word in modifiers),
            rank=rank,
            qualifiers=frozenset(self.lower[i] for i in qualifying),
            portfolios=frozenset().union(*(_PORTFOLIOS_OF_WORD.get(word, ()) for word in described_by)),
            body=next((BODY_WORDS[w] for w in modifiers + complement if w in BODY_WORDS), None),
            organisational=self._organisational(start, qualifying),
            unstable=after_head in DATED_MARKERS or before_role in DATING_PREPOSITIONS
            or any(word in DATED_MARKERS for word in modifiers)
            or self._career_change(window),
            concurrent=self._concurrent(window),
        )

    def _career_change(self, window: range) -> bool:
        """Whether a word in the window tells of a career change or a date."""
        for i in window:
            word = self.lower[i]
            if (word in CAREER_CHANGE_WORDS and not (word == "now" and i > 0 and self.lower[i - 1] in MODALS)) \
                    or _YEAR.fullmatch(word):
                return True
        return False

    def _coordinated_words(self, start: int, end: int) -> list[str]:
        """Portfolio words coordinated with a role's own: "Health and Social Care Secretary",
        "minister of finance and economy"."""
        words = []
        i = start - 2
        while i >= 0 and self.lower[i + 1] in COORDINATORS and self.lower[i] in _PORTFOLIOS_OF_WORD:
            words.append(self.lower[i])
            i -= 2
        i = end + 2
        while i < len(self.tokens) and self.lower[i - 1] in COORDINATORS and self.lower[i] in _PORTFOLIOS_OF_WORD:
            words.append(self.lower[i])
            i += 2
        return words

    def _organisational(self, start: int, qualifying: list[int]) -> bool:
        """Whether an organisation qualifies the role, possessor included: a body or
        organisation noun, or an acronym ("UEFA president", "the party's president", "president
        of the football federation")."""
        possessor = [start - 2] if start >= 2 and self.lower[start - 1] in _POSSESSIVE else []
        for i in [*possessor, *qualifying]:
            word, written = self.lower[i], self.tokens[i].text
            if word in BODY_WORDS or word in ORGANISATION_WORDS \
                    or (len(written) >= MIN_ORGANISATION_ACRONYM and written.isupper() and written.isalpha()):
                return True
        return False

    def _concurrent(self, window: range) -> bool:
        """Whether a concurrency word in the window is followed closely by a role or
        portfolio word ("who is also foreign minister", "also holds the finance portfolio")."""
        for i in window:
            if self.lower[i] in CONCURRENCY_WORDS:
                following = self.lower[i + 1:i + 1 + CONCURRENT_ROLE_DISTANCE]
                if any(is_title_word(word) or word in _PORTFOLIOS_OF_WORD or word == "portfolio"
                       for word in following):
                    return True
        return False

    def _modifiers_start(self, head_start: int, floor: int | None) -> int:
        """Index of the first modifier before a head ("former Chilean" parliamentarian). A
        time marker opens the phrase ("accused former president"); a lower-case word in -ed
        or -ing is read as a verb and ends it."""
        floor = max(0, head_start - MAX_MODIFIERS) if floor is None else floor
        start = head_start
        while start - 1 >= floor and self._phrase_word(start - 1) and self._plain_gap(start - 1):
            word = self.lower[start - 1]
            if word in FORMER_MARKERS or word in DATED_MARKERS:
                return start - 1
            if self.tokens[start - 1].text.islower() and word.endswith(_VERB_ENDINGS):
                return start
            start -= 1
        return start

    def _complement(self, head_end: int, first: int, last: int) -> list[str]:
        """The words of an "of" or "for" complement ("member of parliament", "speaker of the
        house", "councillor for culture"), the person's own name left out."""
        j = head_end + 2
        if j >= len(self.tokens) or self.lower[head_end + 1] not in COMPLEMENT_PREPOSITIONS:
            return []
        if self.lower[j] == "the":
            j += 1
        words: list[str] = []
        while j < len(self.tokens) and len(words) < MAX_COMPLEMENT_WORDS and self._phrase_word(j) \
                and not first <= j <= last:
            words.append(self.lower[j])
            j += 1
        return words

    def _title_ends_at(self, i: int) -> int:
        """Words in the longest title ending at token `i` (0 when none does)."""
        if self.lower[i] not in title_words():
            return 0  # no title ends with this word
        phrases = title_phrases()
        for length in range(min(longest_title(), i + 1), 0, -1):
            if tuple(self.lower[i - length + 1:i + 1]) in phrases:
                return length
        return 0

    def _phrase_word(self, i: int) -> bool:
        """Whether token `i` may belong to a role's noun phrase."""
        return self.tokens[i].is_word and self.lower[i] not in PHRASE_BREAKS and self.lower[i] not in _POSSESSIVE

    def _plain_gap(self, i: int) -> bool:
        """Whether token `i` and the next are joined by a space or a hyphen (no punctuation)."""
        gap = self.text[self.tokens[i].end:self.tokens[i + 1].start]
        return gap in ("-", "") or gap.isspace()
