from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bench.slip_baseline import bench_baseline
from frontdesk import i18n
from frontdesk.errors import ValidationError
from frontdesk.slips import (
    FORMATS,
    FeeLine,
    Waiver,
    barcodes,
    render_billing,
    render_guide,
    render_slip,
)

ROOT = Path(__file__).resolve().parents[3]
LONG_NAME = "欧阳" + "明" * 57 + "华"  # 60 characters


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("fmt", FORMATS)
def test_guide_fields_in_text(guide, fmt, pdf):
    data = render_guide(guide, fmt)
    assert data.startswith(b"%PDF")
    t = squash(pdf.text(data))
    for expected in ("仁济社区医院", "导诊单", "内-012", "内科", "305诊室", "3楼",
                     "出电梯左转，走廊尽头右手边", "张伟", "主任医师", "2024-05-0609:30",
                     "王*明", "祝您健康", "123"):
        assert expected in t, expected
    assert "王小明" not in t


@pytest.mark.parametrize("fmt", FORMATS)
def test_billing_fields_in_text(billing, fmt, pdf):
    t = squash(pdf.text(render_billing(billing, fmt)))
    for expected in ("仁济社区医院", "缴费单", "V20240506-0012", "R00012345", "王小明", "内科",
                     "张伟主任医师", "挂号费", "¥10.00", "诊查费", "¥25.00", "VIP金卡免挂号费",
                     "-¥10.00", "合计", "¥25.00"):
        assert expected in t, expected


def test_english_labels(guide, billing, pdf):
    t = pdf.text(render_guide(guide, "a5", lang="en"))
    assert "Department" in t and "Queue number" in t and "Wishing you good health" in t
    assert "内科" in t
    t = pdf.text(render_billing(billing, "a5", lang="en"))
    assert "Total" in t and "Record No." in t


def test_language_follows_i18n(guide, pdf):
    i18n.set_language("en")
    try:
        assert "Department" in pdf.text(render_guide(guide))
    finally:
        i18n.set_language("zh_CN")
    assert "科室" in pdf.text(render_guide(guide))


@pytest.mark.parametrize("fmt", FORMATS)
def test_full_name_never_on_guide_slip(guide, fmt, pdf):
    data = render_guide(replace(guide, patient_name=LONG_NAME), fmt)
    t = squash(pdf.text(data))
    assert "欧阳*华" in t
    assert LONG_NAME not in t and "明明" not in t
    info = pdf.tool("pdfinfo", data)
    assert "欧阳" not in info and "王小明" not in info
    assert LONG_NAME.encode("utf-8") not in data
    assert LONG_NAME.encode("utf-16-be") not in data


def test_metadata_has_no_patient_name(guide, billing, pdf):
    for data in (render_guide(guide), render_billing(billing)):
        info = pdf.tool("pdfinfo", data)
        assert "王" not in info
        assert "Creator:" in info and "Frontdesk" in info


def qr_payloads(monkeypatch) -> list[str]:
    """What reportlab's QR encoder is given from now on (the caches cleared)."""
    calls: list[str] = []
    encoder = barcodes._qrencoder()
    real = encoder.QRCode.addData

    def spy(self, data):
        calls.append(data)
        return real(self, data)

    monkeypatch.setattr(encoder.QRCode, "addData", spy)
    barcodes.qr_modules.cache_clear()
    barcodes.qr_rects.cache_clear()
    return calls


def test_qr_carries_the_visit_id(guide, monkeypatch):
    calls = qr_payloads(monkeypatch)
    render_guide(replace(guide, visit_id=4711))
    assert calls == ["FD-VISIT:4711"]
    from frontdesk.slips import parse_qr_payload

    assert parse_qr_payload(calls[0]) == 4711


def test_qr_rects_match_reportlab_encoding():
    """The flattened rectangles are exactly the modules reportlab encodes."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    rects = barcodes.qr_rects("FD-VISIT:99", 100.0)
    w = QrCodeWidget("FD-VISIT:99", barLevel="M", barBorder=2)
    w.draw()
    modules = w.qr.modules
    n = len(modules)
    box = 100.0 / (n + 4)
    dark = set()
    for x, y, rw, rh in rects:
        row = round((100.0 - y) / box) - 3
        c0 = round(x / box) - 2
        assert abs(rh - box) < 1e-6
        for k in range(round(rw / box)):
            dark.add((row, c0 + k))
    assert dark == {(r, c) for r in range(n) for c in range(n) if modules[r][c]}


@pytest.mark.parametrize("payload", ["FD-VISIT:99", "FD-VISIT:4711", "V20261123-0042",
                                     "V20240506-0012-" + "9" * 40])
def test_qr_rects_are_those_of_reportlabs_qr_drawing(payload):
    """The QR code taken from reportlab's encoder is, to the last bit, what
    createBarcodeDrawing("QR") draws: at every format's size and a few others."""
    from reportlab.lib.units import mm

    from frontdesk.slips.layout import FORMATS as PAGE_FORMATS

    sizes = {round(f.qr_mm * mm * s / 0.5) * 0.5 for f in PAGE_FORMATS.values()
             for s in (1.0, 0.85, 0.42)} | {33.3, 100.0}
    for size in sorted(sizes):
        assert barcodes.qr_rects(payload, size) == barcodes.barcode_rects(
            "QR", payload, size, size, barLevel="M", barBorder=2), size


