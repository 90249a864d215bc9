"""Helpers shared by the test suites: the server under test and one client for every vendor."""
