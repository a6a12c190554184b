"""One person given incompatible roles or titles.

Spinners and round-trip translation rewrite titles one mention at a time, so one person ends
up "former parliamentarian" in one paragraph and "parliament speaker" in the next, or a mayor
becomes a governor and a cardiologist a dermatologist. The roles view
(`mtaudit/views/roles.py`) attaches role phrases to names; this check compares the roles of
each person and reports these kinds of conflict:

- a "former X" and a current X of the same office ("former mayor Ana Ruiz" / "Mayor Ana Ruiz");
- the presiding officer of a body and a former member of it ("Senate president Ferreyra" /
  "former senator Ferreyra"), or a speaker and an ordinary member ("parliament speaker
  Varga" / "Varga, a member of parliament");
- opposite ranks of one office ("captain" / "vice-captain", "chairman" / "deputy chairman",
  "lead author" / "co-author", "deputy chief inspector" / "Chief Inspector", "undersecretary"
  / "Secretary");
- two offices that exclude each other, both held now and given in different sentences: two
  offices governing a place ("Mayor Lucia Neri" / "Governor Neri"), two government portfolios
  ("health minister" / "finance minister"), a governing office and a portfolio ("Mayor Ruiz" /
  "Ruiz, the councillor for housing"), two officers of one organisation (two chief officers:
  "chief executive" / "chief financial officer"; the chief executive and a vice-president; the
  treasurer and the president or chair: "union president" / "union treasurer"), two
  professions or two medical specialties ("a surgeon" / "a lawyer", "a cardiologist" / "a
  dermatologist").

People are matched by surname ("Varga" is "Tomas Varga", "Quispe" is "Valentina Quispe
Mamani" when the text calls her "Quispe"); when the text names several people
with one surname, only roles given with the same given name are compared. Roles in a sentence
that tells of a career change or dates them ("now", "became", "in 2019", "then-mayor") are not
compared. A former office never conflicts with a different current one ("former mayor" /
"governor", "former foreign minister" / "interior minister"), nor do roles whose qualifiers
name different bodies ("former mayor of Lyon" / "mayor of Paris"). Offices are exclusive only
within the tables below, as people often hold several roles at once ("club captain" /
"national captain", "mayor" / "councillor", "prime minister" / "party president", "chairman"
or "president" / "chief executive", "secretary" / "treasurer"): an
organisation's office ("party president", "central bank governor") governs no place, offices
given to one name mention ("Prime Minister and Foreign Minister Ana Ruiz") are held together,
and different offices are not compared for a person said anywhere to hold a role besides
another ("who is also finance minister") or to change roles ("Berg was moved to the foreign
ministry", "the new defence minister").
"""

from __future__ import annotations

from typing import Iterator

from mtaudit.checks.base import Check, CheckContext
from mtaudit.model import Document, Finding, Severity
from mtaudit.views.mentions import surname_mentions
from mtaudit.views.roles import Role, people_changing_roles, person_given_name, person_roles

# Presiding titles read as incompatible with being called a plain member of the same body
# ("parliament speaker" / "parliamentarian"); a Senate president is often also "Senator".
ORDINARY_MEMBER_CONFLICTS = frozenset({"speaker"})
# Ranks that are also called by the plain office: a co-author or the lead author is "an author".
RANKS_CALLED_BY_THE_OFFICE = frozenset({"co", "lead"})
# An organisation's chief officers, by the office each title names ("CEO" is the chief executive).
CHIEF_OFFICERS = {
    "chief executive": "chief executive", "chief executive officer": "chief executive", "ceo": "chief executive",
    "chief financial officer": "chief financial officer", "cfo": "chief financial officer",
    "chief operating officer": "chief operating officer", "coo": "chief operating officer",
    "chief technology officer": "chief technology officer", "cto": "chief technology officer",
}
# The chief executive also goes by "president" ("president and chief executive"), so the deputy
# of one is not the other ("vice-president" / "chief executive").
TOP_EXECUTIVES = frozenset({"president", "chief executive"})
# Offices a treasurer does not hold at once: an organisation's presiding and chief officers,
# other than the chief financial officer (a treasurer's own field).
TREASURER = "treasurer"
CHIEF_FINANCIAL_OFFICER = "chief financial officer"
PRESIDING_OFFICES = {"president": "president", "chair": "chair", "chairman": "chair", "chairwoman": "chair",
                     "chairperson": "chair"}
