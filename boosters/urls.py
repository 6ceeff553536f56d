"""Boosters and course-feedback URLs: pages (included by ``lms.urls`` inside the ``lms`` namespace) and the
API (under /api/v1/, included by ``lms.site.api.urls``)."""

from django.urls import path

from . import api, views

urlpatterns = [
    path("training/boosters/", views.boosters, name="boosters"),
    path("training/boosters/pause/", views.pause, name="boosters_pause"),
    path("training/boosters/team/", views.team_recall, name="boosters_team"),
    path("training/feedback/", views.feedback_overview, name="course_feedback_overview"),
    path("training/feedback/<id:course_id>/", views.give_feedback, name="course_feedback"),
    path("training/feedback/<id:course_id>/summary/", views.feedback_summary, name="course_feedback_summary"),
]

api_urlpatterns = [
    path("boosters/", api.BoosterSet.as_view(), name="api_boosters"),
    path("boosters/<id:pk>/answer/", api.BoosterAnswer.as_view(), name="api_booster_answer"),
    path("boosters/pause/", api.BoosterPause.as_view(), name="api_boosters_pause"),
    path("teams/<id:pk>/recall/", api.TeamRecall.as_view(), name="api_team_recall"),
    path("course-feedback/", api.FeedbackOverview.as_view(), name="api_course_feedback"),
    path(
        "courses/<id:pk>/feedback/", api.CourseFeedbackSummary.as_view(), name="api_course_feedback_summary"
    ),
    path("courses/<id:pk>/feedback/mine/", api.MyCourseFeedback.as_view(), name="api_course_feedback_mine"),
]
