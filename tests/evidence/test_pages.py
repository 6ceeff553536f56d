"""The evidence pages as each role asks for them: the employee, the leader of the team, a leader of another
team, HR and someone not signed in. Refusals are sent otherwise valid requests, so each fails if its check
is missing."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates import services as certificate_services
from courses.models import Enrolment
from evidence import rules, services, surveys
from evidence.models import (
    CalibrationScore,
    CoachingAction,
    Dispute,
    ServiceCheck,
    ShopperScript,
    ShopRound,
    SurveyResponse,
)

from .conftest import full


@pytest.fixture
def employee(org):
    return org.member(org.desk, "ellie", first_name="Ellie", last_name="Evans")


@pytest.fixture
def people(org, hr, employee, certified_lead, taught):
    """Who asks, by role: the leader of the team is certified; so is the other team's leader."""
    certificate_services.issue(holder=org.other_lead, course=taught)
    return {
        "employee": employee,
        "leader": certified_lead,
        "other_leader": org.other_lead,
        "hr": hr,
        "anonymous": None,
    }


def as_(client, user):
    if user is not None:
        client.force_login(user)
    return client


def post_body(ids, scorecard, employee, *, submit=True, policy=None, **overrides):
    """The check form's POST for a complete check (as ``conftest.full``), with overrides by input name."""
    body = full(ids)
    data = {
        "employee": employee.pk,
        "scorecard": scorecard.pk,
        "channel": body["channel"],
        "contacted_at": "2026-11-20T10:30",
        "reference": body["reference"],
        "handoffs": "0",
        "problem_defined": "yes",
        "solution_offered": "yes",
        "resolved_first_contact": "yes",
        "customer_satisfied": "yes",
        "treatment": "4",
        "note": "",
    }
    for cid, answer in body["answers"].items():
        data[f"answer-{cid}"] = str(answer)
    if policy is not None:
        data[f"policy-{policy.pk}"] = "matched"
    data["submit" if submit else "save"] = "1"
    data.update(overrides)
    return data


def submitted(checker, employee, scorecard, ids, **overrides):
    return services.record_check(
        checker=checker, employee=employee, scorecard=scorecard, data=full(ids, **overrides), submit=True
    )


def redirected_to_login(response):
    return response.status_code == 302 and "/login/" in response["Location"]


# --- Recording a check ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, status",
    [("leader", 200), ("hr", 200), ("other_leader", 403), ("employee", 403), ("anonymous", "login")],
)
def test_the_check_form_by_role(client, people, scorecard, ids, role, status):
    url = reverse("lms:check_new") + f"?employee={people['employee'].pk}&scorecard={scorecard.pk}"
    response = as_(client, people[role]).get(url)
    if status == "login":
        assert redirected_to_login(response)
    else:
        assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Apologised for the specific problem" in html and "Critical" in html
        # N/A is offered only where allowed: not on the critical apology criterion.
        apology = ids["Apologised for the specific problem"]
        assert f'name="answer-{apology}" value="na"' not in html
        assert f'name="answer-{ids["Offered a next step"]}" value="na"' in html


@pytest.mark.parametrize(
    "role, status",
    [("leader", 302), ("hr", 302), ("other_leader", 403), ("employee", 403), ("anonymous", 302)],
)
def test_submitting_a_check_by_role(client, people, scorecard, ids, policy, role, status):
    body = post_body(ids, scorecard, people["employee"], policy=policy)
    response = as_(client, people[role]).post(reverse("lms:check_new"), body)
    assert response.status_code == status
    if role in ("leader", "hr"):
        check = ServiceCheck.objects.get()
        assert check.state == ServiceCheck.State.SUBMITTED and check.checker == people[role]
        assert response["Location"] == reverse("lms:check", kwargs={"check_id": check.pk})
        assert check.policy_statements.get().matched
    else:
        assert not ServiceCheck.objects.exists()


