"""Shared fakes and factories for the test suite."""
