import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from courses.models import CoursePage, ModulePage, Policy, Skill
from lms.core.models import Team

pytestmark = pytest.mark.django_db


def test_demo_builds_the_organisation_and_curriculum(demo, django_user_model):
    for username in ["hr", "head", "leader", "employee", "leader2", "employee2", "author", "admin"]:
        assert django_user_model.objects.get(username=username).check_password("demo1234")
    front = Team.objects.get(name="Front Desk")
    support = Team.objects.get(name="Support Line")
    assert front.leader.username == "leader"
    assert support.leader.username == "leader2"
    assert front.parent == support.parent == Team.objects.get(leader__username="head")
    assert django_user_model.objects.get(username="employee").lms_profile.team == front
    assert django_user_model.objects.get(username="employee2").lms_profile.team == support
    titles = set(CoursePage.objects.values_list("title", flat=True))
    assert len(titles) >= 5
    for course in CoursePage.objects.all():
        assert course.get_children().type(ModulePage).count() >= 3, course.title
    assert CoursePage.objects.filter(leaders_first=True).exists()
    assert CoursePage.objects.filter(leaders_first=False).exists()


def test_demo_is_idempotent(demo, django_user_model):
    counts = (
        django_user_model.objects.count(),
        Team.objects.count(),
        CoursePage.objects.count(),
        ModulePage.objects.count(),
        Policy.objects.count(),
        Skill.objects.count(),
    )
    call_command("lms_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        django_user_model.objects.count(),
        Team.objects.count(),
        CoursePage.objects.count(),
        ModulePage.objects.count(),
        Policy.objects.count(),
        Skill.objects.count(),
    )


def test_demo_refuses_to_run_unless_enabled(db, settings):
    settings.LMS_DEMO_ENABLED = False
    with pytest.raises(CommandError, match="LMS_DEMO_ENABLED"):
        call_command("lms_demo")


@pytest.mark.parametrize("username", ["employee", "leader", "hr", "head", "employee2"])
def test_every_learner_page_renders_for_demo_users(demo, client, username):
    client.login(username=username, password="demo1234")
    course = CoursePage.objects.get(slug="active-listening")
    module = course.get_children().live().first()
    for url in ["/", course.url, module.url, "/training/"]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)


@pytest.mark.parametrize("username", ["hr", "author", "admin"])
def test_admin_renders_for_staff_demo_users(demo, client, username):
    client.login(username=username, password="demo1234")
    response = client.get("/admin/")
    assert response.status_code == 200
    course = CoursePage.objects.get(slug="active-listening")
    if username != "hr":
        assert client.get(f"/admin/pages/{course.pk}/edit/").status_code == 200
    else:
        assert client.get("/admin/snippets/lms/team/").status_code == 200


def test_employee_is_kept_out_of_the_admin(demo, client):
    client.login(username="employee", password="demo1234")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == "/admin/login/?next=/admin/"


def test_demo_has_a_locked_and_an_open_leaders_first_course_for_employee(demo, django_user_model):
    from courses.access import course_access

    employee = django_user_model.objects.get(username="employee")
    states = {
        c.slug: course_access(user=employee, course=c) for c in CoursePage.objects.filter(leaders_first=True)
    }
    locked = [slug for slug, access in states.items() if not access.is_open]
    assert "first-contact-resolution" in locked
    assert "Liam O'Connell" in states["first-contact-resolution"].detail
    assert any(access.is_open for access in states.values())