def test_a_draft_survives_a_failed_submit(client, people, scorecard, ids, policy):
    client.force_login(people["leader"])
    listen = ids["Let the customer finish"]
    body = post_body(
        ids,
        scorecard,
        people["employee"],
        handoffs="",  # missing: the submission must fail
        reference="CALL-77",
        note="Kept calm throughout.",
        treatment="3",
        **{f"answer-{ids['Apologised for the specific problem']}": "", f"policy-{policy.pk}": "other"},
        **{f"policy-{policy.pk}-version": "1"},
    )
    response = client.post(reverse("lms:check_new"), body)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your draft is saved" in html
    assert 'id="f-handoffs-error"' in html and "This is needed before the check is submitted." in html
    assert 'id="answer-' + ids["Apologised for the specific problem"] + '-error"' in html
    for typed in ('value="CALL-77"', "Kept calm throughout.", 'value="2026-11-20T10:30"', 'value="1"'):
        assert typed in html
    assert f'name="answer-{listen}" value="yes" checked' in html
    assert 'name="treatment" value="3" checked' in html

    draft = ServiceCheck.objects.get()
    assert draft.is_draft and draft.reference == "CALL-77" and draft.treatment == 3
    assert draft.policy_statements.get().version_heard == 1
    assert f'action="{reverse("lms:check_edit", kwargs={"check_id": draft.pk})}"' in html

    # An impossible value is refused beside its field, shown as typed, and the draft keeps what it had.
    edit = reverse("lms:check_edit", kwargs={"check_id": draft.pk})
    bad = {**body, "handoffs": "two", "reference": "CALL-78"}
    bad.pop("employee"), bad.pop("scorecard")
    response = client.post(edit, bad)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Hand-offs is a whole number" in html and 'value="two"' in html and 'value="CALL-78"' in html
    draft.refresh_from_db()
    assert draft.reference == "CALL-77" and draft.is_draft

    # Reopened, the draft shows everything saved; completed, it submits.
    page = client.get(edit).content.decode()
    assert 'value="CALL-77"' in page and "Kept calm throughout." in page
    good = {**bad, "handoffs": "1", f"answer-{ids['Apologised for the specific problem']}": "yes"}
    response = client.post(edit, good)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == ServiceCheck.State.SUBMITTED and draft.handoffs == 1


def test_save_draft_and_the_drafts_list(client, people, scorecard, ids):
    client.force_login(people["leader"])
    body = post_body(ids, scorecard, people["employee"], submit=False, channel="", treatment="")
    response = client.post(reverse("lms:check_new"), body)
    draft = ServiceCheck.objects.get()
    assert response.status_code == 302 and draft.is_draft
    home = client.get(reverse("lms:checks")).content.decode()
    assert reverse("lms:check_edit", kwargs={"check_id": draft.pk}) in home
    # Nobody else edits it or even sees it.
    for role in ("hr", "other_leader", "employee"):
        client.force_login(people[role])
        assert client.get(reverse("lms:check_edit", kwargs={"check_id": draft.pk})).status_code == 404
        assert client.get(reverse("lms:check", kwargs={"check_id": draft.pk})).status_code == 404


def test_checks_home_is_for_checkers(client, people):
    assert as_(client, people["employee"]).get(reverse("lms:checks")).status_code == 403


# --- The check's page -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, status",
    [("leader", 200), ("hr", 200), ("employee", 200), ("other_leader", 404), ("anonymous", "login")],
)
def test_the_check_page_by_role(client, people, scorecard, ids, role, status):
    check = submitted(
        people["leader"],
        people["employee"],
        scorecard,
        ids,
        answers={**full(ids)["answers"], ids["Offered a next step"]: "no"},
    )
    response = as_(client, people[role]).get(reverse("lms:check", kwargs={"check_id": check.pk}))
    if status == "login":
        assert redirected_to_login(response)
        return
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert f"{check.score}%" in html and "Uncalibrated" in html
        assert "Criteria missed" in html and "Offered a next step" in html
        assert ("Assign Active listening" in html) == (role in ("leader", "hr"))
        assert ("Dispute a criterion" in html) == (role == "employee")


def test_assign_from_the_check_and_before_after(client, people, scorecard, ids, taught):
    check = submitted(
        people["hr"],
        people["employee"],
        scorecard,
        ids,
        answers={**full(ids)["answers"], ids["Offered a next step"]: "no"},
    )
    url = reverse("lms:check_assign", kwargs={"check_id": check.pk})
    skill = [s for s in taught.skills.all() if s.slug == "apology"][0]
    body = {"skill": skill.pk, "course": taught.pk}
    assert as_(client, people["other_leader"]).post(url, body).status_code == 404
    assert as_(client, people["employee"]).post(url, body).status_code == 403
    assert not Enrolment.objects.filter(user=people["employee"]).exists()
    response = as_(client, people["leader"]).post(url, body)
    assert response.status_code == 302
    assert Enrolment.objects.filter(user=people["employee"], course=taught).exists()
    html = client.get(reverse("lms:check", kwargs={"check_id": check.pk})).content.decode()
    assert "Before and after the courses assigned" in html and "Assigned" in html


