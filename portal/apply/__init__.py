"""Applying to the housing register."""