def test_demo_evidence_gives_every_evidence_view_something_real(demo, django_user_model):
    from evidence import rules
    from evidence.models import CalibrationScore, Scorecard, ServiceCheck, ShopRound, SurveyResponse
    from evidence.scoring import snapshot_of
    from evidence.trends import team_trends

    User = django_user_model
    card = Scorecard.objects.get(title="Every customer contact", live=True)
    criteria = [c for s in snapshot_of(card)["sections"] for c in s["criteria"]]
    assert {c["skill"]["slug"] for c in criteria} == {
        "listening",
        "acknowledgement",
        "apology",
        "policy-knowledge",
        "first-contact-resolution",
    }
    assert [c["skill"]["slug"] for c in criteria if c["critical"]] == ["policy-knowledge"]
    assert any(c["allow_na"] for c in criteria) and not all(c["allow_na"] for c in criteria)
    assert len({c["weight"] for c in criteria}) > 1

    refunds = Policy.objects.get(slug="refunds")
    assert refunds.version == 2
    shop_round = ShopRound.objects.get()
    assert {t.name for t in shop_round.teams.all()} == {"Front Desk", "Support Line"}
    assert shop_round.ends_on < timezone.localdate()
    contacts = ServiceCheck.objects.filter(round=shop_round, state="submitted", counted=True)
    assert contacts.count() == 12
    assert ServiceCheck.objects.filter(round=None, checker__username="hr", counted=True).count() == 4

    front = team_trends(Team.objects.get(name="Front Desk"), months=4)["months"]
    support = team_trends(Team.objects.get(name="Support Line"), months=4)["months"]
    assert sum(1 for m in support if m["contacts"]) >= 3  # several months of trend
    front_handoffs = [m["handoffs_per_contact"] for m in front if m["contacts"]]
    support_handoffs = [m["handoffs_per_contact"] for m in support if m["contacts"]]
    assert max(front_handoffs) <= 1 and all(2 <= h <= 3 for h in support_handoffs)
    assert all(m["first_contact_resolution"] >= 50 for m in front if m["contacts"])
    heard = {v for m in support for p in m["policy_versions_heard"] for v in p["versions"]}
    assert heard == {1, 2}  # the refunds policy told in two versions

    ratings = set(SurveyResponse.objects.values_list("rating", flat=True))
    assert {1, 2, 4, 5} <= ratings
    assert SurveyResponse.objects.exclude(comment="").count() >= 10
    months = {r.strftime("%Y-%m") for r in SurveyResponse.objects.values_list("received_at", flat=True)}
    assert len(months) >= 3

    contact = rules.current_calibration()
    assert contact is not None
    assert CalibrationScore.objects.get(contact=contact, leader__username="leader2").passed
    assert not CalibrationScore.objects.filter(contact=contact, leader__username="leader").exists()
    assert rules.is_calibrated(User.objects.get(username="leader2"))
    assert not rules.is_calibrated(User.objects.get(username="leader"))
    # `leader` may record checks on this scorecard (certified in a course on its skills), uncounted for now.
    leader, employee = User.objects.get(username="leader"), User.objects.get(username="employee")
    assert rules.check_refusal(leader, employee, snapshot_of(card)) is None


