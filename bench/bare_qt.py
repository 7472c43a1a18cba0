"""Baseline for the start-up benchmarks: a bare PySide6 QMainWindow, shown and quit like --smoke.

Same size as the app's main window, same 200 ms QTimer before quitting and
the same visibility check, so the difference from `frontdesk --smoke` is what
Frontdesk itself adds (imports, database, translations, the first screen).
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1280, 800)
    window.show()
    shown: list[bool] = []

    def finish() -> None:
        shown.append(window.isVisible())
        app.quit()

    QTimer.singleShot(200, finish)
    app.exec()
    print(f"smoke: bare window shown={bool(shown and shown[0])}")
    window.close()
    return 0 if shown and shown[0] else 1


if __name__ == "__main__":
    raise SystemExit(main())
