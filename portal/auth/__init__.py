"""Accounts, roles and access control."""
