"""Clinic voice bot."""
__version__ = "0.4.1"
