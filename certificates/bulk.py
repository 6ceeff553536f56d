"""A ZIP of certificate PDFs and a CSV register, for HR's bulk downloads (DESIGN §2, §7).

Certificates are rendered in batches (``render_many``), in worker processes when there are several
batches, and each batch is written into the ZIP as it arrives: memory holds a few batches of PDFs at
most, whatever the size of the export.
"""

import csv
import io
import multiprocessing
import os
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from django.db import connection, connections
from django.db.models import QuerySet
from django.utils.text import slugify

from lms.core import conf

from .models import Certificate, CertificateDesign
from .pdf import render_many
from .register import policy_update_states
from .verification import verify_url

REGISTER_COLUMNS = [
    "code",
    "holder",
    "course",
    "status",
    "issued_on",
    "expires_on",
    "awareness_score",
    "skill_score",
    "verify_url",
    "policy_update",  # update_due, overdue, or empty: a policy it covered changed and is not yet confirmed
]
# Register rows are read back from the database in chunks of this many.
REGISTER_CHUNK = 500


def write_zip(
    certificates,
    fileobj,
    *,
    progress: Callable[[int, int], None] | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
    register_csv: bool = True,
) -> int:
    """Write a ZIP of one PDF per printable certificate (and ``register.csv`` of them all) to ``fileobj``;
    return how many PDFs it holds.

    ``certificates`` is a queryset, or a list of certificates or ids; ``fileobj`` need not be seekable.
    ``progress(done, total)`` is called after each batch.
    """
    ids = _ids(certificates)
    batch_size = batch_size or conf.get("LMS_PDF_BATCH_SIZE")
    batches = [ids[start : start + batch_size] for start in range(0, len(ids), batch_size)]
    design = CertificateDesign.current()
    names, done, written = set(), 0, 0
    # PDFs are already compressed: storing them costs nothing in size and saves the time.
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
        for batch, rendered in zip(batches, _rendered(batches, design.pk, workers), strict=True):
            for stem, pdf in rendered:
                archive.writestr(_unique(stem, names), pdf)
            written += len(rendered)
            done += len(batch)
            if progress:
                progress(done, len(ids))
        if register_csv:
            with archive.open("register.csv", "w") as raw:
                _write_register(raw, ids)
    return written


def _ids(certificates) -> list[int]:
    if isinstance(certificates, QuerySet):
        return list(certificates.values_list("pk", flat=True))
    return [c.pk if isinstance(c, Certificate) else int(c) for c in certificates]


def _stem(certificate: Certificate) -> str:
    holder = slugify(certificate.holder_name, allow_unicode=True)[:60].strip("-") or "holder"
    course = slugify(certificate.course_title, allow_unicode=True)[:40].strip("-") or "course"
    return f"{holder}-{course}-{certificate.code[:8]}"


def _unique(stem: str, used: set[str]) -> str:
    name, n = f"{stem}.pdf", 1
    while name in used:
        n += 1
        name = f"{stem}-{n}.pdf"
    used.add(name)
    return name


# --- Rendering batches, here or in worker processes ------------------------------------------------------


def _render_batch(ids: list[int], design_id: int) -> list[tuple[str, bytes]]:
    """(file name stem, PDF) for each certificate of ``ids`` that still exists and may be printed (a
    revoked or replaced one has no PDF; the register still lists it), in order."""
    design = CertificateDesign.objects.filter(pk=design_id).first() or CertificateDesign.current()
    found = Certificate.objects.printable().in_bulk(ids)
    batch = [found[i] for i in ids if i in found]
    return [(_stem(c), pdf) for c, pdf in zip(batch, render_many(batch, design=design), strict=True)]


def _rendered(batches: list[list[int]], design_id: int, workers: int | None) -> Iterator[list]:
    workers = min(workers or os.cpu_count() or 1, len(batches))
    # Workers read certificates through their own connections, which cannot see rows this
    # connection has not committed yet: inside a transaction (a test, say), render here.
    if workers <= 1 or connection.in_atomic_block:
        for batch in batches:
            yield _render_batch(batch, design_id)
    else:
        yield from _in_workers(batches, design_id, workers)


def _in_workers(batches: list[list[int]], design_id: int, workers: int) -> Iterator[list]:
    """Results in order, with ``workers`` batches in flight: memory holds about workers + 1 batches."""
    from concurrent.futures import ProcessPoolExecutor

    # Forked children would inherit this process's database sockets; close them here first, so each
    # child opens its own (they reopen here on the next query).
    connections.close_all()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    todo = iter(batches)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_start) as pool:
        pending = deque(pool.submit(_render_batch, batch, design_id) for batch in _take(todo, workers))
        try:
            while pending:
                result = pending.popleft().result()
                pending.extend(pool.submit(_render_batch, batch, design_id) for batch in _take(todo, 1))
                yield result
        finally:
            for future in pending:
                future.cancel()


def _take(iterator: Iterator, n: int) -> list:
    return [item for _, item in zip(range(n), iterator, strict=False)]


def _worker_start() -> None:
    import django
    from django.apps import apps

    if not apps.ready:  # "spawn" platforms start a fresh interpreter; "fork" has it all loaded
        django.setup()
    connections.close_all()  # never talk over a connection object copied from the parent


# --- The register ----------------------------------------------------------------------------------------


def _write_register(raw, ids: Iterable[int]) -> None:
    # utf-8-sig: Excel, where HR opens it, then reads accented and non-Latin names correctly.
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(REGISTER_COLUMNS)
    ids = list(ids)
    for start in range(0, len(ids), REGISTER_CHUNK):
        chunk = ids[start : start + REGISTER_CHUNK]
        found = Certificate.objects.select_related("replaced_by").in_bulk(chunk)
        updates = policy_update_states(chunk)
        writer.writerows(_register_row(found[i], updates.get(i, "")) for i in chunk if i in found)
    text.flush()
    text.detach()  # leave closing the ZIP entry to its own context manager


def _register_row(certificate: Certificate, policy_update: str = "") -> list:
    def blank_if_none(value):
        return "" if value is None else value

    return [
        certificate.code,
        certificate.holder_name,
        certificate.course_title,
        certificate.status,
        certificate.issued_on.isoformat(),
        certificate.expires_on.isoformat() if certificate.expires_on else "",
        blank_if_none(certificate.awareness_score),
        blank_if_none(certificate.skill_score),
        verify_url(certificate),
        policy_update,
    ]
