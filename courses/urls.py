"""Course URLs, included by ``lms.urls`` inside the ``lms`` namespace (so names read ``lms:enrol``)."""

from django.urls import path

from . import api, views

urlpatterns = [
    path("training/courses/<id:course_id>/enrol/", views.enrol, name="enrol"),
    path("training/courses/<id:course_id>/assign/", views.assign_course, name="assign"),
    path(
        "training/enrolments/<id:enrolment_id>/modules/<id:module_id>/complete/",
        views.complete_module,
        name="complete_module",
    ),
]

# Under /api/v1/.
api_urlpatterns = [
    path("courses/", api.CourseList.as_view(), name="api_courses"),
    path("courses/<id:pk>/", api.CourseDetail.as_view(), name="api_course"),
    path("enrolments/", api.EnrolmentList.as_view(), name="api_enrolments"),
    path("enrolments/<id:pk>/", api.EnrolmentDetail.as_view(), name="api_enrolment"),
    path(
        "enrolments/<id:pk>/modules/<id:module_id>/complete/",
        api.CompleteModule.as_view(),
        name="api_complete_module",
    ),
    path("assignments/", api.AssignmentCreate.as_view(), name="api_assignments"),
]
