"""Synthetic families for the demo profile, the tests and the benchmarks.

Everything here is made up at run time from a seed: first names, surnames and street names are
combined at random, and CPR numbers are generated so that they fail the modulus-11 check (no real
person is described). The families go through the same services as typed-in ones, in batches.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from app.core.errors import ConsentRequiredError, ValidationError
from app.core.paths import AppPaths
from app.core.settings import Policy, Settings
from app.security.kdf import FAST_KDF
from app.services.cases import dto
from app.services.cases.overview import allowed_scopes, refresh
from app.services.cases.service import load_case
from app.services.network import dto as n
from app.services.workspace import Workspace, create_profile

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
    maps: int = 0  # how many of the families with consent also get a network map (with a saved version)


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
    if options.maps:
        partners = demo_partners(workspace)
        candidates = [c.id for c in workspace.cases.search(dto.CaseFilter(limit=options.maps * 4)).items]
        with workspace.store.unit_of_work() as session:  # not an audited opening: nobody looks at them
            with_consent = [case_id for case_id in candidates
                            if "participation" in allowed_scopes(load_case(session, case_id), workspace.today())]
        for case_id in with_consent[:options.maps]:
            demo_network(workspace, case_id, rng, partners)
    return added


DEMO_PARTNERS = (
    ("gp_clinic", "Lægehuset ved Torvet", "", "70 10 20 30", "", "Torvet 4, 7400 Herning",
     (("Sekretariatet", "70 10 20 31", ""),)),
    ("hospital_department", "Regionshospitalet", "Børneafdelingen", "78 43 00 00", "", "",
     (("Børneambulatoriet", "78 43 52 00", ""), ("Sygeplejerskerne, afsnit B2", "78 43 52 10", ""))),
    ("school", "Skovbrynet Skole", "", "96 28 00 00", "skovbrynet@example.invalid", "Skovbrynet 1, 7400 Herning", ()),
    ("daycare", "Børnehuset Mælkebøtten", "", "96 28 11 00", "", "", ()),
    ("ppr", "PPR", "Pædagogisk Psykologisk Rådgivning", "96 28 22 00", "ppr@example.invalid", "", ()),
    ("municipality", "Børn og Unge-afdelingen", "Familierådgivningen", "96 28 33 00", "", "",
     (("Modtagelsen", "96 28 33 10", "modtagelsen@example.invalid"),)),
    ("patient_association", "Patientforeningen", "Lokalafdelingen", "", "info@example.invalid", "", ()),
)


# When each demo partner was told about the effort, in months before today (FR-18); the GP clinic and
# the patient association are due a visit, PPR has never been informed.
DEMO_INFORMED = {
    "Lægehuset ved Torvet": ((8, "Besøg i klinikken", "Talte med lægerne og sekretærerne"),),
    "Regionshospitalet": ((2, "Personalemøde i børneambulatoriet", ""), (14, "Temadag", "")),
    "Skovbrynet Skole": ((4, "Personalemøde", "Lærerne kender nu tilbuddene"),),
    "Børnehuset Mælkebøtten": ((1, "Besøg", ""),),
    "Børn og Unge-afdelingen": ((3, "Mail til familierådgivningen", ""),),
    "Patientforeningen": ((11, "Møde med lokalafdelingen", ""),),
}


def demo_partners(workspace: Workspace) -> dict[str, n.PartnerView]:
    """The partner directory of a demo municipality (made-up organisations), by name."""
    existing = {p.name: p for p in workspace.partners.find()}
    today = workspace.today()
    for kind, name, unit, phone, email, address, points in DEMO_PARTNERS:
        if name not in existing:
            informed = tuple(n.InformationVisit(n.months_before(today, months), how, note)
                             for months, how, note in DEMO_INFORMED.get(name, ()))
            existing[name] = workspace.partners.save(n.PartnerView(
                "", kind, name, unit, phone, email, address, tuple(n.ContactPoint(*p) for p in points),
                information=informed))
    return existing


# (name, relation, angle, distance, quality, support, role, organisation): a typical family's network
MAP_PEOPLE = (
    ("Mormor {s}", "mormor", 20, 25, "supportive", ("practical", "respite"), "", ""),
    ("Morfar {s}", "morfar", 45, 45, "supportive", ("practical",), "", ""),
    ("Farmor", "farmor", 10, 62, "ambivalent", ("emotional",), "", ""),
    ("Moster {w}", "moster", 72, 58, "supportive", ("emotional",), "", ""),
    ("{w} fra opgangen", "nabo", 105, 45, "supportive", ("practical",), "", ""),
    ("{w} og {m}", "venner", 150, 55, "supportive", ("emotional",), "", ""),
    ("{m}", "tidligere ven", 170, 85, "strained", (), "", ""),
    ("Pædagog {w}", "", -120, 35, "supportive", ("informational",), "pædagog", "Børnehuset Mælkebøtten"),
    ("Fodboldtræner {m}", "", -160, 70, "supportive", (), "træner", "Fjordvang IF"),
    ("Sygeplejerske {w}", "", -30, 30, "supportive", ("informational",), "sygeplejerske", "Regionshospitalet"),
    ("Egen læge", "", -70, 55, "supportive", ("informational",), "praktiserende læge", "Lægehuset ved Torvet"),
    ("Sagsbehandler {m}", "", -50, 82, "ambivalent", (), "sagsbehandler", "Børn og Unge-afdelingen"),
    ("Patientforeningen", "", -15, 88, "supportive", ("informational", "emotional"), "frivillig", "Patientforeningen"),
)
MAP_TIES = ((0, 1, ""), (0, 3, ""), (1, 3, ""), (0, 2, "conflict"), (4, 5, ""), (5, 6, "strained"),
            (7, 9, ""), (9, 10, ""), (10, 11, ""), (3, 5, ""))


def demo_network(workspace: Workspace, case_id: str, rng: random.Random,
                 partners: dict[str, n.PartnerView] | None = None) -> None:
    """A synthetic network map for one family: a first version saved, then a few changes since."""
    network = workspace.network
    partners = partners or {}
    surname = rng.choice(SURNAMES)
    ids = []
    for name, relation, angle, distance, quality, support, role, organisation in MAP_PEOPLE:
        person = dto_person(
            name.format(s=surname, w=rng.choice(WOMEN), m=rng.choice(MEN)), relation, angle + rng.uniform(-3, 3),
            distance + rng.uniform(-3, 3), quality, support, role, organisation,
            invite=bool(role) and rng.random() < 0.6)
        partner = partners.get(organisation)
        if partner is not None:  # a professional from the partner directory, with its functional contact
            person = dataclasses.replace(person, partner_id=partner.id, phone=partner.phone, email=partner.email)
        ids.append(network.add_person(case_id, person).id)
    for a, b, quality in MAP_TIES[:8]:
        network.add_tie(case_id, ids[a], ids[b], quality)
    network.save_version(case_id, "Ved den afklarende samtale", workspace.today() - timedelta(days=60))
    network.remove_person(case_id, ids[6])
    network.move_person(case_id, ids[2], 80.0, 25.0)  # farmor has come closer since
    for a, b, quality in MAP_TIES[8:]:
        network.add_tie(case_id, ids[a], ids[b], quality)


def dto_person(name: str, relation: str, angle: float, distance: float, quality: str, support: tuple[str, ...],
               role: str, organisation: str, invite: bool) -> n.PersonInput:
    return n.PersonInput(name=name, angle=angle, distance=distance, relation=relation, role=role,
                         organisation=organisation, quality=quality, support=support, invite=invite,
                         wants_involved=invite, consent_to_share=invite)


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
        populate(workspace, DemoOptions(families=families, seed=seed, maps=min(families, 10)), progress)
    except BaseException:
        workspace.lock()
        raise
    return workspace
