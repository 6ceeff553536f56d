"""The demo organisation of DESIGN.md §5: HR, a head of service, two leaders, their teams."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from lms.core import conf
from lms.core.models import Profile, Team
from lms.site.authors import AUTHORS_GROUP, ensure_authors_group

DEMO_PASSWORD = "demo1234"  # noqa: S105 - documented demo credential, demo settings only

# username, first name, last name, job title, employee id
PEOPLE = [
    ("hr", "Harriet", "Rowe", "HR business partner", "E0001"),
    ("head", "Grace", "Adeyemi", "Head of Customer Service", "E0002"),
    ("leader", "Liam", "O'Connell", "Team leader, Front Desk", "E0010"),
    ("employee", "Emma", "Clarke", "Customer service adviser", "E0011"),
    ("zoe", "Zoë", "Brontë", "Customer service adviser", "E0012"),
    ("jose", "José", "Muñoz", "Customer service adviser", "E0013"),
    ("leader2", "Priya", "Raman", "Team leader, Support Line", "E0020"),
    ("employee2", "Tom", "Baker", "Support adviser", "E0021"),
    ("soren", "Søren", "Ødegaard", "Support adviser", "E0022"),
    ("lan", "Lan", "Nguyễn", "Support adviser", "E0023"),
    ("author", "Alex", "Morgan", "Learning designer", "E0003"),
]

# team name, leader username, parent team name, member usernames
TEAMS = [
    ("Customer Service", "head", None, ["head"]),
    ("Front Desk", "leader", "Customer Service", ["leader", "employee", "zoe", "jose"]),
    ("Support Line", "leader2", "Customer Service", ["leader2", "employee2", "soren", "lan"]),
]


@transaction.atomic
def build_organisation() -> dict[str, object]:
    """Create (or leave as they are) the demo people and teams. Safe to run again."""
    User = get_user_model()
    users = {}
    for username, first, last, title, employee_id in PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@brightwater.example"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        users[username] = user
        Profile.objects.update_or_create(user=user, defaults={"job_title": title, "employee_id": employee_id})

    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={
            "is_staff": True,
            "is_superuser": True,
            "email": "admin@brightwater.example",
            "first_name": "Site",
            "last_name": "Administrator",
        },
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()

    hr_group, _ = Group.objects.get_or_create(name=conf.get("LMS_HR_GROUP"))
    hr_perms = Permission.objects.filter(
        content_type__app_label__in=["lms"],
        codename__in=[
            "manage_training",
            "add_team",
            "change_team",
            "view_team",
            "add_profile",
            "change_profile",
            "view_profile",
        ],
    ) | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    hr_group.permissions.add(*hr_perms)
    users["hr"].groups.add(hr_group)

    # The plugin's own group for course authors (made after every migrate): pages, skills, policies,
    # certificate designs, images, publishing.
    ensure_authors_group(sender=None)  # complete, now that the page tree exists
    users["author"].groups.add(Group.objects.get(name=AUTHORS_GROUP))

    teams = {}
    for name, leader, parent, members in TEAMS:
        team, _ = Team.objects.update_or_create(
            name=name, defaults={"leader": users[leader], "parent": teams.get(parent)}
        )
        teams[name] = team
        Profile.objects.filter(user__username__in=members).update(team=team)
    return {"users": users, "teams": teams}


# Who holds which certificate in the demo. `leader` is certified in some leaders-first courses but not
# first-contact-resolution, so that course stays locked for `employee` until `leader` passes it.
DEMO_CERTIFICATES = {
    "head": [
        "acknowledgement-and-apology",
        "knowing-our-policies",
        "first-contact-resolution",
        "leading-a-service-team",
        "active-listening",
    ],
    "leader": [
        "active-listening",
        "acknowledgement-and-apology",
        "knowing-our-policies",
        "leading-a-service-team",
    ],
    "leader2": ["active-listening", "knowing-our-policies", "leading-a-service-team"],
}


@transaction.atomic
def issue_demo_certificates() -> int:
    from certificates.models import Certificate
    from certificates.services import issue
    from courses.models import CoursePage

    from .design import build_certificate_design

    build_certificate_design()  # first, so the demo's certificates print in Brightwater's design
    User = get_user_model()
    issued = 0
    for username, slugs in DEMO_CERTIFICATES.items():
        holder = User.objects.get(username=username)
        for course in CoursePage.objects.filter(slug__in=slugs):
            if not Certificate.objects.filter(holder=holder, course=course).exists():
                issue(holder=holder, course=course, reason="Demo data: certified before the demo began.")
                issued += 1
    return issued


def _answers(attempt, *, knows: bool, does: bool) -> dict:
    """Right or wrong answers by dimension, so the demo shows people who know but don't yet do."""
    answers = {}
    for q in attempt.snapshot["questions"]:
        kind, options = q["type"], q["options"]
        if kind in ("single_choice", "true_false"):
            pick = [o for o in options if o["correct"] == knows] or options
            answers[q["id"]] = pick[0]["id"]
        elif kind == "multiple_response":
            answers[q["id"]] = [o["id"] for o in options if o["correct"] == knows] or [options[0]["id"]]
        elif kind == "judgement":
            ranked = sorted(options, key=lambda o: o["quality"], reverse=does)
            answers[q["id"]] = ranked[0]["id"] if does else ranked[1]["id"]
        elif kind == "sequencing":
            order = list(q["key_order"])
            answers[q["id"]] = order if does else list(reversed(order))
        elif kind == "written":
            answers[q["id"]] = (
                "I'm really sorry about this, I can see why you're frustrated. Let me look at exactly "
                "what went wrong and I'll ring you back by four today with what happens next."
                if does
                else "Sorry about that. I'll pass it on."
            )
    return answers


@transaction.atomic
def build_demo_activity() -> None:
    """A little history so dashboards have something to show: one adviser passes Active listening, one
    knows the material but not yet the skill. Runs once."""
    from courses import services as course_services
    from courses.models import CoursePage, Enrolment
    from quizzes import services as quiz_services
    from quizzes.models import Attempt, Review

    User = get_user_model()
    course = CoursePage.objects.filter(slug="active-listening").first()
    leader = User.objects.get(username="leader")
    if (
        course is None
        or Attempt.objects.filter(course=course, learner__username__in=["zoe", "jose"]).exists()
    ):
        return
    for username, does in (("zoe", True), ("jose", False)):
        person = User.objects.get(username=username)
        enrolment, _ = Enrolment.objects.get_or_create(user=person, course=course)
        for module in course.modules():
            course_services.complete_module(user=person, enrolment_id=enrolment.pk, module_id=module.pk)
        attempt, _ = quiz_services.start_attempt(user=person, course=course)
        quiz_services.save_answers(
            user=person, attempt_id=attempt.pk, answers=_answers(attempt, knows=True, does=does)
        )
        attempt = quiz_services.submit(user=person, attempt_id=attempt.pk)
        for review in attempt.reviews.all():
            if review.kind == Review.Kind.WRITTEN:
                rubric = quiz_services.question_of(review)["rubric"]
                marks = {c["id"]: (c["points"] if does else 0) for c in rubric}
                comment = "Warm and specific." if does else "Name the problem and say what happens next."
                quiz_services.grade_written(
                    reviewer=leader, review_id=review.pk, marks=marks, comment=comment
                )
            else:
                items = [i["id"] for i in attempt.snapshot["observation"]]
                quiz_services.sign_off(
                    reviewer=leader, review_id=review.pk, items=items, note="Demo role-play"
                )
