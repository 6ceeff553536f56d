"""The language each person reads: their profile's choice (saved by the header's switcher), else their
browser's; pages, the sign-in lockout, emails and API errors of lms.core and lms.site in Spanish."""

import datetime
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from lms.core.models import Profile
from lms.core.notifications import announce
from lms.core.notifications.email import build_email
from tests.factories import CoursePageFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE_LANGUAGE = "lms.core.middleware.ProfileLanguageMiddleware"


@pytest.fixture(autouse=True)
def profile_language_middleware(settings):
    """The middleware as a host lists it: after LocaleMiddleware and AuthenticationMiddleware (README
    "Languages"). A no-op once the project's settings list it."""
    if PROFILE_LANGUAGE not in settings.MIDDLEWARE:
        middleware = list(settings.MIDDLEWARE)
        after = middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
        middleware.insert(after + 1, PROFILE_LANGUAGE)
        settings.MIDDLEWARE = middleware
    position = settings.MIDDLEWARE.index
    assert position(PROFILE_LANGUAGE) > position("django.middleware.locale.LocaleMiddleware")
    assert position(PROFILE_LANGUAGE) > position("django.contrib.auth.middleware.AuthenticationMiddleware")


def spanish(client, url, **extra):
    return client.get(url, HTTP_ACCEPT_LANGUAGE="es", **extra)


def text_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_my_training_in_spanish_with_lang_on_the_html_element(client, learner):
    client.force_login(learner)
    page = text_of(spanish(client, "/training/"))
    assert '<html lang="es">' in page
    assert "<h1>Mi formación</h1>" in page and "Saltar al contenido principal" in page
    assert "Cerrar sesión" in page and "My training" not in page
    english = text_of(client.get("/training/", HTTP_ACCEPT_LANGUAGE="en-GB"))
    assert '<html lang="en-gb">' in english and "<h1>My training</h1>" in english


def test_team_view_in_spanish(client, org):
    org.member(org.desk, "ann", first_name="Ann", last_name="Lee")
    client.force_login(org.lead)
    page = text_of(spanish(client, "/training/team/"))
    assert "Enviar recordatorio" in page and "Mi equipo" in page


def test_organisation_view_in_spanish(client, hr, org):
    client.force_login(hr)
    page = text_of(spanish(client, "/training/organisation/"))
    assert "Cumplimiento de la organización" in page and "Vistas de la organización" in page


def test_audit_page_in_spanish(client, hr):
    client.force_login(hr)
    page = text_of(spanish(client, "/training/audit/"))
    assert "<h1>Registro de auditoría</h1>" in page and "Filtrar el registro de auditoría" in page


def test_notification_settings_in_spanish(client, learner):
    client.force_login(learner)
    page = text_of(spanish(client, "/training/settings/notifications/"))
    assert "Preferencias de avisos" in page and "Guardar mis preferencias" in page
    assert "Se me asigna un curso" in page  # the kinds' labels, from lms.core


