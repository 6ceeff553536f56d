"""Service-evidence URLs: pages (included by ``lms.urls`` inside the ``lms`` namespace) and the API (under
/api/v1/, included by ``lms.site.api.urls``)."""

from django.urls import NoReverseMatch, path, reverse

from .api import checks, programme
from .views import calibration as calibration_pages
from .views import checks as check_pages
from .views import rounds as round_pages
from .views import surveys as survey_pages

# Pages, in the ``lms`` namespace (lms.urls includes them).
urlpatterns = [
    path("training/checks/", check_pages.checks_home, name="checks"),
    path("training/checks/trends/", check_pages.service_trends, name="service_trends"),
    path("training/checks/new/", check_pages.new_check, name="check_new"),
    path("training/checks/mine/", check_pages.my_checks, name="my_checks"),
    path("training/checks/disputes/", check_pages.disputes, name="disputes"),
    path("training/checks/disputes/<id:dispute_id>/", check_pages.resolve, name="dispute_resolve"),
    path("training/checks/<id:check_id>/", check_pages.check_detail, name="check"),
    path("training/checks/<id:check_id>/edit/", check_pages.edit_check, name="check_edit"),
    path("training/checks/<id:check_id>/assign/", check_pages.assign, name="check_assign"),
    path("training/checks/<id:check_id>/actions/", check_pages.add_action, name="check_action"),
    path("training/checks/<id:check_id>/reply/", check_pages.reply, name="check_reply"),
    path("training/checks/<id:check_id>/dispute/", check_pages.dispute, name="check_dispute"),
    path("training/follow-ups/<id:action_id>/done/", check_pages.complete_action, name="action_done"),
    path("training/rounds/", round_pages.round_list, name="rounds"),
    path("training/rounds/new/", round_pages.round_new, name="round_new"),
    path("training/rounds/mine/", round_pages.my_rounds, name="my_rounds"),
    path("training/rounds/<id:round_id>/", round_pages.round_detail, name="round"),
    path("training/rounds/<id:round_id>/edit/", round_pages.round_edit, name="round_edit"),
    path("training/rounds/<id:round_id>/log/", round_pages.round_log, name="round_log"),
    path("training/calibration/", calibration_pages.current, name="calibration"),
    path("training/calibration/new/", calibration_pages.publish, name="calibration_new"),
    path("training/calibration/<id:contact_id>/", calibration_pages.summary, name="calibration_summary"),
    path("training/surveys/link/", survey_pages.survey_link, name="survey_link"),
    path("training/surveys/import/", survey_pages.survey_import, name="survey_import"),
    path("training/surveys/template.csv", survey_pages.survey_template, name="survey_template"),
    path("training/surveys/comments/", survey_pages.survey_comments, name="survey_comments"),
    path("training/surveys/comments/<id:response_id>/", survey_pages.tag_comment, name="survey_tag"),
    # Public: the customer answers without signing in.
    path("survey/thanks/", survey_pages.survey_thanks, name="survey_thanks"),
    path("survey/<str:token>/", survey_pages.survey, name="survey"),
]


def survey_url(token: str) -> str:
    """Where a customer answers a survey link: the public page ``lms:survey``. Until that page is routed,
    the path it will have, so a link made now keeps working once it is."""
    try:
        return reverse("lms:survey", args=[token])
    except NoReverseMatch:
        return f"/survey/{token}/"


# Under /api/v1/.
api_urlpatterns = [
    path("service-checks/", checks.ServiceCheckList.as_view(), name="api_service_checks"),
    path("service-checks/<id:pk>/", checks.ServiceCheckDetail.as_view(), name="api_service_check"),
    path("service-checks/<id:pk>/reply/", checks.CheckReply.as_view(), name="api_service_check_reply"),
    path(
        "service-checks/<id:pk>/disputes/", checks.CheckDisputes.as_view(), name="api_service_check_disputes"
    ),
    path("service-checks/<id:pk>/actions/", checks.CheckActions.as_view(), name="api_service_check_actions"),
    path(
        "service-checks/<id:pk>/suggestions/",
        checks.CheckSuggestions.as_view(),
        name="api_service_check_suggestions",
    ),
    path(
        "service-checks/<id:pk>/assignments/",
        checks.CheckAssignments.as_view(),
        name="api_service_check_assignments",
    ),
    path("disputes/", checks.DisputeList.as_view(), name="api_disputes"),
    path("disputes/<id:pk>/resolve/", checks.DisputeResolve.as_view(), name="api_dispute_resolve"),
    path("coaching-actions/", checks.ActionList.as_view(), name="api_coaching_actions"),
    path("coaching-actions/<id:pk>/done/", checks.ActionDone.as_view(), name="api_coaching_action_done"),
    path("scorecards/", checks.ScorecardList.as_view(), name="api_scorecards"),
    path("teams/<id:pk>/service-trends/", checks.ServiceTrends.as_view(), name="api_service_trends"),
    path("calibration/", programme.CurrentCalibration.as_view(), name="api_calibration"),
    path(
        "calibration/<id:pk>/summary/",
        programme.CalibrationSummary.as_view(),
        name="api_calibration_summary",
    ),
    path("calibration-contacts/", programme.CalibrationContacts.as_view(), name="api_calibration_contacts"),
    path("survey-links/", programme.SurveyLinks.as_view(), name="api_survey_links"),
    path("surveys/<str:token>/", programme.SurveyAnswer.as_view(), name="api_survey_answer"),
    path("survey-imports/", programme.SurveyImports.as_view(), name="api_survey_imports"),
    path("survey-responses/", programme.SurveyResponseList.as_view(), name="api_survey_responses"),
    path(
        "survey-responses/<id:pk>/skills/",
        programme.SurveyResponseSkills.as_view(),
        name="api_survey_response_skills",
    ),
    path("shop-rounds/", programme.RoundList.as_view(), name="api_shop_rounds"),
    path("shop-rounds/<id:pk>/", programme.RoundDetail.as_view(), name="api_shop_round"),
    path("shop-rounds/<id:pk>/contacts/", programme.RoundContacts.as_view(), name="api_shop_round_contacts"),
]
