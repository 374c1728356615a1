"""Tiny offline stand-in for the parts of Kivy 2 this kiosk uses."""
__version__ = "2.3.0"
