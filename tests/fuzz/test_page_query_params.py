"""The HTML pages that read query parameters never answer 5xx to absurd values: a twenty-digit number, a
negative one, ten thousand characters, impossible dates, digits that are not ASCII. They show the page
(ignoring or naming the value) or refuse with a 4xx.

Not yet a NUL character: on PostgreSQL the audit trail (verb, person) and the register (q) pass it to the
database, which refuses it (a 500; reported to their owners). The API refuses it (test_query_params)."""

import pytest

ABSURD = [
    "9" * 20,
    "-1",
    "x" * 10_000,
    "2024-13-45",
    "0000-00-00",
    "99999-12-31",
    "½",
    "²",
    "a\x00b",
]

# Each page and the parameters it reads (grep request.GET), as someone allowed to see it.
PAGES = [
    ("/", ["q", "skill", "state"], "hr"),
    ("/training/export/", ["format"], "hr"),
    ("/training/audit/", ["verb", "person", "since", "until", "format", "page"], "hr"),
    ("/training/notifications/", ["page"], "hr"),
    ("/training/organisation/", ["format"], "hr"),
    ("/training/organisation/cascade/", ["format"], "hr"),
    ("/training/organisation/expiring/", ["within", "format"], "hr"),
    ("/training/team/", ["team", "format", "page"], "lead"),
    ("/training/team/", ["team", "format", "page"], "hr"),
    ("/training/reviews/", ["page"], "lead"),
    (
        "/training/register/",
        ["team", "course", "status", "expires_within", "q", "policy_update", "page"],
        "hr",
    ),
    ("/verify/", ["code"], "hr"),
    ("/admin/reports/question-quality/", ["assessment"], "admin"),
]


@pytest.fixture
def people(course, org, hr):
    from tests.factories import UserFactory

    return {
        "hr": hr,
        "lead": org.lead,
        "admin": UserFactory(username="root", is_superuser=True, is_staff=True),
    }


@pytest.mark.parametrize(("path", "names", "who"), PAGES, ids=[f"{p[0]} as {p[2]}" for p in PAGES])
def test_absurd_query_values_never_crash_a_page(client, people, path, names, who):
    client.force_login(people[who])
    assert client.get(path).status_code == 200, "the page itself must work for this person"
    failures = []
    for name in names:
        for value in ABSURD:
            response = client.get(path, {name: value})
            if response.status_code >= 500:
                failures.append(f"{name}={value[:24]!r}: {response.status_code}")
    everything = client.get(path, dict.fromkeys(names, "9" * 20))
    if everything.status_code >= 500:
        failures.append(f"all at once: {everything.status_code}")
    assert not failures, f"{path} as {who}: " + "; ".join(failures)