def test_coaching_actions_added_and_done_by_their_owner(client, people, scorecard, ids):
    check = submitted(people["leader"], people["employee"], scorecard, ids)
    url = reverse("lms:check_action", kwargs={"check_id": check.pk})
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    body = {"owner": people["employee"].pk, "text": "Listen to two calls with Sam", "due_on": due}
    assert as_(client, people["other_leader"]).post(url, body).status_code == 404
    assert as_(client, people["employee"]).post(url, body).status_code == 403
    past = {**body, "due_on": "2020-01-01"}
    response = as_(client, people["leader"]).post(url, past)
    assert response.status_code == 400 and "The due date is in the past" in response.content.decode()
    assert 'value="Listen to two calls with Sam"' in response.content.decode()
    assert client.post(url, body).status_code == 302
    action = CoachingAction.objects.get()
    done = reverse("lms:action_done", kwargs={"action_id": action.pk})
    assert as_(client, people["leader"]).post(done).status_code == 404  # not theirs to tick
    response = as_(client, people["employee"]).post(done, {"next": "/training/"})
    assert response.status_code == 302 and response["Location"] == "/training/"
    action.refresh_from_db()
    assert action.done_at is not None


# --- The employee's side --------------------------------------------------------------------------------


def test_my_checks_lists_only_my_submitted_checks(client, people, org, scorecard, ids):
    mine = submitted(people["leader"], people["employee"], scorecard, ids, reference="MINE-1")
    other = org.member(org.desk, "sam")
    submitted(people["leader"], other, scorecard, ids, reference="THEIRS-1")
    services.record_check(
        checker=people["leader"],
        employee=people["employee"],
        scorecard=scorecard,
        data={"reference": "DRAFT-1"},
        submit=False,
    )
    html = as_(client, people["employee"]).get(reverse("lms:my_checks")).content.decode()
    assert "MINE-1" in html and "THEIRS-1" not in html and "DRAFT-1" not in html
    assert reverse("lms:check", kwargs={"check_id": mine.pk}) in html
    assert "Your contacts may be checked by your leader or a mystery shopper" in html
    assert "Follow-ups from checks" in html
    assert redirected_to_login(as_(client.__class__(), None).get(reverse("lms:my_checks")))


def test_reply_and_dispute_only_by_the_employee(client, people, scorecard, ids):
    check = submitted(people["leader"], people["employee"], scorecard, ids)
    reply_url = reverse("lms:check_reply", kwargs={"check_id": check.pk})
    dispute_url = reverse("lms:check_dispute", kwargs={"check_id": check.pk})
    criterion = ids["Named the problem back"]
    dispute_body = {"criterion": criterion, "comment": "I did repeat the order number back."}
    for role in ("leader", "hr"):
        as_(client, people[role])
        assert client.post(reply_url, {"text": "Thanks"}).status_code == 403
        assert client.post(dispute_url, dispute_body).status_code == 403
    assert as_(client, people["other_leader"]).post(dispute_url, dispute_body).status_code == 404
    assert not Dispute.objects.exists()

    as_(client, people["employee"])
    response = client.post(dispute_url, {"criterion": criterion, "comment": ""})
    assert response.status_code == 400 and 'id="id_comment_error"' in response.content.decode()
    assert client.post(dispute_url, dispute_body).status_code == 302
    assert client.post(reply_url, {"text": "Thanks, useful."}).status_code == 302
    check.refresh_from_db()
    assert check.employee_reply == "Thanks, useful." and Dispute.objects.get().criterion == criterion


def test_disputes_are_settled_by_the_checkers_leader_or_hr(client, people, org, scorecard, ids):
    check = submitted(people["leader"], people["employee"], scorecard, ids)
    criterion = ids["Let the customer finish"]
    item = services.dispute(check=check, by=people["employee"], criterion=criterion, comment="I waited.")
    url = reverse("lms:dispute_resolve", kwargs={"dispute_id": item.pk})
    body = {
        f"d{item.pk}-outcome": "change",
        f"d{item.pk}-new_value": "no",
        f"d{item.pk}-resolution": "Heard the call again.",
    }
    # The checker and another team's leader are not resolvers; the employee is refused the page at all.
    assert as_(client, people["leader"]).post(url, body).status_code == 404
    assert "I waited." not in client.get(reverse("lms:disputes")).content.decode()
    assert as_(client, people["other_leader"]).post(url, body).status_code == 404
    assert as_(client, people["employee"]).post(url, body).status_code == 403
    item.refresh_from_db()
    assert item.state == Dispute.State.OPEN

    as_(client, org.head)  # leads the checker's team from above
    assert "I waited." in client.get(reverse("lms:disputes")).content.decode()
    response = client.post(url, {**body, f"d{item.pk}-resolution": ""})
    assert response.status_code == 400 and f'id="id_d{item.pk}-resolution_error"' in response.content.decode()
    assert client.post(url, body).status_code == 302
    item.refresh_from_db()
    check.refresh_from_db()
    assert item.state == Dispute.State.CHANGED and check.answers[criterion] == "no"


