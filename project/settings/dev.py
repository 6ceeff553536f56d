"""The demo site served by `make run`."""

from .base import *  # noqa: F403

DEBUG = True
LMS_DEMO_ENABLED = True
# The demo company: printed on certificates and shown on the public check page.
LMS_ORGANISATION_NAME = "Brightwater Utilities"
