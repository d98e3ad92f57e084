"""Runs inside a real QGIS window (``qgis --code tests/gui/driver.py`` under Xvfb).

Reads the job from $SATIMPACT_GUI_JOB (JSON), drives the GUI, saves screenshots and
writes what it saw to the job's "result" path, then quits QGIS. Used by tests/gui/test_gui.py
and scripts/screenshots.py.
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QToolBar
from qgis.utils import iface, plugins

JOB = json.load(open(os.environ["SATIMPACT_GUI_JOB"]))
RESULT = {"errors": []}


def settle(ms=300):
    end = QTimer()
    end.setSingleShot(True)
    end.start(ms)
    while end.isActive():
        QApplication.processEvents()


def render_map(path, layers=None, extent=None, legend=False):
    """The map canvas as the user sees it, after rendering has finished; with ``legend`` the
    Layers panel (every layer's legend, expanded) is drawn to the left of the map."""
    canvas = iface.mapCanvas()
    if extent is not None:
        canvas.setExtent(extent)
    canvas.refreshAllLayers()
    settle(500)
    canvas.waitWhileRendering()
    settle(300)
    if not legend:
        canvas.saveAsImage(path)
        return
    from qgis.PyQt.QtGui import QColor, QImage, QPainter

    tree = iface.layerTreeView()
    tree.expandAll()
    tree.resize(420, canvas.height())
    settle(300)
    panel = tree.grab()
    picture = canvas.grab()
    image = QImage(panel.width() + picture.width(), max(panel.height(), picture.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawPixmap(0, 0, panel)
    painter.drawPixmap(panel.width(), 0, picture)
    painter.end()
    image.save(path)


def check_menu():
    raster_menu = iface.rasterMenu()
    menus = [a.menu() for a in raster_menu.actions() if a.menu() is not None]
    sat = [m for m in menus if m.objectName() == "satimpactMenu"]
    RESULT["menu_found"] = bool(sat)
    RESULT["menu_actions"] = [a.text() for a in sat[0].actions() if a.text()] if sat else []
    RESULT["toolbar_found"] = any(a.objectName() == "satimpact_toolbar_action" for a in iface.rasterToolBar().actions())
    RESULT["own_toolbar"] = any(
        "satimpact" in t.objectName().lower() for t in iface.mainWindow().findChildren(QToolBar)
    )
    RESULT["menu_separators"] = sum(1 for a in sat[0].actions() if a.isSeparator()) if sat else 0
    RESULT["plugin_loaded"] = "satimpact" in plugins


def show_toolbox(path):
    from qgis.gui import QgsProcessingToolboxTreeView

    for dock in iface.mainWindow().findChildren(QDockWidget):
        if dock.objectName() == "ProcessingToolbox":
            dock.show()
            tree = dock.findChild(QgsProcessingToolboxTreeView)
            if tree is not None:
                # open the SatImpact provider and its groups
                model = tree.model()
                for row in range(model.rowCount()):
                    index = model.index(row, 0)
                    if model.data(index) == "SatImpact":
                        tree.expand(index)
                        for sub in range(model.rowCount(index)):
                            tree.expand(model.index(sub, 0, index))
                        tree.scrollTo(index, tree.ScrollHint.PositionAtTop)
    settle(500)
    iface.mainWindow().grab().save(path)


def open_dialog(alg_id, params, path):
    import processing

    dlg = processing.createAlgorithmDialog(alg_id, params)
    dlg.show()
    settle(800)
    panel = dlg.mainWidget()
    wrapper = panel.wrappers.get("MODEL") if hasattr(panel, "wrappers") else None
    combo = getattr(wrapper, "combo", None)
    RESULT.setdefault("model_choices", {})[alg_id] = (
        [combo.itemText(i) for i in range(combo.count())] if combo else None
    )
    RESULT.setdefault("model_values", {})[alg_id] = [combo.itemData(i) for i in range(combo.count())] if combo else None
    band_map = panel.wrappers.get("BAND_MAP") if hasattr(panel, "wrappers") else None
    combos = getattr(band_map, "combos", None)
    if combos is not None:
        RESULT.setdefault("band_maps", {})[alg_id] = {
            "bands": {name: c.currentText() for name, c in combos.items()},
            "value": band_map.value(),
        }
        # choosing another band for the first model band writes NAME=BAND into the text
        if combos:
            name, combo = next(iter(combos.items()))
            combo.setCurrentIndex(1 if combo.currentIndex() != 1 else 2)
            settle(100)
            RESULT["band_maps"][alg_id]["after_change"] = band_map.value()
    labels = {}
    for name, wrapper in panel.wrappers.items() if hasattr(panel, "wrappers") else []:
        label = getattr(wrapper, "wrappedLabel", lambda: None)() or getattr(wrapper, "label", None)
        if hasattr(label, "text"):
            labels[name] = label.text()
    RESULT.setdefault("labels", {})[alg_id] = labels
    dlg.grab().save(path)
    dlg.close()


def run_and_load(alg_id, params, path, legend=False):
    import processing

    before = set(QgsProject.instance().mapLayers())
    log = []

    def keep(message, tag, level):
        log.append(f"{tag}: {message}")

    QgsApplication.messageLog().messageReceived.connect(keep)
    try:
        processing.runAndLoadResults(alg_id, params)
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    settle(500)
    new = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before]
    info = []
    root = QgsProject.instance().layerTreeRoot()
    for layer in new:
        node = root.findLayer(layer.id())
        parent = node.parent() if node else None
        info.append(
            {
                "name": layer.name(),
                "renderer": layer.renderer().type() if hasattr(layer, "renderer") and layer.renderer() else None,
                "group": parent.name() if parent is not None and parent != root else None,
            }
        )
        iface.setActiveLayer(layer)
    # the run's group as the Layers panel shows it, top to bottom
    group_order = []
    groups = {root.findLayer(layer.id()).parent() for layer in new if root.findLayer(layer.id())}
    for group in groups:
        if group is not None and group != root:
            for node in group.children():
                layer = node.layer() if hasattr(node, "layer") else None
                if layer is None:
                    continue
                legend_items = [
                    item[0] if isinstance(item, tuple) else str(item)
                    for item in (layer.renderer().legendSymbologyItems() if hasattr(layer, "bandCount") else [])
                ]
                group_order.append(
                    {
                        "name": layer.name(),
                        "checked": node.isVisible(),
                        "renderer": layer.renderer().type() if layer.renderer() else None,
                        "legend": legend_items,
                        "range": [layer.renderer().classificationMin(), layer.renderer().classificationMax()]
                        if hasattr(layer.renderer(), "classificationMin")
                        else None,
                    }
                )
    RESULT.setdefault("runs", []).append(
        {"alg": alg_id, "layers": info, "group_order": group_order, "log": log[-20:] if not info else []}
    )
    if path:
        render_map(path, legend=legend)


def model_manager(path):
    from satimpact.ui.model_manager import ModelManagerDialog

    dlg = ModelManagerDialog(iface.mainWindow())
    dlg.show()
    for i in range(dlg.list.count()):
        if dlg.list.item(i).text().startswith(JOB.get("manager_select", "")):
            dlg.list.setCurrentRow(i)
            break
    settle(500)
    RESULT["manager_models"] = [dlg.list.item(i).text() for i in range(dlg.list.count())]
    RESULT["manager_details"] = dlg.details.toPlainText()[:2000]
    dlg.grab().save(path)
    dlg.close()


def message_bar(key="message_bar"):
    bar = iface.messageBar()
    texts = []
    for item in bar.items():
        texts.append(f"{item.title()} {item.text()}")
    RESULT[key] = texts


def click_install(path, timeout_s):
    """Clicks the message bar's install button and waits for the installer dialog to finish."""
    from qgis.PyQt.QtWidgets import QPushButton

    buttons = iface.messageBar().findChildren(QPushButton, "satimpactInstallButton")
    RESULT["install_button_found"] = bool(buttons)
    if not buttons:
        return
    buttons[0].click()
    dialog = plugins["satimpact"].install_dialog
    waited = 0
    while dialog.succeeded is None and waited < timeout_s * 1000:
        settle(250)
        waited += 250
    RESULT["install_succeeded"] = dialog.succeeded
    RESULT["install_status"] = dialog.status
    RESULT["install_log"] = dialog.log.toPlainText()[-20000:]
    RESULT["install_progress"] = dialog.progress.value()
    if path:
        dialog.grab().save(path)
    dialog.close()
    settle(300)


def edit_workflow(alg_id, path):
    """The toolbox's right-click "Edit model..." on a shipped workflow: the modeler opens it."""
    from processing.gui.ProviderActions import ProviderContextMenuActions

    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    for action in ProviderContextMenuActions.actions:
        action.setData(alg, None)
        if action.isEnabled() and action.name == "Edit model...":
            dialog = action.execute()
            dialog.resize(1400, 850)
            settle(500)
            from qgis.PyQt.QtCore import Qt

            view = dialog.view()
            view.fitInView(view.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
            settle(500)
            model = dialog.model()
            RESULT.setdefault("edited_workflows", {})[alg_id] = {
                "children": sorted(model.childAlgorithms()),
                "source_file": model.sourceFilePath(),
            }
            if path:
                dialog.grab().save(path)
            dialog.close()
            return
    RESULT.setdefault("edited_workflows", {})[alg_id] = None


def run_expect_error(alg_id, params):
    import processing

    try:
        processing.run(alg_id, params)
        RESULT["expected_error"] = None
    except Exception as exc:  # QgsProcessingException
        RESULT["expected_error"] = str(exc)


def main():
    try:
        for step in JOB["steps"]:
            kind = step["kind"]
            if kind == "load":
                layer = QgsRasterLayer(step["path"], step.get("name", os.path.basename(step["path"])))
                if step.get("rgb"):
                    from qgis.core import QgsContrastEnhancement, QgsMultiBandColorRenderer, QgsRasterMinMaxOrigin

                    red, green, blue = step["rgb"]
                    layer.setRenderer(QgsMultiBandColorRenderer(layer.dataProvider(), red, green, blue))
                    layer.setContrastEnhancement(
                        QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum,
                        QgsRasterMinMaxOrigin.Limits.CumulativeCut,
                    )
                QgsProject.instance().addMapLayer(layer)
                # the map follows the scene just loaded (after a "clear" the project keeps its old CRS)
                QgsProject.instance().setCrs(layer.crs())
                iface.mapCanvas().setDestinationCrs(layer.crs())
                iface.mapCanvas().setExtent(layer.extent())
            elif kind == "clear":
                QgsProject.instance().removeAllMapLayers()
                QgsProject.instance().layerTreeRoot().removeAllChildren()
            elif kind == "menu":
                check_menu()
            elif kind == "toolbox":
                show_toolbox(step["shot"])
            elif kind == "dialog":
                open_dialog(step["alg"], step.get("params", {}), step["shot"])
            elif kind == "run":
                run_and_load(step["alg"], step["params"], step.get("shot"), step.get("legend", False))
            elif kind == "manager":
                model_manager(step["shot"])
            elif kind == "messages":
                message_bar(step.get("key", "message_bar"))
            elif kind == "edit_workflow":
                edit_workflow(step["alg"], step.get("shot"))
            elif kind == "install":
                click_install(step.get("shot"), step.get("timeout_s", 600))
            elif kind == "expect_error":
                run_expect_error(step["alg"], step["params"])
            elif kind == "window":
                settle(500)
                iface.mainWindow().grab().save(step["shot"])
    except Exception:
        RESULT["errors"].append(traceback.format_exc())
    with open(JOB["result"], "w") as fh:
        json.dump(RESULT, fh, indent=1)
    QgsApplication.exit(0)


QTimer.singleShot(int(JOB.get("delay_ms", 2500)), main)