def test_hr_settles_a_dispute(client, people, scorecard, ids):
    check = submitted(people["leader"], people["employee"], scorecard, ids)
    item = services.dispute(
        check=check, by=people["employee"], criterion=ids["Named the problem back"], comment="x"
    )
    url = reverse("lms:dispute_resolve", kwargs={"dispute_id": item.pk})
    body = {f"d{item.pk}-outcome": "uphold", f"d{item.pk}-resolution": "The score stands."}
    assert as_(client, people["hr"]).post(url, body).status_code == 302
    item.refresh_from_db()
    assert item.state == Dispute.State.UPHELD


# --- Mystery-shopper rounds -----------------------------------------------------------------------------


@pytest.fixture
def script(scorecard, hr):
    return ShopperScript.objects.create(
        title="Refund for a late parcel",
        story="Your parcel is five days late; ask for a refund.",
        right_answer="Apologise, check the tracking, offer the refund.",
        scorecard=scorecard,
        created_by=hr,
    )


def plan_body(org, script, shopper):
    return {
        "title": "Spring round",
        "script": script.pk,
        "teams": [org.desk.pk],
        "contacts_per_team": "4",
        "channels": ["phone", "email"],
        "times_of_day": ["morning"],
        "shoppers": [shopper.pk],
        "starts_on": "2026-11-01",
        "ends_on": "2026-11-30",
    }


@pytest.mark.parametrize(
    "role, status", [("hr", 302), ("head", 302), ("leader", 403), ("employee", 403), ("anonymous", 302)]
)
def test_planning_a_round_by_role(client, people, org, script, role, status):
    asker = org.head if role == "head" else people[role]
    shopper = org.member(org.line, "shopper")
    response = as_(client, asker).post(reverse("lms:round_new"), plan_body(org, script, shopper))
    assert response.status_code == status
    assert ShopRound.objects.exists() == (role in ("hr", "head"))


def test_a_round_form_keeps_what_was_typed(client, people, org, script):
    shopper = org.member(org.line, "shopper")
    body = {**plan_body(org, script, shopper), "ends_on": "2026-10-01", "contacts_per_team": "500"}
    response = as_(client, people["hr"]).post(reverse("lms:round_new"), body)
    html = response.content.decode()
    assert response.status_code == 400 and not ShopRound.objects.exists()
    assert 'id="id_ends_on_error"' in html and 'id="id_contacts_per_team_error"' in html
    assert 'value="Spring round"' in html and 'value="500"' in html


def test_a_shopper_logs_a_contact_and_the_round_shows_coverage(client, people, org, script, ids):
    shopper = org.member(org.line, "shopper")
    as_(client, people["hr"]).post(reverse("lms:round_new"), plan_body(org, script, shopper))
    item = ShopRound.objects.get()
    log = reverse("lms:round_log", kwargs={"round_id": item.pk})
    # Only the round's shoppers log contacts.
    body = post_body(ids, script.scorecard, people["employee"])
    body.pop("scorecard")
    assert as_(client, people["leader"]).post(log, body).status_code == 404
    as_(client, shopper)
    assert "Refund for a late parcel" in client.get(reverse("lms:my_rounds")).content.decode()
    page = client.get(log + f"?employee={people['employee'].pk}").content.decode()
    assert "Your parcel is five days late" in page and "Apologise, check the tracking" in page
    assert client.post(log, {**body, "channel": "chat"}).status_code == 400
    response = client.post(log, body)
    assert response.status_code == 302
    contact = ServiceCheck.objects.get(state=ServiceCheck.State.SUBMITTED)
    assert contact.round == item and contact.counted

    round_url = reverse("lms:round", kwargs={"round_id": item.pk})
    assert client.get(round_url).status_code == 403  # a shopper does not follow the round
    assert as_(client, people["other_leader"]).get(round_url).status_code == 403
    html = as_(client, people["hr"]).get(round_url).content.decode()
    assert "1 of 4 planned" in html and "Desk" in html and "Phone" in html
    assert "1 of 4 planned contacts logged" in html


