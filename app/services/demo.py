"""Synthetic families for the demo profile, the tests and the benchmarks.

Everything here is made up at run time from a seed: first names, surnames and street names are
combined at random, and CPR numbers are generated so that they fail the modulus-11 check (no real
person is described). The families go through the same services as typed-in ones, in batches.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from app.errors import ConsentRequiredError, ValidationError
from app.paths import AppPaths
from app.security.kdf import FAST_KDF
from app.services import dto
from app.services.case_summary import refresh
from app.services.workspace import Workspace, create_profile
from app.settings import Policy, Settings

GIRLS = ("Emma", "Ida", "Clara", "Freja", "Alma", "Ella", "Sofia", "Anna", "Laura", "Karla", "Olivia",
         "Agnes", "Lærke", "Asta", "Liva", "Nora", "Ellen", "Esther", "Mille", "Sigrid")
BOYS = ("William", "Noah", "Oscar", "Lucas", "Carl", "Malthe", "Emil", "Alfred", "Valdemar", "Aksel",
        "Viggo", "Frederik", "Villads", "Elias", "Magnus", "Johan", "Otto", "Storm", "Anton", "Søren")
WOMEN = ("Mette", "Camilla", "Louise", "Maria", "Sara", "Julie", "Line", "Helle", "Trine", "Rikke",
         "Nadia", "Amira", "Zainab", "Katrine", "Signe", "Pernille", "Stine", "Maja")
MEN = ("Martin", "Thomas", "Jesper", "Rasmus", "Anders", "Mikkel", "Kasper", "Jonas", "Ali", "Omar",
       "Henrik", "Morten", "Nikolaj", "Christian", "Jakob", "Peter", "Kristian", "Daniel")
SURNAMES = ("Nørgaard", "Kjærsgaard", "Birkholm", "Lyngsø", "Skovbjerg", "Damsgaard", "Holmstrup",
            "Engholm", "Vestergård", "Bækgaard", "Lindholt", "Mølgaard", "Fjordvang", "Tofteby",
            "Rosenkilde", "Granlund", "Ahmadi", "Yilmaz", "Hansholm", "Krogsgaard", "Stenbæk", "Ravnsborg")
STREETS = ("Bøgevej", "Lærkevænget", "Skovbrynet", "Engtoften", "Kirkestræde", "Møllebakken", "Solsikkevej",
           "Hybenhaven", "Rønnebærvej", "Fasanvej", "Åbrinken", "Egeløkken", "Kastanjealle", "Pilehaven")
TOWNS = (("7400", "Herning"), ("5700", "Svendborg"), ("2670", "Greve"), ("7430", "Ikast"), ("5750", "Ringe"))
ORGANISATIONS = {
    "hospital": ("Børneafdelingen, regionshospitalet", "Børne- og ungeafdelingen, universitetshospitalet"),
    "gp": ("Lægehuset ved Torvet", "Lægerne i Søndergade", "Lægeklinikken Engparken"),
    "school": ("Skovbrynet Skole", "Fjordskolen", "Midtbyens Skole"),
    "daycare": ("Børnehuset Mælkebøtten", "Vuggestuen Spirelund", "Naturbørnehaven Egern"),
    "caseworker": ("Børn og Unge-afdelingen", "Familieafdelingen"),
    "health_visitor": ("Sundhedsplejen, distrikt Nord", "Sundhedsplejen, distrikt Syd"),
    "family": ("",),
    "other": ("PPR",),
}
DIAGNOSES = (("DJ45", "Astma"), ("DE10", "Type 1-diabetes"), ("DG40", "Epilepsi"), ("DM08", "Børnegigt"),
             ("DE84", "Cystisk fibrose"), ("DQ850", "Neurofibromatose type 1"), ("DK900", "Cøliaki"))
SOURCE_WEIGHTS = (("hospital", 40), ("health_visitor", 20), ("gp", 10), ("school", 8), ("daycare", 8),
                  ("caseworker", 6), ("family", 7), ("other", 1))


@dataclass(frozen=True)
class DemoOptions:
    families: int
    seed: int = 2026
    batch: int = 250


def synthetic_cpr(rng: random.Random, birth: date) -> str:
    """A CPR-shaped number for ``birth`` that fails modulus 11, so it is never a real person's."""
    if birth.year >= 2000:
        seventh = 4 if birth.year % 100 <= 36 else 5
    else:
        seventh = rng.choice((0, 1, 2, 3))
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    while True:
        serial = f"{seventh}{rng.randrange(1000):03d}"
        digits = f"{birth:%d%m%y}{serial}"
        if sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11:
            return f"{birth:%d%m%y}-{serial}"


