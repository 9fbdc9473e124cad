"""The console's actions with their keyboard shortcuts, grouped for the menus."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from agentdesk.ui.i18n import CHINESE, ENGLISH


class ConsoleActions(QObject):
    """Every action of the main window; texts are set by :meth:`retranslate`.

    Attributes:
        find_customer: Focus the customer search (Ctrl+F).
        new_customer: Add a customer (Ctrl+N).
        edit_customer: Edit the open customer (Ctrl+E).
        reload_customer: Reload the open customer (F5).
        chinese, english: Switch the UI language (checkable, exclusive).
        toggle_language: Switch between the two languages (Ctrl+Shift+L).
        reset_layout: Put the panels back where they started.
        sync_now: Sync with the server now (F9).
        sync_issues: Show the rejected changes and conflicts (Ctrl+Shift+Y).
        sign_in: Show the sign-in dialog while nobody is signed in (Ctrl+L).
        sign_out: Sign out and show the sign-in dialog.
        quit: Leave AgentDesk (Ctrl+Q).
        shortcuts: Show the keyboard shortcuts (F1).
        about: About AgentDesk.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)

        def make(shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
            action = QAction(parent)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            return action

        self.find_customer = make(QKeySequence.StandardKey.Find)
        self.new_customer = make(QKeySequence.StandardKey.New)
        self.edit_customer = make("Ctrl+E")
        self.reload_customer = make(QKeySequence.StandardKey.Refresh)
        self.chinese = make()
        self.english = make()
        self.languages = QActionGroup(self)
        for action, code in ((self.chinese, CHINESE), (self.english, ENGLISH)):
            action.setCheckable(True)
            action.setData(code)
            self.languages.addAction(action)
        self.toggle_language = make("Ctrl+Shift+L")
        self.reset_layout = make()
        self.sync_now = make("F9")
        self.sync_issues = make("Ctrl+Shift+Y")
        self.sign_in = make("Ctrl+L")
        self.sign_out = make()
        self.quit = make(QKeySequence.StandardKey.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.shortcuts = make(QKeySequence.StandardKey.HelpContents)
        self.about = make()
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.find_customer.setText(self.tr("&Find customer"))
        self.new_customer.setText(self.tr("&New customer"))
        self.edit_customer.setText(self.tr("&Edit customer"))
        self.reload_customer.setText(self.tr("&Reload customer"))
        self.chinese.setText("简体中文")
        self.english.setText("English")
        self.toggle_language.setText(self.tr("Switch &language"))
        self.reset_layout.setText(self.tr("&Reset panel layout"))
        self.sync_now.setText(self.tr("Sync &now"))
        self.sync_issues.setText(self.tr("Sync &issues…"))
        self.sign_in.setText(self.tr("Sign &in…"))
        self.sign_out.setText(self.tr("&Sign out"))
        self.quit.setText(self.tr("&Quit"))
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.about.setText(self.tr("&About AgentDesk"))
