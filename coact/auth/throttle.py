"""Slowing down password guessing: failed logins counted per account and per IP.

Counts live in memory of each worker process (a sliding window), which is
enough to make guessing slow without a table or a server: with N worker
processes an attacker gets at most N times the limit. A successful login clears
the account's count. Limits come from the app config:
``LOGIN_MAX_FAILURES_PER_ACCOUNT`` (5), ``LOGIN_MAX_FAILURES_PER_IP`` (20) and
``LOGIN_FAILURE_WINDOW_SECONDS`` (900).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable

from flask import current_app

DEFAULTS = {
    "LOGIN_MAX_FAILURES_PER_ACCOUNT": 5,
    "LOGIN_MAX_FAILURES_PER_IP": 20,
    "LOGIN_FAILURE_WINDOW_SECONDS": 900,
}


class LoginThrottle:
    def __init__(
        self,
        per_account: int,
        per_ip: int,
        window_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_account = per_account
        self.per_ip = per_ip
        self.window = window_seconds
        self.clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str) -> deque[float]:
        entries = self._failures[key]
        cutoff = self.clock() - self.window
        while entries and entries[0] <= cutoff:
            entries.popleft()
        if not entries:
            del self._failures[key]
            return deque()
        return entries

    def is_blocked(self, account: str, ip: str) -> bool:
        with self._lock:
            return (
                len(self._recent(f"a:{account}")) >= self.per_account
                or len(self._recent(f"i:{ip}")) >= self.per_ip
            )

    def record_failure(self, account: str, ip: str) -> None:
        now = self.clock()
        with self._lock:
            self._failures[f"a:{account}"].append(now)
            self._failures[f"i:{ip}"].append(now)

    def clear_account(self, account: str) -> None:
        with self._lock:
            self._failures.pop(f"a:{account}", None)


def login_throttle() -> LoginThrottle:
    """The app's throttle, created on first use from the app config."""
    throttle = current_app.extensions.get("coact_login_throttle")
    if throttle is None:
        config = {key: current_app.config.get(key, default) for key, default in DEFAULTS.items()}
        throttle = LoginThrottle(
            per_account=int(config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]),
            per_ip=int(config["LOGIN_MAX_FAILURES_PER_IP"]),
            window_seconds=float(config["LOGIN_FAILURE_WINDOW_SECONDS"]),
        )
        current_app.extensions["coact_login_throttle"] = throttle
    return throttle
