"""Skills and policies under Wagtail's localisation (issue 13): existing rows join the default locale,
translations keep the slug, slug lookups prefer the active language's row, and what a certificate or a
policy version records stays with the original."""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from certificates import services as certificate_services
from courses.models import Policy, Skill
from courses.models.snippets import POLICY_VERSION_PUBLISHED, PolicyVersion
from courses.selectors import CatalogueFilters
from tests.factories import CoursePageFactory, ModulePageFactory, PolicyFactory, SkillFactory

BEFORE = ("lms_courses", "0006_policy_versions")
AFTER = ("lms_courses", "0009_translatable_snippets")


@pytest.fixture
def spanish(db):
    return Locale.objects.get_or_create(language_code="es")[0]


@pytest.fixture
def refunds(db):
    return PolicyFactory(slug="refunds", title="Refunds", customer_words="We refund within 5 working days.")


def translate(obj, locale, **words):
    copy = obj.copy_for_translation(locale)
    for field, value in words.items():
        setattr(copy, field, value)
    copy.save()
    return copy


@pytest.mark.django_db(transaction=True)
def test_the_migrations_give_existing_rows_the_default_locale_and_their_own_translation_key():
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old = executor.loader.project_state([BEFORE]).apps
    OldSkill, OldPolicy = old.get_model("lms_courses", "Skill"), old.get_model("lms_courses", "Policy")
    for n in range(3):
        OldSkill.objects.create(name=f"Old skill {n}", slug=f"old-skill-{n}")
    OldPolicy.objects.create(title="Old policy", slug="old-policy", body="<p>Kept.</p>", live=True)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([AFTER])

    default = Locale.get_default()
    skills = list(Skill.objects.filter(slug__startswith="old-skill-"))
    assert len(skills) == 3
    assert {s.locale_id for s in skills} == {default.pk}
    assert all(isinstance(s.translation_key, uuid.UUID) for s in skills)
    assert len({s.translation_key for s in skills}) == 3
    policy = Policy.objects.get(slug="old-policy")
    assert policy.locale_id == default.pk
    assert policy.translation_key is not None
    assert policy.is_original


def test_new_rows_get_the_default_locale(db):
    skill = SkillFactory(slug="apology", name="Apology")
    assert skill.locale == Locale.get_default()
    assert skill.is_original


def test_a_skill_copied_for_translation_keeps_its_slug(spanish):
    skill = SkillFactory(slug="apology", name="Apology")
    disculpa = translate(skill, spanish, name="Disculpa")
    assert (disculpa.slug, disculpa.locale, disculpa.translation_key) == (
        "apology",
        spanish,
        skill.translation_key,
    )
    assert disculpa.original == skill
    assert not disculpa.is_original
    assert set(Skill.objects.originals()) == {skill}
    # The name may stay the same in a translation, too (unique per language, not across them).
    assert translate(SkillFactory(slug="empathy", name="Empatía"), spanish).name == "Empatía"


def test_a_policy_copied_for_translation_keeps_its_slug_and_the_originals_versions(spanish, refunds):
    reacted = []
    with hooks.register_temporarily(POLICY_VERSION_PUBLISHED, reacted.append):
        reembolsos = translate(refunds, spanish, title="Reembolsos", body="<p>Devolvemos el dinero.</p>")
        # Editing the translation's wording makes no version and asks nobody to confirm anything.
        reembolsos.customer_words = "Le devolvemos el dinero en 5 días laborables."
        reembolsos.save()
    assert (reembolsos.slug, reembolsos.locale) == ("refunds", spanish)
    assert reacted == []
    assert not PolicyVersion.objects.filter(policy=reembolsos).exists()
    assert list(PolicyVersion.objects.filter(policy=refunds).values_list("version", flat=True)) == [1]
    assert reembolsos.version == refunds.version == 1
    assert set(Policy.objects.originals()) == {refunds}

    # A new version of the original: the translation shows the new number.
    refunds.body = "<p>Refunds up to £80 may be approved by any adviser.</p>"
    refunds.change_kind, refunds.change_summary = "material", "The limit is now £80."
    refunds.save()
    reembolsos.refresh_from_db()
    assert (refunds.version, reembolsos.version) == (2, 2)
    assert reembolsos.diff_from(1)["to_version"] == 2


