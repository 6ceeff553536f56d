"""Daily work inside the task worker, without cron.

A daily job is a task that does today's work and then plans its own next run, for tomorrow at
``LMS_DAILY_RUN_TIME``, with the task backend's ``run_after``. Each planned day is a ``ScheduledRun`` row,
unique per job and day, so however many processes start the chain (the worker's start, ``manage.py
lms_daily``, the job itself) each day is queued once. The work itself must be safe to repeat (the
notifications it sends are once-only), because cron may run it as well.

A task backend that cannot wait (one that runs tasks at once, as in tests) is never given a future run.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task_backends

from .. import conf
from ..models import ScheduledRun

# A planned run this long overdue and unfinished was lost (a queue emptied, a worker replaced): queue again.
LOST_AFTER = datetime.timedelta(hours=2)


def run_time(day: datetime.date) -> datetime.datetime:
    """The moment on ``day`` (local time) when the daily jobs run."""
    hours, _, minutes = str(conf.get("LMS_DAILY_RUN_TIME")).partition(":")
    at = datetime.time(int(hours), int(minutes or 0))
    return timezone.make_aware(datetime.datetime.combine(day, at))


def can_wait(task) -> bool:
    return task_backends[task.backend].supports_defer


def ensure_planned(job: str, task, *, now: datetime.datetime | None = None) -> str:
    """Make sure ``job`` runs: today's run now if today's work has not been done (or its run was lost),
    otherwise tomorrow's at the daily time. Calling it again changes nothing. Says what it did."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    run = ScheduledRun.objects.filter(job=job, run_on=today).first()
    if run is not None and run.finished_at is not None:
        return plan_next(job, task, after=today)
    if run is not None and run.planned_for > now - LOST_AFTER:
        return f"{job}: today's run is already queued for {timezone.localtime(run.planned_for):%H:%M}."
    if run is None:
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=job, run_on=today, planned_for=now)
        except IntegrityError:
            return f"{job}: today's run was queued a moment ago."
    else:
        ScheduledRun.objects.filter(pk=run.pk).update(planned_for=now)
    transaction.on_commit(lambda: task.enqueue(), robust=True)
    return f"{job}: today's run is queued now."


def plan_next(job: str, task, *, after: datetime.date) -> str:
    """Queue ``task`` for the day after ``after`` at the daily time, once."""
    if not can_wait(task):
        return f"{job}: the task backend runs tasks at once, so the next run is left to cron."
    day = after + datetime.timedelta(days=1)
    when = run_time(day)
    try:
        with transaction.atomic():
            ScheduledRun.objects.create(job=job, run_on=day, planned_for=when)
    except IntegrityError:
        return f"{job}: the run on {day:%d %b} is already queued."
    transaction.on_commit(lambda: task.using(run_after=when).enqueue(), robust=True)
    return f"{job}: next run queued for {timezone.localtime(when):%d %b %H:%M}."


def mark_done(job: str, *, day: datetime.date | None = None, now: datetime.datetime | None = None) -> None:
    """Record that ``job`` has done ``day``'s work (today by default)."""
    now = now or timezone.now()
    day = day or timezone.localdate(now)
    run, created = ScheduledRun.objects.get_or_create(
        job=job, run_on=day, defaults={"planned_for": now, "finished_at": now}
    )
    if not created:
        ScheduledRun.objects.filter(pk=run.pk).update(finished_at=now)
