"""The shipped Spanish catalogues are complete, and pages and API errors come out in Spanish.

Each app keeps its own catalogue in ``<app>/locale/es/LC_MESSAGES/django.po`` (run ``manage.py
makemessages -l es`` from inside the app's folder, translate, then ``manage.py compilemessages``).
Add an app to ``APPS`` once its strings are marked and translated; these tests then hold it to that.
Needs GNU gettext (msgmerge, msgattrib, msgfmt), as makemessages itself does.
"""

import datetime
import gettext
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation
from freezegun import freeze_time

from boosters.jobs import send_booster_reminders
from certificates import services as certificate_services
from certificates.models import Certificate
from evidence.models import Scorecard
from lms.core.models import Notification
from quizzes import services as quiz_services
from tests.attestation.conftest import change
from tests.factories import CoursePageFactory, PolicyFactory, ProfileFactory
from tests.fixtures.assessments import finish_modules

ROOT = Path(__file__).resolve().parents[2]
# Apps whose interface ships in Spanish (lms.core's catalogue also holds lms/base.html and the emails).
APPS = ["courses", "quizzes", "certificates", "lms/core", "lms/site", "evidence", "boosters", "attestation"]
LANGUAGE = "es"


def catalogue(app_dir: Path) -> Path:
    return app_dir / "locale" / LANGUAGE / "LC_MESSAGES" / "django.po"


def gettext_tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} not found: install GNU gettext (apt-get install gettext)"
    return path


def entries_where(po: Path, *flags: str) -> str:
    """The entries msgattrib picks with ``flags`` (empty when there are none), as .po text."""
    result = subprocess.run(
        [gettext_tool("msgattrib"), *flags, "--no-obsolete", "--no-wrap", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize("app", APPS)
def test_every_marked_string_is_in_the_shipped_catalogue(app, tmp_path, monkeypatch):
    """makemessages over a copy of the app: a string added to a template or to Python without a Spanish
    translation shows up here as an untranslated entry (or a fuzzy guess from msgmerge)."""
    copy = tmp_path / Path(app).name
    shutil.copytree(ROOT / app, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=[LANGUAGE], verbosity=0)
    merged = catalogue(copy)
    missing = entries_where(merged, "--untranslated")
    assert not missing, f"Strings in {app}/ with no Spanish in {catalogue(Path(app))}:\n{missing}"
    guessed = entries_where(merged, "--only-fuzzy")
    assert not guessed, f"Strings in {app}/ whose Spanish is only a guess (changed wording?):\n{guessed}"


@pytest.mark.parametrize("app", APPS)
def test_the_shipped_catalogue_is_complete_and_compiled(app, tmp_path):
    po = catalogue(ROOT / app)
    assert po.exists(), f"{app} has no Spanish catalogue at {po}"
    assert not entries_where(po, "--untranslated"), f"{po} has entries with no translation"
    assert not entries_where(po, "--only-fuzzy"), f"{po} has fuzzy entries"
    # The .mo Django reads says what the .po says (run compilemessages after editing the .po).
    fresh = tmp_path / "django.mo"
    subprocess.run([gettext_tool("msgfmt"), "--check-format", "-o", str(fresh), str(po)], check=True)
    with fresh.open("rb") as a, po.with_suffix(".mo").open("rb") as b:
        assert gettext.GNUTranslations(b)._catalog == gettext.GNUTranslations(a)._catalog, (
            f"{po.with_suffix('.mo')} is out of date: run compilemessages in {app}/"
        )


# Pages and errors in Spanish. Until LocaleMiddleware is in the settings, the language is activated
# around the request as well as asked for by the header.


def get_in_spanish(client, url):
    with translation.override(LANGUAGE):
        return client.get(url, HTTP_ACCEPT_LANGUAGE=LANGUAGE)


def text_of(response) -> str:
    return response.content.decode()


@pytest.mark.django_db
def test_course_and_module_pages_in_spanish(client, course, learner):
    client.force_login(learner)
    page = text_of(get_in_spanish(client, course.url))
    assert "Inscribirse en este curso" in page and "Módulos" in page
    assert "Enrol in this course" not in page
    first = course.get_children().first()
    module_page = text_of(get_in_spanish(client, first.url))
    assert "Módulo 1 de 3 · alrededor de 10 minutos" in module_page


@pytest.mark.django_db
def test_catalogue_filter_error_in_spanish(client, catalogue, learner):
    CoursePageFactory(parent=catalogue, title="Disculpas")
    client.force_login(learner)
    page = text_of(get_in_spanish(client, catalogue.url + "?state=nonsense"))
    assert "Revise los filtros." in page and "Se muestran todos los cursos." in page


@pytest.mark.django_db
def test_attempt_and_result_pages_in_spanish(client, course, learner, assessment, enrolled):
    finish_modules(learner, course, enrolled)
    attempt, _created = quiz_services.start_attempt(user=learner, course=course)
    client.force_login(learner)
    page = text_of(get_in_spanish(client, f"/training/attempts/{attempt.pk}/"))
    assert "Guardar respuestas" in page and "Verdadero" in page
    # The autosave script's words come from the page, so they are Spanish too.
    assert 'data-msg-saved-at="Todas las respuestas guardadas a las {time}."' in page
    quiz_services.submit(user=learner, attempt_id=attempt.pk)
    result = text_of(get_in_spanish(client, f"/training/attempts/{attempt.pk}/"))
    assert "Enviado — pendiente de su responsable de equipo" in result and "Pregunta por pregunta" in result


@pytest.mark.django_db
def test_api_error_detail_in_spanish_code_in_english(client, learner):
    client.force_login(learner)
    response = get_in_spanish(client, "/api/v1/attempts/987654/")
    assert response.status_code == 404
    body = response.json()
    assert body["code"] == "not_your_attempt"
    assert body["detail"] == "No tiene ningún intento con el identificador 987654."


@pytest.mark.django_db
def test_verify_page_and_register_in_spanish(client, hr):
    page = get_in_spanish(client, "/verify/no-such-code/")
    assert page.status_code == 404
    assert "No encontrado" in text_of(page) and "Código del certificado" in text_of(page)
    client.force_login(hr)
    register = text_of(get_in_spanish(client, "/training/register/"))
    assert "Registro de certificados" in register and "Cualquier estado" in register
    assert "Caduca pronto" in register  # the status menu's labels, from the model's choices


# Service evidence and boosters in Spanish.


def one_criterion_scorecard(skill):
    criterion = {"text": "Let the customer finish", "skill": skill, "weight": 1, "scale": "yes_no"}
    card = Scorecard(
        title="Phone contact", sections=[("section", {"title": "Listening", "criteria": [criterion]})]
    )
    card.save()
    return card


@pytest.mark.django_db
def test_record_a_check_and_my_checks_in_spanish(client, org, course, skills):
    course.skills.set(skills)
    course.save()
    certificate_services.issue(holder=org.lead, course=course)
    scorecard = one_criterion_scorecard(skills[0])
    employee = org.member(org.desk, "ellie", first_name="Ellie", last_name="Evans")
    client.force_login(org.lead)
    form = text_of(
        get_in_spanish(client, f"/training/checks/new/?employee={employee.pk}&scorecard={scorecard.pk}")
    )
    assert "Control de Ellie Evans" in form and "Guardar borrador" in form and "Derivaciones" in form
    assert "Save draft" not in form
    client.force_login(employee)
    mine = text_of(get_in_spanish(client, "/training/checks/mine/"))
    assert "Mis controles" in mine and "Todavía no se ha revisado ninguno de sus contactos." in mine


@pytest.mark.django_db
def test_evidence_api_error_detail_in_spanish_code_in_english(client, learner):
    client.force_login(learner)
    response = get_in_spanish(client, "/api/v1/service-checks/987654/")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No hay ningún control 987654 que usted pueda ver.",
        "code": "check_not_found",
    }


@pytest.mark.django_db
def test_boosters_page_and_feedback_form_in_spanish(client, course, assessment, learner):

    issued = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    with freeze_time(issued):
        certificate_services.issue(holder=learner, course=course, issued_on=issued.date())
    client.force_login(learner)
    with freeze_time(issued + datetime.timedelta(days=3)):
        boosters = text_of(get_in_spanish(client, "/training/boosters/"))
    assert "Pregunta 1 de 2" in boosters and ">Responder</button>" in boosters
    assert "Poner en pausa los refuerzos" in boosters
    form = text_of(get_in_spanish(client, f"/training/feedback/{course.pk}/"))
    assert f"¿Qué utilidad ha tenido «{course.title}»?" in form and "Enviar opinión" in form
    assert "Send feedback" not in form


@pytest.mark.django_db
def test_boosters_api_error_detail_in_spanish_code_in_english(client, learner):
    client.force_login(learner)
    with translation.override(LANGUAGE):
        response = client.post(
            "/api/v1/boosters/987654/answer/",
            {"response": "a"},
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE=LANGUAGE,
        )
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No tiene ninguna pregunta de refuerzo con el identificador 987654.",
        "code": "booster_not_found",
    }


