"""A ZIP of certificate PDFs plus a CSV register, rendered in batches so memory stays bounded."""

import csv
import io
import zipfile

from django.utils.text import slugify

from lms import conf

from .models import Certificate
from .pdf import render_many, verify_url


def _name(certificate: Certificate, used: set[str]) -> str:
    holder = slugify(certificate.holder_name) or "holder"
    base = f"{holder}-{slugify(certificate.course_title)[:40]}-{certificate.code[:8]}"
    name, n = f"{base}.pdf", 1
    while name in used:
        n += 1
        name = f"{base}-{n}.pdf"
    used.add(name)
    return name


def write_zip(
    certificates, fileobj, *, progress=None, batch_size=None, workers=None, register_csv=True
) -> int:
    """Stream one PDF per certificate into ``fileobj`` as a ZIP; ``certificates`` is a queryset or ids."""
    ids = [c if isinstance(c, int) else c.pk for c in certificates]
    batch_size = batch_size or conf.get("LMS_PDF_BATCH_SIZE")
    total, done, used = len(ids), 0, set()
    register = io.StringIO()
    writer = csv.writer(register)
    writer.writerow(
        [
            "code",
            "holder",
            "course",
            "status",
            "issued_on",
            "expires_on",
            "awareness_score",
            "skill_score",
            "verify_url",
        ]
    )
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_STORED) as archive:
        for start in range(0, total, batch_size):
            chunk = ids[start : start + batch_size]
            by_id = Certificate.objects.select_related("replaced_by").in_bulk(chunk)
            batch = [by_id[i] for i in chunk if i in by_id]
            for certificate, pdf in zip(batch, render_many(batch), strict=True):
                archive.writestr(_name(certificate, used), pdf)
                writer.writerow(
                    [
                        certificate.code,
                        certificate.holder_name,
                        certificate.course_title,
                        certificate.status,
                        certificate.issued_on,
                        certificate.expires_on or "",
                        certificate.awareness_score if certificate.awareness_score is not None else "",
                        certificate.skill_score if certificate.skill_score is not None else "",
                        verify_url(certificate),
                    ]
                )
            done += len(batch)
            if progress:
                progress(done, total)
        if register_csv:
            archive.writestr("register.csv", register.getvalue())
    return done
