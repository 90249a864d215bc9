"""Helpers for users' test suites: a real threaded server and a pytest plugin."""
