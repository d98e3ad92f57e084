"""QGIS entry point: the Processing provider (also headless, for qgis_process), and in the
GUI a Raster > SatImpact menu, a toolbar button, the model manager and the about box.

The plugin must load even when onnxruntime is missing: QGIS then shows what is missing
and offers to install it, and every algorithm reports the same when run.
"""

from __future__ import annotations

import os

from qgis.core import QgsApplication

PLUGIN_DIR = os.path.dirname(__file__)


def missing_dependencies() -> list[str]:
    """Python packages the engine needs that cannot be imported in this QGIS."""
    missing = []
    for module in ("onnxruntime", "onnx"):
        try:
            __import__(module)
        except Exception:  # ImportError, or a broken binary wheel (OSError, AttributeError)
            missing.append(module)
    return missing


def activate_dependencies() -> str | None:
    """Put the packages the in-QGIS installer wrote (``<profile>/python/satimpact-deps``)
    first on sys.path, before anything imports onnxruntime."""
    from .ui.dependencies import activate, deps_dir

    return activate(deps_dir(QgsApplication.qgisSettingsDirPath()))


class SatImpactPlugin:
    def __init__(self, iface):
        activate_dependencies()
        self.iface = iface
        self.install_dialog = None
        self.missing_message = None
        self.toolbox_actions = []
        self.provider = None
        self.actions = []
        self.menu = None
        self.toolbar_action = None
        self.translator = None
        self._install_translator()

    # --- Processing -------------------------------------------------------------------------
    def initProcessing(self):
        # Called by qgis_process too, where initGui never runs.
        if self.provider is None:
            from .processing.provider import SatImpactProvider

            self.provider = SatImpactProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # --- GUI --------------------------------------------------------------------------------
    def initGui(self):
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction, QMenu, QToolButton

        icon = QIcon(os.path.join(PLUGIN_DIR, "icons", "satimpact.svg"))
        window = self.iface.mainWindow()
        self.menu = QMenu(self.tr("SatImpact"), window)
        self.menu.setObjectName("satimpactMenu")
        self.menu.setIcon(icon)
        previous_group = None
        for alg in sorted(self.provider.algorithms(), key=lambda a: (a.group(), a.displayName())):
            if previous_group is not None and alg.group() != previous_group:
                self.menu.addSeparator()  # one block per toolbox group
            previous_group = alg.group()
            action = QAction(alg.icon(), alg.displayName(), window)
            action.setObjectName(f"satimpact_{alg.name()}")
            action.triggered.connect(self._opener(alg.id()))
            self.menu.addAction(action)
            self.actions.append(action)
        self.menu.addSeparator()
        manager = QAction(icon, self.tr("Model manager..."), window)
        manager.setObjectName("satimpact_model_manager")
        manager.triggered.connect(self.open_model_manager)
        about = QAction(icon, self.tr("About SatImpact..."), window)
        about.setObjectName("satimpact_about")
        about.triggered.connect(self.open_about)
        self.menu.addAction(manager)
        self.menu.addAction(about)
        self.actions.extend([manager, about])
        self.iface.rasterMenu().addMenu(self.menu)

        # one button in QGIS's Raster toolbar, not a toolbar row of its own
        self.toolbar_action = QAction(icon, self.tr("SatImpact tools"), window)
        self.toolbar_action.setObjectName("satimpact_toolbar_action")
        self.toolbar_action.setMenu(self.menu)
        self.iface.addRasterToolBarIcon(self.toolbar_action)
        for button in self.iface.rasterToolBar().findChildren(QToolButton):
            if button.defaultAction() is self.toolbar_action:
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self._register_toolbox_actions()
        try:  # workflow outputs styled like the tools' (Processing's rendering styles)
            from .ui.workflow_styles import register_workflow_styles

            register_workflow_styles()
        except Exception as exc:  # noqa: BLE001 (a style must never stop the plugin)
            from qgis.core import Qgis, QgsMessageLog

            QgsMessageLog.logMessage(
                self.tr("workflow styles not set: {0}").format(exc), "SatImpact", Qgis.MessageLevel.Warning
            )

        missing = missing_dependencies()
        if missing:
            self.report_missing(missing)

    def _register_toolbox_actions(self):
        """Right-click "Edit model..." on the shipped workflows (QGIS's own is for user models)."""
        try:
            from processing.gui.ProviderActions import ProviderContextMenuActions

            from .ui.workflow_actions import EditWorkflowAction
        except ImportError:  # Processing plugin disabled
            return
        self.toolbox_actions = [EditWorkflowAction()]
        ProviderContextMenuActions.registerProviderContextMenuActions(self.toolbox_actions)

    def report_missing(self, missing: list[str]):
        from qgis.core import Qgis
        from qgis.PyQt.QtWidgets import QPushButton

        bar = self.iface.messageBar()
        text = self.tr(
            "SatImpact needs the Python package(s) {0}, which QGIS cannot import. "
            "The tools will not run until they are installed."
        ).format(", ".join(missing))
        widget = bar.createMessage("SatImpact", text)
        button = QPushButton(self.tr("Install into my profile"), widget)
        button.setObjectName("satimpactInstallButton")
        button.clicked.connect(lambda: self.install_dependencies(missing))
        widget.layout().addWidget(button)
        bar.pushWidget(widget, Qgis.MessageLevel.Warning)
        self.missing_message = widget

    def install_dependencies(self, missing: list[str]):
        """pip's output in a dialog; the packages go into the plugin's folder of this profile."""
        from .ui.install_dialog import InstallDialog

        self.install_dialog = InstallDialog(missing, self.iface.mainWindow())
        self.install_dialog.finished.connect(lambda _result: self._report_install(self.install_dialog))
        self.install_dialog.show()
        self.install_dialog.start()

    def _report_install(self, dialog):
        from qgis.core import Qgis

        if dialog.succeeded is None:
            return
        level = Qgis.MessageLevel.Success if dialog.succeeded else Qgis.MessageLevel.Critical
        if dialog.succeeded and self.missing_message is not None:
            self.iface.messageBar().popWidget(self.missing_message)
            self.missing_message = None
        self.iface.messageBar().pushMessage("SatImpact", dialog.status, level)

    def _opener(self, alg_id: str):
        return lambda _checked=False: self.open_algorithm(alg_id)

    def open_algorithm(self, alg_id: str):
        import processing

        processing.execAlgorithmDialog(alg_id)

    def open_model_manager(self):
        from .ui.model_manager import ModelManagerDialog

        ModelManagerDialog(self.iface.mainWindow()).exec()

    def open_about(self):
        from .ui.about import show_about

        show_about(self.iface.mainWindow())

    def unload(self):
        if self.toolbox_actions:
            from processing.gui.ProviderActions import ProviderContextMenuActions

            ProviderContextMenuActions.deregisterProviderContextMenuActions(self.toolbox_actions)
            self.toolbox_actions = []
        if self.menu is not None:
            if self.iface is not None:
                self.iface.rasterMenu().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        if self.toolbar_action is not None:
            if self.iface is not None:
                self.iface.removeRasterToolBarIcon(self.toolbar_action)
            self.toolbar_action.deleteLater()
            self.toolbar_action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QgsApplication.removeTranslator(self.translator)
            self.translator = None

    # --- translation ------------------------------------------------------------------------
    def tr(self, text):
        from qgis.PyQt.QtCore import QCoreApplication

        return QCoreApplication.translate("SatImpact", text)

    def _install_translator(self):
        from qgis.core import QgsSettings
        from qgis.PyQt.QtCore import QLocale, QTranslator

        locale = QgsSettings().value("locale/userLocale", QLocale.system().name()) or "en"
        from .engine.i18n import set_language

        set_language(str(locale))  # the engine's log lines and errors (engine/i18n.py)
        path = os.path.join(PLUGIN_DIR, "i18n", f"satimpact_{str(locale)[:2]}.qm")
        if os.path.exists(path):
            translator = QTranslator()
            if translator.load(path):
                QgsApplication.installTranslator(translator)
                self.translator = translator
