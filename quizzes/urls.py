"""Assessment URLs, included by ``lms.urls`` inside the ``lms`` namespace."""

from django.urls import path

from . import api
from .views import attempts, reviews, statistics

urlpatterns = [
    path("training/courses/<id:course_id>/assessment/start/", attempts.start_attempt, name="start_attempt"),
    path("training/attempts/<id:attempt_id>/", attempts.attempt_page, name="attempt"),
    path("training/attempts/<id:attempt_id>/save/", attempts.save_attempt, name="save_attempt"),
    path("training/attempts/<id:attempt_id>/submit/", attempts.submit_attempt, name="submit_attempt"),
    path("training/reviews/", reviews.review_queue, name="reviews"),
    path("training/reviews/<id:review_id>/", reviews.review_detail, name="review"),
    path("training/statistics/", statistics.statistics_index, name="statistics"),
    path("training/statistics/<id:assessment_id>/", statistics.statistics_detail, name="statistics_detail"),
]

# Under /api/v1/.
api_urlpatterns = [
    path("courses/<id:pk>/attempts/", api.StartAttempt.as_view(), name="api_start_attempt"),
    path("attempts/<id:pk>/", api.AttemptDetail.as_view(), name="api_attempt"),
    path("attempts/<id:pk>/submit/", api.SubmitAttempt.as_view(), name="api_submit_attempt"),
    path("attempts/<id:pk>/result/", api.AttemptResult.as_view(), name="api_attempt_result"),
    path("reviews/", api.ReviewList.as_view(), name="api_reviews"),
    path("reviews/<id:pk>/", api.ReviewDetail.as_view(), name="api_review"),
    path("reviews/<id:pk>/grade/", api.GradeReview.as_view(), name="api_grade_review"),
    path("reviews/<id:pk>/sign-off/", api.SignOffReview.as_view(), name="api_sign_off_review"),
    path(
        "assessments/<id:pk>/statistics/",
        api.AssessmentStatistics.as_view(),
        name="api_assessment_statistics",
    ),
]
