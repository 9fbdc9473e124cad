"""Phone backends by name, so the console can be wired to a new one without touching the UI.

A backend is a factory that turns a :class:`PhoneSetup` into a
:class:`~agentdesk.domain.telephony.Phone`. The simulated phone is built in and is the
default; a SIP or CTI client registers itself with :func:`register_backend` and is then
chosen by name in the configuration::

    phone = create_phone("simulated", PhoneSetup(scheduler, clock, {"answer": "0.6"}))
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from agentdesk.domain.errors import KnownError
from agentdesk.domain.ports import Clock
from agentdesk.domain.telephony import Phone, Scheduler

__all__ = [
    "DEFAULT_BACKEND",
    "BadPhoneOptionsError",
    "PhoneFactory",
    "PhoneSetup",
    "UnknownBackendError",
    "backend_names",
    "create_phone",
    "register_backend",
]

#: The backend a workstation uses unless its configuration names another.
DEFAULT_BACKEND = "simulated"


@dataclass(frozen=True)
class PhoneSetup:
    """Everything a backend factory may need to build a phone.

    Attributes:
        scheduler: Runs the backend's timers (a Qt timer in the console, threads in the
            load simulator, a manual scheduler in tests).
        clock: Stamps call times.
        options: The backend's own settings as configuration strings; each backend says
            which keys it knows and rejects the rest.
        callers: Gives the caller id of the next generated inbound call (backends that
            generate calls only).
        seed: Seeds the backend's random choices, for repeatable runs; None draws from the
            operating system.
    """

    scheduler: Scheduler
    clock: Clock
    options: Mapping[str, str] = field(default_factory=dict)
    callers: Callable[[], str] | None = None
    seed: int | None = None


PhoneFactory = Callable[[PhoneSetup], Phone]


class UnknownBackendError(KnownError):
    """The configuration names a phone backend that is not installed."""

    code = "unknown_phone_backend"

    def __init__(self, name: str, known: Sequence[str]) -> None:
        names = ", ".join(known) or "none"
        super().__init__(f"Unknown phone backend {name!r} (known: {names})",
                         name=name, known=names)


class BadPhoneOptionsError(KnownError):
    """A phone backend option is unknown or its value cannot be used.

    ``params`` hold ``option`` (the key at fault) and ``problem`` (what is wrong, in English).
    """

    code = "bad_phone_options"

    def __init__(self, option: str, problem: str) -> None:
        super().__init__(f"Phone option {option!r}: {problem}", option=option, problem=problem)


_lock = threading.Lock()
_backends: dict[str, PhoneFactory] = {}


def register_backend(name: str, factory: PhoneFactory) -> None:
    """Make a backend available under ``name``; registering a name again replaces it.

    Args:
        name: The name the configuration uses, e.g. ``"simulated"`` or ``"sip"``.
        factory: Builds a phone from a :class:`PhoneSetup`; it raises
            :class:`BadPhoneOptionsError` for options it cannot use.

    Raises:
        ValueError: ``name`` is empty or has surrounding spaces.
    """
    if not name or name != name.strip():
        raise ValueError(f"Bad phone backend name {name!r}")
    with _lock:
        _backends[name] = factory


def backend_names() -> list[str]:
    """Return the names of the registered backends, sorted."""
    with _lock:
        return sorted(_backends)


def create_phone(name: str, setup: PhoneSetup) -> Phone:
    """Build a phone with the backend registered under ``name``.

    Args:
        name: The backend's name.
        setup: The scheduler, clock and options for the new phone.

    Returns:
        The new phone, with no listener and not available for inbound calls.

    Raises:
        UnknownBackendError: No backend has that name.
        BadPhoneOptionsError: The backend cannot use ``setup.options``.
    """
    with _lock:
        factory = _backends.get(name)
        known = sorted(_backends)
    if factory is None:
        raise UnknownBackendError(name, known)
    return factory(setup)


# The built-in backend; imported last because it uses the errors above.
from agentdesk.telephony.simulated import SimulatedOdds, SimulatedPhone  # noqa: E402


def _simulated_phone(setup: PhoneSetup) -> Phone:
    """Build the simulated phone, its odds read from ``setup.options``."""
    return SimulatedPhone(setup.scheduler, setup.clock, SimulatedOdds.from_options(setup.options),
                          rng=random.Random(setup.seed), callers=setup.callers)


register_backend(DEFAULT_BACKEND, _simulated_phone)
