"""The training callbacks as settings: early stopping, reduce-LR-on-plateau and the learning-rate schedule.

A group box for the Training panel; it edits `experiment.training` like the other settings (through the
panel's `settings_changed`), so the project JSON, the CLI and the window agree.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QSpinBox, QWidget

from . import theme

SCHEDULES = ("constant", "step", "exponential", "cosine")
MONITORS = ("val_loss", "loss", "val_accuracy", "accuracy")


class CallbackSettings(QGroupBox):
    settings_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Callbacks"))
        self.patience = QSpinBox()
        self.patience.setRange(0, 1000)
        self.patience.setSpecialValueText(self.tr("off"))
        self.patience.setToolTip(self.tr("Early stopping: end the run when the watched value has not improved for "
                                          "this many epochs (off: train every epoch)."))
        self.monitor = QComboBox()
        self.monitor.addItems(list(MONITORS))
        self.monitor.setToolTip(self.tr("What early stopping watches. A validation value shows overfitting; the "
                                        "training loss keeps falling even then."))
        self.restore = QCheckBox(self.tr("Restore best weights"))
        self.restore.setToolTip(self.tr("When early stopping ends the run, put back the weights of the best epoch."))
        self.reduce = QSpinBox()
        self.reduce.setRange(0, 1000)
        self.reduce.setSpecialValueText(self.tr("off"))
        self.reduce.setToolTip(self.tr("Reduce the learning rate on a plateau: multiply it by the factor when the "
                                       "validation loss has not improved for this many epochs."))
        self.factor = QDoubleSpinBox()
        self.factor.setRange(0.01, 0.99)
        self.factor.setSingleStep(0.05)
        self.factor.setToolTip(self.tr("What reduce-on-plateau multiplies the learning rate by."))
        self.schedule = QComboBox()
        shown = {"constant": self.tr("constant"), "step": self.tr("step"), "exponential": self.tr("exponential"),
                 "cosine": self.tr("cosine")}
        for name in SCHEDULES:
            self.schedule.addItem(shown.get(name, name), name)
        self.schedule.setToolTip(self.tr("How the learning rate changes from epoch to epoch: constant; step (times "
                                         "the decay every few epochs); exponential (the same decay, smoothly); "
                                         "cosine (down to 0 by the last epoch). It is plotted per epoch."))
        self.decay = QDoubleSpinBox()
        self.decay.setRange(0.01, 0.99)
        self.decay.setSingleStep(0.05)
        self.decay.setToolTip(self.tr("Step and exponential schedules: the rate is multiplied by this every "
                                      "'every' epochs."))
        self.every = QSpinBox()
        self.every.setRange(1, 1000)
        self.every.setToolTip(self.tr("Step and exponential schedules: epochs per decay."))
        form = QFormLayout(self)
        form.setSpacing(theme.SPACING)
        form.addRow(self.tr("Early stopping"), self.patience)
        form.addRow(self.tr("Watch"), self.monitor)
        form.addRow("", self.restore)
        form.addRow(self.tr("Reduce LR on plateau"), self.reduce)
        form.addRow(self.tr("Reduce factor"), self.factor)
        form.addRow(self.tr("LR schedule"), self.schedule)
        form.addRow(self.tr("Decay"), self.decay)
        form.addRow(self.tr("Every (epochs)"), self.every)
        self._updating = False
        self.patience.valueChanged.connect(lambda v: self._changed("early_stopping", int(v)))
        self.monitor.currentTextChanged.connect(lambda v: self._changed("early_stopping_monitor", v))
        self.restore.toggled.connect(lambda v: self._changed("restore_best_weights", bool(v)))
        self.reduce.valueChanged.connect(lambda v: self._changed("reduce_lr_patience", int(v)))
        self.factor.valueChanged.connect(lambda v: self._changed("reduce_lr_factor", float(v)))
        self.schedule.currentIndexChanged.connect(lambda _i: self._changed("lr_schedule", self.schedule.currentData()))
        self.decay.valueChanged.connect(lambda v: self._changed("lr_decay", float(v)))
        self.every.valueChanged.connect(lambda v: self._changed("lr_step_epochs", int(v)))

    def _changed(self, key: str, value: Any) -> None:
        if not self._updating:
            self._enable()
            self.settings_changed.emit({key: value})

    def _enable(self) -> None:
        stopping = self.patience.value() > 0
        self.monitor.setEnabled(stopping and self.isEnabled())
        self.restore.setEnabled(stopping)
        self.factor.setEnabled(self.reduce.value() > 0)
        decays = self.schedule.currentData() in ("step", "exponential")
        self.decay.setEnabled(decays)
        self.every.setEnabled(decays)

    def show_settings(self, cfg: Any) -> None:
        """Fill the widgets from experiment.training without echoing changes back."""
        self._updating = True
        try:
            self.patience.setValue(cfg.early_stopping)
            if self.monitor.findText(cfg.early_stopping_monitor) < 0:
                self.monitor.addItem(cfg.early_stopping_monitor)
            self.monitor.setCurrentText(cfg.early_stopping_monitor)
            self.restore.setChecked(cfg.restore_best_weights)
            self.reduce.setValue(cfg.reduce_lr_patience)
            self.factor.setValue(cfg.reduce_lr_factor)
            self.schedule.setCurrentIndex(max(0, self.schedule.findData(cfg.lr_schedule)))
            self.decay.setValue(cfg.lr_decay)
            self.every.setValue(cfg.lr_step_epochs)
        finally:
            self._updating = False
        self._enable()
