from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo organisation and curriculum behind `make run` (``manage.py lms_demo``)."""

    name = "project.demo"
    label = "lms_demo"
    verbose_name = "Frontline LMS demo"
