"""Background work for certificates, on the Django Tasks API (a database queue on one machine, Redis at
scale)."""

import os
import tempfile

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from lms.core import audit

from .models import CertificateExport


@task()
def build_export(export_id: int) -> int:
    """Build a ZIP for an export. The file is attached only when complete, so a worker that dies halfway
    leaves the export unfinished (and retryable), never a half-written download."""
    from .bulk import write_zip
    from .register import filtered

    export = CertificateExport.objects.get(pk=export_id)
    ids = list(filtered(export.filters).values_list("pk", flat=True))
    CertificateExport.objects.filter(pk=export_id).update(
        state=CertificateExport.State.RUNNING, total=len(ids), done=0, error=""
    )

    def progress(done, total):
        CertificateExport.objects.filter(pk=export_id).update(done=done, total=total)

    fd, path = tempfile.mkstemp(suffix=".zip")
    try:
        with os.fdopen(fd, "wb") as handle:
            write_zip(ids, handle, progress=progress)
        with open(path, "rb") as handle, transaction.atomic():
            export.refresh_from_db()
            export.file.save(f"certificates-{export.pk}.zip", File(handle), save=False)
            export.state = CertificateExport.State.DONE
            export.done = export.total = len(ids)
            export.finished_at = timezone.now()
            export.save()
        audit.record(
            actor=export.requested_by,
            verb="certificates.export",
            obj=export,
            data={"filters": export.filters, "count": len(ids)},
        )
    except Exception as exc:
        CertificateExport.objects.filter(pk=export_id).update(
            state=CertificateExport.State.FAILED, error=str(exc)
        )
        raise
    finally:
        if os.path.exists(path):
            os.remove(path)
    return len(ids)
