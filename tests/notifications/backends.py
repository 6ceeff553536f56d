"""Email backends that fail the way a real SMTP server does, for the delivery tests."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FailOnceBackend(EmailBackend):
    """The test outbox, except that the first message to an address starting with "flaky" fails as an SMTP
    server that drops the connection would; the next try goes through."""

    failed: set[str] = set()

    def send_messages(self, messages):
        for message in messages:
            for address in message.to:
                if address.startswith("flaky") and address not in FailOnceBackend.failed:
                    FailOnceBackend.failed.add(address)
                    raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


class RefusingBackend(EmailBackend):
    """An SMTP server that refuses every recipient, every time."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({m.to[0]: (550, b"No such user") for m in messages})
