"""The team matrix speaks to the leader who reads it, not in the learner's own voice (My training keeps
that): whom a locked person waits for, how many items wait for review, when a failed person may retry."""

import datetime

import pytest

from certificates.standing import ASSESSMENT, AWAITING_REVIEW, CERTIFIED, IN_PROGRESS, LOCKED, Standing
from lms.site.templatetags.lms_matrix import leader_note, matrix_cell
from tests.factories import CoursePageFactory, ModulePageFactory, ProfileFactory, TeamFactory, UserFactory


def test_a_locked_cell_names_the_leader_the_person_waits_for():
    cell = Standing(state=LOCKED, next_step="Opens when your team leader, Liam Lead, is certified.")
    cell.blocked_by = "Liam Lead"
    assert leader_note(cell, "Grace Head") == "Waiting for Liam Lead to be certified"


def test_a_locked_cell_tells_the_leader_it_waits_for_them():
    cell = Standing(
        state=LOCKED,
        next_step="Opens when your team leader, Liam Lead, is certified.",
        blocked_by="Liam Lead",
    )
    assert leader_note(cell, "Liam Lead") == "Waiting for you to be certified"


def test_an_assessment_waiting_for_the_leader_is_worded_for_the_leader_too():
    cell = Standing(
        state=ASSESSMENT,
        next_step="The assessment opens when your team leader, Liam Lead, is certified.",
        blocked_by="Liam Lead",
    )
    assert leader_note(cell, "Liam Lead") == "Waiting for you to be certified"
    # An open attempt is the learner's to continue, whoever leads them.
    cell.next_step = "Continue your assessment; your answers are saved."
    assert leader_note(cell, "Liam Lead") == "Continue your assessment; your answers are saved."


@pytest.mark.parametrize(
    ("count", "words"), [(1, "1 item waiting for review"), (2, "2 items waiting for review")]
)
def test_an_awaiting_review_cell_counts_the_items(count, words):
    cell = Standing(
        state=AWAITING_REVIEW, next_step="Wait for a team leader's review…", reviews_waiting=count
    )
    assert leader_note(cell) == words


def test_a_cell_in_cool_down_says_when_the_person_may_retry(settings):
    settings.TIME_ZONE = "Europe/London"
    retry = datetime.datetime(2026, 12, 4, 18, 31, tzinfo=datetime.UTC)
    cell = Standing(state=ASSESSMENT, next_step="Revisit the modules; …", changes_at=retry)
    assert leader_note(cell) == "Not passed yet: can retry after 18:31 on 4 Dec"


def test_other_states_keep_the_next_step():
    for cell in (
        Standing(state=IN_PROGRESS, next_step="Finish 1 more module, then take the assessment."),
        Standing(state=CERTIFIED, next_step="Certified until 4 Dec 2027.", blocked_by="Liam Lead"),
        Standing(state=ASSESSMENT, next_step="Try the assessment again."),
    ):
        assert leader_note(cell, "Liam Lead") == cell.next_step


def test_the_rendered_cell_carries_the_leaders_wording_and_escapes_it():
    cell = Standing(state=LOCKED, next_step="Opens when…", blocked_by="<b>Liam</b>")
    html = str(matrix_cell(cell))
    assert "Waiting for &lt;b&gt;Liam&lt;/b&gt; to be certified" in html
    assert "Opens when" not in html


@pytest.fixture
def desk(catalogue):
    course = CoursePageFactory(
        parent=catalogue, title="Owning the outcome", slug="owning", leaders_first=True
    )
    ModulePageFactory(parent=course, title="Why it matters", slug="why")
    head = UserFactory(username="head", first_name="Grace", last_name="Head")
    top = TeamFactory(name="Service", leader=head)
    leader = UserFactory(username="lead", first_name="Liam", last_name="Lead")
    desk = TeamFactory(name="Desk", leader=leader, parent=top)
    ProfileFactory(user=leader, team=desk)
    ProfileFactory(user=UserFactory(username="pat", first_name="Pat", last_name="Person"), team=desk)
    return {"leader": leader, "head": head}


def test_the_team_view_speaks_to_the_leader_who_reads_it(client, desk):
    client.force_login(desk["leader"])
    page = client.get("/training/team/").content.decode()
    assert "Waiting for you to be certified" in page
    assert "Opens when your team leader" not in page
    client.force_login(desk["head"])
    page = client.get("/training/team/").content.decode()
    assert "Waiting for Liam Lead to be certified" in page
    assert "Opens when your team leader" not in page


def test_the_rows_escape_names_link_each_person_and_mark_the_overdue():
    from lms.site.dashboards import Person, Row
    from lms.site.templatetags.lms_matrix import matrix_rows

    person = Person(7, 1, "", "sam", "<i>Sam</i>", "Stone", "Front <Desk>")
    late = Standing(
        state=IN_PROGRESS,
        next_step="Finish it.",
        percent=40,
        overdue=True,
        due_date=datetime.date(2026, 11, 1),
    )
    html = str(matrix_rows([Row(person=person, cells=[late]), Row(person=person, cells=[])]))
    assert html.count("<tr") == 2 and html.count('class="row--overdue"') == 1
    assert '<a href="/training/team/members/7/">&lt;i&gt;Sam&lt;/i&gt; Stone</a>' in html
    assert "Front &lt;Desk&gt;" in html and "In progress 40%" in html and "overdue since 1 Nov" in html