def test_demo_evidence_is_idempotent(demo):
    from evidence.models import (
        CalibrationContact,
        CalibrationScore,
        Scorecard,
        ServiceCheck,
        ShopperScript,
        ShopRound,
        SurveyResponse,
    )

    models = [CalibrationContact, CalibrationScore, Scorecard, ServiceCheck, ShopRound, ShopperScript]
    counts = [m.objects.count() for m in [*models, SurveyResponse]]
    version = Policy.objects.get(slug="refunds").version
    call_command("lms_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == [m.objects.count() for m in [*models, SurveyResponse]]
    assert Policy.objects.get(slug="refunds").version == version


@pytest.mark.parametrize(
    ("username", "path", "shows"),
    [
        ("employee", "/training/checks/mine/", "DEMO-CHECK-"),
        ("employee2", "/training/checks/mine/", "critical missed"),
        ("leader", "/training/team/", "Refunds and account credits: version 1"),
        ("leader", "/training/calibration/", "Mrs Patel"),
        ("leader2", "/training/team/", "Service on real contacts: Support Line"),
        ("head", "/training/checks/trends/", "Service on real contacts: Customer Service"),
        ("head", "/training/rounds/", "Autumn round"),
        ("hr", "/training/surveys/comments/", "put through to three different people"),
    ],
)
def test_demo_evidence_pages_show_real_data(demo, client, username, path, shows):
    client.login(username=username, password="demo1234")
    response = client.get(path)
    assert response.status_code == 200
    assert shows in response.content.decode()


def test_demo_one_message_policy_update_questions_boosters_and_feedback(demo, django_user_model):
    from attestation import selectors as attestation
    from attestation.models import Attestation, PolicyQuestion
    from boosters.feedback import summary
    from boosters.selectors import team_recall
    from courses.models.snippets import PolicyVersion

    User = django_user_model
    people = {u.username: u for u in User.objects.all()}

    # A material change to the complaints policy, with questions, being confirmed leaders first.
    complaints = Policy.objects.get(slug="complaints")
    version = PolicyVersion.objects.get(policy=complaints, version=2)
    assert complaints.version == 2 and version.is_material and len(version.questions) == 2
    assert "5 working days" in complaints.body
    confirmed = set(
        Attestation.objects.filter(policy_version=version, attested_at__isnull=False).values_list(
            "holder__username", flat=True
        )
    )
    assert confirmed == {"head", "leader", "zoe"}
    [owed] = [d for d in attestation.due_for(people["employee"]) if d.version == version]
    assert owed.may_attest and owed.state == "open"  # open: her leader has confirmed it
    front_desk = Team.objects.get(name="Front Desk")
    [cell] = [c for c in attestation.progress() if c["version"] == version and c["team"] == front_desk]
    assert cell["attested"] >= 2 and cell["open"] == 1  # Liam and Zoë done, Emma not yet

    # A published FAQ answer on the refunds policy, and Emma's question waiting for Liam.
    [faq] = attestation.faqs(Policy.objects.get(slug="refunds"))
    assert faq.answered_by == people["leader2"] and faq.faq_question.startswith("Can I give £75")
    waiting = list(attestation.questions_for(people["leader"]))
    assert [(q.asker.username, q.policy.slug) for q in waiting] == [("employee", "complaints")]

    # Booster history: Front Desk's apology recall slips, for Emma and Zoë.
    skills = {s["slug"]: s for s in team_recall(front_desk)["skills"]}
    slipping = {p["name"] for p in skills["apology"]["slipping"]}
    assert {"Emma Clarke", "Zoë Brontë"} <= slipping and "Liam O'Connell" not in slipping
    assert any(not s["slipping"] for s in skills.values())  # other skills are kept up

    # Course feedback past the five-answer threshold on Active listening.
    figures = summary(course=CoursePage.objects.get(slug="active-listening"))
    assert figures["shown"] and figures["answers"] >= figures["min_answers"] and figures["comments"]
    assert PolicyQuestion.objects.filter(faq=True).count() == 1


def test_demo_employee2_has_courses_in_progress_and_employees_leaders_first_lock_holds(
    demo, django_user_model
):
    from courses.access import course_access
    from courses.models import Enrolment
    from courses.progress import progress_for

    employee2 = django_user_model.objects.get(username="employee2")
    enrolments = {e.course.slug: e for e in Enrolment.objects.filter(user=employee2).select_related("course")}
    assert set(enrolments) == {"active-listening", "knowing-our-policies"}
    for enrolment in enrolments.values():
        assert 0 < progress_for(enrolment).percent < 100, enrolment.course.slug
    assigned = enrolments["knowing-our-policies"]
    assert assigned.assigned_by.username == "leader2" and assigned.due_date > timezone.localdate()
    employee = django_user_model.objects.get(username="employee")
    fcr = CoursePage.objects.get(slug="first-contact-resolution")
    assert not course_access(user=employee, course=fcr).is_open


def test_demo_one_message_is_idempotent(demo):
    from attestation.models import Attestation, PolicyQuestion
    from boosters.models import BoosterCard, BoosterReview, CourseFeedback
    from certificates.models import Certificate
    from courses.models import Enrolment
    from courses.models.snippets import PolicyVersion
    from lms.core.models import AuditEvent, Notification

    models = [
        Attestation,
        PolicyQuestion,
        BoosterCard,
        BoosterReview,
        CourseFeedback,
        Certificate,
        Enrolment,
        PolicyVersion,
        Notification,
        AuditEvent,
    ]
    counts = [m.objects.count() for m in models]
    call_command("lms_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == [m.objects.count() for m in models]


@pytest.mark.parametrize(
    ("username", "path", "shows"),
    [
        ("employee", "/training/policy-updates/", "Complaints handling"),
        ("leader", "/training/policy-questions/", "Mrs Patel asked us to email"),
        ("employee", "/training/policies/refunds/", "Can I give £75 goodwill on each call"),
        ("leader", "/training/boosters/team/", "Emma Clarke"),
        ("hr", "/training/register/?policy_update=update_due", "Emma Clarke"),
        ("hr", "/training/feedback/", "Active listening"),
    ],
)
def test_demo_one_message_pages_show_real_data(demo, client, username, path, shows):
    client.login(username=username, password="demo1234")
    response = client.get(path)
    assert response.status_code == 200
    assert shows in response.content.decode()


def test_demo_leaves_booster_sets_due_and_tells_emma_her_policy_update_opened(
    demo, client, django_user_model
):
    from courses.models.snippets import PolicyVersion
    from lms.core.models import Notification

    # A booster set is waiting now for Emma and Zoë: the API and the page both show questions.
    for username in ("employee", "zoe"):
        client.login(username=username, password="demo1234")
        questions = client.get("/api/v1/boosters/").json()["questions"]
        assert questions, username
        page = client.get("/training/boosters/").content.decode()
        assert 'id="boosters-done"' not in page, username
    emma = django_user_model.objects.get(username="employee")
    # Running the demo again leaves the waiting sets as they are.
    call_command("lms_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [q["id"] for q in client.get("/api/v1/boosters/").json()["questions"]] == [
        q["id"] for q in questions
    ]

    # Liam's confirmation opened the complaints update for Emma, and she was told at once, once.
    version = PolicyVersion.objects.get(policy__slug="complaints", version=2)
    [message] = Notification.objects.filter(recipient=emma, kind="policy_update")
    assert message.occasion.startswith(f"policy-update:{version.pk}:")
    assert "Complaints handling" in message.text and message.link == "/training/policy-updates/"