# Offices that govern a place, by the office they name ("premier" is a prime minister): one
# person holds one of them at a time.
GOVERNING_OFFICES = {
    "mayor": "mayor", "governor": "governor", "premier": "prime minister",
    "prime minister": "prime minister", "president": "president",
}
# Levels of government below the nation, whose governing offices go by several names.
GOVERNMENT_LEVELS = frozenset(
    "municipal regional provincial county district prefectural departmental cantonal local".split()
)
# Heads of roles whose portfolio words name the office ("health minister", "councillor for
# culture", "police spokesman").
PORTFOLIO_HEADS = frozenset(
    "minister secretary councillor councilor commissioner spokesman spokeswoman spokesperson director chief".split()
)
# Professions by field: one person is not in two of them ("a surgeon" / "a lawyer").
PROFESSION_FIELDS = {
    "law": "lawyer attorney barrister solicitor",
    "medicine": "doctor physician surgeon anaesthetist anesthesiologist anesthetist cardiologist dermatologist "
                "endocrinologist gastroenterologist geriatrician gynaecologist gynecologist haematologist "
                "hematologist nephrologist neurologist obstetrician oncologist ophthalmologist paediatrician "
                "pathologist pediatrician psychiatrist radiologist rheumatologist urologist",
    "nursing": "nurse midwife",
    "dentistry": "dentist",
    "pharmacy": "pharmacist",
    "veterinary medicine": "veterinarian",
    "engineering": "engineer",
    "accountancy": "accountant",
}
FIELD_OF_PROFESSION = {word: field for field, words in PROFESSION_FIELDS.items() for word in words.split()}
# Medical specialties by the stems of their words ("paediatric oncologist" names two): a doctor,
# physician or surgeon names none and fits any.
MEDICAL_SPECIALTIES = {
    "anaesthesia": ("anaesthe", "anesthe"), "cardiology": ("cardiolog",), "dermatology": ("dermatolog",),
    "endocrinology": ("endocrinolog",), "gastroenterology": ("gastroenterolog",), "geriatrics": ("geriatric",),
    "gynaecology": ("gynaecolog", "gynecolog", "obstetric"), "haematology": ("haematolog", "hematolog"),
    "nephrology": ("nephrolog",), "neurology": ("neurolog",), "oncology": ("oncolog",),
    "ophthalmology": ("ophthalmolog",), "paediatrics": ("paediatric", "pediatric"), "pathology": ("patholog",),
    "psychiatry": ("psychiatr",), "radiology": ("radiolog",), "rheumatology": ("rheumatolog",),
    "urology": ("urolog",),
}


class TitleConflict(Check):
    """One person given incompatible roles or titles.

    Flagged: "Former mayor Ana Ruiz opened the fair. ... Mayor Ana Ruiz said the budget was
    final." (a former and a current mayor)
    Clean: "Ana Ruiz, a former mayor, now governs the province." (a career change stated as such)
    """

    id = "title-conflict"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        by_surname: dict[str, list[Role]] = {}
        for role in doc.view(person_roles):
            if not role.unstable:
                by_surname.setdefault(role.person.key, []).append(role)
        if not any(len(roles) > 1 for roles in by_surname.values()):
            return
        given_names = _given_names_by_surname(doc)
        # People said to hold a role besides another, or whose roles change or are dated
        # somewhere in the text: their different offices may all be right.
        several_roles = doc.view(people_changing_roles) | {
            role.person.key for role in doc.view(person_roles) if role.concurrent or role.unstable}
        held_together = _offices_held_together(doc.view(person_roles))
        for key, roles in by_surname.items():
            yield from self._conflicts(doc, roles, given_names.get(key, set()), key in several_roles,
                                       held_together.get(key, set()))

    def _conflicts(self, doc: Document, roles: list[Role], given_names: set[str], several_roles: bool,
                   held_together: set[frozenset]) -> Iterator[Finding]:
        """Findings among the roles given with one surname, each later role against the
        earlier ones; one finding per pair of offices. `several_roles`: the text says that the
        person holds a role besides another or changes roles; `held_together`: pairs of offices
        that the text gives to one name mention."""
        reported: set[tuple] = set()
        for position, later in enumerate(roles):
            for earlier in roles[:position]:
                if not _same_person(earlier, later, given_names):
                    continue
                key = frozenset((_office(earlier), _office(later)))
                if key in reported or key in held_together:
                    continue
                reason = conflict(earlier, later, several_roles)
                if reason is None:
                    continue
                reported.add(key)
                name = _display_name(later, given_names)
                yield self.finding(
                    doc, later.start, later.end,
                    f"'{name}' is called '{later.text}' here but '{earlier.text}' in sentence "
                    f"{earlier.sentence + 1}: {reason}",
                    person=name, roles=[earlier.text, later.text],
                    earlier_span=[earlier.start, earlier.end],
                )
                break


