"""Tiny offline stand-in for the parts of Pyramid 2 this app uses."""