# --- Calibration ----------------------------------------------------------------------------------------


def answers_body(ids, **overrides):
    answers = {**full(ids)["answers"], **overrides}
    return {f"answer-{cid}": str(v) for cid, v in answers.items()}


def test_hr_publishes_and_leaders_score_blind(client, people, org, scorecard, ids):
    url = reverse("lms:calibration_new") + f"?scorecard={scorecard.pk}"
    body = {
        "scorecard": scorecard.pk,
        "title": "Refund call",
        "transcript": "Customer: my parcel…",
        "pass_mark": "80",
    }
    assert as_(client, people["leader"]).post(url, {**body, **answers_body(ids)}).status_code == 403
    # An incomplete reference is refused, with what was typed kept.
    partial = {**body, **answers_body(ids)}
    partial.pop(f"answer-{ids['Offered a next step']}")
    response = as_(client, people["hr"]).post(url, partial)
    assert response.status_code == 400 and 'value="Refund call"' in response.content.decode()
    assert as_(client, people["hr"]).post(url, {**body, **answers_body(ids)}).status_code == 302
    contact = rules.current_calibration()

    assert as_(client, people["employee"]).get(reverse("lms:calibration")).status_code == 403
    as_(client, people["leader"])
    page = client.get(reverse("lms:calibration")).content.decode()
    assert "Customer: my parcel" in page and "Reference" not in page  # blind
    response = client.post(reverse("lms:calibration"), answers_body(ids))
    assert response.status_code == 302
    page = client.get(reverse("lms:calibration")).content.decode()
    assert "100%" in page and "Passed." in page and "Reference" in page
    assert CalibrationScore.objects.get(leader=people["leader"]).passed

    summary = reverse("lms:calibration_summary", kwargs={"contact_id": contact.pk})
    assert as_(client, people["leader"]).get(summary).status_code == 403
    html = as_(client, people["hr"]).get(summary).content.decode()
    assert "1 / 1" in html and "Krippendorff" in html and "Liam Lead" in html


# --- Surveys --------------------------------------------------------------------------------------------


def test_the_public_survey_is_answered_once(client, people):
    link = surveys.create_link(by=people["employee"], employee=people["employee"], reference="CALL-9")
    url = reverse("lms:survey", kwargs={"token": link.token})
    page = client.get(url)
    assert page.status_code == 200 and 'type="radio" name="rating"' in page.content.decode()
    response = client.post(url, {"rating": "", "comment": "Very quick"})
    assert response.status_code == 400 and "Very quick" in response.content.decode()
    assert "Choose a rating from 1 to 5." in response.content.decode()
    response = client.post(url, {"rating": "5", "resolved": "yes", "comment": "Very quick"})
    assert response.status_code == 302 and response["Location"] == reverse("lms:survey_thanks")
    assert client.get(response["Location"]).status_code == 200
    answer = SurveyResponse.objects.get()
    assert (answer.rating, answer.resolved, answer.reference) == (5, True, "CALL-9")
    again = client.post(url, {"rating": "1"})
    assert again.status_code == 410 and "already been answered" in again.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert client.get(reverse("lms:survey", kwargs={"token": "nope"})).status_code == 404


def test_an_expired_survey_link(client, people):
    link = surveys.create_link(by=people["employee"], employee=people["employee"])
    link.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    link.save()
    response = client.get(reverse("lms:survey", kwargs={"token": link.token}))
    assert response.status_code == 410 and "expired" in response.content.decode()


def test_sending_a_survey_link(client, people, org):
    url = reverse("lms:survey_link")
    assert redirected_to_login(client.get(url))
    as_(client, people["employee"])
    response = client.post(url, {"employee": people["employee"].pk, "reference": "T-1"})
    assert response.status_code == 200 and "/survey/" in response.content.decode()
    # An employee cannot make one for a colleague; a leader of another team cannot for this team.
    colleague = org.member(org.desk, "sam")
    assert client.post(url, {"employee": colleague.pk}).status_code == 400
    assert as_(client, people["other_leader"]).post(url, {"employee": colleague.pk}).status_code == 400
    assert as_(client, people["leader"]).post(url, {"employee": colleague.pk}).status_code == 200
    assert {link.created_by_id for link in surveys.SurveyLink.objects.all()} == {
        people["employee"].pk,
        people["leader"].pk,
    }


def csv_file(text):
    upload = io.BytesIO(text.encode())
    upload.name = "survey.csv"
    return upload