def test_slug_lookups_prefer_the_active_language_and_fall_back_to_the_default(spanish, refunds):
    skill = SkillFactory(slug="apology", name="Apology")
    lonely = SkillFactory(slug="listening", name="Listening")  # no Spanish yet
    disculpa = translate(skill, spanish, name="Disculpa")
    reembolsos = translate(refunds, spanish, title="Reembolsos")

    assert Skill.objects.by_slug("apology") == skill
    assert Policy.objects.by_slug("refunds") == refunds
    with translation.override("es"):
        assert Skill.objects.by_slug("apology") == disculpa
        assert Policy.objects.by_slug("refunds") == reembolsos
        assert Skill.objects.by_slug("listening") == lonely
        # About identity: the original, whatever the language.
        assert Skill.objects.by_slug("apology", original=True) == skill
        assert Policy.objects.filter(live=True).by_slug("refunds", original=True) == refunds
    with translation.override("en-gb"):
        assert Skill.objects.by_slug("apology") == skill
    assert Skill.objects.by_slug("nobody") is None
    assert Skill.objects.by_slug("") is None


def test_a_translation_under_another_slug_is_still_found_by_the_originals_slug(spanish):
    skill = SkillFactory(slug="apology", name="Apology")
    disculpa = translate(skill, spanish, name="Disculpa", slug="disculpa")
    with translation.override("es"):
        assert Skill.objects.by_slug("apology") == disculpa
        assert Skill.objects.by_slug("disculpa") == disculpa
        assert Skill.objects.by_slug("disculpa", original=True) == skill


def test_a_draft_translation_is_not_shown_where_only_live_policies_are(spanish, refunds):
    reembolsos = translate(refunds, spanish, title="Reembolsos")
    Policy.objects.filter(pk=reembolsos.pk).update(live=False)
    with translation.override("es"):
        assert Policy.objects.filter(live=True).by_slug("refunds") == refunds
        assert Policy.objects.by_slug("refunds") == reembolsos


def test_the_catalogue_skill_filter_reads_the_slug_in_any_language(spanish, catalogue):
    skill = SkillFactory(slug="apology", name="Apology")
    translate(skill, spanish, name="Disculpa")
    with translation.override("es"):
        filters = CatalogueFilters.from_params({"skill": "apology"})
    assert filters.skill == skill


def test_a_certificate_records_the_original_policy_even_when_a_module_quotes_its_translation(
    spanish, refunds, catalogue, learner
):
    reembolsos = translate(refunds, spanish, title="Reembolsos")
    course = CoursePageFactory(parent=catalogue, title="Refunds well", slug="refunds-well")
    ModulePageFactory(parent=course, body=[("policy", {"policy": reembolsos, "note": ""})])
    ModulePageFactory(parent=course, body=[("policy", {"policy": refunds, "note": ""})])
    expected = [{"slug": "refunds", "title": "Refunds", "version": 1}]
    with translation.override("es"):
        certificate = certificate_services.issue(holder=learner, course=course)
    assert certificate.policy_versions == expected


def test_many_slugs_are_read_in_one_query(spanish, django_assert_num_queries):
    apology, listening = (
        SkillFactory(slug="apology", name="Apology"),
        SkillFactory(slug="listening", name="Listening"),
    )
    disculpa = translate(apology, spanish, name="Disculpa")
    with translation.override("es"), django_assert_num_queries(1):
        found = Skill.objects.by_slugs(["apology", "listening", "nobody", ""])
    assert found == {"apology": disculpa, "listening": listening}
    with django_assert_num_queries(1):
        assert Skill.objects.by_slugs(["apology", "listening"]) == {
            "apology": apology,
            "listening": listening,
        }


