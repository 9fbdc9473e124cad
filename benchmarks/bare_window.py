"""The startup floor: a bare PySide6 window that reports first paint and ready like the app.

Run as a script: ``QT_QPA_PLATFORM=offscreen python benchmarks/bare_window.py``. It prints
``first_paint <seconds>`` on the window's first Paint event and ``ready <seconds>`` on the
next turn of the event loop, both counted from the top of :func:`main`, then quits.
"""

from __future__ import annotations

import sys
import time


def main() -> int:
    """Show the window, report its first paint and readiness, and quit."""
    started = time.perf_counter()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.setCentralWidget(QLabel("Bare window"))
    window.resize(1280, 800)

    def ready() -> None:
        print(f"ready {time.perf_counter() - started:.4f}", flush=True)
        app.quit()

    class FirstPaint(QObject):
        """Reports the first Paint event of the watched widget, then stops watching."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            """Print ``first_paint`` on the first Paint event; never consume the event."""
            if event.type() == QEvent.Type.Paint:
                print(f"first_paint {time.perf_counter() - started:.4f}", flush=True)
                watched.removeEventFilter(self)
                QTimer.singleShot(0, ready)
            return False

    spy = FirstPaint(window)
    window.installEventFilter(spy)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
