"""Concierge avatar service."""