def _birth(rng: random.Random, today: date, min_age: float, max_age: float) -> date:
    days = rng.randint(int(min_age * 365.25), int(max_age * 365.25))
    return today - timedelta(days=days)


def demo_case(rng: random.Random, today: date, templates: list[str]) -> dto.NewCase:
    """One synthetic family and its referral."""
    surname = rng.choice(SURNAMES)
    child_birth = _birth(rng, today, 1, 15)
    child_is_girl = rng.random() < 0.5
    code, diagnosis = rng.choice(DIAGNOSES)
    child_language = "da"
    members = []
    non_danish = rng.random() < 0.12
    language = rng.choice(("ar", "tr", "so", "uk", "pl")) if non_danish else "da"
    mother_birth = child_birth - timedelta(days=rng.randint(22 * 365, 40 * 365))
    members.append(dto.MemberInput("mor", rng.choice(WOMEN), surname, birth_date=mother_birth,
                                   cpr=synthetic_cpr(rng, mother_birth), language=language,
                                   interpreter_needed=non_danish and rng.random() < 0.6, has_custody=True,
                                   phone=f"{rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"))
    if rng.random() < 0.8:
        father_birth = child_birth - timedelta(days=rng.randint(23 * 365, 45 * 365))
        members.append(dto.MemberInput("far", rng.choice(MEN), surname, birth_date=father_birth,
                                       cpr=synthetic_cpr(rng, father_birth), language=language, has_custody=True))
    members.append(dto.MemberInput(
        "barn", rng.choice(GIRLS if child_is_girl else BOYS), surname, birth_date=child_birth,
        cpr=synthetic_cpr(rng, child_birth), language=child_language,
        diagnoses=(dto.DiagnosisInput(diagnosis, code, child_birth + timedelta(days=rng.randint(30, 700)) if
                                      child_birth + timedelta(days=700) < today else None),),
    ))
    for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
        older = rng.random() < 0.5
        girl = rng.random() < 0.5
        if older:
            birth = child_birth - timedelta(days=rng.randint(400, 2500))
            relation = "storesoester" if girl else "storebror"
        else:
            birth = child_birth + timedelta(days=rng.randint(400, 2500))
            if birth >= today:
                continue
            relation = "lillesoester" if girl else "lillebror"
        members.append(dto.MemberInput(relation, rng.choice(GIRLS if girl else BOYS), surname, birth_date=birth))
    source = rng.choices([s for s, _ in SOURCE_WEIGHTS], [w for _, w in SOURCE_WEIGHTS])[0]
    postal_code, city = rng.choice(TOWNS)
    referred_on = today - timedelta(days=rng.randint(0, 400))
    return dto.NewCase(
        family_name=f"Familien {surname}",
        template_id=rng.choice(templates),
        address=f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
        postal_code=postal_code,
        city=city,
        referral=dto.ReferralInput(
            source_kind=source,
            referred_on=referred_on,
            organisation=rng.choice(ORGANISATIONS[source]),
            reason=f"{diagnosis}; familien ønsker støtte i hverdagen",
            channel="in_person" if source == "family" else rng.choice(("secure_mail", "phone", "digital_form")),
        ),
        members=tuple(members),
    )


