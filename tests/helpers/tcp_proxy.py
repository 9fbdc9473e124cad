"""A TCP proxy for fault-injection tests: it forwards bytes and cuts every connection on cue.

The proxy sits between a workstation and its server database. Armed with a byte offset in one
direction, it forwards exactly that many more bytes in that direction (a chunk that crosses the
offset is split), then closes every connection it carries and refuses new ones until it is
healed. A cut in the server-to-client direction just as the answer to a COMMIT starts models
the worst case for sync: the server has committed, the client never learns it.

Threads and plain sockets only; one proxy per upstream address.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass

UP = "c2s"  # client to server
DOWN = "s2c"  # server to client
DIRECTIONS = (UP, DOWN)
_CHUNK = 65536


@dataclass
class _Cut:
    """A pending cut: after ``remaining`` more bytes in ``direction``."""

    direction: str
    remaining: int
    # Counting starts when the n-th client message carrying ``after_marker`` has passed.
    after_marker: bytes = b""
    marker_hits_left: int = 0


class TcpProxy:
    """Forward 127.0.0.1:``port`` to ``upstream``; cut everything on cue; heal.

    Args:
        upstream_host: The server's host.
        upstream_port: The server's port.

    Use as a context manager, or call :meth:`start` and :meth:`close`.
    """

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._pairs: set[tuple[socket.socket, socket.socket]] = set()
        self._acceptor = threading.Thread(target=self._accept_loop, name="proxy-accept",
                                          daemon=True)
        self._pumps: list[threading.Thread] = []
        self._down = False
        self._closed = False
        self._cut: _Cut | None = None
        self.forwarded = {UP: 0, DOWN: 0}  # bytes, since the start
        self.connections = 0  # accepted and forwarded
        self.refused = 0  # accepted while down, closed at once
        self.cuts = 0

    # ------------------------------------------------------------------ life cycle
    def start(self) -> TcpProxy:
        """Start accepting connections."""
        self._acceptor.start()
        return self

    def close(self) -> None:
        """Stop accepting, close every connection and wait for the threads."""
        with self._lock:
            self._closed = True
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        with contextlib.suppress(OSError):
            self._listener.close()
        self._acceptor.join(timeout=5)
        with self._lock:
            pairs = list(self._pairs)
            self._pairs.clear()
        for pair in pairs:
            _close_pair(pair)
        for thread in self._pumps:
            thread.join(timeout=5)

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ faults
    def arm(self, direction: str, after: int, *, marker: bytes = b"", nth: int = 1) -> None:
        """Cut every connection once ``after`` more bytes went ``direction``.

        Args:
            direction: :data:`UP` (client to server) or :data:`DOWN` (server to client).
            after: Bytes still forwarded in that direction before the cut (0: the next byte
                is not forwarded).
            marker: If given, counting starts only once the ``nth`` client chunk containing
                these bytes (e.g. ``b"COMMIT"``) has been forwarded whole.
            nth: Which occurrence of ``marker`` starts the count.
        """
        if direction not in DIRECTIONS:
            raise ValueError(direction)
        with self._lock:
            self._cut = _Cut(direction, max(0, after), marker, nth if marker else 0)

    def disarm(self) -> bool:
        """Forget a pending cut; return True if one was pending (it never fired)."""
        with self._lock:
            pending = self._cut is not None
            self._cut = None
            return pending

    @property
    def down(self) -> bool:
        """True from a cut until :meth:`heal`."""
        return self._down

    def cut(self) -> None:
        """Close every connection now and refuse new ones until healed."""
        with self._lock:
            self._fire_locked()
            pairs = list(self._pairs)
            self._pairs.clear()
        for pair in pairs:
            _close_pair(pair)

    def heal(self) -> None:
        """Accept connections again (the pending cut, if any, stays armed)."""
        with self._lock:
            self._down = False

    # ------------------------------------------------------------------ forwarding
    def _fire_locked(self) -> None:
        self._down = True
        self._cut = None
        self.cuts += 1

    def _accept_loop(self) -> None:
        while True:
            try:
                client, _addr = self._listener.accept()
            except OSError:
                return  # closed
            with self._lock:
                if self._closed:
                    client.close()
                    return
                refuse = self._down
                if refuse:
                    self.refused += 1
            if refuse:
                _hard_close(client)
                continue
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                _hard_close(client)
                continue
            server.settimeout(None)
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            pair = (client, server)
            with self._lock:
                if self._down or self._closed:
                    _close_pair(pair)
                    continue
                self._pairs.add(pair)
                self.connections += 1
            self._pumps = [t for t in self._pumps if t.is_alive()]
            for source, target, direction in ((client, server, UP), (server, client, DOWN)):
                thread = threading.Thread(target=self._pump, args=(pair, source, target,
                                                                   direction),
                                          name=f"proxy-{direction}", daemon=True)
                thread.start()
                self._pumps.append(thread)

    def _pump(self, pair: tuple[socket.socket, socket.socket], source: socket.socket,
              target: socket.socket, direction: str) -> None:
        while True:
            try:
                data = source.recv(_CHUNK)
            except OSError:
                data = b""
            if not data:
                self._drop(pair)
                return
            with self._lock:
                if self._down or pair not in self._pairs:
                    return
                send, fire = self._admit_locked(data, direction)
                self.forwarded[direction] += len(send)
                if fire:
                    self._fire_locked()
                    pairs = list(self._pairs)
                    self._pairs.clear()
            try:
                if send:
                    target.sendall(send)
            except OSError:
                self._drop(pair)
                return
            if fire:
                for other in pairs:
                    _close_pair(other)
                return

    def _admit_locked(self, data: bytes, direction: str) -> tuple[bytes, bool]:
        """Return the part of ``data`` to forward and whether the cut fires after it."""
        cut = self._cut
        if cut is None:
            return data, False
        if cut.marker_hits_left:
            if direction == UP and cut.after_marker in data:
                cut.marker_hits_left -= 1
            return data, False  # counting has not started yet
        if cut.direction != direction:
            return data, False
        if len(data) < cut.remaining:
            cut.remaining -= len(data)
            return data, False
        return data[:cut.remaining], True

    def _drop(self, pair: tuple[socket.socket, socket.socket]) -> None:
        """One side closed: close the other (a normal end of a connection)."""
        with self._lock:
            self._pairs.discard(pair)
        _close_pair(pair)


def _hard_close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


def _close_pair(pair: tuple[socket.socket, socket.socket]) -> None:
    for sock in pair:
        _hard_close(sock)
