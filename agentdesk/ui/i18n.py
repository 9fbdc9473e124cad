"""UI languages: load compiled translations and switch them while the console runs."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (CHINESE, ENGLISH)


def translations_dir() -> Path:
    """Return the folder of AgentDesk's compiled ``.qm`` files."""
    return Path(str(resources.files("agentdesk"))) / "resources" / "translations"


def system_language() -> str:
    """Return the supported language closest to the system locale."""
    return CHINESE if QLocale.system().language() == QLocale.Language.Chinese else ENGLISH


class LanguageSwitcher(QObject):
    """Installs the translators of one language into the application.

    Switching sends every widget a LanguageChange event; widgets answer it by calling their
    ``retranslate_ui()``.

    Signals:
        language_changed(str): the new language code.
    """

    language_changed = Signal(str)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = ENGLISH

    def switch(self, language: str) -> bool:
        """Use ``language`` (``zh_CN`` or ``en``); return False if its files are missing."""
        if language not in LANGUAGES:
            language = system_language()
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators.clear()
        # English is the source language; its file only carries plural forms.
        ok = self._install(translations_dir() / f"agentdesk_{language}.qm")
        if language != ENGLISH:
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self._install(Path(qt_dir) / f"qtbase_{language}.qm")
        QLocale.setDefault(QLocale(language if language != ENGLISH else "en_US"))
        self.language = language
        self.language_changed.emit(language)
        return ok

    def _install(self, path: Path) -> bool:
        translator = QTranslator(self)
        if not translator.load(str(path)):
            log.warning("Translation file missing: %s", path)
            return False
        self._app.installTranslator(translator)
        self._translators.append(translator)
        return True
