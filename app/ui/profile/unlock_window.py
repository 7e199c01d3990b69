"""The unlock screen: her password, a clear message when it is wrong, and the wait after failures."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app import __version__
from app.ui.common.i18n import fill
from app.ui.common.widgets import ErrorLabel, primary_button


class UnlockWindow(QWidget):
    """Emits ``unlock_requested(password)``; the controller answers with ``show_error`` or closes it."""

    unlock_requested = Signal(str)

    def __init__(self, municipality: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockWindow")
        self.setWindowTitle(self.tr("Tovholder – locked"))
        self.setMinimumSize(520, 380)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(56, 48, 56, 40)
        outer.setSpacing(14)
        outer.addStretch(1)
        title = QLabel(self.tr("Tovholder is locked"))
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(title)
        subtitle = QLabel(self.tr("Write your password to open your cases."))
        subtitle.setObjectName("subtitle")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(subtitle)

        row = QHBoxLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setMinimumWidth(260)
        self.password.returnPressed.connect(self._submit)
        row.addStretch(1)
        row.addWidget(self.password)
        self.unlock_button = primary_button(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self._submit)
        row.addWidget(self.unlock_button)
        row.addStretch(1)
        outer.addLayout(row)

        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.status)
        self.error = ErrorLabel()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.error)
        outer.addStretch(2)

        forgot = QLabel()  # what IT can do if she forgets it, once the key file has been read
        self.forgot = forgot
        forgot.hide()
        forgot.setObjectName("muted")
        forgot.setWordWrap(True)
        forgot.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(forgot)
        footer = QLabel(" · ".join(p for p in (municipality, f"Tovholder {__version__}") if p))
        footer.setObjectName("muted")
        footer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(footer)

        self._wait_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.password.setFocus()

    def show_recovery(self, recoverable: bool) -> None:
        """Say only what this profile allows: IT can open it again only if its data key is wrapped to
        the municipality's recovery key."""
        self.forgot.setText(self.tr(
            "Forgot your password? IT can open your records again with the municipality's recovery "
            "key; nothing you have saved is lost.") if recoverable else self.tr(
            "Your password is the only key to the records on this laptop: the municipality has no recovery "
            "key for this profile. Ask IT what to do if you have forgotten it."))
        self.forgot.show()

    def _submit(self) -> None:
        if self._wait_left > 0 or not self.password.text():
            return
        self.error.clear_message()
        self.status.setText(self.tr("Opening …"))
        self.password.setEnabled(False)
        self.unlock_button.setEnabled(False)
        self.unlock_requested.emit(self.password.text())

    def show_error(self, text: str, wait_seconds: int = 0) -> None:
        """Show why unlocking failed; keep the field disabled while she must wait."""
        self.status.clear()
        self.error.show_message(text)
        self.password.clear()
        self._wait_left = wait_seconds
        if wait_seconds > 0:
            self._tick_label()
            self._countdown.start()
        else:
            self._enable()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._countdown.stop()
            self.status.clear()
            self._enable()
        else:
            self._tick_label()

    def _tick_label(self) -> None:
        self.password.setEnabled(False)
        self.unlock_button.setEnabled(False)
        self.status.setText(fill(self.tr("You can try again in {seconds} s."), seconds=self._wait_left))

    def _enable(self) -> None:
        self.password.setEnabled(True)
        self.unlock_button.setEnabled(True)
        self.password.setFocus()
