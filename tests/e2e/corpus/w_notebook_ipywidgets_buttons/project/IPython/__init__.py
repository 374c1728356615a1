"""Offline stand-in: only `IPython.display.display` is used."""
