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
        next_contact: Lease and preview the next contact (F2).
        dial: Dial the number in the call bar, or answer a ringing call (F3).
        hang_up: End the call (F4).
        hold: Hold or resume (F6).
        mute: Mute or unmute the microphone (F7).
        transfer: Transfer the call to another number (F8).
        ready: Take calls (Ctrl+Shift+R).
        not_ready: Stop taking calls, with a reason (Ctrl+Shift+P).
        consent_yes, consent_no: The customer's answer to recording (Alt+Y, Alt+N).
        focus_number: Put the cursor in the number field (Ctrl+D).
        call_notes: Put the cursor in the call notes (Ctrl+Shift+N).
        callbacks: Show the callbacks list (Ctrl+B).
        ring_in: Simulate an incoming call (training phone only; Ctrl+Shift+I).
        kb_search: Search the knowledge base (Ctrl+K).
        kb_copy_answer: Put the article's answer (or the selected text) into the call notes
            (Ctrl+Shift+C).
        kb_ask: Ask the trainers a question (Ctrl+Shift+Q).
        kb_my_questions: The agent's questions and their answers.
        kb_question_queue: Trainers: the questions waiting for an answer.
        kb_articles: Trainers: write and edit articles.
        script_focus: Show the call script and give it the keys 1-9 (Ctrl+G).
        script_editor: Script developers and supervisors: write and publish scripts.
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
        self.next_contact = make("F2")
        self.dial = make("F3")
        self.hang_up = make("F4")
        self.hold = make("F6")
        self.hold.setCheckable(True)
        self.mute = make("F7")
        self.mute.setCheckable(True)
        self.transfer = make("F8")
        self.ready = make("Ctrl+Shift+R")
        self.not_ready = make("Ctrl+Shift+P")
        self.consent_yes = make("Alt+Y")
        self.consent_no = make("Alt+N")
        self.focus_number = make("Ctrl+D")
        self.call_notes = make("Ctrl+Shift+N")
        self.callbacks = make("Ctrl+B")
        self.ring_in = make("Ctrl+Shift+I")
        self.kb_search = make("Ctrl+K")
        self.kb_copy_answer = make("Ctrl+Shift+C")
        self.kb_ask = make("Ctrl+Shift+Q")
        self.kb_my_questions = make()
        self.kb_question_queue = make()
        self.kb_articles = make()
        self.script_focus = make("Ctrl+G")
        self.script_editor = make()
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

    def set_disposition_keys(self, active: bool) -> None:
        """Free F1, F5 and F9 for the dispositions while wrap-up waits for one."""
        held = ((self.shortcuts, QKeySequence(QKeySequence.StandardKey.HelpContents)),
                (self.reload_customer, QKeySequence(QKeySequence.StandardKey.Refresh)),
                (self.sync_now, QKeySequence("F9")))
        for action, key in held:
            action.setShortcut(QKeySequence() if active else key)

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
        self.next_contact.setText(self.tr("&Next contact"))
        self.dial.setText(self.tr("&Dial / answer"))
        self.hang_up.setText(self.tr("&Hang up"))
        self.hold.setText(self.tr("H&old"))
        self.mute.setText(self.tr("&Mute"))
        self.transfer.setText(self.tr("&Transfer…"))
        self.ready.setText(self.tr("&Ready"))
        self.not_ready.setText(self.tr("Not read&y…"))
        self.consent_yes.setText(self.tr("Consents to recording"))
        self.consent_no.setText(self.tr("Declines recording"))
        self.focus_number.setText(self.tr("Number &field"))
        self.call_notes.setText(self.tr("Call n&otes"))
        self.callbacks.setText(self.tr("&Callbacks"))
        self.ring_in.setText(self.tr("Simulate an &incoming call…"))
        for action in (self.next_contact, self.dial, self.hang_up, self.hold, self.mute,
                       self.transfer, self.ready, self.not_ready, self.consent_yes,
                       self.consent_no):
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().replace('&', '')} ({key})")
        self.kb_search.setText(self.tr("&Search"))
        self.kb_copy_answer.setText(self.tr("&Copy answer into call notes"))
        self.kb_ask.setText(self.tr("&Ask trainers…"))
        self.kb_my_questions.setText(self.tr("&My questions…"))
        self.kb_question_queue.setText(self.tr("Question &queue…"))
        self.kb_articles.setText(self.tr("A&rticles…"))
        self.script_focus.setText(self.tr("Call &script"))
        self.script_editor.setText(self.tr("Script &editor…"))
        self.sync_now.setText(self.tr("Sync &now"))
        self.sync_issues.setText(self.tr("Sync &issues…"))
        self.sign_in.setText(self.tr("Sign &in…"))
        self.sign_out.setText(self.tr("&Sign out"))
        self.quit.setText(self.tr("&Quit"))
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.about.setText(self.tr("&About AgentDesk"))
