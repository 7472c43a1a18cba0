from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from frontdesk.slips.samples import sample_billing_slip, sample_guide_slip


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def pdf_text(data: bytes, tmp_path: Path, name: str = "slip.pdf") -> str:
    pdf = tmp_path / name
    pdf.write_bytes(data)
    out = subprocess.run([_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                         capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def pdf_tool(tool: str, data: bytes, tmp_path: Path, name: str = "slip.pdf") -> str:
    pdf = tmp_path / name
    pdf.write_bytes(data)
    out = subprocess.run([_tool(tool), str(pdf)], capture_output=True, check=True)
    return out.stdout.decode("utf-8", "replace")


def page_size_pt(data: bytes, tmp_path: Path) -> tuple[float, float]:
    info = pdf_tool("pdfinfo", data, tmp_path, "info.pdf")
    for line in info.splitlines():
        if line.startswith("Page size:"):
            parts = line.split()
            return float(parts[2]), float(parts[4])
    raise AssertionError(info)


@pytest.fixture
def guide():
    return sample_guide_slip()


@pytest.fixture
def billing():
    return sample_billing_slip()


class PdfTools:
    """poppler-utils helpers bound to a temporary folder."""

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path

    def text(self, data: bytes) -> str:
        return pdf_text(data, self.tmp_path)

    def tool(self, name: str, data: bytes) -> str:
        return pdf_tool(name, data, self.tmp_path)

    def page_size(self, data: bytes) -> tuple[float, float]:
        return page_size_pt(data, self.tmp_path)


@pytest.fixture
def pdf(tmp_path) -> PdfTools:
    return PdfTools(tmp_path)