def test_survey_import_is_all_or_nothing_through_the_page(client, people):
    url = reverse("lms:survey_import")
    good = "employee,rating,resolved,comment,received,reference\nellie,5,yes,Great,2026-03-14,A1\n"
    bad = good + "nobody,7,maybe,,2026-03-15,A2\n"
    for role in ("employee", "leader"):
        assert as_(client, people[role]).post(url, {"file": csv_file(good)}).status_code == 403
        assert client.get(reverse("lms:survey_template")).status_code == 403
    as_(client, people["hr"])
    response = client.post(url, {"file": csv_file(bad)})
    html = response.content.decode()
    assert response.status_code == 400 and "Nothing was imported" in html and "Row 3" in html
    assert not SurveyResponse.objects.exists()
    assert client.post(url, {"file": csv_file(good), "dry_run": "1"}).status_code == 200
    assert not SurveyResponse.objects.exists()
    response = client.post(url, {"file": csv_file(good)})
    assert response.status_code == 200 and "1 response imported." in response.content.decode()
    assert SurveyResponse.objects.get().employee == people["employee"]
    assert client.get(reverse("lms:survey_template")).status_code == 200


def test_leaders_tag_their_teams_comments(client, people, skills):
    response = SurveyResponse.objects.create(
        employee=people["employee"],
        rating=2,
        comment="Did not listen",
        received_at=timezone.now(),
        source=SurveyResponse.Source.IMPORT,
    )
    url = reverse("lms:survey_tag", kwargs={"response_id": response.pk})
    body = {f"r{response.pk}-skills": [skills[0].pk]}
    assert as_(client, people["other_leader"]).post(url, body).status_code == 404
    assert "Did not listen" not in client.get(reverse("lms:survey_comments")).content.decode()
    assert as_(client, people["employee"]).post(url, body).status_code == 403
    assert not response.skills.exists()
    as_(client, people["leader"])
    assert "Did not listen" in client.get(reverse("lms:survey_comments")).content.decode()
    assert client.post(url, body).status_code == 302
    assert list(response.skills.all()) == [skills[0]]


# --- Includes for the site's pages ----------------------------------------------------------------------


def test_the_team_trends_include_in_fixed_queries(org, people, scorecard, ids, policy):
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext

    from evidence.summaries import team_service_trends

    def render():
        with CaptureQueriesContext(connection) as queries:
            html = render_to_string(
                "lms_evidence/_team_service_trends.html", {"service_trends": team_service_trends(org.service)}
            )
        return html, len(queries)

    when = timezone.localtime().replace(hour=10, minute=0).isoformat()
    statement = [{"policy": policy.pk, "matched": False, "version": 1}]
    submitted(
        people["hr"], people["employee"], scorecard, ids, contacted_at=when, handoffs=2, policies=statement
    )
    html, first = render()
    assert "Service on real contacts" in html and "Refunds: version 1 heard" in html and "2.0" in html
    for n in range(3):
        someone = org.member(org.line, f"p{n}")
        submitted(people["hr"], someone, scorecard, ids, contacted_at=when)
    _html, more = render()
    assert more == first


def test_the_followups_include(client, people, scorecard, ids):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from evidence.summaries import my_followups

    check = submitted(people["leader"], people["employee"], scorecard, ids)
    services.add_action(
        check=check,
        by=people["leader"],
        owner=people["employee"],
        text="Shadow Sam",
        due_on=timezone.localdate(),
    )
    request = RequestFactory().get("/training/")
    request.user = people["employee"]
    html = render_to_string(
        "lms_evidence/_my_followups.html", {"followups": my_followups(people["employee"])}, request
    )
    assert "Shadow Sam" in html and "Mark done" in html
    assert "Shadow Sam" not in render_to_string(
        "lms_evidence/_my_followups.html", {"followups": my_followups(people["leader"])}, request
    )


@pytest.mark.parametrize(
    "role, status",
    [("leader", 200), ("hr", 200), ("other_leader", 404), ("employee", 403), ("anonymous", "login")],
)
def test_the_service_trends_page_by_role(client, people, org, scorecard, ids, role, status):
    submitted(people["hr"], people["employee"], scorecard, ids)
    response = as_(client, people[role]).get(reverse("lms:service_trends") + f"?team={org.desk.pk}")
    if status == "login":
        assert redirected_to_login(response)
        return
    assert response.status_code == status
    if status == 200:
        assert "Service on real contacts: Desk" in response.content.decode()
