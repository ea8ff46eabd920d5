"""TUI tests use `make_app` from tests/conftest.py."""
