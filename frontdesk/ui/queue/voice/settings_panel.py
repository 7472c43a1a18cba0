"""Voice settings of this PC: engine, voice, repeat count, chime, volume, names; "test the voice".

The test says a sample call through a speaker built from what the form shows
(not yet saved), so the person setting up a kiosk hears the choice before
keeping it, and the panel says which engine actually spoke (the clip set when
the chosen one is missing) and whether this PC has an audio output at all.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.errors import FrontdeskError
from frontdesk.ui import style
from frontdesk.ui.queue.voice import players
from frontdesk.ui.queue.voice.speaker import Speaker
from frontdesk.ui.widgets.fields import FieldBox, error_label, show_error
from frontdesk.ui.widgets.form_dialog import show_refusal
from frontdesk.ui.widgets.retranslate import Retranslating
from frontdesk.voice import prefs as voice_prefs
from frontdesk.voice.announcement import Announcement, CallKind

ENGINE_NAMES = {
    "auto": QT_TRANSLATE_NOOP("VoiceSettingsPanel", "Automatic (best available)"),
    "qt": QT_TRANSLATE_NOOP("VoiceSettingsPanel", "System voice (Qt text-to-speech)"),
    "espeak": QT_TRANSLATE_NOOP("VoiceSettingsPanel", "espeak-ng (offline)"),
    "clips": QT_TRANSLATE_NOOP("VoiceSettingsPanel", "Pre-recorded clips (number and room)"),
    "off": QT_TRANSLATE_NOOP("VoiceSettingsPanel", "Off"),
}
NAME_MODES = {
    "masked": QT_TRANSLATE_NOOP("VoiceSettingsPanel", "Masked name (王某芳)"),
    "none": QT_TRANSLATE_NOOP("VoiceSettingsPanel", "No name, the number only"),
}
SAMPLE = Announcement(CallKind.CALL, "A012", "3", "王小芳")


class VoiceSettingsPanel(Retranslating, QWidget):
    saved = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.test_speaker: Speaker | None = None
        self.engine = QComboBox()
        self.engine.setObjectName("voiceEngine")
        for key in voice_prefs.ENGINES:
            self.engine.addItem("", key)
        self.voice = QComboBox()
        self.voice.setObjectName("voiceName")
        self.repeat = QSpinBox()
        self.repeat.setObjectName("voiceRepeat")
        self.repeat.setRange(1, voice_prefs.MAX_REPEAT)
        self.chime = QCheckBox()
        self.chime.setObjectName("voiceChime")
        self.volume = QSpinBox()
        self.volume.setObjectName("voiceVolume")
        self.volume.setRange(0, 100)
        self.volume.setSuffix(" %")
        self.name_mode = QComboBox()
        self.name_mode.setObjectName("voiceNameMode")
        for key in NAME_MODES:
            self.name_mode.addItem("", key)
        self.fields = {
            "engine": FieldBox("engine", self.engine), "voice": FieldBox("voice", self.voice),
            "repeat": FieldBox("repeat", self.repeat), "volume": FieldBox("volume", self.volume),
            "name_mode": FieldBox("name_mode", self.name_mode),
        }
        self.test_button = QPushButton()
        self.test_button.setObjectName("voiceTest")
        self.test_button.clicked.connect(self.test_voice)
        self.save_button = QPushButton()
        self.save_button.setObjectName("voiceSave")
        self.save_button.clicked.connect(self.save)
        self.result = QLabel()
        self.result.setObjectName("voiceTestResult")
        self.result.setWordWrap(True)
        self.result.setProperty(style.ROLE, "secondary")
        self.error = error_label("voiceError")
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        for label, field in zip(self.labels, ("engine", "voice", "repeat", None, "volume",
                                              "name_mode"), strict=True):
            self.form.addRow(label, self.fields[field] if field else self.chime)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.result)
        box.addWidget(self.error)
        box.addLayout(buttons)
        box.addStretch(1)
        self.engine.currentIndexChanged.connect(self._fill_voices)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        for i, key in enumerate(voice_prefs.ENGINES):
            self.engine.setItemText(i, self.tr(ENGINE_NAMES[key]))
        for i, key in enumerate(NAME_MODES):
            self.name_mode.setItemText(i, self.tr(NAME_MODES[key]))
        texts = (self.tr("Engine"), self.tr("Voice"), self.tr("Say each call"), self.tr("Chime"),
                 self.tr("Volume"), self.tr("Patient's name"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.repeat.setSuffix(self.tr(" times"))
        self.chime.setText(self.tr("Ding-dong before each call"))
        self.test_button.setText(self.tr("&Test the voice"))
        self.save_button.setText(self.tr("&Save"))
        if self.voice.count():
            self.voice.setItemText(0, self.tr("First Mandarin voice"))

    def load(self) -> None:
        p = self.ctx.run(voice_prefs.load, on_error=lambda exc: show_error(self.error, exc.message()))
        if p is None:
            return
        self.engine.setCurrentIndex(max(0, self.engine.findData(p.engine)))
        self._fill_voices(selected=p.voice)
        self.repeat.setValue(p.repeat)
        self.chime.setChecked(p.chime)
        self.volume.setValue(p.volume)
        self.name_mode.setCurrentIndex(max(0, self.name_mode.findData(p.name_mode)))

    def _fill_voices(self, *_args, selected: str | None = None) -> None:
        current = selected if selected is not None else self.voice.currentData() or ""
        self.voice.clear()
        self.voice.addItem(self.tr("First Mandarin voice"), "")
        if self.engine.currentData() in ("auto", "qt"):
            for engine in players.qt_engines():
                for name in players.mandarin_voices(engine):
                    self.voice.addItem(f"{name} ({engine})", name)
        if current and self.voice.findData(current) < 0:
            self.voice.addItem(current, current)
        self.voice.setCurrentIndex(max(0, self.voice.findData(current)))
        self.voice.setEnabled(self.voice.count() > 1)

    def prefs(self) -> voice_prefs.VoicePrefs:
        return voice_prefs.VoicePrefs(
            engine=self.engine.currentData(), voice=self.voice.currentData() or "",
            repeat=self.repeat.value(), chime=self.chime.isChecked(),
            volume=self.volume.value(), name_mode=self.name_mode.currentData())

    def test_voice(self) -> None:
        """Say the sample call with what the form shows; tell which engine spoke."""
        self._clear_errors()
        try:
            p = voice_prefs.validate(self.prefs())
        except FrontdeskError as exc:
            self._show_error(exc)
            return
        if self.test_speaker is not None:
            self.test_speaker.close()
            self.test_speaker.deleteLater()
        self.test_speaker = Speaker(self)
        engine = self.test_speaker.configure(p)
        names = {"qt": self.tr("the system voice"), "espeak": "espeak-ng",
                 "clips": self.tr("the pre-recorded clips"), "off": self.tr("nothing (voice off)")}
        lines = [self.tr("Speaking with {engine}.").format(engine=names.get(engine, engine))]
        if p.engine not in ("auto", engine) and engine != "off":
            lines.append(self.tr("The chosen engine is not available on this PC."))
        if not players.has_audio_output():
            lines.append(self.tr("This PC has no sound output: connect speakers."))
        self.result.setText(" ".join(lines))
        self.test_speaker.failed.connect(
            lambda why: self.result.setText(self.result.text() + " " + self.tr("Sound failed.")))
        self.test_speaker.announce(SAMPLE)

    def save(self) -> None:
        self._clear_errors()
        self.ctx.run(voice_prefs.save, self.prefs(), on_done=lambda _p: self.saved.emit(),
                     on_error=self._show_error)

    def _clear_errors(self) -> None:
        for box in self.fields.values():
            box.clear_error()
        show_error(self.error, "")

    def _show_error(self, exc: Exception) -> None:
        show_refusal(exc, self.fields, self.error)