def test_sign_in_page_and_lockout_message_in_spanish(client, settings):
    page = text_of(spanish(client, "/login/"))
    assert "Iniciar sesión" in page and "¿Ha olvidado su contraseña?" in page
    settings.AXES_ENABLED = True
    UserFactory(username="ann")
    for _ in range(4):
        client.post("/login/", {"username": "ann", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE="es")
    locked = client.post("/login/", {"username": "ann", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE="es")
    assert locked.status_code == 429
    assert "Por su seguridad, espere 15 minutos y vuelva a intentarlo" in locked.content.decode()
    for attempt in AccessAttempt.objects.all():  # leave nobody locked out for the next test
        attempt.attempt_time -= timedelta(minutes=16)
        attempt.save()


def test_api_error_detail_in_spanish_code_in_english(client, org):
    client.force_login(org.lead)
    response = spanish(client, "/api/v1/teams/987654/progress/")
    assert response.status_code == 404
    body = response.json()
    assert body["code"] == "team_not_found"
    assert body["detail"] == "No es responsable de ningún equipo con el identificador 987654."


def test_an_email_comes_in_the_recipients_profile_language(learner, org):
    ProfileFactory(user=learner, team=org.desk, language="es")
    with translation.override("en-gb"):  # whatever the sender's (or the task's) language
        notification = announce.course_assigned(
            learner=learner,
            assigned_by=org.lead,
            enrolment_id=7,
            course_title="Disculpas",
            course_link="/courses/disculpas/",
            due_date=datetime.date(2026, 12, 24),
        )
        email = build_email(notification)
        assert translation.get_language() == "en-gb"  # the recipient's language does not leak out
    assert notification.subject == (
        "Nueva formación para usted: «Disculpas» (fecha límite: 24 de diciembre de 2026)"
    )
    assert "Liam Lead le ha pedido que haga «Disculpas»" in email.body
    assert "Empezar el curso" in email.body and "Gracias por cuidar de nuestros clientes." in email.body
    html = email.alternatives[0][0]
    assert '<html lang="es">' in html and "Elija qué correos recibe" in html


def test_someone_with_no_choice_gets_emails_in_the_sites_language(learner):
    with translation.override("es"):
        notification = announce.nudge(
            recipient=learner, sender=None, nudge_id=1, message="¡Ánimo!", course_title="", training_link="/"
        )
        email = build_email(notification)
    assert notification.subject == "A note from Your team leader about your training"
    assert "Hello " in email.body


def test_the_switcher_sets_the_language_for_the_session(client):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/login/"})
    assert response.status_code == 302 and response.url == "/login/"
    page = text_of(client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-GB"))  # the choice beats the browser
    assert '<html lang="es">' in page and "¿Ha olvidado su contraseña?" in page


def test_the_switcher_saves_a_signed_in_persons_choice_on_their_profile(client, learner, django_user_model):
    client.force_login(learner)
    page = text_of(client.get("/training/"))
    assert 'action="/i18n/setlang/"' in page and '<option value="es" lang="es">Español</option>' in page
    client.post("/i18n/setlang/", {"language": "es", "next": "/training/"})
    assert Profile.objects.get(user=learner).language == "es"
    # Another browser, which asks for English: the profile's choice wins once they sign in.
    elsewhere = Client()
    elsewhere.force_login(django_user_model.objects.get(pk=learner.pk))
    assert "<h1>Mi formación</h1>" in text_of(elsewhere.get("/training/", HTTP_ACCEPT_LANGUAGE="en-GB"))
    # Back to English, saved the same way: at once here, from the next sign-in elsewhere.
    client.post("/i18n/setlang/", {"language": "en-gb", "next": "/training/"})
    assert Profile.objects.get(user=learner).language == "en-gb"
    assert "<h1>My training</h1>" in text_of(client.get("/training/", HTTP_ACCEPT_LANGUAGE="es"))
    elsewhere.force_login(django_user_model.objects.get(pk=learner.pk))
    assert "<h1>My training</h1>" in text_of(elsewhere.get("/training/", HTTP_ACCEPT_LANGUAGE="es"))


def test_a_language_the_site_does_not_offer_changes_nothing(client, learner):
    ProfileFactory(user=learner, language="es")
    client.force_login(learner)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/training/"})
    assert Profile.objects.get(user=learner).language == "es"


def test_exports_for_people_in_spanish_with_each_value_under_its_header(client, hr, org, catalogue):
    CoursePageFactory(parent=catalogue, title="Escucha activa", leaders_first=True)
    client.force_login(hr)
    csv_text = spanish(client, "/training/organisation/cascade/?format=csv").content.decode()
    header, *rows = [line.split(",") for line in csv_text.strip().splitlines()]
    assert header == [
        "Equipo",
        "Responsable",
        "Curso",
        "Responsable certificado",
        "Acceso del equipo",
        "Equipo superior",
        "Nivel",
    ]
    assert len(rows) == 3  # one per team: Service, Desk, Line
    for row in rows:
        assert row[2] == "Escucha activa" and row[3] == "no" and row[4] == "en espera"
        assert row[5] in ("", "Service") and row[6] in ("1", "2")
    expiring = spanish(client, "/training/organisation/expiring/?format=csv").content.decode()
    assert expiring.startswith("Titular,Curso,Caduca,Código")


def test_the_profile_language_costs_a_page_no_extra_query(client, learner, settings):
    ProfileFactory(user=learner, language="es")
    client.force_login(learner)  # read here, once per sign-in
    client.get("/training/")  # fills the caches (pages, the Site, standings) before each measured request
    with CaptureQueriesContext(connection) as with_it:
        assert "<h1>Mi formación</h1>" in text_of(client.get("/training/"))
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != PROFILE_LANGUAGE]
    plain = Client()  # a client builds its middleware once
    plain.force_login(learner)
    plain.get("/training/")  # and for English: cached standings are kept per language
    with CaptureQueriesContext(connection) as without_it:
        assert "<h1>My training</h1>" in text_of(plain.get("/training/"))
    assert len(with_it) == len(without_it)
