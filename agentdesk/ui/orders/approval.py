"""A supervisor approves a discount on the agent's screen by signing in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from agentdesk.domain.errors import KnownError
from agentdesk.domain.order_form import MAX_APPROVAL_NOTE, DiscountApproval
from agentdesk.domain.pricing import OrderTotals
from agentdesk.services.orders import OrderService
from agentdesk.ui.messages import Messages
from agentdesk.ui.tasks import TaskRunner


class ApprovalDialog(QDialog):
    """The supervisor types their name, password and why; the check runs on a worker."""

    def __init__(self, service: OrderService, runner: TaskRunner, summary: str,
                 totals: OrderTotals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self._service = service
        self._runner = runner
        self._totals = totals
        self.approval: DiscountApproval | None = None
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setObjectName("approvalUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("approvalPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLineEdit(self)
        self.note.setObjectName("approvalNote")
        self.note.setMaxLength(MAX_APPROVAL_NOTE)
        self.problem = QLabel(self)
        self.problem.setObjectName("approvalProblem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Supervisor:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Reason:"), self.note)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Approve"))
        buttons.accepted.connect(self._approve)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Supervisor approval"))
        self.username.setFocus()

    def _approve(self) -> None:
        if not self.note.text().strip():
            self.problem.setText(self.tr("Say why the discount is granted."))
            self.note.setFocus()
            return
        service, totals = self._service, self._totals
        username, password, note = self.username.text(), self.password.text(), self.note.text()
        self.buttons.setEnabled(False)
        self._runner.run(lambda: service.approve_discount(username, password, totals, note),
                         self._approved, self._refused, owner=self)

    def _approved(self, approval: DiscountApproval) -> None:
        self.buttons.setEnabled(True)
        self.approval = approval
        self.accept()

    def _refused(self, error: KnownError) -> None:
        self.buttons.setEnabled(True)
        if error.code == "cannot_approve":
            text = self.tr("This account may not approve discounts.")
        elif error.code == "self_approval":
            text = self.tr("A discount needs someone else's approval.")
        else:
            text = Messages(self).error(error)
        self.problem.setText(text)
        self.password.clear()
        self.password.setFocus()
