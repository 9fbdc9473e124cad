"""Translated names of the domain's enums, and money and time formatting for the UI."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QLocale, QObject

from agentdesk.domain.calls import CallDirection
from agentdesk.domain.customers import Gender
from agentdesk.domain.orders import DeliveryMethod, OrderStatus, PaymentMethod, money
from agentdesk.domain.people import Role
from agentdesk.domain.phones import PhoneKind


class Labels(QObject):
    """Words for enum values, looked up at display time so a language switch applies."""

    def direction(self, value: CallDirection) -> str:
        """Return the name of a call direction."""
        return {
            CallDirection.OUTBOUND: self.tr("Outbound"),
            CallDirection.INBOUND: self.tr("Inbound"),
        }[value]

    def gender(self, value: Gender) -> str:
        """Return the name of a gender value."""
        return {
            Gender.UNKNOWN: self.tr("Not given"),
            Gender.FEMALE: self.tr("Female"),
            Gender.MALE: self.tr("Male"),
        }[value]

    def phone_kind(self, value: PhoneKind) -> str:
        """Return the name of a kind of phone line."""
        return {
            PhoneKind.MOBILE: self.tr("Mobile"),
            PhoneKind.FIXED: self.tr("Landline"),
            PhoneKind.OTHER: self.tr("Other"),
        }[value]

    def role(self, value: Role) -> str:
        """Return the name of a role."""
        return {
            Role.AGENT: self.tr("Agent"),
            Role.SUPERVISOR: self.tr("Supervisor"),
            Role.TRAINER: self.tr("Trainer"),
            Role.SCRIPT_DEVELOPER: self.tr("Script developer"),
            Role.ADMIN: self.tr("Administrator"),
        }[value]

    def delivery(self, value: DeliveryMethod) -> str:
        """Return the name of a delivery method."""
        return {
            DeliveryMethod.HOME_DELIVERY: self.tr("Home delivery"),
            DeliveryMethod.HALL_PICKUP: self.tr("Hall pick-up"),
        }[value]

    def payment(self, value: PaymentMethod) -> str:
        """Return the name of a payment method."""
        return {
            PaymentMethod.CASH_ON_DELIVERY: self.tr("Cash on delivery"),
            PaymentMethod.PAY_AT_HALL: self.tr("Pay at the hall"),
        }[value]

    def order_status(self, value: OrderStatus) -> str:
        """Return the name of an order status."""
        return {
            OrderStatus.CONFIRMED: self.tr("Confirmed"),
            OrderStatus.DISPATCHED: self.tr("Dispatched"),
            OrderStatus.DELIVERED: self.tr("Delivered"),
            OrderStatus.FAILED: self.tr("Delivery failed"),
            OrderStatus.REFUSED: self.tr("Refused"),
            OrderStatus.RESCHEDULED: self.tr("Rescheduled"),
            OrderStatus.CANCELLED: self.tr("Cancelled"),
        }[value]

    def language(self, value: str) -> str:
        """Return the name of a customer's language."""
        return self.tr("English") if value == "en" else self.tr("Chinese")

    @staticmethod
    def when(value: datetime) -> str:
        """Return a timestamp in the workstation's time zone, e.g. ``2026-11-23 14:05``."""
        return value.astimezone().strftime("%Y-%m-%d %H:%M")

    def money(self, amount: Decimal) -> str:
        """Return an amount in CNY, e.g. ``¥1,299.00``."""
        return f"¥{money(amount):,.2f}"


def bilingual(chinese: str, english: str) -> str:
    """Return data kept in both languages (campaign names, dispositions) in the UI's language.

    Chinese is the fallback when there is no English text.
    """
    return chinese if QLocale().name().startswith("zh") or not english else english