@pytest.mark.django_db
def test_boosters_waiting_notice_in_the_recipients_language(course, assessment, learner, other_learner):
    issued = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    ProfileFactory(user=learner, language="es")
    with freeze_time(issued):
        for person in (learner, other_learner):
            certificate_services.issue(holder=person, course=course, issued_on=issued.date())
    with freeze_time(issued + datetime.timedelta(days=3)):
        assert send_booster_reminders() == 2
    spanish = Notification.objects.get(recipient=learner)
    assert spanish.subject == "Refuerzos pendientes: Responda 2 preguntas breves (menos de un minuto)."
    english = Notification.objects.get(recipient=other_learner)
    assert english.subject == "Boosters waiting: Answer 2 short questions (under a minute)."


# Policy updates (re-attestation) in Spanish.


@pytest.mark.django_db
def test_policy_updates_page_in_spanish(client, org, course):
    policy = PolicyFactory(title="Reembolsos", slug="refunds", body="<p>Advisers may refund up to £50.</p>")
    Certificate.objects.create(
        holder=org.head,
        course=course,
        holder_name="Head",
        course_title=course.title,
        issued_on=datetime.date.today() - datetime.timedelta(days=30),
        policy_versions=[{"slug": policy.slug, "title": policy.title, "version": 1}],
    )
    change(policy)
    client.force_login(org.head)
    page = text_of(get_in_spanish(client, "/training/policy-updates/"))
    assert "Actualizaciones de políticas" in page and "Reembolsos</a> · versión 2" in page
    assert "Actualización de política pendiente" in page and "Preguntas sobre las políticas" in page
    assert "Policy update due" not in page


@pytest.mark.django_db
def test_policy_api_error_detail_in_spanish_code_in_english(client, learner):
    client.force_login(learner)
    response = get_in_spanish(client, "/api/v1/policies/987654/versions/")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No hay ninguna política publicada con el identificador 987654.",
        "code": "policy_not_found",
    }
