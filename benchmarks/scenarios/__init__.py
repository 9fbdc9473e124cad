"""Scenario modules, one per area; every module here is imported and registers its scenarios."""
