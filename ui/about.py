"""The about box: version, licence and the papers behind each method."""

from __future__ import annotations

import configparser
import os

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))


def tr(text: str) -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("SatImpact", text)


PAPERS = [
    (
        tr("Poverty from daytime imagery"),
        "Jean, N. et al. (2016) Combining satellite imagery and machine learning to "
        "predict poverty. Science 353, 790-794.",
    ),
    (
        tr("Random convolutional features"),
        "Rolf, E. et al. (2021) A generalizable and accessible approach to machine "
        "learning with global satellite imagery. Nature Communications 12, 4392.",
    ),
    (
        tr("Human-machine development score"),
        "Han, S. et al. (2020) Learning to score economic development from "
        "satellite imagery. KDD 2020; Ahn, D. et al. (2023) A human-machine collaborative approach measures economic "
        "development using satellite imagery. Nature Communications 14, 6811.",
    ),
    (
        tr("Urban green space"),
        "Kwon, O.-H. et al. (2021) Urban green space and happiness in developed countries. EPJ Data Science 10, 28.",
    ),
    (
        tr("Water indices"),
        "McFeeters, S.K. (1996) NDWI, Int. J. Remote Sensing 17(7); Xu, H. (2006) MNDWI, "
        "Int. J. Remote Sensing 27(14); Otsu, N. (1979) IEEE Trans. SMC 9(1).",
    ),
    (
        tr("Floating debris"),
        "Biermann, L. et al. (2020) Finding plastic patches in coastal waters using optical "
        "satellite data. Scientific Reports 10, 5364.",
    ),
    (tr("Flood data"), "Bonafilia, D. et al. (2020) Sen1Floods11. CVPR Workshops."),
]


def plugin_version() -> str:
    meta = configparser.ConfigParser()
    meta.read(os.path.join(PLUGIN_DIR, "metadata.txt"))
    return meta["general"].get("version", "?")


def about_html() -> str:
    items = "".join(f"<li><b>{topic}.</b> {ref}</li>" for topic, ref in PAPERS)
    return (
        f"<h3>SatImpact {plugin_version()}</h3>"
        + tr(
            "<p>Satellite imagery to indicators for the Sustainable Development Goals, as Processing tools "
            "backed by carded ONNX models.</p>"
            "<p>Licence: GNU GPL v2 or later. Models carry their own licence and citation in their card "
            "(see the model manager).</p>"
        )
        + "<p>"
        + tr("Methods:")
        + f"</p><ul>{items}</ul>"
    )


def show_about(parent=None):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setWindowTitle("SatImpact")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html())
    box.exec()
