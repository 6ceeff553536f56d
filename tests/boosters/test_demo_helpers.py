"""The demo helpers give leaders real FSRS figures with one slipping skill, and feedback past the
threshold; running them again changes nothing."""

from boosters import demo, feedback, selectors
from boosters.models import BoosterReview
from certificates import services as certificate_services


def test_booster_history_makes_one_skill_slip_and_runs_once(org, course, assessment):
    ada = org.member(org.desk, "ada")
    bo = org.member(org.desk, "bo")
    for person in (ada, bo):
        certificate_services.issue(holder=person, course=course)
    assert demo.build_booster_history(holders={"ada": None, "bo": "apology"}) == 2
    answers = BoosterReview.objects.count()
    assert demo.build_booster_history(holders={"ada": None, "bo": "apology"}) == 0
    assert BoosterReview.objects.count() == answers
    skills = {s["slug"]: s for s in selectors.team_recall(org.desk)["skills"]}
    assert [p["user_id"] for p in skills["apology"]["slipping"]] == [bo.pk]
    assert not skills["listening"]["slipping"] or all(
        p["user_id"] == bo.pk for p in skills["listening"]["slipping"]
    )
    assert skills["apology"]["recall"] < skills["listening"]["recall"]


def test_feedback_past_the_threshold(org, course):
    names = [f"p{n}" for n in range(6)]
    for name in names:
        org.member(org.desk, name)
    answers = [(name, 4, f"Note {name}") for name in names]
    assert demo.build_feedback(course=course, answers=answers) == 6
    assert demo.build_feedback(course=course, answers=answers) == 0
    assert feedback.summary(course=course)["shown"] is True


def test_leave_sets_due_draws_a_set_now_once_and_leaves_real_answers_alone(org, course, assessment):
    from boosters import services
    from boosters.models import BoosterSchedule

    bo = org.member(org.desk, "bo")
    certificate_services.issue(holder=bo, course=course)
    demo.build_booster_history(holders={"bo": "apology"})
    # Issued just now, so without the helper the first set would only come a gap later.
    assert services.due_set(user=bo) == []
    assert demo.leave_sets_due(usernames=["bo"]) == 1
    drawn = [c.pk for c in services.due_set(user=bo)]
    assert drawn
    assert demo.leave_sets_due(usernames=["bo"]) == 1
    assert BoosterSchedule.objects.get(user=bo).pending == drawn  # the same set, not a second one