FALLBACK = """
import sys
from frontdesk.slips import barcodes

def cannot():
    raise ImportError("as if reportlab's encoder could not be loaded on its own")

barcodes._load_qrencoder_alone = cannot
rects = barcodes.qr_rects("FD-VISIT:77", 74.0)
assert barcodes._qrencoder() is sys.modules[barcodes._QRENCODER]
assert rects == barcodes.barcode_rects("QR", "FD-VISIT:77", 74.0, 74.0, barLevel="M",
                                       barBorder=2)
print("ok")
"""


def test_qr_encoder_falls_back_to_the_package_import():
    """If reportlab's encoder module cannot be loaded on its own, the ordinary import
    serves: the same rectangles, only slower."""
    out = subprocess.run([sys.executable, "-c", FALLBACK], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


ONLY_WHAT_A_GUIDE_SLIP_NEEDS = """
import sys
from frontdesk.slips import render_guide, render_billing
from frontdesk.slips.samples import sample_billing_slip, sample_guide_slip
assert render_guide(sample_guide_slip()).startswith(b"%PDF")
heavy = sorted(m for m in sys.modules
               if m.startswith(("reportlab.platypus", "reportlab.graphics.barcode")))
assert not heavy, heavy
assert render_billing(sample_billing_slip()).startswith(b"%PDF")  # Code128: the package
print("ok")
"""


def test_a_guide_slip_imports_neither_platypus_nor_every_barcode():
    """Issue 20: the first slip of a session loads reportlab's QR encoder, not the
    barcode package (every widget, and platypus through them)."""
    out = subprocess.run([sys.executable, "-c", ONLY_WHAT_A_GUIDE_SLIP_NEEDS], cwd=ROOT,
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_record_number_barcode(billing, monkeypatch):
    import reportlab.graphics.barcode as rl_barcode

    calls = []
    real = rl_barcode.createBarcodeDrawing
    monkeypatch.setattr(rl_barcode, "createBarcodeDrawing",
                        lambda code, **o: calls.append((code, o.get("value"))) or real(code, **o))
    barcodes.barcode_drawing.cache_clear()
    barcodes.barcode_rects.cache_clear()
    render_billing(replace(billing, record_no="R77"))
    assert ("Code128", "R77") in calls


def test_roll_height_grows_with_content(billing, guide, pdf):
    few = pdf.page_size(render_billing(billing, "roll80"))
    many = pdf.page_size(render_billing(
        replace(billing, lines=tuple(FeeLine(f"检查{i}", 100) for i in range(20)), waiver=None),
        "roll80"))
    assert few[0] == pytest.approx(many[0]) == pytest.approx(80 / 25.4 * 72, abs=0.1)
    assert many[1] > few[1] + 150
    short = pdf.page_size(render_guide(guide, "roll80"))
    long = pdf.page_size(render_guide(replace(guide, directions="沿蓝色地标直走" * 12), "roll80"))
    assert long[1] > short[1]


@pytest.mark.parametrize("fmt, size_mm", [("a5", (148, 210)), ("a4", (210, 297))])
def test_fixed_formats_keep_their_size(billing, fmt, size_mm, pdf):
    huge = replace(billing, lines=tuple(FeeLine(f"检查项目第{i}项：血常规、尿常规、肝功能", 1234)
                                        for i in range(120)), waiver=None)
    w, h = pdf.page_size(render_billing(huge, fmt))
    assert (w, h) == pytest.approx((size_mm[0] / 25.4 * 72, size_mm[1] / 25.4 * 72), abs=0.1)
    t = squash(pdf.text(render_billing(huge, fmt)))
    assert "合计" in t and "第119项" in t  # shrunk, not cut off


def _text_boxes(data: bytes, tmp_path: Path):
    """(xMin, yMin, xMax, yMax, word) of every word, from pdftotext -bbox."""
    path = tmp_path / "bbox.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)</word>', html)
    return float(page[1]), float(page[2]), [(*map(float, w[:4]), w[4]) for w in words]


@pytest.mark.parametrize("fmt", FORMATS)
def test_long_text_stays_on_the_page(guide, billing, fmt, pdf):
    g = replace(guide, patient_name=LONG_NAME, room="3号楼\nB区 305\r\n诊室（近电梯）",
                hospital="某某市第一人民医院（集团）东院区门诊部" * 3,
                doctor_name="亚历山大·伊万诺维奇·彼得罗夫斯基" * 2, doctor_title="主任医师",
                directions="A" * 300, queue_number="心血管内科-0012345")
    b = replace(billing, patient_name=LONG_NAME, record_no="R" + "0123456789" * 4,
                doctor="Dr " + "Supercalifragilistic" * 4,
                lines=(FeeLine("很长的费用名称" * 10, 99999999),),
                waiver=Waiver("VIP 金卡 免挂号费" * 5, 1000))
    for data in (render_guide(g, fmt), render_billing(b, fmt)):
        width, height, words = _text_boxes(data, pdf.tmp_path)
        assert words
        for x0, y0, x1, y1, word in words:
            assert x0 >= -0.5 and y0 >= -0.5, word
            assert x1 <= width + 0.5 and y1 <= height + 0.5, word
    t = squash(pdf.text(render_guide(g, fmt)))
    assert "3号楼B区305诊室（近电梯）" in t
    assert "欧阳*华" in t


@pytest.mark.parametrize("fmt", FORMATS)
def test_font_is_embedded(guide, billing, fmt, pdf):
    for data in (render_guide(guide, fmt), render_billing(billing, fmt)):
        fonts = pdf.tool("pdffonts", data)
        rows = fonts.splitlines()[2:]
        assert rows, fonts
        for row in rows:
            cols = row.split()
            assert "WenQuanYi" in cols[0]
            # name type encoding emb sub uni: all "yes" for a TrueType subset
            assert cols[-5:-2] == ["yes", "yes", "yes"], row
        assert "STSong" not in fonts and "Helvetica" not in fonts


def test_glyphs_not_boxes(guide, tmp_path):
    """Rendered with pdftoppm: the page has ink where the Chinese text is."""
    pytest.importorskip("PIL")
    from PIL import Image

    path = tmp_path / "g.pdf"
    path.write_bytes(render_guide(guide, "roll80"))
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(path), str(tmp_path / "g")], check=True)
    png = next(tmp_path.glob("g*.png"))
    img = Image.open(png).convert("L")
    assert img.width == pytest.approx(80 / 25.4 * 100, abs=2)
    dark = sum(img.histogram()[:128])
    assert dark > 2000
    # and every character printed has a real glyph in the bundled font (no tofu boxes)
    from frontdesk.slips import slip_texts
    from frontdesk.slips.fonts import has_glyph

    for s in slip_texts(guide):
        assert all(has_glyph(ch) for ch in s if not ch.isspace()), s


