"""Offline stand-in for the slice of Django Channels this app uses."""
