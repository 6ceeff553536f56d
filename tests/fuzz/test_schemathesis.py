"""Fuzz every operation of /api/v1/schema/ as each role: no 5xx, responses match the schema, and every
4xx carries `detail` and `code`. Query parameters are fuzzed too: values within the schema's bounds (which
must work) and, for every operation that declares some, values outside them (which must be refused with a
documented 4xx), and every declared query parameter is really sent."""

import json

import pytest
import schemathesis
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

# Transactional: the WSGI app may answer on another thread, which must see committed data.
pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLES = 8
# Operations with query parameters get more cases (each parameter is optional, and combinations matter) and
# a round of values outside the schema; bounded so the suite stays quick on SQLite and PostgreSQL alike.
QUERY_EXAMPLES = 20
NEGATIVE_EXAMPLES = 15


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Django closes database connections at the end of each request; in a test that would close the
    connection holding the test's transaction (Django's own test client does the same as this)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def roles(course, org, hr):
    employee = org.member(org.desk, "fuzz-employee")
    return {
        name: Token.objects.create(user=user).key
        for name, user in (("employee", employee), ("leader", org.lead), ("hr", hr))
    }


@pytest.mark.parametrize("role", ["anonymous", "employee", "leader", "hr"])
def test_every_operation_holds_up_under_fuzzing(client, roles, role):
    raw = json.loads(client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").content)
    schema = schemathesis.openapi.from_dict(raw)
    schema.app = WSGIHandler()
    token = roles.get(role)
    problems, statuses = [], set()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 30
    declared, sent = {}, {}
    for operation in operations:
        label = f"{operation.method.upper()} {operation.path}"
        names = {p.name for p in operation.query}
        declared[label] = names
        sent[label] = set()
        modes = [(GenerationMode.POSITIVE, QUERY_EXAMPLES if names else EXAMPLES)]
        if names:
            modes.append((GenerationMode.NEGATIVE, NEGATIVE_EXAMPLES))
        for mode, examples in modes:
            _fuzz(operation, mode, examples, token, role, problems, statuses, sent[label])
    unsent = {
        label: sorted(declared[label] - sent[label]) for label in declared if declared[label] - sent[label]
    }
    assert not unsent, f"query parameters the fuzzer never sent: {unsent}"
    assert sum(map(len, declared.values())) >= 10, declared
    assert not problems, "\n".join(sorted(set(problems))[:60])
    # The fuzzer really reached the application: some calls succeed, some are refused.
    assert any(400 <= code < 500 for code in statuses), statuses
    if role != "anonymous":
        assert any(code < 300 for code in statuses), statuses


def _fuzz(operation, mode, examples, token, role, problems, statuses, sent):
    """Call ``operation`` with ``examples`` generated cases, collecting what goes wrong in ``problems``."""
    known = {parameter.name for parameter in operation.query}

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        cache.clear()  # throttles and lockouts would otherwise answer 429 to the fuzzer
        headers = {"Authorization": f"Token {token}"} if token else {}
        response = case.call(headers=headers)
        statuses.add(response.status_code)
        sent.update(case.query or {})
        label = f"{case.method} {case.formatted_path}?{_query(case)} as {role} ({mode})"
        if response.status_code >= 500:
            problems.append(f"{label}: {response.status_code}")
            return
        if 400 <= response.status_code < 500 and "json" in response.headers.get("Content-Type", ""):
            body = response.json()
            if not (isinstance(body, dict) and body.get("detail") and body.get("code")):
                problems.append(f"{label}: {response.status_code} without detail and code: {body}")
        query = case.query or {}
        if (
            mode == GenerationMode.NEGATIVE
            and response.status_code < 400
            and set(query) <= known
            and "" not in query.values()
        ):
            # A declared parameter outside the schema's bounds must be refused, or the schema would lie.
            # (Parameters an endpoint does not read are ignored, and an empty value is an absent one, so
            # cases adding those prove nothing.)
            problems.append(f"{label}: {response.status_code} for a value outside the schema")
        try:
            case.validate_response(
                response,
                checks=[not_a_server_error, response_schema_conformance, status_code_conformance],
                headers=headers,
            )
        except Exception as exc:  # noqa: BLE001 - collected with the operation's name
            problems.append(f"{label}: {str(exc).splitlines()[0][:300]}")

    check()


def _query(case) -> str:
    return "&".join(f"{key}={str(value)[:30]}" for key, value in (case.query or {}).items())
