"""Baseline for the start-up benchmarks: a bare PySide6 QMainWindow, shown like --smoke.

Same size as the app's main window and the same first-paint watch
(bench/first_paint.py): the process prints when its first frame is painted and
its own peak memory, then exits. The difference from the app is what Frontdesk
itself adds (imports, database, translations, the first screen).
"""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent))
from first_paint import watch  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    watch(app, QMainWindow)
    window = QMainWindow()
    window.setWindowTitle("bare")
    if "--text" in sys.argv:
        # One line of Chinese: what loading a CJK font costs any window that shows text
        # (the plain bare window draws none). A context baseline, not the target's.
        from PySide6.QtWidgets import QLabel

        window.setCentralWidget(QLabel("导医台 · 接待 分诊 挂号 缴费 陪诊"))
    window.resize(1280, 800)
    window.show()
    return app.exec()  # watch() ends the process after the first frame


if __name__ == "__main__":
    raise SystemExit(main())
