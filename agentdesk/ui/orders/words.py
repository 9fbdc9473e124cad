"""The order form's words: field problems, delivery times, the round promise."""

from __future__ import annotations

from PySide6.QtCore import QObject

from agentdesk.domain.order_form import PreferredTime


class OrderWords(QObject):
    """Translated texts of the order form, kept in one catalogue context."""

    def problem(self, field: str, code: str) -> str:
        """Return what to tell the agent about one field's problem code."""
        if field.startswith("lines["):
            field = "lines." + field.rsplit(".", 1)[-1] if "." in field else "lines"
        texts = {
            ("lines", "required"): self.tr("Add at least one product."),
            ("lines", "too_many"): self.tr("An order has at most 50 lines."),
            ("lines.product_code", "unknown"): self.tr(
                "A product is no longer in the catalogue; remove its line."),
            ("lines.product_code", "required"): self.tr("Choose a product."),
            ("lines.quantity", "too_small"): self.tr("The quantity is at least 1."),
            ("lines.quantity", "too_large"): self.tr("At most 10 of one product per order."),
            ("lines.quantity", "invalid"): self.tr("The quantity is a whole number."),
            ("lines.discount", "too_large"): self.tr(
                "A discount cannot be more than the line's price."),
            ("lines.discount", "invalid"): self.tr(
                "A discount is an amount in yuan with at most 2 decimals."),
            ("lines.discount", "too_small"): self.tr("A discount cannot be negative."),
            ("lines.options", "too_long"): self.tr("The options are too long (100 characters)."),
            ("discount", "needs_approval"): self.tr(
                "This discount is beyond your authority: a supervisor must approve it "
                "(Ctrl+Shift+A)."),
            ("discount", "too_high"): self.tr(
                "This discount is beyond what a supervisor may grant (20 %)."),
            ("address", "required"): self.tr("Enter the delivery address."),
            ("address", "too_long"): self.tr("The address is too long (300 characters)."),
            ("address", "too_short"): self.tr(
                "The address is too short for a courier to find it."),
            ("address", "no_number"): self.tr(
                "The address needs a house, building or room number."),
            ("contact_phone", "required"): self.tr("Enter the number the courier calls."),
            ("contact_phone", "invalid"): self.tr("Not a valid phone number."),
            ("hall", "required"): self.tr("Choose the hall the customer picks the order up at."),
            ("hall", "unknown"): self.tr("This hall no longer takes pick-ups."),
            ("payment_method", "mismatch"): self.tr(
                "Cash on delivery goes with home delivery, payment at the hall with pick-up."),
            ("real_name", "required"): self.tr(
                "Enter the holder's name as on the ID card (real-name registration)."),
            ("real_name", "too_long"): self.tr("The name is too long."),
            ("real_name", "invalid"): self.tr("A name has no digits."),
            ("resident_id", "required"): self.tr("Enter the holder's resident ID number."),
            ("resident_id", "length"): self.tr("A resident ID number has 18 characters."),
            ("resident_id", "old_format"): self.tr(
                "This is an old 15-digit number; ask for the 18-character one."),
            ("resident_id", "characters"): self.tr(
                "Only digits, and X as the last character."),
            ("resident_id", "region"): self.tr("The first two digits are not a province."),
            ("resident_id", "birth_date"): self.tr("The birth date in the number is not valid."),
            ("resident_id", "checksum"): self.tr(
                "The check character does not match: a digit is wrong or two are swapped."),
            ("resident_id", "under_age"): self.tr(
                "The holder is under 18 and cannot sign for this product."),
            ("notes", "too_long"): self.tr("The notes are too long (500 characters)."),
            ("approval", "too_long"): self.tr("The approval note is too long."),
            ("total", "changed"): self.tr(
                "A price changed since the read-back (an offer ended or a price was updated). "
                "Nothing was saved: close the form, take the order again and read it back."),
            ("customer", "unknown"): self.tr(
                "This customer is not on this workstation yet; open their record again."),
            ("call", "unknown"): self.tr("The call is not recorded on this workstation."),
            ("round", "past"): self.tr("That round has left; choose another one."),
            ("round", "full"): self.tr("This round is full: choose another one."),
            ("preferred_time", "invalid"): self.tr("Choose a preferred time."),
            ("round", "unknown"): self.tr("That round no longer exists; choose another one."),
        }
        return texts.get((field, code), self.tr("Not valid (%1).").replace("%1", code))

    def error(self, code: str) -> str:
        """Return the text of an order error code, "" for a code that is not the form's."""
        return {
            "no_round": self.tr("No dispatch round takes orders at this time of day: ask your "
                                "supervisor to check the rounds' cut-off times."),
            "no_rounds": self.tr("No dispatch rounds are set up: ask your supervisor."),
        }.get(code, "")

    def field_name(self, field: str) -> str:
        """Return the label of a field, for a list of problems."""
        if field.startswith("lines["):
            index = field[6:field.index("]")] if "]" in field else "?"
            return self.tr("Line %1").replace("%1", str(int(index) + 1)
                                              if index.isdigit() else index)
        names = {
            "lines": self.tr("Products"), "discount": self.tr("Discount"),
            "address": self.tr("Address"), "contact_phone": self.tr("Contact phone"),
            "hall": self.tr("Hall"), "payment_method": self.tr("Payment"),
            "real_name": self.tr("Holder's name"), "resident_id": self.tr("Resident ID"),
            "notes": self.tr("Notes"), "approval": self.tr("Approval"),
            "round": self.tr("Round"), "preferred_time": self.tr("Preferred time"),
            "customer": self.tr("Customer"), "call": self.tr("Call"),
            "total": self.tr("Total"),
        }
        return names.get(field, field)

    def preferred_time(self, value: PreferredTime) -> str:
        """Return the label of a preferred delivery time."""
        return {
            PreferredTime.ANY: self.tr("Any time"),
            PreferredTime.MORNING: self.tr("Morning (9-12)"),
            PreferredTime.AFTERNOON: self.tr("Afternoon (13-18)"),
            PreferredTime.EVENING: self.tr("Evening (18-21)"),
        }[value]
