"""Bulk certificate PDFs against DESIGN §7.

(a) One WeasyPrint document per certificate (render_certificate_pdf) and render_many, side by side in one
    run: per-certificate times and their ratio (target: render_many at least 10x faster). The two are
    measured in alternating rounds of one batch each, so load on the machine falls on both alike.
(b) A ZIP of 5,000 certificates through write_zip with 2 workers: seconds (target: under 180) and peak
    memory of this process and of the largest worker. It runs first, so (a) cannot inflate its memory.

Run: .venv/bin/python bench/certificates_pdf.py [--quick]
"""

import argparse
import datetime
import io
import os
import resource
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings.test")
WORKDIR = tempfile.mkdtemp(prefix="bench-certificates-")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"

import django  # noqa: E402
from django.conf import settings  # noqa: E402

django.setup()
settings.MEDIA_ROOT = f"{WORKDIR}/media"

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from PIL import ImageDraw  # noqa: E402
from wagtail.images.models import Image  # noqa: E402

from certificates.bulk import write_zip  # noqa: E402
from certificates.models import Certificate, CertificateDesign  # noqa: E402
from certificates.pdf import render_certificate_pdf, render_many  # noqa: E402
from lms.core import conf  # noqa: E402

NAMES = [
    "Zoë Brontë",
    "Søren Ødegaard",
    "Nguyễn Thị Lan",
    "Ἀλέξανδρος Παπαδόπουλος",
    "Олена Коваленко",
    "Siobhán Ní Bhriain",
    "José María Fernández-Gutiérrez",
    "Łukasz Wiśniewski",
    "Emma Clarke",
    "Oluwaseun Adébáyọ̀",
]
COURSES = [
    ("Acknowledgement and apology", ["Complaints", "Refunds and credits"]),
    ("Handling difficult calls", ["Complaints", "Escalation"]),
    ("Refunds, credits and goodwill", ["Refunds and credits", "Goodwill gestures", "Data protection"]),
]
SKILLS = ["Active listening", "Acknowledgement", "Apology", "Ownership", "Follow-through"]


def png(width: int, height: int, draw) -> io.BytesIO:
    image = PILImage.new("RGBA", (width, height), (255, 255, 255, 0))
    draw(ImageDraw.Draw(image), width, height)
    out = io.BytesIO()
    image.save(out, "PNG")
    out.seek(0)
    return out


