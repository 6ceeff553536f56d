"""Policy-update URLs: pages (included by ``lms.urls`` inside the ``lms`` namespace) and the API (under
/api/v1/, included by ``lms.site.api.urls``)."""

from django.urls import path

from . import api, views

urlpatterns = [
    path("training/policies/<slug:slug>/", views.policy_page, name="policy"),
    path("training/policies/<slug:slug>/ask/", views.ask, name="policy_ask"),
    path("training/policy-updates/", views.my_updates, name="policy_updates"),
    path("training/policy-updates/progress/", views.progress, name="policy_update_progress"),
    path("training/policy-updates/<id:version_id>/", views.update_page, name="policy_update"),
    path("training/policy-updates/<id:version_id>/open/", views.open_for_everyone, name="policy_update_open"),
    path("training/policy-questions/", views.questions, name="policy_questions"),
    path("training/policy-questions/overview/", views.questions_overview, name="policy_questions_overview"),
    path(
        "training/policy-questions/<id:question_id>/answer/",
        views.answer_question,
        name="policy_question_answer",
    ),
    path(
        "training/policy-questions/<id:question_id>/publish/",
        views.publish_question,
        name="policy_question_publish",
    ),
]

api_urlpatterns = [
    path("policies/<id:policy_id>/versions/", api.PolicyVersions.as_view(), name="api_policy_versions"),
    path("policy-updates/", api.MyUpdates.as_view(), name="api_policy_updates"),
    path("policy-updates/<id:version_id>/attest/", api.Attest.as_view(), name="api_policy_update_attest"),
    path(
        "policy-updates/<id:version_id>/open/", api.OpenForEveryone.as_view(), name="api_policy_update_open"
    ),
    path("policy-questions/", api.Questions.as_view(), name="api_policy_questions"),
    path(
        "policy-questions/<id:question_id>/answer/",
        api.AnswerQuestion.as_view(),
        name="api_policy_question_answer",
    ),
    path(
        "policy-questions/<id:question_id>/publish/",
        api.PublishQuestion.as_view(),
        name="api_policy_question_publish",
    ),
]
