"""Fixes from the second review walk of the evidence pages: checks listed by the contact's date on both the
checker's and the employee's pages; a leader not yet calibrated is warned before recording a check; the
service trends table scrolls in its box; the answer chips and the calibration transcript; and Spanish that
tells a service check ("control") from a course assessment ("evaluación")."""

import gettext
import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from certificates import services as certificate_services
from evidence import calibration, services
from evidence.summaries import team_service_trends

from .conftest import full

APP = Path(calibration.__file__).resolve().parent
BANNER = "Your checks will not count toward team figures until you pass calibration."


@pytest.fixture
def people(org, hr, certified_lead, taught):
    """As in test_pages: the team's leader is certified (not yet calibrated), so is the other team's."""
    certificate_services.issue(holder=org.other_lead, course=taught)
    employee = org.member(org.desk, "ellie", first_name="Ellie", last_name="Evans")
    return {"employee": employee, "leader": certified_lead, "other_leader": org.other_lead, "hr": hr}


def submitted(checker, employee, scorecard, ids, **overrides):
    return services.record_check(
        checker=checker, employee=employee, scorecard=scorecard, data=full(ids, **overrides), submit=True
    )


def publish(hr, scorecard, ids, transcript="Customer: my parcel never came…"):
    return calibration.publish(
        by=hr,
        scorecard=scorecard,
        title="Parcel call",
        transcript=transcript,
        reference_answers=full(ids)["answers"],
    )


# --- 2. Contact dates, newest first, on both lists ------------------------------------------------------


def test_both_lists_show_the_contact_date_newest_contact_first(client, people, scorecard, ids):
    leader, worker = people["leader"], people["employee"]
    # Recorded first but about the later contact; recorded second about an earlier contact.
    later = submitted(
        leader, worker, scorecard, ids, reference="LATER-1", contacted_at="2026-11-25T09:00:00+00:00"
    )
    earlier = submitted(
        leader, worker, scorecard, ids, reference="EARLIER-1", contacted_at="2026-11-02T09:00:00+00:00"
    )
    assert earlier.submitted_at >= later.submitted_at

    client.force_login(worker)
    mine = client.get(reverse("lms:my_checks")).content.decode()
    assert mine.index("LATER-1") < mine.index("EARLIER-1")
    assert "25 Nov 2026" in mine and "2 Nov 2026" in mine

    client.force_login(leader)
    home = client.get(reverse("lms:checks")).content.decode()
    later_url = reverse("lms:check", kwargs={"check_id": later.pk})
    earlier_url = reverse("lms:check", kwargs={"check_id": earlier.pk})
    assert home.index(later_url) < home.index(earlier_url)
    # The contact's date, not the day it was submitted (today).
    assert "(25 Nov 2026)" in home and "(2 Nov 2026)" in home
    today = timezone.localdate().strftime("%-d %b %Y")
    assert f"({today})" not in home


# --- 3. The calibration banner --------------------------------------------------------------------------


def check_form_url(people, scorecard):
    return reverse("lms:check_new") + f"?employee={people['employee'].pk}&scorecard={scorecard.pk}"


def test_a_leader_not_yet_calibrated_is_warned_on_the_checks_page_and_the_form(
    client, people, scorecard, ids
):
    contact = publish(people["hr"], scorecard, ids)
    client.force_login(people["leader"])
    for url in (reverse("lms:checks"), check_form_url(people, scorecard)):
        html = client.get(url).content.decode()
        assert BANNER in html, url
        assert f'<a href="{reverse("lms:calibration")}">Score the calibration contact first</a>' in html

    calibration.score_blind(contact=contact, leader=people["leader"], answers=full(ids)["answers"])
    for url in (reverse("lms:checks"), check_form_url(people, scorecard)):
        assert BANNER not in client.get(url).content.decode(), url


def test_a_leader_who_failed_calibration_is_still_warned_without_being_told_to_score_again(
    client, people, scorecard, ids
):
    contact = publish(people["hr"], scorecard, ids)
    answers = {cid: ("no" if value == "yes" else value) for cid, value in full(ids)["answers"].items()}
    assert not calibration.score_blind(contact=contact, leader=people["leader"], answers=answers).passed
    client.force_login(people["leader"])
    html = client.get(reverse("lms:checks")).content.decode()
    assert BANNER in html and "Score the calibration contact first" not in html and "See calibration" in html


