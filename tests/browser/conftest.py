"""Browser tests: the app served on loopback to Debian's headless Chromium.

Tests here are skipped when ``/usr/bin/chromium`` is missing, unless
``COACT_REQUIRE_BROWSER=1`` (CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = Path("/usr/bin/chromium")
#: No GPU, no QUIC, no sandbox (root in CI containers), and no name lookups
#: beyond this machine: the app's pages must not need the network.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-sandbox",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright launches Debian's Chromium (``playwright install`` is never run)."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("COACT_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url() -> None:
    """Pages are opened by full ``live_server`` URLs. (Replaces pytest-playwright's
    fallback fixture, a session fixture on an instance that pytest 9 warns about.)"""
    return None


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """A Finnish-speaking visitor, as most of the directory's users."""
    return {**browser_context_args, "locale": "fi-FI"}


@pytest.fixture
def live_server(app) -> Iterator[str]:
    """The test's app (same database backend) served on a free loopback port."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
