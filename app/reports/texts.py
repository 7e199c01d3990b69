"""Every text a report prints that is not the family's own words, in Danish and English, in one place.

The reports layer imports no Qt, so these are plain tables keyed by language ("da" is the first and
complete one), not ``tr()`` strings. The services pass only the language; they take the words from
here (a date written out, the kind of the next contact, the sector and relationship names on the
map) and hand them to the report as data, together with the family's own text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypeVar

LANGUAGES = ("da", "en")

_T = TypeVar("_T")


def in_language(table: dict[str, _T], language: str) -> _T:
    """``table[language]``, or a ``ValueError`` naming the languages there are."""
    try:
        return table[language]
    except KeyError:
        raise ValueError(f"no texts for language {language!r}; expected one of {sorted(table)}") from None


PAGE_NUMBER = {"da": "Side {page} af {pages}", "en": "Page {page} of {pages}"}


# ---- dates and words the services write into a report

MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
WEEKDAYS = {
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def long_date(day: date, language: str = "da", weekday: bool = False) -> str:
    """"22. november 2026" (Danish) or "22 November 2026", optionally with the weekday first."""
    months = MONTHS.get(language, MONTHS["da"])
    text = f"{day.day}. {months[day.month - 1]} {day.year}" if language == "da" else \
        f"{day.day} {months[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[language][day.weekday()]} {text}" if weekday else text


# ---- the family's copy of the conversation summary


@dataclass(frozen=True)
class SummaryTexts:
    title: str
    title_undated: str
    present: str
    and_: str
    what_matters_most: str
    resources: str
    needs: str
    agreed_steps: str
    step_what: str
    step_who: str
    step_when: str
    step_due: str  # before a due date: "inden 15. december 2026"
    next_contact: str
    who_to_contact: str
    phone: str
    email: str
    agrees: str
    disagrees: str
    family: str  # who does a step: "Familien (Mette)"
    health_visitor: str  # who does a step when no name is given
    contact_kinds: dict[str, str]  # the kind of the next contact (follow-up kinds)
    roles: dict[str, str]  # the health visitor's or the tovholder's role, as the family reads it


FAMILY_SUMMARY: dict[str, SummaryTexts] = {
    "da": SummaryTexts(
        title="Vores samtale den {date}",
        title_undated="Vores samtale",
        present="Til stede: {names}",
        and_="og",
        what_matters_most="Det vigtigste for jer",
        resources="Det går godt",
        needs="Det vil I gerne have hjælp til",
        agreed_steps="Det har vi aftalt",
        step_what="Hvad",
        step_who="Hvem",
        step_when="Hvornår",
        step_due="inden {date}",
        next_contact="Næste gang vi ses",
        who_to_contact="Hvis I har spørgsmål",
        phone="Telefon",
        email="E-mail",
        agrees="Vi har læst opsummeringen igennem sammen, og I er enige i den.",
        disagrees="Vi har læst opsummeringen igennem sammen. I var ikke enige i det hele, "
        "og det, I ville have ændret, er skrevet ind i teksten.",
        family="Familien",
        health_visitor="Sundhedsplejersken",
        contact_kinds={"follow_up_conversation": "Opfølgende samtale", "home_visit": "Hjemmebesøg",
                       "network_meeting": "Netværksmøde"},
        roles={"sundhedsplejerske": "sundhedsplejerske", "koordinator": "koordinator",
               "sagsbehandler": "sagsbehandler", "andet": ""},
    ),
    "en": SummaryTexts(
        title="Our conversation on {date}",
        title_undated="Our conversation",
        present="Present: {names}",
        and_="and",
        what_matters_most="What matters most to you",
        resources="What is going well",
        needs="What you would like help with",
        agreed_steps="What we have agreed",
        step_what="What",
        step_who="Who",
        step_when="When",
        step_due="by {date}",
        next_contact="Next time we meet",
        who_to_contact="If you have questions",
        phone="Phone",
        email="Email",
        agrees="We have read the summary through together, and you agree with it.",
        disagrees="We have read the summary through together. You did not agree with all of it, "
        "and what you wanted changed has been written into the text.",
        family="The family",
        health_visitor="The health visitor",
        contact_kinds={"follow_up_conversation": "Follow-up conversation", "home_visit": "Home visit",
                       "network_meeting": "Network meeting"},
        roles={"sundhedsplejerske": "health visitor", "koordinator": "coordinator", "sagsbehandler": "caseworker",
               "andet": ""},
    ),
}


# ---- the printable network map


@dataclass(frozen=True)
class NetworkMapTexts:
    title: str  # "Netværkskort – {family}"
    centre: str  # "{names}\nog familien": the children's first names in the map's centre
    centre_no_names: str
    now: str  # the version printed: the map as it is now
    how_to_read: str
    shapes: str
    fills: str
    ties: str
    horizons: str
    people: str  # the heading of the list of people
    table_header: tuple[str, str, str, str, str]  # name, sector, role, phone, e-mail
    measures: str  # the heading of the measures
    numbers: str  # the heading of the key to the numbers printed where a name had no room on the map
    numbers_header: tuple[str, str]  # number, name
    measures_header: tuple[str, str, str, str, str, str, str]  # part, people, ties, density, degree avg/max, who
    everyone: str  # the measures' first row: the whole map
    own_people: str  # the family's own people (no professionals)
    no_data: str  # a density with fewer than two people, an average with nobody
    sectors: dict[str, str]  # one name for each sector of the map
    legend: dict[str, str]  # one text for each sign in the legend (``map_signs.LEGEND_KEYS``)


_SECTORS_DA = {
    "family": "Familie og slægt",
    "friends": "Venner og naboer",
    "school_work": "Skole, dagtilbud, arbejde og fritid",
    "professional": "Professionelle",
}
_SECTORS_EN = {
    "family": "Family and relatives",
    "friends": "Friends and neighbours",
    "school_work": "School, day care, work and leisure",
    "professional": "Professionals",
}

NETWORK_MAP: dict[str, NetworkMapTexts] = {
    "da": NetworkMapTexts(
        title="Netværkskort – {family}",
        centre="{names}\nog familien",
        centre_no_names="Familien",
        now="Kortet nu",
        how_to_read="Sådan læses kortet",
        shapes="Formen: hvor personen hører til",
        fills="Udfyldningen: forholdet til familien",
        ties="Stregerne: forbindelser mellem personer",
        horizons="Cirklerne: jo tættere på midten, jo tættere på familien.",
        people="Personerne på kortet",
        table_header=("Navn", "Sektor", "Rolle", "Telefon", "E-mail"),
        measures="Mål: hver del af kortet for sig",
        numbers="Numre på kortet (hvor der ikke var plads til navnet)",
        numbers_header=("Nr.", "Navn"),
        measures_header=("Del", "Personer", "Forbindelser", "Tæthed", "Grad, gns.", "Grad, højst", "Kender flest"),
        everyone="Alle",
        own_people="Familiens egne personer",
        no_data="ingen data",
        sectors=_SECTORS_DA,
        legend={
            **_SECTORS_DA,
            "supportive": "Støttende", "ambivalent": "Ambivalent", "strained": "Anstrengt", "conflict": "Konflikt",
            "tie": "Kender hinanden", "tie_strained": "Anstrengt forbindelse",
            "tie_conflict": "Forbindelse i konflikt", "invite": "Inviteres til netværksmøder",
        },
    ),
    "en": NetworkMapTexts(
        title="Network map – {family}",
        centre="{names}\nand the family",
        centre_no_names="The family",
        now="The map now",
        how_to_read="How to read the map",
        shapes="The shape: where the person belongs",
        fills="The fill: the relationship with the family",
        ties="The lines: ties between people",
        horizons="The circles: the closer to the centre, the closer to the family.",
        people="The people on the map",
        table_header=("Name", "Sector", "Role", "Phone", "E-mail"),
        measures="Measures: each part of the map on its own",
        numbers="Numbers on the map (where the name had no room)",
        numbers_header=("No.", "Name"),
        measures_header=("Part", "People", "Ties", "Density", "Degree, avg.", "Degree, most", "Knows most others"),
        everyone="Everyone",
        own_people="The family's own people",
        no_data="no data",
        sectors=_SECTORS_EN,
        legend={
            **_SECTORS_EN,
            "supportive": "Supportive", "ambivalent": "Ambivalent", "strained": "Strained", "conflict": "Conflict",
            "tie": "Know each other", "tie_strained": "Strained tie", "tie_conflict": "Tie in conflict",
            "invite": "Invite to network meetings",
        },
    ),
}