def populate(workspace: Workspace, options: DemoOptions, progress: Callable[[int], None] | None = None) -> int:
    """Add ``options.families`` synthetic families to the open profile; returns how many were added."""
    rng = random.Random(options.seed)
    today = workspace.today()
    templates = [t.id for t in workspace.content.templates()]
    cases_service, course = workspace.cases, workspace.course
    added = 0
    while added < options.families:
        count = min(options.batch, options.families - added)
        batch = []
        for _ in range(count):
            new = demo_case(rng, today, templates)
            case = cases_service.build_case(new)
            _advance(rng, course, case, new, today)
            refresh(case, workspace.content, today)
            batch.append(case)
        with workspace.store.unit_of_work() as session:
            session.add_all(batch)
            session.flush()
            for case in batch:
                cases_service.audit_created(session, case)
        added += count
        if progress:
            progress(added)
    return added


def _advance(rng: random.Random, course, case, new: dto.NewCase, today: date) -> None:  # type: ignore[no-untyped-def]
    """Move a new demo case some way along its course, as a real one would have moved."""
    referred = new.referral.referred_on
    parents = [m for m in new.members if m.relation in ("mor", "far")]
    if rng.random() < 0.85:
        scopes = [dto.ScopeInput("participation")]
        if rng.random() < 0.5:
            scopes.append(dto.ScopeInput("hospital_information"))
        if rng.random() < 0.4:
            scopes.append(dto.ScopeInput("share_with_participants", "Klasselærer, egen læge"))
        given_on = min(today, referred + timedelta(days=rng.randint(0, 10)))
        course.apply_consent(case, dto.ConsentInput(
            given_by=" og ".join(f"{p.first_name} {p.last_name}" for p in parents),
            given_on=given_on, form=rng.choice(("signed", "verbal", "digital")), scopes=tuple(scopes)))
        if rng.random() < 0.75:
            start = min(today, given_on + timedelta(days=rng.randint(0, 7)))
            if rng.random() < 0.6:
                course.apply_tovholder(case, dto.TovholderInput(start, "Har kontakten til familien", True, is_me=True))
            else:
                course.apply_tovholder(case, dto.TovholderInput(
                    start, "Familiens primære behov er socialfagligt", rng.random() < 0.8,
                    person_name=f"{rng.choice(WOMEN + MEN)} {rng.choice(SURNAMES)}", person_role="sagsbehandler",
                    organisation="Børn og Unge-afdelingen"))
        if rng.random() < 0.6:
            course.apply_service_level(case, dto.ServiceLevelInput(
                rng.choice((2, 3, 3, 3, 4)), min(today, given_on + timedelta(days=rng.randint(0, 20))),
                "Kronisk sygdom hos barnet; behov for koordinering"))
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            try:
                course.apply_complete_step(case)
            except (ConsentRequiredError, ValidationError):
                break  # a consent gate or the end of the course: stop where a real case would


def create_demo_profile(
    paths: AppPaths,
    password: str,
    families: int,
    name: str = "Hanne Demo",
    seed: int = 2026,
    fast_kdf: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Workspace:
    """A new profile holding ``families`` synthetic families, returned unlocked.

    ``fast_kdf`` uses cheap Argon2 parameters (smoke test and tests only); the password may be weak
    because the profile holds nothing but made-up families.
    """
    settings = Settings.load(paths.settings_file)
    workspace = create_profile(
        paths,
        dto.NewProfile(name, "sundhedsplejerske", "Sundhedsplejen, Demo Kommune", "12 34 56 78",
                       "demo@example.invalid"),
        password, settings, Policy.load(paths.policy_files), kdf=FAST_KDF if fast_kdf else None,
        require_strong_password=False,
    )
    try:
        populate(workspace, DemoOptions(families=families, seed=seed), progress)
    except BaseException:
        workspace.lock()
        raise
    return workspace
