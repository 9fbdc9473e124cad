"""Where AgentDesk keeps its data, its versioned settings file, and the server password."""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from agentdesk.domain.errors import KnownError

APP_NAME = "AgentDesk"
HOME_ENV = "AGENTDESK_HOME"
SERVER_ENV = "AGENTDESK_SERVER_URL"
SETTINGS_FILE = "settings.json"
LOCAL_DB = "agentdesk.db"
DEMO_SERVER_DB = "demo-server.db"
SETTINGS_VERSION = 2
KEYRING_SERVICE = "AgentDesk server database"


def data_directory(profile: str | os.PathLike[str] | None = None) -> Path:
    """Return the data directory of AgentDesk.

    That is ``profile`` if given, else ``$AGENTDESK_HOME``, else the platform's user data
    directory (``~/.local/share/AgentDesk`` on Linux).
    """
    if profile:
        return Path(profile).expanduser().resolve()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass
class Settings:
    """Per-workstation settings, stored as JSON beside the local database.

    Attributes:
        version: Format version of the file; older files are upgraded on load.
        workstation_id: Identifies this workstation to the server (outbox idempotency).
        server_url: SQLAlchemy URL of the server database, without password; "" for none.
        language: UI language (``zh_CN`` or ``en``); "" follows the system locale.
        last_username: Pre-filled in the sign-in dialog.
        phone_backend: The telephony backend by its registered name ("simulated" by default).
        phone_options: The backend's options, as strings (e.g. the simulated phone's odds).
    """

    version: int = SETTINGS_VERSION
    workstation_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    server_url: str = ""
    language: str = ""
    last_username: str = ""
    phone_backend: str = "simulated"
    phone_options: dict[str, str] = field(default_factory=dict)


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Version 1 called the UI language "locale".
    data = dict(data)
    if "locale" in data:
        data["language"] = data.pop("locale")
    return data


_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


class SettingsError(KnownError):
    """The settings file cannot be read or written."""

    code = "settings"


def load_settings(directory: Path) -> Settings:
    """Read the settings in ``directory``, upgrading an older format; defaults if absent.

    A damaged file (not JSON, not an object) is kept aside as ``settings.json.damaged`` and
    defaults are used, so a bad file never stops the console from starting.

    Raises:
        SettingsError: the file exists but cannot be read (permissions, I/O); it is left as
            it is, since it may hold the workstation's identity.
    """
    return _settings_from(_read_stored(directory))


def _read_stored(directory: Path) -> dict[str, Any] | None:
    """Return the settings file's object; None if absent or damaged (set aside)."""
    path = directory / SETTINGS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SettingsError(f"Cannot read {path}: {exc.strerror}") from exc
    except ValueError:
        data = None
    if not isinstance(data, dict):
        with contextlib.suppress(OSError):
            path.replace(path.with_name(SETTINGS_FILE + ".damaged"))
        return None
    return data


def _settings_from(stored: dict[str, Any] | None) -> Settings:
    """Return settings from a stored object of any version (defaults for None)."""
    if stored is None:
        return Settings()
    data = dict(stored)
    version = data.get("version", 1)
    while isinstance(version, int) and version in _UPGRADES:
        data = _UPGRADES[version](data)
        version += 1
    data["version"] = SETTINGS_VERSION
    defaults = Settings()
    values: dict[str, Any] = {}
    for item in fields(Settings):
        value = data.get(item.name)
        if isinstance(value, type(getattr(defaults, item.name))):
            values[item.name] = value
    if "phone_options" in values:  # a hand-edited file may hold numbers or nested values
        values["phone_options"] = {str(k): str(v) for k, v in values["phone_options"].items()
                                   if isinstance(v, str | int | float)}
    return Settings(**values)


def ensure_settings(directory: Path) -> Settings:
    """Load the settings, writing them first if the file is new or was upgraded.

    The workstation id must not change between starts, so a fresh one is saved at once. A
    directory that cannot be written still gets usable settings for this run.
    """
    try:
        stored = _read_stored(directory)
    except SettingsError:
        return Settings()  # this run only; the unreadable file is not overwritten
    settings = _settings_from(stored)
    if stored != asdict(settings):
        with contextlib.suppress(SettingsError):
            save_settings(directory, settings)
    return settings


def save_settings(directory: Path, settings: Settings) -> None:
    """Write the settings atomically (a crash leaves the old file or the new one, not half).

    Raises:
        SettingsError: the file cannot be written (read-only directory, disk full).
    """
    path = directory / SETTINGS_FILE
    temporary = path.with_name(SETTINGS_FILE + ".tmp")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise SettingsError(f"Cannot save settings in {directory}: {exc.strerror}") from exc


def server_password(url: str) -> str | None:
    """Return the server password kept in the OS keyring for ``url``, or None.

    Raises:
        KnownError: no keyring backend is available (never a plain-file fallback).
    """
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, url)
    except NoKeyringError as exc:
        raise KnownError(
            "No system keyring is available to keep the server password; install one "
            "(e.g. gnome-keyring or KWallet on Linux) or use a passwordless login",
            code="no_keyring",
        ) from exc
    except KeyringError as exc:
        raise KnownError(f"The keyring refused access: {exc}", code="keyring_error") from exc


def password_for(url: str) -> str | None:
    """Return the keyring's password for a server URL that needs one, else None.

    A URL that carries its own password, a SQLite file and the demo need none; without a
    keyring backend the connection is tried without a password (trust or peer login).
    """
    if not url or url.startswith("demo:") or url.startswith("sqlite"):
        return None
    try:
        import sqlalchemy as sa

        parsed = sa.engine.make_url(url)
    except Exception:  # noqa: BLE001 - a bad URL is reported when connecting
        return None
    if parsed.password is not None or not parsed.username:
        return None
    try:
        return server_password(url)
    except KnownError:
        return None


def store_server_password(url: str, password: str) -> None:
    """Keep the server password for ``url`` in the OS keyring.

    Raises:
        KnownError: no keyring backend is available.
    """
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, url, password)
    except NoKeyringError as exc:
        raise KnownError("No system keyring is available to keep the server password",
                         code="no_keyring") from exc
    except KeyringError as exc:
        raise KnownError(f"The keyring refused access: {exc}", code="keyring_error") from exc
