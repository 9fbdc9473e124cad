"""The PySide6 pin: pyqtgraph plots survive many updates (6.12.0 aborts with "none_dealloc")."""

from __future__ import annotations

import os
import subprocess
import sys

PLOT_LOOP = """
import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication
app = QApplication([])
widget = pg.PlotWidget()
widget.show()
curve = widget.plot()
bars = pg.BarGraphItem(x=np.arange(12), height=np.ones(12), width=0.6)
widget.addItem(bars)
rng = np.random.default_rng(7)
for _ in range(400):
    curve.setData(rng.random(60))
    bars.setOpts(height=rng.random(12))
    widget.setTitle(f"{rng.random():.3f}")
    app.processEvents()
print("survived")
"""


def test_pyqtgraph_survives_hundreds_of_plot_updates() -> None:
    # A separate process: the failure this guards against aborts the interpreter.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PLOT_LOOP], env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("survived")


def test_installed_pyside6_is_inside_the_pinned_range() -> None:
    import PySide6

    major, minor, *_ = (int(part) for part in PySide6.__version__.split("."))
    assert (6, 10) <= (major, minor) < (6, 12), PySide6.__version__