def test_bad_format_and_kind(guide):
    with pytest.raises(ValidationError):
        render_guide(guide, "letter")
    with pytest.raises(ValidationError):
        render_guide(replace(guide, department=""))


def test_render_slip_dispatch_and_determinism(guide, billing):
    assert render_slip(guide) == render_guide(guide)
    assert render_slip(billing, "a4") == render_billing(billing, "a4")


def test_bench_baseline_same_text(guide, pdf):
    data = bench_baseline(guide)
    t = squash(pdf.text(data))
    assert "内-012" in t and "王*明" in t
    assert data.startswith(b"%PDF")
    assert bench_baseline().startswith(b"%PDF")


def test_slips_never_import_qt():
    """Import every module of frontdesk.slips (and render) with PySide6 blocked."""
    code = r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in the domain layer")
sys.meta_path.insert(0, Block())
import frontdesk.slips as pkg
for m in pkgutil.walk_packages(pkg.__path__, "frontdesk.slips."):
    importlib.import_module(m.name)
from frontdesk.slips.samples import sample_guide_slip
pkg.render_guide(sample_guide_slip())
assert not any(k.startswith("PySide6") for k in sys.modules)
print("ok")
"""
    root = Path(__file__).resolve().parents[3]
    env = dict(os.environ, PYTHONPATH=str(root))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=root)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_guide_qr_and_text_carry_the_visit_number(guide, monkeypatch):
    """Issue 18, point 5: one visible number; the QR opens the visit at the next station."""
    from frontdesk.reception.visit_numbers import parse_visit_number
    from frontdesk.slips import slip_texts

    calls = qr_payloads(monkeypatch)
    slip = replace(guide, visit_id=396, visit_no="V20261207-0396")
    render_guide(slip)
    assert calls == ["V20261207-0396"]
    payload = calls[0]
    assert payload == "V20261207-0396" and parse_visit_number(payload) == 396
    texts = " ".join(slip_texts(slip, lang="zh_CN"))
    assert "V20261207-0396" in texts and "就诊编号 396" not in texts


def test_a_zero_billing_slip_does_not_send_the_patient_to_the_cashier():
    from frontdesk.slips import slip_texts
    from frontdesk.slips.model import BillingSlip, FeeLine, Waiver

    free = BillingSlip(hospital="测试医院", visit_no="V20261207-0396", record_no="D0000012",
                       patient_name="王丽", department="内科",
                       lines=(FeeLine("挂号费", 2000),), waiver=Waiver("金卡", 2000))
    texts = slip_texts(free, lang="zh_CN")
    assert "请持此单到收费处缴费" not in texts
    assert any("无需缴费" in t for t in texts)
    paid = replace(free, waiver=None)
    assert "请持此单到收费处缴费" in slip_texts(paid, lang="zh_CN")
