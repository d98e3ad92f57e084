"""The dialog that installs onnxruntime/onnx into the plugin's folder of the QGIS profile,
showing pip's output as it comes, then importing the packages before it says they work."""

from __future__ import annotations

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QProcess, QProcessEnvironment
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
)

from . import dependencies


def tr(text: str) -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("SatImpact", text)


class InstallDialog(QDialog):
    """Runs: make the folder (venv) -> pip install -> import check, one QProcess at a time.

    ``succeeded`` is None while running, then True or False; ``status`` holds the last sentence
    shown to the user."""

    def __init__(self, modules: list[str], parent=None, profile_dir: str | None = None):
        super().__init__(parent)
        self.setObjectName("satimpactInstallDialog")
        self.setWindowTitle(tr("SatImpact: install Python packages"))
        self.resize(760, 460)
        self.modules = list(modules)
        self.env_dir = dependencies.deps_dir(profile_dir or QgsApplication.qgisSettingsDirPath())
        self.succeeded = None
        self.status = ""
        self._steps = []
        self._process = None
        self._output = []

        layout = QVBoxLayout(self)
        self.label = QLabel(
            tr("Installing {0} into {1} with the Python that runs QGIS. System packages are not touched.").format(
                ", ".join(self.modules), self.env_dir
            )
        )
        self.label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setObjectName("satimpactInstallLog")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(False)
        for widget in (self.label, self.progress, self.log, self.buttons):
            layout.addWidget(widget)

    def reject(self):
        if self.succeeded is None and self._process is not None:
            self._process.kill()
            self._finish(False, tr("Cancelled; the package folder may be incomplete, run the installer again."))
        super().reject()

    # --- steps ----------------------------------------------------------------------------
    def start(self):
        self._write(tr("Looking for the Python interpreter that runs QGIS..."))
        python = dependencies.find_python()
        if python is None:
            looked = ", ".join(dependencies.python_candidates()) or "-"
            return self._finish(
                False,
                tr("Could not find the Python interpreter that runs QGIS (looked at: {0}).").format(looked),
            )
        self._write(python)
        self._steps = [
            (tr("Creating the plugin's package folder"), dependencies.create_command(python, self.env_dir), 10),
            (tr("Installing with pip"), dependencies.pip_command(self.env_dir, self.modules), 85),
            (tr("Checking that the packages import"), dependencies.verify_command(self.env_dir, self.modules), 100),
        ]
        self._next()

    def _next(self):
        if not self._steps:
            return self._finish(
                True,
                tr("Installed and checked: {0}. Restart QGIS to use SatImpact.").format(", ".join(self.modules)),
            )
        title, command, self._progress_after = self._steps.pop(0)
        self._write(f"\n== {title}\n$ " + " ".join(command))
        self._output = []
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("PYTHONUNBUFFERED", "1")
        environment.insert("PYTHONNOUSERSITE", "1")  # ~/.local must not hide what was just installed
        process.setProcessEnvironment(environment)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._done)
        process.errorOccurred.connect(self._error)
        self._process = process
        process.start(command[0], command[1:])

    def _read(self):
        text = bytes(self._process.readAllStandardOutput()).decode("utf-8", "replace")
        self._output.append(text)
        for line in text.splitlines():
            self._write(line)
            if line.startswith(("Collecting", "Processing", "Downloading", "Installing", "Requirement already")):
                # pip's own steps move the bar within the install step
                self.progress.setValue(min(self._progress_after - 1, self.progress.value() + 5))

    def _error(self, error):
        if error == QProcess.ProcessError.FailedToStart:
            self._finish(False, tr("Could not start {0}.").format(self._process.program()))

    def _done(self, code, _status=None):
        if self.succeeded is not None:
            return
        if code != 0:
            log = "".join(self._output)
            reason = dependencies.explain_failure(log) or tr("see the log above")
            return self._finish(False, tr("Failed (exit code {0}): {1}").format(code, reason))
        self.progress.setValue(self._progress_after)
        self._next()

    def _finish(self, ok: bool, message: str):
        self.succeeded = ok
        self.status = message
        self._write("\n" + message)
        self.label.setText(message)
        if ok:
            self.progress.setValue(100)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(True)
        try:
            os.makedirs(self.env_dir, exist_ok=True)
            with open(os.path.join(self.env_dir, "install.log"), "w", encoding="utf-8") as fh:
                fh.write(self.log.toPlainText())
        except OSError:
            pass

    def _write(self, line: str):
        self.log.appendPlainText(line)
