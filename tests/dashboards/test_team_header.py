"""The team view's title agrees with the navigation ("My team"); a leader of one team gets no team picker,
a leader of several does; the header's language button keeps its full name for screen readers."""

import pytest

from tests.factories import ProfileFactory, TeamFactory, UserFactory


@pytest.fixture
def leaders(db):
    one = UserFactory(username="lead", first_name="Liam", last_name="Lead")
    desk = TeamFactory(name="Desk", leader=one)
    ProfileFactory(user=one, team=desk)
    ProfileFactory(user=UserFactory(username="pat"), team=desk)
    head = UserFactory(username="head", first_name="Grace", last_name="Head")
    service = TeamFactory(name="Service", leader=head)
    TeamFactory(name="Phones", leader=head, parent=service)
    return {"one": one, "head": head}


def test_a_leader_of_one_team_gets_no_picker_and_the_title_matches_the_nav(client, leaders):
    client.force_login(leaders["one"])
    page = client.get("/training/team/").content.decode()
    assert "<h1>My team</h1>" in page
    assert "My teams" not in page
    assert 'id="team-select"' not in page and "All my teams" not in page
    assert "format=csv" in page  # the downloads stay


def test_a_leader_of_several_teams_chooses_among_them(client, leaders):
    client.force_login(leaders["head"])
    page = client.get("/training/team/").content.decode()
    assert "<h1>My team</h1>" in page
    assert 'id="team-select"' in page and "All my teams" in page


def test_the_language_button_keeps_its_whole_name(client, leaders):
    client.force_login(leaders["one"])
    page = client.get("/training/").content.decode()
    assert 'Change<span class="language-switcher__more"> language</span></button>' in page
