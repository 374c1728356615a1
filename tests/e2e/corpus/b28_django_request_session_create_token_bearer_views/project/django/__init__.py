"""Offline stand-in for the slice of Django this project uses."""