def conflict(earlier: Role, later: Role, several_roles: bool = False) -> str | None:
    """Why two roles of one person cannot both hold, or None when they can. `several_roles`:
    the text says that the person holds a role besides another or changes roles, so different
    offices may all be right."""
    if several_roles:
        return _one_office_conflict(earlier, later)
    return _one_office_conflict(earlier, later) or _exclusive_offices_conflict(earlier, later)


def _one_office_conflict(earlier: Role, later: Role) -> str | None:
    """Former and current, presiding officer and member, or opposite ranks of one office."""
    if not _compatible_qualifiers(earlier, later):
        return None
    head, other_head = _office_head(earlier), _office_head(later)
    same_head = head == other_head
    if same_head and earlier.rank == later.rank and earlier.former != later.former:
        return f"a former {other_head} is not the current one"
    for presiding, member in ((earlier, later), (later, earlier)):
        body = presiding.presides_over
        if body and not presiding.former and body == member.member_of \
                and (member.former or presiding.head in ORDINARY_MEMBER_CONFLICTS):
            kind = "a former" if member.former else "an ordinary"
            return f"the {presiding.head} of a {body} is not {kind} member of it"
    if same_head and _opposite_ranks(earlier, later) and not (earlier.former or later.former):
        return f"these are different ranks of one office ({other_head})"
    return None


def _office_head(role: Role) -> str:
    """The role's head, a chief officer's title by the office it names ("CEO": chief executive)."""
    return CHIEF_OFFICERS.get(role.head, role.head)


def _opposite_ranks(a: Role, b: Role) -> bool:
    ranks = {a.rank, b.rank}
    return len(ranks) == 2 and not (None in ranks and ranks & RANKS_CALLED_BY_THE_OFFICE)


def _exclusive_offices_conflict(earlier: Role, later: Role) -> str | None:
    """Two different offices of the tables above, both held now, given in different sentences
    (roles given together, "a surgeon and lawyer", are held together)."""
    if earlier.former or later.former or earlier.sentence == later.sentence:
        return None
    governs, other_governs = _governing_office(earlier), _governing_office(later)
    portfolios, other_portfolios = _portfolios(earlier), _portfolios(later)
    if governs and other_governs and governs != other_governs:
        return f"one person is not both {_a(governs)} and {_a(other_governs)}"
    if portfolios and other_portfolios and portfolios.isdisjoint(other_portfolios):
        return f"one person does not hold both the {_listed(portfolios)} and the {_listed(other_portfolios)} portfolio"
    for governing, portfolio_role in ((governs, later), (other_governs, earlier)):
        if governing and _portfolios(portfolio_role):
            return f"{_a(governing)} does not also hold the {_listed(_portfolios(portfolio_role))} portfolio"
    return _officers_conflict(earlier, later) or _profession_conflict(earlier, later)


def _officers_conflict(a: Role, b: Role) -> str | None:
    """Two officers of one organisation that one person is not at once: two chief officers
    ("chief executive" / "chief financial officer"), the chief executive and a deputy of the
    president ("vice-president"), or the treasurer and a presiding or chief officer ("union
    president" / "union treasurer"; a government's treasurer and a country's president are
    no organisation's officers). Qualifiers must not name different organisations."""
    if not _compatible_qualifiers(a, b):
        return None
    if a.rank or b.rank:
        return _deputy_of_the_top_executive(a, b)
    office, other = _officer(a), _officer(b)
    if office is None or other is None or office == other:
        return None
    chief_officers = set(CHIEF_OFFICERS.values())
    if office in chief_officers and other in chief_officers \
            or TREASURER in (office, other) and CHIEF_FINANCIAL_OFFICER not in (office, other):
        return f"one person is not both the {office} and the {other}"
    return None


