"""Frontline LMS: train and certify customer-service staff inside a Wagtail site."""

__version__ = "0.1.0"
