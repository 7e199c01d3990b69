"""The invitees of a network meeting: the people flagged "invite", with their own or their partner's
contact details.
"""

from __future__ import annotations

from app.services.network import dto as n
from tests.helpers.network import (
    FAM,
    FAR,
    FRI,
    MID,
    NEAR,
    PRO,
    SCH,
    _case,
    _clinic,
    person,
)


def test_invitees_are_the_people_flagged_invite_with_their_own_contact_details_or_their_partners(workspace, net,
                                                                                                     case_id, partners):
    clinic = partners.save(_clinic())
    school = partners.save(n.PartnerView("", "school", "Lindeskolen", phone="96 28 00 00",
                                        email="kontor@lindeskolen.example.dk"))
    grandmother = net.add_person(case_id, person("Birthe Holm", FAM, NEAR, role="Mormor", phone="21436587",
                                                 email="birthe@example.dk", invite=True, consent_to_share=True))
    net.add_person(case_id, person("Jens Kjær", FRI, MID, role="Nabo", phone="87654321"))  # not invited
    doctor = net.add_person(case_id, person("Læge Mads Ravn", PRO, FAR, role="Egen læge", partner_id=clinic.id,
                                            invite=True))
    teacher = net.add_person(case_id, person("Lone Dahl", SCH, MID, role="Klasselærer", organisation="4.A",
                                             partner_id=school.id, phone="30 11 22 33", invite=True,
                                             consent_to_share=True))
    net.add_person(_case(workspace, "Nørgaard"), person("Ole Nørgaard", invite=True))  # another family's

    invitees = net.invitees(case_id)

    assert invitees == (
        n.Invitee(grandmother.id, "Birthe Holm", "Mormor", "", "21436587", "birthe@example.dk", True, "family"),
        n.Invitee(doctor.id, "Læge Mads Ravn", "Egen læge", "Lægehuset Torvet", "97 12 34 56",
                  "post@laegehuset-torvet.example.dk", False, "professional"),
        # Her own phone and organisation; the school's e-mail, as she gave none.
        n.Invitee(teacher.id, "Lone Dahl", "Klasselærer", "4.A", "30 11 22 33", "kontor@lindeskolen.example.dk",
                  True, "school_work"),
    )


def test_no_one_flagged_means_no_invitees(net, case_id):
    net.add_person(case_id, person("Birthe Holm"))

    assert net.invitees(case_id) == ()
