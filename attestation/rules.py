"""Working days, counted in one place (Monday to Friday; public holidays are not known to the product)."""

import datetime


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after ``start`` up to and including ``end``: from a Friday to the next Wednesday is 3."""
    if end <= start:
        return 0
    days = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            days += 1
    return days


# Unanswered this many working days, a question goes up to the next leader.
ESCALATE_AFTER_WORKING_DAYS = 3
# Reminders before a re-attestation's due date, in days.
REMINDER_DAYS = (7, 1)
