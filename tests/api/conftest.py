from tests.search.conftest import activity, app_config, search  # noqa: F401  (shared fixtures)
