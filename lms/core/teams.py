"""The team tree: one walk down (a team and everything below it) and one walk up (whose leadership a
person sits under). Every page, rule and export that follows the tree calls these."""

from django.db.models.expressions import RawSQL

from .models import Team, walk_up


def descendants(teams) -> list[Team]:
    """``teams`` and every team below them, each once, in one query per level."""
    result: dict[int, Team] = {}
    frontier = list(teams)
    while frontier:
        for team in frontier:
            result[team.pk] = team
        frontier = [t for t in Team.objects.filter(parent__in=frontier) if t.pk not in result]
    return list(result.values())


def all_teams() -> dict[int, Team]:
    """Every team by id, with its leader: the tree in one query, for walking up from many people."""
    return {t.pk: t for t in Team.objects.select_related("leader")}


def leader_above(*, person_id: int, team_id: int | None, teams: dict[int, Team]):
    """The nearest leader at or above team ``team_id`` who is not the person themselves: their own team's
    leader, or for a team's leader the leader of the team above. None at the top of the tree."""
    for team in walk_up(teams.get(team_id), lambda t: teams.get(t.parent_id)):
        if team.leader_id and team.leader_id != person_id:
            return team.leader
    return None


def led_team_ids_sql(user) -> RawSQL:
    """The ids of the teams ``user`` leads and every team below them, as one SQL subquery (a recursive
    walk down the tree, which SQLite and PostgreSQL both run), for a count that must cost one query."""
    table = Team._meta.db_table
    # The table name is the model's own; the user's id is a bound parameter.
    return RawSQL(  # noqa: S611
        f"WITH RECURSIVE led(id) AS (SELECT id FROM {table} WHERE leader_id = %s "  # noqa: S608
        f"UNION SELECT t.id FROM {table} t JOIN led ON t.parent_id = led.id) SELECT id FROM led",
        [user.pk],
    )
