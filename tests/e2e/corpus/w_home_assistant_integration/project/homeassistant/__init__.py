"""Offline stand-in for the slice of Home Assistant's core this integration uses."""