def test_hr_is_not_warned(client, people, scorecard, ids):
    publish(people["hr"], scorecard, ids)
    client.force_login(people["hr"])
    assert BANNER not in client.get(reverse("lms:checks")).content.decode()
    assert BANNER not in client.get(check_form_url(people, scorecard)).content.decode()


def test_the_banner_in_spanish_names_a_control_not_an_evaluation(client, people, scorecard, ids):
    publish(people["hr"], scorecard, ids)
    client.force_login(people["leader"])
    html = client.get(reverse("lms:checks"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Sus controles no contarán para las cifras del equipo hasta que supere la calibración." in html
    assert "<h1>Controles de servicio</h1>" in html


# --- 1. Spanish: a service check is a "control" ---------------------------------------------------------


def test_spanish_keeps_evaluacion_for_course_assessments_only():
    # The shipped (compiled) catalogue, read with the standard library: msgid (or (msgid, n) for each
    # plural form, "context\x04msgid" with a context) -> Spanish.
    with open(APP / "locale" / "es" / "LC_MESSAGES" / "django.mo", "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)._catalog
    wrong = set()
    for key, spanish in catalogue.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid and re.search(r"evalu|evalú", spanish, re.IGNORECASE) and "assessment" not in msgid:
            wrong.add(msgid)
    assert wrong == set()


@pytest.mark.django_db
def test_the_employees_pages_in_spanish():
    with translation.override("es"):
        assert translation.gettext("My checks") == "Mis controles"
        assert translation.gettext("Follow-ups from checks") == "Seguimientos de los controles"
        assert translation.gettext("no assessment") == "sin evaluación del curso"


def test_my_checks_in_spanish(client, people, scorecard, ids):
    submitted(people["leader"], people["employee"], scorecard, ids)
    client.force_login(people["employee"])
    html = client.get(reverse("lms:my_checks"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "<h1>Mis controles</h1>" in html and "Seguimientos de los controles" in html
    assert "Mis evaluaciones" not in html


# --- 4. The service trends table ------------------------------------------------------------------------


def test_the_trends_table_scrolls_in_its_box_with_versions_heard_on_their_own_line(
    org, people, scorecard, ids, policy
):
    when = timezone.localtime().replace(hour=10, minute=0).isoformat()
    statement = [{"policy": policy.pk, "matched": False, "version": 1}]
    submitted(people["hr"], people["employee"], scorecard, ids, contacted_at=when, policies=statement)
    with translation.override("en"):
        html = render_to_string(
            "lms_evidence/_team_service_trends.html", {"service_trends": team_service_trends(org.service)}
        )
    # Its own stylesheet, so the team and organisation views (which load only lms.css) get it too.
    assert '<link rel="stylesheet" href="/static/lms_evidence/service_trends.css">' in html
    assert re.search(
        r'<div class="table-scroll"[^>]*role="region"[^>]*><table class="table service-trends">', html
    )
    assert '<span class="meta service-trends__heard">Refunds: version 1 heard</span>' in html
    css = (APP / "static" / "lms_evidence" / "service_trends.css").read_text()
    assert re.search(r"\.service-trends th, \.service-trends td \{[^}]*white-space: nowrap", css)
    assert re.search(
        r"\.service-trends__heard \{[^}]*display: block[^}]*white-space: normal[^}]*min-width", css
    )


# --- 5. Chips and the transcript ------------------------------------------------------------------------


def test_the_chips_centre_their_radio_and_the_transcript_uses_the_cards_width(client, people, scorecard, ids):
    css = (APP / "static" / "lms_evidence" / "evidence.css").read_text()
    # A flex box of its own (lms.css's ".field label" would make it a block), its items centred.
    assert re.search(r"\.choice-row \.option \{[^}]*display: flex[^}]*align-items: center", css)
    assert re.search(r'\.choice-row \.option input\[type="radio"\] \{[^}]*margin: 0', css)
    assert re.search(r"\.prose\.transcript \{[^}]*max-width: none", css)
    publish(people["hr"], scorecard, ids)
    client.force_login(people["leader"])
    html = client.get(reverse("lms:calibration")).content.decode()
    assert '<div class="prose transcript">' in html and "lms_evidence/evidence.css" in html
    assert '<div class="choice-row"><label class="option"><input type="radio"' in html