def _deputy_of_the_top_executive(a: Role, b: Role) -> str | None:
    """ "vice-president" / "chief executive": the chief executive is also called president."""
    if {_office_head(a), _office_head(b)} != TOP_EXECUTIVES or not _opposite_ranks(a, b):
        return None
    deputy, top = (a, b) if a.rank else (b, a)
    return f"the {top.text.lower()} is not {_a(deputy.text.lower())}"


def _officer(role: Role) -> str | None:
    """The office of an organisation a role names: a chief officer (an organisation's by
    definition), or a presiding officer or treasurer qualified by an organisation."""
    if role.head in CHIEF_OFFICERS:
        return CHIEF_OFFICERS[role.head]
    if not role.organisational:
        return None
    return PRESIDING_OFFICES.get(role.head) or (TREASURER if role.head == TREASURER else None)


def _governing_office(role: Role) -> str | None:
    """The place-governing office a role names: not a rank of it, nor an organisation's
    ("party president", "school governor"), nor one of a level of government whose offices
    English names loosely ("municipal president" is a mayor, "regional president" a governor)."""
    if role.rank or role.organisational or not role.qualifiers.isdisjoint(GOVERNMENT_LEVELS):
        return None
    return GOVERNING_OFFICES.get(role.head)


def _portfolios(role: Role) -> frozenset[str]:
    return role.portfolios if role.head in PORTFOLIO_HEADS else frozenset()


def _profession_conflict(a: Role, b: Role) -> str | None:
    """Two professions of different fields, or two medical specialties that share nothing."""
    field, other_field = FIELD_OF_PROFESSION.get(a.head), FIELD_OF_PROFESSION.get(b.head)
    if not field or not other_field:
        return None
    if field != other_field:
        return f"one person is not both {_a(a.head)} and {_a(b.head)}"
    specialties, other_specialties = _medical_specialties(a), _medical_specialties(b)
    if specialties and other_specialties and specialties.isdisjoint(other_specialties):
        return f"{_a(a.head)} is not {_a(b.head)} ({_listed(specialties)} / {_listed(other_specialties)})"
    return None


def _medical_specialties(role: Role) -> frozenset[str]:
    words = role.qualifiers | {role.head}
    return frozenset(specialty for specialty, stems in MEDICAL_SPECIALTIES.items()
                     if any(word.startswith(stems) for word in words))


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _listed(names: frozenset[str]) -> str:
    return " and ".join(sorted(names))


def _compatible_qualifiers(a: Role, b: Role) -> bool:
    """Qualifiers on both roles that share no word name different offices ("foreign" /
    "interior" minister); a role without qualifiers fits any."""
    return not (a.qualifiers and b.qualifiers and a.qualifiers.isdisjoint(b.qualifiers))


def _office(role: Role) -> tuple:
    return (role.head, role.former, role.rank, role.body, role.portfolios)


def _offices_held_together(roles: tuple[Role, ...]) -> dict[str, set[frozenset]]:
    """By surname, the pairs of offices given to one name mention ("Prime Minister and Foreign
    Minister Ana Ruiz"): held together wherever the text names them again."""
    by_mention: dict[int, list[Role]] = {}
    for role in roles:
        by_mention.setdefault(role.person.mention.start, []).append(role)
    together: dict[str, set[frozenset]] = {}
    for joint in by_mention.values():
        for a in joint:
            together.setdefault(a.person.key, set()).update(
                frozenset((_office(a), _office(b))) for b in joint if b is not a)
    return together


def _same_person(a: Role, b: Role, given_names: set[str]) -> bool:
    """Whether two roles given with one surname are one person's: always, unless the text
    names several people with that surname; then only with the same given name."""
    if a.person.mention == b.person.mention:
        return False
    if len(given_names) < 2:
        return True
    given = person_given_name(a.person)
    return given is not None and given == person_given_name(b.person)


def _given_names_by_surname(doc: Document) -> dict[str, set[str]]:
    """The given names written with each surname ("costa": {"Maria", "Paulo"})."""
    given_names: dict[str, set[str]] = {}
    for surname in doc.view(surname_mentions):
        given = person_given_name(surname)
        if given is not None:
            given_names.setdefault(surname.key, set()).add(given)
    return given_names


def _display_name(role: Role, given_names: set[str]) -> str:
    """The person's full name where the text gives one."""
    given = person_given_name(role.person) or (next(iter(given_names)) if len(given_names) == 1 else None)
    return f"{given} {role.person.text}" if given else role.person.text