def realistic_design() -> CertificateDesign:
    """The default design with a logo and a signature, as a real organisation's would have."""

    def logo(d, w, h):
        d.ellipse((10, 10, h - 10, h - 10), fill=(11, 92, 173, 255))
        d.rectangle((h + 20, h // 3, w - 20, h // 3 + 40), fill=(29, 36, 48, 255))

    def signature(d, w, h):
        d.line(
            [(20 + i * 8, h / 2 + (i % 7 - 3) * h / 10) for i in range((w - 40) // 8)], fill="navy", width=5
        )

    design = CertificateDesign.current()
    design.signatory_name, design.signatory_title = "Amara Okafor", "Head of Customer Service"
    design.logo = Image.objects.create(title="Logo", file=ImageFile(png(1200, 300, logo), name="logo.png"))
    design.signature_image = Image.objects.create(
        title="Signature", file=ImageFile(png(900, 300, signature), name="signature.png")
    )
    design.save()
    return design


def make_certificates(n: int) -> list[int]:
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bench-{time.time_ns()}-{i}") for i in range(min(n, 500))
    )
    issued = datetime.date(2025, 3, 14)
    certificates = []
    for i in range(n):
        title, policies = COURSES[i % len(COURSES)]
        certificates.append(
            Certificate(
                holder=users[i % len(users)],
                holder_name=f"{NAMES[i % len(NAMES)]} {i}",
                course_title=title,
                issued_on=issued - datetime.timedelta(days=i % 90),
                expires_on=issued + datetime.timedelta(days=730 - i % 90),
                awareness_score=70 + i % 30,
                skill_score=65 + i % 35,
                skills=[
                    {
                        "skill": s,
                        "slug": s.lower(),
                        "awareness": 70 + (i + k) % 30,
                        "skill_score": 60 + (i * k) % 40,
                    }
                    for k, s in enumerate(SKILLS[: 2 + i % 3])
                ],
                policy_versions=[
                    {"slug": p.lower(), "title": p, "version": 1 + k} for k, p in enumerate(policies)
                ],
            )
        )
    return [c.pk for c in Certificate.objects.bulk_create(certificates, batch_size=500)]


class Clock:
    """Wall-clock and CPU seconds. This process's CPU time is what the certificates cost; wall time
    also counts whatever else the (shared) machine was doing, which moves the ratio run to run."""

    def __init__(self):
        self.wall = self.cpu = 0.0

    def __enter__(self):
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def __exit__(self, *exc):
        self.wall += time.perf_counter() - self._wall
        self.cpu += time.process_time() - self._cpu


def compare(ids: list[int]) -> None:
    batch = conf.get("LMS_PDF_BATCH_SIZE")
    certificates = list(Certificate.objects.filter(pk__in=ids).order_by("pk"))
    for certificate in certificates[:3]:  # warm up both: fonts loaded, caches filled
        render_certificate_pdf(certificate)
    render_many(certificates[:20])
    alone, together, all_at_once, sizes = Clock(), Clock(), Clock(), []
    for start in range(0, len(certificates), batch):
        chunk = certificates[start : start + batch]
        with alone:
            for certificate in chunk:
                render_certificate_pdf(certificate)  # as a download does: design looked up each time
        with together:
            pdfs = render_many(chunk)
        assert len(pdfs) == len(chunk)
        sizes.extend(map(len, pdfs))
    with all_at_once:
        render_many(certificates)
    n = len(certificates)
    print(f"(a) {n} certificates; render_many in batches of {batch}, alternating with one document each")
    print(f"    {'ms per certificate':<31} {'wall':>7} {'CPU':>7}")
    for label, clock in (
        ("one WeasyPrint document each", alone),
        (f"render_many, batches of {batch}", together),
        (f"render_many, one call of {n}", all_at_once),
    ):
        print(f"    {label:<31} {clock.wall / n * 1000:7.1f} {clock.cpu / n * 1000:7.1f}")
    for label, clock in ((f"batches of {batch}", together), ("one call", all_at_once)):
        wall, cpu = alone.wall / clock.wall, alone.cpu / clock.cpu
        print(f"    ratio, {label:<24} {wall:6.1f}x {cpu:6.1f}x   (target: at least 10x)")
    print(f"    average PDF from render_many    {sum(sizes) / len(sizes) / 1024:7.1f} KiB")


def zip_run(ids: list[int]) -> None:
    path = Path(WORKDIR) / "certificates.zip"
    seen = []
    began = time.perf_counter()
    with open(path, "wb") as out:
        count = write_zip(ids, out, workers=2, progress=lambda done, total: seen.append(done))
    seconds = time.perf_counter() - began
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert count == len(ids) and len(names) == len(ids) + 1 and "register.csv" in names
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"(b) write_zip: {count} PDFs + register.csv, 2 workers, batches of {conf.get('LMS_PDF_BATCH_SIZE')}"
    )
    print(f"    total                           {seconds:7.1f} s   (target: under 180 s)")
    print(f"    per certificate                 {seconds / count * 1000:7.1f} ms wall clock")
    print(f"    ZIP size                        {path.stat().st_size / 2**20:7.1f} MiB")
    print(f"    peak memory, this process       {own:7.0f} MiB (maxrss)")
    print(f"    peak memory, largest worker     {workers:7.0f} MiB (maxrss of children)")
    print(f"    progress calls                  {len(seen):7d}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller numbers, for a smoke run")
    args = parser.parse_args()
    compared, zipped = (60, 400) if args.quick else (500, 5000)
    if connection.vendor != "postgresql":
        call_command("migrate", verbosity=0)
    design = realistic_design()
    ids = make_certificates(zipped)
    print(f"database: {connection.vendor}; CPUs: {os.cpu_count()}; design: {design.orientation}, with images")
    zip_run(ids)  # first: its memory figures must not include part (a)
    compare(ids[:compared])


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORKDIR, ignore_errors=True)  # the ZIP alone is ~260 MiB
