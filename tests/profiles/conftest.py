"""The browser fixtures of tests/browser, for the profile editor's browser test."""

from tests.browser.conftest import (  # noqa: F401
    base_url,
    browser_context_args,
    browser_type_launch_args,
    live_server,
)
