"""Notifications: one service in the core that every app announces through.

A notification is recorded for its recipient every time (they read it on My training and through the
API) and, when they want that kind by email and have an address, sent as an HTML email with a text part
by a background task enqueued after the transaction commits, retried on failure. Apps above the core call
the functions of :mod:`lms.core.notifications.announce`, one per kind, with plain values.

Modules: ``kinds`` (what can be announced), ``service`` (record, preferences, read state), ``announce``
(the words of each kind), ``email`` (rendering), ``tasks`` (delivery and retries), ``schedule`` (daily
work inside the task worker).
"""
