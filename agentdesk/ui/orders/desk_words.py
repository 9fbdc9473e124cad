"""The delivery desk's words: results, common reasons, and what is wrong with a result or file."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from agentdesk.domain.dispatch import MAX_RESCHEDULE_DAYS, DeliveryResult
from agentdesk.domain.errors import KnownError
from agentdesk.services.result_files import MAX_FILE_BYTES, MAX_ROWS, FileProblem
from agentdesk.ui.messages import Messages
from agentdesk.ui.scripts.editor_words import fill

_ON_LINE = re.compile(r"on line (\d+)")
#: The fields of check_result's codes: an import names such a problem ``<field>_<code>``.
_RULES = ("status_", "reason_", "collected_", "reschedule_date_", "reporter_")


class DeskWords(QObject):
    """Translates delivery results, result problems and the desk's errors."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages = Messages(self)

    def result(self, value: DeliveryResult) -> str:
        """Return the name of a delivery result."""
        return {DeliveryResult.DELIVERED: self.tr("Delivered"),
                DeliveryResult.FAILED: self.tr("Failed"),
                DeliveryResult.REFUSED: self.tr("Refused"),
                DeliveryResult.RESCHEDULED: self.tr("Rescheduled")}[value]

    def reasons(self, value: DeliveryResult) -> list[str]:
        """Return the usual reasons for a result, to pick from (none for a delivery)."""
        return {
            DeliveryResult.DELIVERED: [],
            DeliveryResult.FAILED: [self.tr("Nobody at home"),
                                    self.tr("The phone was not answered"),
                                    self.tr("Wrong or incomplete address"),
                                    self.tr("The ID check did not match")],
            DeliveryResult.REFUSED: [self.tr("The customer changed their mind"),
                                     self.tr("The customer says they did not order it"),
                                     self.tr("The customer disagrees with the price"),
                                     self.tr("The goods were damaged")],
            DeliveryResult.RESCHEDULED: [self.tr("The customer asked for another day"),
                                         self.tr("The customer is away"),
                                         self.tr("The customer asked for another time")],
        }[value]

    def field_problem(self, field: str, code: str) -> str:
        """Return what is wrong with one field of a result (a ``check_result`` code)."""
        return self.problem(f"{field}_{code}")

    def problem(self, code: str, detail: str = "") -> str:
        """Return the reason a result or a results file's row was refused.

        Args:
            code: A code of :mod:`agentdesk.services.result_files`, ``order_not_found``, or
                ``<field>_<code>`` from :func:`agentdesk.domain.dispatch.check_result`.
            detail: The problem's English detail; a few reasons take a value from it.
        """
        texts = {
            # the whole file
            "too_large": fill(self.tr("The file is larger than %1 MB and was not read."),
                              str(MAX_FILE_BYTES // (1024 * 1024))),
            "empty": self.tr("The file holds no results."),
            "encoding": self.tr("The file is not text in UTF-8 or GB18030: save it again as "
                                "\"CSV UTF-8\"."),
            "no_header": self.tr("The first row is not a header row: it needs the columns "
                                 "订单号 and 配送结果 (order_no and result)."),
            "missing_column": fill(self.tr("The column %1 is missing."),
                                   detail.split(" ", 1)[0] if detail else "?"),
            "duplicate_column": self.tr("Two columns hold the same field: keep one of them."),
            "too_many_rows": fill(self.tr("The file has more than %1 rows: split it and "
                                          "import each part."), f"{MAX_ROWS:,}"),
            "unclosed_quote": self.tr("A quotation mark opened here is never closed: the rest "
                                      "of the file was not read."),
            "file_unreadable": self.tr("The file cannot be read."),
            # one row
            "order_no_required": self.tr("The order number is blank."),
            "result_unknown": self.tr("Unknown result: use delivered, failed, refused or "
                                      "rescheduled (已送达, 失败, 拒收, 改期)."),
            "amount_invalid": self.tr("The amount collected is not an amount in yuan such as "
                                      "1299.00."),
            "date_invalid": self.tr("The new date is not a date such as 2026-12-03."),
            "duplicate_order": fill(self.tr("The same order is already on line %1."),
                                    m[1] if (m := _ON_LINE.search(detail)) else "?"),
            "too_long": self.tr("A cell is too long."),
            "extra_cells": self.tr("A cell has text but no column name above it."),
            "order_not_found": fill(self.tr("There is no order %1."), detail),
            # the rules of a result
            "status_closed": self.tr("The order is already closed (delivered, refused or "
                                     "cancelled)."),
            "status_not_allowed": self.tr("This result cannot follow the order's current "
                                          "status."),
            "reason_required": self.tr("A reason is required for this result."),
            "reason_too_long": self.tr("The reason is too long."),
            "collected_invalid": self.tr("Enter an amount in yuan such as 1299.00."),
            "collected_mismatch": self.tr("Cash on delivery: the amount collected must be the "
                                          "order total."),
            "collected_not_expected": self.tr("An amount collected is given only for a "
                                              "delivered order."),
            "reschedule_date_required": self.tr("A rescheduled delivery needs its new date."),
            "reschedule_date_past": self.tr("The new date must be after today."),
            "reschedule_date_too_far": fill(self.tr("The new date is more than %1 days ahead."),
                                            str(MAX_RESCHEDULE_DAYS)),
            "reschedule_date_not_expected": self.tr("A new date is given only for a "
                                                    "rescheduled delivery."),
            "reporter_too_long": self.tr("The reporter's name is too long."),
        }
        text = texts.get(code)
        if text is None:
            return fill(self.tr("Not accepted (%1)."), code)
        return text

    def file_problem(self, problem: FileProblem) -> str:
        """Return a results file's problem as the import summary lists it."""
        text = self.problem(problem.code, problem.detail)
        if problem.code.startswith(_RULES) and problem.detail:  # the detail is the order
            return fill(self.tr("Order %1: %2"), problem.detail, text)
        return text

    def error(self, error: KnownError) -> str:
        """Return what to tell the user about a failure of the desk."""
        params = error.params
        if error.code == "export_failed":
            return fill(self.tr("The sheet could not be saved as %1: %2"),
                        str(params.get("path", "")), str(params.get("reason", "")))
        if error.code == "file_unreadable":
            return fill(self.tr("The file %1 cannot be read."), str(params.get("path", "")))
        if error.code == "round_not_found":
            return self.tr("This round no longer exists. Press F5 to refresh.")
        if error.code == "hall_not_found":
            return self.tr("This hall no longer exists. Press F5 to refresh.")
        if error.code == "order_not_found":
            return self.tr("This order no longer exists. Press F5 to refresh.")
        if error.code == "not_allowed":
            return self.tr("Only supervisors (the delivery desk) can do this.")
        return self._messages.error(error)
