"""Words for the failures and field problems the services report by code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt

from agentdesk.domain.errors import KnownError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


class Messages(QObject):
    """Translates :class:`KnownError` codes and validation problem codes into user text."""

    def error(self, error: KnownError) -> str:
        """Return what to tell the user about ``error``, in the current language."""
        code = error.code
        params = error.params
        storage = {
            "disk_full": self.tr("The disk is full. Free some space; nothing typed so far "
                                 "has been lost, and you can try again."),
            "read_only": self.tr("The database file is read-only. Ask your administrator to "
                                 "give AgentDesk write access to %1.").replace(
                                     "%1", str(params.get("path", ""))),
            "corrupt": self.tr("The database file %1 is damaged or is not an AgentDesk "
                               "database. It has not been changed; ask your administrator "
                               "to restore it.").replace("%1", str(params.get("path", ""))),
            "busy": self.tr("The database is busy in another program. Try again in a "
                              "moment."),
            "io_error": self.tr("The disk could not be read or written. Check the drive and "
                                "try again."),
            "cannot_open": self.tr("The database %1 cannot be opened. Check that the folder "
                                   "exists and is writable.").replace(
                                       "%1", str(params.get("path", ""))),
            "missing": self.tr("There is no database at %1.").replace(
                "%1", str(params.get("path", ""))),
        }
        if code in storage:
            return storage[code]
        if code == "wrong_credentials":
            remaining = int(params.get("remaining", 0))
            return self.tr("Wrong username or password. %n more attempt(s) before the "
                           "account is locked.", "", remaining)
        if code == "locked":
            until = params.get("until")
            when = QLocale().toString(until.astimezone().time(), QLocale.FormatType.ShortFormat) \
                if until is not None else ""
            return self.tr("Too many failed sign-ins. The account is locked until %1.") \
                .replace("%1", when)
        if code == "no_users":
            return self.tr("This workspace has no users yet. An administrator adds the first "
                           "one with: agentdesk-admin user add --profile FOLDER NAME")
        if code == "disabled":
            return self.tr("This account is disabled. Ask your supervisor.")
        if code == "stale_record":
            return self.tr("Someone else saved this customer while you were editing. Your "
                           "changes are still in the form: press Save again to replace "
                           "theirs with yours, or Cancel to keep theirs.")
        if code == "not_found":
            return self.tr("The record no longer exists.")
        if code == "not_allowed":
            return self.tr("Your role does not allow this.")
        if code == "required_steps":
            return self.tr("A sale can only be saved once the script's required steps "
                           "(identity check, recording consent, order read-back…) have been "
                           "passed. Go through them in the script, then save again.")
        if code == "saved_not_pulled":
            return self.tr("Saved on the server, but this computer could not fetch it back "
                           "yet. It appears here with the next sync (F9).")
        if code == "script_problems":
            return self.tr("The script cannot be published yet: %n problem(s) to fix.", "",
                           int(params.get("count", 0)))
        if code == "invalid_input":
            return self.tr("Some fields need attention.")
        if code == "server_unreachable":
            return self.tr("The server cannot be reached. Your changes are kept on this "
                           "computer and sent as soon as the server answers again.")
        if code == "protocol_mismatch":
            return self._protocol_mismatch(params.get("server_protocol"),
                                           params.get("protocol"))
        if code == "dial_refused":
            return self._dial_refused(str(params.get("reason", "")), error)
        if code == "agent_state_wrap_up":
            return self.tr("Choose a disposition for the last call first.")
        if code.startswith("agent_state"):
            return self.tr("Finish the call first.")
        if code in ("no_keyring", "keyring_error"):
            return self.tr("The system keyring is not available, so the server password "
                           "cannot be kept safely: %1").replace("%1", str(error))
        return self.tr("Something went wrong: %1").replace("%1", str(error))

    def _dial_refused(self, reason: str, error: KnownError) -> str:
        if reason == "dnc":
            return self.tr("This number is on the do-not-call list. It was not dialled.")
        if reason == "outside_hours":
            return self.tr("It is outside calling hours where this customer lives. The "
                           "number was not dialled.")
        if reason == "invalid_number":
            return self.tr("That is not a valid phone number.")
        return self.tr("Something went wrong: %1").replace("%1", str(error))

    def _protocol_mismatch(self, server: object, client: object) -> str:
        kept = self.tr("Your changes are kept on this computer until then.")
        if server == 0:
            return self.tr("The server database has not been set up for AgentDesk, so this "
                           "computer cannot sync. Ask your administrator to run "
                           "agentdesk-admin init-server.") + " " + kept
        if isinstance(server, int) and isinstance(client, int) and server > client:
            return self.tr("The server uses a newer version of AgentDesk than this computer, "
                           "so they cannot sync. Ask your administrator to upgrade AgentDesk "
                           "on this computer.") + " " + kept
        if isinstance(server, int) and isinstance(client, int):
            return self.tr("This computer uses a newer version of AgentDesk than the server "
                           "database, so they cannot sync. Ask your administrator to upgrade "
                           "the server database (agentdesk-admin init-server).") + " " + kept
        return self.tr("This computer and the server use versions of AgentDesk that cannot "
                       "sync with each other. Ask your administrator to upgrade the older "
                       "one.") + " " + kept

    def problem(self, code: str) -> str:
        """Return the text for one field's validation problem code."""
        texts = {
            "required": self.tr("Required."),
            "too_long": self.tr("Too long."),
            "too_many": self.tr("Too many entries."),
            "invalid_phone": self.tr("Not a valid phone number."),
            "phone_empty": self.tr("Enter a phone number."),
            "phone_too_long": self.tr("The phone number is too long."),
            "duplicate": self.tr("This number is already listed."),
            "label_too_long": self.tr("The label is too long."),
            "several_primary": self.tr("Only one number can be the primary one."),
            "several_default": self.tr("Only one address can be the default."),
            "street_required": self.tr("Enter the street and house number."),
            "invalid_postal_code": self.tr("A postal code has 6 digits."),
            "taken": self.tr("Already taken."),
            "invalid": self.tr("Not valid."),
        }
        return texts.get(code, self.tr("Not valid."))


def show_error(parent: QWidget, title: str, text: str) -> QMessageBox:
    """Show ``text`` in a window-modal message box without blocking the event loop."""
    from PySide6.QtWidgets import QMessageBox  # first use only; keeps start-up light

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("errorBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
