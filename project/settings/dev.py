"""The demo site served by `make run`."""

from .base import *  # noqa: F403

DEBUG = True
LMS_DEMO_ENABLED = True