def test_ids_of_translations_lead_to_their_originals(spanish, refunds):
    reembolsos = translate(refunds, spanish, title="Reembolsos")
    other = PolicyFactory(slug="complaints", title="Complaints")
    found = Policy.objects.filter(live=True).originals_by_pk([reembolsos.pk, other.pk, 10**9])
    assert found == {reembolsos.pk: refunds, other.pk: other}
    assert list(Policy.objects.originals_of([reembolsos.pk])) == [refunds]


def test_a_service_check_states_the_original_policy_when_given_its_translations_id(spanish, refunds):
    from evidence.facts import clean_policies

    reembolsos = translate(refunds, spanish, title="Reembolsos")
    statements = clean_policies([{"policy": reembolsos.pk, "matched": True}])
    assert [(s["policy"], s["version_heard"]) for s in statements] == [(refunds, 1)]


def test_team_service_trends_name_skills_in_the_readers_language(spanish, monkeypatch):
    from evidence import summaries
    from tests.factories import TeamFactory

    team = TeamFactory(name="Front Desk")
    apology = SkillFactory(slug="apology", name="Apology")
    translate(apology, spanish, name="Disculpa")
    month = {"month": "2026-11", "quality": 80, "training": None}
    monkeypatch.setattr(
        summaries, "team_trends", lambda team, **kw: {"skills": {"apology": [month]}, "months": []}
    )
    with translation.override("es"):
        assert [s["name"] for s in summaries.team_service_trends(team)["skills"]] == ["Disculpa"]
    assert [s["name"] for s in summaries.team_service_trends(team)["skills"]] == ["Apology"]


def test_in_bulk_by_slug_gives_the_originals(spanish):
    apology = SkillFactory(slug="apology", name="Apology")
    translate(apology, spanish, name="Disculpa")
    with translation.override("es"):
        assert Skill.objects.in_bulk(["apology"], field_name="slug") == {"apology": apology}
        assert Skill.objects.in_bulk(field_name="slug") == {"apology": apology}
    assert Skill.objects.in_bulk([apology.pk]) == {apology.pk: apology}


def test_the_admin_adds_a_spanish_skill_under_the_same_slug(spanish, admin_client):
    skill = SkillFactory(slug="apology", name="Apology")
    url = reverse("wagtailsnippets_lms_courses_skill:add")
    listing = admin_client.get(reverse("wagtailsnippets_lms_courses_skill:list"))
    assert listing.status_code == 200
    data = {"name": "Disculpa", "slug": "apology", "description": ""}
    assert admin_client.post(f"{url}?locale=es", data).status_code == 302
    disculpa = Skill.objects.get(locale=spanish)
    assert (disculpa.name, disculpa.slug) == ("Disculpa", "apology")
    # Still one per language: a second English "apology" is refused.
    refused = admin_client.post(url, {"name": "Apology again", "slug": "apology", "description": ""})
    assert refused.status_code == 200 and "Skill with this Slug already exists." in refused.content.decode()
    assert Skill.objects.filter(slug="apology").count() == 2
    assert Skill.objects.filter(locale=Locale.get_default()).get() == skill


def test_publishing_a_translation_in_the_admin_needs_no_kind_of_change_and_makes_no_version(
    spanish, refunds, admin_client
):
    reembolsos = translate(refunds, spanish, title="Reembolsos")
    url = reverse("wagtailsnippets_lms_courses_policy:edit", args=[reembolsos.pk])
    data = {
        "title": "Reembolsos",
        "slug": "refunds",
        "summary": "",
        "body": rich_text("<p>Cualquier asesor puede devolver hasta 50 £.</p>"),
        "customer_words": "",
        "change_kind": "",
        "change_summary": "",
        "questions": streamfield([]),
        "action-publish": "publish",
    }
    assert admin_client.post(url, nested_form_data(data)).status_code == 302
    reembolsos.refresh_from_db()
    assert "Cualquier asesor" in reembolsos.body
    assert (reembolsos.version, reembolsos.live) == (1, True)
    assert PolicyVersion.objects.count() == 1
    assert PolicyVersion.objects.get().policy == refunds
