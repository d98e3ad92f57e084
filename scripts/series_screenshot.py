"""The pictures of docs/series.md from a real run on ../shared/data/timeseries/pucallpa_landsat:
a screenshot of the water report (the HTML rendered offscreen by Qt WebKit, as QGIS's own
HTML widgets render it) and the change map as the report draws it.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/series_screenshot.py [out_dir]   (default docs/img)
"""

from __future__ import annotations

import base64
import glob
import os
import re
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("SATIMPACT_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))
sys.path.insert(0, os.path.join(ROOT, ".qgis-plugins"))


def screenshot(html_path: str, png_path: str, width: int = 1000, max_height: int = 1450) -> None:
    """The top of an HTML page rendered offscreen with Qt WebKit, as a PNG."""
    from qgis.PyQt.QtCore import QSize, QUrl
    from qgis.PyQt.QtGui import QImage, QPainter
    from qgis.PyQt.QtWebKitWidgets import QWebPage
    from qgis.PyQt.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    page = QWebPage()
    page.setViewportSize(QSize(width, 800))
    done = []
    page.loadFinished.connect(done.append)
    page.mainFrame().load(QUrl.fromLocalFile(html_path))
    while not done:
        app.processEvents()
    size = page.mainFrame().contentsSize()
    size = QSize(width, min(size.height(), max_height))
    page.setViewportSize(size)
    image = QImage(size, QImage.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    page.mainFrame().render(painter)
    painter.end()
    image.save(png_path)


def main() -> int:
    from satimpact.engine import series
    from satimpact.engine.model import load_model
    from satimpact.engine.registry import available_models

    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "docs", "img")
    paths = sorted(glob.glob(os.path.join(DATA, "timeseries", "pucallpa_landsat", "*.tif")))
    model = load_model(available_models(None)["water_mndwi"])
    with tempfile.TemporaryDirectory() as tmp:
        html_path = os.path.join(tmp, "pucallpa.html")
        result = series.water_series(
            series.series_dates(paths),
            series.water_mask_maker(model, "swir16=1,nir=2,red=3,green=4"),
            report_path=html_path,
            title="Water area over time: the Ucayali at Pucallpa, 1985-2020",
        )
        pictures = re.findall(r"base64,([A-Za-z0-9+/=]+)", open(html_path, encoding="utf-8").read())
        screenshot(html_path, os.path.join(out_dir, "series_pucallpa_report.png"))
    with open(os.path.join(out_dir, "series_pucallpa_change.png"), "wb") as fh:
        fh.write(base64.b64decode(pictures[-1]))  # the change classes, the report's last picture
    print(f"wrote {out_dir}/series_pucallpa_report.png and series_pucallpa_change.png")
    for d, water in zip(result.dates, result.water_m2[0]):
        print(f"{d.label}: {water / 1e6:.2f} km2")
    print(result.trends[0].describe("m2"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
