"""The audit trail in words: each recorded change as a sentence a person can read, naming the course,
the people concerned and what was decided."""

from django.contrib.auth import get_user_model

from lms.core.names import display_name

# Each action as HR reads it, for the filter and the export.
ACTIONS = {
    "certificate.issue": "Certificate issued",
    "certificate.revoke": "Certificate revoked",
    "certificate.correct": "Certificate corrected",
    "certificates.export": "Certificates exported",
    "enrolment.assign": "Course assigned",
    "leaders_first.exception": "Leaders-first exception",
    "review.grade": "Written reply graded",
    "review.sign_off": "Observation signed off",
    "staff.import": "Staff imported",
    "team.nudge": "Nudge sent",
}


def action_label(verb: str) -> str:
    return ACTIONS.get(verb, verb.replace("_", " ").replace(".", ": ").capitalize())


def _course(data: dict) -> str:
    return f" in “{data['course']}”" if data.get("course") else ""


def _names(ids, people: dict) -> str:
    names = [people[i] for i in ids if i in people]
    if not names:
        return "nobody still on record"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def sentence(event, people: dict) -> str:
    who = display_name(event.actor) if event.actor else "The system"
    whose = f"{display_name(event.subject)}'s" if event.subject else "a"
    subject = display_name(event.subject) if event.subject else "someone no longer on record"
    data = event.data or {}
    verb = event.verb
    if verb == "certificate.issue":
        return f"{who} issued {whose} certificate{_course(data)}."
    if verb == "certificate.revoke":
        return f"{who} revoked {whose} certificate{_course(data)}."
    if verb == "certificate.correct":
        return f"{who} corrected {whose} certificate{_course(data)} with a replacement."
    if verb == "leaders_first.exception":
        course = f" “{data['course']}”" if data.get("course") else " a course"
        return f"{who} let {subject} start{course} before their leader was certified."
    if verb == "review.grade":
        return f"{who} graded {whose} written reply{_course(data)}."
    if verb == "review.sign_off":
        items = data.get("items") or []
        listed = f": {'; '.join(items)}" if items else ""
        count = f"{len(items)} observed behaviour{'' if len(items) == 1 else 's'}"
        return f"{who} signed off {count} for {subject}{_course(data)}{listed}."
    if verb == "enrolment.assign":
        due = f", due {data['due_date']}" if data.get("due_date") else ", with no due date"
        return f"{who} assigned “{data.get('course', 'a course')}” to {subject}{due}."
    if verb == "team.nudge":
        return f"{who} sent a nudge to {_names(data.get('people', []), people)}."
    if verb == "certificates.export":
        return f"{who} exported {data.get('count', 'some')} certificates as a ZIP."
    if verb == "staff.import":
        return f"{who} imported staff from a file ({event.reason or 'no details'})."
    return f"{who}: {action_label(verb)}{_course(data)}."


def sentences(events) -> list[tuple[object, str]]:
    """(event, sentence) for each event, naming nudge recipients in one query for the lot."""
    events = list(events)
    ids = {i for e in events if e.verb == "team.nudge" for i in (e.data or {}).get("people", [])}
    users = get_user_model().objects.filter(pk__in=ids) if ids else []
    people = {u.pk: display_name(u) for u in users}
    return [(e, sentence(e, people)) for e in events]
