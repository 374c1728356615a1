"""Tiny offline stand-in for the parts of Textual this app uses."""
